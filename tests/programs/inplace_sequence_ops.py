# `op=` on builtin sequences, dicts and sets: the in-place slot wrappers
# (`list.__iadd__`), `list += iterable`, and what a subclass operator
# method returning NotImplemented leaves (CPython emptying sq_concat and
# sq_repeat).
class It:
    def __iter__(self): return iter([1, 2])
x = [0]
x += It()
print(x)
print(callable(list.__iadd__), callable(list.__imul__))
y = [1]
print(list.__iadd__(y, (2, 3)), list.__imul__(y, 2), y)
class RL(list):
    def __mul__(self, o): return NotImplemented
try:
    RL([1]) * 2
except TypeError as e: print("TypeError", e)
try:
    r = RL([1]); r *= 2; print(r)
except TypeError as e: print("TypeError", e)
import operator
class IndexObj:
    def __index__(self): return 2
try:
    operator.imul(IndexObj(), [1])
except TypeError as e: print("TypeError", e)
try:
    print(operator.mul(IndexObj(), [1]))
except TypeError as e: print("TypeError", e)
try:
    x = [1]; x += 5
except TypeError as e: print("TypeError", e)
try:
    list.__iadd__([], 5)
except TypeError as e: print("TypeError", e)
try:
    list.__imul__([], "a")
except TypeError as e: print("TypeError", e)
class G:
    def __getitem__(self, i):
        if i < 3: return i
        raise IndexError
x = []; x += G(); print(x)
class L2(list): pass
a = L2([1]); b = a; a += It(); print(a is b, a, type(a).__name__)
a *= 2; print(a is b, a)
d = {1: 2}; d2 = d; d |= [(3, 4)]; print(d is d2, d)
print(dict.__ior__({}, {1: 1}), dict.__ior__({}, 5) if False else "")
print(set.__ior__({1}, {2}), set.__ior__({1}, [2]), set.__isub__({1, 2}, {2}), set.__iand__({1,2},{2}), set.__ixor__({1},{2}))
s = {1}; s |= frozenset({5}); print(s)
try:
    s |= [1]
except TypeError as e: print(e)
class TM(tuple):
    def __add__(self, o): return NotImplemented
try: TM((1,)) + (2,)
except TypeError as e: print(e)
t = TM((1,)); 
try:
    t += (2,); print(t)
except TypeError as e: print(e)
class RR(list):
    def __rmul__(self, o): return NotImplemented
try: print(2 * RR([1]))
except TypeError as e: print(e)
try: print(RR([1]) * 2)
except TypeError as e: print(e)
print(hasattr([], "__iadd__"), hasattr((), "__iadd__"), hasattr({}, "__ior__"), hasattr(frozenset(), "__ior__"))
