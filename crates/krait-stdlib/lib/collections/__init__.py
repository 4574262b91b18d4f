"""krait's container datatypes: namedtuple, deque, defaultdict,
OrderedDict, Counter, ChainMap, UserDict, UserList and UserString.

The speed-critical pieces (`deque`, counting, tuple field access, and
reordering an OrderedDict) are native, in `_collections`. This module
deliberately avoids importing `collections.abc` at start-up; the ABCs
register the classes here once both modules are loaded.
"""

import sys as _sys
from itertools import chain as _chain, repeat as _repeat

from _collections import (deque, _count_elements, _odict_move_to_end,
                          _odict_popitem, _tuplegetter)

__all__ = [
    "ChainMap",
    "Counter",
    "OrderedDict",
    "UserDict",
    "UserList",
    "UserString",
    "defaultdict",
    "deque",
    "namedtuple",
]


def __getattr__(name):
    # `collections.abc` is reachable as an attribute (as in CPython), but
    # only loaded when first asked for.
    if name == "abc":
        import collections.abc as submodule
        return submodule
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---------------------------------------------------------------------------
# Shared helpers

_NOT_GIVEN = object()
_GenericAlias = type(list[int])
_dict_setitem = dict.__setitem__
_mapping_abc = None     # collections.abc.Mapping once found; False if absent


def _is_mapping(candidate):
    """isinstance(candidate, collections.abc.Mapping), deciding the usual
    cases without importing the ABCs."""
    global _mapping_abc
    if isinstance(candidate, (dict, _MappingMixin)):
        return True
    if _mapping_abc is None:
        try:
            from _collections_abc import Mapping as found
        except ImportError:
            found = False
        _mapping_abc = found
    if _mapping_abc:
        return isinstance(candidate, _mapping_abc)
    return hasattr(candidate, "keys") and hasattr(candidate, "__getitem__")


_repr_running = set()


def _guarded_repr(obj, render):
    """render(obj), or '...' when obj's repr is already being built
    further up the stack (a container that contains itself)."""
    marker = id(obj)
    if marker in _repr_running:
        return "..."
    _repr_running.add(marker)
    try:
        return render(obj)
    finally:
        _repr_running.discard(marker)


def _pairs_into(target, source, kwds):
    """MutableMapping.update's rules: a mapping, anything with keys(),
    or an iterable of pairs; then the keyword arguments."""
    if _is_mapping(source):
        for key in source:
            target[key] = source[key]
    elif hasattr(source, "keys"):
        for key in source.keys():
            target[key] = source[key]
    else:
        for key, value in source:
            target[key] = value
    for key, value in kwds.items():
        target[key] = value


# ---------------------------------------------------------------------------
# Views and the MutableMapping methods for ChainMap and UserDict (CPython
# inherits these from collections.abc)

_SET_LIKE = (set, frozenset, type({}.keys()), type({}.items()))


class _MappingView:
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"


class _SetView(_MappingView):
    """The set behaviour shared by key and item views."""

    __slots__ = ()

    @staticmethod
    def _comparable(other):
        return isinstance(other, _SET_LIKE) or isinstance(other, _SetView)

    def __eq__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return len(self) == len(other) and set(self) == set(other)

    def __le__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return set(self) <= set(other)

    def __lt__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return set(self) < set(other)

    def __ge__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return set(self) >= set(other)

    def __gt__(self, other):
        if not self._comparable(other):
            return NotImplemented
        return set(self) > set(other)

    __hash__ = None

    def __and__(self, other):
        return {item for item in other if item in self}

    __rand__ = __and__

    def __or__(self, other):
        return set(self) | set(other)

    __ror__ = __or__

    def __sub__(self, other):
        other = set(other)
        return {item for item in self if item not in other}

    def __rsub__(self, other):
        return {item for item in other if item not in self}

    def __xor__(self, other):
        return set(self) ^ set(other)

    __rxor__ = __xor__

    def isdisjoint(self, other):
        return not any(item in self for item in other)


class KeysView(_SetView):
    __slots__ = ()

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(_SetView):
    __slots__ = ()

    def __contains__(self, item):
        key, value = item
        try:
            stored = self._mapping[key]
        except KeyError:
            return False
        return stored is value or stored == value

    def __iter__(self):
        source = self._mapping
        for key in source:
            yield key, source[key]


