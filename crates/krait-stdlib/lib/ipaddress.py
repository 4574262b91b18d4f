"""IPv4/IPv6 address, network and interface manipulation (krait implementation).

Provides ip_address(), ip_network(), ip_interface() factories, the
IPv4Address/IPv6Address, IPv4Network/IPv6Network and
IPv4Interface/IPv6Interface classes and helpers such as
summarize_address_range() and collapse_addresses().
"""

__version__ = '1.0'

import functools

IPV4LENGTH = 32
IPV6LENGTH = 128


class AddressValueError(ValueError):
    """A Value Error related to the address."""


class NetmaskValueError(ValueError):
    """A Value Error related to the netmask."""


# ---------------------------------------------------------------------------
# Factory functions

def ip_address(address):
    """Return an IPv4Address or IPv6Address object built from `address`."""
    for cls in (IPv4Address, IPv6Address):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 address')


def ip_network(address, strict=True):
    """Return an IPv4Network or IPv6Network object built from `address`."""
    for cls in (IPv4Network, IPv6Network):
        try:
            return cls(address, strict)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 network')


def ip_interface(address):
    """Return an IPv4Interface or IPv6Interface object built from `address`."""
    for cls in (IPv4Interface, IPv6Interface):
        try:
            return cls(address)
        except (AddressValueError, NetmaskValueError):
            pass
    raise ValueError(f'{address!r} does not appear to be an IPv4 or IPv6 interface')


def v4_int_to_packed(address):
    """Pack an integer into 4 big-endian bytes."""
    try:
        return address.to_bytes(4, 'big')
    except OverflowError:
        raise ValueError("Address negative or too large for IPv4")


def v6_int_to_packed(address):
    """Pack an integer into 16 big-endian bytes."""
    try:
        return address.to_bytes(16, 'big')
    except OverflowError:
        raise ValueError("Address negative or too large for IPv6")


def _split_optional_netmask(address):
    pieces = str(address).split('/')
    if len(pieces) > 2:
        raise AddressValueError(f"Only one '/' permitted in {address!r}")
    return pieces


def _trailing_zero_bits(value, width):
    if value == 0:
        return width
    return min(width, (value & -value).bit_length() - 1)


def summarize_address_range(first, last):
    """Yield the minimal list of networks covering [first, last]."""
    if not (isinstance(first, _BaseAddress) and isinstance(last, _BaseAddress)):
        raise TypeError('first and last must be IP addresses, not networks')
    if first.version != last.version:
        raise TypeError(f"{first} and {last} are not of the same version")
    if first > last:
        raise ValueError('last IP address must be greater than first')
    if first.version == 4:
        net_cls = IPv4Network
    elif first.version == 6:
        net_cls = IPv6Network
    else:
        raise ValueError('unknown IP version')
    width = first._max_prefixlen
    lo = first._ip
    hi = last._ip
    while lo <= hi:
        bits = min(_trailing_zero_bits(lo, width), (hi - lo + 1).bit_length() - 1)
        yield net_cls((lo, width - bits))
        lo += 1 << bits
        if lo - 1 == net_cls._ALL_ONES:
            break


def _consecutive_runs(addresses):
    it = iter(addresses)
    start = end = next(it)
    for addr in it:
        if addr._ip != end._ip + 1:
            yield start, end
            start = addr
        end = addr
    yield start, end


def _merge_networks(networks):
    pending = list(networks)
    by_supernet = {}
    while pending:
        net = pending.pop()
        parent = net.supernet()
        seen = by_supernet.get(parent)
        if seen is None:
            by_supernet[parent] = net
        elif seen != net:
            # both halves present: replace them by their parent
            del by_supernet[parent]
            pending.append(parent)
    previous = None
    for net in sorted(by_supernet.values()):
        if previous is not None and previous.broadcast_address >= net.broadcast_address:
            continue
        yield net
        previous = net


