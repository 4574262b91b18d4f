"""RFC 4122 UUIDs: the UUID class and uuid1/uuid3/uuid4/uuid5 (the
interface of CPython's `uuid`, krait's own code).

A UUID is stored as its 128-bit integer; every other view (hex text,
big- and little-endian bytes, the six RFC fields) is computed from it.

Unlike CPython, `getnode` only reads /sys/class/net (Linux) before falling
back to a random node id; it never runs external commands.
"""

import os
from enum import Enum

RESERVED_NCS = 'reserved for NCS compatibility'
RFC_4122 = 'specified in RFC 4122'
RESERVED_MICROSOFT = 'reserved for Microsoft compatibility'
RESERVED_FUTURE = 'reserved for future definition'

# The constructor's parameters shadow these builtins; keep other names.
int_ = int
bytes_ = bytes


class SafeUUID(Enum):
    safe = 0
    unsafe = -1
    unknown = None


# (bit width, shift) of the six RFC 4122 fields inside the 128-bit value,
# in the order of UUID.fields.
_LAYOUT = ((32, 96), (16, 80), (16, 64), (8, 56), (8, 48), (48, 0))
_FIELD_NAMES = ('time_low', 'time_mid', 'time_hi_version',
                'clock_seq_hi_variant', 'clock_seq_low', 'node')
_WIDTH_128 = 1 << 128
# `version=` clears the variant's top two bits and the version nibble, then
# sets variant 10 (RFC 4122) and the version.
_KEEP_UNVERSIONED = ~((0xc000 << 48) | (0xf << 76))
_RFC_VARIANT_BIT = 0x8000 << 48


def _le_fields_swap(raw):
    # bytes <-> bytes_le: the first three fields change endianness (the
    # operation is its own inverse).
    return raw[3::-1] + raw[5:3:-1] + raw[7:5:-1] + raw[8:]


def _int_from_fields(fields):
    if len(fields) != 6:
        raise ValueError('fields is not a 6-tuple')
    low, mid, hi_version, seq_hi, seq_low, node = fields
    if (0 <= low < 0x100000000 and 0 <= mid < 0x10000
            and 0 <= hi_version < 0x10000 and 0 <= seq_hi < 0x100
            and 0 <= seq_low < 0x100 and 0 <= node < 0x1000000000000):
        return ((low << 96) | (mid << 80) | (hi_version << 64)
                | (((seq_hi << 8) | seq_low) << 48) | node)
    # Name the first field that is out of range.
    for number, value, (width, _) in zip(range(1, 7), fields, _LAYOUT):
        if not 0 <= value < 1 << width:
            article = 'an' if width == 8 else 'a'
            raise ValueError('field %d out of range (need %s %d-bit value)'
                             % (number, article, width))


def _bits(width, shift):
    mask = (1 << width) - 1
    return property(lambda self: (self.int >> shift) & mask)


class UUID:
    """An immutable UUID made from exactly one of hex, bytes, bytes_le,
    fields or int; `version` forces the RFC 4122 variant and version."""

    __slots__ = ('int', 'is_safe', '__weakref__')

    def __init__(self, hex=None, bytes=None, bytes_le=None, fields=None,
                 int=None, version=None, *, is_safe=SafeUUID.unknown):
        if (hex, bytes, bytes_le, fields, int).count(None) != 4:
            raise TypeError('one of the hex, bytes, bytes_le, fields, '
                            'or int arguments must be given')
        if hex is not None:
            digits = hex.replace('urn:', '').replace('uuid:', '')
            digits = digits.strip('{}').replace('-', '')
            if len(digits) != 32:
                raise ValueError('badly formed hexadecimal UUID string')
            int = int_(digits, 16)
        elif bytes is not None:
            if len(bytes) != 16:
                raise ValueError('bytes is not a 16-char string')
            assert isinstance(bytes, bytes_), repr(bytes)
            int = int_.from_bytes(bytes, 'big')
        elif bytes_le is not None:
            if len(bytes_le) != 16:
                raise ValueError('bytes_le is not a 16-char string')
            bytes = _le_fields_swap(bytes_le)
            assert isinstance(bytes, bytes_), repr(bytes)
            int = int_.from_bytes(bytes, 'big')
        elif fields is not None:
            int = _int_from_fields(fields)
        if not 0 <= int < _WIDTH_128:
            raise ValueError('int is out of range (need a 128-bit value)')
        if version is not None:
            if not 1 <= version <= 5:
                raise ValueError('illegal version number')
            int = (int & _KEEP_UNVERSIONED) | _RFC_VARIANT_BIT | \
                (version << 76)
        _store_int(self, int)
        _store_safety(self, is_safe)

    # -- pickling: the enum is stored by value -------------------------------

    def __getstate__(self):
        state = {'int': self.int}
        if self.is_safe is not SafeUUID.unknown:
            state['is_safe'] = self.is_safe.value
        return state

    def __setstate__(self, state):
        _store_int(self, state['int'])
        _store_safety(self, SafeUUID(state.get('is_safe', None)))

    # -- value protocol --------------------------------------------------------

    def __eq__(self, other):
        return (self.int == other.int if isinstance(other, UUID)
                else NotImplemented)

    def __lt__(self, other):
        return (self.int < other.int if isinstance(other, UUID)
                else NotImplemented)

    def __le__(self, other):
        return (self.int <= other.int if isinstance(other, UUID)
                else NotImplemented)

    def __gt__(self, other):
        return (self.int > other.int if isinstance(other, UUID)
                else NotImplemented)

    def __ge__(self, other):
        return (self.int >= other.int if isinstance(other, UUID)
                else NotImplemented)

    def __hash__(self):
        return hash(self.int)

    def __int__(self):
        return self.int

    def __setattr__(self, name, value):
        raise TypeError('UUID objects are immutable')

    def __str__(self):
        h = '%032x' % self.int
        return f'{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}'

    def __repr__(self):
        return '{}({!r})'.format(type(self).__name__, str(self))

    # -- views ---------------------------------------------------------------

    @property
    def bytes(self):
        return self.int.to_bytes(16, 'big')

    @property
    def bytes_le(self):
        return _le_fields_swap(self.bytes)

    time_low = _bits(*_LAYOUT[0])
    time_mid = _bits(*_LAYOUT[1])
    time_hi_version = _bits(*_LAYOUT[2])
    clock_seq_hi_variant = _bits(*_LAYOUT[3])
    clock_seq_low = _bits(*_LAYOUT[4])
    node = _bits(*_LAYOUT[5])

    @property
    def fields(self):
        whole = self.int
        if type(self) is UUID:
            return (whole >> 96, (whole >> 80) & 0xffff,
                    (whole >> 64) & 0xffff, (whole >> 56) & 0xff,
                    (whole >> 48) & 0xff, whole & 0xffffffffffff)
        # A subclass may redefine any of the six field properties.
        return tuple([getattr(self, name) for name in _FIELD_NAMES])

    @property
    def time(self):
        # 60 bits: time_hi (without the version), time_mid, time_low.
        high = self.time_hi_version & 0x0fff
        return (high << 48) | (self.time_mid << 32) | self.time_low

    @property
    def clock_seq(self):
        high = self.clock_seq_hi_variant & 0x3f
        return (high << 8) | self.clock_seq_low

    @property
    def hex(self):
        return '%032x' % self.int

    @property
    def urn(self):
        return 'urn:uuid:%s' % (self,)

    @property
    def variant(self):
        top = (self.int >> 61) & 0b111
        if top < 0b100:
            return RESERVED_NCS
        if top < 0b110:
            return RFC_4122
        if top == 0b110:
            return RESERVED_MICROSOFT
        return RESERVED_FUTURE

    @property
    def version(self):
        if self.variant != RFC_4122:
            return None
        return int((self.int >> 76) & 0xf)


