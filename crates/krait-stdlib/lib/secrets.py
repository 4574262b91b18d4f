"""Random numbers and tokens for security purposes (CPython's `secrets`):
passwords, session keys, reset URLs. Everything draws from the operating
system's entropy source (`random.SystemRandom`, over os.urandom).
"""

import base64
from hmac import compare_digest
from random import SystemRandom

__all__ = ["choice", "randbelow", "randbits", "SystemRandom",
           "token_bytes", "token_hex", "token_urlsafe",
           "compare_digest"]

_sysrand = SystemRandom()

randbits = _sysrand.getrandbits
choice = _sysrand.choice

# How many random bytes a token has when no size is given: enough to be
# safe against brute force for the foreseeable future.
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    """A random int in range(exclusive_upper_bound)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    return _sysrand._randbelow(exclusive_upper_bound)


def token_bytes(nbytes=None):
    """`nbytes` random bytes (DEFAULT_ENTROPY when None)."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return _sysrand.randbytes(nbytes)


def token_hex(nbytes=None):
    """A random text of hex digits, two per byte of `nbytes` random
    bytes."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """A random URL-safe text: `nbytes` random bytes in base64 with '-'
    and '_' for '+' and '/', without '=' padding (about 1.3 characters
    per byte)."""
    token = token_bytes(nbytes)
    return base64.urlsafe_b64encode(token).rstrip(b"=").decode("ascii")
