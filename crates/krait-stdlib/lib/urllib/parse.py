"""Splitting URLs into their parts and joining them back (RFC 3986 and the
rules CPython 3.11's `urllib.parse` follows), resolving relative URLs,
query strings (`parse_qs`, `urlencode`) and percent-encoding (`quote`,
`unquote`).

Every function takes `str` or ASCII `bytes`; bytes in give bytes out (the
`...Bytes` result types). The deprecated `splittype`-style helpers are
at the end, as are the private names other libraries import (django:
`_splitnetloc`, `_splitparams`).
"""

from collections import namedtuple as _namedtuple
import re as _re

__all__ = """
    urlparse urlunparse urljoin urldefrag urlsplit urlunsplit urlencode
    parse_qs parse_qsl quote quote_plus quote_from_bytes unquote
    unquote_plus unquote_to_bytes DefragResult ParseResult SplitResult
    DefragResultBytes ParseResultBytes SplitResultBytes
""".split()


def _schemes(words, with_empty=True):
    return ([''] if with_empty else []) + words.split()


# Schemes whose URLs may be relative to a base URL.
uses_relative = _schemes("""ftp http gopher nntp imap wais file https shttp
    mms prospero rtsp rtsps rtspu sftp svn svn+ssh ws wss""")
# Schemes whose URLs have a network location (`//host`).
uses_netloc = _schemes("""ftp http gopher nntp telnet imap wais file mms
    https shttp snews prospero rtsp rtsps rtspu rsync svn svn+ssh sftp nfs
    git git+ssh ws wss""")
# Schemes whose last path segment may carry `;parameters`.
uses_params = _schemes("""ftp hdl prospero http imap https shttp rtsp rtsps
    rtspu sip sips mms sftp tel""")
# Kept for compatibility; nothing here consults these three.
non_hierarchical = _schemes("""gopher hdl mailto news telnet wais imap snews
    sip sips""", False)
uses_query = _schemes("""http wais imap https shttp mms gopher rtsp rtsps
    rtspu sip sips""")
uses_fragment = _schemes("""ftp hdl http gopher news nntp wais https shttp
    snews file prospero""")
del _schemes

_LOWER = 'abcdefghijklmnopqrstuvwxyz'
scheme_chars = _LOWER + _LOWER.upper() + '0123456789+-.'

# The WHATWG URL standard strips these from the front of a URL, and drops
# tabs and newlines anywhere in it.
_WHATWG_C0_CONTROL_OR_SPACE = ''.join(map(chr, range(0x21)))
_UNSAFE_URL_BYTES_TO_REMOVE = list('\t\r\n')

MAX_CACHE_SIZE = 128
_split_cache = {}


def clear_cache():
    """Forget the URLs urlsplit has already split."""
    _split_cache.clear()


# --- str/bytes coercion ---------------------------------------------------
#
# The parsing code works on str. Bytes arguments are decoded as ASCII and
# the result is encoded back; the `coerce` value each helper returns does
# that (or nothing, for str).

def _same(obj):
    return obj


def _to_ascii_bytes(obj):
    return obj.encode('ascii', 'strict')


def _coerce_args(*args):
    """The arguments as str, plus the function that turns a str result
    back into the caller's type. Empty arguments may be of either type."""
    is_str = isinstance(args[0], str)
    for arg in args[1:]:
        if arg and isinstance(arg, str) is not is_str:
            raise TypeError('Cannot mix str and non-str arguments')
    if is_str:
        return (*args, _same)
    return tuple(x.decode('ascii', 'strict') if x else '' for x in args) + (
        _to_ascii_bytes,)


# --- result types ---------------------------------------------------------

class _StrResult(object):
    """What the str result types share: encoding into the bytes ones."""
    __slots__ = ()

    def encode(self, encoding="ascii", errors="strict"):
        return self._bytes_type(*[p.encode(encoding, errors) for p in self])


class _BytesResult(object):
    """What the bytes result types share: decoding into the str ones."""
    __slots__ = ()

    def decode(self, encoding="ascii", errors="strict"):
        return self._str_type(*[p.decode(encoding, errors) for p in self])


