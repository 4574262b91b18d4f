# The empty str and bytes hash to 0 whatever the seed; NaNs made apart are
# distinct objects, so identity shortcuts in containers do not match them.
print(hash(""), hash(b""), hash(frozenset()) == hash(frozenset()))
print(hash("") == hash(b""), {"": 1}[""], {b"": 2}[b""])
a = float("nan")
b = float("nan")
print(a == a, a is a, [a] == [a], a in [a], [a].count(a), {a: 1}.get(a))
print(a == b, [a] == [b], a in [b], {a: 1}.get(b), a in {b}, [a].count(b))
print((a,) == (b,), [a] <= [b], [a].index(a))
nans = [float("nan") for _ in range(3)]
print(len(set(nans)), len(dict.fromkeys(nans)), nans[0] in nans, nans.count(nans[1]))
x = nans[0]
print(x in nans, nans.index(x), x in {x}, x in set(nans))
import struct, array, pickle, math
for v in (float("nan"), -float("nan"), float("-nan"), math.nan, float("inf") - float("inf")):
    print(struct.pack(">d", v).hex(), struct.pack("<f", v).hex(), array.array("d", [v]).tobytes().hex())
    print(pickle.dumps(v, protocol=2).hex(), memoryview(bytearray(8)).cast("d").tolist())
    m = memoryview(bytearray(8)).cast("d")
    m[0] = v
    print(bytes(m).hex(), math.copysign(1.0, v), repr(v), v.hex())
print(math.nan is math.nan, float("nan") is float("nan"))
