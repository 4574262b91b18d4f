"""Tokens and random choices for security-sensitive uses, all drawn from
the operating system's entropy (random.SystemRandom over os.urandom)."""

import base64
import binascii
import hmac as _hmac
import random as _random

SystemRandom = _random.SystemRandom
compare_digest = _hmac.compare_digest

__all__ = [
    "choice", "randbelow", "randbits", "SystemRandom",
    "token_bytes", "token_hex", "token_urlsafe", "compare_digest",
]

# One generator for the whole module; os.urandom needs no seeding.
_sysrand = SystemRandom()
choice, randbits = _sysrand.choice, _sysrand.getrandbits

# Bytes of randomness in a token whose size is not given.
DEFAULT_ENTROPY = 32


def randbelow(exclusive_upper_bound):
    """An int drawn uniformly from range(exclusive_upper_bound)."""
    bound = exclusive_upper_bound
    if bound > 0:
        return _sysrand._randbelow(bound)
    raise ValueError("Upper bound must be positive.")


def token_bytes(nbytes=None):
    """`nbytes` random bytes (DEFAULT_ENTROPY of them by default)."""
    count = DEFAULT_ENTROPY if nbytes is None else nbytes
    return _sysrand.randbytes(count)


def token_hex(nbytes=None):
    """Random hex text: two digits for each of `nbytes` random bytes."""
    raw = token_bytes(nbytes)
    return raw.hex()


def token_urlsafe(nbytes=None):
    """Random text for URLs: `nbytes` random bytes in URL-safe base64,
    the trailing '=' dropped."""
    encoded = base64.urlsafe_b64encode(token_bytes(nbytes))
    return encoded.decode("ascii").rstrip("=")
