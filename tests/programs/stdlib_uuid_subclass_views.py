# Which UUID views go through other (overridable) properties, plus the
# constructor's validation order and messages.
import uuid


class Fixed(uuid.UUID):
    @property
    def time_low(self):
        return 1

    @property
    def clock_seq_low(self):
        return 5

    @property
    def bytes(self):
        return b"B" * 16


class Hexless(uuid.UUID):
    @property
    def hex(self):
        return "H" * 32

    @property
    def variant(self):
        return "other"


text = "12345678-1234-5678-9234-567812345678"
f = Fixed(text)
print(f.fields, f.time, f.clock_seq, f.bytes_le, str(f), repr(f))
h = Hexless(text)
print(str(h), h.urn, h.version, h.hex, h.fields)
u = uuid.UUID(text)
print(u.fields, u.time, u.clock_seq, u.bytes_le, u.version, u.variant)
print(u == f, u < h, u >= h, hash(u) == hash(f), int(u) == int(h))
for kwargs in [dict(fields=(1, 2, 3, 4, 5)), dict(fields=(1 << 32, 0, 0, 0, 0, 0)),
               dict(fields=(0, 0, 0, 256, 0, 0)), dict(fields=(0, 0, 0, 0, 0, 1 << 48)),
               dict(fields=(0, -1, 0, 0, 0, 0)), dict(fields=[0, 0, 0x10000, 0, 0, 0]),
               dict(int=1 << 128), dict(int=-1), dict(hex="abc"), dict(bytes=b"x" * 15),
               dict(bytes_le=b"x" * 17), dict(int=5, version=0), dict(int=5, version=6),
               dict(), dict(int=1, hex="0" * 32)]:
    try:
        made = uuid.UUID(**kwargs)
        print("ok", made)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)
for version in range(1, 6):
    v = uuid.UUID(int=(1 << 128) - 1, version=version)
    print(version, v, v.version, v.variant)
    v = uuid.UUID(fields=(0, 0, 0, 0, 0, 0), version=version)
    print(version, v, v.fields)
print(uuid.UUID(bytes_le=bytes(range(16))), uuid.UUID(bytes=bytes(range(16))).bytes_le)
print(sorted([uuid.UUID(int=3), uuid.UUID(int=1), uuid.UUID(int=2)]))
print(uuid.UUID("{urn:uuid:12345678123456781234567812345678}"))
