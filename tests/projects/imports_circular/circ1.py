from circ2 import y
x = 1
