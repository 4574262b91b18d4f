"""A small, pure Python implementation of the W3C DOM (krait's minidom).

parse() and parseString() build a Document from XML text using the expat
parser; getDOMImplementation() gives the factory for empty documents.
Nodes print themselves back as XML with toxml(), toprettyxml() and
writexml()."""

import io

import xml.dom
from xml.dom import (EMPTY_NAMESPACE, EMPTY_PREFIX, XMLNS_NAMESPACE,
                     XML_NAMESPACE, domreg)
from xml.dom import (HierarchyRequestErr, IndexSizeErr, InuseAttributeErr, InvalidCharacterErr, NamespaceErr, NoModificationAllowedErr, NotFoundErr, NotSupportedErr, WrongDocumentErr)

_N = xml.dom.Node

StringTypes = (str,)

# Node types that may hold other nodes.
_nodeTypes_with_children = (_N.ELEMENT_NODE, _N.ENTITY_REFERENCE_NODE)

_CONTENT_TYPES = (_N.ELEMENT_NODE, _N.PROCESSING_INSTRUCTION_NODE,
                  _N.COMMENT_NODE, _N.TEXT_NODE, _N.CDATA_SECTION_NODE,
                  _N.ENTITY_REFERENCE_NODE)


# ---------------------------------------------------------------------------
# Small helpers

def _write_data(writer, data):
    """Write text with the characters that XML markup reserves escaped."""
    if data:
        writer.write(data.replace("&", "&amp;").replace("<", "&lt;")
                     .replace('"', "&quot;").replace(">", "&gt;"))


def _nssplit(qualifiedName):
    """Split 'prefix:local' into (prefix, local); no colon: (None, name)."""
    prefix, colon, local = qualifiedName.partition(':')
    if not colon:
        return (None, qualifiedName)
    return (prefix, local)


def _walk_elements(parent):
    """All elements below parent, in document order."""
    pending = list(reversed(parent.childNodes))
    while pending:
        node = pending.pop()
        if node.nodeType == _N.ELEMENT_NODE:
            yield node
            pending.extend(reversed(node.childNodes))


def _elements_named(self, name):
    """The elements below self whose tagName is name ('*': all)."""
    return NodeList(node for node in _walk_elements(self)
                    if name in ("*", node.tagName))


def _elements_named_ns(self, namespaceURI, localName):
    """The elements below self with that namespace and local name, either
    of which may be '*'."""
    return NodeList(node for node in _walk_elements(self)
                    if localName in ("*", node.localName)
                    and namespaceURI in ("*", node.namespaceURI))


def _relink(nodes, parent):
    """Make the sibling and parent links of nodes match their order."""
    before = None
    for node in nodes:
        node.parentNode = parent
        node.previousSibling = before
        if before is not None:
            before.nextSibling = node
        before = node
    if before is not None:
        before.nextSibling = None


def _owner_document(node):
    if node.nodeType == _N.DOCUMENT_NODE:
        return node
    return node.ownerDocument


def _clear_id_cache(node):
    doc = _owner_document(node) if node is not None else None
    if doc is not None:
        doc._id_cache.clear()


def _length_is_read_only(self, value):
    raise NoModificationAllowedErr(
        "attempt to modify read-only attribute 'length'")


class NodeList(list):
    """The list of a node's children (or of search results)."""
    __slots__ = ()

    def item(self, index):
        if 0 <= index < len(self):
            return self[index]
        return None

    length = property(list.__len__, _length_is_read_only,
                      doc="The number of nodes in the list.")

    def __getstate__(self):
        return list(self)

    def __setstate__(self, state):
        self[:] = state


class EmptyNodeList(tuple):
    """The (shared, immutable) child list of nodes that have no children."""
    __slots__ = ()

    def __add__(self, other):
        result = NodeList()
        result.extend(other)
        return result

    def __radd__(self, other):
        result = NodeList()
        result.extend(other)
        return result

    def item(self, index):
        return None

    length = property(lambda self: 0, _length_is_read_only)


# ---------------------------------------------------------------------------
# Nodes

