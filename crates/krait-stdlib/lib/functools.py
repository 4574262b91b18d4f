"""Higher-order helpers: partial application, caching, wrapper metadata,
ordering from one comparison, single dispatch."""

__all__ = """
    update_wrapper wraps WRAPPER_ASSIGNMENTS WRAPPER_UPDATES total_ordering
    cache cmp_to_key lru_cache reduce partial partialmethod singledispatch
    singledispatchmethod cached_property
""".split()

from types import GenericAlias, MappingProxyType, MethodType as _MethodType

# The folds and key wrappers are native: one Python call per step only.
import _functools
from _functools import reduce, cmp_to_key


def _subscript(cls, item):
    # cls[item]; a class krait cannot alias stands for itself.
    try:
        return GenericAlias(cls, item)
    except TypeError:
        return cls


_class_getitem = classmethod(_subscript)


# ---------------------------------------------------------------------------
# Wrapper metadata

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__",
                       "__annotations__")
WRAPPER_UPDATES = ("__dict__",)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS,
                   updated=WRAPPER_UPDATES):
    """Copy `assigned` attributes of wrapped onto wrapper, merge the
    `updated` ones, and point wrapper.__wrapped__ at wrapped."""
    for name in assigned:
        try:
            setattr(wrapper, name, getattr(wrapped, name))
        except AttributeError:
            pass
    for name in updated:
        getattr(wrapper, name).update(getattr(wrapped, name, {}))
    # Last, so that a __wrapped__ merged from wrapped.__dict__ loses.
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator form of update_wrapper(wrapper, wrapped, ...)."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned,
                   updated=updated)


# ---------------------------------------------------------------------------
# total_ordering: each derived comparison asks the class's root operation,
# looked up on type(self) at call time.