class _NetlocParts(object):
    """The pieces of `netloc` ("user:password@host:port") as properties."""
    __slots__ = ()

    @property
    def username(self):
        return self._userinfo[0]

    @property
    def password(self):
        return self._userinfo[1]

    @property
    def hostname(self):
        name = self._hostinfo[0]
        if not name:
            return None
        # An IPv6 zone id ("%eth0") keeps its case; the rest is lowered.
        host, percent, zone = name.partition(self._percent)
        return host.lower() + percent + zone

    @property
    def port(self):
        text = self._hostinfo[1]
        if text is None:
            return None
        if not (text.isascii() and text.isdigit()):
            raise ValueError(
                "Port could not be cast to integer value as %r" % (text,))
        number = int(text)
        if number > 65535:
            raise ValueError('Port out of range 0-65535')
        return number

    @property
    def _userinfo(self):
        userinfo, has_at, _ = self.netloc.rpartition(self._at)
        if not has_at:
            return None, None
        username, has_colon, password = userinfo.partition(self._colon)
        if not has_colon:
            password = None
        return username, password

    @property
    def _hostinfo(self):
        hostinfo = self.netloc.rpartition(self._at)[2]
        _, has_bracket, bracketed = hostinfo.partition(self._open_bracket)
        if has_bracket:
            hostname, _, rest = bracketed.partition(self._close_bracket)
            port = rest.partition(self._colon)[2]
        else:
            hostname, _, port = hostinfo.partition(self._colon)
        if not port:
            port = None
        return hostname, port


class _NetlocPartsStr(_NetlocParts):
    __slots__ = ()
    _at, _colon, _percent = '@', ':', '%'
    _open_bracket, _close_bracket = '[', ']'


class _NetlocPartsBytes(_NetlocParts):
    __slots__ = ()
    _at, _colon, _percent = b'@', b':', b'%'
    _open_bracket, _close_bracket = b'[', b']'


_DefragTuple = _namedtuple('DefragResult', 'url fragment')
_SplitTuple = _namedtuple('SplitResult',
                          'scheme netloc path query fragment')
_ParseTuple = _namedtuple('ParseResult',
                          'scheme netloc path params query fragment')


class DefragResult(_DefragTuple, _StrResult):
    """A URL without its fragment, and the fragment."""
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url


class SplitResult(_SplitTuple, _NetlocPartsStr, _StrResult):
    """The five parts urlsplit finds in a URL."""
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_ParseTuple, _NetlocPartsStr, _StrResult):
    """The six parts urlparse finds in a URL."""
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResultBytes(_DefragTuple, _BytesResult):
    """DefragResult of bytes."""
    __slots__ = ()

    def geturl(self):
        return self.url + b'#' + self.fragment if self.fragment else self.url


class SplitResultBytes(_SplitTuple, _NetlocPartsBytes, _BytesResult):
    """SplitResult of bytes."""
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResultBytes(_ParseTuple, _NetlocPartsBytes, _BytesResult):
    """ParseResult of bytes."""
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


def _pair_result_types(*classes):
    for text_kind, bytes_kind in zip(classes[::2], classes[1::2]):
        text_kind._bytes_type = bytes_kind
        bytes_kind._str_type = text_kind


_pair_result_types(DefragResult, DefragResultBytes, SplitResult,
                   SplitResultBytes, ParseResult, ParseResultBytes)


# --- host validation ------------------------------------------------------
#
# A bracketed host must be an IPv6 address or an "IPvFuture" one. These
# checks accept exactly what the ipaddress module does.

_HEX_DIGITS = frozenset('0123456789abcdefABCDEF')


def _is_ipv4(text):
    octets = text.split('.')
    if len(octets) != 4:
        return False
    for octet in octets:
        if not octet or len(octet) > 3:
            return False
        if not (octet.isascii() and octet.isdigit()):
            return False
        if octet[0] == '0' and octet != '0':
            return False  # leading zeros are ambiguous (octal?)
        if int(octet) > 255:
            return False
    return True