class ValuesView(_MappingView):
    __slots__ = ()

    def __contains__(self, value):
        return any(stored is value or stored == value for stored in self)

    def __iter__(self):
        source = self._mapping
        for key in source:
            yield source[key]


class _MappingMixin:
    """MutableMapping's derived methods, built on __getitem__,
    __setitem__, __delitem__, __iter__ and __len__."""

    __slots__ = ()
    __hash__ = None
    __class_getitem__ = classmethod(_GenericAlias)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)

    def __eq__(self, other):
        if _is_mapping(other):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def pop(self, key, default=_NOT_GIVEN):
        try:
            found = self[key]
        except KeyError:
            if default is _NOT_GIVEN:
                raise
            return default
        del self[key]
        return found

    def popitem(self):
        for key in self:
            break
        else:
            raise KeyError
        found = self[key]
        del self[key]
        return key, found

    def clear(self):
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        _pairs_into(self, other, kwds)

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


# ---------------------------------------------------------------------------
# defaultdict


class defaultdict(dict):
    """A dict that fills in missing keys with default_factory()."""

    # As CPython's: the factory is a member, instances have no __dict__.
    __slots__ = ("default_factory",)

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        # (Most are made empty: no call of dict's __init__ then.)
        if args or kwargs:
            dict.__init__(self, *args, **kwargs)

    def __missing__(self, key):
        make = self.default_factory
        if make is None:
            raise KeyError(key)
        self[key] = fresh = make()
        return fresh

    def __repr__(self):
        # As in CPython, only the factory's repr is guarded here; the
        # dict part relies on dict's own guard ({...}).
        factory = self.default_factory
        shown = "None" if factory is None else _guarded_repr(factory, repr)
        return f"{type(self).__name__}({shown}, {dict.__repr__(self)})"

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        factory = self.default_factory
        arguments = () if factory is None else (factory,)
        return type(self), arguments, None, None, iter(self.items())

    def __or__(self, other):
        if isinstance(other, dict):
            merged = self.copy()
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self.default_factory, other)
            merged.update(self)
            return merged
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    __class_getitem__ = classmethod(_GenericAlias)


defaultdict.__module__ = "collections"


# ---------------------------------------------------------------------------
# OrderedDict
#
# krait's dict already keeps insertion order, so an OrderedDict is a dict
# whose keys can also be moved to either end (natively, in place) and
# whose equality with another OrderedDict depends on order.


def _too_many(got):
    return TypeError(f"expected at most 1 arguments, got {got}")


class OrderedDict(dict):
    """Dictionary that remembers insertion order and can reorder keys."""

    def __init__(self, /, *args, **kwds):
        if len(args) > 1:
            raise _too_many(len(args))
        self.update(*args, **kwds)

    def update(self, /, *args, **kwds):
        if len(args) > 1:
            raise TypeError(f"update() takes at most 1 positional argument "
                            f"({len(args)} given)")
        if not args:
            source = ()
        else:
            source = args[0]
            # Straight from a plain dict when no __setitem__ override
            # could observe the difference.
            if type(source) is dict and type(self).__setitem__ is _dict_setitem:
                dict.update(self, source)
                source = ()
        _pairs_into(self, source, kwds)

    def move_to_end(self, key, last=True):
        _odict_move_to_end(self, key, last)

    def popitem(self, last=True):
        return _odict_popitem(self, last)

    def __repr__(self):
        if not self:
            return f"{type(self).__name__}()"
        return _guarded_repr(
            self, lambda me: f"{type(me).__name__}({list(me.items())!r})")

    def __eq__(self, other):
        verdict = dict.__eq__(self, other)
        if verdict is True and isinstance(other, OrderedDict):
            # Between two OrderedDicts the order matters too.
            return list(self) == list(other)
        return verdict

    def __ne__(self, other):
        verdict = self.__eq__(other)
        if verdict is NotImplemented:
            return verdict
        return not verdict

    __hash__ = None

    def __reversed__(self):
        return reversed(list(dict.keys(self)))

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
            return default
        return self[key]

    def pop(self, key, *default):
        return dict.pop(self, key, *default)

    def __reduce__(self):
        return type(self), (), None, None, iter(self.items())

    def __or__(self, other):
        if isinstance(other, dict):
            merged = type(self)(self)
            merged.update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, dict):
            merged = type(self)(other)
            merged.update(self)
            return merged
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self