class Node(xml.dom.Node):
    """Behaviour shared by every kind of node."""

    namespaceURI = None
    parentNode = None
    ownerDocument = None
    nextSibling = None
    previousSibling = None
    prefix = EMPTY_PREFIX
    nodeValue = None
    localName = None

    _allowed_children = ()

    def __bool__(self):
        return True

    # -- output

    def toxml(self, encoding=None, standalone=None):
        return self.toprettyxml("", "", encoding, standalone)

    def toprettyxml(self, indent="\t", newl="\n", encoding=None,
                    standalone=None):
        out = io.StringIO()
        if self.nodeType == _N.DOCUMENT_NODE:
            self.writexml(out, "", indent, newl, encoding, standalone)
        else:
            self.writexml(out, "", indent, newl)
        text = out.getvalue()
        if encoding is None:
            return text
        return text.encode(encoding, "xmlcharrefreplace")

    def writexml(self, writer, indent="", addindent="", newl=""):
        """Write this node as XML to writer (anything with a write()
        method taking str): indent goes before the node, addindent is
        added for each level below it, newl ends each line."""
        self._write_to(writer, indent, addindent, newl)

    def _write_to(self, writer, indent, addindent, newl):
        raise NotSupportedErr(
            "%s nodes cannot be written as XML" % type(self).__name__)

    # -- tree navigation

    def hasChildNodes(self):
        return bool(self.childNodes)


    @property
    def firstChild(self):
        kids = self.childNodes
        return kids[0] if kids else None

    @property
    def lastChild(self):
        kids = self.childNodes
        return kids[-1] if kids else None



    # -- tree changes

    def _check_child(self, node, replacing=None):
        if node.nodeType not in self._allowed_children:
            raise HierarchyRequestErr(
                "%s cannot be child of %s" % (repr(node), repr(self)))

    def _adopt(self, node):
        """Detach node from its current parent, if any."""
        if node.parentNode is not None:
            node.parentNode.removeChild(node)

    def appendChild(self, node):
        """Add node as the last child (moving it from its old parent);
        a DocumentFragment gives all its children instead."""
        if node.nodeType == _N.DOCUMENT_FRAGMENT_NODE:
            for child in tuple(node.childNodes):
                self.appendChild(child)
            return node
        self._check_child(node)
        self._adopt(node)
        if node.nodeType in _nodeTypes_with_children:
            _clear_id_cache(self)
        kids = self.childNodes
        last = kids[-1] if kids else None
        kids.append(node)
        node.parentNode = self
        node.previousSibling = last
        node.nextSibling = None
        if last is not None:
            last.nextSibling = node
        return node

    def _index_of(self, child):
        for i, node in enumerate(self.childNodes):
            if node is child:
                return i
        raise NotFoundErr()

    def insertBefore(self, newChild, refChild):
        """Put newChild just before refChild (at the end when refChild is
        None); NotFoundErr if refChild is not a child of this node."""
        if newChild.nodeType == _N.DOCUMENT_FRAGMENT_NODE:
            for child in tuple(newChild.childNodes):
                self.insertBefore(child, refChild)
            return newChild
        self._check_child(newChild)
        if refChild is None:
            return self.appendChild(newChild)
        self._adopt(newChild)
        at = self._index_of(refChild)
        if newChild.nodeType in _nodeTypes_with_children:
            _clear_id_cache(self)
        self.childNodes.insert(at, newChild)
        _relink_around(self, at)
        return newChild

    def replaceChild(self, newChild, oldChild):
        """Put newChild where oldChild is, and return oldChild, which is
        left without parent or siblings."""
        if newChild.nodeType == _N.DOCUMENT_FRAGMENT_NODE:
            following = oldChild.nextSibling
            self.removeChild(oldChild)
            return self.insertBefore(newChild, following)
        self._check_child(newChild, oldChild)
        if newChild is oldChild:
            return None
        self._adopt(newChild)
        at = self._index_of(oldChild)
        if (newChild.nodeType in _nodeTypes_with_children
                or oldChild.nodeType in _nodeTypes_with_children):
            _clear_id_cache(self)
        self.childNodes[at] = newChild
        _relink_around(self, at)
        oldChild.parentNode = None
        oldChild.previousSibling = oldChild.nextSibling = None
        return oldChild

    def removeChild(self, oldChild):
        """Take oldChild out of this node's children and return it."""
        at = self._index_of(oldChild)
        del self.childNodes[at]
        before, after = oldChild.previousSibling, oldChild.nextSibling
        if before is not None:
            before.nextSibling = after
        if after is not None:
            after.previousSibling = before
        oldChild.previousSibling = oldChild.nextSibling = None
        oldChild.parentNode = None
        if oldChild.nodeType in _nodeTypes_with_children:
            _clear_id_cache(self)
        return oldChild

    def normalize(self):
        """Merge adjacent Text children, drop empty ones, and do the same
        in every descendant element."""
        kept = []
        for child in self.childNodes:
            if child.nodeType == _N.TEXT_NODE:
                if not child.data:
                    child.unlink()
                    continue
                if kept and kept[-1].nodeType == _N.TEXT_NODE:
                    kept[-1].data = kept[-1].data + child.data
                    child.unlink()
                    continue
            elif child.nodeType == _N.ELEMENT_NODE:
                child.normalize()
            kept.append(child)
        self.childNodes[:] = kept
        _relink(kept, self)

    # -- misc DOM methods

    def cloneNode(self, deep):
        """A copy of this node belonging to the same document, without a
        parent; with deep, its descendants are copied too."""
        return _clone_node(self, deep, self.ownerDocument or self)

    def isSupported(self, feature, version):
        implementation = _owner_document(self).implementation
        return implementation.hasFeature(feature, version)


    def isSameNode(self, other):
        return self is other

    def getInterface(self, feature):
        if self.isSupported(feature, None):
            return self
        return None

    def getUserData(self, key):
        try:
            return self._user_data[key][0]
        except (AttributeError, KeyError):
            return None

    def setUserData(self, key, data, handler):
        store = self.__dict__.setdefault("_user_data", {})
        previous = store.get(key, (None, None))[0]
        if data is None:
            store.pop(key, None)
        else:
            store[key] = (data, handler)
        return previous

    def _notify_user_data(self, operation, src, dst):
        for key, (data, handler) in list(getattr(self, "_user_data", {}).items()):
            if handler is not None:
                handler.handle(operation, key, data, src, dst)

    def unlink(self):
        """Break the references between this node and the rest of its
        tree, so it can be collected without the cycle collector."""
        self.parentNode = self.ownerDocument = None
        if self.childNodes:
            for child in self.childNodes:
                child.unlink()
            self.childNodes = NodeList()
        self.previousSibling = None
        self.nextSibling = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.unlink()


def _relink_around(parent, at):
    """Fix the sibling links next to the child just put at index at."""
    kids = parent.childNodes
    node = kids[at]
    node.parentNode = parent
    node.previousSibling = kids[at - 1] if at > 0 else None
    node.nextSibling = kids[at + 1] if at + 1 < len(kids) else None
    if node.previousSibling is not None:
        node.previousSibling.nextSibling = node
    if node.nextSibling is not None:
        node.nextSibling.previousSibling = node


def _append_child(parent, node):
    """Fast append used by the builder: no checks."""
    kids = parent.childNodes
    if kids:
        last = kids[-1]
        node.previousSibling = last
        last.nextSibling = node
    kids.append(node)
    node.parentNode = parent


def _in_document(node):
    while node is not None:
        if node.nodeType == _N.DOCUMENT_NODE:
            return True
        node = node.parentNode
    return False


def _refusal(error, wording):
    """A child-changing method for nodes that cannot have children."""
    def refuse(self, *args):
        raise error("%s nodes %s" % (self.nodeName, wording))
    return refuse


class Childless:
    """Mixin for nodes that can never have children."""

    attributes = None
    childNodes = EmptyNodeList()
    firstChild = None
    lastChild = None

    appendChild = _refusal(HierarchyRequestErr, "cannot have children")
    insertBefore = replaceChild = _refusal(HierarchyRequestErr,
                                           "do not have children")
    removeChild = _refusal(NotFoundErr, "do not have children")

    def hasChildNodes(self):
        return False

    def normalize(self):
        pass


class DocumentFragment(Node):
    """A light-weight container of nodes; inserting it inserts its
    children instead."""
    nodeType = _N.DOCUMENT_FRAGMENT_NODE
    nodeName = "#document-fragment"
    nodeValue = None
    attributes = None
    parentNode = None
    _allowed_children = _CONTENT_TYPES

    def __init__(self):
        self.childNodes = NodeList()

    def _write_to(self, writer, indent, addindent, newl):
        for child in self.childNodes:
            child.writexml(writer, indent, addindent, newl)


