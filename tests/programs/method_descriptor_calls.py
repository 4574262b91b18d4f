# Calls of builtin methods after LOAD_METHOD (the receiver first on the
# stack) and of unbound descriptors: results, argument errors, receivers of
# the wrong type, subclasses.
s = set()
s.add(1); s.add(1); s.add((1, 2))
print(sorted(s, key=str))
for call in (lambda: set.add(frozenset(), 1), lambda: list.append((), 1), lambda: dict.get([], 1),
             lambda: s.add(), lambda: s.add(1, 2), lambda: s.add([1]), lambda: str.upper(3),
             lambda: dict.get({1: 2}, 1), lambda: set.add(s, 7), lambda: str.join(",", ["a", "b"])):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
class S(set): pass
t = S(); t.add(3); set.add(t, 4); print(sorted(t))
d = {}; print(d.get(1), d.get(1, 2), {1: 'x'}.get(1))
print(sorted(s, key=str))
