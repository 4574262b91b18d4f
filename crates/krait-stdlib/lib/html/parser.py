"""A parser for HTML and XHTML documents.

HTMLParser is fed text with feed(); as markup is recognised, the
handle_*() methods are called.  Subclasses override those to do the work.
"""

import re
from html import unescape

__all__ = ['HTMLParser']


# ---------------------------------------------------------------------------
# Token patterns.  They are assembled from small pieces so that the start tag
# scanner and the attribute scanner agree on the grammar.

_WS = r'\s'
_TAG_NAME = r'[a-zA-Z][^\t\n\r\f />\x00]*'
# an attribute may only start after a quote, whitespace or a slash
_ATTR_NAME = r'(?<=[\'"\s/])[^\s/>][^\s/=>]*'
_ATTR_VALUE = r'(?:\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*)'
_ATTR_SEP = r'(?:\s|/(?!>))*'

_any_markup = re.compile(r'[&<]')
_half_ref = re.compile(r'&[a-zA-Z#]')
_named_ref = re.compile(r'&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]')
_num_ref = re.compile(r'&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]')
_tag_open = re.compile(r'<[a-zA-Z]')
_space_or_semi = re.compile(r'[\s;]')
_tag_name = re.compile('(' + _TAG_NAME + ')' + _ATTR_SEP)
_attribute = re.compile(
    '(' + _ATTR_NAME + r')(\s*=+\s*(' + _ATTR_VALUE + '))?' + _ATTR_SEP)
_start_tag_extent = re.compile(
    '<' + _TAG_NAME +
    r'(?:[\s/]*(?:' + _ATTR_NAME + r'(?:\s*=+\s*' + _ATTR_VALUE + r'\s*)?'
    + _ATTR_SEP + r')*)?\s*')
_end_tag = re.compile(r'</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>')
_comment_end = re.compile(r'--\s*>')
_section_end = re.compile(r']\s*]\s*>')
_ms_section_end = re.compile(r']\s*>')
_decl_word = re.compile(r'[a-zA-Z][-_.a-zA-Z0-9]*\s*')

_STANDARD_SECTIONS = frozenset(("temp", "cdata", "ignore", "include", "rcdata"))
_MS_SECTIONS = frozenset(("if", "else", "endif"))
_TAG_CONTINUES = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")