# ---------------------------------------------------------------------------
# namedtuple

_RESERVED = frozenset("""
    False None True and as assert async await break class continue def del
    elif else except finally for from global if import in is lambda nonlocal
    not or pass raise return try while with yield
""".split())


def _renamed(names):
    """rename=True: invalid, reserved, underscored or repeated names
    become '_<position>'."""
    used = set()
    result = []
    for position, name in enumerate(names):
        bad = (name in _RESERVED or name.startswith("_")
               or not name.isidentifier() or name in used)
        result.append(f"_{position}" if bad else name)
        used.add(name)
    return result


def _check_names(typename, names, rename):
    for name in (typename, *names):
        if type(name) is not str:
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid "
                             f"identifiers: {name!r}")
        if name in _RESERVED:
            raise ValueError("Type names and field names cannot be a "
                             f"keyword: {name!r}")
    met = set()
    for name in names:
        if not rename and name[:1] == "_":
            raise ValueError(f"Field names cannot start with an underscore: {name!r}")
        if name in met:
            raise ValueError(f"Encountered duplicate field name: {name!r}")
        met.add(name)


def _calling_module(depth):
    """__name__ of the module `depth` frames up, or '__main__'."""
    try:
        return _sys._getframe(depth).f_globals.get("__name__", "__main__")
    except (AttributeError, ValueError):
        return "__main__"


