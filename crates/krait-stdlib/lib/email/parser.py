"""Parsers turning a file or string of e-mail text into a Message object
model (krait implementation); all of them drive a FeedParser."""

__all__ = ['Parser', 'HeaderParser',
           'BytesParser', 'BytesHeaderParser',
           'FeedParser', 'BytesFeedParser']

from io import StringIO

from email import feedparser as _fp
from email import _policybase

FeedParser = _fp.FeedParser
BytesFeedParser = _fp.BytesFeedParser
compat32 = _policybase.compat32
_decode_escaped = _policybase._decode_escaped

_CHUNK = 8192


def _run(feeder, source, only_headers):
    if only_headers:
        feeder._set_headersonly()
    while True:
        block = source.read(_CHUNK)
        if not block:
            return feeder.close()
        feeder.feed(block)


class Parser:
    def __init__(self, _class=None,
                 *, policy=compat32):
        self._class = _class
        self.policy = policy

    def parse(self, fp,
              headersonly=False):
        feeder = FeedParser(self._class,
                            policy=self.policy)
        return _run(feeder, fp, headersonly)

    def parsestr(self, text,
                 headersonly=False):
        source = StringIO(text)
        return self.parse(source,
                          headersonly=headersonly)


class HeaderParser(Parser):
    def parse(self, fp,
              headersonly=True):
        return Parser.parse(self, fp, True)

    def parsestr(self, text,
                 headersonly=True):
        return Parser.parsestr(self, text, True)


class _DecodedBinary:
    """Read side of a binary file seen as text: ASCII with undecodable
    bytes smuggled, universal newlines."""

    def __init__(self, fp):
        self._fp = fp
        self._held_cr = False

    def read(self, size=-1):
        data = self._fp.read(size)
        if not data:
            if self._held_cr:
                self._held_cr = False
                return '\n'
            return ''
        text = _decode_escaped(data)
        if self._held_cr:
            text = '\r' + text
            self._held_cr = False
        if text.endswith('\r'):
            text = text[:-1]
            self._held_cr = True
        text = text.replace('\r\n', '\n').replace('\r', '\n')
        if not text and self._held_cr:
            return self.read(size)
        return text


class BytesParser:
    def __init__(self, *args, **kw):
        self.parser = Parser(*args, **kw)

    def parse(self, fp,
              headersonly=False):
        source = _DecodedBinary(fp)
        return self.parser.parse(source,
                                 headersonly)

    def parsebytes(self, text,
                   headersonly=False):
        decoded = _decode_escaped(text)
        return self.parser.parsestr(decoded,
                                    headersonly)


class BytesHeaderParser(BytesParser):
    def parse(self, fp,
              headersonly=True):
        return BytesParser.parse(self, fp,
                                 headersonly=True)

    def parsebytes(self, text,
                   headersonly=True):
        return BytesParser.parsebytes(self, text,
                                      headersonly=True)
