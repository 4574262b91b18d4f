# getattr with a default and hasattr on builtin values, asked twice (the second answer may come from what the first learnt).
x = [1]
print(getattr(x, "__deepcopy__", None), hasattr(x, "append"), hasattr(x, "nope"), getattr(5, "real"), getattr(5, "nope", "d"))
try:
    list.foo = 1
except TypeError as e:
    print(e)
print(getattr(x, "foo", "missing"))
for o in [None, True, 1.5, 2**100, 1j, (), {}, set(), frozenset(), range(1), slice(1), b"", "s"]:
    print(type(o).__name__, getattr(o, "__deepcopy__", 0), getattr(o, "__deepcopy__", 0), hasattr(o, "__len__"), hasattr(o, "__len__"))
