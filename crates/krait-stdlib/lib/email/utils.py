"""Miscellaneous helpers for e-mail: address and date headers, message
ids, quoting and RFC 2231 parameter values (krait implementation)."""

__all__ = [
    'collapse_rfc2231_value',
    'decode_params',
    'decode_rfc2231',
    'encode_rfc2231',
    'formataddr',
    'formatdate',
    'format_datetime',
    'getaddresses',
    'make_msgid',
    'mktime_tz',
    'parseaddr',
    'parsedate',
    'parsedate_tz',
    'parsedate_to_datetime',
    'quote',
    'unquote',
    'localtime',
]

import base64
import calendar
import datetime
import os
import random
import re
import time
import urllib.parse

COMMASPACE = ', '
EMPTYSTRING = ''
UEMPTYSTRING = ''
CRLF = '\r\n'
TICK = "'"

# Characters that force a display name into a quoted string, and the
# characters that must be backslash-escaped inside one.
specialsre = re.compile(r'[][\\()<>@,:;".]')
escapesre = re.compile(r'[\\"]')


def _has_surrogates(s):
    """True if s holds undecodable bytes smuggled in (CPython: lone
    surrogates from the surrogateescape handler; see _policybase)."""
    from email._policybase import _has_escapes
    return _has_escapes(s)


def _sanitize(string):
    # Swap smuggled undecodable bytes for the replacement character.
    from email._policybase import _encode_escaped
    return _encode_escaped(string, 'utf-8').decode('utf-8', 'replace')


# ---------------------------------------------------------------------------
# Quoting

def quote(str):
    """Backslash-escape the backslashes and double quotes of str."""
    return str.replace('\\', '\\\\').replace('"', '\\"')


def unquote(str):
    """Strip one pair of enclosing double quotes (undoing quote()) or angle
    brackets from str; anything else is returned as it is."""
    if len(str) > 1:
        if str.startswith('"') and str.endswith('"'):
            inner = str[1:-1]
            return inner.replace('\\\\', '\\').replace('\\"', '"')
        if str.startswith('<') and str.endswith('>'):
            return str[1:-1]
    return str


# ---------------------------------------------------------------------------
# Encoded display names (RFC 2047) for formataddr

_CHARSET_ALIASES = {
    'latin_1': 'iso-8859-1', 'latin-1': 'iso-8859-1',
    'latin_2': 'iso-8859-2', 'latin-2': 'iso-8859-2',
    'latin_3': 'iso-8859-3', 'latin-3': 'iso-8859-3',
    'latin_4': 'iso-8859-4', 'latin-4': 'iso-8859-4',
    'latin_5': 'iso-8859-9', 'latin-5': 'iso-8859-9',
    'latin_6': 'iso-8859-10', 'latin-6': 'iso-8859-10',
    'latin_7': 'iso-8859-13', 'latin-7': 'iso-8859-13',
    'latin_8': 'iso-8859-14', 'latin-8': 'iso-8859-14',
    'latin_9': 'iso-8859-15', 'latin-9': 'iso-8859-15',
    'latin_10': 'iso-8859-16', 'latin-10': 'iso-8859-16',
    'cp949': 'ks_c_5601-1987',
    'euc_jp': 'euc-jp',
    'euc_kr': 'euc-kr',
    'ascii': 'us-ascii',
}

_Q, _B, _SHORTER = 'q', 'b', 'shortest'

# charset -> (how headers are encoded, charset they are written in)
_CHARSET_RULES = {
    'us-ascii': (None, None),
    'iso-2022-jp': (_B, None),
    'euc-jp': (_B, 'iso-2022-jp'),
    'shift_jis': (_B, 'iso-2022-jp'),
    'big5': (_B, None),
    'gb2312': (_B, None),
    'koi8-r': (_B, None),
    'utf-8': (_SHORTER, 'utf-8'),
    'windows-1252': (_Q, None),
    'viscii': (_Q, None),
}
for _n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16):
    _CHARSET_RULES['iso-8859-%d' % _n] = (_Q, None)
