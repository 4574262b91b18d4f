"""The container ABCs behind `collections.abc`: structural isinstance()
checks and the mixin methods a subclass inherits. `collections.abc`
re-exports this module; it lives apart so cheap imports can use it."""

# Users meet these classes as collections.abc.X.
__name__ = "collections.abc"

import builtins as _builtins
import sys as _sys
from abc import abstractmethod, ABCMeta
from types import GenericAlias

__all__ = """
    Awaitable Coroutine AsyncIterable AsyncIterator AsyncGenerator
    Hashable Iterable Iterator Generator Reversible Sized Container
    Callable Collection Set MutableSet Mapping MutableMapping
    MappingView KeysView ItemsView ValuesView Sequence MutableSequence
    ByteString
""".split()


def _alias(cls, item):
    # krait may refuse a GenericAlias of a Python class: the class then
    # answers for itself.
    try:
        return GenericAlias(cls, item)
    except TypeError:
        return cls


_subscriptable = classmethod(_alias)


# ---------------------------------------------------------------------------
# Samples of the interpreter's own types.

def _sample_gen():
    yield


async def _sample_coro():
    pass


async def _sample_agen():
    yield


_generator = type(_sample_gen())
_coro_obj = _sample_coro()
_coroutine = type(_coro_obj)
_coro_obj.close()
del _coro_obj
_async_generator = type(_sample_agen())
_function = type(_sample_gen)
_builtin_function = type(len)
_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())
_mappingproxy = type(type.__dict__)


def _iterator_classes():
    found = set()
    for thing in ([], (), "", b"", {}, {}.values(), {}.items(), set(), range(0)):
        found.add(type(iter(thing)))
    for thing in ([], range(0), {}, {}.values(), {}.items()):
        found.add(type(reversed(thing)))
    found.update((type(zip()), type(map(len, ())), type(filter(None, ())),
                  type(enumerate(())), reversed))
    return found


_iterator_types = _iterator_classes()


# ---------------------------------------------------------------------------
# Which protocol methods builtin classes define. krait's builtin classes do
# not list their slot methods in __dict__ (and list.__hash__ is not None),
# so the dictionary walk CPython makes cannot be made for them: this table
# answers instead (False: the method is set to None, as list.__hash__).

_SIZED_BAG = {"__iter__": True, "__len__": True, "__contains__": True}
_ORDERED_BAG = dict(_SIZED_BAG, __reversed__=True)
_HASHABLE = {"__hash__": True}
_UNHASHABLE = {"__hash__": False}
_ITERATOR = {"__iter__": True, "__next__": True}
_CALLABLE = {"__call__": True}

_NATIVE_PROTOCOLS = {
    object: _HASHABLE, int: _HASHABLE, float: _HASHABLE,
    str: dict(_SIZED_BAG, **_HASHABLE), bytes: dict(_SIZED_BAG, **_HASHABLE),
    tuple: dict(_SIZED_BAG, **_HASHABLE), frozenset: dict(_SIZED_BAG, **_HASHABLE),
    list: dict(_ORDERED_BAG, **_UNHASHABLE), dict: dict(_ORDERED_BAG, **_UNHASHABLE),
    set: dict(_SIZED_BAG, **_UNHASHABLE), range: dict(_ORDERED_BAG, **_HASHABLE),
    slice: _UNHASHABLE,
    _dict_keys: dict(_ORDERED_BAG, **_UNHASHABLE),
    _dict_items: dict(_ORDERED_BAG, **_UNHASHABLE),
    _dict_values: {"__iter__": True, "__len__": True, "__reversed__": True},
    _mappingproxy: dict(_ORDERED_BAG, **_UNHASHABLE),
    _function: _CALLABLE, type: _CALLABLE,
    _builtin_function: dict(_CALLABLE, **_HASHABLE),
    _generator: dict(_ITERATOR, send=True, throw=True, close=True),
    _coroutine: {"__await__": True, "send": True, "throw": True, "close": True},
    _async_generator: {"__aiter__": True, "__anext__": True, "asend": True,
                       "athrow": True, "aclose": True},
}
for _name, _table in (("complex", _HASHABLE),
                      ("bytearray", dict(_SIZED_BAG, **_UNHASHABLE)),
                      ("memoryview", {"__hash__": True, "__iter__": True, "__len__": True})):
    _cls = getattr(_builtins, _name, None)
    if _cls is not None:
        _NATIVE_PROTOCOLS[_cls] = _table
