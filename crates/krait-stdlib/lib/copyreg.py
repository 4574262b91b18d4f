"""What pickle and copy share: the table of reduction functions filled
by pickle(), the extension codes of protocol 2 (add_extension and
friends), and the callables reductions name to rebuild objects
(__newobj__, __newobj_ex__, _reconstructor; _reduce_ex is
object.__reduce_ex__ for protocols 0 and 1).

krait's builtin `object` carries no `__reduce_ex__`/`__reduce__`/
`__getstate__`, so this module also provides `_object_reduce_ex(obj,
proto)`, the reduction `object.__reduce_ex__(proto)` gives in CPython
(including the reductions of builtin types such as set, range, slice and
builtin functions); pickle uses it when a class defines neither method.
"""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def _require_callable(thing, message):
    if not callable(thing):
        raise TypeError(message)


def pickle(ob_type, pickle_function, constructor_ob=None):
    _require_callable(pickle_function, "reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    # A constructor is only checked, as in CPython.
    if constructor_ob is None:
        return
    constructor(constructor_ob)


def constructor(object):
    _require_callable(object, "constructors must be callable")


def pickle_complex(c):
    parts = (c.real, c.imag)
    return complex, parts


dispatch_table[complex] = pickle_complex


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


def _reconstructor(cls, base, state):
    if base is object:
        return object.__new__(cls)
    made = base.__new__(cls, state)
    initializer = base.__init__
    if initializer != object.__init__:
        initializer(made, state)
    return made


def _is_builtin_type(cls):
    # Stands in for CPython's "not a heap type" test: krait's types carry
    # no __flags__.
    return cls.__module__ == "builtins"


def _builtin_base(cls):
    """The first builtin class in cls's MRO (object at the latest); a
    class's MRO does not change, so the answer is cached."""
    try:
        return _builtin_base_cache[cls]
    except KeyError:
        pass
    found = object
    for base in cls.__mro__:
        if _is_builtin_type(base):
            found = base
            break
    _builtin_base_cache[cls] = found
    return found


_builtin_base_cache = {}


def _own_method(cls, name):
    """name as defined by a Python class in cls's MRO, or None: krait's
    builtin types do not define the pickle protocol methods themselves."""
    if getattr(cls, name, None) is None:
        return None
    for base in cls.__mro__:
        if name in base.__dict__ and not _is_builtin_type(base):
            return base.__dict__[name]
    return None


def _slotnames(cls):
    """The names of the slots of cls and its bases, private names mangled
    (cached in cls.__slotnames__, as CPython does)."""
    cached = cls.__dict__.get("__slotnames__")
    if cached is not None:
        return cached
    names = []
    if hasattr(cls, "__slots__"):
        for base in cls.__mro__:
            if "__slots__" not in base.__dict__:
                continue
            slots = base.__dict__["__slots__"]
            for name in ((slots,) if isinstance(slots, str) else slots):
                if name == "__dict__" or name == "__weakref__":
                    continue
                if name.startswith("__") and not name.endswith("__"):
                    stripped = base.__name__.lstrip("_")
                    if stripped:
                        name = f"_{stripped}{name}"
                names.append(name)
    try:
        cls.__slotnames__ = names
    except (AttributeError, TypeError):
        pass
    return names


def _default_state(obj):
    """object.__getstate__(): the instance dict (None when missing or
    empty), paired with a dict of the set slots when there are any."""
    state = getattr(obj, "__dict__", None) or None
    slotnames = _slotnames(type(obj))
    if slotnames:
        slots = {}
        for name in slotnames:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _getstate(obj):
    getstate = _own_method(type(obj), "__getstate__")
    if getstate is not None:
        return obj.__getstate__()
    return _default_state(obj)


def _cannot_pickle(cls):
    return TypeError(f"cannot pickle {cls.__name__!r} object")


def _reduce_ex(self, proto):
    """object.__reduce_ex__(proto) for protocols 0 and 1."""
    assert proto < 2
    cls = self.__class__
    base = _builtin_base(cls)
    if base is object:
        value = None
    elif base is cls:
        raise _cannot_pickle(cls)
    else:
        value = base(self)
    if _own_method(cls, "__getstate__") is not None:
        state = self.__getstate__()
    elif getattr(self, "__slots__", None):
        raise TypeError("a class that defines __slots__ without defining "
                        "__getstate__ cannot be pickled")
    else:
        state = _default_state(self)
    reduced = (_reconstructor, (cls, base, value))
    return reduced + (state,) if state else reduced


# What the builtin types' __getnewargs__ give in CPython.
def _value_newargs(base):
    def newargs(obj):
        return (base(obj),)
    return newargs


_builtin_newargs = {
    int: _value_newargs(int),
    float: _value_newargs(float),
    str: _value_newargs(str),
    bytes: _value_newargs(bytes),
    tuple: _value_newargs(tuple),
    complex: lambda c: (c.real, c.imag),
}


def _reduce_newobj(obj, proto):
    """object.__reduce_ex__(proto) for protocols 2 and up."""
    cls = type(obj)
    base = _builtin_base(cls)
    kwargs = None
    if _own_method(cls, "__getnewargs_ex__") is not None:
        newargs = obj.__getnewargs_ex__()
        if not isinstance(newargs, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple of "
                            f"length 2, not {type(newargs).__name__!r}")
        if len(newargs) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of "
                             f"length 2, not {len(newargs)}")
        args, kwargs = newargs
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by "
                            "__getnewargs_ex__ must be a tuple, not "
                            f"{type(args).__name__!r}")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by "
                            "__getnewargs_ex__ must be a dict, not "
                            f"{type(kwargs).__name__!r}")
    elif _own_method(cls, "__getnewargs__") is not None:
        args = obj.__getnewargs__()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not "
                            f"{type(args).__name__!r}")
    elif base in _builtin_newargs:
        args = _builtin_newargs[base](obj)
    else:
        args = None
    has_args = args is not None
    if args is None:
        args = ()

    if has_args or base is object or base is list or base is dict:
        state = _getstate(obj)
    elif _own_method(cls, "__getstate__") is not None:
        state = obj.__getstate__()
    else:
        # CPython refuses objects whose C-level layout it cannot rebuild.
        raise _cannot_pickle(cls)

    if kwargs:
        func, newargs = __newobj_ex__, (cls, args, kwargs)
    else:
        func, newargs = __newobj__, (cls, *args)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return func, newargs, state, listitems, dictitems


