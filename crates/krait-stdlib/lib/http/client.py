"""Minimal HTTP/1.1 client protocol for krait.

krait has no network access, so connecting goes through
socket.create_connection, which raises PermissionError here.  The
response parser works on any object that offers makefile('rb'), which
keeps the offline parts (parsing, request building) usable and testable.
"""

import http as _http
import io as _io
import socket

HTTP_PORT = 80
HTTPS_PORT = 443

_LINE_LIMIT = 65536
_HEADER_LIMIT = 100

# Every status name becomes a module constant, plus a code -> phrase map.
responses = {}
for _st in _http.HTTPStatus:
    globals()[_st.name] = _st
    responses[_st.value] = _st.phrase
del _st

__all__ = ["HTTPResponse", "HTTPConnection", "HTTPSConnection",
           "HTTPException", "NotConnected", "UnknownProtocol",
           "UnknownTransferEncoding", "UnimplementedFileMode",
           "IncompleteRead", "InvalidURL", "ImproperConnectionState",
           "CannotSendRequest", "CannotSendHeader", "ResponseNotReady",
           "BadStatusLine", "LineTooLong", "RemoteDisconnected", "error",
           "responses", "HTTPMessage", "parse_headers"]
__all__.extend(s.name for s in _http.HTTPStatus)


# ---------------------------------------------------------------- errors

class HTTPException(Exception):
    pass


error = HTTPException


class NotConnected(HTTPException):
    pass


class InvalidURL(HTTPException):
    pass


class UnknownTransferEncoding(HTTPException):
    pass


class UnimplementedFileMode(HTTPException):
    pass


class UnknownProtocol(HTTPException):
    def __init__(
            self, version):
        self.args = (version,)
        self.version = version


class IncompleteRead(HTTPException):
    def __init__(
            self, partial, expected=None):
        self.args = (partial,)
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        text = "%i bytes read" % len(self.partial)
        if self.expected is not None:
            text += ", %i more expected" % self.expected
        return "%s(%s)" % (type(self).__name__, text)

    def __str__(self):
        return self.__repr__()


class ImproperConnectionState(HTTPException):
    pass


class CannotSendRequest(ImproperConnectionState):
    pass


class CannotSendHeader(ImproperConnectionState):
    pass


class ResponseNotReady(ImproperConnectionState):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = (line,)
        self.line = line


