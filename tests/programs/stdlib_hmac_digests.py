# hmac: digests for several hashes and key sizes, copy, errors.
import hashlib
import hmac
import warnings

keys = [b"", b"key", b"k" * 64, b"K" * 65, bytearray(b"secret" * 30)]
msgs = [b"", b"The quick brown fox jumps over the lazy dog", b"x" * 200]
mods = ["md5", "sha1", "sha256", "sha512", "sha224", "sha384",
        hashlib.sha256, hashlib.md5, hashlib.sha1]
for mod in mods:
    label = mod if isinstance(mod, str) else "ctor-" + mod().name
    for key in keys:
        for msg in msgs:
            h = hmac.new(key, msg, mod)
            one = hmac.digest(key, msg, mod)
            assert one == h.digest(), (label, key, msg)
            print(label, len(key), len(msg), h.hexdigest()[:24])
    h = hmac.new(b"key", digestmod=mod)
    print(label, h.name, h.digest_size, h.block_size)

# incremental updates equal one-shot
h = hmac.new(b"abc", digestmod="sha256")
for chunk in (b"one", bytearray(b"two"), memoryview(b"three")):
    h.update(chunk)
print(h.hexdigest() == hmac.new(b"abc", b"onetwothree", "sha256").hexdigest())

# copy is independent
a = hmac.new(b"abc", b"start", hashlib.sha1)
b = a.copy()
b.update(b"more")
print(a.hexdigest())
print(b.hexdigest())
print(type(b).__name__, b.name, b.digest_size)
print(a.digest() == a.digest(), len(a.digest()))

# module attributes
print(hmac.digest_size, hmac.HMAC.blocksize, len(hmac.trans_5C), hmac.trans_36[:4])
print(hmac.HMAC.__slots__)
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest(b"abc", b"abd"),
      hmac.compare_digest("abc", "abc"), hmac.compare_digest(b"a", b"ab"))


# a user subclass
class MyHMAC(hmac.HMAC):
    __slots__ = ()

    def tag(self):
        return self.hexdigest()[:8]


m = MyHMAC(b"key", b"msg", digestmod="sha256")
print(m.tag(), type(m.copy()).__name__)


def err(f, *a, **k):
    try:
        f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)


err(hmac.new, "str key", b"m", "sha256")
err(hmac.new, b"k", b"m")
err(hmac.new, b"k", b"m", None)
err(hmac.HMAC, 123, digestmod="md5")
err(hmac.new, b"k", b"m", "")


class TinyBlock:
    digest_size = 16
    block_size = 8
    name = "tiny"

    def __init__(self, data=b""):
        self.h = hashlib.md5(data)

    def update(self, d):
        self.h.update(d)

    def digest(self):
        return self.h.digest()

    def hexdigest(self):
        return self.h.hexdigest()

    def copy(self):
        c = TinyBlock()
        c.h = self.h.copy()
        return c


class NoBlock(TinyBlock):
    block_size = None


del NoBlock.block_size


class NoBlockSize:
    digest_size = 16
    name = "nob"

    def __init__(self, data=b""):
        self.h = hashlib.md5(data)

    def update(self, d):
        self.h.update(d)

    def digest(self):
        return self.h.digest()

    def copy(self):
        c = NoBlockSize()
        c.h = self.h.copy()
        return c


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    t = hmac.new(b"key", b"msg", TinyBlock)
    u = hmac.new(b"key", b"msg", NoBlockSize)
for w in caught:
    print(w.category.__name__, w.message)
print(t.block_size, t.name, t.hexdigest(), u.block_size, u.digest().hex())
print(t.hexdigest() == hmac.new(b"key", b"msg", "md5").hexdigest())