class HTMLParser:
    """Tokenising HTML parser: feed() text, close() at the end, and
    override the handle_*() callbacks.  With convert_charrefs (default)
    references in text are decoded before handle_data(); otherwise they
    arrive through handle_charref() / handle_entityref()."""

    CDATA_CONTENT_ELEMENTS = 'script', 'style'


    # source of the most recent start tag (kept across reset())
    _starttag_text = None

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    # -- state ------------------------------------------------------------

    def reset(self):
        """Forget all state, including unparsed buffered text."""
        self.rawdata = ''
        self.lasttag = '???'
        self.interesting = _any_markup
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0

    def feed(self, data):
        """Feed data to the parser.

        Call this as often as you want, with as little or as much text as
        you want (may include '\\n').
        """
        self.rawdata += data
        self.goahead(0)

    def close(self):
        """Flush whatever is still buffered."""
        self.goahead(1)

    def getpos(self):
        """Return current line number and offset."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """Source text of the latest start tag, or None."""
        return self._starttag_text

    def set_cdata_mode(self, elem):
        name = self.cdata_elem = elem.lower()
        self.interesting = re.compile('</\\s*' + name + '\\s*>', re.I)

    def clear_cdata_mode(self):
        self.interesting = _any_markup
        self.cdata_elem = None

    def updatepos(self, i, j):
        # advance lineno/offset over rawdata[i:j]
        if i >= j:
            return j
        text = self.rawdata
        newlines = text.count("\n", i, j)
        if newlines:
            self.lineno += newlines
            self.offset = j - (text.rindex("\n", i, j) + 1)
        else:
            self.offset += j - i
        return j

    # -- the main loop ----------------------------------------------------

    def _text(self, s):
        if self.cdata_elem is None and self.convert_charrefs:
            s = unescape(s)
        self.handle_data(s)

    def _next_markup(self, i, n):
        """Return the index where the next markup starts, or None to wait."""
        raw = self.rawdata
        if self.cdata_elem is None and self.convert_charrefs:
            j = raw.find('<', i)
            if j >= 0:
                return j
            # No more tags: a reference might be cut in half at the end of
            # the buffer, in which case wait for more text.
            amp = raw.rfind('&', max(i, n - 34))
            if amp >= 0 and not _space_or_semi.search(raw, amp):
                return None
            return n
        m = self.interesting.search(raw, i)
        if m is not None:
            return m.start()
        if self.cdata_elem:
            return None
        return n

    def _dispatch_lt(self, i, n):
        raw = self.rawdata
        if _tag_open.match(raw, i):
            return self.parse_starttag(i)
        if raw.startswith("</", i):
            return self.parse_endtag(i)
        if raw.startswith("<!--", i):
            return self.parse_comment(i)
        if raw.startswith("<?", i):
            return self.parse_pi(i)
        if raw.startswith("<!", i):
            return self.parse_html_declaration(i)
        if i + 1 < n:
            self.handle_data("<")
            return i + 1
        return None

    def goahead(self, end):
        raw = self.rawdata
        i = 0
        n = len(raw)
        while i < n:
            j = self._next_markup(i, n)
            if j is None:
                break
            if i < j:
                self._text(raw[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if raw.startswith('<', i):
                k = self._dispatch_lt(i, n)
                if k is None:
                    break
                if k < 0:
                    if not end:
                        break
                    # not a complete construct: treat it as text
                    k = raw.find('>', i + 1)
                    if k < 0:
                        k = raw.find('<', i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k += 1
                    self._text(raw[i:k])
                i = self.updatepos(i, k)
            elif raw.startswith("&#", i):
                m = _num_ref.match(raw, i)
                if m is not None:
                    self.handle_charref(m.group()[2:-1])
                    k = m.end()
                    if raw[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                if ";" in raw[i:]:
                    # give up on it: pass '&#' on as text
                    self.handle_data(raw[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            elif raw.startswith('&', i):
                m = _named_ref.match(raw, i)
                if m is not None:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if raw[k - 1] != ';':
                        k -= 1
                    i = self.updatepos(i, k)
                    continue
                m = _half_ref.match(raw, i)
                if m is not None:
                    if end and m.group() == raw[i:]:
                        k = m.end()
                        if k <= i:
                            k = n
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data("&")
                    i = self.updatepos(i, i + 1)
                else:
                    break
            else:
                raise AssertionError("interesting.search() lied")
        if end and i < n and not self.cdata_elem:
            self._text(raw[i:n])
            i = self.updatepos(i, n)
        self.rawdata = raw[i:]

    # -- markup constructs ------------------------------------------------

    def parse_html_declaration(self, i):
        raw = self.rawdata
        if raw[i:i + 2] != '<!':
            raise AssertionError('unexpected call to parse_html_declaration()')
        if raw.startswith('<!--', i):
            return self.parse_comment(i)
        if raw.startswith('<![', i):
            return self.parse_marked_section(i)
        if raw[i:i + 9].lower() == '<!doctype':
            gt = raw.find('>', i + 9)
            if gt < 0:
                return -1
            self.handle_decl(raw[i + 2:gt])
            return gt + 1
        return self.parse_bogus_comment(i)

    def parse_bogus_comment(self, i, report=1):
        raw = self.rawdata
        if raw[i:i + 2] not in ('<!', '</'):
            raise AssertionError('unexpected call to parse_comment()')
        gt = raw.find('>', i + 2)
        if gt < 0:
            return -1
        if report:
            self.handle_comment(raw[i + 2:gt])
        return gt + 1

    def parse_comment(self, i, report=1):
        raw = self.rawdata
        if raw[i:i + 4] != '<!--':
            raise AssertionError('unexpected call to parse_comment()')
        m = _comment_end.search(raw, i + 4)
        if m is None:
            return -1
        if report:
            self.handle_comment(raw[i + 4:m.start()])
        return m.end()

    def parse_marked_section(self, i, report=1):
        raw = self.rawdata
        if raw[i:i + 3] != '<![':
            raise AssertionError('unexpected call to parse_marked_section()')
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in _STANDARD_SECTIONS:
            m = _section_end.search(raw, i + 3)
        elif name in _MS_SECTIONS:
            m = _ms_section_end.search(raw, i + 3)
        else:
            raise AssertionError(
                'unknown status keyword %r in marked section' % raw[i + 3:j])
        if m is None:
            return -1
        if report:
            self.unknown_decl(raw[i + 3:m.start()])
        return m.end()

    def _scan_name(self, i, declstart):
        raw = self.rawdata
        n = len(raw)
        if i == n:
            return None, -1
        m = _decl_word.match(raw, i)
        if m is None:
            self.updatepos(declstart, i)
            raise AssertionError(
                "expected name token at %r" % raw[declstart:declstart + 20])
        if m.end() == n:
            return None, -1
        return m.group().strip().lower(), m.end()

    def parse_pi(self, i):
        raw = self.rawdata
        if raw[i:i + 2] != '<?':
            raise AssertionError('unexpected call to parse_pi()')
        gt = raw.find('>', i + 2)
        if gt < 0:
            return -1
        self.handle_pi(raw[i + 2:gt])
        return gt + 1

    def check_for_whole_start_tag(self, i):
        raw = self.rawdata
        m = _start_tag_extent.match(raw, i)
        if m is None:
            raise AssertionError("we should not get here!")
        j = m.end()
        c = raw[j:j + 1]
        if c == ">":
            return j + 1
        if c == "/":
            if raw.startswith("/>", j):
                return j + 2
            if raw.startswith("/", j):
                # the buffer ends in the middle of "/>"
                return -1
            return j if j > i else i + 1
        if c == "":
            return -1
        if c in _TAG_CONTINUES:
            # the tag is still being written
            return -1
        return j if j > i else i + 1

    def parse_starttag(self, i):
        self._starttag_text = None
        endpos = self.check_for_whole_start_tag(i)
        if endpos < 0:
            return endpos
        raw = self.rawdata
        self._starttag_text = raw[i:endpos]

        m = _tag_name.match(raw, i + 1)
        if m is None:
            raise AssertionError('unexpected call to parse_starttag()')
        k = m.end()
        tag = m.group(1).lower()
        self.lasttag = tag
        attrs = []
        while k < endpos:
            m = _attribute.match(raw, k)
            if m is None:
                break
            name, has_value, value = m.group(1, 2, 3)
            if not has_value:
                value = None
            else:
                if len(value) >= 2 and value[0] == value[-1] and value[0] in '\'"':
                    value = value[1:-1]
                if value:
                    value = unescape(value)
            attrs.append((name.lower(), value))
            k = m.end()

        rest = raw[k:endpos].strip()
        if rest not in (">", "/>"):
            self.handle_data(raw[i:endpos])
            return endpos
        if rest.endswith('/>'):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return endpos

    def parse_endtag(self, i):
        raw = self.rawdata
        if raw[i:i + 2] != "</":
            raise AssertionError("unexpected call to parse_endtag")
        gt = raw.find('>', i + 1)
        if gt < 0:
            return -1
        gtpos = gt + 1
        m = _end_tag.match(raw, i)
        if m is None:
            if self.cdata_elem is not None:
                self.handle_data(raw[i:gtpos])
                return gtpos
            nm = _tag_name.match(raw, i + 2)
            if nm is None:
                if raw[i:i + 3] == '</>':
                    return i + 3
                return self.parse_bogus_comment(i)
            tagname = nm.group(1).lower()
            # anything between the name and the '>' is ignored
            gt = raw.find('>', nm.end())
            self.handle_endtag(tagname)
            return gt + 1

        elem = m.group(1).lower()
        if self.cdata_elem is not None and elem != self.cdata_elem:
            self.handle_data(raw[i:gtpos])
            return gtpos
        self.handle_endtag(elem)
        self.clear_cdata_mode()
        return gtpos

    # -- overridable handlers ---------------------------------------------

    def handle_startendtag(self, tag, attrs):
        """An XHTML-style empty tag <tag ... />."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