try:
    from _collections import deque as _cls
except ImportError:
    pass
else:
    _NATIVE_PROTOCOLS[_cls] = dict(_ORDERED_BAG, **_UNHASHABLE)
    _iterator_types.add(type(iter(_cls())))
    _iterator_types.add(type(reversed(_cls())))
for _cls in _iterator_types:
    if _cls not in _NATIVE_PROTOCOLS:
        _NATIVE_PROTOCOLS[_cls] = _ITERATOR
del _cls, _table, _name


def _defines(C, name):
    # The first class along the MRO that speaks about `name` decides.
    for klass in C.__mro__:
        native = _NATIVE_PROTOCOLS.get(klass)
        if native is not None:
            if name in native:
                return native[name]
            continue
        if klass.__module__ == "builtins":
            continue
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name] is not None
    return False


def _check_methods(C, *names):
    """True when C's MRO defines every one of names (none set to None),
    NotImplemented otherwise."""
    for name in names:
        if not _defines(C, name):
            return NotImplemented
    return True


def _structural(abc, *required):
    # Gives `abc` a __subclasshook__ recognising classes that define
    # `required`; subclasses of `abc` inherit it but it stays silent for
    # them, so they are recognised by inheritance or registration only.
    def hook(cls, C):
        if cls is not abc:
            return NotImplemented
        return _check_methods(C, *required)
    hook.__name__ = "__subclasshook__"
    hook.__qualname__ = abc.__qualname__ + ".__subclasshook__"
    abc.__subclasshook__ = classmethod(hook)


# ---------------------------------------------------------------------------
# One-trick ponies.

class Hashable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0


class Awaitable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    __class_getitem__ = _subscriptable


def _close_by_throw(gen, kind):
    # close() of the Generator and Coroutine mixins.
    try:
        gen.throw(GeneratorExit)
    except (StopIteration, GeneratorExit):
        return
    raise RuntimeError(kind + " ignored GeneratorExit")


def _throw_default(typ, val, tb):
    # What the abstract throw()/athrow() raise: typ, or val with tb.
    if val is None:
        if tb is None:
            raise typ
        val = typ()
    if tb is None:
        raise val
    raise val.with_traceback(tb)


