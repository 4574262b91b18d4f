"""Tools for functions and callables (CPython's `functools`): reduce,
partial, wraps, lru_cache, total_ordering, cmp_to_key, cached_property,
singledispatch."""

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'partialmethod', 'singledispatch', 'singledispatchmethod',
           'cached_property']

from types import GenericAlias, MappingProxyType, MethodType as _MethodType


def _generic_alias(cls, item):
    """`cls[item]` for the classes here (krait cannot make a GenericAlias
    for a Python class yet; the class itself stands in then)."""
    try:
        return GenericAlias(cls, item)
    except TypeError:
        return cls


# Stands for an argument that was not given.
_MISSING = object()


# update_wrapper and wraps

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__',
                       '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Make wrapper look like wrapped: copy the `assigned` attributes,
    merge the `updated` ones, and set `wrapper.__wrapped__`."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    # Set last, so a __wrapped__ copied from wrapped's __dict__ is replaced.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory applying update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# total_ordering

def _gt_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _le_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _ge_from_lt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _ge_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _lt_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _gt_from_le(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _lt_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _ge_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _le_from_gt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _le_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _gt_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _lt_from_ge(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result


# For each root operation, the others derived from it (in CPython's order).
_DERIVED_ORDERINGS = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}

# Builtin types with their own ordering. krait makes a new wrapper for each
# access of a builtin dunder, so `getattr(cls, op) is not getattr(object,
# op)` cannot tell a defined operation from object's; the class
# dictionaries are read instead.
_ORDERED_BUILTINS = (int, float, str, bytes, tuple, list, set, frozenset)


def _defined_orderings(cls):
    roots = set()
    for base in cls.__mro__:
        if base is object:
            break
        if base.__module__ == 'builtins':
            if base in _ORDERED_BUILTINS:
                roots.update(_DERIVED_ORDERINGS)
            continue
        for op in _DERIVED_ORDERINGS:
            if op in base.__dict__:
                roots.add(op)
    return roots


def total_ordering(cls):
    """Class decorator filling in the missing ordering methods from the
    one the class defines."""
    roots = _defined_orderings(cls)
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)  # CPython's preference: __lt__ over __le__ over __gt__ over __ge__
    for opname, opfunc in _DERIVED_ORDERINGS[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


# cmp_to_key: native (`_functools.cmp_to_key`, taken below), so that a
# sort makes one Python call per comparison.

# reduce

def reduce(*args, **kwargs):
    """reduce(function, iterable[, initial]) -> value

    Apply a function of two arguments cumulatively to the items of an
    iterable, from left to right, to reduce it to a single value."""
    if kwargs:
        raise TypeError('reduce() takes no keyword arguments')
    if not 2 <= len(args) <= 3:
        bound = 'least 2' if len(args) < 2 else 'most 3'
        raise TypeError(f'reduce expected at {bound} arguments, got {len(args)}')
    function, sequence = args[0], args[1]
    try:
        iterator = iter(sequence)
    except TypeError:
        raise TypeError('reduce() arg 2 must support iteration') from None
    if len(args) == 2:
        try:
            value = next(iterator)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = args[2]
    for element in iterator:
        value = function(value, element)
    return value


# The native fold (no Python frame per step), as CPython's _functools.
import _functools
from _functools import reduce, cmp_to_key


# partial and partialmethod

class partial:
    """New function with partial application of the given arguments and
    keywords."""

    __slots__ = ('_func', '_args', '_keywords', '__dict__', '__weakref__')

    def __new__(cls, *args, **keywords):
        if not args:
            raise TypeError("type 'partial' takes at least one argument")
        func, args = args[0], args[1:]
        if not callable(func):
            raise TypeError('the first argument must be callable')
        # A partial of a partial is flattened, unless it carries attributes.
        if isinstance(func, partial) and not _has_attributes(func):
            args = func._args + args
            keywords = {**func._keywords, **keywords}
            func = func._func
        self = super().__new__(cls)
        self._func = func
        self._args = args
        self._keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self._keywords, **keywords}
        return self._func(*self._args, *args, **keywords)

    @property
    def func(self):
        """function object to use in future partial calls"""
        return self._func

    @func.setter
    def func(self, value):
        raise AttributeError('readonly attribute')

    @property
    def args(self):
        """tuple of arguments to future partial calls"""
        return self._args

    @args.setter
    def args(self, value):
        raise AttributeError('readonly attribute')

    @property
    def keywords(self):
        """dictionary of keyword arguments to future partial calls"""
        return self._keywords

    @keywords.setter
    def keywords(self, value):
        raise AttributeError('readonly attribute')

    def __repr__(self):
        if id(self) in _repr_running:
            return '...'
        _repr_running.add(id(self))
        try:
            parts = [repr(self._func)]
            parts.extend(repr(arg) for arg in self._args)
            parts.extend(f'{key}={value!r}' for key, value in self._keywords.items())
        finally:
            _repr_running.discard(id(self))
        cls = type(self)
        name = 'functools.partial' if cls is partial else cls.__qualname__
        return f"{name}({', '.join(parts)})"

    def __reduce__(self):
        return (type(self), (self._func,),
                (self._func, self._args, self._keywords or None, self.__dict__ or None))

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError('argument to __setstate__ must be a tuple')
        if len(state) != 4:
            raise TypeError(f'expected 4 items in state, got {len(state)}')
        func, args, keywords, namespace = state
        if (not callable(func) or not isinstance(args, tuple)
                or (keywords is not None and not isinstance(keywords, dict))
                or (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError('invalid partial state')
        self._func = func
        self._args = tuple(args)
        self._keywords = dict(keywords) if keywords else {}
        self.__dict__.clear()
        if namespace:
            self.__dict__.update(namespace)

    __class_getitem__ = classmethod(_generic_alias)


def _has_attributes(partial_object):
    # krait shows slot values in __dict__ when a class has both, so the
    # slots are left out.
    return any(name not in partial.__slots__ for name in partial_object.__dict__)


# Objects whose repr is being computed, so a recursive partial prints '...'.
_repr_running = set()


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords; it binds as the method it wraps would."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func) and not _is_descriptor(func):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        if isinstance(func, partialmethod):
            self.func = func.func
            self.args = func.args + args
            self.keywords = {**func.keywords, **keywords}
        else:
            self.func = func
            self.args = args
            self.keywords = keywords

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend(repr(arg) for arg in self.args)
        parts.extend(f'{key}={value!r}' for key, value in self.keywords.items())
        cls = type(self)
        return f"{cls.__module__}.{cls.__qualname__}({', '.join(parts)})"

    def _make_unbound_method(self):
        def _method(cls_or_self, /, *args, **keywords):
            keywords = {**self.keywords, **keywords}
            return self.func(cls_or_self, *self.args, *args, **keywords)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method._partialmethod = self
        return _method

    def __get__(self, obj, cls=None):
        result = None
        new_func = _bind(self.func, obj, cls)
        if new_func is not _NO_GET and new_func is not self.func:
            result = partial(new_func, *self.args, **self.keywords)
            try:
                result.__self__ = new_func.__self__
            except AttributeError:
                pass
        if result is None:
            result = self._make_unbound_method().__get__(obj, cls)
        return result

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)

    __class_getitem__ = classmethod(_generic_alias)


_NO_GET = object()


def _is_descriptor(obj):
    # krait's classmethod and staticmethod have no __get__ attribute.
    return isinstance(obj, (classmethod, staticmethod)) or hasattr(obj, '__get__')


def _bind(descriptor, obj, cls):
    """`descriptor.__get__(obj, cls)`, or _NO_GET if it has no __get__.
    krait's classmethod and staticmethod have no __get__, so they are
    bound here as CPython binds them."""
    if isinstance(descriptor, classmethod):
        owner = cls if cls is not None else type(obj)
        return descriptor.__func__.__get__(owner, type(owner))
    if isinstance(descriptor, staticmethod):
        return descriptor.__func__
    getter = getattr(descriptor, '__get__', None)
    if getter is None:
        return _NO_GET
    return getter(obj, cls)


# lru_cache and cache

class CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize): what cache_info() says."""

    __slots__ = ()
    _fields = ('hits', 'misses', 'maxsize', 'currsize')

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    hits = property(lambda self: self[0], doc='Alias for field number 0')
    misses = property(lambda self: self[1], doc='Alias for field number 1')
    maxsize = property(lambda self: self[2], doc='Alias for field number 2')
    currsize = property(lambda self: self[3], doc='Alias for field number 3')

    def __repr__(self):
        return ('CacheInfo(hits=%r, misses=%r, maxsize=%r, currsize=%r)'
                % tuple(self))

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)


_CacheInfo = CacheInfo
del CacheInfo


class _HashedSeq(list):
    """A key made of several values, hashed once: the cache's dict hashes
    the key again on every lookup."""

    __slots__ = ('hashvalue',)

    def __init__(self, values):
        self[:] = values
        self.hashvalue = hash(values)

    def __hash__(self):
        return self.hashvalue


# Separates positional arguments from keyword ones in cache keys.
_KEYWORD_MARK = (object(),)


def _make_key(args, kwds, typed):
    """A hashable key for a call's arguments; f(1) and f(1.0) share one
    unless typed."""
    key = args
    if kwds:
        key += _KEYWORD_MARK
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator: `@lru_cache`,
    `@lru_cache(maxsize=N, typed=False)`; maxsize None means unbounded.
    The wrapper has cache_info(), cache_clear() and cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _make_lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _make_lru_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


class _lru_cache_wrapper(_functools._lru_cache_wrapper):
    """What `@lru_cache` returns: the cache itself is native (`_functools`);
    this subclass gives the wrapper a `__dict__` for `update_wrapper` and
    binds it as a method when it is a class attribute."""

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return _MethodType(self, instance)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _make_lru_wrapper(user_function, maxsize, typed):
    if not callable(user_function):
        raise TypeError('the first argument must be callable')
    return _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


# singledispatch

class _ReadOnlyMapping:
    """A read-only view of a dict, for singledispatch's registry where
    types.MappingProxyType cannot be made."""

    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(self._mapping)

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return self._mapping.copy()

    def __repr__(self):
        return repr(self._mapping)


def _read_only(mapping):
    try:
        return MappingProxyType(mapping)
    except TypeError:
        return _ReadOnlyMapping(mapping)


def _find_impl(cls, registry):
    """The implementation registered for the nearest class of cls's MRO;
    ABCs cls belongs to (registered virtual bases) come after its real
    bases, before object."""
    mro = cls.__mro__
    for base in mro:
        if base is object:
            break
        if base in registry:
            return registry[base]
    matches = [t for t in registry
               if t is not object and t not in mro and issubclass(cls, t)]
    # Keep the most specific ABCs: drop those a kept one derives from.
    best = [t for t in matches
            if not any(o is not t and issubclass(o, t) for o in matches)]
    if len(best) > 1:
        raise RuntimeError(f'Ambiguous dispatch: {best[0]} or {best[1]}')
    if best:
        return registry[best[0]]
    return registry.get(object)


def _is_union_type(cls):
    return (type(cls).__name__ in ('UnionType', 'Union')
            and isinstance(getattr(cls, '__args__', None), tuple))


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    return _is_union_type(cls) and all(isinstance(arg, type) for arg in cls.__args__)


def _annotated_class(func):
    """The first annotated parameter's name and class, as
    singledispatch's register() reads it."""
    target = func.__func__ if isinstance(func, (classmethod, staticmethod)) else func
    annotations = getattr(target, '__annotations__', None) or {}
    for argname, annotation in annotations.items():
        if isinstance(annotation, str):
            # The string is evaluated where the function was defined.
            annotation = eval(annotation, getattr(target, '__globals__', {}))
        return argname, annotation
    return None


