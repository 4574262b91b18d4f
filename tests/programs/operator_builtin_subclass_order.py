# Which method answers a + b when operands are instances of subclasses of
# builtin types (with or without __add__/__radd__): CPython's number-slot
# order before sequence concatenation; bytearray + X asks X.__radd__.
import itertools
def mk(base, name, add, radd):
    ns = {}
    if add: ns['__add__'] = lambda s, o: f'{name}.add'
    if radd: ns['__radd__'] = lambda s, o: f'{name}.radd'
    return type(name, (base,), ns)
samples = {str: ('a', 'b'), list: ([1], [2]), tuple: ((1,), (2,)), int: (1, 2), bytes: (b'a', b'b')}
for base, (x, y) in samples.items():
    P = mk(base, 'P', False, True)
    Q = mk(P, 'Q', False, False)
    R = mk(base, 'R', False, False)
    V = mk(base, 'V', True, False)
    W = mk(P, 'W', False, True)
    classes = [P, Q, R, V, W]
    for A, B in itertools.product(classes, classes):
        try: r = A(x) + B(y)
        except TypeError as e: r = 'TypeError'
        print(base.__name__, A.__name__, B.__name__, repr(r))
    for B in classes:
        try: r = x + B(y)
        except TypeError as e: r = 'TypeError'
        try: r2 = B(x) + y
        except TypeError as e: r2 = 'TypeError'
        print(base.__name__, 'plain', B.__name__, repr(r), repr(r2))
class X:
    def __radd__(self, o): return 'X.radd'
for v in ('a', [1], (1,), b'a', bytearray(b'a'), 1, 1.5):
    print(type(v).__name__, v + X())
class I(int):
    def __rsub__(self, o): return 'I.rsub'
    def __rmul__(self, o): return 'I.rmul'
class F(float): pass
class J(I): pass
for a, b in ((F(1.5), I(2)), (I(2), F(1.5)), (I(3), J(1)), (J(3), I(1)), (5, I(2)), (I(5), 2), (2.5, I(2))):
    print(type(a).__name__, type(b).__name__, a - b, a * b)
class L(list):
    def __radd__(self, o): return 'L.radd'
    def __rmul__(self, o): return 'L.rmul'
print(L([1]) + [2], [2] + L([1]), L([1]) * 2, 2 * L([1]), L([1]) + L([2]))
# The base's error other than TypeError is the answer (no reflected call).
class K(int):
    def __rfloordiv__(self, other): return 'K.rfloordiv'
try:
    print(I(1) // K(0))
except ZeroDivisionError as error:
    print('ZeroDivisionError:', error)
