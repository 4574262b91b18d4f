"""Abstract base classes for containers (CPython's `collections.abc`):
isinstance() tests (Iterable, Mapping, Hashable...) and mixin methods, so
a class defining the abstract methods gets the rest.

Kept apart from the `collections` package, as CPython keeps it: `random`,
`weakref`, `os`... need the ABCs but not the rest of `collections`, whose
import costs more. `collections.abc` re-exports this module."""

# The classes say where users find them (as CPython's module does).
__name__ = "collections.abc"

import builtins as _builtins
import sys as _sys
from abc import ABCMeta, abstractmethod
from types import GenericAlias

__all__ = ["Awaitable", "Coroutine",
           "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible",
           "Sized", "Container", "Callable", "Collection",
           "Set", "MutableSet",
           "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView",
           "Sequence", "MutableSequence",
           "ByteString",
           ]


def _generic_alias(cls, item):
    """`cls[item]` (krait cannot make a GenericAlias for a Python class
    yet; the class itself stands in then)."""
    try:
        return GenericAlias(cls, item)
    except TypeError:
        return cls


def _gen():
    yield


async def _coro():
    pass


async def _agen():
    yield


# The builtin types the ABCs below know without registering them.
_generator = type(_gen())
_coroutine = _coro()
_coroutine.close()
_coroutine = type(_coroutine)
_async_generator = type(_agen())
_function = type(_gen)
_builtin_function = type(len)
_dict_keys = type({}.keys())
_dict_values = type({}.values())
_dict_items = type({}.items())
_mappingproxy = type(type.__dict__)
_iterator_types = {type(iter(sample)) for sample in
                   ([], (), "", b"", {}, {}.values(), {}.items(), set(), range(0))}
_iterator_types |= {type(reversed(sample)) for sample in
                    ([], range(0), {}, {}.values(), {}.items())}
_iterator_types |= {type(zip()), type(map(len, [])), type(filter(None, [])),
                    type(enumerate([])), reversed}

_CONTAINER = {"__iter__": True, "__len__": True, "__contains__": True}

# Which of the methods the one-method ABCs test each builtin type defines
# itself (False: set to None, as list.__hash__). krait answers
# hasattr(int, "__iter__") for every builtin, so CPython's look into the
# class dictionaries is made with this table for builtin classes.
_BUILTIN_METHODS = {
    object: {"__hash__": True},
    int: {"__hash__": True},
    float: {"__hash__": True},
    str: {"__hash__": True, **_CONTAINER},
    bytes: {"__hash__": True, **_CONTAINER},
    tuple: {"__hash__": True, **_CONTAINER},
    list: {"__hash__": False, "__reversed__": True, **_CONTAINER},
    dict: {"__hash__": False, "__reversed__": True, **_CONTAINER},
    set: {"__hash__": False, **_CONTAINER},
    frozenset: {"__hash__": True, **_CONTAINER},
    range: {"__hash__": True, "__reversed__": True, **_CONTAINER},
    slice: {"__hash__": False},
    _dict_keys: {"__hash__": False, "__reversed__": True, **_CONTAINER},
    _dict_values: {"__iter__": True, "__len__": True, "__reversed__": True},
    _dict_items: {"__hash__": False, "__reversed__": True, **_CONTAINER},
    _mappingproxy: {"__reversed__": True, **_CONTAINER},
    _function: {"__call__": True},
    _builtin_function: {"__hash__": True, "__call__": True},
    type: {"__call__": True},
    _generator: {"__iter__": True, "__next__": True, "send": True,
                 "throw": True, "close": True},
    _coroutine: {"__await__": True, "send": True, "throw": True,
                 "close": True},
    _async_generator: {"__aiter__": True, "__anext__": True, "asend": True,
                       "athrow": True, "aclose": True},
}
# Builtins krait may not have yet.
for _name, _methods in (("complex", {"__hash__": True}),
                        ("bytearray", {"__hash__": False, **_CONTAINER}),
                        ("memoryview", {"__hash__": True, "__iter__": True, "__len__": True})):
    if hasattr(_builtins, _name):
        _BUILTIN_METHODS[getattr(_builtins, _name)] = _methods
for _iterator_type in _iterator_types:
    _BUILTIN_METHODS.setdefault(_iterator_type, {"__iter__": True, "__next__": True})


def _check_methods(C, *methods):
    """True if each method is defined somewhere in C's MRO and not set to
    None there, else NotImplemented."""
    mro = C.__mro__
    for method in methods:
        for B in mro:
            defined = _BUILTIN_METHODS.get(B)
            if defined is not None:
                if method not in defined:
                    continue
                if not defined[method]:
                    return NotImplemented
                break
            if B.__module__ == "builtins":
                continue
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


# The ABCs of one method

