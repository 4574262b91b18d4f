# struct.iter_unpack: a lazy unpack_iterator (one record per step), its
# length hint and errors, as CPython's.
import struct
data = struct.pack("<10I", *range(10))
it = struct.iter_unpack("<I", data)
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
s = struct.Struct("<hh")
it = s.iter_unpack(bytearray(b"\x01\x00\x02\x00\x03\x00\x04\x00"))
print(iter(it) is it, [x for x in it], list(it))
for bad in (b"abc", b""):
    try:
        print(list(struct.iter_unpack("<I", bad)))
    except struct.error as e:
        print("error", e)
try:
    struct.iter_unpack("", b"")
except struct.error as e:
    print("error", e)
print(sum(a for (a,) in struct.iter_unpack("<I", bytes(4 * 300000))), type(struct.iter_unpack).__name__)
mv = memoryview(struct.pack("<3d", 1.5, 2.5, 3.5))
print(list(struct.iter_unpack("<d", mv)))
