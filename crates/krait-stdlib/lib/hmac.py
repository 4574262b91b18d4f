"""Keyed-hashing for message authentication (RFC 2104), over hashlib."""

import hashlib as _hashlib

compare_digest = _hashlib.compare_digest

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# The size in bytes of the digests made by this module's HMAC objects.
digest_size = None


def _digest_constructor(digestmod):
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


class HMAC:
    """An HMAC object: feed it with update(), read it with digest()."""

    blocksize = 64

    __slots__ = ('_digest_cons', '_inner', '_outer', 'block_size', 'digest_size')

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r"
                            % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._digest_cons = _digest_constructor(digestmod)
        self._inner = self._digest_cons()
        self._outer = self._digest_cons()
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, 'block_size', self.blocksize)
        if blocksize < 16:
            blocksize = self.blocksize
        if len(key) > blocksize:
            key = self._digest_cons(key).digest()
        self.block_size = blocksize
        key = bytes(key).ljust(blocksize, b'\0')
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        self._inner.update(msg)

    def copy(self):
        other = self.__class__.__new__(self.__class__)
        other._digest_cons = self._digest_cons
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        outer = self._outer.copy()
        outer.update(self._inner.digest())
        return outer

    def digest(self):
        return self._current().digest()

    def hexdigest(self):
        return self._current().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object for `key`, fed with `msg` if given."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of `msg` under `key` with the hash `digest`, at once."""
    h = HMAC(key, msg, digest)
    return h.digest()
