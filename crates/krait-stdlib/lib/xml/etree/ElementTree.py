"""krait's ElementTree: elements, trees, the ElementPath search subset,
serialisation (xml, html and text), C14N 2.0, and parsing over krait's
native `pyexpat`.

The parser reports names as `{uri}local` itself and, for a stock
TreeBuilder, builds the tree natively (see `XMLParser._bind`): the
attribute names `Element` and `TreeBuilder` keep below are the ones
that native builder reads and writes.

Not supported: external DTDs and external entities (references to them
are skipped), encodings krait has no codec for, pickling of elements.
"""

import re
import sys

__all__ = [
    "C14NWriterTarget", "Comment", "dump", "Element", "ElementTree",
    "canonicalize", "fromstring", "fromstringlist", "indent", "iselement",
    "iterparse", "parse", "ParseError", "PI", "ProcessingInstruction",
    "QName", "SubElement", "tostring", "tostringlist", "TreeBuilder",
    "VERSION", "XML", "XMLID", "XMLParser", "XMLPullParser",
    "register_namespace",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """A document that is not well-formed: `code` is expat's error
    number, `position` the (line, column) of the error."""


def _kind(obj):
    return "None" if obj is None else type(obj).__name__


def _require_element(obj):
    if not isinstance(obj, Element):
        raise TypeError('expected an Element, not "%s"' % type(obj).__name__)


# What an element without children iterates over.
_EMPTY = ()


# ---------------------------------------------------------------------
# Elements


class Element:
    """An XML element: `tag`, `attrib`, `text` (before the first child),
    `tail` (after the end tag) and a sequence of child elements."""

    # The attribute dict and the child list are made only when needed
    # (None until then), as CPython's C elements do: most elements are
    # leaves and many have no attributes.
    __slots__ = ("tag", "_attrib", "text", "tail", "_children", "__weakref__")

    def __init__(self, tag, attrib={}, **extra):
        if type(attrib) is not dict and not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s"
                            % _kind(attrib))
        self.tag = tag
        if extra:
            self._attrib = {**attrib, **extra}
        else:
            self._attrib = attrib.copy() if attrib else None
        self.text = None
        self.tail = None
        self._children = None

    def _get_attrib(self):
        found = self._attrib
        if found is None:
            found = self._attrib = {}
        return found

    def _set_attrib(self, value):
        self._attrib = value

    attrib = property(_get_attrib, _set_attrib)
    del _get_attrib, _set_attrib

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        # Always a plain Element, as with CPython's C implementation.
        return Element(tag, attrib)

    def __copy__(self):
        # Shares the attribute dict, owns a new child list (C behaviour).
        twin = Element(self.tag)
        twin._attrib = self._attrib
        twin.text, twin.tail = self.text, self.tail
        if self._children is not None:
            twin._children = list(self._children)
        return twin

    def __deepcopy__(self, memo):
        from copy import deepcopy
        twin = Element(deepcopy(self.tag, memo))
        twin._attrib = deepcopy(self._attrib, memo)
        twin.text = deepcopy(self.text, memo)
        twin.tail = deepcopy(self.tail, memo)
        kids = self._children
        if kids is not None:
            twin._children = [deepcopy(kid, memo) for kid in kids]
        memo[id(self)] = twin
        return twin

    # -- the child sequence --------------------------------------------

    def __len__(self):
        kids = self._children
        return len(kids) if kids is not None else 0

    def __iter__(self):
        return iter(self._children or _EMPTY)

    def __getitem__(self, index):
        kids = self._children
        if kids is None:
            kids = []
        try:
            return kids[index]
        except IndexError:
            raise IndexError("child index out of range") from None
        except TypeError:
            raise TypeError("element indices must be integers") from None

    def __setitem__(self, index, element):
        if type(index) is slice:
            element = list(element)
            for item in element:
                _require_element(item)
        else:
            _require_element(element)
        if self._children is None:
            self._children = []
        try:
            self._children[index] = element
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __delitem__(self, index):
        kids = self._children
        try:
            del (kids if kids is not None else [])[index]
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def append(self, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("append() argument must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _kind(subelement))
        kids = self._children
        if kids is None:
            self._children = [subelement]
        else:
            kids.append(subelement)

    def extend(self, elements):
        batch = list(elements)
        for item in batch:
            _require_element(item)
        if self._children is None:
            self._children = batch
        else:
            self._children += batch

    def insert(self, index, subelement):
        if not isinstance(subelement, Element):
            raise TypeError("insert() argument 2 must be "
                            "xml.etree.ElementTree.Element, not %s"
                            % _kind(subelement))
        if self._children is None:
            self._children = [subelement]
        else:
            self._children.insert(index, subelement)

    def remove(self, subelement):
        kids = self._children
        if not kids:
            raise ValueError("list.remove(x): x not in list")
        kids.remove(subelement)

    # -- searching -----------------------------------------------------

    def find(self, path, namespaces=None):
        if _is_bare_tag(path) and (namespaces is None or _plain_in(path, namespaces)):
            for kid in self._children or _EMPTY:
                if kid.tag == path:
                    return kid
            return None
        hits = _select(self, path, namespaces)
        return hits[0] if hits else None

    def findtext(self, path, default=None, namespaces=None):
        hit = self.find(path, namespaces)
        if hit is None:
            return default
        return hit.text or ""

    def findall(self, path, namespaces=None):
        if _is_bare_tag(path) and (namespaces is None or _plain_in(path, namespaces)):
            return [kid for kid in self._children or _EMPTY if kid.tag == path]
        return _select(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return iter(self.findall(path, namespaces))

    # -- attributes ----------------------------------------------------

    def clear(self):
        self._attrib = self._children = None
        self.text = self.tail = None

    def get(self, key, default=None):
        found = self._attrib
        return default if found is None else found.get(key, default)

    def set(self, key, value):
        found = self._attrib
        if found is None:
            self._attrib = {key: value}
        else:
            found[key] = value

    def keys(self):
        return list(self._attrib or ())

    def items(self):
        found = self._attrib
        return list(found.items()) if found else []

    # -- walking -------------------------------------------------------

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or tag == self.tag:
            yield self
        # Depth first with an explicit stack of (siblings, next index):
        # one generator frame for the whole walk.
        pending = []
        level = self._children or _EMPTY
        at = 0
        while True:
            if at < len(level):
                node = level[at]
                at += 1
                if tag is None or node.tag == tag:
                    yield node
                below = node._children
                if below:
                    pending.append((level, at))
                    level, at = below, 0
            elif pending:
                level, at = pending.pop()
            else:
                return

    def itertext(self):
        # Comments and PIs give their text as well (C behaviour).
        if self.text:
            yield self.text
        for kid in self._children or _EMPTY:
            yield from kid.itertext()
            if kid.tail:
                yield kid.tail


def SubElement(parent, tag, attrib={}, **extra):
    if not isinstance(parent, Element):
        raise TypeError("SubElement() argument 1 must be "
                        "xml.etree.ElementTree.Element, not %s"
                        % _kind(parent))
    if not isinstance(attrib, dict):
        raise TypeError("SubElement() argument 3 must be dict, not %s"
                        % _kind(attrib))
    child = Element(tag, attrib, **extra)
    kids = parent._children
    if kids is None:
        parent._children = [child]
    else:
        kids.append(child)
    return child


def Comment(text=None):
    node = Element(Comment)
    node.text = text
    return node


def ProcessingInstruction(target, text=None):
    node = Element(ProcessingInstruction)
    node.text = target + " " + text if text else target
    return node


PI = ProcessingInstruction


def iselement(element):
    return hasattr(element, "tag")


class QName:
    """A `{uri}local` name, written out with a namespace prefix."""

    def __init__(self, text_or_uri, tag=None):
        self.text = "{%s}%s" % (text_or_uri, tag) if tag else text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return "<%s %r>" % (type(self).__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    # Compared by text, with another QName or with a plain string.
    def __eq__(self, other):
        return self.text == (other.text if isinstance(other, QName) else other)

    def __lt__(self, other):
        return self.text < (other.text if isinstance(other, QName) else other)

    def __le__(self, other):
        return self.text <= (other.text if isinstance(other, QName) else other)

    def __gt__(self, other):
        return self.text > (other.text if isinstance(other, QName) else other)

    def __ge__(self, other):
        return self.text >= (other.text if isinstance(other, QName) else other)


# ---------------------------------------------------------------------
# ElementPath: the XPath subset of find/findall/findtext/iterfind


# (A prefixed name with no namespace map is a plain tag, as in C.)
_PATH_SPECIALS = frozenset("/[]@.*(){}= !'\"")
_bare_cache = {}


def _plain_in(path, namespaces):
    # A bare tag still needs ElementPath for a prefix or a default.
    return ":" not in path and "" not in namespaces


def _is_bare_tag(path):
    # True when `path` is just a tag name: the common, quick case.
    known = _bare_cache.get(path)
    if known is not None:
        return known
    if type(path) is not str or not path:
        return False
    known = _PATH_SPECIALS.isdisjoint(path)
    if len(_bare_cache) > 1000:
        _bare_cache.clear()
    _bare_cache[path] = known
    return known


_token_re = re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]()@=])"
    r"|((?:\{[^}]+\})?[^/\[\]()@!=\s]+)"
    r"|\s+")


