"""A SAX2 driver for the expat parser (krait implementation, built on
krait's pyexpat module).

ExpatParser turns expat's callbacks into SAX events.  In namespace mode
expat is asked to report names as 'uri localname [prefix]'; when the
prefix is left out, the driver finds it among the namespace declarations
in scope so that qualified names can still be given."""

version = "0.20"

from xml.sax import _exceptions as _exc
from xml.sax import handler as _h

try:
    from xml.parsers import expat
except ImportError:
    raise _exc.SAXReaderNotAvailable("expat not supported", None)
if not hasattr(expat, "ParserCreate"):
    raise _exc.SAXReaderNotAvailable("expat not supported", None)

from xml.sax import xmlreader, saxutils

AttributesImpl = xmlreader.AttributesImpl
AttributesNSImpl = xmlreader.AttributesNSImpl

_XML_NS = "http://www.w3.org/XML/1998/namespace"

# Features that expat cannot provide: turning one on is refused with
# the message given; turning it off is accepted.
_REFUSED = {
    _h.feature_validation: "expat does not support validation",
    _h.feature_external_pes: "expat does not read external parameter entities",
    _h.feature_namespace_prefixes: "expat does not report namespace prefixes",
}


class _ClosedParser:
    """Stands in for the expat parser once a document is closed, keeping
    only the last position for the locator."""
    ErrorColumnNumber = None
    ErrorLineNumber = None


class ExpatLocator(xmlreader.Locator):
    """A locator that reads the position from its reader's current expat
    parser, so that it stays right as the reader moves on (and stays
    usable, if uninformative, once the reader is gone)."""

    def __init__(self, parser):
        self._ref = parser

    def _inner(self):
        return self._ref._parser

    def getColumnNumber(self):
        inner = self._inner()
        return None if inner is None else inner.ErrorColumnNumber

    def getLineNumber(self):
        inner = self._inner()
        return 1 if inner is None else inner.ErrorLineNumber

    def getPublicId(self):
        source = self._ref._source
        return None if source is None else source.getPublicId()

    def getSystemId(self):
        source = self._ref._source
        return None if source is None else source.getSystemId()


