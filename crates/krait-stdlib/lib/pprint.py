"""Pretty-printing of Python data: pprint, pformat, pp, saferepr,
isreadable, isrecursive and the PrettyPrinter class.

An object whose repr fits in the room left on its line is written as that
repr; otherwise a printer chosen by the __repr__ the object uses breaks it
over several lines.  krait's builtin types list no dunder methods in their
__dict__ and make a new method object at each `dict.__repr__`, so the
printers are keyed by the __repr__ function when a Python class defines
one (`PrettyPrinter._dispatch[C.__repr__] = ...` works as in CPython) and
by the builtin type otherwise.
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
    PrettyPrinter(indent=indent, width=width, depth=depth, stream=stream,
                  compact=compact, sort_dicts=sort_dicts,
                  underscore_numbers=underscore_numbers).pprint(object)


def pformat(object, indent=1, width=80, depth=None, *,
            compact=False, sort_dicts=True, underscore_numbers=False):
    printer = PrettyPrinter(indent=indent, width=width, depth=depth,
                            compact=compact, sort_dicts=sort_dicts,
                            underscore_numbers=underscore_numbers)
    return printer.pformat(object)


def pp(object, *args, sort_dicts=False, **kwargs):
    pprint(object, *args, sort_dicts=sort_dicts, **kwargs)


def _flat(obj):
    # (repr, readable, recursive) with a default printer.
    flags = [True, False]
    text = _flat_repr(obj, {}, None, 0, False, True, flags)
    return text, flags[0], flags[1]


def saferepr(object):
    return _flat(object)[0]


def isreadable(object):
    return _flat(object)[1]


def isrecursive(object):
    return _flat(object)[2]


class _safe_key:
    """Orders values of any types: by their own < when they have one,
    else by (type name, id), so mixed dict keys and sets still sort."""

    __slots__ = ["obj"]

    def __init__(self, obj):
        self.obj = obj

    def __lt__(self, other):
        mine, theirs = self.obj, other.obj
        try:
            return mine < theirs
        except TypeError:
            return ((str(type(mine)), id(mine))
                    < (str(type(theirs)), id(theirs)))


def _safe_tuple(t):
    return _safe_key(t[0]), _safe_key(t[1])


def _ordered_items(mapping):
    """The items sorted by key.  Dicts whose keys are all ints or all
    strs sort directly (distinct keys never fall back to the values)."""
    seen_kind = None
    for key in mapping:
        kind = type(key)
        if seen_kind is None:
            if kind is not int and kind is not str:
                return sorted(mapping.items(), key=_safe_tuple)
            seen_kind = kind
        elif kind is not seen_kind:
            return sorted(mapping.items(), key=_safe_tuple)
    return sorted(mapping.items())


# Types whose repr is written as it is and always readable.
_builtin_scalars = frozenset(
    [str, bytes, float, bool, type(None)]
    + [getattr(_builtins, name) for name in ("bytearray", "complex")
       if hasattr(_builtins, name)])


def _repr_owner(typ):
    """The class whose __repr__ typ's instances use: the first in the MRO
    that defines one, a builtin type standing for its own."""
    if typ.__module__ == "builtins":
        return typ
    for klass in typ.__mro__:
        if klass.__module__ == "builtins" or "__repr__" in klass.__dict__:
            return klass
    return object


def _repr_key(typ):
    owner = _repr_owner(typ)
    return owner.__dict__.get("__repr__") or owner


def _recursion(object):
    return "<Recursion on %s with id=%s>" % (type(object).__name__,
                                             id(object))


def _flat_repr(obj, active, limit, depth, underscores, sort_keys, flags):
    """The one-line repr of obj, dicts, lists and tuples (the exact types'
    reprs) expanded here so that dicts sort, the depth limit applies and
    cycles show.  flags ([readable, recursive]) collects the answers."""
    kind = type(obj)
    if kind in _builtin_scalars:
        return repr(obj)
    if kind is int or kind is list or kind is tuple or kind is dict:
        owner = kind
    else:
        owner = _repr_owner(kind)
    if owner is int:
        return format(obj, "_d") if underscores else repr(obj)
    if owner is dict:
        if not obj:
            return "{}"
        shape = "{%s}"
    elif owner is list:
        if not obj:
            return "[]"
        shape = "[%s]"
    elif owner is tuple:
        if not obj:
            return "()"
        shape = "(%s,)" if len(obj) == 1 else "(%s)"
    else:
        text = repr(obj)
        if not text or text[0] == "<":
            flags[0] = False
        return text
    key = id(obj)
    if limit and depth >= limit:
        flags[0] = False
        if key in active:
            flags[1] = True
        return shape % "..."
    if key in active:
        flags[0] = False
        flags[1] = True
        return _recursion(obj)
    active[key] = 1
    depth += 1
    parts = []
    scalars = _builtin_scalars
    if owner is dict:
        pairs = _ordered_items(obj) if sort_keys else obj.items()
        for k, v in pairs:
            kk = type(k)
            if kk in scalars or (kk is int and not underscores):
                ktext = repr(k)
            else:
                ktext = _flat_repr(k, active, limit, depth, underscores,
                                   sort_keys, flags)
            vk = type(v)
            if vk in scalars or (vk is int and not underscores):
                vtext = repr(v)
            else:
                vtext = _flat_repr(v, active, limit, depth, underscores,
                                   sort_keys, flags)
            parts.append(f"{ktext}: {vtext}")
    else:
        for item in obj:
            ik = type(item)
            if ik in scalars or (ik is int and not underscores):
                parts.append(repr(item))
            else:
                parts.append(_flat_repr(item, active, limit, depth, underscores,
                               sort_keys, flags))
    del active[key]
    return shape % ", ".join(parts)


def _generated_dataclass_repr(obj):
    """Whether obj is a dataclass instance shown by the __repr__ that the
    dataclass decorator wrote."""
    if isinstance(obj, type) or not _dataclasses.is_dataclass(obj):
        return False
    if not obj.__dataclass_params__.repr:
        return False
    method = obj.__repr__
    method = getattr(method, "__func__", method)
    inner = getattr(method, "__wrapped__", None)
    if inner is not None:
        return "__create_fn__" in inner.__qualname__
    return getattr(method, "__module__", None) == _dataclasses.__name__


def _bytes_pieces(data, room, last_room):
    """reprs of consecutive runs of data (grown 4 bytes at a time) each as
    long as fits room (last_room for the run holding the final bytes)."""
    held = b""
    final_start = len(data) // 4 * 4
    for start in range(0, len(data), 4):
        grown = held + data[start:start + 4]
        limit = last_room if start == final_start else room
        if len(repr(grown)) > limit:
            if held:
                yield repr(held)
            held = data[start:start + 4]
        else:
            held = grown
    if held:
        yield repr(held)


_WORD_RUN = re.compile(r"\S*\s*")


class PrettyPrinter:
    # True while the class keeps format(), _safe_repr() and _repr() as
    # defined here, so that _flat_repr can stand in for them.
    _plain_reprs = True

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        base = PrettyPrinter
        cls._plain_reprs = (cls.format is base.format
                            and cls._safe_repr is base._safe_repr
                            and cls._repr is base._repr)

    def __init__(self, indent=1, width=80, depth=None, stream=None, *,
                 compact=False, sort_dicts=True, underscore_numbers=False):
        step = int(indent)
        columns = int(width)
        if step < 0:
            raise ValueError("indent must be >= 0")
        if depth is not None and depth <= 0:
            raise ValueError("depth must be > 0")
        if not columns:
            raise ValueError("width must be != 0")
        self._depth = depth
        self._indent_per_level = step
        self._width = columns
        self._stream = _sys.stdout if stream is None else stream
        self._compact = bool(compact)
        self._sort_dicts = sort_dicts
        self._underscore_numbers = underscore_numbers

    def pprint(self, object):
        out = self._stream
        if out is not None:
            self._format(object, out, 0, 0, {}, 0)
            out.write("\n")

    def pformat(self, object):
        buffer = _StringIO()
        self._format(object, buffer, 0, 0, {}, 0)
        return buffer.getvalue()

    def isrecursive(self, object):
        return self.format(object, {}, 0, 0)[2]

    def isreadable(self, object):
        _, readable, recursive = self.format(object, {}, 0, 0)
        return readable and not recursive

    # In the layout methods: `col` is the column the object starts at,
    # `room` what must stay free after it on its last line (the closing
    # brackets and commas around it), `active` the ids of the containers
    # being written (for cycles) and `lvl` the nesting depth.

    def _format(self, obj, out, col, room, active, lvl):
        key = id(obj)
        if key in active:
            out.write(_recursion(obj))
            self._recursive = True
            self._readable = False
            return
        text = self._repr(obj, active, lvl)
        if len(text) > self._width - col - room:
            layout = self._dispatch.get(_repr_key(type(obj)))
            if layout is None and _generated_dataclass_repr(obj):
                layout = PrettyPrinter._pprint_dataclass
            if layout is not None:
                active[key] = 1
                layout(self, obj, out, col, room, active, lvl + 1)
                del active[key]
                return
        out.write(text)

    def _repr(self, object, context, level):
        if self._plain_reprs:
            flags = [True, False]
            text = _flat_repr(object, context.copy(), self._depth, level,
                              self._underscore_numbers, self._sort_dicts,
                              flags)
            readable, recursive = flags
        else:
            text, readable, recursive = self.format(object, context.copy(),
                                                    self._depth, level)
        if not readable:
            self._readable = False
        if recursive:
            self._recursive = True
        return text

    def format(self, object, context, maxlevels, level):
        """(repr, readable, recursive) of object at a nesting level."""
        return self._safe_repr(object, context, maxlevels, level)

    def _safe_repr(self, object, context, maxlevels, level):
        kind = type(object)
        if kind in _builtin_scalars:
            return repr(object), True, False
        if self._plain_reprs:
            flags = [True, False]
            text = _flat_repr(object, context, maxlevels, level,
                              self._underscore_numbers, self._sort_dicts,
                              flags)
            return text, flags[0], flags[1]
        # A subclass overrides format() (or this method): every nested
        # item goes through self.format.
        owner = _repr_owner(kind)
        if owner is int:
            if self._underscore_numbers:
                return format(object, "_d"), True, False
            return repr(object), True, False
        if owner is dict:
            if not object:
                return "{}", True, False
            opening, closing = "{", "}"
        elif owner is list:
            if not object:
                return "[]", True, False
            opening, closing = "[", "]"
        elif owner is tuple:
            if not object:
                return "()", True, False
            opening, closing = "(", ",)" if len(object) == 1 else ")"
        else:
            text = repr(object)
            return text, (text and not text.startswith("<")), False
        key = id(object)
        if maxlevels and level >= maxlevels:
            return opening + "..." + closing, False, key in context
        if key in context:
            return _recursion(object), False, True
        context[key] = 1
        level += 1
        every_readable = True
        any_recursive = False
        parts = []
        if owner is dict:
            pairs = (_ordered_items(object) if self._sort_dicts
                     else object.items())
            for k, v in pairs:
                ktext, kread, krec = self.format(k, context, maxlevels, level)
                vtext, vread, vrec = self.format(v, context, maxlevels, level)
                parts.append(ktext + ": " + vtext)
                every_readable = every_readable and kread and vread
                any_recursive = any_recursive or krec or vrec
        else:
            for item in object:
                text, read, rec = self.format(item, context, maxlevels, level)
                parts.append(text)
                every_readable = every_readable and read
                any_recursive = any_recursive or rec
        del context[key]
        return (opening + ", ".join(parts) + closing, every_readable,
                any_recursive)

    # ---------------------------------------------------------- layouts

    _dispatch = {}

    def _pad_after_open(self, out):
        if self._indent_per_level > 1:
            out.write(" " * (self._indent_per_level - 1))

    def _pprint_dict(self, obj, out, col, room, active, lvl):
        out.write("{")
        self._pad_after_open(out)
        if obj:
            pairs = (_ordered_items(obj) if self._sort_dicts
                     else obj.items())
            self._format_dict_items(pairs, out, col, room + 1, active, lvl)
        out.write("}")

    _dispatch[dict] = _pprint_dict

    def _pprint_ordered_dict(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        label = type(obj).__name__
        out.write(label + "(")
        self._format(list(obj.items()), out, col + len(label) + 1,
                     room + 1, active, lvl)
        out.write(")")

    _dispatch[_repr_key(_collections.OrderedDict)] = _pprint_ordered_dict

    def _pprint_list(self, obj, out, col, room, active, lvl):
        out.write("[")
        self._format_items(obj, out, col, room + 1, active, lvl)
        out.write("]")

    _dispatch[list] = _pprint_list

    def _pprint_tuple(self, obj, out, col, room, active, lvl):
        tail = ",)" if len(obj) == 1 else ")"
        out.write("(")
        self._format_items(obj, out, col, room + len(tail), active, lvl)
        out.write(tail)

    _dispatch[tuple] = _pprint_tuple

    def _pprint_set(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        if type(obj) is set:
            out.write("{")
            tail = "}"
        else:
            label = type(obj).__name__
            out.write(label + "({")
            tail = "})"
            col += len(label) + 1
        members = sorted(obj, key=_safe_key)
        self._format_items(members, out, col, room + len(tail), active, lvl)
        out.write(tail)

    _dispatch[set] = _pprint_set
    _dispatch[frozenset] = _pprint_set

    def _pprint_str(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        top = lvl == 1
        if top:
            # Pieces at the top level are wrapped in parentheses.
            col += 1
            room += 1
        span = self._width - col
        pieces = []
        lines = obj.splitlines(True)
        final_line = len(lines) - 1
        for number, line in enumerate(lines):
            text = repr(line)
            fits = span - room if number == final_line else span
            if len(text) <= fits:
                pieces.append(text)
                continue
            # Too long: cut after runs of whitespace, each piece (a word
            # and the spaces after it) as long as its repr fits.
            words = _WORD_RUN.findall(line)
            words.pop()
            final_word = len(words) - 1
            held = ""
            for index, word in enumerate(words):
                grown = held + word
                fits = span
                if number == final_line and index == final_word:
                    fits -= room
                if len(repr(grown)) > fits:
                    if held:
                        pieces.append(repr(held))
                    held = word
                else:
                    held = grown
            if held:
                pieces.append(repr(held))
        if len(pieces) == 1:
            out.write(text)
            return
        if top:
            out.write("(")
        out.write(("\n" + " " * col).join(pieces))
        if top:
            out.write(")")

    _dispatch[str] = _pprint_str

    def _pprint_bytes(self, obj, out, col, room, active, lvl):
        if len(obj) <= 4:
            out.write(repr(obj))
            return
        top = lvl == 1
        if top:
            col += 1
            room += 1
            out.write("(")
        span = self._width - col
        out.write(("\n" + " " * col).join(
            _bytes_pieces(obj, span, span - room)))
        if top:
            out.write(")")

    _dispatch[bytes] = _pprint_bytes

    def _pprint_mappingproxy(self, obj, out, col, room, active, lvl):
        out.write("mappingproxy(")
        self._format(obj.copy(), out, col + 13, room + 1, active, lvl)
        out.write(")")

    _dispatch[_repr_key(_types.MappingProxyType)] = _pprint_mappingproxy

    def _pprint_simplenamespace(self, obj, out, col, room, active, lvl):
        # SimpleNamespace's repr says "namespace", a subclass's its name.
        if type(obj) is _types.SimpleNamespace:
            label = "namespace"
        else:
            label = type(obj).__name__
        out.write(label + "(")
        self._format_namespace_items(obj.__dict__.items(), out,
                                     col + len(label) + 1, room, active, lvl)
        out.write(")")

    _dispatch[_repr_key(_types.SimpleNamespace)] = _pprint_simplenamespace

    def _pprint_dataclass(self, obj, out, col, room, active, lvl):
        label = type(obj).__name__
        shown = [(field.name, getattr(obj, field.name))
                 for field in _dataclasses.fields(obj) if field.repr]
        out.write(label + "(")
        self._format_namespace_items(shown, out, col + len(label) + 1, room,
                                     active, lvl)
        out.write(")")

    def _pprint_default_dict(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        factory = self._repr(obj.default_factory, active, lvl)
        label = type(obj).__name__
        col += len(label) + 1
        out.write(label + "(" + factory + ",\n" + " " * col)
        self._pprint_dict(obj, out, col, room + 1, active, lvl)
        out.write(")")

    _dispatch[_repr_key(_collections.defaultdict)] = _pprint_default_dict

    def _pprint_counter(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        label = type(obj).__name__
        out.write(label + "({")
        self._pad_after_open(out)
        self._format_dict_items(obj.most_common(), out, col + len(label) + 1,
                                room + 2, active, lvl)
        out.write("})")

    _dispatch[_repr_key(_collections.Counter)] = _pprint_counter

    def _pprint_chain_map(self, obj, out, col, room, active, lvl):
        layers = obj.maps
        if not layers:
            out.write(repr(obj))
            return
        label = type(obj).__name__
        out.write(label + "(")
        col += len(label) + 1
        between = ",\n" + " " * col
        for layer in layers[:-1]:
            self._format(layer, out, col, 1, active, lvl)
            out.write(between)
        self._format(layers[-1], out, col, room + 1, active, lvl)
        out.write(")")

    _dispatch[_repr_key(_collections.ChainMap)] = _pprint_chain_map

    def _pprint_deque(self, obj, out, col, room, active, lvl):
        if not obj:
            out.write(repr(obj))
            return
        label = type(obj).__name__
        out.write(label + "([")
        col += len(label) + 1
        if obj.maxlen is None:
            self._format_items(obj, out, col, room + 2, active, lvl)
            out.write("])")
            return
        self._format_items(obj, out, col, 2, active, lvl)
        bound = self._repr(obj.maxlen, active, lvl)
        out.write("],\n" + " " * col + "maxlen=" + bound + ")")

    _dispatch[_repr_key(_collections.deque)] = _pprint_deque

    def _pprint_user_data(self, obj, out, col, room, active, lvl):
        # UserDict, UserList and UserString print as the data they hold.
        self._format(obj.data, out, col, room, active, lvl - 1)

    _pprint_user_dict = _pprint_user_list = _pprint_user_string = \
        _pprint_user_data
    for _wrapper in (_collections.UserDict, _collections.UserList,
                     _collections.UserString):
        _dispatch[_repr_key(_wrapper)] = _pprint_user_data
    del _wrapper

    # ------------------------------------------------ shared item writers

    def _format_dict_items(self, items, out, col, room, active, lvl):
        write = out.write
        inner = col + self._indent_per_level
        between = ",\n" + " " * inner
        pairs = list(items)
        final = len(pairs) - 1
        for index, (key, value) in enumerate(pairs):
            label = self._repr(key, active, lvl)
            write(label + ": ")
            self._format(value, out, inner + len(label) + 2,
                         room if index == final else 1, active, lvl)
            if index != final:
                write(between)

    def _format_namespace_items(self, items, out, col, room, active, lvl):
        write = out.write
        between = ",\n" + " " * col
        pairs = list(items)
        final = len(pairs) - 1
        for index, (name, value) in enumerate(pairs):
            write(name + "=")
            if id(value) in active:
                # As the dataclass repr shows a cycle.
                write("...")
            else:
                self._format(value, out, col + len(name) + 1,
                             room if index == final else 1, active,
                             lvl)
            if index != final:
                write(between)

    def _format_items(self, items, out, col, room, active, lvl):
        write = out.write
        step = self._indent_per_level
        inner = col + step
        if step > 1:
            write(" " * (step - 1))
        entries = list(items)
        if not entries:
            return
        newline = ",\n" + " " * inner
        line_room = self._width - inner + 1
        left = line_room
        final = len(entries) - 1
        sep = ""
        for index, entry in enumerate(entries):
            is_last = index == final
            if is_last:
                line_room -= room
                left -= room
            if self._compact:
                # As many items on a line as fit, each with its ", ".
                text = self._repr(entry, active, lvl)
                need = len(text) + 2
                if left < need:
                    left = line_room
                    if sep:
                        sep = newline
                if left >= need:
                    left -= need
                    write(sep)
                    sep = ", "
                    write(text)
                    continue
            write(sep)
            sep = newline
            self._format(entry, out, inner, room if is_last else 1,
                         active, lvl)