class Coroutine(Awaitable):
    __slots__ = ()

    @abstractmethod
    def send(self, value):
        """Resume it, sending value in."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside it."""
        _throw_default(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside it."""
        _close_by_throw(self, "coroutine")


class AsyncIterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    __class_getitem__ = _subscriptable


class AsyncIterator(AsyncIterable):
    __slots__ = ()

    @abstractmethod
    async def __anext__(self):
        """The next item, or StopAsyncIteration."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    __slots__ = ()

    async def __anext__(self):
        """asend(None)."""
        nxt = await self.asend(None)
        return nxt

    @abstractmethod
    async def asend(self, value):
        """Resume it, sending value in."""
        raise StopAsyncIteration

    @abstractmethod
    async def athrow(self, typ, val=None, tb=None):
        """Raise an exception inside it."""
        _throw_default(typ, val, tb)

    async def aclose(self):
        """Raise GeneratorExit inside it."""
        try:
            await self.athrow(GeneratorExit)
        except (StopAsyncIteration, GeneratorExit):
            return
        raise RuntimeError("asynchronous generator ignored GeneratorExit")


class Iterable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        return
        yield

    __class_getitem__ = _subscriptable


class Iterator(Iterable):
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """The next item, or StopIteration."""
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        return
        yield


class Generator(Iterator):
    __slots__ = ()

    def __next__(self):
        """send(None)."""
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Resume it, sending value in."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception inside it."""
        _throw_default(typ, val, tb)

    def close(self):
        """Raise GeneratorExit inside it."""
        _close_by_throw(self, "generator")


class Sized(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0


class Container(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    __class_getitem__ = _subscriptable


class Collection(Sized, Iterable, Container):
    __slots__ = ()


class Callable(metaclass=ABCMeta):
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwargs):
        return False

    @classmethod
    def __class_getitem__(cls, item):
        return _CallableGenericAlias(cls, item)


for _abc, _needs in ((Hashable, ("__hash__",)),
                     (Awaitable, ("__await__",)),
                     (Coroutine, ("__await__", "send", "throw", "close")),
                     (AsyncIterable, ("__aiter__",)),
                     (AsyncIterator, ("__anext__", "__aiter__")),
                     (AsyncGenerator, ("__aiter__", "__anext__", "asend",
                                       "athrow", "aclose")),
                     (Iterable, ("__iter__",)),
                     (Iterator, ("__iter__", "__next__")),
                     (Reversible, ("__reversed__", "__iter__")),
                     (Generator, ("__iter__", "__next__", "send", "throw",
                                  "close")),
                     (Sized, ("__len__",)),
                     (Container, ("__contains__",)),
                     (Collection, ("__len__", "__iter__", "__contains__")),
                     (Callable, ("__call__",))):
    _structural(_abc, *_needs)
del _abc, _needs


# ---------------------------------------------------------------------------
# Callable[[params], result]

def _is_param_expr(obj):
    """Whether obj may stand for a whole parameter list: `...`, a
    ParamSpec or a Concatenate."""
    if obj is Ellipsis:
        return True
    kind = type(obj)
    return (kind.__module__ == "typing"
            and kind.__name__ in ("ParamSpec", "_ConcatenateGenericAlias"))


def _type_repr(obj):
    """obj as an annotation shows it."""
    if obj is Ellipsis:
        return "..."
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        module, qualname = obj.__module__, obj.__qualname__
        return qualname if module == "builtins" else module + "." + qualname
    if isinstance(obj, _function):
        return obj.__name__
    return repr(obj)


class _CallableGenericAlias(GenericAlias):
    """Callable[[A, B], R]: __args__ holds (A, B, R)."""

    __slots__ = ()

    def __new__(cls, origin, spec):
        if type(spec) is not tuple or len(spec) != 2:
            raise TypeError(
                "Callable must be used as Callable[[arg, ...], result].")
        head, result = spec
        if isinstance(head, (list, tuple)):
            flat = tuple(head) + (result,)
        elif _is_param_expr(head):
            flat = spec
        else:
            raise TypeError("Expected a list of types, an ellipsis, "
                            f"ParamSpec, or Concatenate. Got {head}")
        return super().__new__(cls, origin, flat)

    def _one_param_expr(self):
        a = self.__args__
        return len(a) == 2 and _is_param_expr(a[0])

    def __repr__(self):
        if self._one_param_expr():
            return super().__repr__()
        *params, result = self.__args__
        shown = ", ".join(map(_type_repr, params))
        return f"collections.abc.Callable[[{shown}], {_type_repr(result)}]"

    def __reduce__(self):
        a = self.__args__
        if not self._one_param_expr():
            a = (list(a[:-1]), a[-1])
        return _CallableGenericAlias, (Callable, a)


# ---------------------------------------------------------------------------
# Sets

def _is_set(obj):
    return isinstance(obj, Set)


def _subset(small, big):
    if len(small) > len(big):
        return False
    for item in small:
        if item not in big:
            return False
    return True


def _coerce_set(owner, other):
    # other as a Set (made by owner._from_iterable when it is only an
    # iterable), or None when it is not iterable at all.
    if isinstance(other, Set):
        return other
    if isinstance(other, Iterable):
        return owner._from_iterable(other)
    return None


class Set(Collection):
    """Finite set-like container: with __contains__, __iter__ and
    __len__, a subclass gets comparisons and &, |, -, ^ and isdisjoint
    (new sets are made by _from_iterable)."""

    __slots__ = ()

    def __le__(self, other):
        if not _is_set(other):
            return NotImplemented
        return _subset(self, other)

    def __ge__(self, other):
        if not _is_set(other):
            return NotImplemented
        return _subset(other, self)

    def __lt__(self, other):
        if not _is_set(other):
            return NotImplemented
        if len(self) >= len(other):
            return False
        return self.__le__(other)

    def __gt__(self, other):
        if not _is_set(other):
            return NotImplemented
        if len(self) <= len(other):
            return False
        return self.__ge__(other)

    def __eq__(self, other):
        if not _is_set(other):
            return NotImplemented
        if len(self) != len(other):
            return False
        return self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        """Build an instance from an iterable (override when the
        constructor's signature differs)."""
        return cls(it)

    def isdisjoint(self, other):
        """True when no element of other is in self."""
        return not any(item in self for item in other)

    def __and__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(x for x in other if x in self)
        return NotImplemented

    __rand__ = __and__

    def __or__(self, other):
        if isinstance(other, Iterable):
            return self._from_iterable(x for part in (self, other) for x in part)
        return NotImplemented

    __ror__ = __or__

    def __sub__(self, other):
        other = _coerce_set(self, other)
        if other is None:
            return NotImplemented
        return self._from_iterable(x for x in self if x not in other)

    def __rsub__(self, lhs):
        lhs = _coerce_set(self, lhs)
        if lhs is None:
            return NotImplemented
        return self._from_iterable(x for x in lhs if x not in self)

    def __xor__(self, other):
        other = _coerce_set(self, other)
        if other is None:
            return NotImplemented
        left = self - other
        return left | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash agreeing with frozenset's for the same elements (for a
        subclass that sets __hash__ = Set._hash)."""
        return hash(frozenset(self))


class MutableSet(Set):
    """A Set that changes: with add() and discard() too, a subclass gets
    remove, pop, clear and |=, &=, ^=, -=."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Put value in."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Take value out when present."""
        raise NotImplementedError

    def remove(self, value):
        """Take value out; KeyError when absent."""
        if value in self:
            self.discard(value)
        else:
            raise KeyError(value)

    def pop(self):
        """Take out and return an arbitrary element; KeyError when empty."""
        for item in self:
            break
        else:
            raise KeyError from None
        self.discard(item)
        return item

    def clear(self):
        """Take everything out."""
        while True:
            try:
                self.pop()
            except KeyError:
                return

    def __ior__(self, it):
        add = self.add
        for item in it:
            add(item)
        return self

    def __iand__(self, it):
        for item in self - it:
            self.discard(item)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
            return self
        values = it if _is_set(it) else self._from_iterable(it)
        for item in values:
            if item in self:
                self.discard(item)
            else:
                self.add(item)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
            return self
        discard = self.discard
        for item in it:
            discard(item)
        return self


# ---------------------------------------------------------------------------
# Mappings

class Mapping(Collection):
    """Read-only mapping: with __getitem__, __iter__ and __len__, a
    subclass gets get, in, keys, items, values, == and !=."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key] when present, else default."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
            return True
        except KeyError:
            return False

    def keys(self):
        """Set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """Set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """View of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        mine = dict(self.items())
        return mine == dict(other.items())

    __reversed__ = None


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f"{type(self).__name__}({self._mapping!r})"

    __class_getitem__ = _subscriptable


def _builtin_set(cls, it):
    return set(it)


class KeysView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_builtin_set)

    def __contains__(self, k):
        return k in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    _from_iterable = classmethod(_builtin_set)

    def __contains__(self, item):
        key, value = item
        try:
            found = self._mapping[key]
        except KeyError:
            return False
        return found is value or found == value

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield (key, m[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        m = self._mapping
        for key in m:
            found = m[key]
            if found is value or found == value:
                return True
        return False

    def __iter__(self):
        m = self._mapping
        for key in m:
            yield m[key]


_NO_DEFAULT = object()


class MutableMapping(Mapping):
    """Mapping that changes: with __setitem__ and __delitem__ too, a
    subclass gets pop, popitem, clear, update and setdefault."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_NO_DEFAULT):
        """Remove key, returning its value; default (if given) when the
        key is missing, else KeyError."""
        if default is _NO_DEFAULT:
            found = self[key]
        else:
            try:
                found = self[key]
            except KeyError:
                return default
        del self[key]
        return found

    def popitem(self):
        """Remove and return some (key, value) pair; KeyError when empty."""
        for key in self:
            break
        else:
            raise KeyError from None
        found = self[key]
        del self[key]
        return key, found

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.popitem()
            except KeyError:
                return

    def update(self, other=(), /, **kwds):
        """Set items from a mapping, an object with keys(), or pairs,
        then from the keywords."""
        names = None
        if isinstance(other, Mapping):
            names = other
        elif hasattr(other, 'keys'):
            names = other.keys()
        if names is not None:
            for key in names:
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key in kwds:
            self[key] = kwds[key]

    def setdefault(self, key, default=None):
        """self[key], set to default first when missing."""
        try:
            return self[key]
        except KeyError:
            pass
        self[key] = default
        return default


# ---------------------------------------------------------------------------
# Sequences

class Sequence(Reversible, Collection):
    """Read-only sequence: with __getitem__ and __len__, a subclass gets
    iteration, in, reversed(), index and count."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        pos = 0
        while True:
            try:
                item = self[pos]
            except IndexError:
                return
            yield item
            pos += 1

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def __reversed__(self):
        pos = len(self)
        while pos > 0:
            pos -= 1
            yield self[pos]

    def index(self, value, start=0, stop=None):
        """First position of value within [start, stop); ValueError when
        absent."""
        if start is not None and start < 0:
            start = max(0, start + len(self))
        if stop is not None and stop < 0:
            stop = stop + len(self)
        pos = start
        while stop is None or pos < stop:
            try:
                item = self[pos]
            except IndexError:
                break
            if item is value or item == value:
                return pos
            pos += 1
        raise ValueError

    def count(self, value):
        """Number of items that are, or equal, value."""
        total = 0
        for item in self:
            if item is value or item == value:
                total += 1
        return total


class ByteString(Sequence):
    """bytes and bytearray."""

    __slots__ = ()


class MutableSequence(Sequence):
    """Sequence that changes: with __setitem__, __delitem__ and insert()
    too, a subclass gets append, extend, pop, remove, reverse, clear and
    +=."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        """Put value before position index."""
        raise IndexError

    def append(self, value):
        """Put value at the end."""
        end = len(self)
        self.insert(end, value)

    def clear(self):
        """Remove every item."""
        while True:
            try:
                self.pop()
            except IndexError:
                return

    def reverse(self):
        """Reverse in place."""
        lo, hi = 0, len(self) - 1
        while lo < hi:
            self[lo], self[hi] = self[hi], self[lo]
            lo += 1
            hi -= 1

    def extend(self, values):
        """Append each of values."""
        if values is self:
            values = list(values)
        append = self.append
        for item in values:
            append(item)

    def pop(self, index=-1):
        """Remove and return the item at index (default: the last)."""
        item = self[index]
        del self[index]
        return item

    def remove(self, value):
        """Remove the first occurrence of value."""
        where = self.index(value)
        del self[where]

    def __iadd__(self, values):
        self.extend(values)
        return self


# ---------------------------------------------------------------------------
# The builtin classes CPython registers.

for _abc, _classes in (
        (Generator, (_generator,)),
        (Coroutine, (_coroutine,)),
        (AsyncGenerator, (_async_generator,)),
        (Iterator, tuple(_iterator_types)),
        (Set, (frozenset,)),
        (MutableSet, (set,)),
        (Mapping, (_mappingproxy,)),
        (MutableMapping, (dict,)),
        (KeysView, (_dict_keys,)),
        (ValuesView, (_dict_values,)),
        (ItemsView, (_dict_items,)),
        (Sequence, (tuple, str, range)),
        (ByteString, (bytes,)),
        (MutableSequence, (list,))):
    for _cls in _classes:
        _abc.register(_cls)
del _abc, _classes, _cls

from _collections import deque as _deque
MutableSequence.register(_deque)
del _deque
if hasattr(_builtins, "bytearray"):
    ByteString.register(_builtins.bytearray)
    MutableSequence.register(_builtins.bytearray)
if hasattr(_builtins, "memoryview"):
    Sequence.register(_builtins.memoryview)


def _register_collections(collections):
    """Register collections' Python classes that do not derive from these
    ABCs (CPython's do); whichever of the two modules is imported second
    calls it."""
    MutableMapping.register(collections.UserDict)
    MutableMapping.register(collections.ChainMap)
    MutableSequence.register(collections.UserList)
    Sequence.register(collections.UserString)


_loaded = _sys.modules.get("collections")
if _loaded is not None and hasattr(_loaded, "UserString"):
    _register_collections(_loaded)
del _loaded
