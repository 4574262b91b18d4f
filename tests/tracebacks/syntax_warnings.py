# CPython's compile-time SyntaxWarnings: code that compiles but is almost
# surely a mistake (a literal after "is", a missing comma before a call or
# an index, an assert of a tuple); exec() reports its own.
x = 5
if x is 5: pass
if x is not "a": pass
if x is -1: pass
if x is (): pass
if x is (1, 2): pass
if None is x: pass
y = x is []
assert (x, "msg")
try:
    (1, 2)(3)
except TypeError: pass
try:
    "abc"["0"]
except TypeError: pass
try:
    [1, 2][1.5]
except TypeError: pass
try:
    5[0]
except TypeError: pass
try:
    f"{x}"()
except TypeError: pass
z = "\d"
exec("a = 1\nb = a is 1\n")
print("end")