def collapse_addresses(addresses):
    """Collapse a list of addresses/networks into the minimal set of networks."""
    singles = []
    nets = []
    for item in addresses:
        if isinstance(item, _BaseAddress):
            if singles and singles[-1]._version != item._version:
                raise TypeError(f"{item} and {singles[-1]} are not of the same version")
            singles.append(item)
        elif item._prefixlen == item._max_prefixlen:
            if singles and singles[-1]._version != item._version:
                raise TypeError(f"{item} and {singles[-1]} are not of the same version")
            if isinstance(item, _BaseNetwork):
                singles.append(item.network_address)
            else:
                singles.append(item.ip)
        else:
            if nets and nets[-1]._version != item._version:
                raise TypeError(f"{item} and {nets[-1]} are not of the same version")
            nets.append(item)
    singles = sorted(set(singles))
    ranges = []
    if singles:
        for lo, hi in _consecutive_runs(singles):
            ranges.extend(summarize_address_range(lo, hi))
    return _merge_networks(ranges + nets)


def get_mixed_type_key(obj):
    """Sort key usable for lists mixing networks and addresses."""
    if isinstance(obj, _BaseNetwork):
        return obj._get_networks_key()
    elif isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    return NotImplemented


# ---------------------------------------------------------------------------
# Base classes

class _IPAddressBase:
    """Shared behaviour of addresses, networks and interfaces."""

    __slots__ = ()

    @property
    def exploded(self):
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        return str(self)

    @property
    def reverse_pointer(self):
        return self._reverse_pointer()

    @property
    def version(self):
        raise NotImplementedError(f'{type(self)} has no version specified')

    def _check_int_address(self, address):
        if address < 0:
            raise AddressValueError(
                f"{address} (< 0) is not permitted as an IPv{self._version} address")
        if address > self._ALL_ONES:
            raise AddressValueError(
                f"{address} (>= 2**{self._max_prefixlen}) is not permitted as an "
                f"IPv{self._version} address")

    def _check_packed_address(self, address, expected):
        if len(address) != expected:
            raise AddressValueError(
                f"{address!r} (len {len(address)} != {expected}) is not permitted "
                f"as an IPv{self._version} address")

    @classmethod
    def _ip_int_from_prefix(cls, prefixlen):
        return cls._ALL_ONES ^ (cls._ALL_ONES >> prefixlen)

    @classmethod
    def _prefix_from_ip_int(cls, ip_int):
        zeros = _trailing_zero_bits(ip_int, cls._max_prefixlen)
        prefixlen = cls._max_prefixlen - zeros
        if (ip_int >> zeros) != (1 << prefixlen) - 1:
            raw = ip_int.to_bytes(cls._max_prefixlen // 8, 'big')
            raise ValueError(f'Netmask pattern {raw!r} mixes zeroes & ones')
        return prefixlen

    @classmethod
    def _report_invalid_netmask(cls, netmask_str):
        raise NetmaskValueError(f'{netmask_str!r} is not a valid netmask') from None

    @classmethod
    def _prefix_from_prefix_string(cls, prefixlen_str):
        if not (prefixlen_str.isascii() and prefixlen_str.isdigit()):
            cls._report_invalid_netmask(prefixlen_str)
        try:
            prefixlen = int(prefixlen_str)
        except ValueError:
            cls._report_invalid_netmask(prefixlen_str)
        if not 0 <= prefixlen <= cls._max_prefixlen:
            cls._report_invalid_netmask(prefixlen_str)
        return prefixlen

    @classmethod
    def _prefix_from_ip_string(cls, ip_str):
        try:
            value = cls._ip_int_from_string(ip_str)
        except AddressValueError:
            cls._report_invalid_netmask(ip_str)
        try:
            return cls._prefix_from_ip_int(value)
        except ValueError:
            pass
        # maybe it is a hostmask
        try:
            return cls._prefix_from_ip_int(value ^ cls._ALL_ONES)
        except ValueError:
            cls._report_invalid_netmask(ip_str)

    @classmethod
    def _split_addr_prefix(cls, address):
        if isinstance(address, (bytes, int)):
            return address, cls._max_prefixlen
        if not isinstance(address, tuple):
            address = _split_optional_netmask(address)
        if len(address) > 1:
            return address
        return address[0], cls._max_prefixlen

    def __reduce__(self):
        return self.__class__, (str(self),)


_FORMAT_KINDS = 'bnxX'


@functools.total_ordering
class _BaseAddress(_IPAddressBase):
    """Behaviour common to single IP addresses."""

    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            return self._ip == other._ip and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f'{self} and {other} are not of the same version')
        if self._ip != other._ip:
            return self._ip < other._ip
        return False

    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) - other)

    def __repr__(self):
        return f'{self.__class__.__name__}({str(self)!r})'

    def __str__(self):
        return str(self._string_from_ip_int(self._ip))

    def __hash__(self):
        return hash(hex(int(self._ip)))

    def _get_address_key(self):
        return (self._version, self)

    def __reduce__(self):
        return self.__class__, (self._ip,)

    def __format__(self, fmt):
        if not fmt or fmt[-1] == 's':
            return format(str(self), fmt)
        spec = fmt
        alternate = grouping = ''
        if spec[:1] == '#':
            alternate = '#'
            spec = spec[1:]
        if spec[:1] == '_':
            grouping = '_'
            spec = spec[1:]
        if len(spec) != 1 or spec not in _FORMAT_KINDS:
            return super().__format__(fmt)
        kind = spec
        if kind == 'n':
            kind = 'b' if self._version == 4 else 'x'
        if kind == 'b':
            width = self._max_prefixlen
        else:
            width = self._max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if alternate:
            width += 2
        return format(int(self), f'{alternate}0{width}{grouping}{kind}')


@functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """Behaviour common to IP networks."""

    def __repr__(self):
        return f'{self.__class__.__name__}({str(self)!r})'

    def __str__(self):
        return f'{self.network_address}/{self.prefixlen}'

    def hosts(self):
        """Iterate over the usable host addresses of the network."""
        first = int(self.network_address)
        last = int(self.broadcast_address)
        for value in range(first + 1, last):
            yield self._address_class(value)

    def __iter__(self):
        first = int(self.network_address)
        last = int(self.broadcast_address)
        for value in range(first, last + 1):
            yield self._address_class(value)

    def __getitem__(self, n):
        first = int(self.network_address)
        last = int(self.broadcast_address)
        if n >= 0:
            if first + n > last:
                raise IndexError('address out of range')
            return self._address_class(first + n)
        n += 1
        if last + n < first:
            raise IndexError('address out of range')
        return self._address_class(last + n)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f'{self} and {other} are not of the same version')
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __eq__(self, other):
        try:
            return (self._version == other._version and
                    self.network_address == other.network_address and
                    int(self.netmask) == int(other.netmask))
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash(int(self.network_address) ^ int(self.netmask))

    def __contains__(self, other):
        if self._version != other._version:
            return False
        if isinstance(other, _BaseNetwork):
            return False
        return other._ip & self.netmask._ip == self.network_address._ip

    def overlaps(self, other):
        """Tell whether this network is partly or wholly contained in other."""
        return (self.network_address in other or
                self.broadcast_address in other or
                other.network_address in self or
                other.broadcast_address in self)

    @property
    def broadcast_address(self):
        cached = self.__dict__.get('_broadcast_cache')
        if cached is None:
            cached = self._address_class(int(self.network_address) | int(self.hostmask))
            self.__dict__['_broadcast_cache'] = cached
        return cached

    @property
    def hostmask(self):
        cached = self.__dict__.get('_hostmask_cache')
        if cached is None:
            cached = self._address_class(int(self.netmask) ^ self._ALL_ONES)
            self.__dict__['_hostmask_cache'] = cached
        return cached

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
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def _address_class(self):
        raise NotImplementedError(f'{type(self)} has no associated address class')

    @property
    def prefixlen(self):
        return self._prefixlen

    def address_exclude(self, other):
        """Yield the networks left after removing `other` from this one."""
        if not self._version == other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if not isinstance(other, _BaseNetwork):
            raise TypeError(f"{other} is not a network object")
        if not other.subnet_of(self):
            raise ValueError(f'{other} not contained in {self}')
        if other == self:
            return
        other = other.__class__(f'{other.network_address}/{other.prefixlen}')
        low, high = self.subnets()
        while low != other and high != other:
            if other.subnet_of(low):
                yield high
                low, high = low.subnets()
            elif other.subnet_of(high):
                yield low
                low, high = high.subnets()
            else:
                raise AssertionError(
                    f'Error performing exclusion: s1: {low} s2: {high} other: {other}')
        if low == other:
            yield high
        elif high == other:
            yield low
        else:
            raise AssertionError(
                f'Error performing exclusion: s1: {low} s2: {high} other: {other}')

    def compare_networks(self, other):
        """Compare two networks: -1, 0 or 1 (network address, then netmask)."""
        if self._version != other._version:
            raise TypeError(f'{self} and {other} are not of the same type')
        if self.network_address < other.network_address:
            return -1
        if self.network_address > other.network_address:
            return 1
        if self.netmask < other.netmask:
            return -1
        if self.netmask > other.netmask:
            return 1
        return 0

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """Yield the subnets that make up this network."""
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError('new prefix must be longer')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError('prefix length diff must be > 0')
        new_len = self._prefixlen + prefixlen_diff
        if new_len > self._max_prefixlen:
            raise ValueError(
                f'prefix length diff {new_len} is invalid for netblock {self}')
        start = int(self.network_address)
        stop = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        for value in range(start, stop, step):
            yield self.__class__((value, new_len))

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """Return the containing network with a shorter prefix."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError('new prefix must be shorter')
            if prefixlen_diff != 1:
                raise ValueError('cannot set prefixlen_diff and new_prefix')
            prefixlen_diff = self._prefixlen - new_prefix
        new_len = self.prefixlen - prefixlen_diff
        if new_len < 0:
            raise ValueError(
                f'current prefixlen is {self.prefixlen}, cannot have a '
                f'prefixlen_diff of {prefixlen_diff}')
        return self.__class__((
            int(self.network_address) & (int(self.netmask) << prefixlen_diff),
            new_len))

    @property
    def is_multicast(self):
        return self.network_address.is_multicast and self.broadcast_address.is_multicast

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if a._version != b._version:
                raise TypeError(f"{a} and {b} are not of the same version")
            return (b.network_address <= a.network_address and
                    b.broadcast_address >= a.broadcast_address)
        except AttributeError:
            raise TypeError(f"Unable to test subnet containment "
                            f"between {a} and {b}")

    def subnet_of(self, other):
        """Return True if this network is a subnet of other."""
        return self._is_subnet_of(self, other)

    def supernet_of(self, other):
        """Return True if this network is a supernet of other."""
        return self._is_subnet_of(other, self)

    @property
    def is_reserved(self):
        return self.network_address.is_reserved and self.broadcast_address.is_reserved

    @property
    def is_link_local(self):
        return self.network_address.is_link_local and self.broadcast_address.is_link_local

    @property
    def is_private(self):
        return any(self.network_address in net and self.broadcast_address in net
                   for net in self._constants.private_networks)

    @property
    def is_global(self):
        return not self.is_private

    @property
    def is_unspecified(self):
        return self.network_address.is_unspecified and self.broadcast_address.is_unspecified

    @property
    def is_loopback(self):
        return self.network_address.is_loopback and self.broadcast_address.is_loopback


# ---------------------------------------------------------------------------
# IPv4

class _BaseV4:
    """Version-4 specific parsing and formatting."""

    __slots__ = ()
    _version = 4
    _ALL_ONES = (1 << IPV4LENGTH) - 1
    _max_prefixlen = IPV4LENGTH
    _netmask_cache = {}

    def _explode_shorthand_ip_string(self):
        return str(self)

    @classmethod
    def _make_netmask(cls, arg):
        key = (type(arg), arg)
        if key not in cls._netmask_cache:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                try:
                    prefixlen = cls._prefix_from_prefix_string(arg)
                except NetmaskValueError:
                    prefixlen = cls._prefix_from_ip_string(arg)
            netmask = IPv4Address(cls._ip_int_from_prefix(prefixlen))
            cls._netmask_cache[key] = netmask, prefixlen
        return cls._netmask_cache[key]

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError('Address cannot be empty')
        octets = ip_str.split('.')
        if len(octets) != 4:
            raise AddressValueError(f"Expected 4 octets in {ip_str!r}")
        value = 0
        for octet in octets:
            try:
                value = (value << 8) | cls._parse_octet(octet)
            except ValueError as exc:
                raise AddressValueError(f"{exc} in {ip_str!r}") from None
        return value

    @classmethod
    def _parse_octet(cls, octet_str):
        if not octet_str:
            raise ValueError("Empty octet not permitted")
        if not (octet_str.isascii() and octet_str.isdigit()):
            raise ValueError(f"Only decimal digits permitted in {octet_str!r}")
        if len(octet_str) > 3:
            raise ValueError(f"At most 3 characters permitted in {octet_str!r}")
        if octet_str != '0' and octet_str[0] == '0':
            raise ValueError(f"Leading zeros are not permitted in {octet_str!r}")
        value = int(octet_str, 10)
        if value > 255:
            raise ValueError(f"Octet {value} (> 255) not permitted")
        return value

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        return '.'.join(str(b) for b in ip_int.to_bytes(4, 'big'))

    def _reverse_pointer(self):
        parts = str(self).split('.')
        parts.reverse()
        return '.'.join(parts) + '.in-addr.arpa'

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv4Address(_BaseV4, _BaseAddress):
    """A single IPv4 address."""

    __slots__ = ('_ip', '__weakref__')

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 4)
            self._ip = int.from_bytes(address, 'big')
            return
        text = str(address)
        if '/' in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        self._ip = self._ip_int_from_string(text)

    @property
    def packed(self):
        return v4_int_to_packed(self._ip)

    @property
    def is_reserved(self):
        return self in _V4.reserved_network

    @property
    def is_private(self):
        return any(self in net for net in _V4.private_networks)

    @property
    def is_global(self):
        return self not in _V4.public_network and not self.is_private

    @property
    def is_multicast(self):
        return self in _V4.multicast_network

    @property
    def is_unspecified(self):
        return self == _V4.unspecified_address

    @property
    def is_loopback(self):
        return self in _V4.loopback_network

    @property
    def is_link_local(self):
        return self in _V4.linklocal_network


class _BaseInterface:
    """An address together with the network it lives on: what IPv4Interface
    and IPv6Interface share (`_network_class` is set once the network class
    exists)."""

    _network_class = None

    def __init__(self, address):
        addr, mask = self._split_addr_prefix(address)
        super().__init__(addr)
        self.network = self._network_class((addr, mask), strict=False)
        self.netmask = self.network.netmask
        self._prefixlen = self.network._prefixlen

    @property
    def hostmask(self):
        return self.network.hostmask

    def __eq__(self, other):
        result = super().__eq__(other)
        if result is NotImplemented or not result:
            return result
        try:
            return self.network == other.network
        except AttributeError:
            # an interface is never equal to a plain address
            return False

    def __lt__(self, other):
        result = super().__lt__(other)
        if result is NotImplemented:
            return NotImplemented
        try:
            return (self.network < other.network or
                    self.network == other.network and result)
        except AttributeError:
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen, int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        return self._network_class._address_class(self._ip)

    @property
    def with_prefixlen(self):
        return f'{self._string_from_ip_int(self._ip)}/{self._prefixlen}'

    @property
    def with_netmask(self):
        return f'{self._string_from_ip_int(self._ip)}/{self.netmask}'

    @property
    def with_hostmask(self):
        return f'{self._string_from_ip_int(self._ip)}/{self.hostmask}'


class IPv4Interface(_BaseInterface, IPv4Address):
    """An IPv4 address together with the network it lives on."""

    def __str__(self):
        return f'{self._string_from_ip_int(self._ip)}/{self._prefixlen}'


class IPv4Network(_BaseV4, _BaseNetwork):
    """An IPv4 network (address block)."""

    _address_class = IPv4Address

    def __init__(self, address, strict=True):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = IPv4Address(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        value = int(self.network_address)
        if value & int(self.netmask) != value:
            if strict:
                raise ValueError(f'{self} has host bits set')
            self.network_address = IPv4Address(value & int(self.netmask))
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [IPv4Address(addr)]

    @property
    def is_global(self):
        return (not (self.network_address in _V4.public_network and
                     self.broadcast_address in _V4.public_network) and
                not self.is_private)


class _V4:
    public_network = IPv4Network('100.64.0.0/10')
    private_networks = [
        IPv4Network('0.0.0.0/8'),
        IPv4Network('10.0.0.0/8'),
        IPv4Network('127.0.0.0/8'),
        IPv4Network('169.254.0.0/16'),
        IPv4Network('172.16.0.0/12'),
        IPv4Network('192.0.0.0/29'),
        IPv4Network('192.0.0.170/31'),
        IPv4Network('192.0.2.0/24'),
        IPv4Network('192.168.0.0/16'),
        IPv4Network('198.18.0.0/15'),
        IPv4Network('198.51.100.0/24'),
        IPv4Network('203.0.113.0/24'),
        IPv4Network('240.0.0.0/4'),
        IPv4Network('255.255.255.255/32'),
    ]
    reserved_network = IPv4Network('240.0.0.0/4')
    multicast_network = IPv4Network('224.0.0.0/4')
    unspecified_address = IPv4Address('0.0.0.0')
    loopback_network = IPv4Network('127.0.0.0/8')
    linklocal_network = IPv4Network('169.254.0.0/16')


IPv4Address._constants = _V4
IPv4Network._constants = _V4
IPv4Interface._network_class = IPv4Network


# ---------------------------------------------------------------------------
# IPv6

class _BaseV6:
    """Version-6 specific parsing and formatting."""

    __slots__ = ()
    _version = 6
    _ALL_ONES = (1 << IPV6LENGTH) - 1
    _HEXTET_COUNT = 8
    _max_prefixlen = IPV6LENGTH
    _netmask_cache = {}

    @classmethod
    def _make_netmask(cls, arg):
        key = (type(arg), arg)
        if key not in cls._netmask_cache:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    cls._report_invalid_netmask(prefixlen)
            else:
                prefixlen = cls._prefix_from_prefix_string(arg)
            netmask = IPv6Address(cls._ip_int_from_prefix(prefixlen))
            cls._netmask_cache[key] = netmask, prefixlen
        return cls._netmask_cache[key]

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        if not ip_str:
            raise AddressValueError('Address cannot be empty')
        parts = ip_str.split(':')
        if len(parts) < 3:
            raise AddressValueError(f"At least 3 parts expected in {ip_str!r}")
        if '.' in parts[-1]:
            try:
                v4 = IPv4Address(parts.pop())._ip
            except AddressValueError as exc:
                raise AddressValueError(f"{exc} in {ip_str!r}") from None
            parts.append('%x' % (v4 >> 16))
            parts.append('%x' % (v4 & 0xFFFF))
        if len(parts) > cls._HEXTET_COUNT + 1:
            raise AddressValueError(
                f"At most {cls._HEXTET_COUNT} colons permitted in {ip_str!r}")
        gap = None
        for i in range(1, len(parts) - 1):
            if not parts[i]:
                if gap is not None:
                    raise AddressValueError(f"At most one '::' permitted in {ip_str!r}")
                gap = i
        if gap is not None:
            n_hi = gap
            n_lo = len(parts) - gap - 1
            if not parts[0]:
                n_hi -= 1
                if n_hi:
                    raise AddressValueError(
                        f"Leading ':' only permitted as part of '::' in {ip_str!r}")
            if not parts[-1]:
                n_lo -= 1
                if n_lo:
                    raise AddressValueError(
                        f"Trailing ':' only permitted as part of '::' in {ip_str!r}")
            n_skip = cls._HEXTET_COUNT - (n_hi + n_lo)
            if n_skip < 1:
                raise AddressValueError(
                    f"Expected at most {cls._HEXTET_COUNT - 1} other parts with "
                    f"'::' in {ip_str!r}")
        else:
            if len(parts) != cls._HEXTET_COUNT:
                raise AddressValueError(
                    f"Exactly {cls._HEXTET_COUNT} parts expected without '::' in {ip_str!r}")
            if not parts[0]:
                raise AddressValueError(
                    f"Leading ':' only permitted as part of '::' in {ip_str!r}")
            if not parts[-1]:
                raise AddressValueError(
                    f"Trailing ':' only permitted as part of '::' in {ip_str!r}")
            n_hi = len(parts)
            n_lo = 0
            n_skip = 0
        try:
            value = 0
            for i in range(n_hi):
                value = (value << 16) | cls._parse_hextet(parts[i])
            value <<= 16 * n_skip
            for i in range(-n_lo, 0):
                value = (value << 16) | cls._parse_hextet(parts[i])
            return value
        except ValueError as exc:
            raise AddressValueError(f"{exc} in {ip_str!r}") from None

    @classmethod
    def _parse_hextet(cls, hextet_str):
        if not hextet_str or not all(c in '0123456789abcdefABCDEF' for c in hextet_str):
            raise ValueError(f"Only hex digits permitted in {hextet_str!r}")
        if len(hextet_str) > 4:
            raise ValueError(f"At most 4 characters permitted in {hextet_str!r}")
        return int(hextet_str, 16)

    @classmethod
    def _compress_hextets(cls, hextets):
        best_start = -1
        best_len = 0
        run_start = -1
        run_len = 0
        for i, h in enumerate(hextets):
            if h == '0':
                if run_start < 0:
                    run_start = i
                run_len += 1
                if run_len > best_len:
                    best_len = run_len
                    best_start = run_start
            else:
                run_start = -1
                run_len = 0
        if best_len > 1:
            end = best_start + best_len
            if end == len(hextets):
                hextets = hextets + ['']
            hextets = hextets[:best_start] + [''] + hextets[end:]
            if best_start == 0:
                hextets = [''] + hextets
        return hextets

    @classmethod
    def _string_from_ip_int(cls, ip_int=None):
        if ip_int is None:
            ip_int = int(cls._ip)
        if ip_int > cls._ALL_ONES:
            raise ValueError('IPv6 address is too large')
        hextets = ['%x' % ((ip_int >> (16 * (7 - i))) & 0xFFFF) for i in range(8)]
        return ':'.join(cls._compress_hextets(hextets))

    def _explode_shorthand_ip_string(self):
        if isinstance(self, IPv6Network):
            text = str(self.network_address)
        elif isinstance(self, IPv6Interface):
            text = str(self.ip)
        else:
            text = str(self)
        value = self._ip_int_from_string(text)
        digits = '%032x' % value
        groups = [digits[i:i + 4] for i in range(0, 32, 4)]
        if isinstance(self, (_BaseNetwork, IPv6Interface)):
            return f"{':'.join(groups)}/{self._prefixlen}"
        return ':'.join(groups)

    def _reverse_pointer(self):
        nibbles = self.exploded[::-1].replace(':', '')
        return '.'.join(nibbles) + '.ip6.arpa'

    @staticmethod
    def _split_scope_id(ip_str):
        addr, sep, scope = ip_str.partition('%')
        if not sep:
            scope = None
        elif not scope or '%' in scope:
            raise AddressValueError(f'Invalid IPv6 address: "{ip_str!r}"')
        return addr, scope

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv6Address(_BaseV6, _BaseAddress):
    """A single IPv6 address (optionally with a %scope id)."""

    __slots__ = ('_ip', '_scope_id', '__weakref__')

    def __init__(self, address):
        if isinstance(address, int):
            self._check_int_address(address)
            self._ip = address
            self._scope_id = None
            return
        if isinstance(address, bytes):
            self._check_packed_address(address, 16)
            self._ip = int.from_bytes(address, 'big')
            self._scope_id = None
            return
        text = str(address)
        if '/' in text:
            raise AddressValueError(f"Unexpected '/' in {address!r}")
        text, self._scope_id = self._split_scope_id(text)
        self._ip = self._ip_int_from_string(text)

    def __str__(self):
        text = super().__str__()
        return text + '%' + self._scope_id if self._scope_id else text

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        result = super().__eq__(other)
        if result is NotImplemented:
            return NotImplemented
        if not result:
            return False
        return self._scope_id == getattr(other, '_scope_id', None)

    def __reduce__(self):
        return (self.__class__, (str(self),))

    @property
    def scope_id(self):
        return self._scope_id

    @property
    def packed(self):
        return v6_int_to_packed(self._ip)

    @property
    def is_multicast(self):
        return self in _V6.multicast_network

    @property
    def is_reserved(self):
        return any(self in net for net in _V6.reserved_networks)

    @property
    def is_link_local(self):
        return self in _V6.linklocal_network

    @property
    def is_site_local(self):
        return self in _V6.sitelocal_network

    @property
    def is_private(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_private
        return any(self in net for net in _V6.private_networks)

    @property
    def is_global(self):
        mapped = self.ipv4_mapped
        if mapped is not None:
            return mapped.is_global
        return not self.is_private

    @property
    def is_unspecified(self):
        return self._ip == 0

    @property
    def is_loopback(self):
        return self._ip == 1

    @property
    def ipv4_mapped(self):
        if (self._ip >> 32) != 0xFFFF:
            return None
        return IPv4Address(self._ip & 0xFFFFFFFF)

    @property
    def teredo(self):
        if (self._ip >> 96) != 0x20010000:
            return None
        return (IPv4Address((self._ip >> 64) & 0xFFFFFFFF),
                IPv4Address(~self._ip & 0xFFFFFFFF))

    @property
    def sixtofour(self):
        if (self._ip >> 112) != 0x2002:
            return None
        return IPv4Address((self._ip >> 80) & 0xFFFFFFFF)


class IPv6Interface(_BaseInterface, IPv6Address):
    """An IPv6 address together with the network it lives on."""

    def __str__(self):
        return f'{super().__str__()}/{self._prefixlen}'

    @property
    def is_unspecified(self):
        return self._ip == 0 and self.network.is_unspecified

    @property
    def is_loopback(self):
        return self._ip == 1 and self.network.is_loopback


class IPv6Network(_BaseV6, _BaseNetwork):
    """An IPv6 network (address block)."""

    _address_class = IPv6Address

    def __init__(self, address, strict=True):
        addr, mask = self._split_addr_prefix(address)
        self.network_address = IPv6Address(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        value = int(self.network_address)
        if value & int(self.netmask) != value:
            if strict:
                raise ValueError(f'{self} has host bits set')
            self.network_address = IPv6Address(value & int(self.netmask))
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [IPv6Address(addr)]

    def hosts(self):
        """Iterate over usable hosts (all but the Subnet-Router anycast address)."""
        first = int(self.network_address)
        last = int(self.broadcast_address)
        for value in range(first + 1, last + 1):
            yield self._address_class(value)

    @property
    def is_site_local(self):
        return self.network_address.is_site_local and self.broadcast_address.is_site_local


class _V6:
    linklocal_network = IPv6Network('fe80::/10')
    multicast_network = IPv6Network('ff00::/8')
    private_networks = [
        IPv6Network('::1/128'),
        IPv6Network('::/128'),
        IPv6Network('::ffff:0:0/96'),
        IPv6Network('100::/64'),
        IPv6Network('2001::/23'),
        IPv6Network('2001:2::/48'),
        IPv6Network('2001:db8::/32'),
        IPv6Network('2001:10::/28'),
        IPv6Network('fc00::/7'),
        IPv6Network('fe80::/10'),
    ]
    reserved_networks = [
        IPv6Network('::/8'), IPv6Network('100::/8'),
        IPv6Network('200::/7'), IPv6Network('400::/6'),
        IPv6Network('800::/5'), IPv6Network('1000::/4'),
        IPv6Network('4000::/3'), IPv6Network('6000::/3'),
        IPv6Network('8000::/3'), IPv6Network('A000::/3'),
        IPv6Network('C000::/3'), IPv6Network('E000::/4'),
        IPv6Network('F000::/5'), IPv6Network('F800::/6'),
        IPv6Network('FE00::/9'),
    ]
    sitelocal_network = IPv6Network('fec0::/10')


IPv6Address._constants = _V6
IPv6Network._constants = _V6
IPv6Interface._network_class = IPv6Network
