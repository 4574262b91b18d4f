import _blake2
import _md5
import _sha1
import _sha256
import _sha3
import _sha512

print(_md5.md5(b"").hexdigest(), _sha1.sha1(b"abc").hexdigest())
print(_sha256.sha224(b"a").hexdigest(), _sha256.sha256(b"a").name, _sha512.sha384(b"a").digest_size)
print(_sha512.sha512(b"a").hexdigest()[:16], _sha3.sha3_256(b"a").hexdigest()[:16], _sha3.shake_128(b"a").hexdigest(8))
print(_blake2.blake2b(b"a", digest_size=16).hexdigest(), _blake2.blake2s(b"a").hexdigest()[:16])
print(_blake2.BLAKE2B_MAX_DIGEST_SIZE, _blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE)
print(isinstance(_md5.md5(), _md5.MD5Type), isinstance(_sha256.sha256(), _sha256.SHA256Type))
