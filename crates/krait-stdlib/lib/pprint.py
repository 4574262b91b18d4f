"""Pretty-printing of data structures (CPython's `pprint`): pprint,
pformat, pp, saferepr, isreadable, isrecursive and PrettyPrinter, with
CPython's layout: a repr that fits the width is printed as is, otherwise
dicts, lists, tuples, sets, strings, bytes, the collections types,
mappingproxy, SimpleNamespace and dataclasses are broken over lines.

How a type is printed depends on which __repr__ it has. CPython keys its
dispatch table by the __repr__ function; krait's builtin types make a new
method object at each `dict.__repr__` and do not list their dunder
methods in `__dict__`, so here the key is that function when a class
defines __repr__ in its __dict__ (Python classes, so `_dispatch[C.__repr__]
= ...` works as in CPython) and otherwise the builtin type that provides
it. krait has no bytearray or complex type, so those cases are missing.
"""

import builtins as _builtins
import collections as _collections
import dataclasses as _dataclasses
import re
import sys as _sys
import types as _types
from io import StringIO as _StringIO

__all__ = ["pprint", "pformat", "isreadable", "isrecursive", "saferepr",
           "PrettyPrinter", "pp"]


def pprint(object, stream=None, indent=1, width=80, depth=None, *,
           compact=False, sort_dicts=True, underscore_numbers=False):
    """Pretty-print a Python object to a stream [default is sys.stdout]."""
    printer = PrettyPrinter(
        stream=stream, indent=indent, width=width, depth=depth,
        compact=compact, sort_dicts=sort_dicts,
        underscore_numbers=underscore_numbers)
    printer.pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    """Format a Python object into a pretty-printed representation."""
    return PrettyPrinter(indent=indent, width=width, depth=depth,
                         compact=compact, sort_dicts=sort_dicts,
                         underscore_numbers=underscore_numbers).pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    """Pretty-print a Python object, dicts in insertion order."""
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(object):
    """A repr of object that is safe from recursion."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[0]


def isreadable(object):
    """Whether eval() could rebuild object from its pprint repr."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[1]


def isrecursive(object):
    """Whether object contains itself."""
    return PrettyPrinter()._safe_repr(object, {}, None, 0)[2]


class _safe_key:
    """A sort key for values of any types: their own order when they
    have one, else by type name and then id (a stable but arbitrary
    order), so dicts and sets with mixed keys still sort."""

    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        try:
            return self.obj < other.obj
        except TypeError:
            return ((str(type(self.obj)), id(self.obj)) <
                    (str(type(other.obj)), id(other.obj)))


def _safe_tuple(t):
    """Sort key for a (key, value) pair."""
    return _safe_key(t[0]), _safe_key(t[1])


def _sorted_items(object):
    """sorted(object.items(), key=_safe_tuple), taking a shortcut for the
    common dicts whose keys are all ints or all strs: the _safe_key
    pairs then make exactly the comparisons the keys make themselves
    (keys are distinct, so the values are never compared), and those
    cannot fail."""
    key_type = None
    for key in object:
        if key_type is None:
            key_type = type(key)
            if key_type is not int and key_type is not str:
                break
        elif type(key) is not key_type:
            break
    else:
        return sorted(object.items())
    return sorted(object.items(), key=_safe_tuple)


