"""Opening URLs (krait).

krait has no network, so http:/https: requests fail when the socket is
created; that OSError is wrapped in URLError as usual.  file: and data:
URLs work fully.  The handler/opener machinery is a compact version of
the usual design: an OpenerDirector asks each handler, ordered by
handler_order, for '<scheme>_request', '<scheme>_open' and
'<scheme>_response' methods.
"""

import base64
import bisect
import email.utils
import http.client
import io
import mimetypes
import os
import re
import socket
import sys
import tempfile
import time

from urllib.error import URLError, HTTPError, ContentTooShortError
from urllib.parse import (
    urlparse, urlsplit, urljoin, unwrap, quote, unquote, unquote_to_bytes,
    urlunparse)
from urllib.response import addinfourl, addclosehook

__all__ = [
    'Request', 'OpenerDirector', 'BaseHandler', 'HTTPDefaultErrorHandler',
    'HTTPRedirectHandler', 'ProxyHandler', 'HTTPHandler', 'HTTPSHandler',
    'FileHandler', 'DataHandler', 'UnknownHandler', 'HTTPErrorProcessor',
    'urlopen', 'install_opener', 'build_opener', 'pathname2url',
    'url2pathname', 'getproxies', 'urlretrieve', 'urlcleanup',
    'parse_http_list', 'parse_keqv_list', 'URLError', 'HTTPError',
    'ContentTooShortError', 'quote', 'unquote', 'urlparse',
]

__version__ = '%d.%d' % sys.version_info[:2]

_DEFAULT_TIMEOUT = getattr(socket, '_GLOBAL_DEFAULT_TIMEOUT', None)


# ------------------------------------------------------------ path helpers

def pathname2url(
        pathname):
    """Local (POSIX) path -> URL path component."""
    return quote(pathname)


def url2pathname(
        pathname):
    """URL path component -> local (POSIX) path."""
    return unquote(pathname)


# --------------------------------------------------------------- Request

_SCHEME_RE = re.compile(r'([^/:]+):(.*)', re.DOTALL)


def _request_host(
        request):
    host = urlparse(request.full_url)[1] or request.get_header('Host', '')
    if ':' in host and not host.endswith(']'):
        host = host.rsplit(':', 1)[0]
    return host.lower()


class Request:

    def __init__(self, url, data=None, headers={}, origin_req_host=None,
                 unverifiable=False, method=None):
        self.full_url = url
        self.headers = {}
        self.unredirected_hdrs = {}
        self._data = None
        self.data = data
        self._tunnel_host = None
        for name, value in headers.items():
            self.add_header(name, value)
        if origin_req_host is None:
            origin_req_host = _request_host(self)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    @property
    def full_url(self):
        if self.fragment:
            return self._full_url + '#' + self.fragment
        return self._full_url

    @full_url.setter
    def full_url(self, url):
        url = unwrap(url)
        base, hash_mark, frag = url.partition('#')
        self._full_url = base
        self.fragment = frag if hash_mark else None
        self._parse()

    @full_url.deleter
    def full_url(self):
        self._full_url = None
        self.fragment = None
        self.selector = ''

    @property
    def data(self):
        return self._data

    @data.setter
    def data(self, value):
        if value is not self._data:
            self._data = value
            if self.has_header('Content-length'):
                self.remove_header('Content-length')

    @data.deleter
    def data(self):
        self.data = None

    def _parse(self):
        found = _SCHEME_RE.match(self._full_url)
        if found is None:
            raise ValueError('unknown url type: %r' % self.full_url)
        self.type = found.group(1).lower()
        rest = found.group(2)
        self.host = None
        self.selector = rest
        if rest.startswith('//'):
            tail = rest[2:]
            cut = len(tail)
            for sep in '/?#':
                pos = tail.find(sep)
                if 0 <= pos < cut:
                    cut = pos
            self.host = tail[:cut]
            self.selector = tail[cut:]
        if self.host:
            self.host = unquote(self.host)

    def get_method(self):
        chosen = getattr(self, 'method', None)
        if chosen is not None:
            return chosen
        return 'GET' if self.data is None else 'POST'

    def get_full_url(self):
        return self.full_url

    def set_proxy(
            self, host, type):
        if self.type == 'https' and not self._tunnel_host:
            self._tunnel_host = self.host
        else:
            self.type = type
            self.selector = self.full_url
        self.host = host

    def has_proxy(self):
        return self.selector == self.full_url

    def add_header(
            self, key, val):
        self.headers[key.capitalize()] = val

    def add_unredirected_header(
            self, key, val):
        self.unredirected_hdrs[key.capitalize()] = val

    def has_header(
            self, header_name):
        return (header_name in self.headers
                or header_name in self.unredirected_hdrs)

    def get_header(
            self, header_name, default=None):
        if header_name in self.headers:
            return self.headers[header_name]
        return self.unredirected_hdrs.get(header_name, default)

    def remove_header(
            self, header_name):
        self.headers.pop(header_name, None)
        self.unredirected_hdrs.pop(header_name, None)

    def header_items(self):
        merged = dict(self.unredirected_hdrs)
        merged.update(self.headers)
        return list(merged.items())


