# Error behaviour of marshal.loads / dumps.
import marshal

BAD = [b'', b'\x99', b'i\x01', b'l\x01\x00\x00\x00', b's\x05\x00\x00\x00ab',
       b'r\x00\x00\x00\x00', b'[\x01\x00\x00\x00', b'l\x01\x00\x00\x00\x00\x00',
       b'l\x02\x00\x00\x00\x01\x00\x00\x00', b'z\x05ab', b'{N', b'\x00', b'0',
       b'(\xff\xff\xff\xff', b'?', b'g\x00', b's\xff\xff\xff\xff', b'u\xff\xff\xff\xff',
       b'a\xff\xff\xff\xff', b'[\xff\xff\xff\xff', b'<\xff\xff\xff\xff', b'>\xff\xff\xff\xff',
       b'l\x01\x00\x00\x00\xff\xff', b'[\x01\x00\x00\x000', b'(\x01\x00\x00\x000',
       b'<\x01\x00\x00\x000', b'{N0', b'{0', b'<\x01\x00\x00\x00[\x00\x00\x00\x00',
       b'{[\x00\x00\x00\x00N0', b'f\x03abc', b'f\x03', b'x\x011\x01', b'r\x01\x00\x00\x00',
       b'\xdb\x01\x00\x00\x00r\x00\x00\x00\x00', b'l\x00\x00\x00\x00', b't\x01\x00\x00\x00a',
       b'A\x01\x00\x00\x00a', b'Z\x01a', b'a\x02\x00\x00\x00\xc3\xa9', b'z\x01\xe9',
       b'f\x04-inf', b'u\x02\x00\x00\x00\xff\xfe']
for bad in BAD:
    try:
        print(bad, repr(marshal.loads(bad)))
    except Exception as e:
        print(bad, type(e).__name__, e)

class MyInt(int):
    pass

for v in [object(), int, MyInt(3), [object()], {1: object}, (1, print), range(3)]:
    try:
        marshal.dumps(v)
        print('dumped?!')
    except Exception as e:
        print(type(e).__name__, e)
for arg in ['abc', 5, None]:
    try:
        marshal.loads(arg)
    except Exception as e:
        print(type(e).__name__, e)
try:
    marshal.dumps(1, 'x')
except Exception as e:
    print(type(e).__name__, e)
deep = []
for _ in range(5000):
    deep = [deep]
try:
    marshal.dumps(deep)
except Exception as e:
    print(type(e).__name__, e)