def _tokens(path, namespaces):
    # (operator, "") or ("", name) pairs; prefixes resolved through
    # `namespaces`, unprefixed tags (not attributes) put in its default.
    default = namespaces.get("") if namespaces else None
    after_at = False
    for found in _token_re.finditer(path):
        op, name = found.group(1, 2)
        if name:
            if name[0] != "{":
                if ":" in name:
                    prefix, local = name.split(":", 1)
                    if not namespaces or prefix not in namespaces:
                        raise SyntaxError(
                            "prefix %r not found in prefix map" % prefix)
                    name = "{%s}%s" % (namespaces[prefix], local)
                elif default and not after_at:
                    name = "{%s}%s" % (default, name)
            yield "", name
            after_at = False
        elif op:
            yield op, ""
            after_at = op == "@"


def _wild(tag):
    return tag[:1] == "{" and (tag[:3] == "{*}" or tag[:2] == "{}"
                               or tag[-2:] == "}*")


def _tag_test(tag):
    # A predicate on tags for one path step, None when anything goes.
    if tag in ("*", "{*}*"):
        return None
    if tag[:3] == "{*}":
        local = tag[3:]
        ending = "}" + local
        return lambda t: t == local or (isinstance(t, str) and t[:1] == "{"
                                        and t.endswith(ending))
    if tag == "{}*":
        return lambda t: isinstance(t, str) and t[:1] != "{"
    if tag[:2] == "{}":
        local = tag[2:]
        return lambda t: t == local
    if tag[-2:] == "}*":
        start = tag[:-1]
        return lambda t: isinstance(t, str) and t.startswith(start)
    return lambda t: t == tag


