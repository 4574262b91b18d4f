"""Reader-side SAX interfaces: XMLReader, IncrementalParser, Locator,
InputSource and the attribute containers (krait implementation)."""

from . import handler
from . import _exceptions

SAXNotSupportedException = _exceptions.SAXNotSupportedException
SAXNotRecognizedException = _exceptions.SAXNotRecognizedException

_MUST_IMPLEMENT = "This method must be implemented!"


def _unimplemented(self, *args):
    raise NotImplementedError(_MUST_IMPLEMENT)


def _accessors(slot, doc):
    """A getter and a setter for the attribute named slot."""
    def getter(self):
        return getattr(self, slot)

    def setter(self, value):
        setattr(self, slot, value)
    getter.__doc__ = "Return the " + doc + "."
    setter.__doc__ = "Set the " + doc + "."
    return getter, setter


def _unrecognized(kind, name):
    return SAXNotRecognizedException("%s '%s' not recognized" % (kind, name))


class XMLReader:
    """The interface of a SAX2 parser: handler registration, features,
    properties and a parse() entry point.  A new reader reports to
    handlers that do nothing (and raise errors)."""

    _DEFAULT_HANDLERS = (("_cont_handler", handler.ContentHandler),
                         ("_dtd_handler", handler.DTDHandler),
                         ("_ent_handler", handler.EntityResolver),
                         ("_err_handler", handler.ErrorHandler))

    def __init__(self):
        for slot, default in self._DEFAULT_HANDLERS:
            setattr(self, slot, default())

    # parse(source): parse a document given as an InputSource, a file
    # object or a system identifier.
    parse = _unimplemented

    getContentHandler, setContentHandler = _accessors(
        "_cont_handler", "handler of the document's content")
    getDTDHandler, setDTDHandler = _accessors(
        "_dtd_handler", "handler of DTD declarations")
    getEntityResolver, setEntityResolver = _accessors(
        "_ent_handler", "resolver of external entities")
    getErrorHandler, setErrorHandler = _accessors(
        "_err_handler", "handler of errors and warnings")

    def setLocale(self, locale):
        """Choose the language of error messages: not supported unless a
        reader says otherwise."""
        raise SAXNotSupportedException("Locale support not implemented")

    def getFeature(self, name):
        """The state of a feature; no feature is known by default."""
        raise _unrecognized("Feature", name)

    def setFeature(self, name, state):
        """Switch a feature on or off."""
        raise _unrecognized("Feature", name)

    def getProperty(self, name):
        """The value of a property; no property is known by default."""
        raise _unrecognized("Property", name)

    def setProperty(self, name, value):
        """Give a property a value."""
        raise _unrecognized("Property", name)


class IncrementalParser(XMLReader):
    """A reader that can also be fed a document piece by piece with
    feed() and finished with close(); parse() is built on those, reading
    the source bufsize characters or bytes at a time."""

    def __init__(self, bufsize=2**16):
        self._bufsize = bufsize
        XMLReader.__init__(self)

    def parse(self, source):
        from . import saxutils
        source = saxutils.prepare_input_source(source)
        self.prepareParser(source)
        stream = source.getCharacterStream() or source.getByteStream()
        read, size = stream.read, self._bufsize
        chunk = read(size)
        while chunk:
            self.feed(chunk)
            chunk = read(size)
        self.close()

    # feed(data): hand the next piece of the document to the parser.
    # close(): the document is complete: check it and end it.
    # reset(): forget the current document so a new one can be fed.
    feed = close = reset = _unimplemented

    def prepareParser(self, source):
        """Get ready to parse the document that source describes."""
        raise NotImplementedError("prepareParser must be overridden!")


class Locator:
    """Tells where the current event comes from; this base class knows
    nothing (-1 for numbers, None for identifiers)."""

    def getColumnNumber(self):
        return -1

    def getLineNumber(self):
        return -1

    def getPublicId(self):
        return None

    def getSystemId(self):
        return None


class InputSource:
    """Everything a reader needs to know to read one document: its
    public and system identifiers, its encoding, and a byte or character
    stream (a character stream wins when both are set)."""

    def __init__(self, system_id=None):
        self._system_id = system_id
        self._public_id = None
        self._encoding = None
        self._byte_stream = None
        self._char_stream = None

    getPublicId, setPublicId = _accessors(
        "_public_id", "public identifier of the document")
    getSystemId, setSystemId = _accessors(
        "_system_id", "system identifier (file name or URL) of the document")
    getEncoding, setEncoding = _accessors(
        "_encoding", "encoding of the byte stream, when known beforehand")
    getByteStream, setByteStream = _accessors(
        "_byte_stream", "binary file object to read the document from")
    getCharacterStream, setCharacterStream = _accessors(
        "_char_stream", "text file object to read the document from "
        "(it takes precedence over the byte stream)")


class AttributesImpl:
    """The attributes of an element in non-namespace mode: a read-only
    mapping from names to values, plus the SAX accessor methods (where
    names and qualified names are the same thing)."""

    def __init__(self, attrs):
        self._values = attrs

    def getLength(self):
        return len(self._values)

    def getType(self, name):
        # Without a DTD every attribute is character data.
        return "CDATA"

    def getValue(self, name):
        return self._values[name]

    getValueByQName = getValue

    def _known(self, name):
        if name in self._values:
            return name
        raise KeyError(name)

    getNameByQName = getQNameByName = _known

    def getNames(self):
        return list(self._values)

    getQNames = getNames

    def __len__(self):
        return len(self._values)

    def __getitem__(self, name):
        return self._values[name]

    def keys(self):
        return list(self._values)

    def __contains__(self, name):
        return name in self._values

    def get(self, name, alternative=None):
        """The value of name, or alternative when it is absent."""
        return self._values.get(name, alternative)

    def copy(self):
        return type(self)(self._values)

    def items(self):
        return [(name, value) for name, value in self._values.items()]

    def values(self):
        return [value for value in self._values.values()]


class AttributesNSImpl(AttributesImpl):
    """Attributes in namespace mode: names are (uri, localname) pairs,
    and qnames maps each pair to the qualified name it was written as."""

    def __init__(self, attrs, qnames):
        self._values = attrs
        self._qnames = qnames

    def _pair_of(self, qname):
        for pair, written in self._qnames.items():
            if written == qname:
                return pair
        raise KeyError(qname)

    getNameByQName = _pair_of

    def getValueByQName(self, qname):
        return self._values[self._pair_of(qname)]

    def getQNameByName(self, pair):
        return self._qnames[pair]

    def getQNames(self):
        return [written for written in self._qnames.values()]

    def copy(self):
        return type(self)(self._values, self._qnames)
