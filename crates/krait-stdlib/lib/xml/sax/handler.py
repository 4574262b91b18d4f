"""The SAX handler interfaces and the names of the standard SAX features
and properties (krait implementation).

Every handler method here does nothing (or, for ErrorHandler, the least
surprising thing), so applications subclass and override only what they
need."""

version = '2.0beta'


class ErrorHandler:
    """Receives the errors and warnings a reader reports.  By default,
    errors are raised and warnings are printed."""

    def error(self, exception):
        """A recoverable error (such as a validity error); parsing could
        go on if this returned, but by default the exception is raised."""
        raise exception

    def fatalError(self, exception):
        """A non-recoverable error, such as a well-formedness violation;
        the document cannot be parsed further.  Raised by default."""
        raise exception

    def warning(self, exception):
        """Something worth knowing that is not an error; printed to
        standard output by default."""
        print(exception)


class ContentHandler:
    """Receives the logical content of a document as a series of calls."""

    def __init__(self):
        self._locator = None

    def setDocumentLocator(self, locator):
        """Remember the object that tells where in the document events
        originate."""
        self._locator = locator

    def startDocument(self):
        """Called once, before any other content event."""

    def endDocument(self):
        """Called once, after all other content events."""

    def startPrefixMapping(self, prefix, uri):
        """A namespace prefix comes into scope (namespace mode only)."""

    def endPrefixMapping(self, prefix):
        """A namespace prefix goes out of scope."""

    def startElement(self, name, attrs):
        """An element starts (non-namespace mode): name is the raw tag
        name, attrs an Attributes object mapping names to values."""

    def endElement(self, name):
        """An element ends (non-namespace mode)."""

    def startElementNS(self, name, qname, attrs):
        """An element starts (namespace mode).  name is a (uri, localname)
        pair (uri None outside any namespace), qname the qualified name
        when the reader reports it (else None), attrs an AttributesNSImpl."""

    def endElementNS(self, name, qname):
        """An element ends (namespace mode)."""

    def characters(self, content):
        """A chunk of character data.  A reader may split one run of text
        into several calls, so gather them if the whole text matters."""

    def ignorableWhitespace(self, whitespace):
        """A chunk of whitespace that a validating parser may drop."""

    def processingInstruction(self, target, data):
        """A processing instruction."""

    def skippedEntity(self, name):
        """An entity the parser did not expand."""


class DTDHandler:
    """Receives the notation and unparsed entity declarations of a DTD."""

    def notationDecl(self, name, publicId, systemId):
        """A notation declaration."""

    def unparsedEntityDecl(self, name, publicId, systemId, ndata):
        """An unparsed entity declaration."""


class EntityResolver:
    """Lets an application choose where external entities come from.
    The default answers with the system identifier unchanged."""

    def resolveEntity(self, publicId, systemId):
        return systemId


class LexicalHandler:
    """Optional handler for comments, CDATA bounds and the DOCTYPE
    declaration; set through property_lexical_handler."""

    def comment(self, content):
        """A comment."""

    def startDTD(self, name, public_id, system_id):
        """The DOCTYPE declaration starts."""

    def endDTD(self):
        """The DOCTYPE declaration ends."""

    def startCDATA(self):
        """A CDATA section starts."""

    def endCDATA(self):
        """A CDATA section ends."""


# Features are boolean switches of a reader, properties are objects it
# can be given or asked for; both are named by URIs.  The all_* lists keep
# the order in which the SAX specification presents them.

all_features = []
all_properties = []


def _named(registry, base, suffix):
    uri = base + suffix
    registry.append(uri)
    return uri


_SAX_FEATURE = "http://xml.org/sax/features/"
feature_namespaces = _named(all_features, _SAX_FEATURE, "namespaces")
feature_namespace_prefixes = _named(all_features, _SAX_FEATURE,
                                    "namespace-prefixes")
feature_string_interning = _named(all_features, _SAX_FEATURE,
                                  "string-interning")
feature_validation = _named(all_features, _SAX_FEATURE, "validation")
feature_external_ges = _named(all_features, _SAX_FEATURE,
                              "external-general-entities")
feature_external_pes = _named(all_features, _SAX_FEATURE,
                              "external-parameter-entities")

_SAX_PROPERTY = "http://xml.org/sax/properties/"
property_lexical_handler = _named(all_properties, _SAX_PROPERTY,
                                  "lexical-handler")
property_dom_node = _named(all_properties, _SAX_PROPERTY, "dom-node")
property_declaration_handler = _named(all_properties, _SAX_PROPERTY,
                                      "declaration-handler")
property_xml_string = _named(all_properties, _SAX_PROPERTY, "xml-string")
_PY_PROPERTY = "http://www.python.org/sax/properties/"
property_encoding = _named(all_properties, _PY_PROPERTY, "encoding")
property_interning_dict = _named(all_properties, _PY_PROPERTY,
                                 "interning-dict")

del _named, _SAX_FEATURE, _SAX_PROPERTY, _PY_PROPERTY
