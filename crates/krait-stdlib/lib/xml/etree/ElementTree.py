"""The ElementTree XML API (CPython's `xml.etree.ElementTree`, 3.11).

Elements, trees, the ElementPath subset of XPath, serialisation (xml,
html and text methods, namespace prefixes as CPython assigns them) and
parsing. `XMLParser` is a thin layer over `pyexpat` (krait's native
expat): tags, attributes, text, comments, processing instructions, CDATA,
character references, the predefined entities, internal entities and
attribute defaults declared in an internal DTD subset, and namespace
expansion to `{uri}local`. Malformed documents raise `ParseError` with
expat's messages, codes and (line, column) positions.

Left out: `canonicalize` and `C14NWriterTarget`, external DTDs and
external entities (references to them are skipped), encodings that krait
has no codec for, and pickling of elements.
"""

import re
import sys

__all__ = [
    "Comment", "dump", "Element", "ElementTree", "fromstring",
    "fromstringlist", "indent", "iselement", "iterparse", "parse",
    "ParseError", "PI", "ProcessingInstruction", "QName", "SubElement",
    "tostring", "tostringlist", "TreeBuilder", "VERSION", "XML", "XMLID",
    "XMLParser", "XMLPullParser", "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """Raised when a document is not well-formed; `code` is expat's error
    number and `position` a (line, column) pair."""
    pass


# --------------------------------------------------------------------
# Elements

def _type_name(obj):
    return "None" if obj is None else type(obj).__name__


class Element:
    """An XML element: a tag, an attribute dict, text before the first
    child, a tail after the element's end tag, and a list of children."""

    # `_attrib` and `_children` are None until an attribute or a child
    # comes (CPython's C elements make them lazily too): most elements of
    # a document are leaves, many without attributes, and a dict and a
    # list each tripled an element's memory.
    __slots__ = ("tag", "_attrib", "text", "tail", "_children", "__weakref__")

    def __init__(self, tag, attrib={}, **extra):
        if type(attrib) is not dict and not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s"
                            % _type_name(attrib))
        self.tag = tag
        if extra:
            attrib = {**attrib, **extra}
        elif attrib:
            attrib = attrib.copy()
        else:
            attrib = None
        self._attrib = attrib
        self.text = None
        self.tail = None
        self._children = None

    @property
    def attrib(self):
        attrib = self._attrib
        if attrib is None:
            attrib = self._attrib = {}
        return attrib

    @attrib.setter
    def attrib(self, value):
        self._attrib = value

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        # A plain Element whatever this one's class, as CPython's C version.
        return Element(tag, attrib)

    def __copy__(self):
        # Like CPython's C implementation: the copy is a plain Element
        # that shares the attribute dict but has its own list of children.
        elem = Element(self.tag)
        elem._attrib = self._attrib
        elem.text = self.text
        elem.tail = self.tail
        if self._children is not None:
            elem._children = self._children[:]
        return elem

    def __deepcopy__(self, memo):
        from copy import deepcopy
        elem = Element(deepcopy(self.tag, memo))
        elem._attrib = deepcopy(self._attrib, memo)
        elem.text = deepcopy(self.text, memo)
        elem.tail = deepcopy(self.tail, memo)
        if self._children is not None:
            elem._children = [deepcopy(child, memo) for child in self._children]
        memo[id(self)] = elem
        return elem

    def __len__(self):
        children = self._children
        return 0 if children is None else len(children)

    def __iter__(self):
        return iter(self._children or _NO_CHILDREN)

    def __getitem__(self, index):
        try:
            children = self._children
            return (children if children is not None else [])[index]
        except IndexError:
            raise IndexError("child index out of range") from None
        except TypeError:
            raise TypeError("element indices must be integers") from None

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            element = list(element)
            for e in element:
                _check_element(e)
        else:
            _check_element(element)
        if self._children is None:
            self._children = []
        try:
            self._children[index] = element
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __delitem__(self, index):
        children = self._children
        if children is None:
            children = []
        try:
            del children[index]
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def append(self, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("append() argument must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _type_name(subelement))
        children = self._children
        if children is None:
            self._children = [subelement]
        else:
            children.append(subelement)

    def extend(self, elements):
        elements = list(elements)
        for e in elements:
            _check_element(e)
        if self._children is None:
            self._children = elements
        else:
            self._children.extend(elements)

    def insert(self, index, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("insert() argument 2 must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _type_name(subelement))
        if self._children is None:
            self._children = []
        self._children.insert(index, subelement)

    def remove(self, subelement):
        children = self._children
        if children is None:
            raise ValueError("list.remove(x): x not in list")
        children.remove(subelement)

    def find(self, path, namespaces=None):
        if _plain_tag(path) and not (namespaces and "" in namespaces):
            for child in self._children or _NO_CHILDREN:
                if child.tag == path:
                    return child
            return None
        for elem in _select(self, path, namespaces):
            return elem
        return None

    def findtext(self, path, default=None, namespaces=None):
        elem = self.find(path, namespaces)
        if elem is None:
            return default
        return elem.text or ""

    def findall(self, path, namespaces=None):
        if _plain_tag(path) and not (namespaces and "" in namespaces):
            return [child for child in self._children or _NO_CHILDREN if child.tag == path]
        return _select(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return iter(self.findall(path, namespaces))

    def clear(self):
        self._attrib = None
        self._children = None
        self.text = self.tail = None

    def get(self, key, default=None):
        attrib = self._attrib
        if attrib is None:
            return default
        return attrib.get(key, default)

    def set(self, key, value):
        attrib = self._attrib
        if attrib is None:
            self._attrib = {key: value}
        else:
            attrib[key] = value

    def keys(self):
        return list(self._attrib or ())

    def items(self):
        attrib = self._attrib
        return [] if attrib is None else list(attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        # Walk depth-first with an explicit stack: nested generators
        # would cost a frame per level for every element yielded.
        stack = []
        children = self._children or _NO_CHILDREN
        i = 0
        while True:
            if i < len(children):
                child = children[i]
                i += 1
                if tag is None or child.tag == tag:
                    yield child
                if child._children:
                    stack.append((children, i))
                    children = child._children
                    i = 0
            elif stack:
                children, i = stack.pop()
            else:
                return

    def itertext(self):
        # As in CPython's C version, comments and PIs contribute their
        # text too.
        if self.text:
            yield self.text
        for child in self._children or _NO_CHILDREN:
            yield from child.itertext()
            if child.tail:
                yield child.tail


# What an element without children iterates over (never changed).
_NO_CHILDREN = ()


def _check_element(e):
    if not isinstance(e, Element):
        raise TypeError('expected an Element, not "%s"' % _type_name(e))


def SubElement(parent, tag, attrib={}, **extra):
    """Create an element and append it to `parent`."""
    if not isinstance(parent, Element):
        raise TypeError("SubElement() argument 1 must be "
                        "xml.etree.ElementTree.Element, not %s"
                        % _type_name(parent))
    if not isinstance(attrib, dict):
        raise TypeError("SubElement() argument 3 must be dict, not %s"
                        % _type_name(attrib))
    # CPython's C version makes a plain Element whatever the parent's class.
    element = Element(tag, attrib, **extra)
    children = parent._children
    if children is None:
        parent._children = [element]
    else:
        children.append(element)
    return element


def Comment(text=None):
    """A comment element; its tag is this function."""
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    """A processing-instruction element; its text is "target text"."""
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = target + " " + text
    return element


PI = ProcessingInstruction


def iselement(element):
    return hasattr(element, "tag")


class QName:
    """A qualified name, "{uri}local"; serialised with a prefix."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _other(self, other):
        return other.text if isinstance(other, QName) else other

    def __le__(self, other):
        return self.text <= self._other(other)

    def __lt__(self, other):
        return self.text < self._other(other)

    def __ge__(self, other):
        return self.text >= self._other(other)

    def __gt__(self, other):
        return self.text > self._other(other)

    def __eq__(self, other):
        return self.text == self._other(other)


# --------------------------------------------------------------------
# ElementPath: the XPath subset of find/findall/findtext/iterfind.

_SPECIAL_PATH_CHARS = frozenset("/[]@.*(){}:= !'\"")


_plain_tags = {}


def _plain_tag(path):
    """True when `path` is a bare tag name (the common, fast case)."""
    plain = _plain_tags.get(path)
    if plain is None:
        if type(path) is not str or not path:
            return False
        plain = True
        for c in path:
            if c in _SPECIAL_PATH_CHARS:
                plain = False
                break
        if len(_plain_tags) > 1000:
            _plain_tags.clear()
        _plain_tags[path] = plain
    return plain


_path_token_re = re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]()@=])"
    r"|((?:\{[^}]+\})?[^/\[\]()@!=\s]+)"
    r"|\s+")


def _path_tokens(path, namespaces):
    default_ns = namespaces.get("") if namespaces else None
    in_attribute = False
    for m in _path_token_re.finditer(path):
        op, name = m.group(1), m.group(2)
        if name:
            if name[0] != "{":
                if ":" in name:
                    if namespaces:
                        prefix, local = name.split(":", 1)
                        try:
                            name = "{%s}%s" % (namespaces[prefix], local)
                        except KeyError:
                            raise SyntaxError("prefix %r not found in prefix map"
                                              % prefix) from None
                elif default_ns and not in_attribute:
                    name = "{%s}%s" % (default_ns, name)
            yield ("", name)
            in_attribute = False
        elif op:
            yield (op, "")
            in_attribute = op == "@"


def _tag_matcher(tag):
    """A predicate on element tags for a path step's tag (with the
    {*} and {ns}* wildcards), or None when any child matches."""
    if tag == "*" or tag == "{*}*":
        return None
    if tag[:3] == "{*}":
        local = tag[3:]
        suffix = "}" + local
        return lambda t: t == local or (isinstance(t, str) and t[:1] == "{"
                                        and t.endswith(suffix))
    if tag == "{}*":
        return lambda t: isinstance(t, str) and t[:1] != "{"
    if tag[:2] == "{}":
        local = tag[2:]
        return lambda t: t == local
    if tag[-2:] == "}*":
        prefix = tag[:-1]
        return lambda t: isinstance(t, str) and t.startswith(prefix)
    return lambda t: t == tag


class _PathContext:
    """State shared by the steps of one search: the parent map, built
    only when a step needs it ('..' or an index predicate)."""

    def __init__(self, root):
        self.root = root
        self.parents = None

    def parent_map(self):
        if self.parents is None:
            parents = {}
            for p in self.root.iter():
                for c in p:
                    parents[c] = p
            self.parents = parents
        return self.parents


def _is_wildcard(tag):
    return tag[:1] == "{" and (tag[:3] == "{*}" or tag[:2] == "{}"
                               or tag[-2:] == "}*")


def _step_children(tag):
    match = None
    if _is_wildcard(tag):
        match = _tag_matcher(tag)
        if match is None:
            tag = "*"
    if tag == "*":
        def step(ctx, elems):
            return [c for e in elems for c in e]
    elif match is None:
        def step(ctx, elems):
            return [c for e in elems for c in e if c.tag == tag]
    else:
        def step(ctx, elems):
            return [c for e in elems for c in e if match(c.tag)]
    return step


def _step_descendants(tag):
    match = _tag_matcher(tag)
    if match is None:
        def step(ctx, elems):
            return [d for e in elems for d in e.iter() if d is not e]
        return step
    if not _is_wildcard(tag):
        def step(ctx, elems):
            return [d for e in elems for d in e.iter(tag) if d is not e]
        return step
    def step(ctx, elems):
        return [d for e in elems for d in e.iter() if d is not e and match(d.tag)]
    return step


def _step_self(ctx, elems):
    return elems


def _step_parent(ctx, elems):
    parents = ctx.parent_map()
    seen = set()
    out = []
    for e in elems:
        p = parents.get(e)
        if p is not None and id(p) not in seen:
            seen.add(id(p))
            out.append(p)
    return out


def _predicate_step(tokens):
    """Build the step for one [...] predicate from its tokens."""
    signature = ""
    values = []
    for op, name in tokens:
        if not op:
            signature += "-"
            values.append(name)
        elif op[0] in "'\"":
            signature += "'"
            values.append(op[1:-1])
        else:
            signature += op
            values.append(op)
    if signature == "@-":
        key = values[1]
        def step(ctx, elems):
            return [e for e in elems if e.get(key) is not None]
        return step
    if signature in ("@-='", "@-!='"):
        key = values[1]
        value = values[-1]
        if "!=" in signature:
            def step(ctx, elems):
                return [e for e in elems if e.get(key) != value]
        else:
            def step(ctx, elems):
                return [e for e in elems if e.get(key) == value]
        return step
    if signature == "-" and not re.match(r"-?\d+$", values[0]):
        tag = values[0]
        def step(ctx, elems):
            return [e for e in elems if e.find(tag) is not None]
        return step
    if signature in ("-='", "-!='", ".='", ".!='"):
        value = values[-1]
        negate = "!=" in signature
        if signature[0] == ".":
            def step(ctx, elems):
                return [e for e in elems
                        if ("".join(e.itertext()) == value) != negate]
            return step
        tag = values[0]
        def step(ctx, elems):
            out = []
            for e in elems:
                for child in e.findall(tag):
                    if ("".join(child.itertext()) == value) != negate:
                        out.append(e)
                        break
            return out
        return step
    if signature in ("-", "-()", "-()-"):
        if signature == "-":
            index = int(values[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if values[0] != "last":
                raise SyntaxError("unsupported function")
            if signature == "-()-":
                try:
                    index = int(values[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression") from None
                if index > -2:
                    raise SyntaxError("XPath offset from last() must be negative")
            else:
                index = -1
        def step(ctx, elems):
            parents = ctx.parent_map()
            out = []
            for e in elems:
                try:
                    parent = parents[e]
                    siblings = parent.findall(e.tag)
                    if siblings[index] is e:
                        out.append(e)
                except (IndexError, KeyError):
                    pass
            return out
        return step
    raise SyntaxError("invalid predicate")


_path_cache = {}


def _compile_path(path, namespaces):
    if path[-1:] == "/":
        path = path + "*"
    tokens = list(_path_tokens(path, namespaces))
    steps = []
    i = 0
    n = len(tokens)
    if n and tokens[0][0] in ("/", "//"):
        raise SyntaxError("cannot use absolute path on element")
    while i < n:
        op, name = tokens[i]
        i += 1
        if op == "":
            steps.append(_step_children(name))
        elif op == "*":
            steps.append(_step_children("*"))
        elif op == ".":
            steps.append(_step_self)
        elif op == "..":
            steps.append(_step_parent)
        elif op == "//":
            if i >= n:
                raise SyntaxError("invalid path")
            op, name = tokens[i]
            i += 1
            if op == "*":
                name = "*"
            elif op != "":
                raise SyntaxError("invalid descendant")
            steps.append(_step_descendants(name))
        elif op == "[":
            if not steps:
                raise SyntaxError("invalid path")
            inner = []
            while True:
                if i >= n:
                    # CPython fails this way on an unterminated predicate.
                    raise TypeError("'NoneType' object is not callable")
                token = tokens[i]
                i += 1
                if token[0] == "]":
                    break
                inner.append(token)
            steps.append(_predicate_step(inner))
        else:
            raise SyntaxError("invalid path")
        # Between steps a single "/" separates; "//" starts its own step.
        if i < n:
            op = tokens[i][0]
            if op == "/":
                i += 1
                if i >= n:
                    raise SyntaxError("invalid path")
            elif op not in ("[", "//"):
                raise SyntaxError("invalid path")
    return steps


def _select(elem, path, namespaces=None):
    if namespaces:
        key = (path, tuple(sorted(namespaces.items())))
    else:
        key = path
    steps = _path_cache.get(key)
    if steps is None:
        if len(_path_cache) > 100:
            _path_cache.clear()
        steps = _compile_path(path, namespaces)
        _path_cache[key] = steps
    if not steps:
        return []
    ctx = _PathContext(elem)
    elems = [elem]
    for step in steps:
        elems = step(ctx, elems)
        if not elems:
            break
    return elems


# --------------------------------------------------------------------
# ElementTree

class ElementTree:
    """A whole document: a root element, parsed from or written to a
    file."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _root_path(self, path):
        if path[:1] == "/":
            path = "." + path
            import warnings
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be "
                "fixed in a future version.  If you rely on the current "
                "behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._root_path(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._root_path(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._root_path(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._root_path(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *,
              short_empty_elements=True):
        text, encoding = _serialize_document(
            self._root, encoding, xml_declaration, default_namespace,
            method, short_empty_elements)
        unicode_out = encoding.lower() == "unicode"
        if hasattr(file_or_filename, "write"):
            if unicode_out:
                file_or_filename.write(text)
            else:
                file_or_filename.write(_encode(text, encoding))
        else:
            if unicode_out:
                with open(file_or_filename, "w", encoding="utf-8") as f:
                    f.write(text)
            else:
                with open(file_or_filename, "wb") as f:
                    f.write(_encode(text, encoding))

    def write_c14n(self, file):
        raise NotImplementedError("canonicalization is not supported")


# --------------------------------------------------------------------
# Serialisation

_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}


def register_namespace(prefix, uri):
    """Make `prefix` the serialisation prefix of namespace `uri`."""
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _raise_serialization_error(text):
    raise TypeError("cannot serialize %r (type %s)" % (text, type(text).__name__))


def _escape_cdata(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        if '"' in text:
            text = text.replace('"', "&quot;")
        if "\r" in text:
            text = text.replace("\r", "&#13;")
        if "\n" in text:
            text = text.replace("\n", "&#10;")
        if "\t" in text:
            text = text.replace("\t", "&#09;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_html(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        if '"' in text:
            text = text.replace('"', "&quot;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _collect_namespaces(root, default_namespace):
    """Map every tag and attribute name in the tree to its serialised
    form, and the namespaces used to their prefixes."""
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        try:
            if qname[:1] == "{":
                uri, local = qname[1:].rsplit("}", 1)
                prefix = namespaces.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(namespaces)
                    if prefix != "xml":
                        namespaces[uri] = prefix
                if prefix:
                    qnames[qname] = "%s:%s" % (prefix, local)
                else:
                    qnames[qname] = local
            else:
                if default_namespace:
                    raise ValueError("cannot use non-qualified names with "
                                     "default_namespace option")
                qnames[qname] = qname
        except TypeError:
            _raise_serialization_error(qname)

    for elem in root.iter():
        tag = elem.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        try:
            attrib = elem._attrib
        except AttributeError:
            attrib = elem.attrib
        if attrib:
            for key, value in attrib.items():
                if isinstance(key, QName):
                    key = key.text
                if key not in qnames:
                    add_qname(key)
                if isinstance(value, QName) and value.text not in qnames:
                    add_qname(value.text)
        text = elem.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _write_xml(write, elem, qnames, namespaces, short_empty):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for child in elem._children or _NO_CHILDREN:
                _write_xml(write, child, qnames, None, short_empty)
        else:
            write("<" + tag)
            try:
                attrib = elem._attrib
            except AttributeError:
                attrib = elem.attrib
            if namespaces:
                for uri, prefix in sorted(namespaces.items(),
                                          key=lambda item: item[1]):
                    if prefix:
                        prefix = ":" + prefix
                    write(' xmlns%s="%s"' % (prefix, _escape_attrib(uri)))
            if attrib:
                for key, value in attrib.items():
                    if isinstance(key, QName):
                        key = key.text
                    if isinstance(value, QName):
                        value = qnames[value.text]
                    else:
                        value = _escape_attrib(value)
                    write(' %s="%s"' % (qnames[key], value))
            # The children list itself: `for child in elem` and
            # `len(elem)` would cost a Python call each per element.
            try:
                children = elem._children or _NO_CHILDREN
            except AttributeError:
                children = list(elem)
            if text or children or not short_empty:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for child in children:
                    _write_xml(write, child, qnames, None, short_empty)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr",
              "img", "input", "isindex", "link", "meta", "param", "source",
              "track", "wbr"}


def _write_html(write, elem, qnames, namespaces, short_empty=None):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for child in elem._children or _NO_CHILDREN:
                _write_html(write, child, qnames, None)
        else:
            write("<" + tag)
            try:
                attrib = elem._attrib
            except AttributeError:
                attrib = elem.attrib
            if namespaces:
                for uri, prefix in sorted(namespaces.items(),
                                          key=lambda item: item[1]):
                    if prefix:
                        prefix = ":" + prefix
                    write(' xmlns%s="%s"' % (prefix, _escape_attrib(uri)))
            if attrib:
                for key, value in attrib.items():
                    if isinstance(key, QName):
                        key = key.text
                    if isinstance(value, QName):
                        value = qnames[value.text]
                    else:
                        value = _escape_attrib_html(value)
                    write(' %s="%s"' % (qnames[key], value))
            write(">")
            lower = tag.lower()
            if text:
                if lower == "script" or lower == "style":
                    write(text)
                else:
                    write(_escape_cdata(text))
            for child in elem._children or _NO_CHILDREN:
                _write_html(write, child, qnames, None)
            if lower not in HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_document(root, encoding, xml_declaration, default_namespace,
                        method, short_empty_elements):
    """The serialised document as one string, and the effective encoding."""
    if not method:
        method = "xml"
    elif method not in ("xml", "html", "text"):
        raise ValueError("unknown method %r" % method)
    if not encoding:
        encoding = "us-ascii"
    parts = []
    write = parts.append
    lower = encoding.lower()
    if method == "xml" and (xml_declaration or (
            xml_declaration is None
            and lower not in ("utf-8", "us-ascii", "unicode"))):
        declared = "utf-8" if lower == "unicode" else encoding
        write("<?xml version='1.0' encoding='%s'?>\n" % declared)
    if method == "text":
        for part in root.itertext():
            write(part)
        if root.tail:
            write(root.tail)
    else:
        qnames, namespaces = _collect_namespaces(root, default_namespace)
        if method == "xml":
            _write_xml(write, root, qnames, namespaces, short_empty_elements)
        else:
            _write_html(write, root, qnames, namespaces)
    return "".join(parts), encoding


def _encode(text, encoding):
    return text.encode(encoding, "xmlcharrefreplace")


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    """The element (and its tail) serialised: bytes, or str when
    encoding is "unicode"."""
    text, encoding = _serialize_document(
        element, encoding, xml_declaration, default_namespace, method,
        short_empty_elements)
    if encoding == "unicode":
        return text
    if encoding.lower() == "unicode":
        raise TypeError("a bytes-like object is required, not 'str'")
    return _encode(text, encoding)


def tostringlist(element, encoding=None, method=None, *,
                 xml_declaration=None, default_namespace=None,
                 short_empty_elements=True):
    return [tostring(element, encoding, method,
                     xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)]


def dump(elem):
    """Write the element (or tree) to sys.stdout, for debugging."""
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent the tree in place: whitespace-only text and tails become a
    newline plus `space` once per nesting level."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError("Initial indentation level must be >= 0, got %s" % level)
    if not len(tree):
        return
    prefixes = ["\n" + level * space]

    def visit(elem, depth):
        inner = depth + 1
        if inner < len(prefixes):
            child_prefix = prefixes[inner]
        else:
            child_prefix = prefixes[depth] + space
            prefixes.append(child_prefix)
        if not elem.text or not elem.text.strip():
            elem.text = child_prefix
        last = None
        for child in elem:
            if len(child):
                visit(child, inner)
            if not child.tail or not child.tail.strip():
                child.tail = child_prefix
            last = child
        # The last child's tail closes the parent: one level less.
        if not last.tail.strip():
            last.tail = prefixes[depth]

    visit(tree, 0)


# --------------------------------------------------------------------
# Parsing helpers

def parse(source, parser=None):
    """Parse a file name or file object into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def iterparse(source, events=None, parser=None):
    """Parse incrementally, yielding (event, element) pairs; the
    iterator's `root` is set once the whole document has been read."""
    pull = XMLPullParser(events=events, _parser=parser)

    def iterate(source):
        close_source = False
        try:
            if not hasattr(source, "read"):
                source = open(source, "rb")
                close_source = True
            yield None
            queue = pull._events_queue
            feed = pull._parser.feed
            while True:
                data = source.read(16 * 1024)
                if not data:
                    break
                try:
                    feed(data)
                except SyntaxError:
                    # The events before the error first.
                    batch = queue[:]
                    del queue[:]
                    yield from batch
                    raise
                if queue:
                    # A batch at a time: the events are yielded by the
                    # list's own iterator, not by a Python call each.
                    batch = queue[:]
                    del queue[:]
                    yield from batch
            try:
                root = pull._close_and_return_root()
            except SyntaxError:
                batch = queue[:]
                del queue[:]
                yield from batch
                raise
            batch = queue[:]
            del queue[:]
            yield from batch
            it.root = root
        finally:
            if close_source:
                source.close()

    class IterParseIterator:
        __next__ = iterate(source).__next__

        def __iter__(self):
            return self

    it = IterParseIterator()
    it.root = None
    # Opens the file now, so that a missing one fails here.
    next(it)
    return it


class XMLPullParser:
    """A non-blocking parser: feed it data, then read the events."""

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        self._parser._setevents(self._events_queue, events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        events = self._events_queue
        while events:
            # Take the whole batch at once; popping from the front of a
            # long list one by one would be quadratic.
            batch = events[:]
            del events[:]
            for i, event in enumerate(batch):
                if isinstance(event, Exception):
                    events[:0] = batch[i + 1:]
                    raise event
                yield event


def XML(text, parser=None):
    """Parse a document from a string (or bytes); return the root."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def XMLID(text, parser=None):
    """Parse a document; return the root and a dict of elements by id."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    tree = parser.close()
    ids = {}
    for elem in tree.iter():
        id_ = elem.get("id")
        if id_:
            ids[id_] = elem
    return tree, ids


def fromstringlist(sequence, parser=None):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()


# --------------------------------------------------------------------
# TreeBuilder

class TreeBuilder:
    """A parser target that builds a tree of elements."""

    def __init__(self, element_factory=None, *, comment_factory=None,
                 pi_factory=None, insert_comments=False, insert_pis=False):
        self._data = []
        self._stack = []
        self._last = None
        self._root = None
        self._tail = False
        self._factory = element_factory if element_factory is not None else Element
        self._comment_factory = comment_factory if comment_factory is not None else Comment
        self._pi_factory = pi_factory if pi_factory is not None else ProcessingInstruction
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis
        # Set by XMLParser._setevents: the queue and the wanted events.
        self._events = None
        self._event_names = ()

    def close(self):
        return self._root

    def _flush(self):
        data = self._data
        if data:
            last = self._last
            if last is not None:
                text = data[0] if len(data) == 1 else "".join(data)
                if self._tail:
                    last.tail = text
                else:
                    last.text = text
            self._data = []

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        if self._data:
            self._flush()
        self._last = elem = self._factory(tag, attrs)
        stack = self._stack
        if stack:
            parent = stack[-1]
            if isinstance(parent, Element):
                if parent._children is None:
                    parent._children = [elem]
                else:
                    parent._children.append(elem)
            else:
                parent.append(elem)
        elif self._root is None:
            self._root = elem
        stack.append(elem)
        self._tail = False
        if self._events is not None and "start" in self._event_names:
            self._events.append(("start", elem))
        return elem

    def end(self, tag):
        if self._data:
            self._flush()
        self._last = elem = self._stack.pop()
        self._tail = True
        if self._events is not None and "end" in self._event_names:
            self._events.append(("end", elem))
        return elem

    def comment(self, text):
        return self._single(self._comment_factory, self.insert_comments,
                            "comment", text)

    def pi(self, target, text=None):
        return self._single(self._pi_factory, self.insert_pis, "pi",
                            target, text)

    def _single(self, factory, insert, event, *args):
        wanted = self._events is not None and event in self._event_names
        if not (insert and self._stack) and not wanted:
            return None
        elem = factory(*args)
        if insert and self._stack:
            self._flush()
            self._stack[-1].append(elem)
            self._last = elem
            self._tail = True
        if wanted:
            self._events.append((event, elem))
        return elem

    def _start_ns(self, prefix, uri):
        if self._events is not None and "start-ns" in self._event_names:
            self._events.append(("start-ns", (prefix or "", uri or "")))

    def _end_ns(self, prefix):
        if self._events is not None and "end-ns" in self._event_names:
            self._events.append(("end-ns", None))


# --------------------------------------------------------------------
# XMLParser

class XMLParser:
    """An XML parser over `pyexpat` that reports to a target object (a
    TreeBuilder by default): start/end/data/comment/pi/start_ns/end_ns/
    doctype/close, with names as `{uri}local`."""

    def __init__(self, *, target=None, encoding=None):
        import pyexpat
        parser = pyexpat.ParserCreate(encoding, "}")
        # krait's parser can report names as "{uri}local" itself, so the
        # target's methods are its handlers, with no Python layer between.
        parser._etree_names = True
        if target is None:
            target = TreeBuilder()
        self.parser = self._parser = parser
        self.target = self._target = target
        self._error = pyexpat.error
        self.entity = {}
        self.version = "Expat %d.%d.%d" % pyexpat.version_info
        parser.DefaultHandlerExpand = self._default
        self._bind(target, False)
        # expat reports each line of character data apart and so do
        # custom targets see it (as with CPython's C parser); a
        # TreeBuilder joins the pieces anyway, so it gets whole runs.
        parser.buffer_text = type(target) is TreeBuilder
        parser.ordered_attributes = False

    def _bind(self, target, with_events):
        """Sets the parser's handlers to the target's methods. A stock
        TreeBuilder whose events and options need no Python code per
        element has the parser build its tree itself."""
        parser = self.parser
        if (type(target) is TreeBuilder and target._factory is Element
                and not target.insert_comments and not target.insert_pis
                and not (with_events and ("comment" in target._event_names
                                          or "pi" in target._event_names))):
            parser._etree_builder = (target, Element)
            if with_events:
                if "start-ns" in target._event_names:
                    parser.StartNamespaceDeclHandler = target._start_ns
                if "end-ns" in target._event_names:
                    parser.EndNamespaceDeclHandler = target._end_ns
            return
        parser._etree_builder = None
        start = getattr(target, "start", None)
        if start is not None:
            parser.StartElementHandler = start
        end = getattr(target, "end", None)
        if end is not None:
            parser.EndElementHandler = end
        data = getattr(target, "data", None)
        if data is not None:
            parser.CharacterDataHandler = data
        comment = getattr(target, "comment", None)
        if comment is not None:
            parser.CommentHandler = comment
        pi = getattr(target, "pi", None)
        if pi is not None:
            parser.ProcessingInstructionHandler = pi
        start_ns = getattr(target, "start_ns", None)
        if start_ns is not None:
            parser.StartNamespaceDeclHandler = (
                lambda prefix, uri: start_ns(prefix or "", uri or ""))
        elif with_events and "start-ns" in target._event_names:
            parser.StartNamespaceDeclHandler = target._start_ns
        end_ns = getattr(target, "end_ns", None)
        if end_ns is not None:
            parser.EndNamespaceDeclHandler = (
                lambda prefix: end_ns(prefix or ""))
        elif with_events and "end-ns" in target._event_names:
            parser.EndNamespaceDeclHandler = target._end_ns
        doctype = getattr(target, "doctype", None)
        if doctype is not None:
            parser.StartDoctypeDeclHandler = (
                lambda name, system, public, subset: doctype(name, public, system))

    def _setevents(self, events_queue, events_to_report):
        target = self.target
        if not isinstance(target, TreeBuilder):
            raise TypeError("event handling only supported for "
                            "ElementTree.TreeBuilder targets")
        names = []
        for event in events_to_report:
            if event not in ("start", "end", "start-ns", "end-ns",
                             "comment", "pi"):
                raise ValueError("unknown event %r" % event)
            names.append(event)
        target._events = events_queue
        target._event_names = tuple(names)
        self._bind(target, True)

    def _raiseerror(self, value):
        err = ParseError(value)
        err.code = value.code
        err.position = value.lineno, value.offset
        raise err

    def _default(self, text):
        # A reference to an entity an external DTD may declare: the
        # `entity` dict may know it.
        if text[:1] == "&":
            data = getattr(self.target, "data", None)
            if data is None:
                return
            try:
                data(self.entity[text[1:-1]])
            except KeyError:
                parser = self.parser
                err = self._error("undefined entity %s: line %d, column %d"
                                  % (text, parser.ErrorLineNumber,
                                     parser.ErrorColumnNumber))
                err.code = 11
                err.lineno = parser.ErrorLineNumber
                err.offset = parser.ErrorColumnNumber
                raise err from None

    def feed(self, data):
        """Feed str or bytes data to the parser."""
        try:
            self.parser.Parse(data, False)
        except self._error as v:
            self._raiseerror(v)

    def flush(self):
        """Nothing is held back from the target: a no-op."""

    def close(self):
        """Finish the document; return the target's close() result."""
        try:
            self.parser.Parse(b"", True)
        except self._error as v:
            self._raiseerror(v)
        try:
            close = getattr(self.target, "close", None)
            if close is not None:
                return close()
            return None
        finally:
            # The parser's handlers are bound to this object and its
            # target: let go of the cycle (and of the tree it holds), or
            # only the cycle collector would free them.
            del self.parser, self._parser
            del self.target, self._target