del _n

_PYTHON_CODEC = {'gb2312': 'eucgb2312_cn', 'big5': 'big5_tw', 'us-ascii': None}

_Q_SAFE = frozenset(b'-!*+/abcdefghijklmnopqrstuvwxyz'
                    b'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')


def _q_encode(data):
    pieces = []
    for byte in data:
        if byte == 0x20:
            pieces.append('_')
        elif byte in _Q_SAFE:
            pieces.append(chr(byte))
        else:
            pieces.append('=%02X' % byte)
    return ''.join(pieces)


def _b_length(data):
    return (len(data) + 2) // 3 * 4


def _q_length(data):
    return sum(1 if (b == 0x20 or b in _Q_SAFE) else 3 for b in data)


def _encode_word(text, charset):
    """Encode text as one RFC 2047 encoded word in charset (a name)."""
    name = charset.lower()
    name = _CHARSET_ALIASES.get(name, name)
    method, written_as = _CHARSET_RULES.get(name, (_SHORTER, None))
    written_as = written_as or name
    codec = _PYTHON_CODEC.get(written_as, written_as) or 'us-ascii'
    data = text.encode(codec)
    if method is None:
        return text
    if method == _SHORTER:
        method = _B if _b_length(data) < _q_length(data) else _Q
    if method == _B:
        payload = base64.b64encode(data).decode('ascii')
    else:
        payload = _q_encode(data)
    return '=?%s?%s?%s?=' % (written_as, method, payload)


def formataddr(pair, charset='utf-8'):
    """Turn a (realname, email_address) pair into a header value such as
    '"Real Name" <addr@example.com>'.  A non-ASCII name is encoded as an
    RFC 2047 word in charset (a name or an object with header_encode());
    the address must be ASCII."""
    name, address = pair
    address.encode('ascii')
    if not name:
        return address
    try:
        name.encode('ascii')
    except UnicodeEncodeError:
        if isinstance(charset, str):
            word = _encode_word(name, charset)
        else:
            word = charset.header_encode(name)
        return "%s <%s>" % (word, address)
    if specialsre.search(name):
        name = '"%s"' % escapesre.sub(r'\\\g<0>', name)
    return '%s <%s>' % (name, address)


# ---------------------------------------------------------------------------
# Parsing address lists (RFC 2822, leniently)

_SPECIALS = '()<>@,:;."[]'
_BLANKS = ' \t'
_LINE_ENDS = '\r\n'
_ATOM_STOPS = _SPECIALS + _BLANKS + _LINE_ENDS
# A phrase may contain dots (obsolete syntax, as in "Mr. Smith").
_WORD_STOPS = _ATOM_STOPS.replace('.', '')


