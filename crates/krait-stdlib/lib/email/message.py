"""The Message object model of the email package (krait implementation):
Message (compat32 semantics), and MIMEPart / EmailMessage with the
content-oriented API."""

__all__ = ['Message',
           'EmailMessage']

import binascii
import quopri
import re
from io import BytesIO, StringIO

from email import errors, utils
from email import _policybase

compat32 = _policybase.compat32
_decode_escaped = _policybase._decode_escaped
_encode_escaped = _policybase._encode_escaped
_has_escapes = _policybase._has_escapes

SEMISPACE = '; '

# Characters that force a parameter value into a quoted string.
tspecials = re.compile('[%s]' % re.escape(' ()<>@,;:\\"/[]?='))

_MISSING = object()
_UU_NAMES = frozenset(['x-uuencode', 'uuencode', 'uue', 'x-uue'])


def _splitparam(param):
    head, sep, tail = str(param).partition(';')
    if sep:
        return head.strip(), tail.strip()
    return head.strip(), None


def _formatparam(param, value=None, quote=True):
    """Render one parameter as name=value (quoting or RFC 2231 encoding the
    value as needed); an empty value gives the bare name."""
    if not value:
        return param
    if isinstance(value, tuple):
        cs, lang, text = value
        encoded = utils.encode_rfc2231(text, cs, lang)
    elif not value.isascii():
        encoded = utils.encode_rfc2231(value, 'utf-8', '')
    elif quote or tspecials.search(value):
        return '{}="{}"'.format(param, utils.quote(value))
    else:
        return '{}={}'.format(param, value)
    return '{}*={}'.format(param, encoded)


def _parseparam(s):
    """Split a header value at the semicolons that are not inside quoted
    strings; parameter names are lowercased."""
    text = str(s)
    result = []
    start = 0
    while True:
        end = text.find(';', start)
        while end > 0:
            chunk = text[start:end]
            if (chunk.count('"') - chunk.count('\\"')) % 2 == 0:
                break
            end = text.find(';', end + 1)
        piece = text[start:] if end < 0 else text[start:end]
        if '=' in piece:
            k, _, v = piece.partition('=')
            piece = '='.join([k.strip().lower(), v.strip()])
        result.append(piece.strip())
        if end < 0:
            return result
        start = end + 1


def _unquotevalue(value):
    if not isinstance(value, tuple):
        return utils.unquote(value)
    cs, lang, text = value
    return cs, lang, utils.unquote(text)


def _decode_base64_body(data):
    """Decode base64 body bytes leniently; returns (bytes, defects)."""
    import base64
    attempts = []
    extra = len(data) % 4
    if extra:
        attempts.append((data + b'==='[:4 - extra], True,
                         [errors.InvalidBase64PaddingDefect]))
    else:
        attempts.append((data, True, []))
    attempts.append((data, False, [errors.InvalidBase64CharactersDefect]))
    attempts.append((data + b'==', False,
                     [errors.InvalidBase64CharactersDefect,
                      errors.InvalidBase64PaddingDefect]))
    for blob, strict, kinds in attempts:
        try:
            decoded = base64.b64decode(blob, validate=strict)
        except (binascii.Error, ValueError):
            continue
        return decoded, [kind() for kind in kinds]
    return data, [errors.InvalidBase64LengthDefect()]


def _uu_line(line):
    # Decode one uuencoded line (a2b_uu semantics, tolerant of the
    # trailing junk some encoders leave).
    if not line:
        return b''
    count = (line[0] - 32) & 63
    sextets = [(c - 32) & 63 for c in line[1:]]
    need = (count * 4 + 2) // 3
    sextets += [0] * (need + 4 - len(sextets))
    out = bytearray()
    for k in range(0, need, 4):
        a, b, c, d = sextets[k:k + 4]
        word = (a << 18) | (b << 12) | (c << 6) | d
        out += word.to_bytes(3, 'big')
    return bytes(out[:count])


