"""An incremental e-mail parser (krait implementation).

Data is pushed in with feed() in pieces of any size; close() finishes the
parse and returns the root message.  The parse itself is a generator that
pauses (yielding NeedMoreData) whenever the input runs dry."""

__all__ = ['FeedParser',
           'BytesFeedParser']

import re
from collections import deque

from email import errors
from email import _policybase

compat32 = _policybase.compat32
_decode_escaped = _policybase._decode_escaped

_EOL = '\r\n|\r|\n'
NLCRE = re.compile(_EOL)
NLCRE_bol = re.compile('(%s)' % _EOL)
NLCRE_eol = re.compile('(%s)\\Z' % _EOL)
NLCRE_crack = re.compile('(%s)' % _EOL)
# A header line: "From " envelope, a field name (printable ASCII but
# the colon) with its colon, or a continuation starting with whitespace.
headerRE = re.compile('^(From |[\x21-\x39\x3b-\x7e]*:|[\t ])')
EMPTYSTRING = ''
NL = '\n'

NeedMoreData = object()


def _strip_eol(text):
    found = NLCRE_eol.search(text)
    if found is None:
        return text
    return text[:found.start()]


class BufferedSubFile(object):
    """Line source for the parser: complete lines pushed so far, with a
    stack of predicates that make readline() report a false end of file
    (used at multipart boundaries)."""

    def __init__(self):
        self._partial = ''
        self._lines = deque()
        self._eofstack = []
        self._closed = False

    def push_eof_matcher(self, pred):
        self._eofstack.append(pred)

    def pop_eof_matcher(self):
        matchers = self._eofstack
        return matchers.pop()

    def close(self):
        rest, self._partial = self._partial, ''
        if rest:
            self._lines.append(rest)
        self._closed = True

    def readline(self):
        pending = self._lines
        if not pending:
            return '' if self._closed else NeedMoreData
        line = pending.popleft()
        if any(stop(line) for stop in self._eofstack):
            pending.appendleft(line)
            return ''
        return line

    def unreadline(self, line):
        assert line is not NeedMoreData
        self._lines.appendleft(line)

    def push(self, data):
        # Only \r\n, \r and \n end lines.  A trailing \r is held back
        # in case the next piece starts with the \n of a \r\n.
        pieces = NLCRE_crack.split(self._partial + data)
        tail = pieces.pop()
        if not tail and pieces and pieces[-1] == '\r':
            tail = pieces.pop(-2) + pieces.pop()
        self._partial = tail
        whole = [pieces[k] + pieces[k + 1]
                 for k in range(0, len(pieces), 2)]
        self.pushlines(whole)

    def pushlines(self, lines):
        self._lines.extend(lines)

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if line == '':
            raise StopIteration
        return line


def _make_factory(factory, policy):
    """(callable making an empty message, whether it takes policy=)."""
    if factory is None:
        factory = policy.message_factory
        if factory is None:
            from email.message import Message
            factory = Message
        return factory, True
    try:
        factory(policy=policy)
    except TypeError:
        return factory, False
    return factory, True


