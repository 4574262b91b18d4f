"""MD5, as hashlib provides it (CPython's builtin _md5 module)."""
from hashlib import md5

MD5Type = type(md5())
