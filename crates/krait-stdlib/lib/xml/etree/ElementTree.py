"""The ElementTree XML API (CPython's `xml.etree.ElementTree`, 3.11).

Elements, trees, the ElementPath subset of XPath, serialisation (xml,
html and text methods, namespace prefixes as CPython assigns them) and
parsing. krait has no expat, so `XMLParser` is a pure-Python XML 1.0
parser built on `re`: tags, attributes, text, comments, processing
instructions, CDATA, character references, the five predefined entities,
internal entities and attribute defaults declared in an internal DTD
subset, and namespace expansion to `{uri}local`. Malformed documents
raise `ParseError` with expat's messages, codes and (line, column)
positions for the common errors.

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

    __slots__ = ("tag", "attrib", "text", "tail", "_children", "__weakref__")

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
            attrib = {}
        self.attrib = attrib
        self.text = None
        self.tail = None
        self._children = []

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        return self.__class__(tag, attrib)

    def __copy__(self):
        # Like CPython's C implementation: the copy is a plain Element
        # that shares the attribute dict but has its own list of children.
        elem = Element(self.tag)
        elem.attrib = self.attrib
        elem.text = self.text
        elem.tail = self.tail
        elem._children = self._children[:]
        return elem

    def __deepcopy__(self, memo):
        from copy import deepcopy
        elem = Element(deepcopy(self.tag, memo))
        elem.attrib = deepcopy(self.attrib, memo)
        elem.text = deepcopy(self.text, memo)
        elem.tail = deepcopy(self.tail, memo)
        elem._children = [deepcopy(child, memo) for child in self._children]
        memo[id(self)] = elem
        return elem

    def __len__(self):
        return len(self._children)

    def __iter__(self):
        return iter(self._children)

    def __getitem__(self, index):
        try:
            return self._children[index]
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
        try:
            self._children[index] = element
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __delitem__(self, index):
        try:
            del self._children[index]
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def append(self, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("append() argument must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _type_name(subelement))
        self._children.append(subelement)

    def extend(self, elements):
        elements = list(elements)
        for e in elements:
            _check_element(e)
        self._children.extend(elements)

    def insert(self, index, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("insert() argument 2 must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _type_name(subelement))
        self._children.insert(index, subelement)

    def remove(self, subelement):
        self._children.remove(subelement)

    def find(self, path, namespaces=None):
        if _plain_tag(path) and not (namespaces and "" in namespaces):
            for child in self._children:
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
            return [child for child in self._children if child.tag == path]
        return _select(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return iter(self.findall(path, namespaces))

    def clear(self):
        self.attrib = {}
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return list(self.attrib)

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        # Walk depth-first with an explicit stack: nested generators
        # would cost a frame per level for every element yielded.
        stack = []
        children = self._children
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
        for child in self._children:
            yield from child.itertext()
            if child.tail:
                yield child.tail


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
    parent._children.append(element)
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
            for child in elem:
                _write_xml(write, child, qnames, None, short_empty)
        else:
            write("<" + tag)
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
            if text or len(elem) or not short_empty:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for child in elem:
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
            for child in elem:
                _write_html(write, child, qnames, None)
        else:
            write("<" + tag)
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
            for child in elem:
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


class _IterParseIterator:
    """The iterator `iterparse` returns; `root` is set once the whole
    document has been read."""

    def __init__(self, source, events, parser):
        self._close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            self._close_source = True
        self._source = source
        self._pull = XMLPullParser(events=events, _parser=parser)
        self._pending = []
        self._done = False
        self.root = None

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._pending:
                event = self._pending.pop()
                return event
            if self._done:
                raise StopIteration
            try:
                data = self._source.read(16 * 1024)
                if data:
                    self._pull.feed(data)
                else:
                    root = self._pull._close_and_return_root()
                    self._done = True
                    self.root = root
                    self._finish()
                events = list(self._pull.read_events())
            except BaseException:
                self._done = True
                self._finish()
                raise
            events.reverse()
            self._pending = events

    def _finish(self):
        if self._close_source:
            self._close_source = False
            self._source.close()


def iterparse(source, events=None, parser=None):
    """Parse incrementally, yielding (event, element) pairs."""
    return _IterParseIterator(source, events, parser)


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

_ERRORS = {
    2: "syntax error",
    3: "no element found",
    4: "not well-formed (invalid token)",
    5: "unclosed token",
    6: "partial character",
    7: "mismatched tag",
    8: "duplicate attribute",
    9: "junk after document element",
    11: "undefined entity",
    12: "recursive entity reference",
    14: "reference to invalid character number",
    17: "XML or text declaration not at start of entity",
    18: "unknown encoding",
    20: "unclosed CDATA section",
    27: "unbound prefix",
    28: "must not undeclare prefix",
    30: "XML declaration not well-formed",
    38: "reserved prefix (xml) must not be undeclared or bound to another "
        "namespace name",
    39: "reserved prefix (xmlns) must not be declared or undeclared",
    40: "prefix must not be bound to one of the reserved namespace names",
}

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XMLNS_NS = "http://www.w3.org/2000/xmlns/"

_NCNAME = r"[^\W\d][\w.\-\u00b7]*"
_QNAME = _NCNAME + r"(?::" + _NCNAME + r")?"
_NAME = r"[^\W\d][\w.\-:\u00b7]*|:[\w.\-:\u00b7]*"
# Characters XML 1.0 forbids anywhere in a document (after line-end
# normalisation, so \r never reaches the parser).
_BAD_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"

_ncname_re = re.compile(_NCNAME)
_name_re = re.compile(_NAME)
_text_re = re.compile("[^<&\\]%s]+" % _BAD_CHARS)
_bad_char_re = re.compile("[%s]" % _BAD_CHARS)
_space_re = re.compile(r"[ \t\n]+")
_start_tag_re = re.compile(
    r"<(%s)((?:[ \t\n]+%s[ \t\n]*=[ \t\n]*(?:\"[^<\"%s]*\"|'[^<'%s]*'))*)[ \t\n]*(/?)>"
    % (_QNAME, _QNAME, _BAD_CHARS, _BAD_CHARS))
_attr_re = re.compile(
    r"(%s)[ \t\n]*=[ \t\n]*(?:\"([^\"]*)\"|'([^']*)')" % _QNAME)
_end_tag_re = re.compile(r"</(%s)[ \t\n]*>" % _QNAME)
_ref_re = re.compile(r"&(?:#([0-9]+)|#x([0-9a-fA-F]+)|(%s));" % _NAME)
_char_ref_re = re.compile(r"&#(?:([0-9]+)|x([0-9a-fA-F]+));")
_xml_decl_re = re.compile(
    r"<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(?:\"[0-9.a-zA-Z_:\-]+\"|'[0-9.a-zA-Z_:\-]+')"
    r"(?:[ \t\n]+encoding[ \t\n]*=[ \t\n]*(?:\"([A-Za-z][\w.\-]*)\"|'([A-Za-z][\w.\-]*)'))?"
    r"(?:[ \t\n]+standalone[ \t\n]*=[ \t\n]*(?:\"(?:yes|no)\"|'(?:yes|no)'))?"
    r"[ \t\n]*\?>")
_QUOTED = r"(?:\"[^\"]*\"|'[^']*')"
_doctype_re = re.compile(
    r"<!DOCTYPE[ \t\n]+(%s)"
    r"(?:[ \t\n]+(?:SYSTEM[ \t\n]+(%s)|PUBLIC[ \t\n]+(%s)(?:[ \t\n]+(%s))?))?"
    r"[ \t\n]*(?:\[((?:[ \t\n]+|<!--.*?-->|<\?.*?\?>|%%%s;"
    r"|<![A-Z](?:[^>\"']|%s)*>)*)\][ \t\n]*)?>"
    % (_QNAME, _QUOTED, _QUOTED, _QUOTED, _NAME, _QUOTED), re.S)
_entity_decl_re = re.compile(
    r"<!ENTITY[ \t\n]+(%s)[ \t\n]+(?:(%s)|(?:SYSTEM|PUBLIC)[^>]*)[ \t\n]*>"
    % (_NAME, _QUOTED))
_attlist_decl_re = re.compile(r"<!ATTLIST[ \t\n]+(%s)((?:[^>\"']|%s)*)>"
                              % (_QNAME, _QUOTED))
_attdef_re = re.compile(
    r"(%s)[ \t\n]+(?:NOTATION[ \t\n]+)?(?:\([^)]*\)|[A-Z]+)[ \t\n]+"
    r"(?:#REQUIRED|#IMPLIED|(?:#FIXED[ \t\n]+)?(%s))" % (_QNAME, _QUOTED))
_comment_in_subset_re = re.compile(r"<!--.*?-->|<\?.*?\?>", re.S)

_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}


def _valid_char(code):
    return (0x20 <= code <= 0xD7FF or code in (0x9, 0xA, 0xD)
            or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF)


def _decode_error_start(exc):
    start = getattr(exc, "start", None)
    if start is None:
        # krait's UnicodeDecodeError has no .start: read the message.
        m = re.search(r"position (\d+)", str(exc))
        start = int(m.group(1)) if m else 0
    return start


_WINDOW = 512


class _NeedMore(Exception):
    """Internal: the token at the parse position is incomplete."""


class XMLParser:
    """An XML parser that reports to a target object (a TreeBuilder by
    default): start/end/data/comment/pi/start_ns/end_ns/doctype/close."""

    def __init__(self, *, target=None, encoding=None):
        if target is None:
            target = TreeBuilder()
        self.target = target
        self.entity = {}
        self.version = "Expat 2.5.0"
        self._encoding = encoding
        self._codec = None
        self._pending_bytes = b""
        self._buf = ""
        self._pos = 0
        self._line = 1          # line and column of self._buf[0]
        self._col = 0
        self._offset = 0        # document offset of self._buf[0]
        self._held_cr = False
        self._stack = []        # raw names of the open elements
        self._ns_stack = []     # per open element: namespace bindings to undo
        self._tag_stack = []    # per open element: its expanded tag
        self._tag_cache = {}    # raw name -> expanded tag, current bindings
        self._nsmap = {"xml": _XML_NS}
        self._default_ns = ""
        self._state = 0         # 0 before the root, 1 inside it, 2 after it
        self._entities = {}
        self._attr_defaults = {}
        self._external_dtd = False
        self._expansions = 0
        self._error = None
        self._closed = False
        self._bind_target(target)

    def _bind_target(self, target):
        self._on_start = getattr(target, "start", None)
        self._on_end = getattr(target, "end", None)
        self._on_data = getattr(target, "data", None)
        self._on_comment = getattr(target, "comment", None)
        self._on_pi = getattr(target, "pi", None)
        self._on_start_ns = getattr(target, "start_ns", None)
        self._on_end_ns = getattr(target, "end_ns", None)
        self._on_doctype = getattr(target, "doctype", None)
        if isinstance(target, TreeBuilder):
            if self._on_start_ns is None:
                self._on_start_ns = target._start_ns
            if self._on_end_ns is None:
                self._on_end_ns = target._end_ns
        # expat reports each line of character data separately; custom
        # targets see the same pieces, a TreeBuilder gets whole runs.
        self._split_lines = type(target) is not TreeBuilder

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

    # -- input ---------------------------------------------------------

    def feed(self, data):
        """Feed str or bytes data to the parser."""
        if self._error is not None:
            raise self._error
        if isinstance(data, str):
            text = data
        elif isinstance(data, (bytes, bytearray, memoryview)):
            text = self._decode(bytes(data), False)
        else:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % _type_name(data))
        if len(text) <= _WINDOW:
            self._add_text(text, False)
            self._run(False)
        else:
            # krait's re matches at an offset in O(len(string)) time on
            # non-ASCII strings, so the scanner works on a bounded window
            # of the input rather than on the whole document.
            for start in range(0, len(text), _WINDOW):
                self._add_text(text[start:start + _WINDOW], False)
                self._run(False)

    def close(self):
        """Finish the document; return the target's close() result."""
        if self._error is not None:
            raise self._error
        if self._pending_bytes:
            self._add_text(self._decode(b"", True), True)
        else:
            self._add_text("", True)
        self._run(True)
        self._closed = True
        close = getattr(self.target, "close", None)
        if close is not None:
            return close()
        return None

    def _decode(self, data, final):
        data = self._pending_bytes + data
        self._pending_bytes = b""
        if self._codec is None:
            if not final and len(data) < 4 and self._encoding is None:
                self._pending_bytes = data
                return ""
            codec = self._detect_encoding(data, final)
            if codec is None:
                self._pending_bytes = data
                return ""
            if data[:3] == b"\xef\xbb\xbf" and codec == "utf-8":
                data = data[3:]
            self._codec = codec
        try:
            return data.decode(self._codec)
        except LookupError:
            raise
        except UnicodeDecodeError as exc:
            start = _decode_error_start(exc)
            good = data[:start].decode(self._codec)
            truncated = "end of data" in str(exc) and len(data) - start < 4
            if truncated and not final:
                self._pending_bytes = data[start:]
                return good
            if truncated:
                self._partial_at = self._offset + len(self._buf) + len(good)
                return good
            # Stand in an invalid character for the bad byte: the parser
            # reports "not well-formed" when it reaches it.
            return good + "\x00"

    def _detect_encoding(self, data, final):
        if self._encoding is not None:
            return self._encoding
        if data[:3] == b"\xef\xbb\xbf":
            return "utf-8"
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
        if data[:5] == b"<?xml":
            end = data.find(b"?>")
            if end < 0:
                return None if not final else "utf-8"
            m = re.search(rb"encoding[ \t\n]*=[ \t\n]*[\"']([A-Za-z][\w.\-]*)[\"']",
                          data[:end])
            if m:
                name = m.group(1).decode("ascii")
                try:
                    b"".decode(name)
                except LookupError:
                    raise LookupError("unknown encoding: %s" % name) from None
                return name
        return "utf-8"

    def _add_text(self, text, final):
        if self._held_cr:
            text = "\r" + text
            self._held_cr = False
        if text.endswith("\r") and not final:
            # "\r\n" may straddle two feeds.
            text = text[:-1]
            self._held_cr = True
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if text:
            if self._pos:
                self._compact()
            if self._buf:
                self._buf += text
            else:
                self._buf = text

    def _compact(self):
        buf = self._buf
        pos = self._pos
        lines = buf.count("\n", 0, pos)
        if lines:
            self._line += lines
            self._col = pos - buf.rfind("\n", 0, pos) - 1
        else:
            self._col += pos
        self._offset += pos
        self._buf = buf[pos:]
        self._pos = 0

    # -- errors --------------------------------------------------------

    def _where(self, pos):
        buf = self._buf
        lines = buf.count("\n", 0, pos)
        if lines:
            return self._line + lines, pos - buf.rfind("\n", 0, pos) - 1
        return self._line, self._col + pos

    def _fail(self, code, pos, message=None):
        line, column = self._where(pos)
        if message is None:
            message = _ERRORS[code]
        err = ParseError("%s: line %d, column %d" % (message, line, column))
        err.code = code
        err.position = (line, column)
        self._error = err
        raise err

    # -- the scanner ---------------------------------------------------

    def _run(self, final):
        try:
            self._scan(final)
        except _NeedMore:
            if final:
                self._check_partial()
                self._fail(5, self._pos)
        if final:
            self._check_partial()
            if self._pos < len(self._buf):
                self._fail(5, self._pos)
            if self._state != 2:
                self._fail(3, len(self._buf))

    def _check_partial(self):
        partial = getattr(self, "_partial_at", None)
        if partial is not None:
            self._fail(6, partial - self._offset)

    def _scan(self, final):
        buf = self._buf
        end = len(buf)
        pos = self._pos
        stack = self._stack
        text_match = _text_re.match
        start_tag_match = _start_tag_re.match
        end_tag_match = _end_tag_re.match
        on_data = self._on_data
        split_lines = self._split_lines
        while pos < end:
            self._pos = pos
            if stack:
                c = buf[pos]
                if c == "<":
                    if pos + 1 >= end:
                        raise _NeedMore
                    c2 = buf[pos + 1]
                    if c2 == "/":
                        m = end_tag_match(buf, pos)
                        if m is None:
                            self._diagnose_end_tag(pos, final)
                        name = m.group(1)
                        if name != stack[-1]:
                            self._fail(7, pos + 2)
                        stack.pop()
                        self._pos = pos = m.end()
                        self._end_element(name)
                        if not stack:
                            self._state = 2
                        continue
                    if c2 == "!":
                        pos = self._markup_decl(pos, final, True)
                        buf = self._buf
                        end = len(buf)
                        continue
                    if c2 == "?":
                        pos = self._pi(pos, final)
                        continue
                    m = start_tag_match(buf, pos)
                    if m is None:
                        self._diagnose_start_tag(pos, final)
                    pos = m.end()
                    self._start_element(m, pos)
                    continue
                if c == "&":
                    pos = self._reference(pos, final)
                    buf = self._buf
                    end = len(buf)
                    continue
                m = text_match(buf, pos)
                if m is not None:
                    if on_data is not None:
                        text = m.group()
                        if split_lines and "\n" in text:
                            for piece in _split_lines_re.findall(text):
                                on_data(piece)
                        else:
                            on_data(text)
                    pos = m.end()
                    continue
                if c == "]":
                    run_end = pos + 1
                    while run_end < end and buf[run_end] == "]":
                        run_end += 1
                    if run_end == end and not final:
                        raise _NeedMore
                    if run_end - pos >= 2 and buf.startswith(">", run_end):
                        self._fail(4, run_end)
                    if on_data is not None:
                        on_data(buf[pos:run_end])
                    pos = run_end
                    continue
                self._fail(4, pos)
            else:
                m = _space_re.match(buf, pos)
                if m is not None:
                    pos = m.end()
                    continue
                c = buf[pos]
                if c == "\ufeff" and self._offset + pos == 0:
                    pos += 1
                    continue
                if c != "<":
                    if self._state == 2:
                        self._fail(9, pos)
                    self._fail(4 if c == "&" else 2, pos)
                if pos + 1 >= end:
                    raise _NeedMore
                c2 = buf[pos + 1]
                if c2 == "?":
                    pos = self._pi(pos, final)
                elif c2 == "!":
                    pos = self._markup_decl(pos, final, False)
                elif c2 == "/":
                    self._fail(4, pos + 1)
                elif self._state == 2:
                    self._fail(9, pos)
                else:
                    m = start_tag_match(buf, pos)
                    if m is None:
                        self._diagnose_start_tag(pos, final)
                    pos = m.end()
                    self._state = 1
                    self._start_element(m, pos)
        self._pos = pos

    # -- elements ------------------------------------------------------

    def _start_element(self, m, after):
        pos = self._pos
        raw, attr_text, empty = m.groups()
        attrib = {}
        if attr_text:
            count = 0
            for name, dq, sq in _attr_re.findall(attr_text):
                value = dq or sq
                if "\n" in value or "\t" in value:
                    value = value.replace("\n", " ").replace("\t", " ")
                if "&" in value:
                    value = self._attr_value(value, pos)
                attrib[name] = value
                count += 1
            if count != len(attrib):
                self._duplicate_attribute(pos, attr_text, m.start(2))
        if self._attr_defaults:
            for name, value in self._attr_defaults.get(raw, ()):
                if name not in attrib:
                    attrib[name] = value
        declared = None
        if attr_text and "xmlns" in attr_text:
            declared = self._declare_namespaces(attrib, pos)
        # Expanded names depend only on the bindings in scope, which
        # change rarely: cache them until the next (un)declaration.
        tag = self._tag_cache.get(raw)
        if tag is None:
            tag = self._expand_tag(raw, pos)
        if attrib and attr_text and ":" in attr_text:
            attrib = self._expand_attributes(attrib, pos)
        if declared is not None and self._on_start_ns is not None:
            for prefix, old in declared:
                uri = self._nsmap.get(prefix) if prefix else self._default_ns
                self._on_start_ns(prefix, uri)
        if self._on_start is not None:
            self._on_start(tag, attrib)
        self._pos = after
        self._ns_stack.append(declared)
        self._tag_stack.append(tag)
        if empty:
            self._end_element(raw)
            if not self._stack:
                self._state = 2
        else:
            self._stack.append(raw)

    def _expand_tag(self, raw, pos):
        if ":" in raw:
            prefix, local = raw.split(":", 1)
            uri = self._nsmap.get(prefix)
            if uri is None:
                self._fail(27, pos)
            tag = "{%s}%s" % (uri, local)
        elif self._default_ns:
            tag = "{%s}%s" % (self._default_ns, raw)
        else:
            tag = raw
        self._tag_cache[raw] = tag
        return tag

    def _end_element(self, raw):
        declared = self._ns_stack.pop()
        tag = self._tag_stack.pop()
        if self._on_end is not None:
            self._on_end(tag)
        if declared is not None:
            self._tag_cache = {}
            for prefix, old in reversed(declared):
                if prefix:
                    if old is None:
                        del self._nsmap[prefix]
                    else:
                        self._nsmap[prefix] = old
                else:
                    self._default_ns = old
                if self._on_end_ns is not None:
                    self._on_end_ns(prefix)

    def _declare_namespaces(self, attrib, pos):
        declared = []
        for name in list(attrib):
            if name == "xmlns":
                prefix = ""
            elif name[:6] == "xmlns:":
                prefix = name[6:]
            else:
                continue
            uri = attrib.pop(name)
            self._tag_cache = {}
            if prefix == "xml":
                if uri != _XML_NS:
                    self._fail(38, pos)
                continue
            if prefix == "xmlns":
                self._fail(39, pos)
            if uri in (_XML_NS, _XMLNS_NS):
                self._fail(40, pos)
            if prefix:
                if not uri:
                    self._fail(28, pos)
                declared.append((prefix, self._nsmap.get(prefix)))
                self._nsmap[prefix] = uri
            else:
                declared.append(("", self._default_ns))
                self._default_ns = uri
        return declared or None

    def _expand_attributes(self, attrib, pos):
        expanded = {}
        for name, value in attrib.items():
            if ":" in name:
                prefix, local = name.split(":", 1)
                uri = self._nsmap.get(prefix)
                if uri is None:
                    self._fail(27, pos)
                name = "{%s}%s" % (uri, local)
                if name in expanded:
                    self._fail(8, pos)
            expanded[name] = value
        return expanded

    def _duplicate_attribute(self, pos, attr_text, attr_start):
        seen = set()
        for m in _attr_re.finditer(attr_text):
            name = m.group(1)
            if name in seen:
                self._fail(8, attr_start + m.start(1))
            seen.add(name)

    def _attr_value(self, value, pos):
        if value.count("&") != len(_ref_re.findall(value)):
            # A malformed reference: find and report its exact position.
            self._diagnose_start_tag(pos, True)
        def replace(m):
            if m.group(1) is not None or m.group(2) is not None:
                return self._char_ref(m, pos)
            name = m.group(3)
            if name in _PREDEFINED:
                return _PREDEFINED[name]
            if name in self._entities:
                replacement = self._entities[name]
                if replacement is None:
                    return ""
                self._expansions += 1
                if self._expansions > 10000:
                    self._fail(12, pos)
                if "&" in replacement:
                    return self._attr_value(replacement, pos)
                return replacement
            if self._external_dtd:
                if name in self.entity:
                    return self.entity[name]
                self._fail(11, pos, "undefined entity &%s;" % name)
            self._fail(11, pos)
        return _ref_re.sub(replace, value)

    def _char_ref(self, m, pos):
        digits = m.group(1)
        try:
            code = int(digits) if digits is not None else int(m.group(2), 16)
        except ValueError:
            code = -1
        if not _valid_char(code):
            self._fail(14, pos)
        return chr(code)

    def _reference(self, pos, final):
        buf = self._buf
        m = _ref_re.match(buf, pos)
        if m is None:
            bad = _bad_reference_at(buf, pos)
            if bad < 0:
                raise _NeedMore
            self._fail(4, bad)
        after = m.end()
        name = m.group(3)
        if name is None:
            text = self._char_ref(m, pos)
        elif name in _PREDEFINED:
            text = _PREDEFINED[name]
        elif name in self._entities:
            text = self._entities[name]
            if text is None:
                return after
            if "<" in text or "&" in text:
                # Markup in an internal entity: parse its replacement
                # text in place of the reference.
                self._expansions += 1
                if self._expansions > 10000:
                    self._fail(12, pos)
                self._buf = buf[:pos] + text + buf[after:]
                return pos
        elif self._external_dtd:
            if name not in self.entity:
                self._fail(11, pos, "undefined entity &%s;" % name)
            text = self.entity[name]
        else:
            self._fail(11, pos)
        if self._on_data is not None and text:
            self._on_data(text)
        return after

    # -- comments, CDATA, doctype, PIs ----------------------------------

    def _markup_decl(self, pos, final, in_content):
        buf = self._buf
        end = len(buf)
        if buf.startswith("<!--", pos):
            close = buf.find("--", pos + 4)
            if close < 0 or close + 2 >= end:
                raise _NeedMore
            if buf[close + 2] != ">":
                self._fail(4, close + 2)
            text = buf[pos + 4:close]
            bad = _bad_char_re.search(text)
            if bad is not None:
                self._fail(4, pos + 4 + bad.start())
            if self._on_comment is not None:
                self._on_comment(text)
            return close + 3
        keyword = "<![CDATA[" if in_content else "<!DOCTYPE"
        if end - pos < 4 and "<!--".startswith(buf[pos:]):
            raise _NeedMore
        if not in_content:
            if self._state == 2:
                self._fail(9, pos)
            if buf.startswith("<![", pos):
                self._fail(2, pos)
        if not buf.startswith(keyword, pos):
            piece = buf[pos:pos + 9]
            for i in range(2, len(piece)):
                if piece[i] != keyword[i] and piece[i] != "<!--"[i:i + 1]:
                    if keyword == "<!DOCTYPE" and i >= 3:
                        self._fail(2, pos)
                    self._fail(4, pos + i)
            raise _NeedMore
        if in_content:
            close = buf.find("]]>", pos + 9)
            if close < 0:
                if final:
                    self._fail(20, end)
                raise _NeedMore
            text = buf[pos + 9:close]
            bad = _bad_char_re.search(text)
            if bad is not None:
                self._fail(4, pos + 9 + bad.start())
            if text and self._on_data is not None:
                if self._split_lines and "\n" in text:
                    for piece in _split_lines_re.findall(text):
                        self._on_data(piece)
                else:
                    self._on_data(text)
            return close + 3
        return self._doctype(pos, final)

    def _doctype(self, pos, final):
        if self._state != 0 or getattr(self, "_seen_doctype", False):
            self._fail(2, pos)
        buf = self._buf
        m = _doctype_re.match(buf, pos)
        if m is None:
            if not final:
                raise _NeedMore
            self._fail(2, pos)
        self._seen_doctype = True
        name, system, pubid, pub_system, subset = m.groups()
        if pubid is not None:
            system = pub_system
            pubid = pubid[1:-1]
        if system is not None:
            system = system[1:-1]
            self._external_dtd = True
        if subset:
            if "%" in _comment_in_subset_re.sub("", subset):
                self._external_dtd = True
            self._read_subset(subset)
        if self._on_doctype is not None:
            self._on_doctype(name, pubid, system)
        return m.end()

    def _read_subset(self, subset):
        subset = _comment_in_subset_re.sub("", subset)
        for m in _entity_decl_re.finditer(subset):
            name, literal = m.group(1), m.group(2)
            if name in self._entities:
                continue        # the first declaration wins
            if literal is None:
                self._entities[name] = None     # external: skipped
            else:
                self._entities[name] = _char_ref_re.sub(
                    lambda r: chr(int(r.group(1)) if r.group(1) else int(r.group(2), 16)),
                    literal[1:-1])
        for m in _attlist_decl_re.finditer(subset):
            defaults = self._attr_defaults.setdefault(m.group(1), [])
            for d in _attdef_re.finditer(m.group(2)):
                if d.group(2) is not None:
                    defaults.append((d.group(1), d.group(2)[1:-1]))

    def _pi(self, pos, final):
        buf = self._buf
        end = len(buf)
        m = _name_re.match(buf, pos + 2)
        if m is None:
            if pos + 2 >= end:
                raise _NeedMore
            self._fail(4, pos + 2)
        target = m.group()
        after = m.end()
        if after >= end:
            raise _NeedMore
        if target.lower() == "xml":
            if target != "xml":
                self._fail(4, after)
            if self._offset + pos != 0:
                self._fail(17, pos)
            close = buf.find("?>", after)
            if close < 0:
                raise _NeedMore
            if _xml_decl_re.match(buf, pos) is None:
                self._fail(30, after)
            return close + 2
        c = buf[after]
        if c == "?":
            if after + 1 >= end:
                raise _NeedMore
            if buf[after + 1] != ">":
                self._fail(4, after + 1)
            data = ""
            close = after
        elif c in " \t\n":
            close = buf.find("?>", after)
            if close < 0:
                raise _NeedMore
            data = buf[after:close].lstrip(" \t\n")
            bad = _bad_char_re.search(data)
            if bad is not None:
                self._fail(4, close - len(data) + bad.start())
        else:
            self._fail(4, after)
        if self._on_pi is not None:
            self._on_pi(target, data)
        return close + 2

    # -- error diagnosis for tags that the fast patterns rejected --------

    def _diagnose_start_tag(self, pos, final):
        try:
            self._check_start_tag(pos)
        except _InvalidAt as exc:
            self._fail(4, exc.pos)

    def _diagnose_end_tag(self, pos, final):
        try:
            self._check_end_tag(pos)
        except _InvalidAt as exc:
            self._fail(4, exc.pos)

    def _check_start_tag(self, pos):
        buf = self._buf
        end = len(buf)
        p = _scan_qname(buf, pos + 1, end)
        while True:
            if p >= end:
                raise _NeedMore
            spaced = False
            m = _space_re.match(buf, p)
            if m is not None:
                p = m.end()
                spaced = True
                if p >= end:
                    raise _NeedMore
            c = buf[p]
            if c == ">":
                break
            if c == "/":
                if p + 1 >= end:
                    raise _NeedMore
                if buf[p + 1] != ">":
                    self._fail(4, p + 1)
                break
            if not spaced:
                self._fail(4, p)
            p = _scan_qname(buf, p, end)
            m = _space_re.match(buf, p)
            if m is not None:
                p = m.end()
            if p >= end:
                raise _NeedMore
            if buf[p] != "=":
                self._fail(4, p)
            p += 1
            m = _space_re.match(buf, p)
            if m is not None:
                p = m.end()
            if p >= end:
                raise _NeedMore
            quote = buf[p]
            if quote != '"' and quote != "'":
                self._fail(4, p)
            p += 1
            while True:
                if p >= end:
                    raise _NeedMore
                c = buf[p]
                if c == quote:
                    p += 1
                    break
                if c == "<" or _bad_char_re.match(c):
                    self._fail(4, p)
                if c == "&":
                    m = _ref_re.match(buf, p)
                    if m is None:
                        bad = _bad_reference_at(buf, p)
                        if bad < 0:
                            raise _NeedMore
                        self._fail(4, bad)
                    p = m.end()
                    continue
                p += 1
            if p >= end:
                raise _NeedMore
            c = buf[p]
            if c not in " \t\n/>":
                self._fail(4, p)
        # The tag is well-formed after all (e.g. an attribute value
        # the fast pattern does not cover); report it as invalid.
        self._fail(4, pos)

    def _check_end_tag(self, pos):
        buf = self._buf
        end = len(buf)
        p = _scan_qname(buf, pos + 2, end)
        m = _space_re.match(buf, p)
        if m is not None:
            p = m.end()
        if p >= end:
            raise _NeedMore
        self._fail(4, p)


