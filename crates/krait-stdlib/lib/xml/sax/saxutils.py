"""Helpers for SAX applications: text escaping, an XMLGenerator that
writes SAX events back out as XML, a pass-through XMLFilterBase, and
prepare_input_source (krait implementation)."""

import codecs
import io
import os
import sys

from . import handler
from . import xmlreader

_XML_NS = "http://www.w3.org/XML/1998/namespace"


_BASIC_ESCAPES = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"))
_BASIC_UNESCAPES = (("&lt;", "<"), ("&gt;", ">"))


def _substitute(text, pairs):
    for raw, replacement in pairs:
        text = text.replace(raw, replacement)
    return text


def escape(data, entities={}):
    """Escape '&', '<' and '>' in a string of data.  More replacements
    can be given as a dictionary of raw string to replacement; they are
    applied after the basic three."""
    return _substitute(_substitute(data, _BASIC_ESCAPES), entities.items())


def unescape(data, entities={}):
    """Undo escape(): turn '&lt;', '&gt;' and '&amp;' (and any extra
    entities given, as a dictionary of entity to text) back into the
    characters they stand for."""
    data = _substitute(_substitute(data, _BASIC_UNESCAPES), entities.items())
    # '&amp;' goes last, so that '&amp;lt;' gives '&lt;' and not '<'.
    return data.replace("&amp;", "&")


# Whitespace that attribute value normalisation would otherwise eat.
_ATTR_WHITESPACE = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def quoteattr(data, entities={}):
    """Escape data for use as an attribute value and put it in quotes,
    choosing the quote character that needs the least escaping (double
    quotes are escaped as '&quot;' only when both kinds occur)."""
    table = dict(entities)
    table.update(_ATTR_WHITESPACE)
    data = escape(data, table)
    if '"' not in data:
        return '"%s"' % data
    if "'" not in data:
        return "'%s'" % data
    return '"%s"' % data.replace('"', "&quot;")


class _EncodingSink:
    """Wraps a binary stream so that text written to it is encoded, with
    characters outside the encoding written as character references."""

    def __init__(self, raw, encoding):
        self._raw = raw
        # Incremental, so that a byte order mark is written only once.
        make = codecs.getincrementalencoder(encoding)
        self._encode = make("xmlcharrefreplace").encode

    def write(self, text):
        self._raw.write(self._encode(text))

    def flush(self):
        flush = getattr(self._raw, "flush", None)
        if flush is not None:
            flush()


def _gettextwriter(out, encoding):
    """Return an object with write(str) and flush() that sends output to
    out: sys.stdout when out is None, out itself for text streams, an
    encoding wrapper otherwise."""
    if out is None:
        return sys.stdout
    if isinstance(out, (io.TextIOBase, codecs.StreamWriter,
                        codecs.StreamReaderWriter)):
        return out
    return _EncodingSink(out, encoding)


class XMLGenerator(handler.ContentHandler):
    """A ContentHandler that writes the events it receives to a stream
    as XML text.

    out is a text stream, or a binary one written in encoding (characters
    the encoding lacks become character references); None means
    sys.stdout.  With short_empty_elements, elements without content are
    written as <tag/>."""

    def __init__(self, out=None, encoding="iso-8859-1", short_empty_elements=False):
        handler.ContentHandler.__init__(self)
        sink = _gettextwriter(out, encoding)
        self._write, self._flush = sink.write, sink.flush
        self._encoding = encoding
        self._short_empty_elements = short_empty_elements
        # The prefix in scope for each namespace URI; saved on a stack
        # when a mapping starts and restored when it ends.
        self._prefix_of = {}
        self._saved_scopes = []
        # Mappings not yet written as xmlns attributes.
        self._new_mappings = []
        # A start tag whose '>' waits to see whether the element is empty.
        self._open_tag = False

    def _qname(self, name):
        """The qualified name under which (uri, localname) is written."""
        uri, local = name
        if not uri:
            return local
        if uri == _XML_NS:
            return "xml:" + local
        prefix = self._prefix_of[uri]
        return prefix + ":" + local if prefix else local

    def _close_start_tag(self):
        if self._open_tag:
            self._open_tag = False
            self._write(">")

    def _start_tag(self, qname, extra, attrs, name_of):
        self._close_start_tag()
        text = ["<", qname]
        text.extend(extra)
        for key, value in attrs.items():
            text.append(" %s=%s" % (name_of(key), quoteattr(value)))
        self._write("".join(text))
        if self._short_empty_elements:
            self._open_tag = True
        else:
            self._write(">")

    def _end_tag(self, qname):
        if self._open_tag:
            self._open_tag = False
            self._write("/>")
        else:
            self._write("</%s>" % qname)

    def _as_text(self, content):
        if isinstance(content, str):
            return content
        return str(content, self._encoding)

    # ContentHandler methods

    def startDocument(self):
        self._write('<?xml version="1.0" encoding="%s"?>\n' % self._encoding)

    def endDocument(self):
        self._flush()

    def startPrefixMapping(self, prefix, uri):
        self._saved_scopes.append(dict(self._prefix_of))
        self._prefix_of[uri] = prefix
        self._new_mappings.append((prefix, uri))

    def endPrefixMapping(self, prefix):
        self._prefix_of = self._saved_scopes.pop()

    def startElement(self, name, attrs):
        self._start_tag(name, (), attrs, str)

    def endElement(self, name):
        self._end_tag(name)

    def startElementNS(self, name, qname, attrs):
        declarations = [' xmlns:%s="%s"' % (prefix, uri) if prefix
                        else ' xmlns="%s"' % uri
                        for prefix, uri in self._new_mappings]
        self._new_mappings = []
        self._start_tag(self._qname(name), declarations, attrs, self._qname)

    def endElementNS(self, name, qname):
        self._end_tag(self._qname(name))

    def characters(self, content):
        if content:
            self._close_start_tag()
            self._write(escape(self._as_text(content)))

    def ignorableWhitespace(self, content):
        if content:
            self._close_start_tag()
            self._write(self._as_text(content))

    def processingInstruction(self, target, data):
        self._close_start_tag()
        self._write("<?%s %s?>" % (target, data))


