# pickle errors (unpicklable objects, bad reductions, malformed and
# truncated data) and loading pickles written by CPython / Python 2.
import io
import pickle
import re


def clean(text):
    return re.sub(r' at 0x[0-9a-fA-F]+', ' at ADDR', str(text))


def try_dumps(label, value, protos=(0, 2, 4)):
    for proto in protos:
        try:
            print(label, proto, pickle.dumps(value, proto))
        except Exception as e:
            print(label, proto, type(e).__name__, clean(e),
                  isinstance(e, pickle.PickleError))


def make_local():
    class Local:
        pass

    def local_function():
        pass
    return Local, local_function


Local, local_function = make_local()


def renamed():
    pass


renamed.__qualname__ = 'not_there'


class Elsewhere:
    pass


Elsewhere.__module__ = 'no_such_module_here'
alias_target = make_local


def impostor():
    pass


impostor.__qualname__ = 'alias_target'


class BadReduce:
    def __init__(self, result):
        self.result = result

    def __reduce__(self):
        return self.result


try_dumps('lambda', lambda: 0)
try_dumps('local class', Local)
try_dumps('local instance', Local())
try_dumps('local function', local_function)
try_dumps('renamed', renamed)
try_dumps('module', Elsewhere)
try_dumps('impostor', impostor)
try_dumps('generator', (x for x in []))
try_dumps('module object', pickle)
for result in [5, (), (BadReduce,), (BadReduce, [1]), (5, ()),
               (BadReduce, (), None, None, None, None, None),
               (BadReduce, (), None, 5), (BadReduce, (), None, None, 5),
               (BadReduce, (), None, None, None, 5), 'BadReduce',
               'no_such_global']:
    try_dumps('reduce %r' % (result,), BadReduce(result), (2,))
try_dumps('list with lambda', [1, lambda: 0], (4,))
for proto in (6, 100):
    try:
        pickle.dumps(1, proto)
    except ValueError as e:
        print('ValueError', e)
try:
    pickle.Pickler(io.BytesIO(), 4, buffer_callback=print)
    pickle.Pickler(io.BytesIO(), 2, buffer_callback=print)
except ValueError as e:
    print('ValueError', e)
try:
    pickle.Pickler(None)
except TypeError as e:
    print('TypeError', e)
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.STOP,
      pickle.MEMOIZE, pickle.FRAME, pickle.SHORT_BINUNICODE, pickle.TRUE)

complete = pickle.dumps([1, 'abc', 2.5, (1, 2), {'a': b'x'}], 4)
bad_inputs = [
    b'', b'\x80', b'\x80\x04', b'\x80\x04\x95', complete[:5], complete[:12],
    complete[:20], complete[:-1], complete[:-2], b'K', b'K\x01',
    b'J\x01\x00', b'X\x05\x00\x00\x00ab', b'\x8c\x05ab', b'I12', b'I12\n',
    b'I1x\n.', b"S'abc", b'Vabc', b'\xff', b'\x00', b'z', b'.', b'(.',
    b'a.', b'K\x01a.', b'}K\x01s.', b'K\x01K\x02s.', b'h\x01.', b'g1\n.',
    b'\x80\x06.', b'N', b'NN', b'N0.', b'0.', b'1.', b't.', b')K\x01\x94',
    b'c__main__\nNope\n.', b'cno_such_module_x\nX\n.',
    b'}(K\x01K\x02K\x03u.', b'\x82\x01.', b'\x8a\x03\x01\x00',
    b'P1\n.', b'K\x01K\x02\x93.', b'Fabc\n.', b"Sab\n.", b'K\x01K\x02b.',
    b']K\x01b.', b'\x8c\x03\xff\xfe\xfd.', b'\x8b\xff\xff\xff\xff.',
]
for data in bad_inputs:
    try:
        print(data, '->', repr(pickle.loads(data)))
    except Exception as e:
        print(data, type(e).__name__, str(e).replace("'" + __file__ + "'", 'FILE'))
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)