def _build_new(typename, fields, defaults):
    """__new__ compiled from source, so that its parameters (and the
    TypeErrors for missing or surplus arguments) are the fields."""
    params = ", ".join(fields)
    packed = params + "," if len(fields) == 1 else params
    scope = {"_tuple_new": tuple.__new__, "__builtins__": {},
             "__name__": f"namedtuple_{typename}"}
    exec(f"def __new__(_cls, {params}):\n"
         f"    return _tuple_new(_cls, ({packed}))\n", scope)
    constructor = scope["__new__"]
    constructor.__doc__ = f"Create new instance of {typename}({params})"
    if defaults is not None:
        constructor.__defaults__ = defaults
    return constructor


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """Returns a new subclass of tuple with named fields."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        names = _renamed(names)
    _check_names(typename, names, rename)

    fields = tuple(names)
    width = len(fields)
    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > width:
            raise TypeError("Got more default values than field names")
        if defaults:
            field_defaults = dict(zip(fields[-len(defaults):], defaults))

    signature_text = ", ".join(fields)
    template = "(" + ", ".join(name + "=%r" for name in fields) + ")"
    tuple_new = tuple.__new__

    def _make(cls, iterable):
        made = tuple_new(cls, iterable)
        if len(made) != width:
            raise TypeError(f"Expected {width} arguments, got {len(made)}")
        return made

    def _replace(self, /, **kwds):
        values = [kwds.pop(name, current) for name, current in zip(fields, self)]
        made = self._make(values)
        if kwds:
            raise ValueError(f"Got unexpected field names: {list(kwds)!r}")
        return made

    def __repr__(self):
        return self.__class__.__name__ + template % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    _make.__doc__ = f"Make a new {typename} object from a sequence or iterable"
    _replace.__doc__ = (f"Return a new {typename} object replacing specified "
                        "fields with new values")
    __repr__.__doc__ = "Return a nicely formatted representation string"
    _asdict.__doc__ = "Return a new dict which maps field names to their values."
    __getnewargs__.__doc__ = "Return self as a plain tuple.  Used by copy and pickle."

    __new__ = _build_new(typename, fields, defaults)
    body = {
        "__doc__": f"{typename}({signature_text})",
        "__slots__": (),
        "_fields": fields,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": classmethod(_make),
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
        "__match_args__": fields,
    }
    for function in (__new__, _make, _replace, __repr__, _asdict, __getnewargs__):
        function.__qualname__ = typename + "." + function.__name__
    for position, name in enumerate(fields):
        body[name] = _tuplegetter(position, f"Alias for field number {position}")

    made_class = type(typename, (tuple,), body)
    if module is None:
        module = _calling_module(2)
    if module is not None:
        made_class.__module__ = module
    return made_class


# ---------------------------------------------------------------------------
# Counter


def _second(pair):
    return pair[1]


class Counter(dict):
    """Dict subclass for counting hashable items (a multiset)."""

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        # An absent element counts as zero, without being stored.
        return 0

    def total(self):
        """Sum of the counts."""
        return sum(self.values())

    def most_common(self, n=None):
        """The n most common elements with their counts, most common
        first (all of them when n is None); ties keep first-seen order."""
        ranked = sorted(self.items(), key=_second, reverse=True)
        if n is None:
            return ranked
        if n == 1:
            return ranked[:1]
        if n < len(ranked):
            # As heapq.nlargest (CPython's way): an integer is required.
            range(n)
            if n <= 0:
                return []
        return ranked[:n]

    def elements(self):
        """Iterator over the elements, each repeated as many times as its
        count; elements with a count below one are skipped."""
        return _chain.from_iterable(map(_repeat, self.keys(), self.values()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        """Add counts from an iterable of elements or from a mapping of
        element -> count."""
        if iterable is None:
            pass
        elif not _is_mapping(iterable):
            _count_elements(self, iterable)
        elif not self:
            dict.update(self, iterable)
        else:
            current = self.get
            for elem, count in iterable.items():
                self[elem] = count + current(elem, 0)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Subtract counts; the results may be zero or negative."""
        if iterable is not None:
            current = self.get
            if _is_mapping(iterable):
                pairs = iterable.items()
            else:
                pairs = zip(iterable, _repeat(1))
            for elem, count in pairs:
                self[elem] = current(elem, 0) - count
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    __copy__ = copy

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        # Deleting an absent element is allowed.
        if elem in self:
            dict.__delitem__(self, elem)

    def __repr__(self):
        name = self.__class__.__name__
        if not self:
            return name + "()"
        try:
            ordered = dict(self.most_common())
        except TypeError:
            # Counts that cannot be ordered are shown as stored.
            ordered = dict(self)
        return f"{name}({ordered!r})"

    # Multiset comparisons: absent elements count zero.

    def __eq__(self, other):
        if isinstance(other, Counter):
            for key in _chain(self, other):
                if not self[key] == other[key]:
                    return False
            return True
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, Counter):
            return not self == other
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, Counter):
            for key in _chain(self, other):
                if not self[key] <= other[key]:
                    return False
            return True
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, Counter):
            for key in _chain(self, other):
                if not self[key] >= other[key]:
                    return False
            return True
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Counter):
            return self <= other and self != other
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Counter):
            return self >= other and self != other
        return NotImplemented

    __hash__ = None

    # Multiset arithmetic: the results keep positive counts only.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        made = Counter()
        for key, n in self.items():
            n = n + other[key]
            if n > 0:
                made[key] = n
        for key, n in other.items():
            if key not in self and n > 0:
                made[key] = n
        return made

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        made = Counter()
        for key, n in self.items():
            n = n - other[key]
            if n > 0:
                made[key] = n
        for key, n in other.items():
            if key not in self and n < 0:
                made[key] = 0 - n
        return made

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        made = Counter()
        for key, n in self.items():
            theirs = other[key]
            if n < theirs:
                n = theirs
            if n > 0:
                made[key] = n
        for key, n in other.items():
            if key not in self and n > 0:
                made[key] = n
        return made

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        made = Counter()
        for key, n in self.items():
            theirs = other[key]
            if not n < theirs:
                n = theirs
            if n > 0:
                made[key] = n
        return made

    def __pos__(self):
        made = Counter()
        for key, n in self.items():
            if n > 0:
                made[key] = n
        return made

    def __neg__(self):
        made = Counter()
        for key, n in self.items():
            if n < 0:
                made[key] = 0 - n
        return made

    def _keep_positive(self):
        doomed = [elem for elem, count in self.items() if not count > 0]
        for elem in doomed:
            dict.__delitem__(self, elem)
        return self

    def __iadd__(self, other):
        for key, n in other.items():
            self[key] += n
        self._keep_positive()
        return self

    def __isub__(self, other):
        for key, n in other.items():
            self[key] -= n
        self._keep_positive()
        return self

    def __ior__(self, other):
        for elem, rival in other.items():
            if rival > self[elem]:
                self[elem] = rival
        self._keep_positive()
        return self

    def __iand__(self, other):
        for elem, count in list(self.items()):
            rival = other[elem]
            if rival < count:
                self[elem] = rival
        self._keep_positive()
        return self