class _AddressScanner:
    """Reads a list of addresses out of a header value.  Malformed input
    never raises: what cannot be understood gives empty entries."""

    def __init__(self, text):
        self.text = text
        self.at = 0
        self.comments = []

    def _more(self):
        return self.at < len(self.text)

    def _peek(self):
        return self.text[self.at] if self.at < len(self.text) else ''

    def skip_cfws(self):
        """Skip blanks, line breaks and comments (keeping the comments);
        return the blanks skipped."""
        blanks = []
        while self._more():
            ch = self.text[self.at]
            if ch in _BLANKS:
                blanks.append(ch)
                self.at += 1
            elif ch in _LINE_ENDS:
                self.at += 1
            elif ch == '(':
                self.comments.append(self.comment())
            else:
                break
        return ''.join(blanks)

    def delimited(self, opener, closers, comments_inside):
        """The text after the opener at the current position, up to one of
        closers (backslash escapes a character); nested comments are kept
        without their parentheses when comments_inside."""
        if self._peek() != opener:
            return ''
        self.at += 1
        found = []
        escaped = False
        while self._more():
            ch = self.text[self.at]
            if escaped:
                found.append(ch)
                escaped = False
            elif ch in closers:
                self.at += 1
                break
            elif comments_inside and ch == '(':
                found.append(self.comment())
                continue
            elif ch == '\\':
                escaped = True
            else:
                found.append(ch)
            self.at += 1
        return ''.join(found)

    def quoted_string(self):
        return self.delimited('"', '"\r', False)

    def comment(self):
        return self.delimited('(', ')\r', True)

    def domain_literal(self):
        return '[' + self.delimited('[', ']\r', False) + ']'

    def atom(self, stops=_ATOM_STOPS):
        start = self.at
        while self._more() and self.text[self.at] not in stops:
            self.at += 1
        return self.text[start:self.at]

    def phrase(self):
        """The words (atoms and quoted strings) of a display name."""
        words = []
        while self._more():
            ch = self.text[self.at]
            if ch in _BLANKS or ch in _LINE_ENDS:
                self.at += 1
            elif ch == '"':
                words.append(self.quoted_string())
            elif ch == '(':
                self.comments.append(self.comment())
            elif ch in _WORD_STOPS:
                break
            else:
                words.append(self.atom(_WORD_STOPS))
        return words

    def domain(self):
        parts = []
        while self._more():
            ch = self.text[self.at]
            if ch in _BLANKS:
                self.at += 1
            elif ch == '(':
                self.comments.append(self.comment())
            elif ch == '[':
                parts.append(self.domain_literal())
            elif ch == '.':
                self.at += 1
                parts.append('.')
            elif ch == '@':
                # A second '@' (as in a@b@c): refuse the whole domain.
                return ''
            elif ch in _ATOM_STOPS:
                break
            else:
                parts.append(self.atom())
        return ''.join(parts)

    def addr_spec(self):
        """local-part@domain, or just a local part when no '@' follows;
        '' when the domain is unusable."""
        local = []

        def drop_trailing_blank():
            if local and not local[-1].strip():
                local.pop()

        self.skip_cfws()
        while self._more():
            ch = self.text[self.at]
            keep_blanks = True
            if ch == '.':
                drop_trailing_blank()
                local.append('.')
                self.at += 1
                keep_blanks = False
            elif ch == '"':
                local.append('"%s"' % quote(self.quoted_string()))
            elif ch in _ATOM_STOPS:
                drop_trailing_blank()
                break
            else:
                local.append(self.atom())
            blanks = self.skip_cfws()
            if keep_blanks and blanks:
                local.append(blanks)
        if self._peek() != '@':
            return ''.join(local)
        self.at += 1
        self.skip_cfws()
        domain = self.domain()
        if not domain:
            return ''
        return ''.join(local) + '@' + domain

    def angle_addr(self):
        """<[@route,...:]addr-spec>; the route is read and dropped."""
        self.at += 1
        self.skip_cfws()
        found = ''
        in_route = False
        while self._more():
            ch = self.text[self.at]
            if in_route:
                self.domain()
                in_route = False
            elif ch == '>':
                self.at += 1
                break
            elif ch == '@':
                self.at += 1
                in_route = True
            elif ch == ':':
                self.at += 1
            else:
                found = self.addr_spec()
                self.at += 1
                break
            self.skip_cfws()
        return found

    def group(self):
        """The members of 'name: a, b;' once the colon is reached."""
        members = []
        self.at += 1
        while self._more():
            self.skip_cfws()
            if self._peek() == ';':
                self.at += 1
                break
            members.extend(self.address())
        return members

    def address(self):
        """The next address (or group of them) as (name, addr) pairs."""
        self.comments = []
        self.skip_cfws()
        start, start_comments = self.at, self.comments
        words = self.phrase()
        self.skip_cfws()
        ch = self._peek()
        found = []
        if not ch:
            if words:
                found = [(' '.join(self.comments), words[0])]
        elif ch in '.@':
            # A bare addr-spec: read it again from the start.
            self.at, self.comments = start, start_comments
            spec = self.addr_spec()
            found = [(' '.join(self.comments), spec)]
        elif ch == ':':
            found = self.group()
        elif ch == '<':
            spec = self.angle_addr()
            name = ' '.join(words)
            if self.comments:
                name += ' (' + ' '.join(self.comments) + ')'
            found = [(name, spec)]
        elif words:
            found = [(' '.join(self.comments), words[0])]
        elif ch in _SPECIALS:
            self.at += 1
        self.skip_cfws()
        if self._peek() == ',':
            self.at += 1
        return found

    def address_list(self):
        result = []
        while self._more():
            pairs = self.address()
            result.extend(pairs if pairs else [('', '')])
        return result