def _is_ipv6(text):
    address, has_percent, zone = text.partition('%')
    if has_percent and (not zone or '%' in zone):
        return False
    groups = address.split(':')
    if len(groups) < 3:
        return False
    if '.' in groups[-1]:
        # An embedded IPv4 address stands for the last two groups.
        if not _is_ipv4(groups.pop()):
            return False
        groups += ['0', '0']
    if len(groups) > 9:
        return False
    # '::' shows up as one empty group inside the list (two at an end).
    inner_gaps = [i for i in range(1, len(groups) - 1) if not groups[i]]
    if len(inner_gaps) > 1:
        return False
    if inner_gaps:
        before = inner_gaps[0]
        after = len(groups) - before - 1
        if not groups[0]:
            before -= 1
            if before:
                return False  # a lone ':' at the start
        if not groups[-1]:
            after -= 1
            if after:
                return False  # a lone ':' at the end
        if before + after > 7:
            return False
        groups = groups[1 if not groups[0] else 0:]
        groups = [g for g in groups if g]
    else:
        if len(groups) != 8 or not groups[0] or not groups[-1]:
            return False
    for group in groups:
        if len(group) > 4 or not _HEX_DIGITS.issuperset(group):
            return False
    return True


_ipvfuture = _re.compile(r'\Av[a-fA-F0-9]+\..+\Z')


def _check_bracketed_host(host):
    if host.startswith('v'):
        if not _ipvfuture.match(host):
            raise ValueError("IPvFuture address is invalid")
    elif _is_ipv4(host):
        raise ValueError("An IPv4 address cannot be in brackets")
    elif not _is_ipv6(host):
        raise ValueError(
            "%r does not appear to be an IPv4 or IPv6 address" % (host,))


def _check_netloc(netloc):
    """Refuse a non-ASCII netloc that NFKC normalization would give new
    URL delimiters (a user could be fooled about the host)."""
    if netloc.isascii():
        return
    try:
        import unicodedata
    except ImportError:
        # krait has no unicodedata yet: such netlocs pass unchecked.
        return
    stripped = netloc
    for c in '@:#?':
        stripped = stripped.replace(c, '')
    normalized = unicodedata.normalize('NFKC', stripped)
    if normalized == stripped:
        return
    for c in '/?#@:':
        if c in normalized:
            raise ValueError(f"netloc '{netloc}' contains invalid characters "
                             f"under NFKC normalization")


# --- splitting and joining --------------------------------------------------

def _split_netloc(url, start=0):
    """The network location starting at `start` (it ends at the first
    '/', '?' or '#') and the rest of the URL."""
    end = len(url)
    for delimiter in '/?#':
        i = url.find(delimiter, start)
        if 0 <= i < end:
            end = i
    return url[start:end], url[end:]


def _split_str(url, scheme, allow_fragments):
    blank = _WHATWG_C0_CONTROL_OR_SPACE
    url, scheme = url.lstrip(blank), scheme.strip(blank)
    for c in _UNSAFE_URL_BYTES_TO_REMOVE:
        if c in url:
            url = url.replace(c, '')
        if c in scheme:
            scheme = scheme.replace(c, '')
    netloc = ''
    colon = url.find(':')
    if colon > 0 and url[0].isascii() and url[0].isalpha():
        candidate = url[:colon]
        if not candidate.strip(scheme_chars):
            scheme = candidate.lower()
            url = url[colon + 1:]
    if url[:2] == '//':
        netloc, url = _split_netloc(url, 2)
        has_open = '[' in netloc
        if has_open is not (']' in netloc):
            raise ValueError('Invalid IPv6 URL')
        if has_open:
            _check_bracketed_host(netloc.partition('[')[2].partition(']')[0])
        if not netloc.isascii():
            _check_netloc(netloc)
    fragment = ''
    if allow_fragments:
        url, _, fragment = url.partition('#')
    url, _, query = url.partition('?')
    return SplitResult(scheme, netloc, url, query, fragment)


