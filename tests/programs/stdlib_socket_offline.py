# socket's names, constants and pure helpers (no network is used).
import socket
print(socket.AF_INET, repr(socket.AF_INET), repr(socket.SOCK_STREAM), int(socket.AF_INET6))
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY, socket.SHUT_RDWR)
print(socket.error is OSError, socket.timeout is TimeoutError, issubclass(socket.gaierror, OSError),
      issubclass(socket.herror, OSError), isinstance(socket.socket, type), socket.SocketType is socket.socket)
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(0x01020304))
for bad in (-1, 70000):
    try:
        socket.htons(bad)
    except OverflowError as e:
        print("OverflowError", e)
for text in ("127.0.0.1", "10.1", "1", "0x7f.1", "192.168.1.300", "1.2.3.4.5", "a.b.c.d", ""):
    try:
        packed = socket.inet_aton(text)
        print(text, packed, socket.inet_ntoa(packed))
    except OSError as e:
        print(repr(text), "OSError", e)
for fam, text in ((socket.AF_INET, "8.8.4.4"), (socket.AF_INET6, "::1"), (socket.AF_INET6, "2001:db8::ff00:42:8329"),
                  (socket.AF_INET, "1.2.3"), (socket.AF_INET6, "1:::2")):
    try:
        packed = socket.inet_pton(fam, text)
        print(text, packed.hex(), socket.inet_ntop(fam, packed))
    except OSError as e:
        print(repr(text), "OSError", e)
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "443", socket.AF_INET6, socket.SOCK_DGRAM))
print(type(socket.gethostname()).__name__, socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
print(socket.getdefaulttimeout())
