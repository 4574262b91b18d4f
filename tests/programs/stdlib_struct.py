import struct
from struct import pack, unpack, calcsize, Struct
for fmt, v in [('b', 200), ('B', -1), ('h', 40000), ('H', -1), ('i', 2**31), ('I', -1), ('l', 2**63), ('<l', 2**31), ('L', -1), ('q', 2**63), ('Q', -1), ('<Q', 2**64), ('n', 2**63), ('b', 1.5), ('f', 'a'), ('c', b'ab'), ('s', 1), ('e', 1e6), ('f', 1e300), ('<f', 1e300), ('?', []), ('x', 1), ('<h', 2**16), ('>I', 2**32), ('<I', -1), ('<i', -2**31 - 1)]:
    try: print(fmt, pack(fmt, v))
    except Exception as e: print(fmt, type(e).__name__, e)
for f in (lambda: pack('ii', 1), lambda: unpack('i', b'abc'), lambda: calcsize('z'), lambda: calcsize('3'), lambda: pack('<n', 1), lambda: struct.unpack_from('i', b'abcd', 2), lambda: pack('i', 1, 2), lambda: calcsize('<P'), lambda: struct.iter_unpack('i', b'abc'), lambda: struct.unpack_from('i', b'ab')):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(calcsize('@bhiq'), calcsize('=bhiq'), calcsize('bxh'), calcsize('5s2x'), calcsize('@ci'), calcsize('ic'), calcsize('P'), calcsize('?e'), calcsize('<qh'), calcsize('3i2s'), calcsize(''))
print(struct.error.__module__, struct.error.__mro__, Struct('<i').format, Struct('<i').size, Struct(b'>h').format)
print(pack('<hIq', -2, 3000000000, -1), pack('>hIq', -2, 3000000000, -1), pack('!d', 1.5), pack('<f', 0.1), pack('<e', 0.1), pack('>e', -65504.0), pack('@bi', 1, 2), pack('3s', b'ab'), pack('3s', b'abcdef'), pack('5p', b'hey'), pack('?', 'x'), pack('<c', b'z'), pack('2h', 1, 2), pack('<Q', 2**64-1), pack('<q', -2**63))
print(unpack('<hIq', pack('<hIq', -2, 3000000000, -1)), unpack('>d', pack('>d', 3.25)), unpack('<f', pack('<f', 0.1)), unpack('<e', pack('<e', 0.1)), unpack('<e', pack('<e', 1e-7)), unpack('5p', pack('5p', b'hey')), unpack('<?c3s', b'\x02z123'), unpack('<Q', b'\xff' * 8))
s = Struct('<2i'); print(s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00\x00\x00'), s.unpack_from(b'xx' + s.pack(3, 4), 2), list(s.iter_unpack(s.pack(1, 2) * 2)), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
print(struct.unpack_from('<h', b'\x00\x01\x02', offset=1), pack('<i', True), pack('d', 5), unpack('<e', b'\x00\x7c'), unpack('<e', b'\x01\x00'))
class Idx:
    def __index__(self): return 7
print(pack('<i', Idx()))
for v in [0.5, 1.0 + 2**-11, 1.0 + 3 * 2**-11, 65519.0, 2**-25, 3 * 2**-26, 1e-8, -0.0, float('inf'), 2**-14, 1.5 * 2**-14]:
    try: print(v, pack('<e', v), unpack('<e', pack('<e', v)))
    except Exception as e: print(type(e).__name__, e)