class LineTooLong(HTTPException):
    def __init__(
            self, line_type):
        HTTPException.__init__(
            self, "got more than %d bytes when reading %s"
            % (_LINE_LIMIT, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    def __init__(
            self, *args, **kwargs):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *args, **kwargs)


# --------------------------------------------------------------- headers

class HTTPMessage:
    """Ordered, case-insensitive header collection allowing repeats."""

    def __init__(self):
        self._pairs = []

    def add_header(
            self, name, value):
        self._pairs.append((name, value))

    __setitem__ = add_header

    def __delitem__(
            self, name):
        key = name.lower()
        self._pairs = [p for p in self._pairs if p[0].lower() != key]

    def get_all(
            self, name, failobj=None):
        key = name.lower()
        found = [v for k, v in self._pairs if k.lower() == key]
        return found if found else failobj

    def get(
            self, name, failobj=None):
        key = name.lower()
        for k, v in self._pairs:
            if k.lower() == key:
                return v
        return failobj

    def __getitem__(
            self, name):
        return self.get(name)

    def __contains__(
            self, name):
        key = name.lower()
        return any(k.lower() == key for k, _ in self._pairs)

    def __iter__(self):
        return iter([k for k, _ in self._pairs])

    def __len__(self):
        return len(self._pairs)

    def keys(self):
        return [k for k, _ in self._pairs]

    def values(self):
        return [v for _, v in self._pairs]

    def items(self):
        return list(self._pairs)

    def getallmatchingheaders(
            self, name):
        return ["%s: %s" % (k, v) for k, v in self._pairs
                if k.lower() == name.lower()]

    def as_string(self):
        return "".join("%s: %s\n" % p for p in self._pairs) + "\n"

    def __str__(self):
        return self.as_string()


def _read_limited_line(
        fp, what):
    raw = fp.readline(_LINE_LIMIT + 1)
    if len(raw) > _LINE_LIMIT:
        raise LineTooLong(what)
    return raw


def parse_headers(
        fp, _class=HTTPMessage):
    """Read header lines up to the blank line and return a message."""
    collected = []
    while True:
        raw = _read_limited_line(fp, "header line")
        if raw in (b"\r\n", b"\n", b""):
            break
        collected.append(raw)
        if len(collected) > _HEADER_LIMIT:
            raise HTTPException("got more than %d headers" % _HEADER_LIMIT)
    msg = _class()
    current = None
    for raw in collected:
        text = raw.decode("iso-8859-1").rstrip("\r\n")
        if text[:1] in (" ", "\t") and current is not None:
            # folded continuation of the previous header
            name, value = msg._pairs[-1]
            msg._pairs[-1] = (name, value + " " + text.strip())
            continue
        name, sep, value = text.partition(":")
        if not sep:
            continue
        current = name
        msg.add_header(name, value.strip())
    return msg


# -------------------------------------------------------------- response

class HTTPResponse(_io.BufferedIOBase):

    def __init__(
            self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.url = url
        self.headers = self.msg = None
        self.version = "UNKNOWN"
        self.status = "UNKNOWN"
        self.reason = "UNKNOWN"
        self.chunked = "UNKNOWN"
        self.chunk_left = "UNKNOWN"
        self.length = "UNKNOWN"
        self.will_close = "UNKNOWN"
        self._pending = b""

    def _status_line(self):
        raw = _read_limited_line(self.fp, "status line")
        if not raw:
            raise RemoteDisconnected("Remote end closed connection without"
                                     " response")
        line = raw.decode("iso-8859-1")
        pieces = line.split(None, 2)
        if len(pieces) == 2:
            pieces.append("")
        if len(pieces) != 3 or not pieces[0].startswith("HTTP/"):
            self._close_fp()
            raise BadStatusLine(line)
        try:
            code = int(pieces[1])
        except ValueError:
            raise BadStatusLine(line)
        if not 100 <= code <= 999:
            raise BadStatusLine(line)
        return pieces[0], code, pieces[2].strip()

    def begin(self):
        if self.headers is not None:
            return
        while True:
            version, code, reason = self._status_line()
            if code != 100:
                break
            parse_headers(self.fp)      # discard interim headers
        self.status = self.code = code
        self.reason = reason
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)
        self.headers = self.msg = parse_headers(self.fp)
        enc = self.headers.get("transfer-encoding")
        self.chunked = bool(enc and enc.lower() == "chunked")
        self.chunk_left = None
        conn = (self.headers.get("connection") or "").lower()
        if self.version == 11:
            self.will_close = "close" in conn
        else:
            self.will_close = "keep-alive" not in conn
        self.length = None
        size = self.headers.get("content-length")
        if size is not None and not self.chunked:
            try:
                self.length = int(size)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        if (code in (204, 304) or 100 <= code < 200
                or self._method == "HEAD"):
            self.length = 0
        if not self.will_close and not self.chunked and self.length is None:
            self.will_close = True

    # -- helpers --
    def _close_fp(self):
        fp, self.fp = self.fp, None
        if fp is not None:
            fp.close()

    def close(self):
        try:
            super().close()
        finally:
            self._close_fp()

    def flush(self):
        super().flush()
        if self.fp:
            self.fp.flush()

    def readable(self):
        return True

    def isclosed(self):
        return self.fp is None

    def fileno(self):
        return self.fp.fileno()

    def _next_chunk_size(
            self):
        raw = _read_limited_line(self.fp, "chunk size")
        head = raw.split(b";", 1)[0]
        try:
            return int(head, 16)
        except ValueError:
            self._close_fp()
            raise

    def _raw_chunked(
            self, amt):
        """Return up to amt (None = all) decoded bytes of a chunked body."""
        out = []
        total = 0
        while amt is None or total < amt:
            if self.chunk_left is None:
                try:
                    self.chunk_left = self._next_chunk_size()
                except ValueError:
                    raise IncompleteRead(b"".join(out))
                if self.chunk_left == 0:
                    # trailers until blank line
                    while True:
                        t = self.fp.readline(_LINE_LIMIT + 1)
                        if t in (b"\r\n", b"\n", b""):
                            break
                    self.chunk_left = 0
                    self._close_fp()
                    break
            if self.chunk_left == 0 and self.fp is None:
                break
            want = self.chunk_left
            if amt is not None:
                want = min(want, amt - total)
            data = self.fp.read(want)
            if len(data) < want:
                out.append(data)
                raise IncompleteRead(b"".join(out), want - len(data))
            out.append(data)
            total += len(data)
            self.chunk_left -= len(data)
            if self.chunk_left == 0:
                self.fp.read(2)       # CRLF after the chunk
                self.chunk_left = None
        return b"".join(out)

    def _raw_read(self, amt):
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_fp()
            return b""
        if self.chunked:
            return self._raw_chunked(amt)
        if self.length is not None:
            if amt is None or amt > self.length:
                amt = self.length
        data = self.fp.read() if amt is None else self.fp.read(amt)
        if self.length is not None:
            if amt and len(data) < amt:
                self._close_fp()
                raise IncompleteRead(data, amt - len(data))
            self.length -= len(data)
            if self.length == 0:
                self._close_fp()
        elif amt is None or not data:
            self._close_fp()
        return data

    def read(self, amt=None):
        if amt is not None and amt < 0:
            amt = None
        pending, self._pending = self._pending, b""
        if amt is None:
            return pending + self._raw_read(None)
        if len(pending) >= amt:
            self._pending = pending[amt:]
            return pending[:amt]
        return pending + self._raw_read(amt - len(pending))

    def read1(self, n=-1):
        if self._pending:
            return self.read(n if n is not None and n >= 0 else None)
        if n is None or n < 0:
            n = 8192
        return self.read(n)

    def peek(self, n=-1):
        if not self._pending:
            self._pending = self._raw_read(8192 if n is None or n <= 0
                                           else max(n, 1))
        return self._pending

    def readline(
            self, limit=-1):
        buf = b""
        while limit is None or limit < 0 or len(buf) < limit:
            piece = self.read(1)
            if not piece:
                break
            buf += piece
            if piece == b"\n":
                break
        return buf

    def readinto(self, b):
        view = memoryview(b).cast("B")
        data = self.read(len(view))
        view[:len(data)] = data
        return len(data)

    def __iter__(self):
        while True:
            line = self.readline()
            if not line:
                return
            yield line

    def getheader(
            self, name, default=None):
        if self.headers is None:
            raise ResponseNotReady()
        values = self.headers.get_all(name)
        if values:
            return ", ".join(values)
        if isinstance(default, str) or not hasattr(default, "__iter__"):
            return default
        return ", ".join(default)

    def getheaders(self):
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status


# ------------------------------------------------------------ connection

_NO_TIMEOUT_GIVEN = getattr(socket, "_GLOBAL_DEFAULT_TIMEOUT", None)
_IDLE, _REQ_STARTED, _REQ_SENT = "Idle", "Request-started", "Request-sent"


class HTTPConnection:
    default_port = HTTP_PORT
    response_class = HTTPResponse
    debuglevel = 0
    auto_open = 1
    _http_vsn = 11
    _http_vsn_str = "HTTP/1.1"

    def __init__(self, host, port=None, timeout=_NO_TIMEOUT_GIVEN,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._out = []
        self._response = None
        self._state = _IDLE
        self._method = None
        self._tunnel_host = None
        self.host, self.port = self._split_host(host, port)

    def _split_host(
            self, host, port):
        if port is None:
            colon = host.rfind(":")
            bracket = host.rfind("]")
            if colon > bracket:
                tail = host[colon + 1:]
                if tail == "":
                    port = self.default_port
                else:
                    try:
                        port = int(tail)
                    except ValueError:
                        raise InvalidURL("nonnumeric port: '%s'" % tail)
                host = host[:colon]
            else:
                port = self.default_port
        if host[:1] == "[" and host[-1:] == "]":
            host = host[1:-1]
        return host, port

    def set_debuglevel(
            self, level):
        self.debuglevel = level

    def set_tunnel(
            self, host, port=None, headers=None):
        if self.sock:
            raise RuntimeError("Can't set up tunnel for established connection")
        self._tunnel_host, self._tunnel_port = self._split_host(host, port)
        self._tunnel_headers = dict(headers or {})

    def connect(self):
        self.sock = socket.create_connection(
            (self.host, self.port), self.timeout, self.source_address)

    def close(self):
        self._state = _IDLE
        sock, self.sock = self.sock, None
        if sock is not None:
            sock.close()
        resp, self._response = self._response, None
        if resp is not None:
            resp.close()

    def send(self, data):
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if hasattr(data, "read"):
            while True:
                block = data.read(self.blocksize)
                if not block:
                    break
                if isinstance(block, str):
                    block = block.encode("iso-8859-1")
                self.sock.sendall(block)
            return
        if isinstance(data, (bytes, bytearray, memoryview)):
            self.sock.sendall(data)
            return
        for block in data:
            self.sock.sendall(block)

    def putrequest(self, method, url, skip_host=False,
                   skip_accept_encoding=False):
        if self._response is not None and self._response.isclosed():
            self._response = None
        if self._state != _IDLE:
            raise CannotSendRequest(self._state)
        self._state = _REQ_STARTED
        self._method = method
        for ch in method:
            if ch <= " " or ch == "\x7f":
                raise ValueError("method can't contain control characters. %r"
                                 " (found at least %r)" % (method, ch))
        url = url or "/"
        for ch in url:
            if ch <= " " or ch == "\x7f":
                raise InvalidURL("URL can't contain control characters. %r "
                                 "(found at least %r)" % (url, ch))
        self._out = [("%s %s %s" % (method, url, self._http_vsn_str))
                     .encode("ascii")]
        if not skip_host:
            host = self.host
            if ":" in host:
                host = "[" + host + "]"
            if self.port != self.default_port:
                host = "%s:%d" % (host, self.port)
            self.putheader("Host", host.encode("idna").decode("ascii"))
        if not skip_accept_encoding:
            self.putheader("Accept-Encoding", "identity")

    def putheader(
            self, header, *values):
        if self._state != _REQ_STARTED:
            raise CannotSendHeader()
        if hasattr(header, "encode"):
            header = header.encode("ascii")
        parts = []
        for v in values:
            if isinstance(v, str):
                v = v.encode("latin-1")
            elif isinstance(v, int):
                v = str(v).encode("ascii")
            parts.append(v)
        self._out.append(header + b": " + b"\r\n\t".join(parts))

    def endheaders(
            self, message_body=None, *, encode_chunked=False):
        if self._state != _REQ_STARTED:
            raise CannotSendHeader()
        self._state = _REQ_SENT
        self._out.extend((b"", b""))
        head = b"\r\n".join(self._out)
        self._out = []
        self.send(head)
        if message_body is not None:
            if isinstance(message_body, str):
                message_body = message_body.encode("iso-8859-1")
            if encode_chunked:
                if isinstance(message_body, (bytes, bytearray)):
                    message_body = [message_body]
                for block in message_body:
                    if isinstance(block, str):
                        block = block.encode("iso-8859-1")
                    if block:
                        self.send(b"%X\r\n%s\r\n" % (len(block), block))
                self.send(b"0\r\n\r\n")
            else:
                self.send(message_body)

    def request(self, method, url, body=None, headers={}, *,
                encode_chunked=False):
        lowered = {k.lower() for k in headers}
        self.putrequest(method, url, skip_host="host" in lowered,
                        skip_accept_encoding="accept-encoding" in lowered)
        if "content-length" not in lowered and \
                "transfer-encoding" not in lowered:
            if body is None:
                if method.upper() in ("PATCH", "POST", "PUT"):
                    self.putheader("Content-Length", "0")
            elif isinstance(body, str):
                self.putheader("Content-Length",
                               str(len(body.encode("iso-8859-1"))))
            elif isinstance(body, (bytes, bytearray)):
                self.putheader("Content-Length", str(len(body)))
            else:
                try:
                    self.putheader("Content-Length",
                                   str(memoryview(body).nbytes))
                except TypeError:
                    encode_chunked = True
                    self.putheader("Transfer-Encoding", "chunked")
        else:
            encode_chunked = False
        for name, value in headers.items():
            self.putheader(name, value)
        if isinstance(body, str):
            body = body.encode("iso-8859-1")
        self.endheaders(body, encode_chunked=encode_chunked)

    def getresponse(self):
        if self._response is not None and self._response.isclosed():
            self._response = None
        if self._state != _REQ_SENT or self._response is not None:
            raise ResponseNotReady(self._state)
        resp = self.response_class(self.sock, method=self._method)
        try:
            resp.begin()
        except ConnectionError:
            self.close()
            raise
        self._state = _IDLE
        if resp.will_close:
            self.close()
        else:
            self._response = resp
        return resp


class HTTPSConnection(HTTPConnection):
    default_port = HTTPS_PORT

    def __init__(
            self, host, port=None, *args, context=None, **kwargs):
        super().__init__(host, port, *args, **kwargs)
        self._context = context

    def connect(self):
        super().connect()
        raise OSError("ssl is not available in krait")


__all__.append("HTTPSConnection")
__all__ = list(dict.fromkeys(__all__))
