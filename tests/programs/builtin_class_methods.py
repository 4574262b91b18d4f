# Builtin class methods (int.from_bytes, float.fromhex, bytes.fromhex,
# dict.fromkeys): their type, names and binding, and a subclass's own
# instances from them.
print(type(int.from_bytes).__name__)
print(repr(dict.fromkeys)[:40])
print(type(dict.fromkeys).__name__)
print(int.from_bytes.__self__ is int, dict.fromkeys.__self__ is dict)
print(int.from_bytes.__name__, dict.fromkeys.__qualname__)
print(hasattr(int.from_bytes, "__func__"))
class D(dict): pass
print(repr(D.fromkeys)[:38], D.fromkeys("ab"))
print(type("".join).__name__, type([].append).__name__, type(len).__name__)
print(type(D.fromkeys("ab")).__name__, type({}.fromkeys("x")).__name__, type(D().fromkeys([1])).__name__)
print(dict.fromkeys([1, 2], 0), D.fromkeys((3,), [1]))
class E(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
print(E.fromkeys("ab", 1))
try:
    dict.fromkeys()
except TypeError as e:
    print(e)
print(type(float.fromhex).__name__, float.fromhex.__qualname__, bytes.fromhex.__self__)
