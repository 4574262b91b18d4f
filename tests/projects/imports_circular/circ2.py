from circ1 import x
y = 2