def _reduce_set(obj, proto):
    # set.__reduce__ / frozenset.__reduce__
    cls = type(obj)
    state = None if _builtin_base(cls) is cls else _getstate(obj)
    return cls, (list(obj),), state


def _reduce_builtin_function(obj, proto):
    # builtin_function_or_method.__reduce__: the name for module-level
    # functions (pickled as a global), getattr(self, name) for methods.
    owner = getattr(obj, "__self__", None)
    if owner is None or type(owner) is type(_sys):
        return obj.__qualname__
    return getattr, (owner, obj.__name__)


def _reduce_exception(exc, proto):
    # BaseException.__reduce__
    state = getattr(exc, "__dict__", None)
    if state:
        return type(exc), exc.args, state
    return type(exc), exc.args


def _reduce_namespace(ns, proto):
    # types.SimpleNamespace.__reduce__
    return type(ns), (), ns.__dict__


import sys as _sys
from types import SimpleNamespace as _SimpleNamespace

_special_reducers = {
    set: _reduce_set,
    frozenset: _reduce_set,
    range: lambda r, proto: (range, (r.start, r.stop, r.step)),
    slice: lambda s, proto: (slice, (s.start, s.stop, s.step)),
    type(NotImplemented): lambda obj, proto: "NotImplemented",
    type(...): lambda obj, proto: "Ellipsis",
    type(len): _reduce_builtin_function,
    _SimpleNamespace: _reduce_namespace,
}


def _is_plain_class(cls):
    """Whether object.__reduce_ex__(2 and up) reduces instances of cls to
    (__newobj__, (cls,), their __dict__ or None): a Python class with no
    builtin base but object, and none of the methods or slots that change
    that. Cached: pickling many instances of one class is common."""
    try:
        return _plain_classes[cls]
    except KeyError:
        pass
    plain = (_builtin_base(cls) is object and cls not in _special_reducers
             and _own_method(cls, "__getnewargs_ex__") is None
             and _own_method(cls, "__getnewargs__") is None
             and _own_method(cls, "__getstate__") is None
             and not _slotnames(cls))
    _plain_classes[cls] = plain
    return plain


_plain_classes = {}


def _object_reduce_ex(obj, proto):
    """What CPython's object.__reduce_ex__(proto) gives for obj, whose
    class defines neither __reduce_ex__ nor __reduce__."""
    cls = type(obj)
    special = _special_reducers.get(cls)
    if special is None:
        base = _builtin_base(cls)
        if base is set or base is frozenset:
            special = _reduce_set
        elif issubclass(cls, BaseException):
            special = _reduce_exception
        elif issubclass(cls, _SimpleNamespace):
            special = _reduce_namespace
    if special is not None:
        return special(obj, proto)
    if proto < 2:
        return _reduce_ex(obj, proto)
    return _reduce_newobj(obj, proto)


# Extension codes (protocol 2): (module, name) <-> code, plus a cache of
# the objects loaded for codes.
_extension_registry = {}
_inverted_registry = {}
_extension_cache = {}


def add_extension(module, name, code):
    """Give (module, name) the extension code `code`."""
    code = int(code)
    if code < 1 or code > 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code
            and _inverted_registry.get(code) == key):
        return  # already exactly so
    if key in _extension_registry:
        raise ValueError(f"key {key} is already registered with code "
                         f"{_extension_registry[key]}")
    if code in _inverted_registry:
        raise ValueError(f"code {code} is already in use for key "
                         f"{_inverted_registry[code]}")
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Forget the extension code of (module, name) (meant for tests)."""
    key = (module, name)
    if _extension_registry.get(key) != code or _inverted_registry.get(code) != key:
        raise ValueError(f"key {key} is not registered with code {code}")
    del _extension_registry[key], _inverted_registry[code]
    _extension_cache.pop(code, None)


def clear_extension_cache():
    _extension_cache.clear()