def _plain_safe_repr(object, context, maxlevels, level, printer, flags):
    """PrettyPrinter._safe_repr for a printer whose class overrides
    neither format() nor _safe_repr(): the same repr, with the readable
    and recursive answers kept in flags ([readable, recursive]) instead
    of a tuple per object, and no method call per item."""
    typ = type(object)
    if typ in _builtin_scalars:
        return repr(object)
    if typ is int:
        owner = int
    elif typ is list or typ is tuple or typ is dict:
        owner = typ
    else:
        owner = _repr_owner(typ)

    if owner is int:
        if printer._underscore_numbers:
            return f"{object:_d}"
        return repr(object)

    if owner is dict:
        if not object:
            return "{}"
        objid = id(object)
        if maxlevels and level >= maxlevels:
            flags[0] = False
            if objid in context:
                flags[1] = True
            return "{...}"
        if objid in context:
            flags[0] = False
            flags[1] = True
            return _recursion(object)
        context[objid] = 1
        components = []
        level += 1
        if printer._sort_dicts:
            items = _sorted_items(object)
        else:
            items = object.items()
        for k, v in items:
            typ = type(k)
            if typ in _builtin_scalars or (typ is int and
                                           not printer._underscore_numbers):
                krepr = repr(k)
            else:
                krepr = _plain_safe_repr(k, context, maxlevels, level,
                                         printer, flags)
            typ = type(v)
            if typ in _builtin_scalars or (typ is int and
                                           not printer._underscore_numbers):
                vrepr = repr(v)
            else:
                vrepr = _plain_safe_repr(v, context, maxlevels, level,
                                         printer, flags)
            components.append(f"{krepr}: {vrepr}")
        del context[objid]
        return "{%s}" % ", ".join(components)

    if owner is list or owner is tuple:
        if owner is list:
            if not object:
                return "[]"
            template = "[%s]"
        elif len(object) == 1:
            template = "(%s,)"
        else:
            if not object:
                return "()"
            template = "(%s)"
        objid = id(object)
        if maxlevels and level >= maxlevels:
            flags[0] = False
            if objid in context:
                flags[1] = True
            return template % "..."
        if objid in context:
            flags[0] = False
            flags[1] = True
            return _recursion(object)
        context[objid] = 1
        components = []
        level += 1
        underscore = printer._underscore_numbers
        for item in object:
            typ = type(item)
            if typ in _builtin_scalars or (typ is int and not underscore):
                components.append(repr(item))
            else:
                components.append(_plain_safe_repr(item, context, maxlevels,
                                                   level, printer, flags))
        del context[objid]
        return template % ", ".join(components)

    rep = repr(object)
    if not (rep and not rep.startswith("<")):
        flags[0] = False
    return rep


def _repr_owner(typ):
    """The class whose __repr__ instances of typ use: the first along the
    MRO that defines one, a builtin type counting as defining its own."""
    if typ.__module__ == "builtins":
        # The common case, and builtin types cannot be changed.
        return typ
    for klass in typ.__mro__:
        if "__repr__" in klass.__dict__ or klass.__module__ == "builtins":
            return klass
    return object


def _repr_key(typ):
    """The dispatch key of typ's __repr__: the function itself when a
    class defines it in its __dict__, else the builtin type."""
    owner = _repr_owner(typ)
    method = owner.__dict__.get("__repr__")
    return method if method is not None else owner


def _recursion(object):
    return ("<Recursion on %s with id=%s>"
            % (type(object).__name__, id(object)))


def _uses_dataclass_repr(object):
    """Whether object is a dataclass instance shown by the __repr__ its
    dataclass decorator wrote (not one of the class's own)."""
    if isinstance(object, type) or not _dataclasses.is_dataclass(object):
        return False
    if not object.__dataclass_params__.repr:
        return False
    # The function behind the bound method (krait's bound methods do not
    # forward __module__ to it).
    method = object.__repr__
    method = getattr(method, "__func__", method)
    wrapped = getattr(method, "__wrapped__", None)
    if wrapped is not None:
        # CPython's generated repr, wrapped against recursion.
        return "__create_fn__" in wrapped.__qualname__
    # krait's generated repr is a function of the dataclasses module.
    return getattr(method, "__module__", None) == _dataclasses.__name__


def _wrap_bytes_repr(object, width, allowance):
    """The reprs of consecutive pieces of a bytes object, 4 bytes at a
    time, each as long as fits the width (less the allowance for the
    last)."""
    current = b""
    last = len(object) // 4 * 4
    for i in range(0, len(object), 4):
        part = object[i:i + 4]
        candidate = current + part
        if i == last:
            width -= allowance
        if len(repr(candidate)) > width:
            if current:
                yield repr(current)
            current = part
        else:
            current = candidate
    if current:
        yield repr(current)


# Types whose repr is printed as it is, never broken up (bytearray and
# complex when krait has them).
_builtin_scalars = frozenset(
    [str, bytes, float, bool, type(None)]
    + [getattr(_builtins, name) for name in ("bytearray", "complex")
       if hasattr(_builtins, name)])