# -------------------------------------------------------------- handlers

class BaseHandler:
    handler_order = 500

    def add_parent(
            self, parent):
        self.parent = parent

    def close(self):
        pass

    def __lt__(self, other):
        if not hasattr(other, 'handler_order'):
            return True
        return self.handler_order < other.handler_order


def _message_from_pairs(
        pairs):
    msg = http.client.HTTPMessage()
    for name, value in pairs:
        msg.add_header(name, value)
    return msg


class HTTPErrorProcessor(BaseHandler):
    handler_order = 1000

    def http_response(
            self, request, response):
        code, msg, hdrs = response.code, response.msg, response.info()
        if not 200 <= code < 300:
            response = self.parent.error('http', request, response,
                                         code, msg, hdrs)
        return response

    https_response = http_response


class HTTPDefaultErrorHandler(BaseHandler):

    def http_error_default(
            self, req, fp, code, msg, hdrs):
        raise HTTPError(req.full_url, code, msg, hdrs, fp)


class HTTPRedirectHandler(BaseHandler):
    max_repeats = 4
    max_redirections = 10

    def redirect_request(
            self, req, fp, code, msg, headers, newurl):
        method = req.get_method()
        allowed = (code in (301, 302, 303, 307, 308)
                   and method in ('GET', 'HEAD')) or \
                  (code in (301, 302, 303) and method == 'POST')
        if not allowed:
            raise HTTPError(req.full_url, code, msg, headers, fp)
        newurl = newurl.replace(' ', '%20')
        skip = ('content-length', 'content-type')
        kept = {k: v for k, v in req.headers.items() if k.lower() not in skip}
        return Request(newurl, headers=kept,
                       origin_req_host=req.origin_req_host,
                       unverifiable=True)

    def http_error_302(
            self, req, fp, code, msg, headers):
        target = headers.get('location') or headers.get('uri')
        if not target:
            return None
        target = urljoin(req.full_url, target)
        if urlparse(target).scheme not in ('http', 'https', 'ftp', ''):
            raise HTTPError(target, code,
                            "%s - Redirection to url '%s' is not allowed"
                            % (msg, target), headers, fp)
        new = self.redirect_request(req, fp, code, msg, headers, target)
        if new is None:
            return None
        seen = new.redirect_dict = getattr(req, 'redirect_dict', {})
        if (seen.get(target, 0) >= self.max_repeats
                or len(seen) >= self.max_redirections):
            raise HTTPError(req.full_url, code,
                            'The HTTP server returned a redirect error that '
                            'would lead to an infinite loop.\n'
                            'The last 30x error message was:\n' + msg,
                            headers, fp)
        seen[target] = seen.get(target, 0) + 1
        fp.read()
        fp.close()
        return self.parent.open(new, timeout=req.timeout)

    http_error_301 = http_error_303 = http_error_307 = http_error_302
    http_error_308 = http_error_302


def getproxies_environment():
    """Collect '<scheme>_proxy' variables; lowercase names win."""
    found = {}
    for name, value in os.environ.items():
        low = name.lower()
        if value and low.endswith('_proxy'):
            found[low[:-6]] = value
    # a CGI environment may set HTTP_PROXY from a request header
    if 'REQUEST_METHOD' in os.environ:
        found.pop('http', None)
    for name, value in os.environ.items():
        if name.endswith('_proxy'):
            if value:
                found[name[:-6].lower()] = value
            else:
                found.pop(name[:-6].lower(), None)
    return found


