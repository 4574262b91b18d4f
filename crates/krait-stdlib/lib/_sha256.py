"""SHA-224 and SHA-256, as hashlib provides them (CPython's _sha256)."""
from hashlib import sha224, sha256

SHA224Type = type(sha224())
SHA256Type = type(sha256())