class _Search:
    """One search's shared state: the child-to-parent map, made only
    when a step needs it."""

    __slots__ = ("root", "_up")

    def __init__(self, root):
        self.root = root
        self._up = None

    def parents(self):
        up = self._up
        if up is None:
            up = self._up = {kid: node for node in self.root.iter()
                             for kid in node}
        return up


def _children_step(tag):
    test = _tag_test(tag) if _wild(tag) else None
    if tag == "*" or (test is None and _wild(tag)):
        return lambda ctx, nodes: [k for n in nodes for k in n]
    if test is None:
        return lambda ctx, nodes: [k for n in nodes for k in n if k.tag == tag]
    return lambda ctx, nodes: [k for n in nodes for k in n if test(k.tag)]


def _descendants_step(tag):
    test = _tag_test(tag)
    if test is None:
        return lambda ctx, nodes: [d for n in nodes for d in n.iter()
                                   if d is not n]
    if _wild(tag):
        return lambda ctx, nodes: [d for n in nodes for d in n.iter()
                                   if d is not n and test(d.tag)]
    return lambda ctx, nodes: [d for n in nodes for d in n.iter(tag)
                               if d is not n]


def _self_step(ctx, nodes):
    return nodes


def _parent_step(ctx, nodes):
    up = ctx.parents()
    seen = set()
    result = []
    for node in nodes:
        parent = up.get(node)
        if parent is not None and id(parent) not in seen:
            seen.add(id(parent))
            result.append(parent)
    return result