_split_lines_re = re.compile(r"\n|[^\n]+")


def _scan_qname(buf, p, end):
    """Position after the (prefixed) name at p; an invalid name is an
    error at its first bad character."""
    if p >= end:
        raise _NeedMore
    m = _ncname_re.match(buf, p)
    if m is None:
        _raise_invalid_at(p)
    p = m.end()
    if p < end and buf[p] == ":":
        p += 1
        if p >= end:
            raise _NeedMore
        m = _ncname_re.match(buf, p)
        if m is None:
            _raise_invalid_at(p)
        p = m.end()
        if p < end and buf[p] == ":":
            _raise_invalid_at(p)
    return p


class _InvalidAt(Exception):
    def __init__(self, pos):
        self.pos = pos


def _raise_invalid_at(p):
    raise _InvalidAt(p)


def _bad_reference_at(buf, p):
    """Where the malformed reference starting at buf[p] == '&' goes
    wrong, or -1 when it is merely incomplete."""
    end = len(buf)
    p += 1
    if p >= end:
        return -1
    if buf[p] == "#":
        p += 1
        if p >= end:
            return -1
        if buf[p] == "x":
            p += 1
            digits = "0123456789abcdefABCDEF"
        else:
            digits = "0123456789"
        start = p
        while p < end and buf[p] in digits:
            p += 1
        if p >= end:
            return -1
        if p == start or buf[p] != ";":
            return p
        return p
    m = _name_re.match(buf, p)
    if m is None:
        return p
    p = m.end()
    if p >= end:
        return -1
    return p