def _address_list(text):
    if not text:
        return []
    return _AddressScanner(text).address_list()


def getaddresses(fieldvalues):
    """All the (realname, email_address) pairs found in a sequence of
    header values."""
    joined = COMMASPACE.join(str(value) for value in fieldvalues)
    return _address_list(joined)


def parseaddr(addr):
    """The first (realname, email_address) pair of addr, or ('', '')
    when nothing can be parsed."""
    pairs = _address_list(addr)
    return pairs[0] if pairs else ('', '')


# ---------------------------------------------------------------------------
# Dates (RFC 2822)

_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun',
           'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
_LONG_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july',
                'august', 'september', 'october', 'november', 'december']
_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

_DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
                'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

# Zone names RFC 822 knows, as +HHMM numbers (military zones are left out).
_ZONES = {'UT': 0, 'UTC': 0, 'GMT': 0, 'Z': 0,
          'AST': -400, 'ADT': -300,
          'EST': -500, 'EDT': -400,
          'CST': -600, 'CDT': -500,
          'MST': -700, 'MDT': -600,
          'PST': -800, 'PDT': -700}


def _month_number(word):
    word = word.lower()
    if word in _MONTHS:
        return _MONTHS.index(word) + 1
    if word in _LONG_MONTHS:
        return _LONG_MONTHS.index(word) + 1
    return None


def _split_clock(text):
    """Hours, minutes and seconds (as strings) of 'hh:mm[:ss]' (or with
    dots), or None."""
    pieces = text.split(':')
    if len(pieces) == 1 and '.' in text:
        pieces = text.split('.')
    if len(pieces) == 2:
        return pieces[0], pieces[1], '0'
    if len(pieces) == 3:
        return tuple(pieces)
    return None


def _zone_seconds(zone):
    """The offset east of UTC, in seconds, of a zone name or +hhmm; None
    when unknown (or '-0000', which means 'unknown')."""
    zone = zone.upper()
    if zone in _ZONES:
        number = _ZONES[zone]
    else:
        try:
            number = int(zone)
        except ValueError:
            return None
        if number == 0 and zone.startswith('-'):
            return None
    if not number:
        return number
    sign = -1 if number < 0 else 1
    hours, minutes = divmod(abs(number), 100)
    return sign * (hours * 3600 + minutes * 60)


def _parsedate_tz(data):
    """Parse a date header into a 10-list: the nine time.struct_time
    fields (weekday and yearday are dummies, isdst is -1) and the zone
    offset in seconds (None when not given).  None if unparseable."""
    if not data:
        return None
    words = data.split()
    if not words:
        return None
    # An optional day of the week, whose comma may lack a following blank.
    if words[0].endswith(',') or words[0].lower() in _WEEKDAYS:
        words = words[1:]
    else:
        comma = words[0].rfind(',')
        if comma >= 0:
            words[0] = words[0][comma + 1:]
    if len(words) == 3:
        # RFC 850 form: dd-mon-yy hh:mm:ss zone
        dashed = words[0].split('-')
        if len(dashed) == 3:
            words = dashed + words[1:]
    if len(words) == 4:
        # The zone may be glued to the time: 12:00:00+0100
        last = words[3]
        cut = last.find('+')
        if cut == -1:
            cut = last.find('-')
        if cut > 0:
            words[3:] = [last[:cut], last[cut:]]
        else:
            words.append('')
    if len(words) < 5:
        return None
    day, month, year, clock, zone = words[:5]
    if not (day and month and year):
        return None
    number = _month_number(month)
    if number is None:
        # Month first: "Jan 02 2003 ...".
        day, month = month, day
        number = _month_number(month)
        if number is None:
            return None
    if day[-1] == ',':
        day = day[:-1]
    if year.find(':') > 0:
        # Time before year, as in ctime() output.
        year, clock = clock, year
    if year[-1] == ',':
        year = year[:-1]
    if not year[0].isdigit():
        year, zone = zone, year
    if clock[-1] == ',':
        clock = clock[:-1]
    hms = _split_clock(clock)
    if hms is None:
        return None
    try:
        year = int(year)
        day = int(day)
        hour, minute, second = (int(x) for x in hms)
    except ValueError:
        return None
    if year < 100:
        # Two-digit years, as the POSIX strptime %y reads them.
        year += 1900 if year > 68 else 2000
    offset = _zone_seconds(zone)
    return [year, number, day, hour, minute, second, 0, 1, -1, offset]


