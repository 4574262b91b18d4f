# The native pickler's exact bytes for each protocol (CPython's C pickler
# is the reference), and the round trip back through the unpickler.
import io
import pickle
import zlib


def show(label, x, protos=range(6)):
    for p in protos:
        d = pickle.dumps(x, p)
        y = pickle.loads(d)
        same = y == x if x == x else repr(y) == repr(x)
        if len(d) <= 150:
            print(label, p, d, same)
        else:
            print(label, p, len(d), zlib.crc32(d), same)


print(pickle.Pickler.__module__, pickle.Unpickler.__module__,
      pickle.dumps.__module__, pickle.PickleError.__module__)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))

show('none', None)
show('bools', [True, False])
for i in [0, 1, 255, 256, 65535, 65536, -1, -255, -256, 2**31 - 1, 2**31,
          -2**31, -2**31 - 1, 2**32, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
          2**64, 10**30, -10**30, 2**2040, 2**2048 - 1, -2**2047]:
    show('int %d' % i.bit_length(), i)
show('bigint', 7**3000)
for f in [0.0, -0.0, 1.5, -2.25, 1e300, 1e-300, 0.1, float('inf'),
          float('-inf'), 123456789.125]:
    show('float', f)
show('nan', float('nan'))
for s in ['', 'a', 'abc', 'é', '€uro', '😀', 'a\\b', 'line\nbreak', 'cr\r',
          'nul\0', 'ctrlz\x1a', 'tab\t', '\x7f\x80\xff', 'x' * 255, 'y' * 256,
          '\\u1234', 'mixed é€😀 \\ \n']:
    show('str', s)
for b in [b'', b'a', b'\x00\xff', b'x' * 255, b'y' * 256, bytes(range(256))]:
    show('bytes', b)
show('bytearray', bytearray(b'xy\x00'))
show('bytearray0', bytearray())
show('tuples', [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),)])
show('lists', [[], [1], [1, 2], [[1], [2, [3]]]])
show('dicts', [{}, {1: 2}, {'a': 1, 'b': [2]}, {(1, 2): None}])
show('sets', [set(), {1}, {1, 2, 3}, frozenset(), frozenset({4, 5})])
show('nested', {'a': [1, (2, 3), {'b': {4, 5}}], 'c': frozenset({(6,)})})

# Batches of 1000 (APPENDS, SETITEMS, ADDITEMS), including exact multiples.
for n in [999, 1000, 1001, 2000, 2500]:
    show('list%d' % n, list(range(n)))
    show('dict%d' % n, {i: -i for i in range(n)})
    show('set%d' % n, set(range(n)), protos=[4, 5])
    show('tuple%d' % n, tuple(range(n)), protos=[0, 2, 4])

# Memo sharing: one object pickled once, then fetched by GET.
s = 'shared'
t = (1, 2)
lst = [s, s, t, t, [t], {'k': t}]
show('shared', lst)
big_memo = [str(i) for i in range(300)]
show('memo300', big_memo + big_memo)

# Self-referencing containers.
r = []
r.append(r)
d = {}
d['self'] = d
a = [1]
tup = (a,)
a.append(tup)
for p in range(6):
    out = pickle.dumps(r, p)
    back = pickle.loads(out)
    print('rlist', p, out, back[0] is back)
    out = pickle.dumps(d, p)
    back = pickle.loads(out)
    print('rdict', p, out, back['self'] is back)
    out = pickle.dumps(a, p)
    back = pickle.loads(out)
    print('rtuple', p, out, back[1][0] is back)

# Framing: frames of 64 KiB, large payloads outside frames.
for k in (64, 65, 66, 70):
    lst = ['x' * 1000 + '%03d' % i for i in range(k)]
    show('frames%d' % k, lst, protos=[4, 5])
show('bigbytes', [b'x' * 70000, 'a'], protos=[3, 4, 5])
show('bigstr', ['s' * 70000, 'b'], protos=[3, 4, 5])
show('bigbytearray', [bytearray(b'z' * 70000), 1], protos=[4, 5])
show('manyframes', [b'%06d' % i * 100 for i in range(400)], protos=[4])
for p in range(6):
    f = io.BytesIO()
    pickle.dump([b'q' * 70000, list(range(20000))], f, p)
    print('dump to file', p, len(f.getvalue()), zlib.crc32(f.getvalue()),
          f.getvalue() == pickle.dumps([b'q' * 70000, list(range(20000))], p))

# Globals: functions, classes, builtins, nested classes.


def func():
    pass


class Outer:
    class Inner:
        pass


show('globals', [func, Outer, Outer.Inner, len, int, dict, type(None),
                 type(Ellipsis), type(NotImplemented), Ellipsis,
                 NotImplemented, pickle.dumps, zlib.crc32])

# Several pickles in one file, read back one by one.
f = io.BytesIO()
for p in range(6):
    pickle.dump(('item', p, [p] * 3), f, p)
f.seek(0)
for p in range(6):
    print('load', pickle.load(f))
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError', e)

# Options.
print(pickle.dumps(1, protocol=-1), pickle.dumps(1, None))
print(pickle.dumps(int, 2, fix_imports=False), pickle.dumps(int, 2))
print(pickle.loads(b'c__builtin__\nlong\n.'),
      pickle.loads(b'\x80\x02c__builtin__\nxrange\n.'))
print(pickle.loads(b'S\'abc\\n\\x41\'\n.'),
      pickle.loads(b'U\x03abc.', encoding='bytes'),
      pickle.loads(b'T\x03\x00\x00\x00\xe9ab.', encoding='latin-1'))
print(pickle.loads(bytearray(pickle.dumps([1, 2]))),
      pickle.loads(memoryview(pickle.dumps({3: 4}))))
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print('ValueError', e)
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)
