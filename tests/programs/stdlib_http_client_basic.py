import io
import http.client as hc

print(hc.HTTP_PORT, hc.HTTPS_PORT, hc.OK, hc.NOT_FOUND, int(hc.IM_A_TEAPOT))
print(hc.responses[200], hc.responses[404], hc.responses[418], len(hc.responses))
print(hc.error is hc.HTTPException)
for cls in (hc.NotConnected, hc.InvalidURL, hc.UnknownProtocol, hc.UnknownTransferEncoding,
            hc.UnimplementedFileMode, hc.IncompleteRead, hc.ImproperConnectionState,
            hc.CannotSendRequest, hc.CannotSendHeader, hc.ResponseNotReady,
            hc.BadStatusLine, hc.LineTooLong, hc.RemoteDisconnected):
    print(cls.__name__, [b.__name__ for b in cls.__bases__],
          issubclass(cls, hc.HTTPException), issubclass(cls, OSError))
e = hc.IncompleteRead(b'abc', 5)
print(repr(e), str(e), e.partial, e.expected, e.args)
print(repr(hc.IncompleteRead(b'ab')))
print(str(hc.LineTooLong('header line')))
b = hc.BadStatusLine('')
print(repr(b.line), b.args)
print(str(hc.BadStatusLine('junk\r\n')))
r = hc.RemoteDisconnected('gone')
print(str(r), r.args, r.line, isinstance(r, ConnectionResetError))
print(hc.UnknownProtocol('HTTP/2').version)

class FakeSock:
    def __init__(self, data):
        self.data = data
        self.sent = b''
    def makefile(self, mode, *a, **k):
        return io.BytesIO(self.data)
    def sendall(self, d):
        self.sent += bytes(d)
    def close(self):
        pass

raw = (b'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nSet-Cookie: a=1\r\n'
       b'set-cookie: b=2\r\nContent-Length: 12\r\n\r\nhello\nworld\nEXTRA')
resp = hc.HTTPResponse(FakeSock(raw))
resp.begin()
print(resp.status, resp.reason, resp.version, resp.closed, resp.isclosed())
print(resp.getheader('content-type'), resp.getheader('SET-COOKIE'), resp.getheader('x', 'dflt'))
print(resp.getheader('x', ['p', 'q']))
print(resp.getheaders())
m = resp.msg
print(isinstance(m, hc.HTTPMessage), m['Content-Length'], m.get('nope'), 'content-type' in m, len(m))
print(m.get_all('set-cookie'), m.get_all('zz'), list(m), m.keys(), m.values())
print(resp.readline())
print(resp.read(3))
print(resp.read())
print(resp.isclosed(), resp.read())

chunked = (b'HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n'
           b'5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n')
resp = hc.HTTPResponse(FakeSock(chunked))
resp.begin()
print(resp.status, resp.reason, resp.chunked, resp.read(3), resp.read())
print(resp.isclosed())

resp = hc.HTTPResponse(FakeSock(b'HTTP/1.0 201 Created\r\nX: 1\r\n\r\nrest of body'))
resp.begin()
buf = bytearray(4)
print(resp.status, resp.version, resp.will_close, resp.readinto(buf), bytes(buf), resp.read1(100))

resp = hc.HTTPResponse(FakeSock(b'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'))
resp.begin()
try:
    resp.read()
except hc.IncompleteRead as ex:
    print('incomplete', repr(ex))

for bad in (b'', b'garbage\r\n', b'HTTP/1.1 abc OK\r\n'):
    resp = hc.HTTPResponse(FakeSock(bad))
    try:
        resp.begin()
    except hc.HTTPException as ex:
        print(type(ex).__name__, ex)

resp = hc.HTTPResponse(FakeSock(b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n'))
resp.begin()
print(resp.status, resp.read())

msg = hc.parse_headers(io.BytesIO(b'A: 1\r\nB: two\r\na: 3\r\n\r\nbody'))
print(msg.items(), msg.get_all('A'))

c = hc.HTTPConnection('example.com:8080')
print(c.host, c.port)
c = hc.HTTPConnection('[::1]')
print(c.host, c.port)
c = hc.HTTPSConnection('example.com')
print(c.host, c.port)
c = hc.HTTPConnection('example.com', 81)
print(c.host, c.port)
try:
    hc.HTTPConnection('example.com:abc')
except hc.InvalidURL as ex:
    print('InvalidURL', ex)

c = hc.HTTPConnection('example.com')
c.sock = FakeSock(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi')
c.request('POST', '/path?q=1', body=b'xyz', headers={'X-Test': 'yes'})
print(c.sock.sent)
r = c.getresponse()
print(r.status, r.read())
c = hc.HTTPConnection('example.com', 8000)
c.sock = FakeSock(b'')
c.putrequest('GET', '/')
c.putheader('Accept', 'a', 'b')
c.endheaders()
print(c.sock.sent)
try:
    c.putrequest('GET', '/')
except hc.CannotSendRequest as ex:
    print('CannotSendRequest', ex)
try:
    c.putheader('A', 'b')
except hc.CannotSendHeader as ex:
    print('CannotSendHeader', repr(ex))
try:
    hc.HTTPConnection('h').getresponse()
except hc.ResponseNotReady as ex:
    print('ResponseNotReady', ex)
try:
    hc.HTTPConnection('h').putrequest('GET', '/a b')
except hc.InvalidURL as ex:
    print('InvalidURL', ex)