def parsedate_tz(data):
    """Like parsedate(), with the zone offset in seconds as a tenth item
    (0 when none is given)."""
    fields = _parsedate_tz(data)
    if not fields:
        return None
    if fields[9] is None:
        fields[9] = 0
    return tuple(fields)


def parsedate(data):
    """Parse a date header into a 9-tuple usable with time.mktime(), or
    None."""
    fields = parsedate_tz(data)
    if isinstance(fields, tuple):
        return fields[:9]
    return fields


def mktime_tz(data):
    """The POSIX timestamp of a 10-tuple from parsedate_tz()."""
    if data[9] is None:
        # No zone: take it as local time.
        return time.mktime(data[:8] + (-1,))
    return calendar.timegm(data) - data[9]


def parsedate_to_datetime(data):
    """Parse a date header into a datetime: aware when it gives a zone,
    naive when the zone is '-0000' or missing."""
    fields = _parsedate_tz(data)
    if fields is None:
        raise ValueError('Invalid date value or format "%s"' % str(data))
    offset = fields[9]
    if offset is None:
        return datetime.datetime(*fields[:6])
    zone = datetime.timezone(datetime.timedelta(seconds=offset))
    return datetime.datetime(*fields[:6], tzinfo=zone)


def _format_timetuple_and_zone(timetuple, zone):
    return '%s, %02d %s %04d %02d:%02d:%02d %s' % (
        _DAY_NAMES[timetuple[6]], timetuple[2], _MONTH_NAMES[timetuple[1] - 1],
        timetuple[0], timetuple[3], timetuple[4], timetuple[5], zone)


def formatdate(timeval=None, localtime=False, usegmt=False):
    """An RFC 2822 date string for the POSIX time timeval (now when None),
    e.g. 'Fri, 09 Nov 2001 01:08:47 -0000'.  localtime gives the local
    zone's time and offset; usegmt writes 'GMT' instead of '+0000'."""
    if timeval is None:
        timeval = time.time()
    stamp = datetime.datetime.fromtimestamp(timeval, datetime.timezone.utc)
    if localtime:
        return format_datetime(stamp.astimezone(), False)
    if not usegmt:
        # Naive UTC: written with the '-0000' zone.
        stamp = stamp.replace(tzinfo=None)
    return format_datetime(stamp, usegmt)


def format_datetime(dt, usegmt=False):
    """An RFC 2822 date string for a datetime.  Naive datetimes are
    taken as UTC with unknown zone ('-0000'); usegmt needs an aware UTC
    datetime and writes 'GMT'."""
    fields = dt.timetuple()
    if usegmt:
        if dt.tzinfo is None or dt.tzinfo != datetime.timezone.utc:
            raise ValueError("usegmt option requires a UTC datetime")
        zone = 'GMT'
    elif dt.tzinfo is None:
        zone = '-0000'
    else:
        zone = dt.strftime("%z")
    return _format_timetuple_and_zone(fields, zone)


