"""UUID objects (RFC 4122) and their generation (CPython's `uuid`).

`UUID` is an immutable 128-bit value that can be built from and shown as
hex text, bytes (big- or little-endian fields), the six RFC fields, or
an int. `uuid3`/`uuid5` hash a name within a namespace (MD5/SHA-1),
`uuid4` is random, `uuid1` comes from the time and the host's node id.

Unlike CPython, `getnode` only looks at /sys/class/net (Linux) before
falling back to a random node; it runs no external commands.
"""

import os
from enum import Enum

RESERVED_NCS, RFC_4122, RESERVED_MICROSOFT, RESERVED_FUTURE = [
    'reserved for NCS compatibility', 'specified in RFC 4122',
    'reserved for Microsoft compatibility', 'reserved for future definition']

# The builtins, under names the UUID constructor's arguments do not hide.
int_ = int
bytes_ = bytes


class SafeUUID(Enum):
    """Whether a uuid1 was made in a way safe for multiprocessing."""
    safe = 0
    unsafe = -1
    unknown = None


def _swap_time_fields(raw):
    """Between big-endian bytes and the little-endian-fields form (the
    first three fields reversed; the same swap both ways)."""
    return raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]


class UUID:
    """An immutable UUID, built from exactly one of:

        UUID('{12345678-1234-5678-1234-567812345678}')
        UUID(bytes=b'\\x12\\x34...')        # 16 bytes, big-endian
        UUID(bytes_le=b'\\x78\\x56...')     # the first 3 fields little-endian
        UUID(fields=(0x12345678, 0x1234, 0x5678, 0x12, 0x34, 0x567812345678))
        UUID(int=0x12345678123456781234567812345678)

    Hex text may have braces, hyphens and a 'urn:uuid:' prefix. Giving
    `version` (1 to 5) sets the variant and version bits to RFC 4122's.
    """

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        if [hex, bytes, bytes_le, fields, int].count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            hex = hex.replace('urn:', '').replace('uuid:', '')
            hex = hex.strip('{}').replace('-', '')
            if len(hex) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            int = int_(hex, 16)
        if bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            bytes = _swap_time_fields(bytes_le)
        if bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            assert isinstance(bytes, bytes_), repr(bytes)
            int = int_.from_bytes(bytes, 'big')
        if fields is not None:
            if len(fields) != 6:
                raise ValueError('fields is not a 6-tuple')
            (time_low, time_mid, time_hi_version,
             clock_seq_hi_variant, clock_seq_low, node) = fields
            for number, value, bits in ((1, time_low, 32), (2, time_mid, 16),
                                        (3, time_hi_version, 16),
                                        (4, clock_seq_hi_variant, 8),
                                        (5, clock_seq_low, 8), (6, node, 48)):
                if not 0 <= value < 1 << bits:
                    raise ValueError('field %d out of range (need %s %d-bit '
                                     'value)' % (number, 'an' if bits == 8
                                                 else 'a', bits))
            clock_seq = (clock_seq_hi_variant << 8) | clock_seq_low
            int = ((time_low << 96) | (time_mid << 80) |
                   (time_hi_version << 64) | (clock_seq << 48) | node)
        if int is not None:
            if not 0 <= int < 1 << 128:
                raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            # Variant bits 10 (RFC 4122), then the version nibble.
            int &= ~(0xc000 << 48)
            int |= 0x8000 << 48
            int &= ~(0xf000 << 64)
            int |= version << 76
        object.__setattr__(self, 'int', int)
        object.__setattr__(self, 'is_safe', is_safe)

    def __getstate__(self):
        state = {'int': self.int}
        if self.is_safe != SafeUUID.unknown:
            # The enum's value, so that pickles load where SafeUUID
            # does not exist.
            state['is_safe'] = self.is_safe.value
        return state

    def __setstate__(self, state):
        object.__setattr__(self, 'int', state['int'])
        object.__setattr__(self, 'is_safe',
                           SafeUUID(state['is_safe'])
                           if 'is_safe' in state else SafeUUID.unknown)

    def __eq__(self, other):
        if isinstance(other, UUID):
            return self.int == other.int
        return NotImplemented

    # Ordering compares the ints, which for these fields is also the order
    # of the hex text.
    def __lt__(self, other):
        if isinstance(other, UUID):
            return self.int < other.int
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, UUID):
            return self.int > other.int
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, UUID):
            return self.int <= other.int
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, UUID):
            return self.int >= other.int
        return NotImplemented

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __repr__(self):
        return '%s(%r)' % (self.__class__.__name__, str(self))

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __str__(self):
        hex = '%032x' % self.int
        return '%s-%s-%s-%s-%s' % (
            hex[:8], hex[8:12], hex[12:16], hex[16:20], hex[20:])

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        return _swap_time_fields(self.bytes)

    @property
    def fields(self):
        return (self.time_low, self.time_mid, self.time_hi_version,
                self.clock_seq_hi_variant, self.clock_seq_low, self.node)

    @property
    def time_low(self):
        return self.int >> 96

    @property
    def time_mid(self):
        return (self.int >> 80) & 0xffff

    @property
    def time_hi_version(self):
        return (self.int >> 64) & 0xffff

    @property
    def clock_seq_hi_variant(self):
        return (self.int >> 56) & 0xff

    @property
    def clock_seq_low(self):
        return (self.int >> 48) & 0xff

    @property
    def time(self):
        """The 60-bit timestamp of a version 1 UUID (100 ns units since
        1582-10-15)."""
        return (((self.time_hi_version & 0x0fff) << 48) |
                (self.time_mid << 32) | self.time_low)

    @property
    def clock_seq(self):
        return ((self.clock_seq_hi_variant & 0x3f) << 8) | self.clock_seq_low

    @property
    def node(self):
        return self.int & 0xffffffffffff

    @property
    def hex(self):
        return '%032x' % self.int

    @property
    def urn(self):
        return 'urn:uuid:' + str(self)

    @property
    def variant(self):
        """Which layout the UUID follows: one of RESERVED_NCS, RFC_4122,
        RESERVED_MICROSOFT, RESERVED_FUTURE (from its top variant bits)."""
        if not self.int & (0x8000 << 48):
            return RESERVED_NCS
        if not self.int & (0x4000 << 48):
            return RFC_4122
        if not self.int & (0x2000 << 48):
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        """The version number (1 to 5) of an RFC 4122 UUID, else None."""
        if self.variant == RFC_4122:
            return int((self.int >> 76) & 0xf)
        return None


