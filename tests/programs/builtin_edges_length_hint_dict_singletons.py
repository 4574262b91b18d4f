class S:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
    def __len__(self): return 3
it = iter(S())
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
class NoLen:
    def __getitem__(self, i):
        if i < 2: return i
        raise IndexError
print(iter(NoLen()).__length_hint__())
import operator
print(operator.length_hint(iter(S())), operator.length_hint(iter(NoLen()), 7))
class O: pass
o = O(); o.a = 1
del o.__dict__
print(o.__dict__, hasattr(o, "a"))
o.b = 2
print(o.__dict__)
print(type(Ellipsis).__new__(type(Ellipsis)), type(None).__new__(type(None)), type(NotImplemented).__new__(type(NotImplemented)))
for f in (lambda: type(None)(1), lambda: type(Ellipsis)(1)):
    try:
        f()
    except TypeError as e:
        print(e)