def _filter_step(tokens):
    # One [...] predicate. Its shape is spelt as a string: "-" a name,
    # "'" a quoted value, operators as themselves.
    shape = ""
    parts = []
    for op, name in tokens:
        if not op:
            shape += "-"
            parts.append(name)
        elif op[0] in "'\"":
            shape += "'"
            parts.append(op[1:-1])
        else:
            shape += op
            parts.append(op)

    if shape == "@-":
        key = parts[1]
        return lambda ctx, nodes: [n for n in nodes if n.get(key) is not None]
    if shape == "@-='":
        key, want = parts[1], parts[-1]
        return lambda ctx, nodes: [n for n in nodes if n.get(key) == want]
    if shape == "@-!='":
        key, want = parts[1], parts[-1]
        # Only elements that have the attribute at all.
        return lambda ctx, nodes: [n for n in nodes
                                   if n.get(key) not in (None, want)]
    if shape == "-" and not re.match(r"-?\d+$", parts[0]):
        sub = parts[0]
        return lambda ctx, nodes: [n for n in nodes if n.find(sub) is not None]
    if shape in (".='", ".!='"):
        want, negate = parts[-1], shape == ".!='"
        return lambda ctx, nodes: [
            n for n in nodes if ("".join(n.itertext()) == want) != negate]
    if shape in ("-='", "-!='"):
        sub, want, negate = parts[0], parts[-1], shape == "-!='"

        def text_step(ctx, nodes):
            return [n for n in nodes
                    if any(("".join(k.itertext()) == want) != negate
                           for k in n.findall(sub))]
        return text_step
    if shape in ("-", "-()", "-()-"):
        if shape == "-":
            position = int(parts[0]) - 1
            if position < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if parts[0] != "last":
                raise SyntaxError("unsupported function")
            position = -1
            if shape == "-()-":
                try:
                    position = int(parts[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression") from None
                if position > -2:
                    raise SyntaxError("XPath offset from last() must be negative")

        def index_step(ctx, nodes):
            up = ctx.parents()
            kept = []
            for node in nodes:
                parent = up.get(node)
                if parent is None:
                    continue
                same = parent.findall(node.tag)
                try:
                    if same[position] is node:
                        kept.append(node)
                except IndexError:
                    pass
            return kept
        return index_step
    raise SyntaxError("invalid predicate")


_compiled_paths = {}


def _compile(path, namespaces):
    if path[-1:] == "/":
        path += "*"
    tokens = list(_tokens(path, namespaces))
    if tokens and tokens[0][0] in ("/", "//"):
        raise SyntaxError("cannot use absolute path on element")
    steps = []
    count = len(tokens)
    i = 0
    while i < count:
        op, name = tokens[i]
        i += 1
        if not op:
            steps.append(_children_step(name))
        elif op == "*":
            steps.append(_children_step("*"))
        elif op == ".":
            steps.append(_self_step)
        elif op == "..":
            steps.append(_parent_step)
        elif op == "//":
            if i == count:
                raise SyntaxError("invalid path")
            op, name = tokens[i]
            i += 1
            if op == "*":
                name = "*"
            elif op:
                raise SyntaxError("invalid descendant")
            steps.append(_descendants_step(name))
        elif op == "[":
            if not steps:
                raise SyntaxError("invalid path")
            inside = []
            while True:
                if i == count:
                    # How CPython fails on an unterminated predicate.
                    raise TypeError("'NoneType' object is not callable")
                token = tokens[i]
                i += 1
                if token[0] == "]":
                    break
                inside.append(token)
            steps.append(_filter_step(inside))
        else:
            raise SyntaxError("invalid path")
        # Steps are separated by one "/"; "//" and "[" start their own.
        if i < count:
            op = tokens[i][0]
            if op == "/":
                i += 1
                if i == count:
                    raise SyntaxError("invalid path")
            elif op != "[" and op != "//":
                raise SyntaxError("invalid path")
    return steps


def _select(elem, path, namespaces=None):
    key = (path, tuple(sorted(namespaces.items()))) if namespaces else path
    steps = _compiled_paths.get(key)
    if steps is None:
        if len(_compiled_paths) > 100:
            _compiled_paths.clear()
        steps = _compiled_paths[key] = _compile(path, namespaces)
    if not steps:
        return []
    ctx = _Search(elem)
    nodes = [elem]
    for step in steps:
        nodes = step(ctx, nodes)
        if not nodes:
            break
    return nodes


# ---------------------------------------------------------------------
# ElementTree


def _warn_absolute(path):
    # A path from the document root is searched from the root element
    # (as '.' + path), with CPython's FutureWarning.
    if path[:1] != "/":
        return path
    fixed = "." + path
    import warnings
    warnings.warn("This search is broken in 1.3 and earlier, and will be "
                  "fixed in a future version.  If you rely on the current "
                  "behaviour, change it to %r" % fixed,
                  FutureWarning, stacklevel=3)
    return fixed


class ElementTree:
    """A document: its root element, read from or written to a file."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        opened = None
        if not hasattr(source, "read"):
            source = opened = open(source, "rb")
        try:
            if parser is None:
                parser = XMLParser()
            read = source.read
            chunk = read(65536)
            while chunk:
                parser.feed(chunk)
                chunk = read(65536)
            self._root = parser.close()
            return self._root
        finally:
            if opened is not None:
                opened.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def find(self, path, namespaces=None):
        return self._root.find(_warn_absolute(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(_warn_absolute(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(_warn_absolute(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(_warn_absolute(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *,
              short_empty_elements=True):
        text, encoding = _render(self._root, encoding, xml_declaration,
                                 default_namespace, method,
                                 short_empty_elements)
        as_text = encoding.lower() == "unicode"
        payload = text if as_text else _to_bytes(text, encoding)
        if hasattr(file_or_filename, "write"):
            file_or_filename.write(payload)
        elif as_text:
            with open(file_or_filename, "w", encoding="utf-8") as out:
                out.write(payload)
        else:
            with open(file_or_filename, "wb") as out:
                out.write(payload)

    def write_c14n(self, file):
        return self.write(file, method="c14n")


# ---------------------------------------------------------------------
# Serialisation


# Well-known namespaces and the prefixes they are written with.
_namespace_map = {uri: prefix for prefix, uri in (
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("wsdl", "http://schemas.xmlsoap.org/wsdl/"),
    ("xs", "http://www.w3.org/2001/XMLSchema"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
)}


def register_namespace(prefix, uri):
    if re.match(r"ns\d+$", prefix):
        raise ValueError("Prefix format reserved for internal use")
    for known_uri, known_prefix in list(_namespace_map.items()):
        if known_uri == uri or known_prefix == prefix:
            del _namespace_map[known_uri]
    _namespace_map[uri] = prefix


HTML_EMPTY = set("area base basefont br col embed frame hr img input "
                 "isindex link meta param source track wbr".split())


def _raise_serialization_error(text):
    raise TypeError("cannot serialize %r (type %s)"
                    % (text, type(text).__name__))


def _escape_cdata(text):
    try:
        if "&" in text or "<" in text or ">" in text:
            return (text.replace("&", "&amp;").replace("<", "&lt;")
                    .replace(">", "&gt;"))
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


_ATTR_SPECIALS = re.compile("[&<>\"\r\n\t]")
_ATTR_REFS = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
              "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def _escape_attrib(text):
    try:
        if _ATTR_SPECIALS.search(text) is None:
            return text
        for raw, ref in _ATTR_REFS.items():     # "&" first
            if raw in text:
                text = text.replace(raw, ref)
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_html(text):
    try:
        if "&" in text or ">" in text or '"' in text:
            return (text.replace("&", "&amp;").replace(">", "&gt;")
                    .replace('"', "&quot;"))
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _collect_names(root, default_namespace):
    """Every tag and attribute name in the tree as it will be written
    (None for None), and the namespaces used, by URI, with the prefixes
    they get."""
    names = {None: None}
    prefixes = {}
    if default_namespace:
        prefixes[default_namespace] = ""

    def learn(name):
        try:
            if name[:1] != "{":
                if default_namespace:
                    raise ValueError("cannot use non-qualified names with "
                                     "default_namespace option")
                names[name] = name
                return
            uri, local = name[1:].rsplit("}", 1)
            prefix = prefixes.get(uri)
            if prefix is None:
                prefix = _namespace_map.get(uri) or "ns%d" % len(prefixes)
                if prefix != "xml":
                    prefixes[uri] = prefix
            names[name] = prefix + ":" + local if prefix else local
        except TypeError:
            _raise_serialization_error(name)

    for node in root.iter():
        tag = node.tag
        if type(tag) is str:
            if tag not in names:
                learn(tag)
        elif isinstance(tag, QName):
            if tag.text not in names:
                learn(tag.text)
        elif isinstance(tag, str):
            if tag not in names:
                learn(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        found = node._attrib if type(node) is Element else node.attrib
        if found:
            for key, value in found.items():
                if isinstance(key, QName):
                    key = key.text
                if key not in names:
                    learn(key)
                if isinstance(value, QName) and value.text not in names:
                    learn(value.text)
        text = node.text
        if text is not None and isinstance(text, QName):
            if text.text not in names:
                learn(text.text)
    return names, prefixes


def _xmlns_declarations(prefixes, escape):
    # The namespace declarations on the root, by prefix.
    return "".join(
        ' xmlns%s="%s"' % (":" + prefix if prefix else "", escape(uri))
        for uri, prefix in sorted(prefixes.items(), key=lambda kv: kv[1]))


def _attributes(found, names, escape):
    pieces = []
    for key, value in found.items():
        if isinstance(key, QName):
            key = key.text
        value = names[value.text] if isinstance(value, QName) else escape(value)
        pieces.append(' %s="%s"' % (names[key], value))
    return "".join(pieces)


def _kids_of(node):
    # The child list itself for plain elements (no call per child).
    if type(node) is Element:
        return node._children or _EMPTY
    return list(node)


def _attrs_of(node):
    return node._attrib if type(node) is Element else node.attrib


def _emit_xml(put, node, names, short_empty, declare):
    tag = node.tag
    if tag is Comment:
        put("<!--%s-->" % node.text)
    elif tag is ProcessingInstruction:
        put("<?%s?>" % node.text)
    else:
        name = names[tag]
        text = node.text
        try:
            # The slots themselves: no Python call per child.
            kids = node._children or _EMPTY
            found = node._attrib
        except AttributeError:
            kids = list(node)
            found = node.attrib
        if name is None:
            if text:
                put(_escape_cdata(text))
            for kid in kids:
                _emit_xml(put, kid, names, short_empty, None)
        else:
            put("<" + name)
            if declare:
                put(_xmlns_declarations(declare, _escape_attrib))
            if found:
                for key, value in found.items():
                    if isinstance(key, QName):
                        key = key.text
                    if isinstance(value, QName):
                        value = names[value.text]
                    else:
                        value = _escape_attrib(value)
                    put(' %s="%s"' % (names[key], value))
            if text or kids or not short_empty:
                put(">")
                if text:
                    put(_escape_cdata(text))
                for kid in kids:
                    _emit_xml(put, kid, names, short_empty, None)
                put("</" + name + ">")
            else:
                put(" />")
    if node.tail:
        put(_escape_cdata(node.tail))


def _html_pieces(root, names, prefixes):
    out = []
    put = out.append

    def visit(node, declare):
        tag = node.tag
        if tag is Comment:
            put("<!--%s-->" % _escape_cdata(node.text))
        elif tag is ProcessingInstruction:
            put("<?%s?>" % _escape_cdata(node.text))
        else:
            name = names[tag]
            text = node.text
            if name is None:
                if text:
                    put(_escape_cdata(text))
                for kid in _kids_of(node):
                    visit(kid, None)
            else:
                head = "<" + name
                if declare:
                    head += _xmlns_declarations(declare, _escape_attrib)
                found = _attrs_of(node)
                if found:
                    head += _attributes(found, names, _escape_attrib_html)
                put(head + ">")
                lowered = name.lower()
                if text:
                    # Script and style content is written raw.
                    raw = lowered == "script" or lowered == "style"
                    put(text if raw else _escape_cdata(text))
                for kid in _kids_of(node):
                    visit(kid, None)
                if lowered not in HTML_EMPTY:
                    put("</" + name + ">")
        if node.tail:
            put(_escape_cdata(node.tail))

    visit(root, prefixes)
    return out


def _render(root, encoding, xml_declaration, default_namespace, method,
            short_empty_elements):
    """The serialised document as one str, and the encoding in force."""
    method = method or "xml"
    if method not in ("xml", "html", "text"):
        raise ValueError("unknown method %r" % method)
    encoding = encoding or "us-ascii"
    declared = ""
    if method == "xml":
        lowered = encoding.lower()
        if xml_declaration or (xml_declaration is None and lowered not in
                               ("utf-8", "us-ascii", "unicode")):
            declared = "<?xml version='1.0' encoding='%s'?>\n" % (
                "utf-8" if lowered == "unicode" else encoding)
    if method == "text":
        body = "".join(root.itertext())
        if root.tail:
            body += root.tail
        return body, encoding
    names, prefixes = _collect_names(root, default_namespace)
    if method == "xml":
        pieces = []
        _emit_xml(pieces.append, root, names, short_empty_elements, prefixes)
    else:
        pieces = _html_pieces(root, names, prefixes)
    return declared + "".join(pieces), encoding


def _to_bytes(text, encoding):
    return text.encode(encoding, "xmlcharrefreplace")


def tostring(element, encoding=None, method=None, *, xml_declaration=None,
             default_namespace=None, short_empty_elements=True):
    text, encoding = _render(element, encoding, xml_declaration,
                             default_namespace, method, short_empty_elements)
    if encoding == "unicode":
        return text
    if encoding.lower() == "unicode":
        # CPython writes the str into a bytes stream and fails so.
        raise TypeError("a bytes-like object is required, not 'str'")
    return _to_bytes(text, encoding)


def tostringlist(element, encoding=None, method=None, *,
                 xml_declaration=None, default_namespace=None,
                 short_empty_elements=True):
    whole = tostring(element, encoding, method,
                     xml_declaration=xml_declaration,
                     default_namespace=default_namespace,
                     short_empty_elements=short_empty_elements)
    return [whole]


def dump(elem):
    tree = elem if isinstance(elem, ElementTree) else ElementTree(elem)
    tree.write(sys.stdout, encoding="unicode")
    ending = tree.getroot().tail
    if not ending or not ending.endswith("\n"):
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(
            "Initial indentation level must be >= 0, got %s" % level)
    if not len(tree):
        return
    # margins[d]: the newline and indentation of depth d.
    margins = ["\n" + level * space]

    def blank(value):
        return not value or not value.strip()

    def walk(node, depth):
        if depth + 1 == len(margins):
            margins.append(margins[depth] + space)
        inner = margins[depth + 1]
        if blank(node.text):
            node.text = inner
        for kid in node:
            if len(kid):
                walk(kid, depth + 1)
            if blank(kid.tail):
                kid.tail = inner
        # The last child's tail leads to the parent's end tag.
        if not kid.tail.strip():
            kid.tail = margins[depth]

    walk(tree, 0)


# ---------------------------------------------------------------------
# Parsing entry points


def parse(source, parser=None):
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def iterparse(source, events=None, parser=None):
    """(event, element) pairs while the document is read; the iterator's
    `root` is set once it has all been read."""
    puller = XMLPullParser(events=events, _parser=parser)

    def drain(queue):
        batch = queue[:]
        del queue[:]
        return batch

    def produce(source):
        opened = None
        try:
            if not hasattr(source, "read"):
                source = opened = open(source, "rb")
            yield None
            queue = puller._events_queue
            feed = puller._parser.feed
            while True:
                chunk = source.read(16 * 1024)
                if not chunk:
                    break
                try:
                    feed(chunk)
                except SyntaxError:
                    yield from drain(queue)
                    raise
                if queue:
                    # The list's own iterator yields a whole batch.
                    yield from drain(queue)
            try:
                root = puller._close_and_return_root()
            finally:
                yield from drain(queue)
            walker.root = root
        finally:
            if opened is not None:
                opened.close()

    class IterParseIterator:
        __next__ = produce(source).__next__

        def __iter__(self):
            return self

    walker = IterParseIterator()
    walker.root = None
    next(walker)    # opens the file now: a missing one fails here
    return walker


class XMLPullParser:
    """Feed it data, read the events; no blocking."""

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        self._parser._setevents(self._events_queue,
                                ("end",) if events is None else events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if not data:
            return
        try:
            self._parser.feed(data)
        except SyntaxError as problem:
            self._events_queue.append(problem)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        queue = self._events_queue
        while queue:
            # Take everything at once: popping the front one at a time
            # is quadratic on a long list.
            batch = queue[:]
            del queue[:]
            for at, item in enumerate(batch):
                if isinstance(item, Exception):
                    queue[:0] = batch[at + 1:]
                    raise item
                yield item


def _fed(chunks, parser):
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for chunk in chunks:
        parser.feed(chunk)
    return parser.close()


def XML(text, parser=None):
    return _fed((text,), parser)


fromstring = XML


def fromstringlist(sequence, parser=None):
    return _fed(sequence, parser)


def XMLID(text, parser=None):
    root = _fed((text,), parser)
    by_id = {}
    for node in root.iter():
        key = node.get("id")
        if key:
            by_id[key] = node
    return root, by_id


# ---------------------------------------------------------------------
# TreeBuilder


class TreeBuilder:
    """A parser target building elements (with `element_factory`)."""

    # The native builder of XMLParser reads and writes _stack, _last,
    # _tail, _root, _data, _events and _event_names.

    def __init__(self, element_factory=None, *, comment_factory=None,
                 pi_factory=None, insert_comments=False, insert_pis=False):
        self._data = []
        self._stack = []
        self._last = None
        self._root = None
        self._tail = False
        self._factory = Element if element_factory is None else element_factory
        self._comment_factory = (Comment if comment_factory is None
                                 else comment_factory)
        self._pi_factory = (ProcessingInstruction if pi_factory is None
                            else pi_factory)
        self.insert_comments = insert_comments
        self.insert_pis = insert_pis
        # Set by XMLParser._setevents: where events go, which are wanted.
        self._events = None
        self._event_names = ()

    def close(self):
        return self._root

    def _flush(self):
        pending = self._data
        if not pending:
            return
        target = self._last
        if target is not None:
            joined = pending[0] if len(pending) == 1 else "".join(pending)
            if self._tail:
                target.tail = joined
            else:
                target.text = joined
        self._data = []

    def data(self, data):
        self._data.append(data)

    def _emit(self, kind, payload):
        if self._events is not None and kind in self._event_names:
            self._events.append((kind, payload))

    def start(self, tag, attrs):
        if self._data:
            self._flush()
        node = self._factory(tag, attrs)
        self._last = node
        stack = self._stack
        if stack:
            parent = stack[-1]
            if type(parent) is Element or isinstance(parent, Element):
                if parent._children is None:
                    parent._children = [node]
                else:
                    parent._children.append(node)
            else:
                parent.append(node)
        elif self._root is None:
            self._root = node
        stack.append(node)
        self._tail = False
        if self._events is not None and "start" in self._event_names:
            self._events.append(("start", node))
        return node

    def end(self, tag):
        if self._data:
            self._flush()
        node = self._last = self._stack.pop()
        self._tail = True
        if self._events is not None and "end" in self._event_names:
            self._events.append(("end", node))
        return node

    def comment(self, text):
        return self._special(self._comment_factory, self.insert_comments,
                             "comment", (text,))

    def pi(self, target, text=None):
        return self._special(self._pi_factory, self.insert_pis, "pi",
                             (target, text))

    def _special(self, factory, insert, kind, args):
        # A comment or PI: always made (and returned), and put in the
        # tree or the event queue as asked.
        node = factory(*args)
        if insert and self._stack:
            self._flush()
            self._stack[-1].append(node)
            self._last = node
            self._tail = True
        if self._events is not None and kind in self._event_names:
            self._events.append((kind, node))
        return node

    def _start_ns(self, prefix, uri):
        self._emit("start-ns", (prefix or "", uri or ""))

    def _end_ns(self, prefix):
        self._emit("end-ns", None)


# ---------------------------------------------------------------------
# XMLParser


_EVENT_KINDS = ("start", "end", "start-ns", "end-ns", "comment", "pi")


class XMLParser:
    """expat feeding a target (a TreeBuilder unless given) through its
    start/end/data/comment/pi/start_ns/end_ns/doctype/close methods,
    names as `{uri}local`."""

    def __init__(self, *, target=None, encoding=None):
        import pyexpat
        expat = pyexpat.ParserCreate(encoding, "}")
        # krait's expat spells names "{uri}local" itself, so the target's
        # methods serve as handlers directly.
        expat._etree_names = True
        if target is None:
            target = TreeBuilder()
        self.parser = self._parser = expat
        self.target = self._target = target
        self._error = pyexpat.error
        self.entity = {}
        self.version = "Expat %d.%d.%d" % pyexpat.version_info
        expat.DefaultHandlerExpand = self._default
        self._bind(target, False)
        # expat hands over character data line by line, and custom
        # targets see it so (as with CPython); a TreeBuilder joins it
        # anyway and gets whole runs.
        expat.buffer_text = type(target) is TreeBuilder
        expat.ordered_attributes = False

    def _bind(self, target, with_events):
        """Point the handlers at the target. A stock TreeBuilder needing
        no Python code per node lets expat build the tree natively."""
        expat = self.parser
        wanted = target._event_names if with_events else ()
        if (type(target) is TreeBuilder and target._factory is Element
                and not (target.insert_comments or target.insert_pis)
                and "comment" not in wanted and "pi" not in wanted):
            expat._etree_builder = (target, Element)
            if "start-ns" in wanted:
                expat.StartNamespaceDeclHandler = target._start_ns
            if "end-ns" in wanted:
                expat.EndNamespaceDeclHandler = target._end_ns
            return
        expat._etree_builder = None
        for method, slot in (("start", "StartElementHandler"),
                             ("end", "EndElementHandler"),
                             ("data", "CharacterDataHandler"),
                             ("comment", "CommentHandler"),
                             ("pi", "ProcessingInstructionHandler")):
            handler = getattr(target, method, None)
            if handler is not None:
                setattr(expat, slot, handler)
        opened = getattr(target, "start_ns", None)
        if opened is not None:
            expat.StartNamespaceDeclHandler = (
                lambda prefix, uri: opened(prefix or "", uri or ""))
        elif "start-ns" in wanted:
            expat.StartNamespaceDeclHandler = target._start_ns
        closed = getattr(target, "end_ns", None)
        if closed is not None:
            expat.EndNamespaceDeclHandler = lambda prefix: closed(prefix or "")
        elif "end-ns" in wanted:
            expat.EndNamespaceDeclHandler = target._end_ns
        doctype = getattr(target, "doctype", None)
        if doctype is not None:
            expat.StartDoctypeDeclHandler = (
                lambda name, sysid, pubid, subset: doctype(name, pubid, sysid))

    def _setevents(self, events_queue, events_to_report):
        target = self.target
        if not isinstance(target, TreeBuilder):
            raise TypeError("event handling only supported for "
                            "ElementTree.TreeBuilder targets")
        chosen = []
        for kind in events_to_report:
            if kind not in _EVENT_KINDS:
                raise ValueError("unknown event %r" % kind)
            chosen.append(kind)
        target._events = events_queue
        target._event_names = tuple(chosen)
        self._bind(target, True)

    def _raiseerror(self, value):
        problem = ParseError(value)
        problem.code = value.code
        problem.position = (value.lineno, value.offset)
        raise problem

    def _default(self, text):
        # A reference to an entity an external DTD would declare: the
        # `entity` dict may know it.
        if text[:1] != "&":
            return
        data = getattr(self.target, "data", None)
        if data is None:
            return
        name = text[1:-1]
        if name in self.entity:
            data(self.entity[name])
            return
        expat = self.parser
        line, column = expat.ErrorLineNumber, expat.ErrorColumnNumber
        problem = self._error("undefined entity %s: line %d, column %d"
                              % (text, line, column))
        problem.code = 11
        problem.lineno = line
        problem.offset = column
        raise problem

    def feed(self, data):
        try:
            self.parser.Parse(data, False)
        except self._error as problem:
            self._raiseerror(problem)

    def flush(self):
        # Nothing is held back from the target.
        pass

    def close(self):
        try:
            self.parser.Parse(b"", True)
        except self._error as problem:
            self._raiseerror(problem)
        try:
            finish = getattr(self.target, "close", None)
            return None if finish is None else finish()
        finally:
            # The handlers hold this object and its target: break the
            # cycle so the tree is freed without the cycle collector.
            del self.parser, self._parser
            del self.target, self._target