class FeedParser:
    """A feed-style parser of email."""

    def __init__(self, _factory=None,
                 *, policy=compat32):
        self.policy = policy
        self._factory, takes_policy = _make_factory(_factory, policy)
        self._old_style_factory = not takes_policy
        self._input = BufferedSubFile()
        self._msgstack = []
        self._cur = self._last = None
        self._headersonly = False
        self._parse = self._parsegen().__next__

    def _set_headersonly(self):
        self._headersonly = True

    def feed(self, data):
        self._input.push(data)
        self._call_parse()

    def _call_parse(self):
        try:
            self._parse()
        except StopIteration:
            pass

    def close(self):
        self._input.close()
        self._call_parse()
        root = self._pop_message()
        assert not self._msgstack
        broken = (root.get_content_maintype() == 'multipart'
                  and not root.is_multipart())
        if broken and not self._headersonly:
            defect = errors.MultipartInvariantViolationDefect()
            self.policy.handle_defect(root, defect)
        return root

    def _new_message(self):
        if self._old_style_factory:
            fresh = self._factory()
        else:
            fresh = self._factory(policy=self.policy)
        parent = self._cur
        if parent and parent.get_content_type() == 'multipart/digest':
            fresh.set_default_type('message/rfc822')
        stack = self._msgstack
        if stack:
            stack[-1].attach(fresh)
        stack.append(fresh)
        self._cur = self._last = fresh

    def _pop_message(self):
        stack = self._msgstack
        done = stack.pop()
        self._cur = stack[-1] if stack else None
        return done

    def _defect(self, target, defect):
        self.policy.handle_defect(target, defect)

    # The parse proper.  Every loop that reads lines yields NeedMoreData
    # back to feed() when the buffer runs dry, and resumes on the next feed.

    def _lines_to_eof(self):
        """Generator helper: collect all remaining lines (up to a real or
        matcher-made end of file); the list is the StopIteration value."""
        collected = []
        for line in self._input:
            if line is NeedMoreData:
                yield line
            else:
                collected.append(line)
        return collected

    def _next_line(self):
        while True:
            line = self._input.readline()
            if line is not NeedMoreData:
                return line
            yield line

    def _sub_parse(self):
        for step in self._parsegen():
            if step is not NeedMoreData:
                return
            yield step

    def _read_header_block(self):
        block = []
        for line in self._input:
            if line is NeedMoreData:
                yield line
                continue
            if headerRE.match(line):
                block.append(line)
                continue
            if not NLCRE.match(line):
                # Body text with no blank line before it.
                self._defect(self._cur,
                             errors.MissingHeaderBodySeparatorDefect())
                self._input.unreadline(line)
            break
        return block

    def _parsegen(self):
        self._new_message()
        block = yield from self._read_header_block()
        self._parse_headers(block)
        cur = self._cur

        if self._headersonly:
            rest = []
            while True:
                line = yield from self._next_line()
                if line == '':
                    break
                rest.append(line)
            cur.set_payload(EMPTYSTRING.join(rest))
            return

        if cur.get_content_type() == 'message/delivery-status':
            yield from self._parse_status_blocks()
        elif cur.get_content_maintype() == 'message':
            yield from self._sub_parse()
            self._pop_message()
        elif cur.get_content_maintype() == 'multipart':
            yield from self._parse_multipart(cur)
        else:
            rest = yield from self._lines_to_eof()
            cur.set_payload(EMPTYSTRING.join(rest))

    def _parse_status_blocks(self):
        # Each blank-line separated block of headers is its own message.
        while True:
            self._input.push_eof_matcher(NLCRE.match)
            yield from self._sub_parse()
            self._pop_message()
            self._input.pop_eof_matcher()
            yield from self._next_line()
            line = yield from self._next_line()
            if line == '':
                return
            self._input.unreadline(line)

    def _parse_multipart(self, cur):
        boundary = cur.get_boundary()
        if boundary is None:
            self._defect(cur, errors.NoBoundaryInMultipartDefect())
            rest = yield from self._lines_to_eof()
            cur.set_payload(EMPTYSTRING.join(rest))
            return
        cte = cur.get('content-transfer-encoding', '8bit')
        if str(cte).lower() not in ('7bit', '8bit', 'binary'):
            self._defect(
                cur, errors.InvalidMultipartContentTransferEncodingDefect())
        marker = re.compile(
            '(?P<sep>%s)(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>%s)?$'
            % (re.escape('--' + boundary), _EOL))
        in_preamble = True
        preamble = []
        closing_sep = None
        closed = False
        while True:
            line = yield from self._next_line()
            if line == '':
                break
            found = marker.match(line)
            if found is None:
                # Only the preamble can hold non-boundary lines here; the
                # parts themselves are read by the nested parse.
                preamble.append(line)
            elif found.group('end'):
                closed = True
                closing_sep = found.group('linesep')
                break
            elif in_preamble:
                if preamble:
                    preamble[-1] = _strip_eol(preamble[-1])
                    cur.preamble = EMPTYSTRING.join(preamble)
                in_preamble = False
                self._input.unreadline(line)
            else:
                yield from self._parse_one_part(marker)

        if in_preamble:
            self._defect(cur, errors.StartBoundaryNotFoundDefect())
            cur.set_payload(EMPTYSTRING.join(preamble))
            yield from self._lines_to_eof()
            cur.epilogue = ''
        elif not closed:
            self._defect(cur, errors.CloseBoundaryNotFoundDefect())
        else:
            tail = yield from self._lines_to_eof()
            if closing_sep:
                tail.insert(0, '')
            if tail:
                lead = NLCRE_bol.match(tail[0])
                if lead:
                    tail[0] = tail[0][lead.end():]
            cur.epilogue = EMPTYSTRING.join(tail)

    def _parse_one_part(self, marker):
        # Skip over repeated boundary lines.
        while True:
            line = yield from self._next_line()
            if not marker.match(line):
                self._input.unreadline(line)
                break
        self._input.push_eof_matcher(marker.match)
        yield from self._sub_parse()
        # The line break before a boundary belongs to the boundary.
        last = self._last
        if last.get_content_maintype() != 'multipart':
            if isinstance(last._payload, str):
                last._payload = _strip_eol(last._payload)
        elif last.epilogue == '':
            last.epilogue = None
        elif last.epilogue is not None:
            last.epilogue = _strip_eol(last.epilogue)
        self._input.pop_eof_matcher()
        self._pop_message()
        self._last = self._cur

    def _parse_headers(self, lines):
        cur = self._cur
        store = self.policy.header_source_parse
        pending = []
        final = len(lines) - 1
        for index, line in enumerate(lines):
            if line[0] in ' \t':
                if pending:
                    pending.append(line)
                else:
                    self._defect(
                        cur, errors.FirstHeaderLineIsContinuationDefect(line))
                continue
            if pending:
                cur.set_raw(*store(pending))
                pending = []
            if line.startswith('From '):
                if index == 0:
                    cur.set_unixfrom(_strip_eol(line))
                elif index == final:
                    # Most likely the first body line; give it back.
                    self._input.unreadline(line)
                    return
                else:
                    cur.defects.append(
                        errors.MisplacedEnvelopeHeaderDefect(line))
                continue
            colon = line.find(':')
            if colon == 0:
                cur.defects.append(
                    errors.InvalidHeaderDefect("Missing header name."))
                continue
            assert colon > 0, ("_parse_headers fed line with no : and no "
                               "leading WS")
            pending = [line]
        if pending:
            cur.set_raw(*store(pending))


class BytesFeedParser(FeedParser):
    """Like FeedParser, but feed accepts bytes."""

    def feed(self, data):
        FeedParser.feed(self, _decode_escaped(data))