def _decode_uu(data):
    lines = data.splitlines()
    pos = 0
    while True:
        if pos >= len(lines):
            raise ValueError('`begin` line not found')
        line = lines[pos]
        pos += 1
        if not line.startswith(b'begin '):
            continue
        mode = line[6:].partition(b' ')[0]
        try:
            int(mode, 8)
        except ValueError:
            continue
        break
    chunks = []
    for line in lines[pos:]:
        if not line:
            raise ValueError('Truncated input')
        if line.strip(b' \t\r\n\f') == b'end':
            break
        chunks.append(_uu_line(line))
    return b''.join(chunks)


def _to_bytes_for_decoding(text):
    try:
        return text.encode('ascii')
    except UnicodeError:
        return text.encode('raw-unicode-escape')


_ATTACH_ERROR = ('Attach is not valid on a message with a non-multipart '
                 'payload')
_TOO_MANY = 'There may be at most {} {} headers in a message'


class Message:
    """A message: an ordered list of headers plus a payload (a string, or a
    list of Message objects for multipart messages)."""

    def __init__(self, policy=compat32):
        self.policy = policy
        self._headers = []
        self._unixfrom = self._payload = self._charset = None
        self.preamble = self.epilogue = None
        self.defects = []
        self._default_type = 'text/plain'

    def __str__(self):
        return self.as_string()

    def _flat(self, buffer, maker, unixfrom, policy, **extra):
        if policy is None:
            policy = self.policy
        writer = maker(buffer, mangle_from_=False, policy=policy, **extra)
        writer.flatten(self, unixfrom=unixfrom)
        return buffer.getvalue()

    def as_string(self, unixfrom=False,
                  maxheaderlen=0, policy=None):
        from email import generator
        return self._flat(StringIO(), generator.Generator, unixfrom,
                          policy, maxheaderlen=maxheaderlen)

    def __bytes__(self):
        return self.as_bytes()

    def as_bytes(self, unixfrom=False,
                 policy=None):
        from email import generator
        return self._flat(BytesIO(), generator.BytesGenerator, unixfrom,
                          policy)

    def is_multipart(self):
        return isinstance(self._payload, list)

    def set_unixfrom(self, unixfrom):
        self._unixfrom = unixfrom

    def get_unixfrom(self):
        return self._unixfrom

    # -- payload

    def attach(self, payload):
        current = self._payload
        if current is None:
            self._payload = [payload]
        elif isinstance(current, list):
            current.append(payload)
        else:
            raise TypeError(_ATTACH_ERROR)

    def get_payload(self, i=None,
                    decode=False):
        body = self._payload
        if self.is_multipart():
            if decode:
                return None
            if i is None:
                return body
            return body[i]
        if i is not None:
            raise TypeError('Expected list, got %s' % (type(body),))
        raw = None
        if isinstance(body, str):
            if _has_escapes(body):
                raw = _encode_escaped(body, 'ascii')
                if not decode:
                    try:
                        cs = self.get_param('charset', 'ascii')
                        return raw.decode(cs, 'replace')
                    except LookupError:
                        return raw.decode('ascii', 'replace')
            elif decode:
                raw = _to_bytes_for_decoding(body)
        if not decode:
            return body
        cte = self.get('content-transfer-encoding', '')
        cte = str(cte).lower()
        if cte == 'base64':
            joined = b''.join(raw.splitlines())
            value, found = _decode_base64_body(joined)
            for defect in found:
                self.policy.handle_defect(self, defect)
            return value
        if cte == 'quoted-printable':
            return quopri.decodestring(raw)
        if cte in _UU_NAMES:
            try:
                return _decode_uu(raw)
            except ValueError:
                return raw
        return raw if isinstance(body, str) else body

    def set_payload(self, payload,
                    charset=None):
        if hasattr(payload, 'encode'):
            if charset is None:
                self._payload = payload
                return
            charset = self._as_charset(charset)
            payload = payload.encode(charset.output_charset)
        self._payload = (_decode_escaped(payload)
                         if hasattr(payload, 'decode') else payload)
        if charset is not None:
            self.set_charset(charset)

    @staticmethod
    def _as_charset(charset):
        from email import charset as _cs
        if isinstance(charset, _cs.Charset):
            return charset
        return _cs.Charset(charset)

    def set_charset(self, charset):
        if charset is None:
            self.del_param('charset')
            self._charset = None
            return
        charset = self._as_charset(charset)
        self._charset = charset
        out_name = charset.get_output_charset()
        if 'mime-version' not in self:
            self.add_header('MIME-Version', '1.0')
        if 'content-type' in self:
            self.set_param('charset', out_name)
        else:
            self.add_header('Content-Type', 'text/plain',
                            charset=out_name)
        if charset != out_name:
            self._payload = charset.body_encode(self._payload)
        if 'content-transfer-encoding' in self:
            return
        encoding = charset.get_body_encoding()
        if callable(encoding):
            encoding(self)
            return
        body = self._payload
        if body:
            try:
                body = _encode_escaped(body, 'ascii')
            except UnicodeError:
                body = body.encode(charset.output_charset)
        self._payload = charset.body_encode(body)
        self.add_header('Content-Transfer-Encoding', encoding)

    def get_charset(self):
        return self._charset

    # -- header access, mapping style.  Names compare case-insensitively;
    # values go through the policy on the way in and out.

    def _matching(self, name):
        key = name.lower()
        return [(k, v) for k, v in self._headers if k.lower() == key]

    def __len__(self):
        return len(self._headers)

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, val):
        limit = self.policy.header_max_count(name)
        if limit and len(self._matching(name)) >= limit:
            raise ValueError(_TOO_MANY.format(limit, name))
        stored = self.policy.header_store_parse(name, val)
        self._headers.append(stored)

    def __delitem__(self, name):
        key = name.lower()
        self._headers = [pair for pair in self._headers
                         if pair[0].lower() != key]

    def __contains__(self, name):
        key = name.lower()
        return any(k.lower() == key for k, _ in self._headers)

    def __iter__(self):
        for pair in self._headers:
            yield pair[0]

    def keys(self):
        return [pair[0] for pair in self._headers]

    def values(self):
        fetch = self.policy.header_fetch_parse
        return [fetch(k, v) for k, v in self._headers]

    def items(self):
        fetch = self.policy.header_fetch_parse
        return [(k, fetch(k, v)) for k, v in self._headers]

    def get(self, name, failobj=None):
        found = self._matching(name)
        if not found:
            return failobj
        return self.policy.header_fetch_parse(*found[0])

    def set_raw(self, name, value):
        self._headers.append((name, value))

    def raw_items(self):
        return iter(list(self._headers))

    def get_all(self, name, failobj=None):
        fetch = self.policy.header_fetch_parse
        found = [fetch(k, v) for k, v in self._matching(name)]
        return found or failobj

    def add_header(self, _name, _value,
                   **_params):
        parts = [] if _value is None else [_value]
        for key, val in _params.items():
            key = key.replace('_', '-')
            parts.append(key if val is None else _formatparam(key, val))
        self[_name] = SEMISPACE.join(parts)

    def replace_header(self, _name,
                       _value):
        key = _name.lower()
        for pos, (k, v) in enumerate(self._headers):
            if k.lower() == key:
                new = self.policy.header_store_parse(k, _value)
                self._headers[pos] = new
                return
        raise KeyError(_name)

    # -- content type

    def get_content_type(self):
        value = self.get('content-type', _MISSING)
        if value is _MISSING:
            return self.get_default_type()
        ctype = _splitparam(value)[0].lower()
        return ctype if ctype.count('/') == 1 else 'text/plain'

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_default_type(self):
        return self._default_type

    def set_default_type(self, ctype):
        self._default_type = ctype

    def _get_params_preserve(self, failobj,
                             header):
        value = self.get(header, _MISSING)
        if value is _MISSING:
            return failobj
        pairs = []
        for piece in _parseparam(value):
            k, eq, v = piece.partition('=')
            pairs.append((k.strip(), v.strip()))
        return utils.decode_params(pairs)

    def get_params(self, failobj=None,
                   header='content-type',
                   unquote=True):
        found = self._get_params_preserve(_MISSING, header)
        if found is _MISSING:
            return failobj
        if unquote:
            found = [(k, _unquotevalue(v)) for k, v in found]
        return found

    def get_param(self, param, failobj=None,
                  header='content-type',
                  unquote=True):
        if header not in self:
            return failobj
        want = param.lower()
        for k, v in self._get_params_preserve(failobj, header):
            if k.lower() == want:
                return _unquotevalue(v) if unquote else v
        return failobj

    def set_param(self, param, value,
                  header='Content-Type',
                  requote=True, charset=None,
                  language='', replace=False):
        if charset and not isinstance(value, tuple):
            value = charset, language, value
        if header.lower() == 'content-type' and header not in self:
            ctype = 'text/plain'
        else:
            ctype = self.get(header)
        if self.get_param(param, header=header):
            want = param.lower()
            rendered = []
            for old, old_value in self.get_params(header=header,
                                                  unquote=requote):
                if old.lower() == want:
                    old, old_value = param, value
                rendered.append(_formatparam(old, old_value, requote))
            new = _join_nonempty(rendered)
        else:
            piece = _formatparam(param, value, requote)
            new = SEMISPACE.join([ctype, piece]) if ctype else piece
        if new == self.get(header):
            return
        if replace:
            self.replace_header(header, new)
        else:
            del self[header]
            self[header] = new

    def del_param(self, param,
                  header='content-type',
                  requote=True):
        if header not in self:
            return
        want = param.lower()
        kept = [_formatparam(p, v, requote)
                for p, v in self.get_params(header=header, unquote=requote)
                if p.lower() != want]
        new = _join_nonempty(kept)
        if new != self.get(header):
            del self[header]
            self[header] = new

    def set_type(self, type,
                 header='Content-Type',
                 requote=True):
        if type.count('/') != 1:
            raise ValueError
        if header.lower() == 'content-type':
            del self['mime-version']
            self['MIME-Version'] = '1.0'
        if header not in self:
            self[header] = type
            return
        old = self.get_params(header=header, unquote=requote)
        del self[header]
        self[header] = type
        for p, v in old[1:]:
            self.set_param(p, v, header, requote)

    def get_filename(self, failobj=None):
        found = self.get_param('filename', _MISSING,
                               'content-disposition')
        if found is _MISSING:
            found = self.get_param('name', _MISSING, 'content-type')
            if found is _MISSING:
                return failobj
        return utils.collapse_rfc2231_value(found).strip()

    def get_boundary(self, failobj=None):
        found = self.get_param('boundary', _MISSING)
        if found is _MISSING:
            return failobj
        return utils.collapse_rfc2231_value(found).rstrip()

    def set_boundary(self, boundary):
        params = self._get_params_preserve(_MISSING, 'content-type')
        if params is _MISSING:
            raise errors.HeaderParseError(
                'No Content-Type header found')
        quoted = '"%s"' % boundary
        fresh = [('boundary', quoted) if k.lower() == 'boundary' else (k, v)
                 for k, v in params]
        if not any(k.lower() == 'boundary' for k, _ in params):
            fresh.append(('boundary', quoted))
        text = SEMISPACE.join([k if v == '' else k + '=' + v
                               for k, v in fresh])
        store = self.policy.header_store_parse
        self._headers = [store(k, text) if k.lower() == 'content-type'
                         else (k, v) for k, v in self._headers]

    def get_content_charset(self, failobj=None):
        found = self.get_param('charset', _MISSING)
        if found is _MISSING:
            return failobj
        if isinstance(found, tuple):
            cs, _, text = found
            try:
                found = str(text.encode('raw-unicode-escape'),
                            cs or 'us-ascii')
            except (LookupError, UnicodeError):
                found = text
        if found.isascii():
            return found.lower()
        return failobj

    def get_charsets(self, failobj=None):
        return [sub.get_content_charset(failobj) for sub in self.walk()]

    def get_content_disposition(self):
        found = self.get('content-disposition')
        if found is None:
            return None
        return _splitparam(found)[0].lower()

    def walk(self):
        yield self
        if self.is_multipart():
            for sub in self.get_payload():
                yield from sub.walk()


