class E: pass
print(E().__init__(), hasattr(object, '__init__'), hasattr(1, '__init__'), hasattr(E, '__init__'))
print(object.__init__(E()))
d = {}
dict.__init__(d, {'a': 1}, b=2); print(d)
l = [9]
list.__init__(l, (1, 2)); print(l)
s = {9}
set.__init__(s, [3]); print(s)
class F:
    def __init__(self):
        object.__init__(self)
        super().__init__()
        self.x = 1
print(F().x)
for f in [lambda: object.__init__(E(), 1), lambda: (1).__init__(), lambda: "x".__init__(), lambda: E.__init__(E()),
          lambda: int.__repr__(True), lambda: int.__repr__(5), lambda: True.__repr__(), lambda: (3).__index__(), lambda: True.__index__(),
          lambda: hasattr("a", "__index__"), lambda: hasattr(3, "__index__"),
          lambda: iter([1,2]).__length_hint__(), lambda: iter((1,2,3)).__length_hint__(), lambda: iter(range(5)).__length_hint__(),
          lambda: iter({1: 2}).__length_hint__(), lambda: iter({1, 2}).__length_hint__(), lambda: iter("abc").__length_hint__(),
          lambda: reversed([1,2,3]).__length_hint__(), lambda: iter({}.items()).__length_hint__(), lambda: hasattr(zip(), '__length_hint__'),
          lambda: hasattr(map(str, []), '__length_hint__')]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
it = iter([1, 2, 3]); next(it); print(it.__length_hint__()); list(it); print(it.__length_hint__())
class MyInt(int): pass
print(int.__repr__(MyInt(7)), MyInt.__repr__(MyInt(8)))
import operator
print(operator.length_hint(iter([1,2,3])))