def urlsplit(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, query, fragment).

    `scheme` is the default when the URL has none; with `allow_fragments`
    false, '#' is an ordinary character of the path or query."""
    # Equal keys give equal results: 'x' != b'x', and a str subclass
    # splits into plain str parts anyway.
    key = (url, scheme, allow_fragments)
    allow_fragments = not not allow_fragments
    cached = _split_cache.get(key)
    if cached is not None:
        return cached
    if url.__class__ is str and scheme.__class__ is str:
        result = _split_str(url, scheme, allow_fragments)
    else:
        url, scheme, coerce = _coerce_args(url, scheme)
        result = coerce(_split_str(url, scheme, allow_fragments))
    if len(_split_cache) >= MAX_CACHE_SIZE:
        _split_cache.clear()
    _split_cache[key] = result
    return result


def _split_params(path):
    # Parameters belong to the last path segment only.
    slash = path.rfind('/')
    semicolon = path.find(';', slash if slash >= 0 else 0)
    if semicolon < 0:
        return path, ''
    return path[:semicolon], path[semicolon + 1:]


def urlparse(url, scheme='', allow_fragments=True):
    """Split a URL into (scheme, netloc, path, params, query, fragment):
    urlsplit's parts, with the `;params` of the last path segment apart
    (for the schemes in `uses_params`)."""
    if url.__class__ is str and scheme.__class__ is str:
        coerce = None
    else:
        url, scheme, coerce = _coerce_args(url, scheme)
    scheme, netloc, path, query, fragment = urlsplit(
        url, scheme, allow_fragments)
    if scheme in uses_params and ';' in path:
        path, params = _split_params(path)
    else:
        params = ''
    result = ParseResult(scheme, netloc, path, params, query, fragment)
    return result if coerce is None else coerce(result)


def urlunsplit(components):
    """Join the five parts of urlsplit back into a URL. The result may
    differ from the original in insignificant ways (an empty query's '?'
    is gone)."""
    scheme, netloc, path, query, fragment, coerce = _coerce_args(*components)
    parts = []
    if scheme:
        parts += (scheme, ':')
    wants_authority = bool(netloc) or (
        scheme in uses_netloc and bool(scheme) and not path.startswith('//'))
    if wants_authority:
        parts += ('//', netloc or '')
        if path and not path.startswith('/'):
            parts.append('/')
    parts.append(path)
    if query:
        parts += ('?', query)
    if fragment:
        parts += ('#', fragment)
    return coerce(''.join(parts))


def urlunparse(components):
    """Join the six parts of urlparse back into a URL."""
    scheme, netloc, path, params, query, fragment, coerce = _coerce_args(
        *components)
    if params:
        path = path + ';' + params
    return coerce(urlunsplit((scheme, netloc, path, query, fragment)))


def urljoin(base, url, allow_fragments=True):
    """Resolve `url` against the absolute URL `base` (RFC 3986 section 5),
    for the schemes in `uses_relative`; other URLs come back unchanged."""
    if not base:
        return url
    if not url:
        return base
    base, url, coerce = _coerce_args(base, url)
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(
        base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(
        url, bscheme, allow_fragments)

    if bscheme != scheme or scheme not in uses_relative:
        return coerce(url)
    if scheme in uses_netloc:
        if netloc:
            parts = scheme, netloc, path, params, query, fragment
            return coerce(urlunparse(parts))
        netloc = bnetloc
    if not (path or params):
        # Only a query and/or fragment: the base's path stays.
        parts = scheme, netloc, bpath, bparams, query or bquery, fragment
        return coerce(urlunparse(parts))

    if path.startswith('/'):
        segments = path.split('/')
    else:
        # Merge: the base's path without its last segment, then `path`.
        # Empty segments in the middle are dropped, so that re-joining
        # gives no doubled slashes.
        base_segments = bpath.split('/')
        if base_segments[-1] != '':
            del base_segments[-1]
        segments = base_segments + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]

    resolved = []
    for segment in segments:
        if segment == '..':
            if resolved:
                resolved.pop()
        elif segment != '.':
            resolved.append(segment)
    if segments[-1] == '.' or segments[-1] == '..':
        # "a/b/.." names the directory: keep its trailing slash.
        resolved.append('')
    parts = scheme, netloc, '/'.join(resolved) or '/', params, query, fragment
    return coerce(urlunparse(parts))


def urldefrag(url):
    """Split off the fragment: DefragResult(url without it, fragment)."""
    url, coerce = _coerce_args(url)
    if '#' in url:
        scheme, netloc, path, params, query, fragment = urlparse(url)
        url = urlunparse((scheme, netloc, path, params, query, ''))
    else:
        fragment = ''
    return coerce(DefragResult(url, fragment))


def unwrap(url):
    """Strip the '<URL:...>' wrapping: '<URL:type://host/path>' gives
    'type://host/path'."""
    text = str(url).strip()
    if text.startswith('<') and text.endswith('>'):
        text = text[1:-1].strip()
    if text.startswith('URL:'):
        text = text[4:].strip()
    return text


# --- percent-decoding -------------------------------------------------------

_hex_pair_to_byte = {}
for _hi in '0123456789ABCDEFabcdef':
    for _lo in '0123456789ABCDEFabcdef':
        _hex_pair_to_byte[(_hi + _lo).encode()] = bytes([int(_hi + _lo, 16)])
del _hi, _lo


def unquote_to_bytes(string):
    """Decode the %xx escapes of `string` (str is UTF-8 encoded first)
    into bytes. Malformed escapes stay as they are."""
    if not string:
        string.split  # refuse what is neither str nor bytes-like
        return b''
    if string.__class__ is str or isinstance(string, str):
        string = string.encode()
    pieces = string.split(b'%')
    if len(pieces) == 1:
        return string
    out = [pieces[0]]
    append = out.append
    lookup = _hex_pair_to_byte
    for piece in pieces[1:]:
        byte = lookup.get(piece[:2])
        if byte is None:
            append(b'%')
            append(piece)
        else:
            append(byte)
            append(piece[2:])
    return b''.join(out)


_ascii_runs = _re.compile('([\x00-\x7f]+)')


def unquote(string, encoding='utf-8', errors='replace'):
    """Replace the %xx escapes of `string` by the characters they encode
    in `encoding`; undecodable bytes follow `errors`.
    unquote('abc%20def') -> 'abc def'."""
    if type(string) is bytes or isinstance(string, bytes):
        raw = unquote_to_bytes(string)
        return raw.decode(encoding, errors)
    if '%' not in string:
        string.split  # refuse what is not a str
        return string
    if encoding is None:
        encoding = 'utf-8'
    if errors is None:
        errors = 'replace'
    # Only ASCII runs can hold escapes; non-ASCII text passes through.
    pieces = _ascii_runs.split(string)
    out = [pieces[0]]
    append = out.append
    for i in range(1, len(pieces), 2):
        append(unquote_to_bytes(pieces[i]).decode(encoding, errors))
        append(pieces[i + 1])
    return ''.join(out)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    """unquote, with '+' decoded as a space (HTML form values)."""
    return unquote(string.replace('+', ' '), encoding, errors)


# --- query strings ----------------------------------------------------------

def parse_qsl(qs, keep_blank_values=False, strict_parsing=False,
              encoding='utf-8', errors='replace', max_num_fields=None,
              separator='&'):
    """Parse a query string into a list of (name, value) pairs.

    Fields without a value are dropped unless `keep_blank_values`;
    `strict_parsing` makes malformed fields a ValueError; more than
    `max_num_fields` fields is a ValueError."""
    qs, coerce = _coerce_args(qs)
    sep = _coerce_args(separator)[0]
    if not (sep and isinstance(sep, (str, bytes))):
        raise ValueError('Separator must be of type string or bytes.')
    if max_num_fields is not None:
        if (qs.count(sep) + 1 if qs else 0) > max_num_fields:
            raise ValueError('Max number of fields exceeded')

    pairs = []
    for field in (qs.split(sep) if qs else ()):
        if not field and not strict_parsing:
            continue
        name, has_equals, value = field.partition('=')
        if not has_equals:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
        if value or keep_blank_values:
            name = coerce(unquote(name.replace('+', ' '),
                                  encoding=encoding, errors=errors))
            value = coerce(unquote(value.replace('+', ' '),
                                   encoding=encoding, errors=errors))
            pairs.append((name, value))
    return pairs


def parse_qs(qs, keep_blank_values=False, strict_parsing=False,
             encoding='utf-8', errors='replace', max_num_fields=None,
             separator='&'):
    """Parse a query string into a dict from each name to the list of its
    values (in order). The arguments are parse_qsl's."""
    grouped = {}
    pairs = parse_qsl(qs, keep_blank_values, strict_parsing, encoding,
                      errors, max_num_fields, separator)
    for name, value in pairs:
        bucket = grouped.get(name)
        if bucket is None:
            grouped[name] = [value]
        else:
            bucket.append(value)
    return grouped