class Attr(Node):
    """An attribute of an element."""
    nodeType = _N.ATTRIBUTE_NODE
    attributes = None
    specified = False
    _is_id = False
    _allowed_children = (_N.TEXT_NODE, _N.ENTITY_REFERENCE_NODE)

    def __init__(self, qName, namespaceURI=EMPTY_NAMESPACE, localName=None,
                 prefix=None):
        self.ownerElement = None
        self.nodeName = qName
        self.namespaceURI = namespaceURI
        self.prefix = prefix
        if localName is not None:
            self._local = localName
        self._value = ""

    @property
    def localName(self):
        try:
            return self._local
        except AttributeError:
            return self.nodeName.split(":", 1)[-1]

    @property
    def name(self):
        return self.nodeName

    @name.setter
    def name(self, value):
        self.nodeName = value

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, value):
        self._value = value
        if self._is_id:
            _clear_id_cache(self.ownerElement)

    nodeValue = value

    @property
    def childNodes(self):
        # A fresh Text node holding the value, as the DOM describes.
        text = Text()
        text.data = self._value
        text.ownerDocument = self.ownerDocument
        return NodeList([text])

    @property
    def firstChild(self):
        return self.childNodes[0]

    @property
    def lastChild(self):
        return self.childNodes[0]

    @property
    def isId(self):
        return self._is_id

    @property
    def schemaType(self):
        return _no_type

    def unlink(self):
        owner = self.ownerElement
        if owner is not None:
            owner._by_qname.pop(self.nodeName, None)
            owner._by_ns.pop((self.namespaceURI, self.localName), None)
            if self._is_id:
                self._is_id = False
                _clear_id_cache(owner)
        self.ownerElement = None
        self.ownerDocument = None


class NamedNodeMap:
    """The live view of an element's attributes, by qualified name,
    by (namespaceURI, localName) and by position."""

    __slots__ = ('_names', '_pairs', '_element')

    def __init__(self, attrs, attrsNS, ownerElement):
        # The element's own dictionaries: changes show through both ways.
        self._names, self._pairs, self._element = attrs, attrsNS, ownerElement

    @property
    def length(self):
        return len(self._names)


    def item(self, index):
        names = list(self._names)
        if 0 <= index < len(names):
            return self._names[names[index]]
        return None

    def items(self):
        return [(name, node.value) for name, node in self._names.items()]

    def itemsNS(self):
        return [(key, node.value) for key, node in self._pairs.items()]

    def keys(self):
        return self._names.keys()

    def keysNS(self):
        return self._pairs.keys()

    def values(self):
        return self._names.values()

    def get(self, name, value=None):
        return self._names.get(name, value)

    def __len__(self):
        return len(self._names)

    def __contains__(self, key):
        if isinstance(key, str):
            return key in self._names
        return key in self._pairs

    def __eq__(self, other):
        return self._names is getattr(other, "_names", None)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def __getitem__(self, key):
        if isinstance(key, tuple):
            return self._pairs[key]
        return self._names[key]

    def __setitem__(self, name, value):
        if isinstance(value, str):
            node = self._names.get(name)
            if node is None:
                node = Attr(name)
                node.ownerDocument = self._element.ownerDocument
                self.setNamedItem(node)
            node.value = value
        else:
            if not isinstance(value, Attr):
                raise TypeError("value must be a string or Attr object")
            self.setNamedItem(value)

    def __delitem__(self, key):
        node = self[key]
        _clear_id_cache(node.ownerElement)
        node.unlink()

    def getNamedItem(self, name):
        return self._names.get(name)

    def getNamedItemNS(self, namespaceURI, localName):
        return self._pairs.get((namespaceURI, localName))

    def _detach(self, node):
        if node is None:
            raise NotFoundErr()
        _clear_id_cache(node.ownerElement)
        node.unlink()
        return node

    def removeNamedItem(self, name):
        return self._detach(self._names.get(name))

    def removeNamedItemNS(self, namespaceURI, localName):
        return self._detach(self._pairs.get((namespaceURI, localName)))

    def setNamedItem(self, node):
        if not isinstance(node, Attr):
            raise HierarchyRequestErr(
                "%s cannot be child of %s" % (repr(node), repr(self)))
        previous = self._names.get(node.name)
        if previous is not None:
            previous.unlink()
        _set_attribute_node(self._element, node)
        return previous


    def __getstate__(self):
        return (self._names, self._pairs, self._element)

    def __setstate__(self, state):
        (self._names, self._pairs, self._element) = state

    setNamedItemNS = setNamedItem


AttributeList = NamedNodeMap


class TypeInfo:
    """Schema type information (minidom never has any to give)."""
    __slots__ = ('namespace', 'name')

    def __init__(self, namespace, name):
        self.namespace, self.name = namespace, name

    def __repr__(self):
        text = "<%s %r" % (type(self).__name__, self.name)
        if self.namespace:
            text += " (from %r)" % (self.namespace,)
        return text + ">"


_no_type = TypeInfo(None, None)


def _set_attribute_node(element, attr):
    _clear_id_cache(element)
    element._by_qname[attr.name] = attr
    element._by_ns[(attr.namespaceURI, attr.localName)] = attr
    attr.ownerElement = element