# ---------------------------------------------------------------------------
# ChainMap


class ChainMap(_MappingMixin):
    """Several mappings searched in order as a single one; writes and
    deletions touch only the first."""

    def __init__(self, *maps):
        self.maps = list(maps) if maps else [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for layer in self.maps:
            try:
                return layer[key]
            except KeyError:
                continue
        return self.__missing__(key)

    def get(self, key, default=None):
        if key in self:
            return self[key]
        return default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        # The order a dict merged from the last map to the first would have.
        order = {}
        for layer in self.maps[::-1]:
            order.update(dict.fromkeys(layer))
        return iter(order)

    def __contains__(self, key):
        for layer in self.maps:
            if key in layer:
                return True
        return False

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        def render(me):
            shown = ", ".join(repr(layer) for layer in me.maps)
            return f"{me.__class__.__name__}({shown})"
        return _guarded_repr(self, render)

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        head = self.maps[0].copy()
        return self.__class__(head, *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """A ChainMap with `m` (or a new dict) in front of these maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """A ChainMap of every map but the first."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def _front_key_error(self, key):
        return KeyError(f"Key not found in the first mapping: {key!r}")

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise self._front_key_error(key)

    def popitem(self):
        front = self.maps[0]
        try:
            return front.popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        front = self.maps[0]
        try:
            return front.pop(key, *args)
        except KeyError:
            raise self._front_key_error(key)

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if _is_mapping(other):
            merged = self.copy()
            merged.maps[0].update(other)
            return merged
        return NotImplemented

    def __ror__(self, other):
        if _is_mapping(other):
            flat = dict(other)
            for layer in self.maps[::-1]:
                flat.update(layer)
            return self.__class__(flat)
        return NotImplemented


# ---------------------------------------------------------------------------
# UserDict, UserList, UserString: wrappers around a real container kept
# in the `data` attribute, meant to be subclassed.


def _unwrap(value, kind):
    return value.data if isinstance(value, kind) else value


class UserDict(_MappingMixin):
    """A dict-like class whose contents live in `self.data`."""

    def __init__(self, dict=None, /, **kwargs):
        self.data = {}
        if dict is not None:
            self.update(dict)
        if kwargs:
            self.update(kwargs)

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        store = self.data
        if key in store:
            return store[key]
        owner = self.__class__
        if hasattr(owner, "__missing__"):
            return owner.__missing__(self, key)
        raise KeyError(key)

    def __setitem__(self, key, item):
        self.data[key] = item

    def __delitem__(self, key):
        del self.data[key]

    def __iter__(self):
        return iter(self.data)

    def __contains__(self, key):
        return key in self.data

    def __repr__(self):
        return repr(self.data)

    def __or__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(self.data | _unwrap(other, UserDict))
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (UserDict, dict)):
            return self.__class__(_unwrap(other, UserDict) | self.data)
        return NotImplemented

    def __ior__(self, other):
        self.data.update(_unwrap(other, UserDict))
        return self

    def __copy__(self):
        twin = self.__class__.__new__(self.__class__)
        twin.__dict__.update(self.__dict__)
        twin.__dict__["data"] = self.__dict__["data"].copy()
        return twin

    def copy(self):
        if self.__class__ is UserDict:
            return UserDict(self.data.copy())
        # A subclass: copy its other attributes too, but fill the data
        # through its own __setitem__.
        saved = self.data
        self.data = {}
        try:
            twin = self.__copy__()
        finally:
            self.data = saved
        twin.update(self)
        return twin

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made


class UserList:
    """A list-like class whose contents live in `self.data`."""

    __hash__ = None
    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, initlist=None):
        self.data = []
        if initlist is None:
            return
        if type(initlist) == list:
            self.data[:] = initlist
        elif isinstance(initlist, UserList):
            self.data[:] = list(initlist.data)
        else:
            self.data = list(initlist)

    def __repr__(self):
        return repr(self.data)

    def _plain(self, other):
        return _unwrap(other, UserList)

    def __lt__(self, other):
        return self.data < self._plain(other)

    def __le__(self, other):
        return self.data <= self._plain(other)

    def __eq__(self, other):
        return self.data == self._plain(other)

    def __gt__(self, other):
        return self.data > self._plain(other)

    def __ge__(self, other):
        return self.data >= self._plain(other)

    def __contains__(self, item):
        return item in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        found = self.data[i]
        if isinstance(i, slice):
            return self.__class__(found)
        return found

    def __setitem__(self, i, item):
        self.data[i] = item

    def __delitem__(self, i):
        del self.data[i]

    def __iter__(self):
        return iter(self.data)

    def __reversed__(self):
        return reversed(self.data)

    def _as_list(self, other):
        if isinstance(other, UserList):
            return other.data
        if isinstance(other, type(self.data)):
            return other
        return list(other)

    def __add__(self, other):
        return self.__class__(self.data + self._as_list(other))

    def __radd__(self, other):
        return self.__class__(self._as_list(other) + self.data)

    def __iadd__(self, other):
        self.data += self._as_list(other)
        return self

    def __mul__(self, n):
        return self.__class__(self.data * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self.data *= n
        return self

    def __copy__(self):
        twin = self.__class__.__new__(self.__class__)
        twin.__dict__.update(self.__dict__)
        twin.__dict__["data"] = list(self.__dict__["data"])
        return twin

    def append(self, item):
        self.data.append(item)

    def insert(self, i, item):
        self.data.insert(i, item)

    def pop(self, i=-1):
        return self.data.pop(i)

    def remove(self, item):
        self.data.remove(item)

    def clear(self):
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def count(self, item):
        items = self.data
        return items.count(item)

    def index(self, item, *args):
        items = self.data
        return items.index(item, *args)

    def reverse(self):
        self.data.reverse()

    def sort(self, /, *args, **kwds):
        items = self.data
        items.sort(*args, **kwds)

    def extend(self, other):
        self.data.extend(_unwrap(other, UserList))


_END = _sys.maxsize


class UserString:
    """A str-like class whose contents live in `self.data`."""

    __class_getitem__ = classmethod(_GenericAlias)

    def __init__(self, seq):
        if isinstance(seq, str):
            self.data = seq
        elif isinstance(seq, UserString):
            self.data = seq.data[:]
        else:
            self.data = str(seq)

    def _wrap(self, text):
        return self.__class__(text)

    def __str__(self):
        return str(self.data)

    def __repr__(self):
        return repr(self.data)

    def __int__(self):
        return int(self.data)

    def __float__(self):
        return float(self.data)

    def __complex__(self):
        return complex(self.data)

    def __hash__(self):
        return hash(self.data)

    def __getnewargs__(self):
        return (self.data[:],)

    def __eq__(self, string):
        return self.data == _unwrap(string, UserString)

    def __lt__(self, string):
        return self.data < _unwrap(string, UserString)

    def __le__(self, string):
        return self.data <= _unwrap(string, UserString)

    def __gt__(self, string):
        return self.data > _unwrap(string, UserString)

    def __ge__(self, string):
        return self.data >= _unwrap(string, UserString)

    def __contains__(self, char):
        return _unwrap(char, UserString) in self.data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, index):
        return self._wrap(self.data[index])

    def __iter__(self):
        # One character at a time, each wrapped, as Sequence.__iter__ does.
        for char in self.data:
            yield self._wrap(char)

    def __add__(self, other):
        if isinstance(other, UserString):
            tail = other.data
        elif isinstance(other, str):
            tail = other
        else:
            tail = str(other)
        return self._wrap(self.data + tail)

    def __radd__(self, other):
        head = other if isinstance(other, str) else str(other)
        return self._wrap(head + self.data)

    def __mul__(self, n):
        return self._wrap(self.data * n)

    __rmul__ = __mul__

    def __mod__(self, args):
        return self._wrap(self.data % args)

    def __rmod__(self, template):
        return self._wrap(str(template) % self)

    # -- methods returning a new UserString --

    def capitalize(self):
        return self._wrap(self.data.capitalize())

    def casefold(self):
        return self._wrap(self.data.casefold())

    def center(self, width, *args):
        return self._wrap(self.data.center(width, *args))

    def expandtabs(self, tabsize=8):
        return self._wrap(self.data.expandtabs(tabsize))

    def ljust(self, width, *args):
        return self._wrap(self.data.ljust(width, *args))

    def lower(self):
        return self._wrap(self.data.lower())

    def lstrip(self, chars=None):
        return self._wrap(self.data.lstrip(chars))

    def removeprefix(self, prefix, /):
        return self._wrap(self.data.removeprefix(_unwrap(prefix, UserString)))

    def removesuffix(self, suffix, /):
        return self._wrap(self.data.removesuffix(_unwrap(suffix, UserString)))

    def replace(self, old, new, maxsplit=-1):
        old, new = _unwrap(old, UserString), _unwrap(new, UserString)
        return self._wrap(self.data.replace(old, new, maxsplit))

    def rjust(self, width, *args):
        return self._wrap(self.data.rjust(width, *args))

    def rstrip(self, chars=None):
        return self._wrap(self.data.rstrip(chars))

    def strip(self, chars=None):
        return self._wrap(self.data.strip(chars))

    def swapcase(self):
        return self._wrap(self.data.swapcase())

    def title(self):
        return self._wrap(self.data.title())

    def translate(self, *args):
        return self._wrap(self.data.translate(*args))

    def upper(self):
        return self._wrap(self.data.upper())

    def zfill(self, width):
        return self._wrap(self.data.zfill(width))

    # -- methods returning plain values --

    def count(self, sub, start=0, end=_END):
        return self.data.count(_unwrap(sub, UserString), start, end)

    def encode(self, encoding="utf-8", errors="strict"):
        codec = "utf-8" if encoding is None else encoding
        handler = "strict" if errors is None else errors
        return self.data.encode(codec, handler)

    def endswith(self, suffix, start=0, end=_END):
        text = self.data
        return text.endswith(suffix, start, end)

    def find(self, sub, start=0, end=_END):
        return self.data.find(_unwrap(sub, UserString), start, end)

    def format(self, /, *args, **kwds):
        template = self.data
        return template.format(*args, **kwds)

    def format_map(self, mapping):
        template = self.data
        return template.format_map(mapping)

    def index(self, sub, start=0, end=_END):
        text = self.data
        return text.index(sub, start, end)

    def join(self, seq):
        glue = self.data
        return glue.join(seq)

    maketrans = str.maketrans

    def partition(self, sep):
        text = self.data
        return text.partition(sep)

    def rfind(self, sub, start=0, end=_END):
        return self.data.rfind(_unwrap(sub, UserString), start, end)

    def rindex(self, sub, start=0, end=_END):
        text = self.data
        return text.rindex(sub, start, end)

    def rpartition(self, sep):
        text = self.data
        return text.rpartition(sep)

    def split(self, sep=None, maxsplit=-1):
        text = self.data
        return text.split(sep, maxsplit)

    def rsplit(self, sep=None, maxsplit=-1):
        text = self.data
        return text.rsplit(sep, maxsplit)

    def splitlines(self, keepends=False):
        text = self.data
        return text.splitlines(keepends)

    def startswith(self, prefix, start=0, end=_END):
        text = self.data
        return text.startswith(prefix, start, end)


def _text_query(name):
    """A UserString method that asks the same question of its str."""
    def query(self):
        return getattr(self.data, name)()
    query.__name__ = name
    query.__qualname__ = "UserString." + name
    return query


for _name in ("isalpha", "isalnum", "isascii", "isdecimal", "isdigit",
              "isidentifier", "islower", "isnumeric", "isprintable",
              "isspace", "istitle", "isupper"):
    setattr(UserString, _name, _text_query(_name))
del _name


# Registration with the ABCs (CPython's classes derive from them): done
# here when `_collections_abc` came first, otherwise by that module.
if "_collections_abc" in _sys.modules:
    _sys.modules["_collections_abc"]._register_collections(_sys.modules[__name__])
