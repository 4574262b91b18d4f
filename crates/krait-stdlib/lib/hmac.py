"""HMAC (RFC 2104): keyed message authentication over the hashes of
hashlib."""

import hashlib as _hashlib
import warnings as _warnings

compare_digest = _hashlib.compare_digest

# XOR tables for the outer (0x5C) and inner (0x36) key pads.
trans_5C = bytes([b ^ 0x5C for b in range(256)])
trans_36 = bytes([b ^ 0x36 for b in range(256)])

# No fixed digest size: it depends on the hash in use.
digest_size = None


def _hash_factory(digestmod):
    """A callable `make(data=b'')` giving a new hash object of the kind
    `digestmod` names: a constructor, a hashlib name or a module with new()."""
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda data=b'': _hashlib.new(digestmod, data)
    return lambda data=b'': digestmod.new(data)


def _keyed_pair(key, make, fallback_size, warn):
    """(inner, outer, block size): two fresh hashes already fed with the
    key padded to the block size and XORed with the two pads."""
    inner = make()
    outer = make()
    size = getattr(inner, "block_size", None)
    if size is None:
        if warn:
            _warnings.warn("No block_size attribute on given digest object;"
                           " Assuming %d." % fallback_size, RuntimeWarning, 2)
        size = fallback_size
    elif size < 16:
        if warn:
            _warnings.warn("block_size of %d seems too small; using our "
                           "default of %d." % (size, fallback_size),
                           RuntimeWarning, 2)
        size = fallback_size
    if len(key) > size:
        key = make(key).digest()
    padded = bytes(key) + bytes(size - len(key))
    inner.update(padded.translate(trans_36))
    outer.update(padded.translate(trans_5C))
    return inner, outer, size


class HMAC:
    """A running HMAC computation: feed it with update(), read the result
    with digest() or hexdigest()."""

    blocksize = 64  # used when the hash reports no usable block size

    __slots__ = ("_hmac", "_inner", "_outer", "block_size", "digest_size")

    def __init__(self, key, msg=None, digestmod=''):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r"
                            % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        self._hmac = None
        self._inner, self._outer, self.block_size = _keyed_pair(
            key, _hash_factory(digestmod), self.blocksize, True)
        self.digest_size = self._inner.digest_size
        if msg is not None:
            self._inner.update(msg)

    @property
    def name(self):
        return "hmac-%s" % self._inner.name

    def update(self, msg):
        """Feed `msg` (bytes-like) into the computation."""
        self._inner.update(msg)

    def copy(self):
        """An independent HMAC object in the same state."""
        twin = type(self).__new__(type(self))
        twin._hmac = None
        twin.block_size = self.block_size
        twin.digest_size = self.digest_size
        twin._inner = self._inner.copy()
        twin._outer = self._outer.copy()
        return twin

    def _finished(self):
        # The outer hash over the inner digest, leaving self untouched.
        result = self._outer.copy()
        result.update(self._inner.digest())
        return result

    def digest(self):
        """The MAC of the data fed so far, as bytes."""
        return self._finished().digest()

    def hexdigest(self):
        """The MAC of the data fed so far, as hex text."""
        return self._finished().hexdigest()


def new(key, msg=None, digestmod=''):
    """A new HMAC object keyed with `key`, fed with `msg` when given."""
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of `msg` under `key` with the hash `digest`, in one call."""
    inner, outer, _ = _keyed_pair(key, _hash_factory(digest), 64, False)
    inner.update(msg)
    outer.update(inner.digest())
    return outer.digest()
