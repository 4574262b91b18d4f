# int.to_bytes / int.from_bytes and the float hex/ratio methods.

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

show("to_bytes", lambda: [(1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (255).to_bytes(1, "big"), (0).to_bytes(0, "big")])
show("to_bytes defaults", lambda: [(65).to_bytes(), (65).to_bytes(2), (65).to_bytes(length=3, byteorder="little")])
show("to_bytes signed", lambda: [(-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True)])
show("to_bytes big", lambda: (2**100 + 7).to_bytes(14, "big"))
show("to_bytes overflow", lambda: (256).to_bytes(1, "big"))
show("to_bytes signed overflow", lambda: (128).to_bytes(1, "big", signed=True))
show("to_bytes negative", lambda: (-1).to_bytes(1, "big"))
show("to_bytes length", lambda: (1).to_bytes(-1, "big"))
show("to_bytes order", lambda: (1).to_bytes(1, "middle"))
show("from_bytes", lambda: [int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b""), int.from_bytes(b"\x01\x02")])
show("from_bytes kinds", lambda: [int.from_bytes(bytearray(b"\x01\x00"), "little"), int.from_bytes(memoryview(b"\x02"), "big"), int.from_bytes([1, 0], "big"), int.from_bytes((x for x in [0, 1]), "big")])
show("from_bytes big", lambda: int.from_bytes(b"\xff" * 20, "big"))
show("from_bytes signed big", lambda: int.from_bytes(b"\x80" + b"\x00" * 19, "big", signed=True))
show("from_bytes str", lambda: int.from_bytes("ab", "big"))
show("from_bytes order", lambda: int.from_bytes(b"\x01", "sideways"))
show("round trip", lambda: all(int.from_bytes(n.to_bytes(20, "big", signed=True), "big", signed=True) == n for n in [0, 1, -1, 2**127, -2**127, 12345678901234567890]))
show("bound from_bytes", lambda: (5).from_bytes(b"\x07", "big"))

class MyInt(int):
    pass

r = MyInt.from_bytes(b"\x00\x2a", "big")
print(type(r).__name__, r)
show("bit_count", lambda: [(0).bit_count(), (255).bit_count(), (-7).bit_count(), (2**100 - 1).bit_count()])
show("int ratio", lambda: [(7).as_integer_ratio(), (-3).as_integer_ratio(), (True).as_integer_ratio(), MyInt(4).as_integer_ratio()])

show("float ratio", lambda: [(0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (0.0).as_integer_ratio(), (1e20).as_integer_ratio()])
show("float ratio nan", lambda: float("nan").as_integer_ratio())
show("float ratio inf", lambda: float("-inf").as_integer_ratio())
show("hex", lambda: [(1.5).hex(), (0.1).hex(), (-0.0).hex(), (0.0).hex(), (1e300).hex(), (5e-324).hex(), (2.2250738585072014e-308).hex(), float("inf").hex(), float("-inf").hex(), float("nan").hex(), (3.0).hex()])
show("fromhex", lambda: [float.fromhex("0x1.8p+0"), float.fromhex("0x1.999999999999ap-4"), float.fromhex("-0x1p-1074"), float.fromhex("  0X1P3  "), float.fromhex("1.8"), float.fromhex("0x.8"), float.fromhex("-inf"), float.fromhex("Infinity"), float.fromhex("0x0p0")])
show("fromhex round", lambda: [float.fromhex("0x1.00000000000008p0"), float.fromhex("0x1.00000000000018p0"), float.fromhex("0x1.fffffffffffff8p1023") if False else None, float.fromhex("0x3p-1076")])
show("fromhex nan", lambda: str(float.fromhex("nan")))
show("fromhex round trip", lambda: all(float.fromhex(x.hex()) == x for x in [0.1, 1/3, 1e-310, 1.7976931348623157e308, 123.456]))
show("fromhex overflow", lambda: float.fromhex("0x1p1024"))
show("fromhex overflow round", lambda: float.fromhex("0x1.fffffffffffff8p1023"))
show("fromhex bad", lambda: float.fromhex("0x1.8q"))
show("fromhex empty", lambda: float.fromhex(""))
show("fromhex type", lambda: float.fromhex(3))

class MyFloat(float):
    pass

g = MyFloat.fromhex("0x1.4p3")
print(type(g).__name__, g, (2.5).fromhex("0x1p1"))