def _lt_gives_gt(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _lt_gives_le(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _lt_gives_ge(self, other):
    result = type(self).__lt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _le_gives_ge(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _le_gives_lt(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _le_gives_gt(self, other):
    result = type(self).__le__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _gt_gives_lt(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result and self != other


def _gt_gives_ge(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return result or self == other


def _gt_gives_le(self, other):
    result = type(self).__gt__(self, other)
    if result is NotImplemented:
        return result
    return not result


def _ge_gives_le(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result or self == other


def _ge_gives_gt(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return result and self != other


def _ge_gives_lt(self, other):
    result = type(self).__ge__(self, other)
    if result is NotImplemented:
        return result
    return not result


# Root operation -> the others built from it, in the order they are set.
# The roots are listed by preference: __lt__ first, __ge__ last.
_FILL_INS = (
    ("__lt__", (("__gt__", _lt_gives_gt), ("__le__", _lt_gives_le),
                ("__ge__", _lt_gives_ge))),
    ("__le__", (("__ge__", _le_gives_ge), ("__lt__", _le_gives_lt),
                ("__gt__", _le_gives_gt))),
    ("__gt__", (("__lt__", _gt_gives_lt), ("__ge__", _gt_gives_ge),
                ("__le__", _gt_gives_le))),
    ("__ge__", (("__le__", _ge_gives_le), ("__gt__", _ge_gives_gt),
                ("__lt__", _ge_gives_lt))),
)
_COMPARISONS = tuple(root for root, _ in _FILL_INS)

# krait's builtin classes do not show their comparison slots in __dict__
# (and each access makes a new wrapper), so these stand for "defines all
# four" instead.
_ORDERED_BUILTINS = frozenset((int, float, str, bytes, tuple, list, set,
                               frozenset))


def _own_comparisons(cls):
    """The ordering operations cls (or a base other than object)
    defines."""
    found = set()
    for klass in cls.__mro__:
        if klass is object:
            break
        if klass.__module__ == "builtins":
            if klass in _ORDERED_BUILTINS:
                return set(_COMPARISONS)
            continue
        namespace = klass.__dict__
        found.update(op for op in _COMPARISONS if op in namespace)
    return found


def total_ordering(cls):
    """Class decorator: from one of __lt__, __le__, __gt__, __ge__ (and
    __eq__), define the rest."""
    present = _own_comparisons(cls)
    for root, derived in _FILL_INS:
        if root in present:
            break
    else:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    for name, method in derived:
        if name not in present:
            method.__name__ = name
            setattr(cls, name, method)
    return cls


# ---------------------------------------------------------------------------
# partial and partialmethod

def _readonly(slot, doc):
    def read(self):
        return getattr(self, slot)

    def refuse(self, value):
        raise AttributeError("readonly attribute")
    return property(read, refuse, doc=doc)


def _partial_part(index, doc):
    def read(self):
        return self._state()[index]

    def refuse(self, value):
        raise AttributeError("readonly attribute")
    return property(read, refuse, doc=doc)


class partial(_functools.partial):
    """New function with partial application of the given arguments
    and keywords."""

    # Made and called natively (`_functools.partial`); this class gives it
    # a __dict__, weak references, its repr and pickling.

    def __delattr__(self, name):
        # As CPython's partial, whose __dict__ may be replaced, not deleted
        # (only `del` statements come here).
        if name == "__dict__":
            raise TypeError("cannot delete __dict__")
        object.__delattr__(self, name)

    func = _partial_part(0, "function object to use in future partial calls")
    args = _partial_part(1, "tuple of arguments to future partial calls")
    keywords = _partial_part(
        2, "dictionary of keyword arguments to future partial calls")

    def __repr__(self):
        key = id(self)
        if key in _reprs_running:
            return "..."
        _reprs_running.add(key)
        try:
            func, args, keywords = self._state()
            shown = [repr(func)]
            shown += [repr(a) for a in args]
            shown += [f"{k}={v!r}" for k, v in keywords.items()]
        finally:
            _reprs_running.discard(key)
        kind = type(self)
        title = "functools.partial" if kind is partial else kind.__qualname__
        return title + "(" + ", ".join(shown) + ")"

    def __reduce__(self):
        func, args, keywords = self._state()
        return (type(self), (func,),
                (func, args, keywords, self.__dict__ or None))

    def __setstate__(self, state):
        valid = isinstance(state, tuple) and len(state) == 4
        if valid:
            func, args, kwds, namespace = state
            valid = (callable(func) and isinstance(args, tuple)
                     and (kwds is None or isinstance(kwds, dict))
                     and (namespace is None or isinstance(namespace, dict)))
        if not valid:
            raise TypeError("invalid partial state")
        attrs = self.__dict__
        attrs.clear()
        if namespace:
            attrs.update(namespace)
        self._set_state(func, tuple(args), dict(kwds) if kwds else {})

    __class_getitem__ = _class_getitem


# ids of the partials whose repr is being built (a recursive one shows ...).
_reprs_running = set()


def _is_descriptor(obj):
    # krait's classmethod and staticmethod have no __get__.
    return isinstance(obj, (classmethod, staticmethod)) or hasattr(obj, "__get__")


_UNBINDABLE = object()


def _bind(descriptor, obj, cls):
    """descriptor.__get__(obj, cls), _UNBINDABLE when there is no
    __get__; classmethod and staticmethod are bound here, as krait's have
    no __get__."""
    if isinstance(descriptor, staticmethod):
        return descriptor.__func__
    if isinstance(descriptor, classmethod):
        owner = type(obj) if cls is None else cls
        return descriptor.__func__.__get__(owner, type(owner))
    getter = getattr(descriptor, "__get__", None)
    if getter is None:
        return _UNBINDABLE
    return getter(obj, cls)


class partialmethod:
    """Method descriptor with partial application of the given arguments
    and keywords; binds as the callable it wraps would."""

    def __init__(self, func, /, *args, **keywords):
        if not (callable(func) or _is_descriptor(func)):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        if isinstance(func, partialmethod):
            # Flatten nested partialmethods.
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __repr__(self):
        shown = [repr(self.func)]
        shown += [repr(a) for a in self.args]
        shown += [f"{k}={v!r}" for k, v in self.keywords.items()]
        kind = type(self)
        return f"{kind.__module__}.{kind.__qualname__}({', '.join(shown)})"

    def _make_unbound_method(self):
        spec = self

        def _method(cls_or_self, /, *args, **keywords):
            merged = {**spec.keywords, **keywords}
            return spec.func(cls_or_self, *spec.args, *args, **merged)
        _method.__isabstractmethod__ = spec.__isabstractmethod__
        _method._partialmethod = spec
        return _method

    def __get__(self, obj, cls=None):
        target = self.func
        bound = _bind(target, obj, cls)
        if bound is _UNBINDABLE or bound is target:
            return self._make_unbound_method().__get__(obj, cls)
        made = partial(bound, *self.args, **self.keywords)
        try:
            made.__self__ = bound.__self__
        except AttributeError:
            pass
        return made

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)

    __class_getitem__ = _class_getitem


# ---------------------------------------------------------------------------
# lru_cache: the cache is native; CacheInfo is a named tuple made by hand
# (collections costs more to import).

class CacheInfo(tuple):
    """CacheInfo(hits, misses, maxsize, currsize)"""

    __slots__ = ()
    _fields = ("hits", "misses", "maxsize", "currsize")

    def __new__(cls, hits, misses, maxsize, currsize):
        return tuple.__new__(cls, (hits, misses, maxsize, currsize))

    def __repr__(self):
        pairs = ", ".join(f"{n}={v!r}" for n, v in zip(self._fields, self))
        return f"CacheInfo({pairs})"

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)


for _i, _n in enumerate(CacheInfo._fields):
    setattr(CacheInfo, _n, property(
        (lambda i: lambda self: self[i])(_i), doc=f"Alias for field number {_i}"))
del _i, _n
_CacheInfo = CacheInfo
del CacheInfo


class _HashedSeq(list):
    """A composite cache key that remembers its hash."""

    __slots__ = ("hashvalue",)

    def __init__(self, tup, hash=hash):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


# Separates positional from keyword arguments in a key.
_kwd_mark = (object(),)


def _make_key(args, kwds, typed):
    """The cache key of a call (the native cache builds its own; this
    is kept for code that calls it)."""
    parts = args
    if kwds:
        parts = parts + _kwd_mark
        for pair in kwds.items():
            parts = parts + pair
    if typed:
        parts = parts + tuple(map(type, args))
        if kwds:
            parts = parts + tuple(map(type, kwds.values()))
    elif len(parts) == 1 and type(parts[0]) in (int, str):
        return parts[0]
    return _HashedSeq(parts)


class _lru_cache_wrapper(_functools._lru_cache_wrapper):
    """What @lru_cache returns: the native cache, given a __dict__ (for
    update_wrapper) and method binding."""

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return _MethodType(self, instance)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _cached(user_function, maxsize, typed):
    if not callable(user_function):
        raise TypeError("the first argument must be callable")
    wrapper = _lru_cache_wrapper(user_function, maxsize, typed, _CacheInfo)
    settings = {"maxsize": maxsize, "typed": typed}
    wrapper.cache_parameters = lambda: dict(settings)
    return update_wrapper(wrapper, user_function)


def lru_cache(maxsize=128, typed=False):
    """Memoizing decorator keeping up to maxsize recent results (None:
    unbounded). Used bare (@lru_cache) or called (@lru_cache(...)); the
    wrapper offers cache_info(), cache_clear(), cache_parameters()."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        return _cached(maxsize, 128, typed)
    elif maxsize is not None:
        raise TypeError(
            "Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        return _cached(user_function, maxsize, typed)
    return decorating_function


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return _cached(user_function, None, False)


# ---------------------------------------------------------------------------
# singledispatch

class _ReadOnlyMapping:
    """Read-only view of a dict, where MappingProxyType cannot be made."""

    __slots__ = ("_data",)

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return self._data.copy()

    def __repr__(self):
        return repr(self._data)


def _view(data):
    try:
        return MappingProxyType(data)
    except TypeError:
        return _ReadOnlyMapping(data)


def _find_impl(cls, registry):
    """The implementation for cls: that of the nearest class of its MRO,
    else of the most specific (virtual) ABC it belongs to, else object's."""
    mro = cls.__mro__
    for klass in mro:
        if klass is object:
            break
        if klass in registry:
            return registry[klass]
    candidates = [t for t in registry
                  if t is not object and t not in mro and issubclass(cls, t)]
    # Drop those a more specific candidate derives from.
    best = []
    for t in candidates:
        if not any(other is not t and issubclass(other, t) for other in candidates):
            best.append(t)
    if len(best) > 1:
        raise RuntimeError(f"Ambiguous dispatch: {best[0]} or {best[1]}")
    if best:
        return registry[best[0]]
    return registry.get(object)


def _is_union_type(obj):
    return (type(obj).__name__ in ("UnionType", "Union")
            and isinstance(getattr(obj, "__args__", None), tuple))


def _dispatchable(obj):
    if isinstance(obj, type):
        return True
    if not _is_union_type(obj):
        return False
    return all(isinstance(member, type) for member in obj.__args__)


def _first_annotation(func):
    """(name, class) of the first annotated parameter, or None; string
    annotations are evaluated in the function's globals."""
    target = func
    if isinstance(func, (classmethod, staticmethod)):
        target = func.__func__
    notes = getattr(target, "__annotations__", None) or {}
    for name, note in notes.items():
        if isinstance(note, str):
            note = eval(note, getattr(target, "__globals__", {}))
        return name, note
    return None


def singledispatch(func):
    """Make func a generic function choosing its implementation by the
    type of the first argument; add implementations with .register."""
    import abc

    registry = {}
    memo = {}
    token = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        Runs the dispatch algorithm to return the best available
        implementation for the given *cls* registered on *generic_func*."""
        nonlocal token
        if token is not None:
            now = abc.get_cache_token()
            if now != token:
                memo.clear()
                token = now
        try:
            return memo[cls]
        except KeyError:
            pass
        found = memo[cls] = _find_impl(cls, registry)
        return found

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_func*."""
        nonlocal token
        if _dispatchable(cls):
            if func is None:
                return lambda f: register(cls, f)
        elif func is not None:
            raise TypeError(f"Invalid first argument to `register()`. "
                            f"{cls!r} is not a class or union type.")
        else:
            noted = _first_annotation(cls)
            if noted is None:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            argname, cls = noted
            if not _dispatchable(cls):
                what = ("not all arguments are classes" if _is_union_type(cls)
                        else "is not a class")
                raise TypeError(f"Invalid annotation for {argname!r}. "
                                f"{cls!r} {what}.")
        targets = cls.__args__ if _is_union_type(cls) else (cls,)
        for target in targets:
            registry[target] = func
        if token is None and hasattr(cls, "_abc_impl"):
            token = abc.get_cache_token()
        memo.clear()
        return func

    def wrapper(*args, **kw):
        if args:
            return dispatch(args[0].__class__)(*args, **kw)
        raise TypeError(f"{funcname} requires at least 1 positional argument")

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _view(registry)
    wrapper._clear_cache = memo.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Descriptor form of singledispatch: dispatches on the first
    argument after self (or cls)."""

    def __init__(self, func):
        if not (callable(func) or _is_descriptor(func)):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers a new implementation for the given *cls* on a
        *generic_method*."""
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        pick = self.dispatcher.dispatch

        def _method(*args, **kwargs):
            chosen = pick(args[0].__class__)
            return _bind(chosen, obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        source = self.func
        if isinstance(source, (classmethod, staticmethod)):
            source = source.__func__
        update_wrapper(_method, source)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)


# ---------------------------------------------------------------------------
# cached_property

_NOT_FOUND = object()


class cached_property:
    """Property computed on first access, then stored in the instance's
    __dict__ under the same name (which later lookups find first)."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, "__module__", None)

    def __set_name__(self, owner, name):
        known = self.attrname
        if known is None:
            self.attrname = name
        elif known != name:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({known!r} and {name!r}).")

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            kind = type(instance).__name__
            raise TypeError(
                f"No '__dict__' attribute on {kind!r} "
                f"instance to cache {self.attrname!r} property.") from None
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            try:
                cache[self.attrname] = value
            except TypeError:
                kind = type(instance).__name__
                raise TypeError(
                    f"The '__dict__' attribute on {kind!r} instance "
                    f"does not support item assignment for caching {self.attrname!r} "
                    "property.") from None
        return value

    __class_getitem__ = _class_getitem