class Element(Node):
    """An element, with its attributes and children."""
    nodeType = _N.ELEMENT_NODE
    nodeValue = None
    schemaType = _no_type
    _allowed_children = _CONTENT_TYPES

    def __init__(self, tagName, namespaceURI=EMPTY_NAMESPACE, prefix=None,
                 localName=None):
        self.parentNode = None
        self.tagName = self.nodeName = tagName
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.childNodes = NodeList()
        self.nextSibling = self.previousSibling = None
        self._local = localName
        # Attributes by qualified name and by (namespaceURI, localName).
        self._by_qname = {}
        self._by_ns = {}

    @property
    def localName(self):
        if self._local is not None:
            return self._local
        return self.tagName.split(":", 1)[-1]


    @property
    def attributes(self):
        return NamedNodeMap(self._by_qname, self._by_ns, self)


    def __repr__(self):
        return "<DOM Element: %s at %#x>" % (self.tagName, id(self))

    def unlink(self):
        for attr in list(self._by_qname.values()):
            attr.unlink()
        self._by_qname = {}
        self._by_ns = {}
        Node.unlink(self)

    # -- attributes

    def getAttribute(self, attname):
        """The value of the attribute called attname, '' if absent."""
        node = self._by_qname.get(attname)
        return "" if node is None else node.value

    def getAttributeNS(self, namespaceURI, localName):
        node = self._by_ns.get((namespaceURI, localName))
        return "" if node is None else node.value

    def setAttribute(self, attname, value):
        node = self._by_qname.get(attname)
        if node is None:
            node = Attr(attname)
            node.ownerDocument = self.ownerDocument
            node.value = value
            _set_attribute_node(self, node)
        elif node.value != value:
            node.value = value

    def setAttributeNS(self, namespaceURI, qualifiedName, value):
        """Set the attribute (namespaceURI, local part of qualifiedName),
        renaming it when it exists under another prefix."""
        prefix, local = _nssplit(qualifiedName)
        node = self._by_ns.get((namespaceURI, local))
        if node is None:
            node = Attr(qualifiedName, namespaceURI, local, prefix)
            node.ownerDocument = self.ownerDocument
            node.value = value
            _set_attribute_node(self, node)
            return
        if node.value != value:
            node.value = value
        if node.prefix != prefix or node.nodeName != qualifiedName:
            # Same attribute, written with another prefix: rename it.
            self._by_qname.pop(node.nodeName, None)
            node.prefix = prefix
            node.nodeName = qualifiedName
            self._by_qname[qualifiedName] = node

    def getAttributeNode(self, attrname):
        return self._by_qname.get(attrname)

    def getAttributeNodeNS(self, namespaceURI, localName):
        return self._by_ns.get((namespaceURI, localName))

    def setAttributeNode(self, attr):
        if attr.ownerElement not in (None, self):
            raise InuseAttributeErr("attribute node already owned")
        by_name = self._by_qname.get(attr.name)
        if by_name is not None:
            self.removeAttributeNode(by_name)
        by_ns = self._by_ns.get((attr.namespaceURI, attr.localName))
        if by_ns is not None and by_ns is not by_name:
            self.removeAttributeNode(by_ns)
        _set_attribute_node(self, attr)
        if by_name is not attr:
            return by_name
        if by_ns is not attr:
            return by_ns
        return None

    setAttributeNodeNS = setAttributeNode

    def removeAttribute(self, name):
        """Remove the attribute called name; NotFoundErr if absent."""
        node = self._by_qname.get(name)
        if node is None:
            raise NotFoundErr()
        self.removeAttributeNode(node)

    def removeAttributeNS(self, namespaceURI, localName):
        node = self._by_ns.get((namespaceURI, localName))
        if node is None:
            raise NotFoundErr()
        self.removeAttributeNode(node)

    def removeAttributeNode(self, node):
        if node is None or self._by_qname.get(node.name) is not node:
            raise NotFoundErr()
        _clear_id_cache(self)
        node.unlink()
        node.ownerDocument = self.ownerDocument
        return node

    removeAttributeNodeNS = removeAttributeNode

    def hasAttribute(self, name):
        return name in self._by_qname

    def hasAttributeNS(self, namespaceURI, localName):
        return (namespaceURI, localName) in self._by_ns

    def hasAttributes(self):
        return bool(self._by_qname)

    # -- ID attributes

    def setIdAttribute(self, name):
        self.setIdAttributeNode(self.getAttributeNode(name))

    def setIdAttributeNS(self, namespaceURI, localName):
        self.setIdAttributeNode(self.getAttributeNodeNS(namespaceURI, localName))

    def setIdAttributeNode(self, idAttr):
        if idAttr is None or not self.isSameNode(idAttr.ownerElement):
            raise NotFoundErr()
        if not idAttr._is_id:
            idAttr._is_id = True
            _clear_id_cache(self)

    # -- searching

    getElementsByTagName = _elements_named
    getElementsByTagNameNS = _elements_named_ns

    # -- output

    def _write_to(self, writer, indent, addindent, newl):
        """Write this element as XML: indent before the start tag,
        addindent added for each level of children, newl after lines."""
        writer.write(indent + "<" + self.tagName)
        for name, attr in self._by_qname.items():
            writer.write(' %s="' % name)
            _write_data(writer, attr.value)
            writer.write('"')
        kids = self.childNodes
        if not kids:
            writer.write("/>" + newl)
            return
        writer.write(">")
        if len(kids) == 1 and kids[0].nodeType in (_N.TEXT_NODE,
                                                   _N.CDATA_SECTION_NODE):
            # A lone piece of text stays on the line of its tags.
            kids[0].writexml(writer, "", "", "")
        else:
            writer.write(newl)
            deeper = indent + addindent
            for child in kids:
                child.writexml(writer, deeper, addindent, newl)
            writer.write(indent)
        writer.write("</" + self.tagName + ">" + newl)


class CharacterData(Childless, Node):
    """Base of the nodes whose content is a string."""

    def __init__(self):
        self.ownerDocument = self.parentNode = None
        self.previousSibling = self.nextSibling = None
        self._text = ""

    @property
    def data(self):
        return self._text

    @data.setter
    def data(self, value):
        self._text = value

    nodeValue = data



    @property
    def length(self):
        return len(self._text)


    def __repr__(self):
        shown = self._text[0:10]
        more = "..." if len(self._text) > 10 else ""
        return '<DOM %s node "%r%s">' % (type(self).__name__, shown, more)

    def _check_range(self, offset, count=0):
        if offset < 0:
            raise IndexSizeErr("offset cannot be negative")
        if offset >= len(self._text):
            raise IndexSizeErr("offset cannot be beyond end of data")
        if count < 0:
            raise IndexSizeErr("count cannot be negative")

    def substringData(self, offset, count):
        self._check_range(offset, count)
        return self._text[offset:offset + count]

    def appendData(self, arg):
        self._text = self._text + arg

    def insertData(self, offset, arg):
        self._check_range(offset)
        if arg:
            self._text = self._text[:offset] + arg + self._text[offset:]

    def deleteData(self, offset, count):
        self._check_range(offset, count)
        if count:
            self._text = self._text[:offset] + self._text[offset + count:]

    def replaceData(self, offset, count, arg):
        self._check_range(offset, count)
        if count:
            self._text = self._text[:offset] + arg + self._text[offset + count:]


class Text(CharacterData):
    """A run of character data."""
    nodeType = _N.TEXT_NODE
    nodeName = "#text"
    attributes = None

    def splitText(self, offset):
        if offset < 0 or offset > len(self._text):
            raise IndexSizeErr("illegal offset value")
        tail = self.__class__()
        tail.data = self._text[offset:]
        tail.ownerDocument = self.ownerDocument
        parent = self.parentNode
        if parent is not None and self in parent.childNodes:
            if self.nextSibling is None:
                parent.appendChild(tail)
            else:
                parent.insertBefore(tail, self.nextSibling)
        self._text = self._text[:offset]
        return tail

    def _write_to(self, writer, indent, addindent, newl):
        _write_data(writer, "%s%s%s" % (indent, self._text, newl))

    def _text_run(self):
        """This node with the Text/CDATA nodes adjacent to it."""
        first = self
        while (first.previousSibling is not None and first.previousSibling.nodeType
               in (_N.TEXT_NODE, _N.CDATA_SECTION_NODE)):
            first = first.previousSibling
        run = [first]
        node = first.nextSibling
        while node is not None and node.nodeType in (_N.TEXT_NODE,
                                                     _N.CDATA_SECTION_NODE):
            run.append(node)
            node = node.nextSibling
        return run

    @property
    def wholeText(self):
        return "".join(node.data for node in self._text_run())

    def replaceWholeText(self, content):
        parent = self.parentNode
        for node in self._text_run():
            if node is not self and parent is not None:
                parent.removeChild(node)
        if content:
            self.data = content
            return self
        if parent is not None:
            parent.removeChild(self)
        return None

    @property
    def isWhitespaceInElementContent(self):
        if self._text.strip():
            return False
        element = _get_containing_element(self)
        if element is None:
            return False
        info = self.ownerDocument._get_elem_info(element)
        return info is not None and info.isElementContent()


