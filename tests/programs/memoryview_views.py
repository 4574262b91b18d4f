# memoryview: views on bytes, bytearray and array.array without copying.
import array

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m.readonly, m.nbytes, m.itemsize, m.format, m.ndim, m.shape, m.strides)
print(m.tobytes(), m.tolist(), m.hex(), m.hex(":", 2), bytes(m), m.obj)
print(m[1:4].tobytes(), m[::2].tobytes(), m[::-1].tobytes(), m[4:1].tobytes(), len(m[::3]))
print(m[1:5][1:3].tobytes(), m[::2].strides, m[::2].contiguous, m.c_contiguous)
print(m == b"abcdef", m == bytearray(b"abcdef"), m[:2] == b"ab", m == b"abc", m != b"x", m == "abcdef")
print(list(m[:3]), [x for x in m[3:]], b"".join([m[:1], m[5:]]))
print(hash(m) == hash(b"abcdef"), hash(m[1:3]) == hash(b"bc"))

# A view of a bytearray writes through, slices too.
buf = bytearray(b"hello world")
v = memoryview(buf)
v[0] = ord("H")
v[6:11] = b"WORLD"
part = v[6:]
part[0] = ord("w")
print(buf, v.readonly, part.obj is buf)
v[::2] = bytes(len(v[::2]))
print(buf)

# While exported, the bytearray cannot change size.
try:
    buf.append(1)
except BufferError as e:
    print("BufferError:", e)
try:
    buf += b"x"
except BufferError as e:
    print("BufferError:", e)
buf[0] = 1            # same size: allowed
buf += b""            # no change of size: allowed
print(len(buf))
v.release()
try:
    buf.extend(b"!")
except BufferError as e:
    print("still exported:", e)
part.release()
buf.extend(b"!")
print(buf[-3:], v.released if hasattr(v, "released") else None)

with memoryview(bytearray(b"ctx")) as cv:
    print(cv.tobytes())
show("released getitem", lambda: cv[0])
show("released len", lambda: len(cv))
show("released tobytes", lambda: cv.tobytes())
show("released nbytes", lambda: cv.nbytes)
show("released eq", lambda: cv == b"ctx")
print("<released memory" in repr(cv), "<memory at 0x" in repr(memoryview(b"")))

# Casting between formats.
raw = bytearray(b"\x01\x00\x02\x00\xff\xff\x00\x80")
h = memoryview(raw).cast("h")
print(h.format, h.itemsize, len(h), h.tolist(), h.nbytes, h.shape)
print(memoryview(raw).cast("H").tolist(), memoryview(raw).cast("i").tolist(), memoryview(raw).cast("q").tolist())
print(memoryview(raw).cast("b").tolist(), memoryview(raw).cast("c").tolist()[:3], memoryview(raw).cast("@B")[7])
h[0] = -2
print(raw[:2], h.cast("B").tolist()[:2])
f = memoryview(bytearray(8)).cast("d")
f[0] = 1.5
print(f.tolist(), memoryview(bytearray(8)).cast("f").tolist(), f.cast("B").tolist())
print(memoryview(b"\x00\x00\x80\x3f").cast("f")[0], memoryview(b"\x01\x02\x03\x04").cast("I")[0], memoryview(b"\xff" * 8).cast("Q")[0], memoryview(b"\xff" * 8).cast("L")[0], memoryview(b"\xff" * 4).cast("l" if False else "i")[0])

# A view of an array.
a = array.array("i", [10, 20, 30])
av = memoryview(a)
print(av.format, av.itemsize, len(av), av.nbytes, av.tolist(), av[1], av[-1])
av[0] = 11
print(a, av.cast("B")[0], av.obj is a)
d = memoryview(array.array("d", [0.5, 2.0]))
print(d.format, d.tolist(), d[1])
print(bytes(array.array("h", [1, -1])), memoryview(array.array("B", [1, 2, 3])).tobytes())

# toreadonly, bytes-like everywhere.
ro = memoryview(bytearray(b"rw")).toreadonly()
print(ro.readonly, ro.tobytes())
show("readonly set", lambda: ro.__setitem__(0, 1))
import struct
print(struct.unpack("<HH", memoryview(b"\x01\x00\x02\x00")), int.from_bytes(memoryview(b"\x01\x00"), "little"))
print(bytes(memoryview(b"mv")), bytearray(memoryview(b"mv")), str(memoryview(b"mv"), "ascii"))

# Errors.
show("not bytes-like", lambda: memoryview("text"))
show("not bytes-like int", lambda: memoryview(5))
show("readonly bytes", lambda: memoryview(b"x").__setitem__(0, 1))
show("index", lambda: memoryview(b"x")[1])
show("key", lambda: memoryview(b"x")["a"])
show("value range", lambda: memoryview(bytearray(1)).__setitem__(0, 256))
show("value type", lambda: memoryview(bytearray(1)).__setitem__(0, "a"))
show("h range", lambda: memoryview(bytearray(2)).cast("h").__setitem__(0, 40000))
show("structure", lambda: memoryview(bytearray(3)).__setitem__(slice(0, 2), b"abc"))
show("delete", lambda: memoryview(bytearray(3)).__delitem__(0))
show("delete ro", lambda: memoryview(b"abc").__delitem__(0))
show("hash writable", lambda: hash(memoryview(bytearray(b"x"))))
show("hash format", lambda: hash(memoryview(b"abcd").cast("h")))
show("cast size", lambda: memoryview(b"abc").cast("h"))
show("cast two", lambda: memoryview(b"abcd").cast("h").cast("i"))
show("cast format", lambda: memoryview(b"ab").cast("z"))
show("cast strided", lambda: memoryview(b"abcd")[::2].cast("h"))
show("order", lambda: memoryview(b"a") < memoryview(b"b"))

# An exported array cannot change size either.
arr = array.array("h", [1, 2])
view = memoryview(arr)
for change in (lambda: arr.append(3), lambda: arr.pop(), lambda: arr.extend([4])):
    try:
        change()
    except BufferError as e:
        print("BufferError:", e)
arr[0] = 7
print(view.tolist())
view.release()
arr.append(3)
print(arr)