def _join_nonempty(pieces):
    out = ''
    for piece in pieces:
        out = SEMISPACE.join([out, piece]) if out else piece
    return out


# ---------------------------------------------------------------------------
# The content manager behind get_content()/set_content() for the basic
# types: text as str, other leaf types as bytes, message/* as Message.

def _b64_lines(data, max_line_length):
    step = max_line_length // 4 * 3
    return ''.join(binascii.b2a_base64(data[i:i + step]).decode('ascii')
                   for i in range(0, len(data), step))


def _text_body(string, charset, cte, policy):
    lines = string.encode(charset).splitlines()
    sep = policy.linesep.encode('ascii')
    plain = b'\n'.join(lines) + b'\n'
    if cte is None:
        longest = max([len(x) for x in lines], default=0)
        if longest <= policy.max_line_length:
            if plain.isascii():
                return '7bit', plain.decode('ascii')
            if policy.cte_type == '8bit':
                return '8bit', _decode_escaped(plain)
        from email import quoprimime
        sniff = sep.join(lines[:10]) + sep
        sniff_qp = quoprimime.body_encode(sniff.decode('latin-1'),
                                          policy.max_line_length)
        if len(sniff_qp) > len(binascii.b2a_base64(sniff)):
            cte = 'base64'
        else:
            cte = 'quoted-printable'
            if len(lines) <= 10:
                return cte, sniff_qp
    if cte == '7bit':
        return cte, plain.decode('ascii')
    if cte == '8bit':
        return cte, _decode_escaped(plain)
    if cte == 'quoted-printable':
        from email import quoprimime
        return cte, quoprimime.body_encode(plain.decode('latin-1'),
                                           policy.max_line_length)
    if cte == 'base64':
        return cte, _b64_lines(sep.join(lines) + sep, policy.max_line_length)
    raise ValueError("Unknown content transfer encoding {}".format(cte))