# Writing the slots through their descriptors skips UUID.__setattr__.
_store_int = UUID.__dict__['int'].__set__
_store_safety = UUID.__dict__['is_safe'].__set__


# -- the node id --------------------------------------------------------------

def _read_sysfs_macs():
    """The MAC addresses of /sys/class/net, by interface name."""
    base = '/sys/class/net'
    try:
        names = sorted(os.listdir(base))
    except (OSError, AttributeError):
        return
    for name in names:
        try:
            with open(os.path.join(base, name, 'address')) as handle:
                text = handle.read().strip()
        except OSError:
            continue
        octets = text.split(':')
        if len(octets) == 6:
            try:
                yield int_(''.join(octets), 16)
            except ValueError:
                pass


def _sysfs_getnode():
    """A universally administered MAC of this host (else a locally
    administered one), or None."""
    local = None
    for mac in _read_sysfs_macs():
        if not mac:
            continue                 # the loopback device
        if not mac & (1 << 41):
            return mac
        if local is None:
            local = mac
    return local


def _random_getnode():
    # A random id with the multicast bit set (RFC 4122, section 4.5), so
    # that it cannot collide with a real network card.
    import random
    return random.getrandbits(48) | 0x010000000000


_node = None


def getnode():
    """The 48-bit hardware address, looked up once (random if unknown)."""
    global _node
    if _node is None:
        found = _sysfs_getnode()
        _node = found if found is not None else _random_getnode()
    return _node


# -- generators ---------------------------------------------------------------

# 100-ns ticks from 1582-10-15 (the Gregorian reform) to the Unix epoch.
_GREGORIAN_OFFSET = 0x01b21dd213814000
_last_timestamp = None


def uuid1(node=None, clock_seq=None):
    """A time-based UUID from the clock, a clock sequence and a node id."""
    global _last_timestamp
    import time
    ticks = time.time_ns() // 100 + _GREGORIAN_OFFSET
    if _last_timestamp is not None and ticks <= _last_timestamp:
        ticks = _last_timestamp + 1
    _last_timestamp = ticks
    if clock_seq is None:
        import random
        clock_seq = random.getrandbits(14)
    if node is None:
        node = getnode()
    parts = (ticks & 0xffffffff,
             (ticks >> 32) & 0xffff,
             (ticks >> 48) & 0x0fff,
             (clock_seq >> 8) & 0x3f,
             clock_seq & 0xff,
             node)
    return UUID(fields=parts, version=1)


def _name_based(algorithm, namespace, name, version):
    import hashlib
    payload = b''.join((namespace.bytes, bytes_(name, 'utf-8')))
    if algorithm == 'md5':
        digest = hashlib.md5(payload, usedforsecurity=False).digest()
    else:
        digest = hashlib.sha1(payload).digest()
    return UUID(bytes=digest[:16], version=version)


def uuid3(namespace, name):
    """Name-based UUID (MD5)."""
    return _name_based('md5', namespace, name, 3)


def uuid4():
    """Random UUID."""
    return UUID(bytes=os.urandom(16), version=4)


def uuid5(namespace, name):
    """Name-based UUID (SHA-1)."""
    return _name_based('sha1', namespace, name, 5)


NAMESPACE_DNS = UUID('6ba7b810-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_URL = UUID('6ba7b811-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_OID = UUID('6ba7b812-9dad-11d1-80b4-00c04fd430c8')
NAMESPACE_X500 = UUID('6ba7b814-9dad-11d1-80b4-00c04fd430c8')