getproxies = getproxies_environment


def proxy_bypass_environment(
        host, proxies=None):
    if proxies is None:
        proxies = getproxies_environment()
    rule = proxies.get('no', '')
    if rule == '*':
        return True
    host = host.lower()
    name = host.rsplit(':', 1)[0] if host.count(':') == 1 else host
    for entry in rule.split(','):
        entry = entry.strip().lstrip('.').lower()
        if entry and (name == entry or name.endswith('.' + entry)):
            return True
    return False


proxy_bypass = proxy_bypass_environment


class ProxyHandler(BaseHandler):
    handler_order = 100

    def __init__(
            self, proxies=None):
        if proxies is None:
            proxies = getproxies()
        self.proxies = proxies
        for scheme, url in proxies.items():
            if scheme == 'no':
                continue
            setattr(self, '%s_open' % scheme,
                    lambda r, proxy=url, kind=scheme:
                        self.proxy_open(r, proxy, kind))

    def proxy_open(
            self, req, proxy, type):
        if req.host and proxy_bypass(req.host):
            return None
        parts = urlsplit(proxy if '://' in proxy else '//' + proxy)
        scheme = parts.scheme or type
        if parts.username is not None:
            raw = '%s:%s' % (unquote(parts.username),
                             unquote(parts.password or ''))
            token = base64.b64encode(raw.encode()).decode('ascii')
            req.add_header('Proxy-authorization', 'Basic ' + token)
        req.set_proxy(parts.netloc.rpartition('@')[2], scheme)
        if scheme == type or type == 'https':
            return None
        return self.parent.open(req, timeout=req.timeout)


class AbstractHTTPHandler(BaseHandler):

    def __init__(
            self, debuglevel=None):
        self._debuglevel = (debuglevel if debuglevel is not None
                            else http.client.HTTPConnection.debuglevel)

    def set_http_debuglevel(
            self, level):
        self._debuglevel = level

    def do_request_(
            self, request):
        if not request.host:
            raise URLError('no host given')
        if request.data is not None:
            if isinstance(request.data, str):
                raise TypeError('POST data should be bytes, an iterable of '
                                'bytes, or a file object. It cannot be of '
                                'type str.')
            if not request.has_header('Content-type'):
                request.add_unredirected_header(
                    'Content-type', 'application/x-www-form-urlencoded')
            if (not request.has_header('Content-length')
                    and not request.has_header('Transfer-encoding')):
                try:
                    size = memoryview(request.data).nbytes
                except TypeError:
                    request.add_unredirected_header('Transfer-encoding',
                                                    'chunked')
                else:
                    request.add_unredirected_header('Content-length',
                                                    str(size))
        host = request.host
        if request.has_proxy():
            host = urlparse(request.selector)[1] or host
        if not request.has_header('Host'):
            request.add_unredirected_header('Host', host)
        for name, value in self.parent.addheaders:
            name = name.capitalize()
            if not request.has_header(name):
                request.add_unredirected_header(name, value)
        return request

    def do_open(
            self, conn_class, req, **extra):
        if not req.host:
            raise URLError('no host given')
        conn = conn_class(req.host, timeout=req.timeout, **extra)
        hdrs = dict(req.unredirected_hdrs)
        hdrs.update({k: v for k, v in req.headers.items() if k not in hdrs})
        hdrs['Connection'] = 'close'
        hdrs = {k.title(): v for k, v in hdrs.items()}
        try:
            try:
                conn.request(req.get_method(), req.selector or '/',
                             req.data, hdrs,
                             encode_chunked=req.has_header(
                                 'Transfer-encoding'))
            except OSError as err:
                raise URLError(err)
            resp = conn.getresponse()
        except BaseException:
            conn.close()
            raise
        resp.url = req.get_full_url()
        resp.msg = resp.reason
        return resp


class HTTPHandler(AbstractHTTPHandler):

    def http_open(self, req):
        return self.do_open(http.client.HTTPConnection, req)

    http_request = AbstractHTTPHandler.do_request_


