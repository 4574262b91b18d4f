def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A: __eq__ = None
t(lambda: A() == A())
t(lambda: A() != A())
class B: __bool__ = None
t(lambda: bool(B()))
class R: __repr__ = None
t(lambda: repr(R()))
class L: __len__ = None
t(lambda: len(L()))
class G: __getitem__ = None
t(lambda: G()[0])
class N: __neg__ = None
t(lambda: -N())
class Ad: __add__ = None
t(lambda: Ad() + 1)
class Lt: __lt__ = None
t(lambda: Lt() < 1)
class C: __contains__ = None
t(lambda: 1 in C())
class I: __iter__ = None
t(lambda: iter(I()))
class H: __hash__ = None
t(lambda: hash(H()))
class Rv:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
t(lambda: reversed(Rv()))
class S: __str__ = None
t(lambda: str(S()))
class F: __format__ = None
t(lambda: format(F()))
class Ca: __call__ = None
t(lambda: Ca()())
class Idx: __index__ = None
t(lambda: [1,2][Idx()])
class It:
    def __iter__(self): return self
    __next__ = None
t(lambda: next(It()))