# Pickles as CPython 3.11 writes them (and Python 2 for the S/U/T ones).
cpython_made = [
    b'\x80\x04\x95\x1d\x00\x00\x00\x00\x00\x00\x00]\x94(K\x01\x8c\x01a\x94G?\xf8\x00\x00\x00\x00\x00\x00\x88N\x89e.',
    b'(lp0\nI1\naVa\np1\naF1.5\naI01\naNaI00\na.',
    b'\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.',
    b'c_codecs\nencode\np0\n(Vab\np1\nVlatin1\np2\ntp3\nRp4\n.',
    b'\x80\x02c_codecs\nencode\nq\x00X\x02\x00\x00\x00\xc3\xa9q\x01X\x06\x00\x00\x00latin1q\x02\x86q\x03Rq\x04.',
    b'ccopy_reg\n_reconstructor\np0\n(c__main__\nLoaded\np1\nc__builtin__\nobject\np2\nNtp3\nRp4\n(dp5\nVv\np6\nI9\nsb.',
    b'c__builtin__\nxrange\np0\n(I0\nI3\nI1\ntp1\nRp2\n.',
    b'\x80\x02c__builtin__\ncomplex\nq\x00G?\xf0\x00\x00\x00\x00\x00\x00G@\x00\x00\x00\x00\x00\x00\x00\x86q\x01Rq\x02.',
    b'\x80\x02cexceptions\nValueError\nq\x00U\x03badq\x01\x85q\x02Rq\x03.',
    b"(dp0\nS'key'\np1\nS'caf\\xc3\\xa9\\n'\np2\ns.",
    b'\x80\x02}q\x00(U\x01aq\x01K\x01T\x02\x00\x00\x00bbq\x02K\x02u.',
    b'\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8f\x94(K\x01K\x02\x90.',
    b'\x80\x04(K\x01K\x02\x91\x94.',
    b'\x80\x04\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x00\x01.',
    b'\x80\x04\x8a\x01\xff.',
    b'L123456789012345678901L\n.',
    b'(I1\nI2\nI3\nt(I4\nl2.',
    b'(I1\nI2\nI3\n1N.',
    b'\x80\x05\x96\x03\x00\x00\x00\x00\x00\x00\x00abc\x94.',
    b'\x80\x03B\x03\x00\x00\x00abcq\x00.',
    b'\x80\x04\x8c\x08builtins\x94\x8c\x03int\x94\x93\x94.',
    b'\x80\x04\x8c\x08builtins\x94\x8c\x0bint.__add__\x94\x93\x94K\x02K\x03\x86R.',
    b'Vcaf\xe9 \\u20ac \\U0001f600 \\\\u0041\n.',
    b'(c__main__\nLoaded\np0\n(dp1\nVv\np2\nI1\nsb.',
    b'(i__main__\nLoaded\np0\n(dp1\nVv\np2\nI3\nsb.',
    b'(c__main__\nLoaded\nI7\no.',
    b'I7\n2\x86.',
]


class Loaded:
    def __init__(self, v=0):
        self.v = v

    def __repr__(self):
        return 'Loaded(%r)' % vars(self)


for data in cpython_made:
    try:
        print(repr(pickle.loads(data)))
    except Exception as e:
        print('error', type(e).__name__, e)

py2 = b"(lp0\nS'caf\\xe9'\np1\naU\x03\xe9t\xe9q\x02a."
for kwargs in [{}, {'encoding': 'latin1'}, {'encoding': 'bytes'},
               {'encoding': 'ascii', 'errors': 'replace'}]:
    try:
        print(kwargs, pickle.loads(py2, **kwargs))
    except Exception as e:
        print(kwargs, type(e).__name__, e)

# fix_imports=False keeps the Python 3 names at protocol 2.
print(pickle.dumps([range, str, ValueError], 2, fix_imports=False))
print(pickle.dumps([range, str, ValueError, FileNotFoundError], 2))
try:
    pickle.loads(b'c__builtin__\nset\n.', fix_imports=False)
except Exception as e:
    print(type(e).__name__, e)