# --- percent-encoding -------------------------------------------------------

_ALWAYS_SAFE_BYTES = (_LOWER.upper() + _LOWER + '0123456789_.-~').encode()
_ALWAYS_SAFE = frozenset(_ALWAYS_SAFE_BYTES)

# For each set of extra safe bytes: the text each of the 256 bytes
# quotes to.
_quote_tables = {}


def _quote_table(safe):
    table = _quote_tables.get(safe)
    if table is None:
        keep = _ALWAYS_SAFE.union(safe)
        table = [chr(b) if b in keep else '%{:02X}'.format(b)
                 for b in range(256)]
        if len(_quote_tables) > 100:
            _quote_tables.clear()
        _quote_tables[safe] = table
    return table


def quote_from_bytes(bs, safe='/'):
    """quote() for bytes: '%xx'-escape every byte that is not a letter,
    digit, one of '_.-~', or in `safe`."""
    if not isinstance(bs, (bytes, bytearray)):
        raise TypeError('quote_from_bytes() expected bytes')
    if not bs:
        return ''
    if type(safe) is str or isinstance(safe, str):
        extra = safe.encode('ascii', errors='ignore')
    else:
        extra = bytes(c for c in safe if c < 0x80)
    if bs.rstrip(_ALWAYS_SAFE_BYTES + extra):
        return ''.join(map(_quote_table(extra).__getitem__, bs))
    return bs.decode()