# --- the node id ----------------------------------------------------------

def _is_universal(mac):
    # The "locally administered" bit is clear in a burned-in address.
    return not mac & (1 << 41)


def _sysfs_getnode():
    """The first universally administered MAC address of a network
    interface, from Linux's /sys/class/net, or None."""
    try:
        interfaces = sorted(os.listdir('/sys/class/net'))
    except (OSError, AttributeError):
        return None
    fallback = None
    for name in interfaces:
        try:
            with open('/sys/class/net/%s/address' % name) as f:
                text = f.read().strip()
        except OSError:
            continue
        parts = text.split(':')
        if len(parts) != 6:
            continue
        try:
            mac = int_(''.join(parts), 16)
        except ValueError:
            continue
        if mac == 0:
            continue  # the loopback interface
        if _is_universal(mac):
            return mac
        if fallback is None:
            fallback = mac
    return fallback


def _random_getnode():
    """A random 48-bit node id with the multicast bit set, which no real
    network card has (RFC 4122 section 4.5)."""
    import random
    return random.getrandbits(48) | (1 << 40)


_node = None


def getnode():
    """The hardware address as a 48-bit int, found once; a random one when
    none can be found."""
    global _node
    if _node is None:
        _node = _sysfs_getnode()
        if _node is None:
            _node = _random_getnode()
    return _node


# --- generation -----------------------------------------------------------

_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """A UUID from the time, a clock sequence (random unless given) and
    the node id (getnode() unless given)."""
    global _last_timestamp
    import time
    # 100 ns intervals since the Gregorian reform, 1582-10-15, which is
    # 0x01b21dd213814000 of them before the Unix epoch.
    timestamp = time.time_ns() // 100 + 0x01b21dd213814000
    # Never twice the same time in this process.
    if _last_timestamp is not None and timestamp <= _last_timestamp:
        timestamp = _last_timestamp + 1
    _last_timestamp = timestamp
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)
    time_low = timestamp & 0xffffffff
    time_mid = (timestamp >> 32) & 0xffff
    time_hi_version = (timestamp >> 48) & 0x0fff
    clock_seq_low = clock_seq & 0xff
    clock_seq_hi_variant = (clock_seq >> 8) & 0x3f
    if node is None:
        node = getnode()
    return UUID(fields=(time_low, time_mid, time_hi_version,
                        clock_seq_hi_variant, clock_seq_low, node), version=1)


def uuid3(namespace, name):
    """The UUID of the str `name` in `namespace`, by MD5."""
    from hashlib import md5
    digest = md5(namespace.bytes + bytes(name, "utf-8"),
                 usedforsecurity=False).digest()
    return UUID(bytes=digest[:16], version=3)


def uuid4():
    """A random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """The UUID of the str `name` in `namespace`, by SHA-1."""
    from hashlib import sha1
    digest = sha1(namespace.bytes + bytes(name, "utf-8")).digest()
    return UUID(bytes=digest[:16], version=5)


# The namespaces RFC 4122 defines for uuid3 and uuid5.
NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