def _get_containing_element(node):
    parent = node.parentNode
    while parent is not None:
        if parent.nodeType == _N.ELEMENT_NODE:
            return parent
        parent = parent.parentNode
    return None


def _get_containing_entref(node):
    parent = node.parentNode
    while parent is not None:
        if parent.nodeType == _N.ENTITY_REFERENCE_NODE:
            return parent
        parent = parent.parentNode
    return None


class Comment(CharacterData):
    """A comment."""
    nodeType = _N.COMMENT_NODE
    nodeName = "#comment"

    def __init__(self, data):
        CharacterData.__init__(self)
        self._text = data

    def _write_to(self, writer, indent, addindent, newl):
        if "--" in self._text:
            raise ValueError("'--' is not allowed in a comment node")
        writer.write("%s<!--%s-->%s" % (indent, self._text, newl))


class CDATASection(Text):
    """A CDATA section: text written without escaping."""
    nodeType = _N.CDATA_SECTION_NODE
    nodeName = "#cdata-section"

    def _write_to(self, writer, indent, addindent, newl):
        if "]]>" in self._text:
            raise ValueError("']]>' not allowed in a CDATA section")
        writer.write("<![CDATA[%s]]>" % self._text)


class ProcessingInstruction(Childless, Node):
    """A processing instruction: a target and its data."""
    nodeType = _N.PROCESSING_INSTRUCTION_NODE

    def __init__(self, target, data):
        self.target = target
        self.data = data

    @property
    def nodeName(self):
        return self.target

    @nodeName.setter
    def nodeName(self, value):
        self.target = value

    @property
    def nodeValue(self):
        return self.data

    @nodeValue.setter
    def nodeValue(self, value):
        self.data = value

    def _write_to(self, writer, indent, addindent, newl):
        writer.write("%s<?%s %s?>%s" % (indent, self.target, self.data, newl))


class ReadOnlySequentialNamedNodeMap:
    """An unchangeable NamedNodeMap over a list of nodes (the entities
    and notations of a DocumentType)."""
    __slots__ = ('_seq',)

    def __init__(self, seq=()):
        self._seq = seq

    def __len__(self):
        return len(self._seq)

    length = property(__len__, doc="The number of nodes in the map.")

    def _first(self, wanted):
        return next((node for node in self._seq if wanted(node)), None)

    def getNamedItem(self, name):
        return self._first(lambda node: node.nodeName == name)

    def getNamedItemNS(self, namespaceURI, localName):
        key = (namespaceURI, localName)
        return self._first(lambda node: (node.namespaceURI, node.localName) == key)

    def __getitem__(self, key):
        found = (self.getNamedItemNS(*key) if isinstance(key, tuple)
                 else self.getNamedItem(key))
        if found is None:
            raise KeyError(key)
        return found

    def item(self, index):
        return self._seq[index] if 0 <= index < len(self._seq) else None

    def _read_only(self, *args):
        raise NoModificationAllowedErr("NamedNodeMap instance is read-only")

    removeNamedItem = removeNamedItemNS = _read_only
    setNamedItem = setNamedItemNS = _read_only

    def __getstate__(self):
        return [self._seq]

    def __setstate__(self, state):
        self._seq = state[0]


class Identified:
    """Mixin for nodes with a public and a system identifier."""
    publicId = None
    systemId = None

    def _set_ids(self, publicId, systemId):
        self.publicId, self.systemId = publicId, systemId


def _copy_declarations(source, target, owner):
    """Copy the notations and entities of one doctype into another."""
    for node in source.notations._seq:
        twin = Notation(node.nodeName, node.publicId, node.systemId)
        twin.ownerDocument = owner
        target.notations._seq.append(twin)
        node._notify_user_data(xml.dom.UserDataHandler.NODE_CLONED,
                                     node, twin)
    for node in source.entities._seq:
        twin = Entity(node.nodeName, node.publicId, node.systemId,
                      node.notationName)
        twin.ownerDocument = owner
        for field in ("actualEncoding", "encoding", "version"):
            setattr(twin, field, getattr(node, field))
        target.entities._seq.append(twin)
        node._notify_user_data(xml.dom.UserDataHandler.NODE_CLONED,
                                     node, twin)


class DocumentType(Identified, Childless, Node):
    """The document type declaration (<!DOCTYPE ...>)."""
    nodeType = _N.DOCUMENT_TYPE_NODE
    nodeValue = None
    name = None
    publicId = None
    systemId = None
    internalSubset = None

    def __init__(self, qualifiedName):
        self.entities = ReadOnlySequentialNamedNodeMap([])
        self.notations = ReadOnlySequentialNamedNodeMap([])
        if qualifiedName:
            self.name = _nssplit(qualifiedName)[1]
        self.nodeName = self.name


    def cloneNode(self, deep):
        """Only a doctype not yet in a document can be cloned."""
        if self.ownerDocument is not None:
            return None
        twin = DocumentType(None)
        twin.name = twin.nodeName = self.name
        if deep:
            _copy_declarations(self, twin, None)
        self._notify_user_data(xml.dom.UserDataHandler.NODE_CLONED,
                                     self, twin)
        return twin

    def _write_to(self, writer, indent, addindent, newl):
        writer.write("<!DOCTYPE ")
        writer.write(self.name)
        if self.publicId:
            writer.write("%s  PUBLIC '%s'%s  '%s'"
                         % (newl, self.publicId, newl, self.systemId))
        elif self.systemId:
            writer.write("%s  SYSTEM '%s'" % (newl, self.systemId))
        if self.internalSubset is not None:
            writer.write(" [" + self.internalSubset + "]")
        writer.write(">" + newl)