def localtime(dt=None, isdst=-1):
    """dt (now when None) as an aware datetime in the local zone.  A
    naive dt is taken as local time; isdst says whether summer time is
    in force (-1: find out)."""
    if dt is None:
        return datetime.datetime.now(datetime.timezone.utc).astimezone()
    if dt.tzinfo is not None:
        return dt.astimezone()
    fields = dt.timetuple()[:-1] + (isdst,)
    seconds = time.mktime(fields)
    local = time.localtime(seconds)
    try:
        zone = datetime.timezone(datetime.timedelta(seconds=local.tm_gmtoff),
                                 local.tm_zone)
    except AttributeError:
        offset = datetime.datetime.fromtimestamp(seconds) - \
            datetime.datetime.utcfromtimestamp(seconds)
        name = time.tzname[1 if local.tm_isdst > 0 else 0]
        zone = datetime.timezone(offset, name)
    return dt.replace(tzinfo=zone)


# ---------------------------------------------------------------------------
# Message ids

def make_msgid(idstring=None, domain=None):
    """A new unique Message-ID such as
    '<142480216486.20800.16526388040877946887@nightshade.la.mastaler.com>';
    idstring is added to the unique part, domain replaces the host name."""
    hundredths = int(time.time() * 100)
    unique = random.getrandbits(64)
    extra = '' if idstring is None else '.' + idstring
    if domain is None:
        import platform
        domain = platform.node() or 'localhost'
    return '<%d.%d.%d%s@%s>' % (hundredths, os.getpid(), unique, extra, domain)


# ---------------------------------------------------------------------------
# RFC 2231 parameter values

def decode_rfc2231(s):
    """Split "charset'language'text" into its three parts; a value
    without two ticks gives (None, None, s)."""
    parts = s.split(TICK, 2)
    if len(parts) < 3:
        return None, None, s
    return parts


def encode_rfc2231(s, charset=None, language=None):
    """Percent-encode s in charset; with a charset or language, prefix
    them in the charset'language' form."""
    s = urllib.parse.quote(s, safe='', encoding=charset or 'ascii')
    if charset is None and language is None:
        return s
    return "%s'%s'%s" % (charset, language or '', s)


rfc2231_continuation = re.compile(r'^(?P<name>\w+)\*((?P<num>[0-9]+)\*?)?$',
                                  re.ASCII)


def decode_params(params):
    """Decode a list of (name, value) parameters, joining RFC 2231
    continuations (name*0, name*1...) and decoding name* values.  The
    first pair is passed through unchanged."""
    result = [params[0]]
    pieces = {}
    order = []
    for name, value in params[1:]:
        encoded = name.endswith('*')
        value = unquote(value)
        match = rfc2231_continuation.match(name)
        if not match:
            result.append((name, '"%s"' % quote(value)))
            continue
        base = match.group('name')
        num = match.group('num')
        if base not in pieces:
            pieces[base] = []
            order.append(base)
        pieces[base].append((int(num) if num is not None else None, value, encoded))
    for base in order:
        chunks = pieces[base]
        chunks.sort(key=lambda c: (c[0] is not None, c[0] or 0))
        texts = []
        any_encoded = False
        for num, value, encoded in chunks:
            if encoded:
                value = urllib.parse.unquote(value, encoding='latin-1')
                any_encoded = True
            texts.append(value)
        value = quote(EMPTYSTRING.join(texts))
        if any_encoded:
            charset, language, text = decode_rfc2231(value)
            result.append((base, (charset, language, '"%s"' % text)))
        else:
            result.append((base, '"%s"' % value))
    return result


def collapse_rfc2231_value(value, errors='replace',
                           fallback_charset='us-ascii'):
    """Turn a value as decode_params() gives it into a str: a
    (charset, language, text) triple is decoded with its charset, a plain
    string is unquoted."""
    if not isinstance(value, tuple) or len(value) != 3:
        return unquote(value)
    charset, language, text = value
    if charset is None:
        charset = fallback_charset
    raw = bytes(text, 'raw-unicode-escape')
    try:
        return str(raw, charset, errors)
    except LookupError:
        return unquote(text)
