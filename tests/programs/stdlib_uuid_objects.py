import copy
import pickle
import uuid

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

PROPS = ["hex", "int", "bytes", "bytes_le", "fields", "time_low", "time_mid",
         "time_hi_version", "clock_seq_hi_variant", "clock_seq_low", "time",
         "clock_seq", "node", "urn", "variant", "version", "is_safe"]

def dump(u):
    print(repr(u), str(u))
    for p in PROPS:
        print("   ", p, repr(getattr(u, p)))

texts = ["12345678-1234-5678-1234-567812345678", "{12345678-1234-5678-1234-567812345678}",
         "12345678123456781234567812345678", "urn:uuid:12345678-1234-5678-1234-567812345678",
         "uuid:12345678123456781234567812345678", "URN:UUID:12345678123456781234567812345678",
         "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
         "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "1234567812345678123456781234567",
         "12345678-1234-5678-1234-5678123456789", "g2345678123456781234567812345678",
         "{{12345678123456781234567812345678}}", "", "+2345678123456781234567812345678",
         "1234-5678-1234-5678-1234-5678-1234-5678", "  12345678123456781234567812345678"]
for t in texts:
    try:
        dump(uuid.UUID(t))
    except Exception as e:
        print(repr(t), "!", type(e).__name__, e)

for v in [0, 1, (1 << 128) - 1, 0x6ba7b8109dad11d180b400c04fd430c8, 1 << 63, 3 << 62, 7 << 61, 6 << 61]:
    dump(uuid.UUID(int=v))
for v in range(1, 6):
    dump(uuid.UUID(int=0, version=v))
    dump(uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff", version=v))
raw = bytes(range(16))
dump(uuid.UUID(bytes=raw))
dump(uuid.UUID(bytes_le=raw))
print(uuid.UUID(bytes_le=uuid.UUID(bytes=raw).bytes_le).bytes == raw)
dump(uuid.UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678)))
dump(uuid.UUID(fields=(0, 0, 0, 0, 0, 0), version=4))

errors = [
    lambda: uuid.UUID(),
    lambda: uuid.UUID("12345678123456781234567812345678", int=5),
    lambda: uuid.UUID(bytes=b"short"),
    lambda: uuid.UUID(bytes=b"x" * 17),
    lambda: uuid.UUID(bytes=bytearray(16)),
    lambda: uuid.UUID(bytes="0123456789abcdef"),
    lambda: uuid.UUID(bytes_le=b"short"),
    lambda: uuid.UUID(bytes_le=bytearray(16)),
    lambda: uuid.UUID(fields=(1, 2, 3)),
    lambda: uuid.UUID(fields=(1 << 32, 0, 0, 0, 0, 0)),
    lambda: uuid.UUID(fields=(0, 1 << 16, 0, 0, 0, 0)),
    lambda: uuid.UUID(fields=(0, 0, -1, 0, 0, 0)),
    lambda: uuid.UUID(fields=(0, 0, 0, 256, 0, 0)),
    lambda: uuid.UUID(fields=(0, 0, 0, 0, 256, 0)),
    lambda: uuid.UUID(fields=(0, 0, 0, 0, 0, 1 << 48)),
    lambda: uuid.UUID(fields=(0.5, 0, 0, 0, 0, 0)),
    lambda: uuid.UUID(int=-1),
    lambda: uuid.UUID(int=1 << 128),
    lambda: uuid.UUID(int=0, version=0),
    lambda: uuid.UUID(int=0, version=6),
    lambda: uuid.UUID(12),
    lambda: uuid.UUID(int=0, is_safe=uuid.SafeUUID.safe).is_safe,
    lambda: uuid.UUID(int=0, is_safe="anything").is_safe,
]
for i, f in enumerate(errors):
    show("err%d" % i, f)

u = uuid.UUID(int=42)
for attr, val in [("int", 5), ("hex", "x"), ("other", 1)]:
    show("setattr " + attr, lambda: setattr(u, attr, val))
show("delattr", lambda: delattr(u, "int"))
show("dict", lambda: u.__dict__)

a, b, c = uuid.UUID(int=1), uuid.UUID(int=2), uuid.UUID(int=1)
print(a == c, a != b, a < b, a <= c, b > a, b >= a, a == 1, a != 1, hash(a) == hash(c), int(b))
print(sorted([b, a, uuid.UUID(int=0)]))
print(len({a, b, c}), a in [c], {a: 1}[c])
show("lt int", lambda: a < 1)
show("ge str", lambda: a >= "x")
print(a.__eq__(1), a.__lt__(1))

class MyUUID(uuid.UUID):
    pass
m = MyUUID(int=99)
print(repr(m), m == uuid.UUID(int=99), type(m).__name__)

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    for obj in (uuid.UUID(int=7), uuid.UUID(int=7, is_safe=uuid.SafeUUID.unsafe)):
        back = pickle.loads(pickle.dumps(obj, proto))
        print(proto, back, back.is_safe, back == obj)
print(copy.copy(a) == a, copy.deepcopy(a) == a, copy.copy(a).is_safe)
print(a.__getstate__(), uuid.UUID(int=1, is_safe=uuid.SafeUUID.safe).__getstate__())
x = uuid.UUID.__new__(uuid.UUID)
x.__setstate__({"int": 77})
print(x, x.is_safe)
x.__setstate__({"int": 78, "is_safe": -1})
print(x, x.is_safe)
print(list(uuid.SafeUUID), uuid.SafeUUID(None), uuid.SafeUUID(0).name)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT, uuid.RESERVED_FUTURE, sep="|")
print(uuid.UUID.__slots__)
import weakref
r = weakref.ref(a)
print(r() is a)
