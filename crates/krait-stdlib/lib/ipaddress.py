"""IPv4 and IPv6 addresses, networks and interfaces (krait's ipaddress).

Factories: ip_address, ip_network, ip_interface. Classes: IPv4Address,
IPv4Network, IPv4Interface and their IPv6 counterparts. Helpers:
summarize_address_range, collapse_addresses, get_mixed_type_key,
v4_int_to_packed, v6_int_to_packed.
"""

__version__ = '1.0'

import functools

IPV4LENGTH = 32
IPV6LENGTH = 128


class AddressValueError(ValueError):
    """Raised for a malformed address."""


class NetmaskValueError(ValueError):
    """Raised for a malformed netmask or prefix length."""


_BAD_INPUT = (AddressValueError, NetmaskValueError)


def _first_that_parses(kinds, what, args):
    for kind in kinds:
        try:
            return kind(*args)
        except _BAD_INPUT:
            continue
    raise ValueError(
        f'{args[0]!r} does not appear to be an IPv4 or IPv6 {what}')


def ip_address(address):
    """An IPv4Address or IPv6Address made from `address`."""
    return _first_that_parses((IPv4Address, IPv6Address), 'address',
                              (address,))


def ip_network(address, strict=True):
    """An IPv4Network or IPv6Network made from `address`."""
    return _first_that_parses((IPv4Network, IPv6Network), 'network',
                              (address, strict))


def ip_interface(address):
    """An IPv4Interface or IPv6Interface made from `address`."""
    return _first_that_parses((IPv4Interface, IPv6Interface), 'interface',
                              (address,))


def v4_int_to_packed(address):
    """The 4 big-endian bytes of an IPv4 integer."""
    try:
        return address.to_bytes(4, 'big')
    except OverflowError:
        raise ValueError('Address negative or too large for IPv4')


def v6_int_to_packed(address):
    """The 16 big-endian bytes of an IPv6 integer."""
    try:
        return address.to_bytes(16, 'big')
    except OverflowError:
        raise ValueError('Address negative or too large for IPv6')


def _split_optional_netmask(spec):
    pieces = str(spec).split('/')
    if len(pieces) > 2:
        raise AddressValueError("Only one '/' permitted in %r" % (spec,))
    return pieces


def _count_righthand_zero_bits(value, width):
    if not value:
        return width
    low = (value & -value).bit_length() - 1
    return low if low < width else width


def _find_address_range(ordered):
    # Runs of consecutive addresses, as (first, last) pairs.
    walker = iter(ordered)
    lo = hi = next(walker)
    for item in walker:
        if item._ip - 1 != hi._ip:
            yield lo, hi
            lo = item
        hi = item
    yield lo, hi


def summarize_address_range(first, last):
    """Yield the fewest networks that exactly cover first..last."""
    both = isinstance(first, _BaseAddress) and isinstance(last, _BaseAddress)
    if not both:
        raise TypeError('first and last must be IP addresses, not networks')
    version = first.version
    if last.version != version:
        raise TypeError(f'{first} and {last} are not of the same version')
    if first > last:
        raise ValueError('last IP address must be greater than first')
    kind = {4: IPv4Network, 6: IPv6Network}.get(version)
    if kind is None:
        raise ValueError('unknown IP version')
    width = first._max_prefixlen
    top = kind._ALL_ONES
    cur = first._ip
    stop = last._ip
    while cur <= stop:
        span = (stop - cur + 1).bit_length() - 1
        align = _count_righthand_zero_bits(cur, width)
        if align < span:
            span = align
        yield kind((cur, width - span))
        cur += 1 << span
        if cur > top:
            break


def _collapse_addresses_internal(items):
    # Merge sibling networks into their parent until none pair up, then
    # drop the ones contained in an earlier one.
    todo = list(items)
    by_parent = {}
    while todo:
        net = todo.pop()
        parent = net.supernet()
        other = by_parent.get(parent)
        if other is None:
            by_parent[parent] = net
        elif other != net:
            del by_parent[parent]
            todo.append(parent)
    reach = None
    for net in sorted(by_parent.values()):
        if reach is None or net.broadcast_address > reach:
            yield net
            reach = net.broadcast_address


