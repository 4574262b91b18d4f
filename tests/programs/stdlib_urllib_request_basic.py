import io, os, tempfile
import urllib.request as ur
import urllib.error as ue
import urllib.response as uresp

print(str(ue.URLError('boom')), repr(ue.URLError('boom')), ue.URLError('x', 'f').args, ue.URLError('x', 'f').filename)
print(issubclass(ue.URLError, OSError), issubclass(ue.HTTPError, ue.URLError), issubclass(ue.HTTPError, uresp.addinfourl))
h = ue.HTTPError('http://x/y', 404, 'Not Found', {}, None)
print(str(h), repr(h), h.reason, h.code, h.headers, h.hdrs, h.filename, h.url, h.read(), h.getcode(), h.status, h.geturl())
h = ue.HTTPError('http://x', 500, 'Err', {'a': 'b'}, io.BytesIO(b'body'))
print(h.read(), h.info())
try:
    raise h
except OSError as x:
    print('caught', x)
c = ue.ContentTooShortError('short', b'x')
print(str(c), c.content, c.args)

print(ur.pathname2url('/a b/c%'), ur.url2pathname('/a%20b/%7Ex'))
print(ur.quote('a b/c'), ur.unquote('a%20b'), ur.urlparse('http://h/p?q').netloc)

q = ur.Request('http://Example.com:8080/p?x=1#frag', headers={'x-foo': '1', 'CONTENT-type': 't'})
print(q.full_url, q.get_full_url(), q.fragment, q.type, q.host, q.selector)
print(q.headers, q.get_method(), q.origin_req_host, q.unverifiable, q.data)
q.add_unredirected_header('user-AGENT', 'z')
print(q.unredirected_hdrs, q.has_header('User-agent'), q.has_header('user-agent'), q.get_header('X-foo'), q.get_header('Nope', 'd'))
print(q.header_items())
q.remove_header('X-foo')
print(q.header_items())
q.data = b'abc'
print(q.get_method())
q.full_url = 'https://h:81/zz'
print(q.full_url, q.host, q.selector, q.type, q.fragment)
print(ur.Request('http://h', method='PUT').get_method(), repr(ur.Request('http://h').selector))
print(ur.Request('file:///etc/x').selector, ur.Request('data:,hi').host)
r2 = ur.Request('http://h/', data=b'x', headers={'Content-length': '1'})
r2.data = b'yy'
print(r2.has_header('Content-length'))
try:
    ur.Request('nope')
except ValueError as x:
    print('ValueError', x)

print(ur.parse_http_list('a, "b,c", d , ,e="x\\"y"'))
print(ur.parse_keqv_list(['a=1', 'b="2"', 'c=3']))

u = ur.urlopen('data:text/plain;base64,aGVsbG8=')
print(type(u).__name__, u.read(), u.info().items(), u.url, u.status, u.getcode(), u.info()['Content-type'])
u = ur.urlopen('data:,A%20b')
print(u.read(), u.headers.get('content-type'), u.headers['Content-length'])
with ur.urlopen('data:application/json,%7B%7D') as u:
    print(u.read(), u.closed)
print(u.closed)

d = tempfile.mkdtemp()
p = os.path.join(d, 'f a.txt')
with open(p, 'w') as f:
    f.write('hi\nthere\n')
url = 'file://' + ur.pathname2url(p)
u = ur.urlopen(url)
print(u.url == url, u.status, u.getcode(), list(u.headers.keys()))
print(u.headers['Content-type'], u.headers['Content-length'], u.headers['Last-modified'][-3:])
print(u.readline(), u.read())
u.close()
u = ur.urlopen(ur.Request('file://localhost' + ur.pathname2url(p)))
print(list(u), u.geturl().startswith('file://localhost/'))
u.close()
p2 = os.path.join(d, 'x.html')
open(p2, 'w').close()
print(ur.urlopen('file://' + p2).info()['Content-type'])
try:
    ur.urlopen('file:///nonexistent/zz')
except ue.URLError as x:
    print(type(x).__name__, x, repr(x.reason))
try:
    ur.urlopen('ftpx://h/')
except ue.URLError as x:
    print(type(x).__name__, x)
try:
    ur.urlopen('http://127.0.0.1:1/')
except ue.URLError as x:
    print('URLError', isinstance(x.reason, OSError))

for k in list(os.environ):
    if k.lower().endswith('_proxy'):
        del os.environ[k]
os.environ['HTTP_PROXY'] = 'http://p:1'
os.environ['no_proxy'] = 'a,b'
os.environ['ftp_proxy'] = 'f'
print(sorted(ur.getproxies().items()))
os.environ['http_proxy'] = 'http://low:2'
print(sorted(ur.getproxies().items()))

out = os.path.join(d, 'o.bin')
hooks = []
fn, hdrs = ur.urlretrieve('data:,hello', out, lambda *a: hooks.append(a))
print(open(fn, 'rb').read(), fn == out, hdrs.items(), hooks)
fn, hdrs = ur.urlretrieve(url)
print(fn.replace(d, 'D'), hdrs['Content-length'])
fn, hdrs = ur.urlretrieve('data:,tmpdata')
print(open(fn, 'rb').read())
ur.urlcleanup()
print(os.path.exists(fn))

class Echo(ur.BaseHandler):
    def echo_open(self, req):
        return uresp.addinfourl(io.BytesIO(req.selector.encode()), {}, req.full_url, 200)

class Fail(ur.BaseHandler):
    def fake_open(self, req):
        r = uresp.addinfourl(io.BytesIO(b'nope'), {'X': '1'}, req.full_url, 403)
        r.msg = 'Forbidden'
        return r
    fake_response = ur.HTTPErrorProcessor.http_response
    def fake_error_403(self, *a):
        return None

o = ur.build_opener(Echo, Fail())
print(isinstance(o, ur.OpenerDirector), o.open('echo:hello/world').read())
print(o.addheaders)
print(o.open('data:,zz').read())
ur.install_opener(o)
print(ur.urlopen('echo:via-install').read())
ur.install_opener(None)

class MyErr(ur.BaseHandler):
    def http_error_default(self, req, fp, code, msg, hdrs):
        raise ue.HTTPError(req.full_url, code, msg, hdrs, fp)

op = ur.OpenerDirector()
op.add_handler(Echo())
op.add_handler(MyErr())
print(op.open('echo:abc').read())
try:
    op.error('http', ur.Request('http://h/'), io.BytesIO(b''), 418, "I'm a teapot", {})
except ue.HTTPError as x:
    print(x, x.code)
rh = ur.HTTPRedirectHandler()
new = rh.redirect_request(ur.Request('http://h/a', headers={'Content-type': 'x', 'A': 'b'}), None, 302, 'Found', {}, 'http://h/b c')
print(new.full_url, new.headers, new.unverifiable)
for s in ['a,,b,', ',a', '', ' , ', 'a ,b', '"a\\,b",c', 'a\\,b']:
    print(repr(s), ur.parse_http_list(s))
