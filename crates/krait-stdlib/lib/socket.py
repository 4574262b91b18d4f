"""Network sockets: the names, constants and pure helpers of CPython's
`socket`, without the network.

krait's hosts grant no network access (the `Host` trait has no socket
calls yet), so making a socket raises `PermissionError`, as any other
refused host call does; name lookups other than the local host's and
numeric addresses fail as they would offline (`gaierror`). What programs
need at import time works: the constants (as `AddressFamily`/`SocketKind`
enums), the exception classes, `gethostname`, byte-order and address
conversions (`inet_aton`, `inet_pton`...), `getdefaulttimeout`.
"""

import errno as _errno
import os as _os
from enum import IntEnum as _IntEnum, IntFlag as _IntFlag

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


class AddressFamily(_IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(_IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOCK_RDM = 4
    SOCK_SEQPACKET = 5


class MsgFlag(_IntFlag):
    MSG_OOB = 1
    MSG_PEEK = 2
    MSG_DONTROUTE = 4
    MSG_WAITALL = 256
    MSG_DONTWAIT = 64


class AddressInfo(_IntFlag):
    AI_PASSIVE = 1
    AI_CANONNAME = 2
    AI_NUMERICHOST = 4
    AI_NUMERICSERV = 1024
    AI_ADDRCONFIG = 32
    AI_V4MAPPED = 8
    AI_ALL = 16


globals().update(AddressFamily.__members__)
globals().update(SocketKind.__members__)
globals().update(MsgFlag.__members__)
globals().update(AddressInfo.__members__)

# Linux's values of the plain integer constants.
SOL_SOCKET = 1
SO_DEBUG = 1
SO_REUSEADDR = 2
SO_TYPE = 3
SO_ERROR = 4
SO_DONTROUTE = 5
SO_BROADCAST = 6
SO_SNDBUF = 7
SO_RCVBUF = 8
SO_KEEPALIVE = 9
SO_OOBINLINE = 10
SO_LINGER = 13
SO_REUSEPORT = 15
SO_RCVLOWAT = 18
SO_SNDLOWAT = 19
SO_RCVTIMEO = 20
SO_SNDTIMEO = 21
IPPROTO_IP = 0
IPPROTO_ICMP = 1
IPPROTO_TCP = 6
IPPROTO_UDP = 17
IPPROTO_IPV6 = 41
IPPROTO_RAW = 255
IPV6_V6ONLY = 26
TCP_NODELAY = 1
TCP_KEEPIDLE = 4
TCP_KEEPINTVL = 5
TCP_KEEPCNT = 6
SHUT_RD = 0
SHUT_WR = 1
SHUT_RDWR = 2
SOMAXCONN = 4096
INADDR_ANY = 0
INADDR_BROADCAST = 0xFFFFFFFF
INADDR_LOOPBACK = 0x7F000001
INADDR_NONE = 0xFFFFFFFF
NI_NUMERICHOST = 1
NI_NUMERICSERV = 2
NI_NOFQDN = 4
NI_NAMEREQD = 8
NI_DGRAM = 16
NI_MAXHOST = 1025
NI_MAXSERV = 32
EAI_AGAIN = -3
EAI_BADFLAGS = -1
EAI_FAIL = -4
EAI_FAMILY = -6
EAI_MEMORY = -10
EAI_NONAME = -2
EAI_SERVICE = -8
EAI_SOCKTYPE = -7
has_ipv6 = True

_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(timeout):
    global _default_timeout
    if timeout is not None:
        timeout = float(timeout)
        if timeout < 0:
            raise ValueError("Timeout value out of range")
    _default_timeout = timeout


def _refused():
    return PermissionError(_errno.EACCES,
                           "network access is not granted to this krait host")


class SocketType:
    """The base of `socket` (CPython's `_socket.socket`)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        raise _refused()


class socket(SocketType):
    """A socket object; krait's hosts grant no network, so making one
    raises PermissionError (the class exists for isinstance checks and
    subclasses)."""


def create_connection(address, timeout=None, source_address=None, *,
                      all_errors=False):
    raise _refused()


def create_server(address, *, family=AF_INET, backlog=None,
                  reuse_port=False, dualstack_ipv6=False):
    raise _refused()


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    raise _refused()


def fromfd(fd, family, type, proto=0):
    raise _refused()


def has_dualstack_ipv6():
    return False


def gethostname():
    """The host's name (its uname node name)."""
    return _os.uname().nodename


def getfqdn(name=""):
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        return gethostname()
    return name


_LOCAL = ("localhost", "localhost.localdomain")


def _is_local(host):
    return host in _LOCAL or host == gethostname()


def gethostbyname(hostname):
    """An IPv4 address as text: numeric addresses are their own answer,
    the local host is 127.0.0.1; other names cannot be resolved."""
    try:
        return inet_ntoa(inet_aton(hostname))
    except OSError:
        pass
    if _is_local(hostname):
        return "127.0.0.1"
    raise gaierror(EAI_NONAME, "Name or service not known")


def gethostbyname_ex(hostname):
    return (hostname, [], [gethostbyname(hostname)])


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Numeric and local addresses only (no resolver is reachable)."""
    if isinstance(port, str):
        if not port.isdigit():
            raise gaierror(EAI_SERVICE, "Servname not supported for ai_socktype")
        port = int(port)
    elif port is None:
        port = 0
    if host is None:
        host = "127.0.0.1" if not flags & AI_PASSIVE else "0.0.0.0"
    if isinstance(host, bytes):
        host = host.decode("ascii")
    kinds = [SocketKind(type)] if type else [SOCK_STREAM, SOCK_DGRAM, SOCK_RAW]
    protos = {SOCK_STREAM: IPPROTO_TCP, SOCK_DGRAM: IPPROTO_UDP, SOCK_RAW: 0}
    try:
        inet_pton(AF_INET6, host)
        addresses = [(AF_INET6, (host, port, 0, 0))]
    except OSError:
        addresses = [(AF_INET, (gethostbyname(host), port))]
    return [(AddressFamily(fam), kind, proto or protos[kind], "", address)
            for fam, address in addresses
            if family in (0, fam)
            for kind in kinds]


def getservbyname(servicename, protocolname=None):
    known = {"http": 80, "https": 443, "ftp": 21, "ssh": 22, "smtp": 25,
             "domain": 53, "pop3": 110, "imap": 143}
    if servicename in known:
        return known[servicename]
    raise OSError("service/proto not found")


def htons(x):
    _check_unsigned(x, 0xFFFF, "htons")
    return ((x & 0xFF) << 8) | (x >> 8)


def htonl(x):
    _check_unsigned(x, 0xFFFFFFFF, "htonl")
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohs = htons
ntohl = htonl


def _check_unsigned(x, limit, name):
    if not isinstance(x, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(x).__name__)
    if x < 0:
        raise OverflowError("%s: can't convert negative Python int to C %s"
                            % (name, "16-bit unsigned integer" if limit == 0xFFFF
                               else "unsigned long"))
    if x > limit:
        raise OverflowError("%s: Python int too large to convert to C %s"
                            % (name, "16-bit unsigned integer" if limit == 0xFFFF
                               else "unsigned long"))


def inet_aton(ip_string):
    """`a.b.c.d` (also the short forms `a`, `a.b`, `a.b.c`, numbers in
    any C base) as 4 bytes, as C's inet_aton reads it."""
    if not isinstance(ip_string, str):
        raise TypeError("inet_aton() argument 1 must be str, not %s"
                        % type(ip_string).__name__)
    parts = ip_string.split(".")
    try:
        if not 1 <= len(parts) <= 4 or any(not p for p in parts):
            raise ValueError
        numbers = [_c_number(p) for p in parts]
        *head, last = numbers
        if any(n > 255 for n in head) or last >= 1 << (8 * (5 - len(parts))):
            raise ValueError
    except ValueError:
        raise OSError("illegal IP address string passed to inet_aton") from None
    value = 0
    for n in head:
        value = value << 8 | n
    value = value << (8 * (5 - len(parts))) | last
    return value.to_bytes(4, "big")


def _c_number(text):
    if text[:2].lower() == "0x":
        return int(text[2:], 16)
    if len(text) > 1 and text[0] == "0":
        return int(text[1:], 8)
    if not text.isdigit():
        raise ValueError
    return int(text)


def inet_ntoa(packed_ip):
    packed_ip = bytes(packed_ip)
    if len(packed_ip) != 4:
        raise OSError("packed IP wrong length for inet_ntoa")
    return ".".join(str(b) for b in packed_ip)


def inet_pton(address_family, ip_string):
    import ipaddress
    if address_family == AF_INET:
        try:
            return ipaddress.IPv4Address(ip_string).packed
        except ValueError:
            raise OSError("illegal IP address string passed to inet_pton") from None
    if address_family == AF_INET6:
        try:
            return ipaddress.IPv6Address(ip_string).packed
        except ValueError:
            raise OSError("illegal IP address string passed to inet_pton") from None
    raise OSError(_errno.EAFNOSUPPORT, "Address family not supported by protocol")


def inet_ntop(address_family, packed_ip):
    import ipaddress
    packed_ip = bytes(packed_ip)
    if address_family == AF_INET:
        if len(packed_ip) != 4:
            raise ValueError("invalid length of packed IP address string")
        return str(ipaddress.IPv4Address(packed_ip))
    if address_family == AF_INET6:
        if len(packed_ip) != 16:
            raise ValueError("invalid length of packed IP address string")
        return str(ipaddress.IPv6Address(packed_ip))
    raise ValueError("unknown address family %d" % address_family)