def _same_version_as_last(bucket, item):
    if bucket and bucket[-1]._version != item._version:
        raise TypeError(
            f'{item} and {bucket[-1]} are not of the same version')
    bucket.append(item)


def collapse_addresses(addresses):
    """Collapse an iterable of addresses and networks of one version into
    the fewest networks covering the same addresses (an iterator)."""
    singles = []
    blocks = []
    for item in addresses:
        if isinstance(item, _BaseAddress):
            _same_version_as_last(singles, item)
        elif item._prefixlen != item._max_prefixlen:
            _same_version_as_last(blocks, item)
        else:
            if singles and singles[-1]._version != item._version:
                raise TypeError(
                    f'{item} and {singles[-1]} are not of the same version')
            singles.append(item.network_address)
    ranges = []
    if singles:
        for lo, hi in _find_address_range(sorted(set(singles))):
            ranges.extend(summarize_address_range(lo, hi))
    return _collapse_addresses_internal(ranges + blocks)


def get_mixed_type_key(obj):
    """A sort key that lets networks and addresses be sorted together."""
    if isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    if not isinstance(obj, _BaseNetwork):
        return NotImplemented
    return obj._get_networks_key()


class _IPAddressBase:
    """What addresses, networks and interfaces all have."""

    __slots__ = ()

    exploded = property(lambda self: self._explode_shorthand_ip_string())
    compressed = property(lambda self: str(self))
    reverse_pointer = property(lambda self: self._reverse_pointer())

    @property
    def version(self):
        raise NotImplementedError(
            f'{str(type(self)):>200} has no version specified')

    def _check_int_address(self, value):
        if value < 0:
            raise AddressValueError(
                f'{value} (< 0) is not permitted as an IPv{self._version} '
                f'address')
        if value > self._ALL_ONES:
            raise AddressValueError(
                f'{value} (>= 2**{self._max_prefixlen}) is not permitted as '
                f'an IPv{self._version} address')

    def _check_packed_address(self, value, size):
        if len(value) != size:
            raise AddressValueError(
                f'{value!r} (len {len(value)} != {size}) is not permitted '
                f'as an IPv{self._version} address')

    @classmethod
    def _ip_int_from_prefix(cls, bits):
        full = cls._ALL_ONES
        return full ^ (full >> bits)

    @classmethod
    def _prefix_from_ip_int(cls, value):
        width = cls._max_prefixlen
        zeros = _count_righthand_zero_bits(value, width)
        ones = width - zeros
        if (value >> zeros) + 1 != 1 << ones:
            raw = value.to_bytes(width // 8, 'big')
            raise ValueError(f'Netmask pattern {raw!r} mixes zeroes & ones')
        return ones

    @classmethod
    def _report_invalid_netmask(cls, text):
        raise NetmaskValueError(f'{text!r} is not a valid netmask') from None

    @classmethod
    def _prefix_from_prefix_string(cls, text):
        if text.isascii() and text.isdigit():
            bits = int(text)
            if bits <= cls._max_prefixlen:
                return bits
        cls._report_invalid_netmask(text)

    @classmethod
    def _prefix_from_ip_string(cls, text):
        try:
            value = cls._ip_int_from_string(text)
        except AddressValueError:
            cls._report_invalid_netmask(text)
        for candidate in (value, value ^ cls._ALL_ONES):
            try:
                return cls._prefix_from_ip_int(candidate)
            except ValueError:
                pass
        cls._report_invalid_netmask(text)

    @classmethod
    def _split_addr_prefix(cls, spec):
        if isinstance(spec, (int, bytes)):
            return spec, cls._max_prefixlen
        pieces = spec if isinstance(spec, tuple) else _split_optional_netmask(spec)
        if len(pieces) == 1:
            return pieces[0], cls._max_prefixlen
        return pieces

    def __reduce__(self):
        return type(self), (str(self),)


_FORMAT_CODES = frozenset('bnxX')


@functools.total_ordering
class _BaseAddress(_IPAddressBase):
    """A single address (also the base of the interface classes)."""

    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            same = self._ip == other._ip
            return same and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if isinstance(other, _BaseAddress):
            if other._version == self._version:
                return self._ip < other._ip
            raise TypeError(f'{self} and {other} are not of the same version')
        return NotImplemented

    def __add__(self, other):
        if isinstance(other, int):
            return type(self)(self._ip + other)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, int):
            return type(self)(self._ip - other)
        return NotImplemented

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    def __str__(self):
        text = self._string_from_ip_int(self._ip)
        return str(text)

    def __hash__(self):
        return hash(hex(self._ip))

    def _get_address_key(self):
        return self._version, self

    def __reduce__(self):
        return type(self), (self._ip,)

    def __format__(self, fmt):
        if fmt[-1:] in ('', 's'):
            return str(self).__format__(fmt)
        code = fmt[-1]
        flags = fmt[:-1]
        if code not in _FORMAT_CODES or flags not in ('', '#', '_', '#_'):
            return object.__format__(self, fmt)
        bits = self._max_prefixlen
        if code == 'n':
            code = 'b' if bits == 32 else 'x'
        digits = bits if code == 'b' else bits // 4
        if '_' in flags:
            digits += digits // 4 - 1
        if '#' in flags:
            digits += 2
        spec = '0%d%s' % (digits, code)
        if '_' in flags:
            spec = spec[:-1] + '_' + code
        if '#' in flags:
            spec = '#' + spec
        return format(self._ip, spec)


@functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """A block of addresses: a network address and a prefix length."""

    def __repr__(self):
        return f'{type(self).__name__}({str(self)!r})'

    def __str__(self):
        return f'{self.network_address}/{self.prefixlen}'

    def _bounds(self):
        return self.network_address._ip, self.broadcast_address._ip

    def hosts(self):
        """Iterate over the usable hosts (network and broadcast excluded)."""
        make = self._address_class
        low, high = self._bounds()
        for value in range(low + 1, high):
            yield make(value)

    def __iter__(self):
        make = self._address_class
        low, high = self._bounds()
        for value in range(low, high + 1):
            yield make(value)

    def __getitem__(self, n):
        low, high = self._bounds()
        if n >= 0:
            at = low + n
            if at <= high:
                return self._address_class(at)
        else:
            at = high + n + 1
            if at >= low:
                return self._address_class(at)
        raise IndexError('address out of range')

    def __lt__(self, other):
        if isinstance(other, _BaseNetwork) is False:
            return NotImplemented
        if other._version != self._version:
            raise TypeError(f'{self} and {other} are not of the same version')
        mine = self.network_address
        theirs = other.network_address
        if mine != theirs:
            return mine < theirs
        return int(self.netmask) < int(other.netmask)

    def __eq__(self, other):
        try:
            if other._version == self._version:
                return (other.network_address == self.network_address and
                        other.netmask._ip == self.netmask._ip)
            return False
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash(self.network_address._ip ^ self.netmask._ip)

    def __contains__(self, other):
        if other._version != self._version or isinstance(other, _BaseNetwork):
            return False
        return self.network_address._ip == other._ip & self.netmask._ip

    def overlaps(self, other):
        """Whether the two networks share any address."""
        return (self.network_address in other or
                self.broadcast_address in other or
                other.network_address in self or
                other.broadcast_address in self)

    @property
    def broadcast_address(self):
        found = self.__dict__.get('broadcast_address')
        if found is None:
            found = self._address_class(
                self.network_address._ip | self.hostmask._ip)
            self.__dict__['broadcast_address'] = found
        return found

    @property
    def hostmask(self):
        found = self.__dict__.get('hostmask')
        if found is None:
            found = self._address_class(self.netmask._ip ^ self._ALL_ONES)
            self.__dict__['hostmask'] = found
        return found

    @property
    def with_prefixlen(self):
        return f'{self.network_address}/{self._prefixlen}'

    @property
    def with_netmask(self):
        return f'{self.network_address}/{self.netmask}'

    @property
    def with_hostmask(self):
        return f'{self.network_address}/{self.hostmask}'

    @property
    def num_addresses(self):
        low, high = self._bounds()
        return high - low + 1

    @property
    def _address_class(self):
        raise NotImplementedError(
            f'{str(type(self)):>200} has no associated address class')

    @property
    def prefixlen(self):
        return self._prefixlen

    def address_exclude(self, other):
        """Yield the networks covering this one minus `other`."""
        if other._version != self._version:
            raise TypeError(f'{self} and {other} are not of the same version')
        if isinstance(other, _BaseNetwork) is False:
            raise TypeError(f'{other} is not a network object')
        if other.subnet_of(self) is False:
            raise ValueError(f'{other} not contained in {self}')
        if other == self:
            return
        target = type(other)(f'{other.network_address}/{other.prefixlen}')
        left, right = self.subnets()
        while True:
            if left == target:
                yield right
                return
            if right == target:
                yield left
                return
            if target.subnet_of(left):
                yield right
                left, right = left.subnets()
            elif target.subnet_of(right):
                yield left
                left, right = right.subnets()
            else:
                raise AssertionError(
                    f'Error performing exclusion: s1: {left} s2: {right} '
                    f'other: {target}')

    def compare_networks(self, other):
        """-1, 0 or 1 as this network sorts before, with or after other
        (by network address, then netmask)."""
        if other._version != self._version:
            raise TypeError(f'{self} and {other} are not of the same type')
        for mine, theirs in ((self.network_address, other.network_address),
                             (self.netmask, other.netmask)):
            if mine < theirs:
                return -1
            if mine > theirs:
                return 1
        return 0

    def _get_networks_key(self):
        return self._version, self.network_address, self.netmask

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """Yield the subnets `prefixlen_diff` bits longer (or of length
        `new_prefix`) that make up this network."""
        length = self._prefixlen
        width = self._max_prefixlen
        if length == width:
            yield self
            return
        step_bits = prefixlen_diff
        if new_prefix is None:
            pass
        elif new_prefix < length:
            raise ValueError('new prefix must be longer')
        elif step_bits != 1:
            raise ValueError('cannot set prefixlen_diff and new_prefix')
        else:
            step_bits = new_prefix - length
        if step_bits < 0:
            raise ValueError('prefix length diff must be > 0')
        target = length + step_bits
        if target > width:
            raise ValueError(
                f'prefix length diff {target} is invalid for netblock {self}')
        low, high = self._bounds()
        step = 1 << (width - target)
        kind = type(self)
        for start in range(low, high + 1, step):
            yield kind((start, target))

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The network `prefixlen_diff` bits shorter (or of length
        `new_prefix`) that contains this one."""
        length = self._prefixlen
        if not length:
            return self
        drop = prefixlen_diff
        if new_prefix is None:
            pass
        elif new_prefix > length:
            raise ValueError('new prefix must be shorter')
        elif drop != 1:
            raise ValueError('cannot set prefixlen_diff and new_prefix')
        else:
            drop = length - new_prefix
        target = length - drop
        if target < 0:
            raise ValueError(
                f'current prefixlen is {length}, cannot have a '
                f'prefixlen_diff of {drop}')
        base = self.network_address._ip & (self.netmask._ip << drop)
        return type(self)((base, target))

    def _both_ends(self, flag):
        return (getattr(self.network_address, flag) and
                getattr(self.broadcast_address, flag))

    @property
    def is_multicast(self):
        return self._both_ends('is_multicast')

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if b._version != a._version:
                raise TypeError(f'{a} and {b} are not of the same version')
            return (a.network_address >= b.network_address and
                    a.broadcast_address <= b.broadcast_address)
        except AttributeError:
            raise TypeError('Unable to test subnet containment between '
                            f'{a} and {b}')

    def subnet_of(self, other):
        """Whether this network lies within `other`."""
        return _BaseNetwork._is_subnet_of(self, other)

    def supernet_of(self, other):
        """Whether `other` lies within this network."""
        return _BaseNetwork._is_subnet_of(other, self)

    @property
    def is_reserved(self):
        return self._both_ends('is_reserved')

    @property
    def is_link_local(self):
        return self._both_ends('is_link_local')

    @property
    def is_private(self):
        low = self.network_address
        high = self.broadcast_address
        for block in self._constants.private:
            if low in block and high in block:
                return True
        return False

    @property
    def is_global(self):
        private = self.is_private
        return not private

    @property
    def is_unspecified(self):
        return self._both_ends('is_unspecified')

    @property
    def is_loopback(self):
        return self._both_ends('is_loopback')


def _make_netmask_for(cls, arg, address_class, netmask_strings):
    cache = cls._netmask_cache
    found = cache.get(arg)
    if found is not None:
        return found
    if isinstance(arg, int):
        bits = arg
        if bits < 0 or bits > cls._max_prefixlen:
            cls._report_invalid_netmask(bits)
    elif netmask_strings:
        try:
            bits = cls._prefix_from_prefix_string(arg)
        except NetmaskValueError:
            bits = cls._prefix_from_ip_string(arg)
    else:
        bits = cls._prefix_from_prefix_string(arg)
    found = cache[arg] = (address_class(cls._ip_int_from_prefix(bits)), bits)
    return found


def _init_network(self, address, strict, address_class):
    host, mask_part = self._split_addr_prefix(address)
    start = address_class(host)
    self.network_address = start
    mask, bits = self._make_netmask(mask_part)
    self.netmask = mask
    self._prefixlen = bits
    value = start._ip
    masked = value & mask._ip
    if masked != value:
        if strict:
            raise ValueError(f'{self} has host bits set')
        self.network_address = address_class(masked)
    short = self._max_prefixlen - bits
    if short == 1:
        self.__dict__['hosts'] = self.__iter__
    elif short == 0:
        self.__dict__['hosts'] = lambda: [address_class(host)]


class _BaseInterfaceMixin:
    # Shared by IPv4Interface and IPv6Interface, ahead of their address
    # class in the MRO: the address plus the network around it.
    # `_plain` (the address class) and `_net_class` are set per version.

    __slots__ = ()

    def __init__(self, address):
        host, mask = self._split_addr_prefix(address)
        super().__init__(host)
        net = self._net_class((host, mask), strict=False)
        self.network = net
        self.netmask = net.netmask
        self._prefixlen = net._prefixlen

    def __str__(self):
        return '%s/%d' % (super().__str__(), self._prefixlen)

    def __eq__(self, other):
        verdict = super().__eq__(other)
        if verdict is NotImplemented or not verdict:
            return verdict
        try:
            return other.network == self.network
        except AttributeError:
            return False

    def __lt__(self, other):
        verdict = super().__lt__(other)
        if verdict is NotImplemented:
            return verdict
        try:
            mine = self.network
            theirs = other.network
        except AttributeError:
            return False
        return mine < theirs or (mine == theirs and verdict)

    def __hash__(self):
        return hash((self._ip, self._prefixlen,
                     self.network.network_address._ip))

    def __reduce__(self):
        return type(self), (str(self),)

    @property
    def ip(self):
        return self._plain(self._ip)

    @property
    def hostmask(self):
        return self.network.hostmask

    def _with(self, tail):
        return '%s/%s' % (self._string_from_ip_int(self._ip), tail)

    with_prefixlen = property(lambda self: self._with(self._prefixlen))
    with_netmask = property(lambda self: self._with(self.netmask))
    with_hostmask = property(lambda self: self._with(self.hostmask))


# --- IPv4 -----------------------------------------------------------------

def _v4_octet(text):
    if not text:
        raise ValueError('Empty octet not permitted')
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f'Only decimal digits permitted in {text!r}')
    if len(text) > 3:
        raise ValueError(f'At most 3 characters permitted in {text!r}')
    if len(text) > 1 and text[0] == '0':
        raise ValueError(f'Leading zeros are not permitted in {text!r}')
    value = int(text)
    if value > 255:
        raise ValueError(f'Octet {value} (> 255) not permitted')
    return value


def _v4_from_text(text):
    if not text:
        raise AddressValueError('Address cannot be empty')
    pieces = text.split('.')
    if len(pieces) != 4:
        raise AddressValueError(f'Expected 4 octets in {text!r}')
    total = 0
    try:
        for piece in pieces:
            total = total << 8 | _v4_octet(piece)
    except ValueError as err:
        raise AddressValueError(f'{err} in {text!r}') from None
    return total


class _BaseV4:
    """Parsing and formatting of IPv4 addresses."""

    __slots__ = ()
    _version = 4
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _max_prefixlen = IPV4LENGTH
    _netmask_cache = {}

    def _explode_shorthand_ip_string(self):
        return str(self)

    @classmethod
    def _make_netmask(cls, arg):
        return _make_netmask_for(cls, arg, IPv4Address, True)

    @classmethod
    def _ip_int_from_string(cls, text):
        return _v4_from_text(text)

    @classmethod
    def _parse_octet(cls, text):
        return _v4_octet(text)

    @classmethod
    def _string_from_ip_int(cls, value):
        return '%d.%d.%d.%d' % tuple(value.to_bytes(4, 'big'))

    def _reverse_pointer(self):
        return '.'.join(reversed(str(self).split('.'))) + '.in-addr.arpa'

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv4Address(_BaseV4, _BaseAddress):
    """One IPv4 address."""

    __slots__ = ('_ip', '__weakref__')

    def __init__(self, address):
        if isinstance(address, int):
            if address < 0 or address > 0xFFFFFFFF:
                self._check_int_address(address)
            self._ip = address
        elif isinstance(address, bytes):
            if len(address) != 4:
                self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, 'big')
        else:
            text = str(address)
            if '/' in text:
                raise AddressValueError(f"Unexpected '/' in {address!r}")
            self._ip = _v4_from_text(text)

    @property
    def packed(self):
        return self._ip.to_bytes(4, 'big')

    @property
    def is_reserved(self):
        return self in _IPv4Constants.reserved

    @property
    def is_private(self):
        for net in _IPv4Constants.private:
            if self in net:
                return True
        return False

    @property
    def is_global(self):
        return self not in _IPv4Constants.shared and not self.is_private

    @property
    def is_multicast(self):
        return self in _IPv4Constants.multicast

    @property
    def is_unspecified(self):
        return self == _IPv4Constants.unspecified

    @property
    def is_loopback(self):
        return self in _IPv4Constants.loopback

    @property
    def is_link_local(self):
        return self in _IPv4Constants.link_local


class IPv4Interface(_BaseInterfaceMixin, IPv4Address):
    """An IPv4 address together with its network."""

    _plain = IPv4Address


class IPv4Network(_BaseV4, _BaseNetwork):
    """An IPv4 network: IPv4Network('192.0.2.0/24'), a netmask or a
    hostmask after the '/' also accepted; strict=False masks off host
    bits instead of raising ValueError."""

    _address_class = IPv4Address

    def __init__(self, address, strict=True):
        _init_network(self, address, strict, IPv4Address)

    @property
    def is_global(self):
        shared = _IPv4Constants.shared
        inside = (self.network_address in shared and
                  self.broadcast_address in shared)
        return not inside and not self.is_private


class _IPv4Constants:
    shared = IPv4Network('100.64.0.0/10')
    private = tuple(IPv4Network(text) for text in (
        '0.0.0.0/8', '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16',
        '172.16.0.0/12', '192.0.0.0/29', '192.0.0.170/31', '192.0.2.0/24',
        '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24',
        '203.0.113.0/24', '240.0.0.0/4', '255.255.255.255/32'))
    reserved = IPv4Network('240.0.0.0/4')
    multicast = IPv4Network('224.0.0.0/4')
    unspecified = IPv4Address(0)
    loopback = IPv4Network('127.0.0.0/8')
    link_local = IPv4Network('169.254.0.0/16')


IPv4Interface._net_class = IPv4Network
IPv4Address._constants = IPv4Network._constants = _IPv4Constants


# --- IPv6 -----------------------------------------------------------------

_HEX = frozenset('0123456789abcdefABCDEF')


def _v6_hextet(text):
    if not _HEX.issuperset(text):
        raise ValueError(f'Only hex digits permitted in {text!r}')
    if len(text) > 4:
        raise ValueError(f'At most 4 characters permitted in {text!r}')
    return int(text, 16)


def _v6_from_text(text):
    if not text:
        raise AddressValueError('Address cannot be empty')
    groups = text.split(':')
    if len(groups) < 3:
        raise AddressValueError(f'At least 3 parts expected in {text!r}')
    if '.' in groups[-1]:
        try:
            tail = IPv4Address(groups[-1])._ip
        except AddressValueError as err:
            raise AddressValueError(f'{err} in {text!r}') from None
        groups[-1:] = ['%x' % (tail >> 16), '%x' % (tail & 0xFFFF)]
    count = len(groups)
    if count > 9:
        raise AddressValueError(f'At most 8 colons permitted in {text!r}')
    gap = None
    for at in range(1, count - 1):
        if not groups[at]:
            if gap is not None:
                raise AddressValueError(
                    f"At most one '::' permitted in {text!r}")
            gap = at
    lead_empty = not groups[0]
    tail_empty = not groups[-1]
    if gap is None:
        if count != 8:
            raise AddressValueError(
                f"Exactly 8 parts expected without '::' in {text!r}")
        head, tail, missing = groups, (), 0
    else:
        head = groups[:gap]
        tail = groups[gap + 1:]
        if lead_empty and len(head) == 1:
            head = []
            lead_empty = False
        if tail_empty and len(tail) == 1:
            tail = []
            tail_empty = False
    if lead_empty:
        raise AddressValueError(
            f"Leading ':' only permitted as part of '::' in {text!r}")
    if tail_empty:
        raise AddressValueError(
            f"Trailing ':' only permitted as part of '::' in {text!r}")
    if gap is not None:
        missing = 8 - len(head) - len(tail)
        if missing < 1:
            raise AddressValueError(
                f"Expected at most 7 other parts with '::' in {text!r}")
    total = 0
    try:
        for piece in head:
            total = total << 16 | _v6_hextet(piece)
        total <<= 16 * missing
        for piece in tail:
            total = total << 16 | _v6_hextet(piece)
    except ValueError as err:
        raise AddressValueError(f'{err} in {text!r}') from None
    return total


def _v6_text(value):
    words = ['%x' % (value >> shift & 0xFFFF)
             for shift in range(112, -16, -16)]
    return ':'.join(_compress_words(words))


def _compress_words(words):
    # Replace the first longest run (two or more) of '0' words by ''.
    best_at = -1
    best_len = 1
    at = 0
    size = len(words)
    while at < size:
        if words[at] == '0':
            end = at + 1
            while end < size and words[end] == '0':
                end += 1
            if end - at > best_len:
                best_at, best_len = at, end - at
            at = end
        else:
            at += 1
    if best_at < 0:
        return words
    out = words[:best_at] + [''] + words[best_at + best_len:]
    if best_at == 0:
        out.insert(0, '')
    if best_at + best_len == size:
        out.append('')
    return out


class _BaseV6:
    """Parsing and formatting of IPv6 addresses."""

    __slots__ = ()
    _version = 6
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _HEXTET_COUNT = 8
    _HEX_DIGITS = _HEX
    _max_prefixlen = IPV6LENGTH
    _netmask_cache = {}

    @classmethod
    def _make_netmask(cls, arg):
        return _make_netmask_for(cls, arg, IPv6Address, False)

    @classmethod
    def _ip_int_from_string(cls, text):
        return _v6_from_text(text)

    @classmethod
    def _parse_hextet(cls, text):
        return _v6_hextet(text)

    @classmethod
    def _compress_hextets(cls, words):
        return _compress_words(list(words))

    @classmethod
    def _string_from_ip_int(cls, value=None):
        if value is None:
            value = int(cls._ip)
        if value > cls._ALL_ONES:
            raise ValueError('IPv6 address is too large')
        return _v6_text(value)

    def _explode_shorthand_ip_string(self):
        if isinstance(self, IPv6Network):
            shown = str(self.network_address)
        elif isinstance(self, IPv6Interface):
            shown = str(self.ip)
        else:
            shown = str(self)
        digits = '%032x' % _v6_from_text(shown)
        text = ':'.join([digits[i:i + 4] for i in range(0, 32, 4)])
        if isinstance(self, (_BaseNetwork, IPv6Interface)):
            text = f'{text}/{self._prefixlen}'
        return text

    def _reverse_pointer(self):
        return '.'.join(self.exploded[::-1].replace(':', '')) + '.ip6.arpa'

    @staticmethod
    def _split_scope_id(text):
        address, percent, scope = text.partition('%')
        if not percent:
            return address, None
        if scope and '%' not in scope:
            return address, scope
        raise AddressValueError(f'Invalid IPv6 address: "{text!r}"')

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv6Address(_BaseV6, _BaseAddress):
    """One IPv6 address, optionally with a '%scope' zone id."""

    __slots__ = ('_ip', '_scope_id', '__weakref__')

    def __init__(self, address):
        self._scope_id = None
        if isinstance(address, int):
            if address < 0 or address > self._ALL_ONES:
                self._check_int_address(address)
            self._ip = address
        elif isinstance(address, bytes):
            if len(address) != 16:
                self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, 'big')
        else:
            text = str(address)
            if '/' in text:
                raise AddressValueError(f"Unexpected '/' in {address!r}")
            text, self._scope_id = self._split_scope_id(text)
            self._ip = _v6_from_text(text)

    def __str__(self):
        text = _v6_text(self._ip)
        scope = self._scope_id
        return f'{text}%{scope}' if scope else text

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        verdict = _BaseAddress.__eq__(self, other)
        if verdict is NotImplemented or not verdict:
            return verdict
        return getattr(other, '_scope_id', None) == self._scope_id

    def __reduce__(self):
        return type(self), (str(self),)

    @property
    def scope_id(self):
        return self._scope_id

    @property
    def packed(self):
        return self._ip.to_bytes(16, 'big')

    @property
    def is_multicast(self):
        return self in _IPv6Constants.multicast

    @property
    def is_reserved(self):
        return any(self in net for net in _IPv6Constants.reserved)

    @property
    def is_link_local(self):
        return self in _IPv6Constants.link_local

    @property
    def is_site_local(self):
        return self in _IPv6Constants.site_local

    @property
    def is_private(self):
        inner = self.ipv4_mapped
        if inner is not None:
            return inner.is_private
        return any(self in net for net in _IPv6Constants.private)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        return self._ip == 1

    @property
    def ipv4_mapped(self):
        value = self._ip
        if value >> 32 == 0xFFFF:
            return IPv4Address(value & 0xFFFFFFFF)
        return None

    @property
    def teredo(self):
        value = self._ip
        if value >> 96 == 0x20010000:
            server = IPv4Address(value >> 64 & 0xFFFFFFFF)
            client = IPv4Address(~value & 0xFFFFFFFF)
            return server, client
        return None

    @property
    def sixtofour(self):
        value = self._ip
        if value >> 112 == 0x2002:
            return IPv4Address(value >> 80 & 0xFFFFFFFF)
        return None


class IPv6Interface(_BaseInterfaceMixin, IPv6Address):
    """An IPv6 address together with its network."""

    _plain = IPv6Address

    @property
    def is_unspecified(self):
        return not self._ip and self.network.is_unspecified

    @property
    def is_loopback(self):
        return self._ip == 1 and self.network.is_loopback


class IPv6Network(_BaseV6, _BaseNetwork):
    """An IPv6 network: IPv6Network('2001:db8::/32'); strict=False masks
    off host bits instead of raising ValueError."""

    _address_class = IPv6Address

    def __init__(self, address, strict=True):
        _init_network(self, address, strict, IPv6Address)

    def hosts(self):
        """Iterate over the usable hosts: every address but the first
        (the Subnet-Router anycast address)."""
        make = self._address_class
        low, high = self._bounds()
        for value in range(low + 1, high + 1):
            yield make(value)

    @property
    def is_site_local(self):
        return self._both_ends('is_site_local')


class _IPv6Constants:
    link_local = IPv6Network('fe80::/10')
    multicast = IPv6Network('ff00::/8')
    private = tuple(IPv6Network(text) for text in (
        '::1/128', '::/128', '::ffff:0:0/96', '100::/64', '2001::/23',
        '2001:2::/48', '2001:db8::/32', '2001:10::/28', 'fc00::/7',
        'fe80::/10'))
    reserved = tuple(IPv6Network(text) for text in (
        '::/8', '100::/8', '200::/7', '400::/6', '800::/5', '1000::/4',
        '4000::/3', '6000::/3', '8000::/3', 'A000::/3', 'C000::/3',
        'E000::/4', 'F000::/5', 'F800::/6', 'FE00::/9'))
    site_local = IPv6Network('fec0::/10')


IPv6Interface._net_class = IPv6Network
IPv6Address._constants = IPv6Network._constants = _IPv6Constants
