"""SHA-1, as hashlib provides it (CPython's builtin _sha1 module)."""
from hashlib import sha1

SHA1Type = type(sha1())