def _forwarders(target, names):
    """Methods that pass their call on to the same method of the object
    held in the attribute target."""
    made = {}
    for name in names:
        def forward(self, *args, _name=name):
            return getattr(getattr(self, target), _name)(*args)
        forward.__name__ = forward.__qualname__ = name
        forward.__doc__ = "Pass %s() on to %s." % (name, target.strip("_"))
        made[name] = forward
    return made


class XMLFilterBase(xmlreader.XMLReader):
    """Sits between a parent XMLReader and the application's handlers and
    passes every event and every request through unchanged: subclass it
    and override the events to alter.

    It is itself the content, DTD and error handler and entity resolver
    of its parent, and forwards what it receives to the handlers set on
    it; configuration calls (features, properties, locale) go up to the
    parent."""

    def __init__(self, parent=None):
        xmlreader.XMLReader.__init__(self)
        self._parent = parent

    def parse(self, source):
        """Route the parent's events through this filter and parse."""
        upstream = self._parent
        for install in (upstream.setContentHandler, upstream.setErrorHandler,
                        upstream.setEntityResolver, upstream.setDTDHandler):
            install(self)
        upstream.parse(source)

    def getParent(self):
        """The reader this filter takes its events from."""
        return self._parent

    def setParent(self, parent):
        self._parent = parent


# Events go down to this filter's handlers; requests go up to the parent.
for _target, _names in [
        ("_err_handler", ["error", "fatalError", "warning"]),
        ("_cont_handler", ["setDocumentLocator", "startDocument",
                           "endDocument", "startPrefixMapping",
                           "endPrefixMapping", "startElement", "endElement",
                           "startElementNS", "endElementNS", "characters",
                           "ignorableWhitespace", "processingInstruction",
                           "skippedEntity"]),
        ("_dtd_handler", ["notationDecl", "unparsedEntityDecl"]),
        ("_ent_handler", ["resolveEntity"]),
        ("_parent", ["setLocale", "getFeature", "setFeature", "getProperty",
                     "setProperty"])]:
    for _name, _method in _forwarders(_target, _names).items():
        setattr(XMLFilterBase, _name, _method)
del _target, _names, _name, _method


def prepare_input_source(source, base=""):
    """Turn a system id (str or path-like), a file object or an
    InputSource into an InputSource with a stream ready to read.  A
    system id is looked up as a file relative to base, else as a URL."""
    if isinstance(source, os.PathLike):
        source = os.fspath(source)
    if isinstance(source, str):
        source = xmlreader.InputSource(source)
    elif hasattr(source, "read"):
        stream, source = source, xmlreader.InputSource()
        if isinstance(stream.read(0), str):
            source.setCharacterStream(stream)
        else:
            source.setByteStream(stream)
        name = getattr(stream, "name", None)
        if isinstance(name, str):
            source.setSystemId(name)

    has_stream = (source.getCharacterStream() is not None
                  or source.getByteStream() is not None)
    if not has_stream:
        wanted = source.getSystemId()
        candidate = os.path.join(os.path.dirname(os.path.normpath(base)), wanted)
        if os.path.isfile(candidate):
            source.setSystemId(candidate)
            source.setByteStream(open(candidate, "rb"))
        else:
            import urllib.parse
            url = urllib.parse.urljoin(base, wanted)
            source.setSystemId(url)
            source.setByteStream(_open_url(url))
    return source


def _open_url(url):
    try:
        import urllib.request
    except ImportError:
        # No network access here: only plain files can be read.
        raise OSError("cannot open %r: no such file, and URLs are not "
                      "supported" % url) from None
    return urllib.request.urlopen(url)
