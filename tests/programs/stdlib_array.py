from array import array
import array as arraymod
for f in (lambda: array('b',[200]), lambda: array('B',[-1]), lambda: array('i',[1.5]), lambda: array('d',['a']), lambda: array('z'), lambda: array('i','ab'), lambda: array('u',[1]), lambda: array('H',[70000]), lambda: array('I',[-1]), lambda: array('Q',[-1]), lambda: array('q',[2**63]), lambda: array('L',[2**64]), lambda: array('i',[1]).pop(5), lambda: array('i').pop(), lambda: array('i',[1]).remove(2), lambda: array('i',[1]).index(2), lambda: array('i',[1])+array('d'), lambda: array('i',[1])+[1], lambda: array('i',[1])[5], lambda: array('b',[1]).frombytes(b'ab') or 0, lambda: array('h').frombytes(b'abc'), lambda: array('i',[1]).__setitem__(slice(0,1), [2]), lambda: array('h', [1]).__setitem__(0, 2**20), lambda: array('l', [2**70]), lambda: array('L', [-1]), lambda: array('i', [1]) * 'a', lambda: hash(array('i')), lambda: array('i', [1]).fromlist((1,)), lambda: array('d', [1]).tounicode(), lambda: array(1), lambda: array('i', [1])['a']):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = array('d', [1.0, 2.5]); print(a, repr(array('u','hi')), array('i'), a.itemsize, a.typecode, a.tolist(), a.tobytes()[:4], array('f', [0.1])[0], array('b', b'\x01\x02'), str(array('l', [1])))
print(a[::-1], a[0:1], a * 2, 2 * a, a == array('d', [1.0, 2.5]), a < array('d',[2.0]), array('i',[1,2]) == array('d',[1.0,2.0]), a.buffer_info()[1])
print(arraymod.typecodes, arraymod.ArrayType is array, type(a), type(iter(a)))
b = array('i', range(10))
b[2] = 99; del b[0]; b.append(7); b.insert(0, -1); b.extend([5, 6]); b.extend(array('i', [8]))
print(b, len(b), b.count(5), b.index(99), 99 in b, 100 in b, b.pop(), b.pop(0), b)
b[1:3] = array('i', [0, 0, 0]); print(b); del b[::2]; print(b); b[::2] = array('i', [1] * len(b[::2])); print(b)
b.reverse(); print(b, list(b), sum(b), max(b), sorted(b))
c = array('h', [1, -2, 300]); bs = c.tobytes(); print(bs, array('h', bs)); c.byteswap(); print(c)
d = array('B', b'hello'); print(d, d.tobytes().decode())
e = array('u', 'hello'); e.append('!'); print(e, e.tounicode(), e[1], e[::-1])
f = array('f', [1.1, 2.2]); print(f, f[0] == 1.1, f.tobytes())
g = array('q', [2**62, -2**62]); h = array('Q', [2**64 - 1]); print(g, h, h[0])
i = array('d', [0.0]) * 5; i[3] = 1.5; i += array('d', [2.0]); i *= 2; print(i, len(i))
import copy
j = copy.copy(b); j.append(1); print(b, j, copy.deepcopy(e))
class MyArray(array):
    def total(self): return sum(self)
m = MyArray('i', [1, 2, 3]); print(m.total(), type(m).__name__, m[1:], isinstance(m, array))
k = array('i', [3, 1, 2]); k2 = array('i', k); print(k2, array('d', k))
print(array('b', [1, 2]) < array('b', [1, 3]), array('i', [1]) != array('i', [1]), array('d', [1.0]) >= array('i', [1, 0]))
n = array('l', [1, 2, 3]); n.fromlist([4, 5]); print(n, n.buffer_info()[1], array('i', []) == array('i'))