class Entity(Identified, Node):
    """An entity declared in the DTD (an internal one holds its value as
    a Text child)."""
    attributes = None
    nodeType = _N.ENTITY_NODE
    nodeValue = None
    actualEncoding = encoding = version = None

    def __init__(self, name, publicId, systemId, notation):
        self.nodeName = name
        self.notationName = notation
        self.childNodes = NodeList()
        self._set_ids(publicId, systemId)

    appendChild = insertBefore = removeChild = replaceChild = _refusal(
        HierarchyRequestErr, "are read-only")


class Notation(Identified, Childless, Node):
    """A notation declared in the DTD."""
    nodeType = _N.NOTATION_NODE
    nodeValue = None

    def __init__(self, name, publicId, systemId):
        self.nodeName = name
        self._set_ids(publicId, systemId)


def _check_root_name(namespaceURI, qualifiedName):
    if not qualifiedName:
        raise InvalidCharacterErr("Element with no name")
    prefix = _nssplit(qualifiedName)[0]
    if prefix == "xml" and namespaceURI != XML_NAMESPACE:
        raise NamespaceErr("illegal use of 'xml' prefix")
    if prefix and not namespaceURI:
        raise NamespaceErr("illegal use of prefix without namespaces")


class DOMImplementation:
    """Creates documents and document types; says which features
    minidom has."""

    _features = frozenset((name, version)
                          for name, versions in (("core", ("1.0", "2.0")),
                                                 ("xml", ("1.0", "2.0")),
                                                 ("ls-load", ("3.0",)))
                          for version in versions + (None,))

    def hasFeature(self, feature, version):
        return (feature.lower(), version or None) in self._features

    def createDocument(self, namespaceURI, qualifiedName, doctype):
        """A new Document, with a root element unless all three
        arguments are None."""
        if doctype is not None and doctype.parentNode is not None:
            raise WrongDocumentErr("doctype object owned by another DOM tree")
        doc = self._create_document()
        if (namespaceURI, qualifiedName, doctype) != (None, None, None):
            _check_root_name(namespaceURI, qualifiedName)
            root = doc.createElementNS(namespaceURI, qualifiedName)
            for child in (doctype, root):
                if child is not None:
                    doc.appendChild(child)
        if doctype is not None:
            doctype.parentNode = doctype.ownerDocument = doc
        doc.doctype, doc.implementation = doctype, self
        return doc

    def createDocumentType(self, qualifiedName, publicId, systemId):
        made = DocumentType(qualifiedName)
        made._set_ids(publicId, systemId)
        return made

    def getInterface(self, feature):
        return self if self.hasFeature(feature, None) else None

    def _create_document(self):
        return Document()


def _answer(value):
    return lambda self, *args: value


class ElementInfo:
    """What the DTD says about an element (minidom keeps nothing, so
    every question gets the 'unknown' answer)."""
    __slots__ = ('tagName',)

    def __init__(self, name):
        self.tagName = name

    getAttributeType = getAttributeTypeNS = _answer(_no_type)
    isElementContent = isEmpty = isId = isIdNS = _answer(False)


class Document(Node):
    """The root of a DOM tree, and the factory of its nodes."""
    nodeType = _N.DOCUMENT_NODE
    nodeName = "#document"
    nodeValue = None
    attributes = None
    parentNode = None
    previousSibling = nextSibling = None
    implementation = DOMImplementation()
    _allowed_children = (_N.ELEMENT_NODE, _N.PROCESSING_INSTRUCTION_NODE,
                         _N.COMMENT_NODE, _N.DOCUMENT_TYPE_NODE)

    actualEncoding = None
    encoding = None
    standalone = None
    version = None
    strictErrorChecking = False
    errorHandler = None
    documentURI = None
    async_ = False

    def __init__(self):
        self.doctype = None
        self.childNodes = NodeList()
        self._elem_info = {}
        self._id_cache = {}

    @property
    def documentElement(self):
        for node in self.childNodes:
            if node.nodeType == _N.ELEMENT_NODE:
                return node
        return None


    def _get_elem_info(self, element):
        if element.namespaceURI:
            return self._elem_info.get((element.namespaceURI, element.localName))
        return self._elem_info.get(element.tagName)

    def _check_child(self, node, replacing=None):
        """Besides the node type, a document takes a single element."""
        Node._check_child(self, node)
        if node.nodeType == _N.ELEMENT_NODE:
            root = self.documentElement
            if root is not None and root is not node and root is not replacing:
                raise HierarchyRequestErr("two document elements disallowed")

    def unlink(self):
        if self.doctype is not None:
            self.doctype.unlink()
            self.doctype = None
        Node.unlink(self)

    def cloneNode(self, deep):
        if not deep:
            return None
        copy = self.implementation.createDocument(None, None, None)
        copy.encoding = self.encoding
        copy.standalone = self.standalone
        copy.version = self.version
        for child in self.childNodes:
            twin = _clone_node(child, deep, copy)
            if twin.nodeType == _N.DOCUMENT_TYPE_NODE:
                copy.doctype = twin
            twin.parentNode = copy
            _append_child(copy, twin)
        self._notify_user_data(xml.dom.UserDataHandler.NODE_CLONED,
                                     self, copy)
        return copy

    # -- factories

    def _own(self, node):
        node.ownerDocument = self
        return node

    def createDocumentFragment(self):
        return self._own(DocumentFragment())

    def createElement(self, tagName):
        return self._own(Element(tagName))

    def _text_node(self, kind, data):
        if not isinstance(data, str):
            raise TypeError("node contents must be a string")
        made = kind()
        made.data = data
        return self._own(made)

    def createTextNode(self, data):
        return self._text_node(Text, data)

    def createCDATASection(self, data):
        return self._text_node(CDATASection, data)

    def createComment(self, data):
        return self._own(Comment(data))

    def createProcessingInstruction(self, target, data):
        return self._own(ProcessingInstruction(target, data))

    def createAttribute(self, qName):
        return self._own(Attr(qName))

    def createElementNS(self, namespaceURI, qualifiedName):
        prefix = _nssplit(qualifiedName)[0]
        return self._own(Element(qualifiedName, namespaceURI, prefix))

    def createAttributeNS(self, namespaceURI, qualifiedName):
        prefix, local = _nssplit(qualifiedName)
        return self._own(Attr(qualifiedName, namespaceURI, local, prefix))

    def _create_entity(self, name, publicId, systemId, notationName):
        return self._own(Entity(name, publicId, systemId, notationName))

    def _create_notation(self, name, publicId, systemId):
        return self._own(Notation(name, publicId, systemId))

    # -- searching

    def getElementById(self, id):
        if id in self._id_cache:
            return self._id_cache[id]
        for element in _walk_elements(self):
            for attr in element._by_qname.values():
                if attr._is_id and attr.value == id:
                    self._id_cache[id] = element
                    return element
        return None

    getElementsByTagName = _elements_named
    getElementsByTagNameNS = _elements_named_ns

    def importNode(self, node, deep):
        """A copy of a node from another document, owned by this one
        (documents and doctypes cannot be imported)."""
        if node.nodeType == _N.DOCUMENT_NODE:
            raise NotSupportedErr("cannot import document nodes")
        if node.nodeType == _N.DOCUMENT_TYPE_NODE:
            raise NotSupportedErr("cannot import document type nodes")
        return _clone_node(node, deep, self)

    # -- output

    def writexml(self, writer, indent="", addindent="", newl="",
                 encoding=None, standalone=None):
        extra = ""
        if encoding:
            extra += ' encoding="%s"' % encoding
        if standalone is not None:
            extra += ' standalone="%s"' % ("yes" if standalone else "no")
        if not extra:
            extra = " "
        writer.write('<?xml version="1.0"%s?>%s' % (extra, newl))
        for node in self.childNodes:
            node.writexml(writer, indent, addindent, newl)