def quote(string, safe='/', encoding=None, errors=None):
    """Percent-encode `string` for use in a URL: every character but
    letters, digits, '_.-~' and those in `safe` becomes %xx escapes of its
    bytes in `encoding` (UTF-8 by default).
    quote('abc def') -> 'abc%20def'."""
    if not isinstance(string, str):
        for what, given in (('encoding', encoding), ('errors', errors)):
            if given is not None:
                raise TypeError(f"quote() doesn't support '{what}' for bytes")
        return quote_from_bytes(string, safe)
    if not string:
        return string
    data = string.encode(encoding or 'utf-8', errors or 'strict')
    return quote_from_bytes(data, safe)


def quote_plus(string, safe='', encoding=None, errors=None):
    """quote() for HTML form values: spaces become '+' and '/' is escaped
    unless in `safe`."""
    is_text = isinstance(string, str)
    if is_text or isinstance(string, bytes):
        if (' ' if is_text else b' ') not in string:
            return quote(string, safe, encoding, errors)
    widened = safe + (' ' if isinstance(safe, str) else b' ')
    return quote(string, widened, encoding, errors).replace(' ', '+')


_NOT_PAIRS = 'not a valid non-string sequence or mapping object'


def urlencode(query, doseq=False, safe='', encoding=None, errors=None,
              quote_via=quote_plus):
    """Encode a mapping or a sequence of pairs as a query string
    ("a=1&b=2"), quoting names and values with `quote_via`. With `doseq`,
    a sequence value gives one field per element."""
    if hasattr(query, 'items'):
        query = query.items()
    else:
        # A sequence of pairs; a string is not one.
        try:
            bad = len(query) > 0 and not isinstance(query[0], tuple)
        except TypeError as err:
            raise TypeError(_NOT_PAIRS) from err
        if bad:
            try:
                raise TypeError
            except TypeError as err:
                raise TypeError(_NOT_PAIRS) from err

    def quoted(obj):
        if isinstance(obj, bytes):
            return quote_via(obj, safe)
        return quote_via(str(obj), safe, encoding, errors)

    fields = []
    if not doseq:
        for name, value in query:
            fields.append(quoted(name) + '=' + quoted(value))
        return '&'.join(fields)
    for name, value in query:
        name = quoted(name)
        if isinstance(value, (str, bytes)):
            fields.append(name + '=' + quoted(value))
            continue
        try:
            len(value)
        except TypeError:
            fields.append(name + '=' + quoted(value))
        else:
            for element in value:
                fields.append(name + '=' + quoted(element))
    return '&'.join(fields)


