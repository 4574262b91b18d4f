# uuid (parsing, properties, name-based UUIDs) and secrets (sizes, types).
import copy
import pickle
import secrets
import uuid
from uuid import UUID


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print("== parsing")
u = UUID("{12345678-1234-5678-1234-567812345678}")
forms = ["12345678123456781234567812345678", "urn:uuid:12345678-1234-5678-1234-567812345678",
         "{12345678-1234-5678-1234-567812345678}", "12345678-1234-5678-1234-5678-12345678",
         "uuid:12345678123456781234567812345678", "1234567812345678123456781234567G",
         "1234", "", "{{12345678123456781234567812345678}}", " 12345678123456781234567812345678"]
for text in forms:
    show(UUID, text)
print(u == UUID(bytes=u.bytes) == UUID(bytes_le=u.bytes_le) == UUID(fields=u.fields)
      == UUID(int=u.int) == UUID(u.hex) == UUID(u.urn))

print("== properties")
for x in [u, uuid.NAMESPACE_DNS, UUID(int=0), UUID(int=(1 << 128) - 1),
          UUID("00000000-0000-4000-8000-000000000000"),
          UUID("00000000-0000-1000-c000-000000000000"),
          UUID("00000000-0000-1000-e000-000000000000")]:
    print(str(x), repr(x))
    print("  ", x.hex, x.urn, x.int, int(x))
    print("  ", x.bytes, x.bytes_le)
    print("  ", x.fields, x.time_low, x.time_mid, x.time_hi_version)
    print("  ", x.clock_seq_hi_variant, x.clock_seq_low, x.node, x.time,
          x.clock_seq)
    print("  ", x.variant, x.version, x.is_safe)

print("== version")
for v in range(1, 6):
    x = UUID(int=(1 << 128) - 1, version=v)
    print(v, x, x.version, x.variant)
print(UUID(int=0, version=4))
for bad in (0, 6, -1):
    show(UUID, int=0, version=bad)

print("== constructor errors")
show(UUID)
show(UUID, u.hex, int=5)
show(UUID, bytes=b"short")
show(UUID, bytes_le=b"x" * 17)
show(UUID, fields=(1, 2, 3))
show(UUID, int=-1)
show(UUID, int=1 << 128)
for i in range(6):
    fields = [0] * 6
    fields[i] = [1 << 32, 1 << 16, 1 << 16, 256, 256, 1 << 48][i]
    show(UUID, fields=fields)
show(UUID, fields=(-1, 0, 0, 0, 0, 0))
show(UUID, 12345)

print("== comparisons, hashing, immutability")
a, b = UUID(int=1), UUID(int=2)
print(a < b, a <= b, a > b, a >= b, a == UUID(int=1), a != b)
print(a == 1, a != "x", sorted([b, a, UUID(int=0)]))
show(lambda: a < 1)
print(hash(a) == hash(UUID(int=1)), len({a, UUID(int=1), b}))
show(setattr, a, "int", 5)
show(setattr, a, "other", 5)
print(copy.copy(u) == u, copy.deepcopy(u) == u)
print(pickle.loads(pickle.dumps(u)) == u)
print(u.__getstate__(), UUID(int=1, is_safe=uuid.SafeUUID.safe).__getstate__())
s = UUID.__new__(UUID)
s.__setstate__({"int": 7, "is_safe": -1})
print(s, s.is_safe)


class MyUUID(UUID):
    __slots__ = ()

    def short(self):
        return self.hex[:8]


m = MyUUID(int=255)
print(repr(m), m.short(), m == UUID(int=255), isinstance(m, UUID))

print("== name-based")
for ns in (uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID,
           uuid.NAMESPACE_X500):
    print(ns, uuid.uuid3(ns, "python.org"), uuid.uuid5(ns, "python.org"))
show(uuid.uuid3, uuid.NAMESPACE_DNS, b"python.org")
print(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.com/é"))
print(uuid.uuid3(uuid.NAMESPACE_DNS, ""), uuid.uuid5(uuid.NAMESPACE_DNS, ""))
show(uuid.uuid5, uuid.NAMESPACE_DNS, b"x")
x = uuid.uuid5(uuid.NAMESPACE_DNS, "a")
print(x.version, x.variant, uuid.uuid3(uuid.NAMESPACE_DNS, "a").version)

print("== random and time based")
r = uuid.uuid4()
print(type(r).__name__, r.version, r.variant, len(str(r)), r != uuid.uuid4())
t1 = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
t2 = uuid.uuid1(node=0x123456789abc, clock_seq=0x1234)
print(t1.version, t1.variant, hex(t1.node), hex(t1.clock_seq), t1.time < t2.time)
print(t1.time > 0x01b21dd213814000 + 16 * 10 ** 15)  # after 2020
n = uuid.getnode()
print(type(n).__name__, 0 <= n < 1 << 48, n == uuid.getnode())
print(uuid.uuid1().version, uuid.uuid1(clock_seq=5).clock_seq)

print("== SafeUUID and constants")
print(list(uuid.SafeUUID), uuid.SafeUUID(0), uuid.SafeUUID(None).name)
print(uuid.RESERVED_NCS, uuid.RFC_4122, uuid.RESERVED_MICROSOFT,
      uuid.RESERVED_FUTURE, sep=" | ")

print("== secrets")
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)),
      type(secrets.token_bytes(3)).__name__, secrets.token_bytes(0))
print(len(secrets.token_hex()), len(secrets.token_hex(7)), secrets.token_hex(0))
print(all(c in "0123456789abcdef" for c in secrets.token_hex(64)))
for n in (0, 1, 2, 3, 16, 32, None):
    tok = secrets.token_urlsafe(n)
    print(n, len(tok), set(tok) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"))
print(secrets.DEFAULT_ENTROPY, secrets.randbelow(1), secrets.randbits(0))
print(all(0 <= secrets.randbelow(7) < 7 for _ in range(200)),
      all(0 <= secrets.randbits(12) < 4096 for _ in range(200)),
      secrets.randbelow(10 ** 40) < 10 ** 40)
print(secrets.choice("x"), secrets.choice(["a", "b"]) in "ab")
print(secrets.compare_digest(b"abc", b"abc"), secrets.compare_digest(b"abc", b"abd"),
      secrets.compare_digest("abc", "abc"), secrets.compare_digest(b"a", bytearray(b"a")))
show(secrets.randbelow, 0)
show(secrets.randbelow, -5)
show(secrets.randbits, -1)
show(secrets.choice, [])
show(secrets.token_bytes, -1)
show(secrets.compare_digest, "é", "é")
print(isinstance(secrets.SystemRandom(), __import__("random").Random),
      sorted(secrets.__all__))