def _clone_node(node, deep, newOwnerDocument):
    """Copy node (and, if deep, what it holds) into newOwnerDocument."""
    kind = node.nodeType
    doc = newOwnerDocument
    if node.ownerDocument is doc:
        operation = xml.dom.UserDataHandler.NODE_CLONED
    else:
        operation = xml.dom.UserDataHandler.NODE_IMPORTED
    if kind == _N.ELEMENT_NODE:
        copy = doc.createElementNS(node.namespaceURI, node.nodeName)
        for attr in node._by_qname.values():
            copy.setAttributeNS(attr.namespaceURI, attr.nodeName, attr.value)
            twin = copy.getAttributeNodeNS(attr.namespaceURI, attr.localName)
            twin.specified = attr.specified
        if deep:
            for child in node.childNodes:
                copy.appendChild(_clone_node(child, deep, doc))
    elif kind == _N.DOCUMENT_FRAGMENT_NODE:
        copy = doc.createDocumentFragment()
        if deep:
            for child in node.childNodes:
                copy.appendChild(_clone_node(child, deep, doc))
    elif kind == _N.TEXT_NODE:
        copy = doc.createTextNode(node.data)
    elif kind == _N.CDATA_SECTION_NODE:
        copy = doc.createCDATASection(node.data)
    elif kind == _N.PROCESSING_INSTRUCTION_NODE:
        copy = doc.createProcessingInstruction(node.target, node.data)
    elif kind == _N.COMMENT_NODE:
        copy = doc.createComment(node.data)
    elif kind == _N.ATTRIBUTE_NODE:
        copy = doc.createAttributeNS(node.namespaceURI, node.nodeName)
        copy.specified = True
        copy.value = node.value
    elif kind == _N.DOCUMENT_TYPE_NODE:
        copy = doc.implementation.createDocumentType(node.name, node.publicId,
                                                     node.systemId)
        copy.ownerDocument = doc
        copy.internalSubset = node.internalSubset
        if deep:
            _copy_declarations(node, copy, doc)
    else:
        raise NotSupportedErr("Cannot clone node %s" % repr(node))
    node._notify_user_data(operation, node, copy)
    return copy


# ---------------------------------------------------------------------------
# Building a tree from XML text

class _Builder:
    """Feeds a document to expat (without its namespace processing) and
    builds the DOM tree from the callbacks, resolving namespace prefixes
    itself."""

    def __init__(self):
        from xml.parsers import expat
        self._expat = expat
        self.document = Document()
        self._node = self.document
        self._in_cdata = False
        self._doctype_start = None
        # Namespace bindings in scope: one dict (prefix -> uri) per open
        # element, shared with the parent's when it declares nothing.
        self._scopes = [{"xml": XML_NAMESPACE}]
        p = expat.ParserCreate()
        p.ordered_attributes = True
        p.specified_attributes = True
        p.XmlDeclHandler = self._xml_decl
        p.StartDoctypeDeclHandler = self._start_doctype
        p.EndDoctypeDeclHandler = self._end_doctype
        p.StartElementHandler = self._start_element
        p.EndElementHandler = self._end_element
        p.CharacterDataHandler = self._text
        p.CommentHandler = self._comment
        p.ProcessingInstructionHandler = self._pi
        p.StartCdataSectionHandler = self._start_cdata
        p.EndCdataSectionHandler = self._end_cdata
        self._parser = p

    def build(self, source):
        self._source = source
        self._parser.Parse(source, True)
        self._parser = None
        return self.document

    # -- expat callbacks

    def _xml_decl(self, version, encoding, standalone):
        doc = self.document
        doc.version = version
        doc.encoding = encoding
        if standalone >= 0:
            doc.standalone = bool(standalone)

    def _in_dtd(self):
        return self._doctype_start is not None

    def _start_doctype(self, name, systemId, publicId, has_internal_subset):
        doc = self.document
        doctype = doc.implementation.createDocumentType(name, publicId, systemId)
        doctype.ownerDocument = doc
        _append_child(doc, doctype)
        doc.doctype = doctype
        self._subset_begin = (self._parser.CurrentByteIndex
                              if has_internal_subset else None)
        self._doctype_start = True

    def _end_doctype(self):
        self._doctype_start = None
        begin = self._subset_begin
        if begin is None:
            return
        end = self._parser.CurrentByteIndex
        raw = self._source
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
            encoding = "utf-8"
        else:
            encoding = self.document.encoding or "utf-8"
        chunk = raw[begin:end]
        # The slice runs from the opening '[' to past the closing ']'.
        if chunk[:1] == b"[":
            chunk = chunk[1:]
        close = chunk.rfind(b"]")
        if close >= 0:
            chunk = chunk[:close]
        subset = chunk.decode(encoding, "replace")
        doctype = self.document.doctype
        doctype.internalSubset = subset
        _read_declarations(self.document, doctype, subset)

    def _start_element(self, name, attributes):
        scope = self._scopes[-1]
        pairs = list(zip(attributes[0::2], attributes[1::2]))
        declared = [(n, v) for n, v in pairs if n == "xmlns" or n.startswith("xmlns:")]
        others = [(n, v) for n, v in pairs if not (n == "xmlns" or n.startswith("xmlns:"))]
        if declared:
            scope = dict(scope)
            for attname, uri in declared:
                scope[_nssplit(attname)[1] if attname != "xmlns" else None] = uri or None
        self._scopes.append(scope)

        prefix, local = _nssplit(name)
        uri = self._lookup(scope, prefix)
        element = Element(name, uri, prefix, local)
        element.ownerDocument = self.document
        _append_child(self._node, element)
        self._node = element

        for attname, value in declared:
            if attname == "xmlns":
                attr = Attr(attname, XMLNS_NAMESPACE, "xmlns", None)
                value = value or None
            else:
                attr = Attr(attname, XMLNS_NAMESPACE, _nssplit(attname)[1], "xmlns")
            self._add_attribute(element, attr, value)
        for attname, value in others:
            aprefix, alocal = _nssplit(attname)
            auri = self._lookup(scope, aprefix) if aprefix else None
            self._add_attribute(element, Attr(attname, auri, alocal, aprefix), value)

    def _lookup(self, scope, prefix):
        if prefix is None:
            return scope.get(None)
        try:
            return scope[prefix]
        except KeyError:
            raise self._error(27) from None

    def _error(self, code):
        p = self._parser
        line, col = p.CurrentLineNumber, p.CurrentColumnNumber
        err = self._expat.ExpatError("%s: line %d, column %d"
                                     % (self._expat.ErrorString(code), line, col))
        err.code = code
        err.lineno = line
        err.offset = col
        return err

    def _add_attribute(self, element, attr, value):
        attr.ownerDocument = self.document
        attr._value = value
        attr.ownerElement = element
        element._by_qname[attr.nodeName] = attr
        element._by_ns[(attr.namespaceURI, attr.localName)] = attr

    def _end_element(self, name):
        self._scopes.pop()
        self._node = self._node.parentNode

    def _text(self, data):
        kids = self._node.childNodes
        if self._in_cdata:
            node = CDATASection() if not self._cdata_open else kids[-1]
            if not self._cdata_open:
                node.ownerDocument = self.document
                _append_child(self._node, node)
                self._cdata_open = True
            node._text += data
            return
        if kids and kids[-1].nodeType == _N.TEXT_NODE:
            kids[-1]._text += data
            return
        node = Text()
        node._text = data
        node.ownerDocument = self.document
        _append_child(self._node, node)

    def _start_cdata(self):
        self._in_cdata = True
        self._cdata_open = False

    def _end_cdata(self):
        # An empty section leaves no node behind.
        self._in_cdata = False

    def _comment(self, data):
        if self._in_dtd():
            return
        node = Comment(data)
        node.ownerDocument = self.document
        _append_child(self._node, node)

    def _pi(self, target, data):
        if self._in_dtd():
            return
        node = ProcessingInstruction(target, data)
        node.ownerDocument = self.document
        _append_child(self._node, node)