class HTTPSHandler(AbstractHTTPHandler):

    def __init__(
            self, debuglevel=None, context=None, check_hostname=None):
        AbstractHTTPHandler.__init__(self, debuglevel)
        self._context = context
        self._check_hostname = check_hostname

    def https_open(
            self, req):
        return self.do_open(http.client.HTTPSConnection, req,
                            context=self._context)

    https_request = AbstractHTTPHandler.do_request_


class UnknownHandler(BaseHandler):

    def unknown_open(
            self, req):
        raise URLError('unknown url type: %s' % req.type)


class FileHandler(BaseHandler):

    def file_open(self, req):
        url = req.selector
        if url[:2] == '//' and url[2:3] != '/' and req.host != 'localhost':
            if req.host is not None and req.host != '':
                raise URLError('file:// scheme is supported only on '
                               'localhost')
        return self.open_local_file(req)

    def open_local_file(
            self, req):
        host = req.host
        path = url2pathname(req.selector)
        try:
            info = os.stat(path)
        except OSError as err:
            raise URLError(err, err.filename)
        if host and host.split(':')[0].lower() not in (
                'localhost', '127.0.0.1', socket.gethostname().lower()
                if hasattr(socket, 'gethostname') else 'localhost'):
            raise URLError('file not on local host')
        ctype = mimetypes.guess_type(path)[0]
        headers = _message_from_pairs([
            ('Content-type', ctype or 'text/plain'),
            ('Content-length', str(info.st_size)),
            ('Last-modified', email.utils.formatdate(info.st_mtime,
                                                     usegmt=True)),
        ])
        if host:
            origin = 'file://' + host + pathname2url(path)
        else:
            origin = 'file://' + pathname2url(path)
        return addinfourl(open(path, 'rb'), headers, origin)


class DataHandler(BaseHandler):

    def data_open(self, req):
        url = req.full_url
        scheme, rest = url.split(':', 1)
        meta, comma, payload = rest.partition(',')
        if not comma:
            raise ValueError('data URL must contain a comma')
        is_b64 = meta.endswith(';base64')
        if is_b64:
            meta = meta[:-len(';base64')]
        body = unquote_to_bytes(payload)
        if is_b64:
            body = base64.decodebytes(body)
        if not meta:
            meta = 'text/plain;charset=US-ASCII'
        headers = _message_from_pairs([('Content-type', meta),
                                       ('Content-length', str(len(body)))])
        return addinfourl(io.BytesIO(body), headers, url)


# ---------------------------------------------------------------- opener

class OpenerDirector:

    def __init__(self):
        self.addheaders = [('User-agent', 'Python-urllib/%s' % __version__)]
        self.handlers = []
        self._hooks = {}        # (kind, name) -> sorted handlers

    def add_handler(
            self, handler):
        if not hasattr(handler, 'add_parent'):
            raise TypeError('expected BaseHandler instance, got %r'
                            % type(handler))
        names = [n for n in dir(handler)
                 if n not in ('redirect_request', 'do_open', 'proxy_open')]
        names.extend(k for k in vars(handler) if k not in names)
        added = False
        for name in names:
            head, sep, kind = name.rpartition('_')
            if not sep or not head or name.startswith('_'):
                continue
            if head.startswith('http_error') or name.startswith('http_error'):
                key = ('error', name[len('http_error_'):]) \
                    if name.startswith('http_error_') else None
                if key is None:
                    continue
            elif kind in ('open', 'request', 'response'):
                key = (kind, head)
            elif kind == 'error' or name.endswith('_error'):
                continue
            else:
                continue
            bucket = self._hooks.setdefault(key, [])
            if handler not in bucket:
                bisect.insort(bucket, handler)
            added = True
        if added:
            bisect.insort(self.handlers, handler)
            handler.add_parent(self)

    def close(self):
        pass

    def _call(
            self, key, method_name, *args):
        for handler in self._hooks.get(key, ()):
            result = getattr(handler, method_name)(*args)
            if result is not None:
                return result
        return None

    def open(
            self, fullurl, data=None, timeout=_DEFAULT_TIMEOUT):
        if isinstance(fullurl, str):
            req = Request(fullurl, data)
        else:
            req = fullurl
            if data is not None:
                req.data = data
        req.timeout = timeout
        scheme = req.type
        for handler in self._hooks.get(('request', scheme), ()):
            req = getattr(handler, scheme + '_request')(req)
        response = self._open(req)
        for handler in self._hooks.get(('response', scheme), ()):
            response = getattr(handler, scheme + '_response')(req, response)
        return response

    def _open(self, req):
        result = self._call(('open', 'default'), 'default_open', req)
        if result is not None:
            return result
        result = self._call(('open', req.type), req.type + '_open', req)
        if result is not None:
            return result
        return self._call(('open', 'unknown'), 'unknown_open', req)

    def error(
            self, proto, *args):
        if proto in ('http', 'https'):
            code = str(args[2])
            result = self._call(('error', code), 'http_error_' + code, *args)
            if result is not None:
                return result
            return self._call(('error', 'default'), 'http_error_default',
                              *args)
        return self._call(('error', proto), proto + '_error', *args)