class _RawDataManager:
    def get_content(self, msg, *args, **kw):
        ctype = msg.get_content_type()
        maintype = msg.get_content_maintype()
        if maintype == 'text':
            return self._get_text(msg, *args, **kw)
        if maintype == 'multipart':
            raise KeyError(ctype)
        if maintype == 'message':
            if ctype in ('message/rfc822', 'message/external-body'):
                return msg.get_payload(0)
            return bytes(msg.get_payload(0))
        return msg.get_payload(decode=True)

    @staticmethod
    def _get_text(msg, errors='replace'):
        content = msg.get_payload(decode=True)
        charset = msg.get_param('charset', 'ASCII')
        return content.decode(charset, errors=errors)

    def set_content(self, msg, obj, *args, **kw):
        if msg.get_content_maintype() == 'multipart':
            raise TypeError("set_content not valid on multipart")
        if isinstance(obj, str):
            handler = self._set_text
        elif isinstance(obj, (bytes, bytearray, memoryview)):
            handler = self._set_bytes
        elif isinstance(obj, Message):
            handler = self._set_message
        else:
            raise KeyError(type(obj).__qualname__)
        msg.clear_content()
        handler(msg, obj, *args, **kw)

    @staticmethod
    def _prepare(msg, maintype, subtype, headers):
        msg['Content-Type'] = maintype + '/' + subtype
        if headers:
            for line in headers:
                if hasattr(line, 'name'):
                    msg[line.name] = line
                else:
                    name, value = msg.policy.header_source_parse([line])
                    msg[name] = value

    @staticmethod
    def _finish(msg, disposition, filename, cid, params):
        if disposition is None and filename is not None:
            disposition = 'attachment'
        if disposition is not None:
            msg['Content-Disposition'] = disposition
        if filename is not None:
            msg.set_param('filename', filename,
                          header='Content-Disposition', replace=True)
        if cid is not None:
            msg['Content-ID'] = cid
        if params is not None:
            for key, value in params.items():
                msg.set_param(key, value)

    def _set_text(self, msg, string, subtype='plain',
                  charset='utf-8', cte=None, disposition=None,
                  filename=None, cid=None, params=None, headers=None):
        self._prepare(msg, 'text', subtype, headers)
        cte, payload = _text_body(string, charset, cte, msg.policy)
        msg.set_payload(payload)
        try:
            from email.charset import ALIASES
            shown = ALIASES.get(charset, charset)
        except ImportError:
            shown = charset
        msg.set_param('charset', shown, replace=True)
        msg['Content-Transfer-Encoding'] = cte
        self._finish(msg, disposition, filename, cid, params)

    def _set_bytes(self, msg, data, maintype, subtype,
                   cte='base64', disposition=None, filename=None,
                   cid=None, params=None, headers=None):
        self._prepare(msg, maintype, subtype, headers)
        if cte == 'base64':
            data = _b64_lines(data, msg.policy.max_line_length)
        elif cte == 'quoted-printable':
            qp = getattr(binascii, 'b2a_qp', None)
            if qp is None:
                qp = quopri._b2a_qp     # krait: binascii has no b2a_qp
            data = qp(data, istext=False, header=False,
                      quotetabs=True).decode('ascii')
        elif cte == '7bit':
            data = bytes(data).decode('ascii')
        elif cte in ('8bit', 'binary'):
            data = _decode_escaped(data)
        msg.set_payload(data)
        msg['Content-Transfer-Encoding'] = cte
        self._finish(msg, disposition, filename, cid, params)

    def _set_message(self, msg, message, subtype='rfc822',
                     cte=None, disposition=None, filename=None,
                     cid=None, params=None, headers=None):
        if subtype == 'partial':
            raise ValueError("message/partial is not supported for Message "
                             "objects")
        if subtype == 'rfc822':
            if cte not in (None, '7bit', '8bit', 'binary'):
                raise ValueError("message/rfc822 parts do not support "
                                 "cte={}".format(cte))
            cte = '8bit' if cte is None else cte
        elif subtype == 'external-body':
            if cte not in (None, '7bit'):
                raise ValueError("message/external-body parts do not "
                                 "support cte={}".format(cte))
            cte = '7bit'
        elif cte is None:
            cte = '7bit'
        self._prepare(msg, 'message', subtype, headers)
        msg.set_payload([message])
        msg['Content-Transfer-Encoding'] = cte
        self._finish(msg, disposition, filename, cid, params)