def singledispatch(func):
    """Single-dispatch generic function decorator: the implementation run
    is chosen by the type of the first argument, among those registered
    with `.register`."""
    import abc

    registry = {}
    dispatch_cache = {}
    cache_token = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*."""
        nonlocal cache_token
        if cache_token is not None:
            current_token = abc.get_cache_token()
            if cache_token != current_token:
                dispatch_cache.clear()
                cache_token = current_token
        try:
            return dispatch_cache[cls]
        except KeyError:
            pass
        impl = _find_impl(cls, registry)
        dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*."""
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(f'Invalid first argument to `register()`. '
                                f'{cls!r} is not a class or union type.')
            annotated = _annotated_class(cls)
            if annotated is None:
                raise TypeError(
                    f'Invalid first argument to `register()`: {cls!r}. '
                    f'Use either `@register(some_class)` or plain `@register` '
                    f'on an annotated function.')
            func = cls
            argname, cls = annotated
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(f'Invalid annotation for {argname!r}. '
                                    f'{cls!r} not all arguments are classes.')
                raise TypeError(f'Invalid annotation for {argname!r}. '
                                f'{cls!r} is not a class.')
        if _is_union_type(cls):
            for arg in cls.__args__:
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '_abc_impl'):
            cache_token = abc.get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _read_only(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type
    of the first argument after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not _is_descriptor(func):
            raise TypeError(f'{func!r} is not callable or a descriptor')
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_method*."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return _bind(method, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        target = self.func
        if isinstance(target, (classmethod, staticmethod)):
            target = target.__func__
        update_wrapper(_method, target)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)


# cached_property

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance, then kept in the instance's
    __dict__ (where later lookups find it first)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, '__module__', None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                'Cannot assign the same cached_property to two different names '
                f'({self.attrname!r} and {name!r}).')

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                'Cannot use cached_property instance without calling __set_name__ on it.')
        try:
            cache = instance.__dict__
        except AttributeError:
            raise TypeError(
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            try:
                cache[self.attrname] = value
            except TypeError:
                raise TypeError(
                    f"The '__dict__' attribute on {type(instance).__name__!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} "
                    f"property.") from None
        return value

    __class_getitem__ = classmethod(_generic_alias)