class ExpatParser(xmlreader.IncrementalParser, xmlreader.Locator):
    """SAX driver for the expat XML parser.  The reader is its own
    locator too."""

    def __init__(self, namespaceHandling=0, bufsize=2**16-20):
        xmlreader.IncrementalParser.__init__(self, bufsize)
        # What is being parsed, and the expat parser doing it (None
        # between documents, a _ClosedParser after close()).
        self._source, self._parser = xmlreader.InputSource(), None
        self._parsing = False
        # Feature and property settings.
        self._namespaces, self._external_ges = namespaceHandling, 0
        self._interning = self._lex_handler_prop = None
        # Readers of external entities being parsed, outermost first.
        self._entity_stack = []
        # Namespace declarations in scope, innermost last: (prefix, uri).
        self._bindings = []

    # -- XMLReader

    def parse(self, source):
        """Parse a whole document from an InputSource, file or system id."""
        source = saxutils.prepare_input_source(source)
        self._source = source
        try:
            self.reset()
            self._cont_handler.setDocumentLocator(ExpatLocator(self))
            xmlreader.IncrementalParser.parse(self, source)
        except:
            self._close_source()
            raise

    def prepareParser(self, source):
        sysid = source.getSystemId()
        if sysid is not None:
            self._parser.SetBase(sysid)

    def setContentHandler(self, handler):
        xmlreader.IncrementalParser.setContentHandler(self, handler)
        if self._parsing:
            self._connect_content()

    def getFeature(self, name):
        """The state of a feature: namespaces, external general entities
        and string interning can be switched; the others are always off."""
        if name == _h.feature_namespaces:
            return self._namespaces
        if name == _h.feature_external_ges:
            return self._external_ges
        if name == _h.feature_string_interning:
            return self._interning is not None
        if name in _REFUSED:
            return 0
        raise _exc.SAXNotRecognizedException(
            "Feature '%s' not recognized" % name)

    def setFeature(self, name, state):
        """Switch a feature; only possible between documents."""
        if self._parsing:
            raise _exc.SAXNotSupportedException(
                "Cannot set features while parsing")
        if name == _h.feature_namespaces:
            self._namespaces = state
        elif name == _h.feature_external_ges:
            self._external_ges = state
        elif name == _h.feature_string_interning:
            if not state:
                self._interning = None
            elif self._interning is None:
                self._interning = {}
        elif name in _REFUSED:
            if state:
                raise _exc.SAXNotSupportedException(_REFUSED[name])
        else:
            raise _exc.SAXNotRecognizedException(
                "Feature '%s' not recognized" % name)

    def getProperty(self, name):
        """The lexical handler, the interning dictionary or (while parsing)
        the text of the current event."""
        if name == _h.property_lexical_handler:
            return self._lex_handler_prop
        if name == _h.property_interning_dict:
            return self._interning
        if name != _h.property_xml_string:
            raise _exc.SAXNotRecognizedException(
                "Property '%s' not recognized" % name)
        if not self._parser:
            raise _exc.SAXNotSupportedException(
                "XML string cannot be returned when not parsing")
        context = getattr(self._parser, "GetInputContext", None)
        if context is None:
            raise _exc.SAXNotRecognizedException(
                "This version of expat does not support getting the XML string")
        return context()

    def setProperty(self, name, value):
        """Set the lexical handler or the interning dictionary."""
        if name == _h.property_lexical_handler:
            self._lex_handler_prop = value
            if self._parsing:
                self._connect_lexical()
        elif name == _h.property_interning_dict:
            self._interning = value
        elif name == _h.property_xml_string:
            raise _exc.SAXNotSupportedException(
                "Property '%s' cannot be set" % name)
        else:
            raise _exc.SAXNotRecognizedException(
                "Property '%s' not recognized" % name)

    # -- IncrementalParser

    def feed(self, data, isFinal=False):
        """Parse the next piece of the document (isFinal for the last)."""
        if not self._parsing:
            self.reset()
            self._parsing = True
            self._cont_handler.startDocument()
        try:
            self._parser.Parse(data, isFinal)
        except expat.error as e:
            message = expat.ErrorString(e.code)
            self._err_handler.fatalError(
                _exc.SAXParseException(message, e, self))

    def _close_source(self):
        """Close the stream(s) of the current source."""
        source = self._source
        if source is None:
            return
        streams = [source.getCharacterStream(), source.getByteStream()]
        try:
            if streams[0] is not None:
                streams[0].close()
        finally:
            if streams[1] is not None:
                streams[1].close()

    def close(self):
        """Finish the document: check it is complete, then endDocument."""
        if (self._entity_stack or self._parser is None
                or isinstance(self._parser, _ClosedParser)):
            return
        try:
            self.feed(b"", isFinal=True)
            self._cont_handler.endDocument()
            self._parsing = False
            self._parser = None
        finally:
            self._parsing = False
            if self._parser is not None:
                # Keep the last position readable through the locator.
                last = _ClosedParser()
                last.ErrorColumnNumber = self._parser.ErrorColumnNumber
                last.ErrorLineNumber = self._parser.ErrorLineNumber
                self._parser = last
            self._close_source()

    def _connect_content(self):
        """Send expat's text and PI callbacks straight to the handler."""
        target = self._cont_handler
        self._parser.ProcessingInstructionHandler = target.processingInstruction
        self._parser.CharacterDataHandler = target.characters

    def _connect_lexical(self):
        lexical = self._lex_handler_prop
        hooks = {"CommentHandler": "comment",
                 "StartCdataSectionHandler": "startCDATA",
                 "EndCdataSectionHandler": "endCDATA",
                 "EndDoctypeDeclHandler": "endDTD"}
        for slot, method in hooks.items():
            setattr(self._parser, slot,
                    None if lexical is None else getattr(lexical, method))
        self._parser.StartDoctypeDeclHandler = (
            None if lexical is None else self._on_doctype)

    def reset(self):
        """Make a fresh expat parser for a new document."""
        encoding = self._source.getEncoding()
        if self._namespaces:
            fresh = expat.ParserCreate(encoding, " ", intern=self._interning)
            fresh.namespace_prefixes = 1
            fresh.StartElementHandler = self._on_start_ns
            fresh.EndElementHandler = self._on_end_ns
        else:
            fresh = expat.ParserCreate(encoding, intern=self._interning)
            fresh.StartElementHandler = self._on_start
            fresh.EndElementHandler = self._on_end
        self._parser = fresh
        self._bindings = []
        self._connect_content()
        fresh.UnparsedEntityDeclHandler = self._on_unparsed_entity
        fresh.NotationDeclHandler = self._on_notation
        fresh.StartNamespaceDeclHandler = self._on_ns_start
        fresh.EndNamespaceDeclHandler = self._on_ns_end
        self._decl_handler_prop = None
        if self._lex_handler_prop:
            self._connect_lexical()
        fresh.ExternalEntityRefHandler = self._on_external_entity
        try:
            fresh.SkippedEntityHandler = self._on_skipped_entity
        except AttributeError:
            pass
        entity_parsing = getattr(fresh, "SetParamEntityParsing", None)
        if entity_parsing is not None:
            entity_parsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
        self._parsing = False
        self._entity_stack = []

    # -- Locator

    def getColumnNumber(self):
        inner = self._parser
        return None if inner is None else inner.ErrorColumnNumber

    def getLineNumber(self):
        inner = self._parser
        return 1 if inner is None else inner.ErrorLineNumber

    def getPublicId(self):
        return self._source.getPublicId()

    def getSystemId(self):
        return self._source.getSystemId()

    # -- expat callbacks

    def _on_start(self, name, attrs):
        """expat's start tag, in non-namespace mode."""
        self._cont_handler.startElement(name, AttributesImpl(attrs))

    def _on_end(self, name):
        """expat's end tag, in non-namespace mode."""
        self._cont_handler.endElement(name)

    def _prefix_for(self, uri):
        """The prefix bound to uri in the current scope (used to rebuild
        qualified names when expat reports no prefix)."""
        if uri == _XML_NS:
            return "xml"
        shadowed = set()
        for prefix, bound in reversed(self._bindings):
            if prefix in shadowed:
                continue
            shadowed.add(prefix)
            if bound == uri and prefix:
                return prefix
        return None

    def _split_name(self, name, attribute):
        """Turn an expat namespace name ('uri local' or 'uri local
        prefix', or a bare local name) into ((uri, local), qname)."""
        parts = name.split(" ")
        if len(parts) == 1:
            return (None, name), name
        uri, local = parts[0], parts[1]
        if len(parts) >= 3:
            prefix = parts[2]
        elif attribute:
            # Attributes are never in the default namespace: expat left
            # the prefix out, so find it among the declarations in scope.
            prefix = self._prefix_for(uri)
        else:
            prefix = None
        qname = "%s:%s" % (prefix, local) if prefix else local
        return (uri, local), qname

    def _on_start_ns(self, name, attrs):
        """expat's start tag in namespace mode: the element name and the
        attribute names are split into (uri, localname) pairs, and the
        qualified name of each attribute is kept alongside."""
        key = self._split_name(name, False)[0]
        values, qnames = {}, {}
        for raw, value in attrs.items():
            akey, aqname = self._split_name(raw, True)
            values[akey] = value
            qnames[akey] = aqname
        self._cont_handler.startElementNS(key, None,
                                          AttributesNSImpl(values, qnames))

    def _on_end_ns(self, name):
        """expat's end tag in namespace mode."""
        self._cont_handler.endElementNS(self._split_name(name, False)[0], None)

    def _on_ns_start(self, prefix, uri):
        """A namespace declaration comes into scope (before its element
        starts); remembered to rebuild qualified names."""
        self._bindings.append((prefix, uri))
        self._cont_handler.startPrefixMapping(prefix, uri)

    def _on_ns_end(self, prefix):
        """A namespace declaration goes out of scope (after its element
        ended): forget the innermost binding of prefix."""
        for i in range(len(self._bindings) - 1, -1, -1):
            if self._bindings[i][0] == prefix:
                del self._bindings[i]
                break
        self._cont_handler.endPrefixMapping(prefix)

    def _on_doctype(self, name, sysid, pubid, has_internal_subset):
        """Start of the DOCTYPE: reported to the lexical handler."""
        self._lex_handler_prop.startDTD(name, pubid, sysid)

    def _on_unparsed_entity(self, name, base, sysid, pubid, notation_name):
        """An unparsed (NDATA) entity declaration, for the DTD handler."""
        self._dtd_handler.unparsedEntityDecl(name, pubid, sysid, notation_name)

    def _on_notation(self, name, base, sysid, pubid):
        """A notation declaration, for the DTD handler."""
        self._dtd_handler.notationDecl(name, pubid, sysid)

    def _on_external_entity(self, context, base, sysid, pubid):
        """A reference to an external general entity.  Unless the
        external-general-entities feature is on it is skipped; otherwise
        the entity resolver says where it is and a child parser reads it
        with this reader's handlers.  Returns 0 to make expat fail."""
        if not self._external_ges:
            return 1
        resolved = saxutils.prepare_input_source(
            self._ent_handler.resolveEntity(pubid, sysid),
            self._source.getSystemId() or "")
        self._entity_stack.append((self._parser, self._source))
        self._parser = self._parser.ExternalEntityParserCreate(context)
        self._source = resolved
        try:
            xmlreader.IncrementalParser.parse(self, resolved)
        except:
            return 0
        finally:
            self._parser, self._source = self._entity_stack.pop()
        return 1

    def _on_skipped_entity(self, name, is_pe):
        """An entity reference expat did not expand (parameter entity
        names get their '%')."""
        self._cont_handler.skippedEntity("%" + name if is_pe else name)


def create_parser(*args, **kwargs):
    """Make a new ExpatParser (the entry point make_parser() looks for)."""
    return ExpatParser(*args, **kwargs)