_raw_data_manager = _RawDataManager()


def _is_content_header(name):
    return name.lower().startswith('content-')


class MIMEPart(Message):

    def __init__(self, policy=None):
        if policy is None:
            from email import policy as _policies
            policy = _policies.default
        Message.__init__(self, policy)

    def as_string(self, unixfrom=False,
                  maxheaderlen=None, policy=None):
        chosen = self.policy if policy is None else policy
        if maxheaderlen is None:
            maxheaderlen = chosen.max_line_length
        return Message.as_string(self, unixfrom, maxheaderlen, chosen)

    def __str__(self):
        wide = self.policy.clone(utf8=True)
        return self.as_string(policy=wide)

    def is_attachment(self):
        disposition = self.get('content-disposition')
        if disposition is None:
            return False
        return _splitparam(disposition)[0].lower() == 'attachment'

    def _find_body(self, part, preferencelist):
        # Yields (rank in preferencelist, part) for body candidates.
        if part.is_attachment():
            return
        kind, sub = part.get_content_type().split('/')
        if kind == 'text':
            if sub in preferencelist:
                yield preferencelist.index(sub), part
        elif kind == 'multipart' and self.is_multipart():
            if sub == 'related':
                yield from self._related_body(part, preferencelist)
            else:
                for child in part.iter_parts():
                    yield from self._find_body(child, preferencelist)

    def _related_body(self, part, preferencelist):
        if 'related' in preferencelist:
            yield preferencelist.index('related'), part
        root = None
        start = part.get_param('start')
        if start:
            for child in part.iter_parts():
                if child['content-id'] == start:
                    root = child
                    break
        if root is None:
            children = part.get_payload()
            if children:
                root = children[0]
        if root is not None:
            yield from self._find_body(root, preferencelist)

    def get_body(self, preferencelist=('related',
                                       'html',
                                       'plain')):
        best_rank = len(preferencelist)
        best = None
        for rank, candidate in self._find_body(self, preferencelist):
            if rank < best_rank:
                best_rank, best = rank, candidate
                if not rank:
                    break
        return best

    _body_types = {('text', 'plain'),
                   ('text', 'html'),
                   ('multipart', 'related'),
                   ('multipart', 'alternative')}

    def iter_attachments(self):
        kind, sub = self.get_content_type().split('/')
        if kind != 'multipart' or sub == 'alternative':
            return
        children = self.get_payload()
        if not isinstance(children, list):
            return
        children = list(children)
        if sub == 'related':
            start = self.get_param('start')
            if start:
                rest = [c for c in children if c.get('content-id') != start]
                if len(rest) < len(children):
                    yield from rest
                    return
            yield from children[1:]
            return
        bodies_seen = set()
        for child in children:
            ctype = tuple(child.get_content_type().split('/'))
            is_body = (ctype in self._body_types
                       and ctype[1] not in bodies_seen
                       and not child.is_attachment())
            if is_body:
                bodies_seen.add(ctype[1])
            else:
                yield child

    def iter_parts(self):
        if self.is_multipart():
            yield from self.get_payload()

    def get_content(self, *args,
                    content_manager=None, **kw):
        manager = content_manager
        if manager is None:
            manager = self.policy.content_manager
        return manager.get_content(self, *args, **kw)

    def set_content(self, *args,
                    content_manager=None, **kw):
        manager = content_manager
        if manager is None:
            manager = self.policy.content_manager
        manager.set_content(self, *args, **kw)

    def _make_multipart(self, subtype,
                        disallowed_subtypes, boundary):
        if self.get_content_maintype() == 'multipart':
            have = self.get_content_subtype()
            if have == subtype or have in disallowed_subtypes:
                raise ValueError(
                    "Cannot convert {} to {}".format(have, subtype))
        moved = []
        kept = []
        for pair in self._headers:
            (moved if _is_content_header(pair[0]) else kept).append(pair)
        if moved:
            wrapped = type(self)(policy=self.policy)
            wrapped._headers = moved
            wrapped._payload = self._payload
            self._payload = [wrapped]
        else:
            self._payload = []
        self._headers = kept
        self['Content-Type'] = 'multipart/%s' % subtype
        if boundary is not None:
            self.set_param('boundary', boundary)

    def make_related(self, boundary=None):
        self._make_multipart('related',
                             ('alternative', 'mixed'), boundary)

    def make_alternative(self, boundary=None):
        self._make_multipart('alternative',
                             ('mixed',), boundary)

    def make_mixed(self, boundary=None):
        self._make_multipart('mixed', (), boundary)

    def _add_multipart(self, _subtype, *args,
                       _disp=None, **kw):
        same = (self.get_content_maintype() == 'multipart'
                and self.get_content_subtype() == _subtype)
        if not same:
            getattr(self, 'make_%s' % _subtype)()
        child = type(self)(policy=self.policy)
        child.set_content(*args, **kw)
        if _disp and 'content-disposition' not in child:
            child['Content-Disposition'] = _disp
        self.attach(child)

    def add_related(self, *args, **kw):
        self._add_multipart('related', *args,
                            _disp='inline', **kw)

    def add_alternative(self, *args, **kw):
        self._add_multipart('alternative', *args,
                            **kw)

    def add_attachment(self, *args, **kw):
        self._add_multipart('mixed', *args,
                            _disp='attachment', **kw)

    def clear(self):
        self._headers = []
        self._payload = None

    def clear_content(self):
        self._headers = [pair for pair in self._headers
                         if not _is_content_header(pair[0])]
        self._payload = None


class EmailMessage(MIMEPart):

    def set_content(self, *args, **kw):
        MIMEPart.set_content(self, *args, **kw)
        if 'mime-version' not in self:
            self['MIME-Version'] = '1.0'


# CPython's email.message brings these modules in with it, and programs
# reach them as attributes of the package afterwards.
try:
    import email.charset
    import email.header
    import email.iterators
except ImportError:
    pass
