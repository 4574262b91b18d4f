# hashlib digests, copies, SHAKE lengths, BLAKE2 sizes, pbkdf2 and hmac.
import hashlib, hmac
data = b"The quick brown fox jumps over the lazy dog"
for name in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(name, data)
    if name.startswith('shake'):
        print(name, h.digest_size, h.block_size, h.hexdigest(20), len(h.digest(7)))
    else:
        print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
h = hashlib.sha256()
h.update(b"abc")
c = h.copy()
c.update(b"def")
print(h.hexdigest(), c.hexdigest() == hashlib.sha256(b"abcdef").hexdigest())
print(hashlib.md5(b"").hexdigest(), hashlib.sha1(bytearray(b"x")).hexdigest(), hashlib.sha512(memoryview(b"mv")).hexdigest()[:16])
print(hashlib.blake2b(data, digest_size=16).hexdigest(), hashlib.blake2s(b"", digest_size=8).hexdigest())
print(hashlib.new('SHA256', b'a').hexdigest() == hashlib.sha256(b'a').hexdigest(), hashlib.md5(data).digest()[:4])
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 1000).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 2, 30).hex())
print(hmac.new(b'key', data, 'sha256').hexdigest(), hmac.new(b'key', data, hashlib.md5).hexdigest())
m = hmac.new(b'k' * 200, digestmod='sha512'); m.update(b'part1'); m2 = m.copy(); m2.update(b'part2')
print(m.name, m.digest_size, m.block_size, m.hexdigest()[:20], m2.hexdigest()[:20], hmac.digest(b'key', b'msg', 'sha1').hex())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest('abc', 'abd'), hmac.compare_digest(b'a', b'ab'))
for bad in [lambda: hashlib.sha256('text'), lambda: hashlib.new('nope'), lambda: hashlib.md5().update(5), lambda: hmac.new(b'k', b'm')]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
print(len(hashlib.md5(b'x' * 1000000).hexdigest()))