_DEFAULT_HANDLERS = [ProxyHandler, UnknownHandler, HTTPHandler,
                     HTTPDefaultErrorHandler, HTTPRedirectHandler,
                     FileHandler, HTTPErrorProcessor, DataHandler,
                     HTTPSHandler]


def build_opener(
        *handlers):
    """Opener with the default handlers, replaced or extended by handlers.

    A handler given as a class (or instance) of a default handler's type
    replaces that default.
    """
    opener = OpenerDirector()
    replaced = set()
    for default in _DEFAULT_HANDLERS:
        for given in handlers:
            if isinstance(given, type):
                if issubclass(given, default):
                    replaced.add(default)
            elif isinstance(given, default):
                replaced.add(default)
    for default in _DEFAULT_HANDLERS:
        if default not in replaced:
            opener.add_handler(default())
    for given in handlers:
        opener.add_handler(given() if isinstance(given, type) else given)
    return opener


_opener = None


def install_opener(
        opener):
    global _opener
    _opener = opener


def urlopen(url, data=None, timeout=_DEFAULT_TIMEOUT, *, cafile=None,
            capath=None, cadefault=False, context=None):
    global _opener
    if _opener is None:
        _opener = build_opener()
    return _opener.open(url, data, timeout)


_tempfiles = []


def urlretrieve(
        url, filename=None, reporthook=None, data=None):
    """Copy a URL's body to filename (a temp file if None).

    Returns (filename, headers).  A local file: URL with no filename is
    returned in place without copying.
    """
    scheme = url.split(':', 1)[0].lower() if ':' in url else ''
    with urlopen(url, data) as source:
        headers = source.info()
        if scheme == 'file' and not filename:
            # CPython hands back the URL's path part as written
            return Request(url).selector, headers
        if filename:
            target = open(filename, 'wb')
        else:
            target = tempfile.NamedTemporaryFile(delete=False)
            filename = target.name
            _tempfiles.append(filename)
        with target:
            block = 8192
            expected = -1
            if 'content-length' in headers:
                expected = int(headers['Content-Length'])
            got = 0
            count = 0
            if reporthook:
                reporthook(count, block, expected)
            while True:
                chunk = source.read(block)
                if not chunk:
                    break
                got += len(chunk)
                target.write(chunk)
                count += 1
                if reporthook:
                    reporthook(count, block, expected)
    if expected >= 0 and got < expected:
        raise ContentTooShortError(
            'retrieval incomplete: got only %i out of %i bytes'
            % (got, expected), (filename, headers))
    return filename, headers


def urlcleanup():
    global _opener
    while _tempfiles:
        name = _tempfiles.pop()
        try:
            os.unlink(name)
        except OSError:
            pass
    _opener = None


# ----------------------------------------------------- header list parsing

def parse_keqv_list(l):
    """['a=1', 'b="2"'] -> {'a': '1', 'b': '2'}"""
    result = {}
    for item in l:
        key, _, value = item.partition('=')
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        result[key] = value
    return result


def parse_http_list(s):
    """Split a comma-separated header value, honouring quoted strings."""
    items = []
    current = []
    quoted = False
    escaped = False
    for ch in s:
        if escaped:
            current.append(ch)
            escaped = False
        elif quoted and ch == '\\':
            escaped = True
        elif ch == '"':
            current.append(ch)
            quoted = not quoted
        elif ch == ',' and not quoted:
            items.append(''.join(current))
            current = []
        else:
            current.append(ch)
    if current:
        items.append(''.join(current))
    return [piece.strip() for piece in items]
