"""SHA-384 and SHA-512, as hashlib provides them (CPython's _sha512)."""
from hashlib import sha384, sha512

SHA384Type = type(sha384())
SHA512Type = type(sha512())