class Hashable(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hashable:
            return _check_methods(C, "__hash__")
        return NotImplemented


class Awaitable(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __await__(self):
        yield

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Awaitable:
            return _check_methods(C, "__await__")
        return NotImplemented

    __class_getitem__ = classmethod(_generic_alias)


class Coroutine(Awaitable):

    __slots__ = ()

    @abstractmethod
    def send(self, value):
        """Resume with value; the next value it yields."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception where it is suspended."""
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        """Stop it by raising GeneratorExit inside."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("coroutine ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Coroutine:
            return _check_methods(C, '__await__', 'send', 'throw', 'close')
        return NotImplemented


class AsyncIterable(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __aiter__(self):
        return AsyncIterator()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterable:
            return _check_methods(C, "__aiter__")
        return NotImplemented

    __class_getitem__ = classmethod(_generic_alias)


# krait does not compile `async def` yet, so the asynchronous mixins are
# plain methods returning what an `await` would wait for.

class AsyncIterator(AsyncIterable):

    __slots__ = ()

    @abstractmethod
    def __anext__(self):
        """An awaitable of the next item."""
        raise StopAsyncIteration

    def __aiter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncIterator:
            return _check_methods(C, "__anext__", "__aiter__")
        return NotImplemented


class AsyncGenerator(AsyncIterator):

    __slots__ = ()

    def __anext__(self):
        """An awaitable of the next item."""
        return self.asend(None)

    @abstractmethod
    def asend(self, value):
        """Resume with value."""
        raise StopAsyncIteration

    @abstractmethod
    def athrow(self, typ, val=None, tb=None):
        """Raise an exception where it is suspended."""
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        raise val

    def aclose(self):
        """Stop it by raising GeneratorExit inside."""
        return self.athrow(GeneratorExit)

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AsyncGenerator:
            return _check_methods(C, '__aiter__', '__anext__',
                                  'asend', 'athrow', 'aclose')
        return NotImplemented


class Iterable(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterable:
            return _check_methods(C, "__iter__")
        return NotImplemented

    __class_getitem__ = classmethod(_generic_alias)


class Iterator(Iterable):

    __slots__ = ()

    @abstractmethod
    def __next__(self):
        """The next item; StopIteration when there is none."""
        raise StopIteration

    def __iter__(self):
        return self

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Iterator:
            return _check_methods(C, '__iter__', '__next__')
        return NotImplemented


class Reversible(Iterable):

    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Reversible:
            return _check_methods(C, "__reversed__", "__iter__")
        return NotImplemented


class Generator(Iterator):

    __slots__ = ()

    def __next__(self):
        """The next item: send(None)."""
        return self.send(None)

    @abstractmethod
    def send(self, value):
        """Resume with value; the next value it yields."""
        raise StopIteration

    @abstractmethod
    def throw(self, typ, val=None, tb=None):
        """Raise an exception where it is suspended."""
        if val is None:
            if tb is None:
                raise typ
            val = typ()
        if tb is not None:
            val = val.with_traceback(tb)
        raise val

    def close(self):
        """Stop it by raising GeneratorExit inside."""
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration):
            pass
        else:
            raise RuntimeError("generator ignored GeneratorExit")

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Generator:
            return _check_methods(C, '__iter__', '__next__',
                                  'send', 'throw', 'close')
        return NotImplemented


class Sized(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return _check_methods(C, "__len__")
        return NotImplemented


class Container(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Container:
            return _check_methods(C, "__contains__")
        return NotImplemented

    __class_getitem__ = classmethod(_generic_alias)


class Collection(Sized, Iterable, Container):

    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Collection:
            return _check_methods(C, "__len__", "__iter__", "__contains__")
        return NotImplemented


class Callable(metaclass=ABCMeta):

    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

    @classmethod
    def __subclasshook__(cls, C):
        if cls is Callable:
            return _check_methods(C, "__call__")
        return NotImplemented

    __class_getitem__ = classmethod(lambda cls, item: _CallableGenericAlias(cls, item))


def _is_param_expr(obj):
    """`...`, a ParamSpec or a Concatenate: what may stand for the
    parameter list of `Callable[params, result]`."""
    if obj is Ellipsis:
        return True
    kind = type(obj)
    return kind.__module__ == "typing" and kind.__name__ in ("ParamSpec", "_ConcatenateGenericAlias")


def _type_repr(obj):
    """A type as annotations show it: `int`, `mod.Class`, `...`."""
    if isinstance(obj, type) and not isinstance(obj, GenericAlias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is Ellipsis:
        return "..."
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    return repr(obj)


class _CallableGenericAlias(GenericAlias):
    """`Callable[[int, str], bool]`: the parameter types and the result
    flattened into `__args__` (`(int, str, bool)`), shown as written."""

    __slots__ = ()

    def __new__(cls, origin, args):
        if not (isinstance(args, tuple) and len(args) == 2):
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        params, result = args
        if isinstance(params, (tuple, list)):
            args = (*params, result)
        elif not _is_param_expr(params):
            raise TypeError("Expected a list of types, an ellipsis, "
                            f"ParamSpec, or Concatenate. Got {params}")
        return super().__new__(cls, origin, args)

    def __repr__(self):
        if len(self.__args__) == 2 and _is_param_expr(self.__args__[0]):
            return super().__repr__()
        params = ", ".join([_type_repr(a) for a in self.__args__[:-1]])
        return f"collections.abc.Callable[[{params}], {_type_repr(self.__args__[-1])}]"

    def __reduce__(self):
        args = self.__args__
        if not (len(args) == 2 and _is_param_expr(args[0])):
            args = list(args[:-1]), args[-1]
        return _CallableGenericAlias, (Callable, args)


# Sets

class Set(Collection):
    """A finite iterable container of distinct elements: define
    __contains__, __iter__ and __len__ and get the comparisons and the
    operators &, |, - and ^ (whose results come from _from_iterable)."""

    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        """Make a set of this class from an iterable; override it when
        the constructor takes something else."""
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        """Whether no element of other is in this set."""
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self
                                   if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other
                                   if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__

    def _hash(self):
        """A hash of the set's elements regardless of order, equal to a
        frozenset's of the same elements; subclasses that are hashable
        set `__hash__ = Set._hash`."""
        return hash(frozenset(self))


class MutableSet(Set):
    """A set that can change: define add() and discard() as well, and
    get remove, pop, clear and the in-place operators."""

    __slots__ = ()

    @abstractmethod
    def add(self, value):
        """Put value in the set."""
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        """Take value out of the set if it is there."""
        raise NotImplementedError

    def remove(self, value):
        """Take value out of the set; KeyError if it is not there."""
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        """Take some element out and return it; KeyError if empty."""
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        """Empty the set, one pop() at a time."""
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in (self - it):
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self


# Mappings

class Mapping(Collection):
    """A read-only container of keys and their values: define
    __getitem__, __iter__ and __len__ and get get, in, keys, items,
    values and ==."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def get(self, key, default=None):
        """self[key], or default when key is missing."""
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True

    def keys(self):
        """A set-like view of the keys."""
        return KeysView(self)

    def items(self):
        """A set-like view of the (key, value) pairs."""
        return ItemsView(self)

    def values(self):
        """A view of the values."""
        return ValuesView(self)

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None


class MappingView(Sized):

    __slots__ = '_mapping',

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)

    __class_getitem__ = classmethod(_generic_alias)


class KeysView(MappingView, Set):

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):

    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):

    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