class PrettyPrinter:
    """Formats objects with a width, an indentation per level, a depth
    limit, compact lists, sorted or insertion-ordered dicts and optional
    underscores in ints."""

    # Whether the class keeps format(), _safe_repr() and _repr() as they
    # are here, so that _plain_safe_repr may stand in for them.
    _plain_reprs = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._plain_reprs = (cls.format is PrettyPrinter.format and
                            cls._safe_repr is PrettyPrinter._safe_repr and
                            cls._repr is PrettyPrinter._repr)

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        indent = int(indent)
        width = int(width)
        if indent < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not width:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = indent
        self._width = width
        if stream is not None:
            self._stream = stream
        else:
            self._stream = _sys.stdout
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        if self._stream is not None:
            self._format(object, self._stream, 0, 0, {}, 0)
            self._stream.write("\n")

    def pformat(self, object):
        out = _StringIO()
        self._format(object, out, 0, 0, {}, 0)
        return out.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        text, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    # `indent` is the column the object starts at, `allowance` the room
    # to keep free after it on its last line (closing brackets and commas
    # of the enclosing objects), `context` the ids of the objects being
    # printed (for cycles), `level` the nesting depth.

    def _format(self, object, stream, indent, allowance, context, level):
        objid = id(object)
        if objid in context:
            stream.write(_recursion(object))
            self._recursive = True
            self._readable = False
            return
        rep = self._repr(object, context, level)
        max_width = self._width - indent - allowance
        if len(rep) > max_width:
            printer = self._dispatch.get(_repr_key(type(object)), None)
            if printer is not None:
                context[objid] = 1
                printer(self, object, stream, indent, allowance, context,
                        level + 1)
                del context[objid]
                return
            if _uses_dataclass_repr(object):
                context[objid] = 1
                self._pprint_dataclass(object, stream, indent, allowance,
                                       context, level + 1)
                del context[objid]
                return
        stream.write(rep)

    def _pprint_dataclass(self, object, stream, indent, allowance, context,
                          level):
        cls_name = object.__class__.__name__
        indent += len(cls_name) + 1
        items = [(f.name, getattr(object, f.name))
                 for f in _dataclasses.fields(object) if f.repr]
        stream.write(cls_name + "(")
        self._format_namespace_items(items, stream, indent, allowance,
                                     context, level)
        stream.write(")")

    _dispatch = {}

    def _pprint_dict(self, object, stream, indent, allowance, context, level):
        write = stream.write
        write("{")
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * " ")
        if len(object):
            if self._sort_dicts:
                items = _sorted_items(object)
            else:
                items = object.items()
            self._format_dict_items(items, stream, indent, allowance + 1,
                                    context, level)
        write("}")

    _dispatch[dict] = _pprint_dict

    def _pprint_ordered_dict(self, object, stream, indent, allowance, context,
                             level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + "(")
        self._format(list(object.items()), stream,
                     indent + len(cls.__name__) + 1, allowance + 1,
                     context, level)
        stream.write(")")

    _dispatch[_repr_key(_collections.OrderedDict)] = _pprint_ordered_dict

    def _pprint_list(self, object, stream, indent, allowance, context, level):
        stream.write("[")
        self._format_items(object, stream, indent, allowance + 1,
                           context, level)
        stream.write("]")

    _dispatch[list] = _pprint_list

    def _pprint_tuple(self, object, stream, indent, allowance, context, level):
        stream.write("(")
        endchar = ",)" if len(object) == 1 else ")"
        self._format_items(object, stream, indent, allowance + len(endchar),
                           context, level)
        stream.write(endchar)

    _dispatch[tuple] = _pprint_tuple

    def _pprint_set(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        typ = object.__class__
        if typ is set:
            stream.write("{")
            endchar = "}"
        else:
            stream.write(typ.__name__ + "({")
            endchar = "})"
            indent += len(typ.__name__) + 1
        object = sorted(object, key=_safe_key)
        self._format_items(object, stream, indent, allowance + len(endchar),
                           context, level)
        stream.write(endchar)

    _dispatch[set] = _pprint_set
    _dispatch[frozenset] = _pprint_set

    def _pprint_str(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if not len(object):
            write(repr(object))
            return
        chunks = []
        lines = object.splitlines(True)
        if level == 1:
            # At the top, the pieces are wrapped in parentheses.
            indent += 1
            allowance += 1
        max_width1 = max_width = self._width - indent
        for i, line in enumerate(lines):
            rep = repr(line)
            if i == len(lines) - 1:
                max_width1 -= allowance
            if len(rep) <= max_width1:
                chunks.append(rep)
            else:
                # Break the line after runs of whitespace: words with the
                # spaces that follow them, as long as the repr fits.
                parts = re.findall(r"\S*\s*", line)
                parts.pop()  # the empty match at the end
                max_width2 = max_width
                current = ""
                for j, part in enumerate(parts):
                    candidate = current + part
                    if j == len(parts) - 1 and i == len(lines) - 1:
                        max_width2 -= allowance
                    if len(repr(candidate)) > max_width2:
                        if current:
                            chunks.append(repr(current))
                        current = part
                    else:
                        current = candidate
                if current:
                    chunks.append(repr(current))
        if len(chunks) == 1:
            write(rep)
            return
        if level == 1:
            write("(")
        for i, rep in enumerate(chunks):
            if i > 0:
                write("\n" + " " * indent)
            write(rep)
        if level == 1:
            write(")")

    _dispatch[str] = _pprint_str

    def _pprint_bytes(self, object, stream, indent, allowance, context, level):
        write = stream.write
        if len(object) <= 4:
            write(repr(object))
            return
        parens = level == 1
        if parens:
            indent += 1
            allowance += 1
            write("(")
        delim = ""
        for rep in _wrap_bytes_repr(object, self._width - indent, allowance):
            write(delim)
            write(rep)
            if not delim:
                delim = "\n" + " " * indent
        if parens:
            write(")")

    _dispatch[bytes] = _pprint_bytes

    def _pprint_mappingproxy(self, object, stream, indent, allowance, context,
                             level):
        stream.write("mappingproxy(")
        self._format(object.copy(), stream, indent + 13, allowance + 1,
                     context, level)
        stream.write(")")

    _dispatch[_repr_key(_types.MappingProxyType)] = _pprint_mappingproxy

    def _pprint_simplenamespace(self, object, stream, indent, allowance,
                                context, level):
        if type(object) is _types.SimpleNamespace:
            # SimpleNamespace's repr says "namespace"; a subclass's says
            # its class name.
            cls_name = "namespace"
        else:
            cls_name = object.__class__.__name__
        indent += len(cls_name) + 1
        items = object.__dict__.items()
        stream.write(cls_name + "(")
        self._format_namespace_items(items, stream, indent, allowance,
                                     context, level)
        stream.write(")")

    _dispatch[_repr_key(_types.SimpleNamespace)] = _pprint_simplenamespace

    def _format_dict_items(self, items, stream, indent, allowance, context,
                           level):
        write = stream.write
        indent += self._indent_per_level
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            rep = self._repr(key, context, level)
            write(rep)
            write(": ")
            self._format(ent, stream, indent + len(rep) + 2,
                         allowance if last else 1, context, level)
            if not last:
                write(delimnl)

    def _format_namespace_items(self, items, stream, indent, allowance,
                                context, level):
        write = stream.write
        delimnl = ",\n" + " " * indent
        last_index = len(items) - 1
        for i, (key, ent) in enumerate(items):
            last = i == last_index
            write(key)
            write("=")
            if id(ent) in context:
                # As the dataclass repr shows a cycle.
                write("...")
            else:
                self._format(ent, stream, indent + len(key) + 1,
                             allowance if last else 1, context, level)
            if not last:
                write(delimnl)

    def _format_items(self, items, stream, indent, allowance, context, level):
        write = stream.write
        indent += self._indent_per_level
        if self._indent_per_level > 1:
            write((self._indent_per_level - 1) * " ")
        delimnl = ",\n" + " " * indent
        delim = ""
        width = max_width = self._width - indent + 1
        it = iter(items)
        try:
            next_ent = next(it)
        except StopIteration:
            return
        last = False
        while not last:
            ent = next_ent
            try:
                next_ent = next(it)
            except StopIteration:
                last = True
                max_width -= allowance
                width -= allowance
            if self._compact:
                # As many items on a line as fit, each followed by ", ".
                rep = self._repr(ent, context, level)
                w = len(rep) + 2
                if width < w:
                    width = max_width
                    if delim:
                        delim = delimnl
                if width >= w:
                    width -= w
                    write(delim)
                    delim = ", "
                    write(rep)
                    continue
            write(delim)
            delim = delimnl
            self._format(ent, stream, indent, allowance if last else 1,
                         context, level)

    def _repr(self, object, context, level):
        if self._plain_reprs:
            # self.format(...) without the two method calls.
            flags = [True, False]
            repr = _plain_safe_repr(object, context.copy(), self._depth,
                                    level, self, flags)
            readable, recursive = flags
        else:
            repr, readable, recursive = self.format(object, context.copy(),
                                                    self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return repr

    def format(self, object, context, maxlevels, level):
        """Format object for a specific context, returning a string
        and flags indicating whether the representation is 'readable'
        and whether the object represents a recursive construct.
        """
        return self._safe_repr(object, context, maxlevels, level)

    def _pprint_default_dict(self, object, stream, indent, allowance, context,
                             level):
        if not len(object):
            stream.write(repr(object))
            return
        rdf = self._repr(object.default_factory, context, level)
        cls = object.__class__
        indent += len(cls.__name__) + 1
        stream.write("%s(%s,\n%s" % (cls.__name__, rdf, " " * indent))
        self._pprint_dict(object, stream, indent, allowance + 1, context, level)
        stream.write(")")

    _dispatch[_repr_key(_collections.defaultdict)] = _pprint_default_dict

    def _pprint_counter(self, object, stream, indent, allowance, context,
                        level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + "({")
        if self._indent_per_level > 1:
            stream.write((self._indent_per_level - 1) * " ")
        items = object.most_common()
        self._format_dict_items(items, stream,
                                indent + len(cls.__name__) + 1, allowance + 2,
                                context, level)
        stream.write("})")

    _dispatch[_repr_key(_collections.Counter)] = _pprint_counter

    def _pprint_chain_map(self, object, stream, indent, allowance, context,
                          level):
        if not len(object.maps):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + "(")
        indent += len(cls.__name__) + 1
        for i, m in enumerate(object.maps):
            if i == len(object.maps) - 1:
                self._format(m, stream, indent, allowance + 1, context, level)
                stream.write(")")
            else:
                self._format(m, stream, indent, 1, context, level)
                stream.write(",\n" + " " * indent)

    _dispatch[_repr_key(_collections.ChainMap)] = _pprint_chain_map

    def _pprint_deque(self, object, stream, indent, allowance, context, level):
        if not len(object):
            stream.write(repr(object))
            return
        cls = object.__class__
        stream.write(cls.__name__ + "(")
        indent += len(cls.__name__) + 1
        stream.write("[")
        if object.maxlen is None:
            self._format_items(object, stream, indent, allowance + 2,
                               context, level)
            stream.write("])")
        else:
            self._format_items(object, stream, indent, 2, context, level)
            rml = self._repr(object.maxlen, context, level)
            stream.write("],\n%smaxlen=%s)" % (" " * indent, rml))

    _dispatch[_repr_key(_collections.deque)] = _pprint_deque

    def _pprint_user_data(self, object, stream, indent, allowance, context,
                          level):
        # UserDict, UserList and UserString print as the data they wrap.
        self._format(object.data, stream, indent, allowance, context,
                     level - 1)

    for _user_class in (_collections.UserDict, _collections.UserList,
                        _collections.UserString):
        _dispatch[_repr_key(_user_class)] = _pprint_user_data
    del _user_class

    def _safe_repr(self, object, context, maxlevels, level):
        """(repr, readable, recursive): the repr with dicts, lists and
        tuples expanded here (sorted dicts, the depth limit, cycles
        shown), everything else by repr()."""
        typ = type(object)
        if typ in _builtin_scalars:
            return repr(object), True, False
        if self._plain_reprs:
            flags = [True, False]
            rep = _plain_safe_repr(object, context, maxlevels, level, self,
                                   flags)
            return rep, flags[0], flags[1]

        owner = _repr_owner(typ)

        if owner is int:
            if self._underscore_numbers:
                return f"{object:_d}", True, False
            return repr(object), True, False

        if owner is dict:
            if not object:
                return "{}", True, False
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return "{...}", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            if self._sort_dicts:
                items = _sorted_items(object)
            else:
                items = object.items()
            for k, v in items:
                krepr, kreadable, krecur = self.format(k, context, maxlevels,
                                                       level)
                vrepr, vreadable, vrecur = self.format(v, context, maxlevels,
                                                       level)
                components.append("%s: %s" % (krepr, vrepr))
                readable = readable and kreadable and vreadable
                if krecur or vrecur:
                    recursive = True
            del context[objid]
            return "{%s}" % ", ".join(components), readable, recursive

        if owner is list or owner is tuple:
            if owner is list:
                if not object:
                    return "[]", True, False
                template = "[%s]"
            elif len(object) == 1:
                template = "(%s,)"
            else:
                if not object:
                    return "()", True, False
                template = "(%s)"
            objid = id(object)
            if maxlevels and level >= maxlevels:
                return template % "...", False, objid in context
            if objid in context:
                return _recursion(object), False, True
            context[objid] = 1
            readable = True
            recursive = False
            components = []
            level += 1
            for item in object:
                irepr, ireadable, irecur = self.format(item, context,
                                                       maxlevels, level)
                components.append(irepr)
                if not ireadable:
                    readable = False
                if irecur:
                    recursive = True
            del context[objid]
            return template % ", ".join(components), readable, recursive

        rep = repr(object)
        return rep, (rep and not rep.startswith("<")), False
