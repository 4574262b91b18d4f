# Keyword arguments given twice through ** unpacking: the message names
# the function as CPython does.
def f(**k): pass
try:
    f(**{'a':1}, a=2)
except TypeError as e: print(e)
try:
    f(a=1, **{'a':2})
except TypeError as e: print(e)
class C:
    def m(self, **k): pass
try:
    C().m(**{'a':1}, **{'a':2})
except TypeError as e: print(e)
try:
    print(**{'sep':1}, sep=2)
except TypeError as e: print(e)
try:
    dict(**{'a':1}, a=2)
except TypeError as e: print(e)