# Distinguishes "no default given" from any value a caller could pass.
_MISSING = object()


class MutableMapping(Mapping):
    """A mapping that can change: define __setitem__ and __delitem__
    as well, and get pop, popitem, clear, update and setdefault."""

    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    def pop(self, key, default=_MISSING):
        """Remove key and return its value; default (else KeyError) when
        it is missing."""
        try:
            value = self[key]
        except KeyError:
            if default is _MISSING:
                raise
            return default
        else:
            del self[key]
            return value

    def popitem(self):
        """Remove and return the first (key, value) pair; KeyError when
        empty."""
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        """Remove every item."""
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        """Set the items of other (a mapping, an object with keys(), or
        an iterable of pairs), then the keyword arguments."""
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        """self[key], first set to default when key is missing."""
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


# Sequences

class Sequence(Reversible, Collection):
    """A read-only indexable sequence: define __getitem__ and __len__
    and get iteration, in, reversed, index and count."""

    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        """The first index of value between start and stop; ValueError
        when it is not there."""
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)

        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        """How many items are, or equal, value."""
        return sum(1 for v in self if v is value or v == value)


class ByteString(Sequence):
    """Sequences of bytes (bytes, and bytearray where it exists)."""

    __slots__ = ()


class MutableSequence(Sequence):
    """A sequence that can change: define __setitem__, __delitem__ and
    insert() as well, and get append, extend, pop, remove, reverse, clear
    and +=."""

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
        self.insert(len(self), value)

    def clear(self):
        """Remove every item."""
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        """Reverse the items in place."""
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        """Append the items of values."""
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        """Remove and return the item at index (the last by default)."""
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        """Remove the first item that is, or equals, value."""
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


# The builtin types CPython registers.
Generator.register(_generator)
Coroutine.register(_coroutine)
AsyncGenerator.register(_async_generator)
for _iterator_type in _iterator_types:
    Iterator.register(_iterator_type)
Set.register(frozenset)
MutableSet.register(set)
Mapping.register(_mappingproxy)
MutableMapping.register(dict)
KeysView.register(_dict_keys)
ValuesView.register(_dict_values)
ItemsView.register(_dict_items)
Sequence.register(tuple)
Sequence.register(str)
Sequence.register(range)
ByteString.register(bytes)
MutableSequence.register(list)
from _collections import deque as _deque
MutableSequence.register(_deque)
del _deque
if hasattr(_builtins, "bytearray"):
    ByteString.register(_builtins.bytearray)
    MutableSequence.register(_builtins.bytearray)
if hasattr(_builtins, "memoryview"):
    Sequence.register(_builtins.memoryview)
del _iterator_type, _name, _methods



def _register_collections(collections):
    """Registers the collections written in Python without these bases,
    as CPython's derive from them: called by whichever of this module and
    `collections` is imported second (neither imports the other)."""
    MutableMapping.register(collections.UserDict)
    MutableMapping.register(collections.ChainMap)
    MutableSequence.register(collections.UserList)
    Sequence.register(collections.UserString)


if "collections" in _sys.modules and hasattr(_sys.modules["collections"], "UserString"):
    _register_collections(_sys.modules["collections"])