def _quoted(text, at):
    """The quoted literal starting at text[at] and the index after it."""
    quote = text[at]
    end = text.index(quote, at + 1)
    return text[at + 1:end], end + 1


def _skip_space(text, at):
    while at < len(text) and text[at] in " \t\r\n":
        at += 1
    return at


def _word(text, at):
    start = at
    while at < len(text) and text[at] not in " \t\r\n>\"'":
        at += 1
    return text[start:at], at


def _external_id(text, at):
    """Read 'SYSTEM "s"' or 'PUBLIC "p" ["s"]' at text[at]."""
    keyword, at = _word(text, at)
    at = _skip_space(text, at)
    public = system = None
    if keyword == "PUBLIC":
        public, at = _quoted(text, at)
        at = _skip_space(text, at)
        if at < len(text) and text[at] in "\"'":
            system, at = _quoted(text, at)
    elif keyword == "SYSTEM":
        system, at = _quoted(text, at)
    return public, system, _skip_space(text, at)


def _read_declarations(doc, doctype, subset):
    """Record the general entities and the notations declared in an
    internal subset as Entity and Notation nodes of the doctype."""
    at = 0
    while True:
        start = subset.find("<!", at)
        if start < 0:
            return
        if subset.startswith("<!--", start):
            end = subset.find("-->", start + 4)
            if end < 0:
                return
            at = end + 3
            continue
        try:
            at = _one_declaration(doc, doctype, subset, start)
        except (ValueError, IndexError):
            return


def _one_declaration(doc, doctype, text, start):
    keyword, at = _word(text, start + 2)
    at = _skip_space(text, at)
    if keyword == "ENTITY":
        if text[at] == "%":
            # A parameter entity: not a node of the DOM.
            return _declaration_end(text, at)
        name, at = _word(text, at)
        at = _skip_space(text, at)
        if text[at] in "\"'":
            value, at = _quoted(text, at)
            entity = doc._create_entity(name, None, None, None)
            child = doc.createTextNode(value)
            entity.childNodes.append(child)
        else:
            public, system, at = _external_id(text, at)
            notation = None
            if text.startswith("NDATA", at):
                notation, at = _word(text, _skip_space(text, at + 5))
            entity = doc._create_entity(name, public, system, notation)
        doctype.entities._seq.append(entity)
    elif keyword == "NOTATION":
        name, at = _word(text, at)
        at = _skip_space(text, at)
        public, system, at = _external_id(text, at)
        doctype.notations._seq.append(doc._create_notation(name, public, system))
    return _declaration_end(text, at)


def _declaration_end(text, at):
    """The index after the '>' that closes the declaration around at,
    stepping over quoted literals."""
    while at < len(text):
        ch = text[at]
        if ch in "\"'":
            at = text.index(ch, at + 1) + 1
        elif ch == ">":
            return at + 1
        else:
            at += 1
    return at


def _read_all(file):
    if isinstance(file, str):
        with open(file, "rb") as stream:
            return stream.read()
    return file.read()


def parse(file, parser=None, bufsize=None):
    """Parse a file (a name or an open file object) into a Document."""
    if parser is None and not bufsize:
        return _Builder().build(_read_all(file))
    from xml.dom import pulldom
    return _do_pulldom_parse(pulldom.parse, (file,),
                             {'parser': parser, 'bufsize': bufsize})


def parseString(string, parser=None):
    """Parse a document held in a str or bytes object into a Document."""
    if parser is None:
        return _Builder().build(string)
    from xml.dom import pulldom
    return _do_pulldom_parse(pulldom.parseString, (string,),
                             {'parser': parser})


def _do_pulldom_parse(func, args, kwargs):
    events = func(*args, **kwargs)
    kind, node = events.getEvent()
    events.expandNode(node)
    events.clear()
    return node


_implementation = DOMImplementation()


def getDOMImplementation(features=None):
    """The DOMImplementation of minidom (which has all the features it
    has, whatever features is)."""
    if features:
        if isinstance(features, str):
            features = domreg._feature_pairs(features)
        for name, version in features:
            if not _implementation.hasFeature(name, version):
                return None
    return _implementation
