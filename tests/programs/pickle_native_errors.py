# The native pickler's and unpickler's errors: types and messages of
# CPython's C implementation for bad reductions, unpicklable globals,
# truncated and malformed data.
import copyreg
import io
import pickle

bad_data = [
    b'', b'\x80', b'\x80\x04', b'\x80\x04\x95',
    b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K', b'K', b'J\x01\x02',
    b'x', b'\xff', b"'", b'\\', b'\x00', b'\x80\x06.', b'.', b'(.',
    b'(K\x01.', b'a.', b'K\x01a.', b'}K\x01s.', b'X\x05\x00\x00\x00abc',
    b'h\x05.', b'j\x05\x00\x00\x00.', b'g5\n.', b'I12', b'I12x\n.',
    b'F1.5x\n.', b'Fabc\n.', b'F\n.', b'S"abc\n.', b'Sabc\n.',
    b'cnomodule_xyz\nx\n.', b'e.', b'(e.', b']K\x01e.', b'u.', b'}(K\x01u.',
    b'0.', b'1.', b'2.', b'N0.', b'(t.', b'Q.', b'P1\n.', b'\x97.',
    b'\x82\x01.', b'\x8a\x02\x01', b'\x8b\xff\xff\xff\xff.',
    b'T\xff\xff\xff\xff.', b'q\x01.', b'NR.', b'N)R.', b'p-1\n.',
    b'N\x8c\x01ab.', b'K\x01\x8c\x01a\x93.', b'\x81.', b'N)\x81.',
    b'cbuiltins\nint\n(K\x01tb.', b')K\x01b.',
    b'\x95\xff\x00\x00\x00\x00\x00\x00\x00N.', b'\x88\x88.', b'N(N.',
    b'(K\x01K\x02d.', b'(K\x01K\x02K\x03d.', b'I00\n.', b'I01\n.',
    b'I0x10\n.', b'L123L\n.', b'L-5\n.', b'F1e5\n.', b'Finf\n.',
    b'V\\u00e9\\U0001F600x\n.', b'Vab\\u12\n.', b'S\'\\x41\\101\\n\'\n.',
    b'\x80\x02K\x01K\x02\x86\x85.', b'(K\x01K\x02l.', b'(K\x01\x91.',
    b'\x8f(K\x01K\x02\x90.', b'(K\x01K\x021.', b'K\x012.',
    b'cbuiltins\nnope\n.',
]
for data in bad_data:
    try:
        r = pickle.loads(data)
        print(data, '->', repr(r))
    except AttributeError as e:
        print(data, '!!', type(e).__name__)
    except Exception as e:
        print(data, '!!', type(e).__name__, e)


class A:
    def __init__(self, rv):
        self.rv = rv

    def __reduce_ex__(self, proto):
        return self.rv

    def __repr__(self):
        return 'A()'


class B:
    pass


def nf():
    pass


reductions = [
    5, (), (1,), (nf,), (nf, 1), (nf, (), None, 5), (nf, (), None, None, 5),
    (nf, (), None, None, None, 5), (1, 2, 3, 4, 5, 6, 7), (1, ()),
    (copyreg.__newobj__, ()), (copyreg.__newobj__, (1,)),
    (copyreg.__newobj__, (B,)), (copyreg.__newobj_ex__, (B,)),
    (copyreg.__newobj_ex__, (1, (), {})), (copyreg.__newobj_ex__, (A, 1, {})),
    (copyreg.__newobj_ex__, (A, (), 1)), 'nope', 'B', 'nf',
    (nf, (), None, iter([1, 2])), (nf, (), None, None, iter([1])),
    (B, (), None, None, iter([(1, 2)])),
]
for rv in reductions:
    for proto in (0, 2, 4):
        try:
            print(proto, pickle.dumps(A(rv), proto))
        except Exception as e:
            print(proto, '!!', type(e).__name__, e)


class Named:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return '<Named %s>' % self.name


def make_local():
    class Local:
        pass

    def local_function():
        pass

    return Local, local_function


for obj in make_local() + (lambda: 1,):
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])

nf.__module__ = 'no_such_module_xyz'
try:
    pickle.dumps(nf)
except pickle.PicklingError as e:
    print('PicklingError', str(e).split(' at 0x')[0], str(e).split('>')[-1])
nf.__module__ = __name__
nf.__qualname__ = 'other_name'
try:
    pickle.dumps(nf)
except pickle.PicklingError as e:
    print('PicklingError', str(e).split('>')[-1])
other_name = 5
try:
    pickle.dumps(nf)
except pickle.PicklingError as e:
    print('PicklingError', str(e).split('>')[-1])


class Slotted:
    __slots__ = ('a',)


for proto in (0, 1, 2):
    try:
        print(pickle.dumps(Slotted(), proto))
    except TypeError as e:
        print('TypeError', e)

for bad in [lambda: pickle.Pickler(io.BytesIO(), 9),
            lambda: pickle.Pickler(object()),
            lambda: pickle.Unpickler(object()),
            lambda: pickle.dumps(1, 4, buffer_callback=print),
            lambda: pickle.dumps(),
            lambda: pickle.dumps(1, 2, 3),
            lambda: pickle.dumps(1, bogus=2),
            lambda: pickle.loads(),
            lambda: pickle.loads(5),
            lambda: pickle.dump(1, object())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

deep = []
for _ in range(100000):
    deep = [deep]
try:
    pickle.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)
