import io, array
b = io.BytesIO(b"hello world")
buf = bytearray(3)
print(b.readinto(buf), buf, b.tell())
m = memoryview(bytearray(4))
print(b.readinto1(m), bytes(m))
a = array.array("b", [0] * 10)
print(b.readinto(a), a.tobytes(), b.readinto(bytearray(5)))
for bad in (b"xyz", "str", memoryview(b"ro")):
    try:
        io.BytesIO(b"q").readinto(bad)
    except TypeError as e:
        print(type(e).__name__, e)
b.close()
try:
    b.readinto(bytearray(1))
except ValueError as e:
    print(e)