# -- names other code reaches for --------------------------------------

# Private spellings some libraries import (django.utils.http).
_splitnetloc = _split_netloc
_splitparams = _split_params


def _noop(obj):
    return obj


def _splittype(url):
    """'type:opaquestring' -> ('type', 'opaquestring'); (None, url)
    without a scheme. The type is lowercased."""
    match = _re.match('([^/:]+):(.*)', url, _re.DOTALL)
    if match:
        scheme, data = match.groups()
        return scheme.lower(), data
    return None, url


def _splithost(url):
    """'//host[:port]/path' -> ('host[:port]', '/path')."""
    match = _re.match('//([^/#?]*)(.*)', url, _re.DOTALL)
    if match:
        host_port, path = match.groups()
        if path and not path.startswith('/'):
            path = '/' + path
        return host_port, path
    return None, url


def _splituser(host):
    """'user[:passwd]@host[:port]' -> ('user[:passwd]', 'host[:port]')."""
    user, at, host = host.rpartition('@')
    return (user if at else None), host


def _splitpasswd(user):
    """'user:passwd' -> ('user', 'passwd')."""
    user, colon, password = user.partition(':')
    return user, (password if colon else None)


def _splitport(host):
    """'host:port' -> ('host', 'port'); the port is None when absent or
    not all digits."""
    match = _re.fullmatch('(.*):([0-9]*)', host, _re.DOTALL)
    if match:
        host, port = match.groups()
        if port:
            return host, port
    return host, None


def _splitnport(host, defport=-1):
    """'host:port' -> ('host', port as an int); `defport` without a port,
    None for a port that is no number."""
    name, colon, port = host.rpartition(':')
    if not colon:
        return port, defport
    if not port:
        return name, defport
    try:
        return name, int(port)
    except ValueError:
        return name, None


def _splitquery(url):
    """'/path?query' -> ('/path', 'query')."""
    path, mark, query = url.rpartition('?')
    return (path, query) if mark else (url, None)


def _splittag(url):
    """'/path#tag' -> ('/path', 'tag')."""
    path, mark, tag = url.rpartition('#')
    return (path, tag) if mark else (url, None)


def _splitattr(url):
    """'/path;attr1=value1;attr2=value2' -> ('/path', ['attr1=value1',
    'attr2=value2'])."""
    first, *rest = url.split(';')
    return first, rest


def _splitvalue(attr):
    """'attr=value' -> ('attr', 'value')."""
    attr, equals, value = attr.partition('=')
    return attr, (value if equals else None)


def _to_bytes(url):
    """A str URL checked to be ASCII (the name is historical)."""
    if isinstance(url, str):
        try:
            url.encode('ASCII')
        except UnicodeError:
            raise UnicodeError('URL ' + repr(url) +
                               ' contains non-ASCII characters') from None
    return url


def _deprecated(helper, name, instead):
    def public(*args, **kwargs):
        import warnings
        message = 'urllib.parse.%s() is deprecated as of 3.8' % name
        if instead:
            message += ', use urllib.parse.%s() instead' % instead
        warnings.warn(message, DeprecationWarning, stacklevel=2)
        return helper(*args, **kwargs)
    public.__name__ = public.__qualname__ = name
    public.__doc__ = helper.__doc__
    return public


splittype = _deprecated(_splittype, 'splittype', 'urlparse')
splithost = _deprecated(_splithost, 'splithost', 'urlparse')
splituser = _deprecated(_splituser, 'splituser', 'urlparse')
splitpasswd = _deprecated(_splitpasswd, 'splitpasswd', 'urlparse')
splitport = _deprecated(_splitport, 'splitport', 'urlparse')
splitnport = _deprecated(_splitnport, 'splitnport', 'urlparse')
splitquery = _deprecated(_splitquery, 'splitquery', 'urlparse')
splittag = _deprecated(_splittag, 'splittag', 'urlparse')
splitattr = _deprecated(_splitattr, 'splitattr', 'urlparse')
splitvalue = _deprecated(_splitvalue, 'splitvalue', 'parse_qsl')
to_bytes = _deprecated(_to_bytes, 'to_bytes', None)
del _deprecated
