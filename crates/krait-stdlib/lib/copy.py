"""Shallow and deep copies of objects (CPython's `copy`): copy(x),
deepcopy(x, memo), and the __copy__/__deepcopy__/__reduce_ex__ hooks."""

__all__ = ["Error", "copy", "deepcopy"]

import types as _types
from _weakref import ref as _weakref_ref


class Error(Exception):
    pass


error = Error  # the name older code catches


def copy(x):
    """Shallow copy of x: a new container holding the same objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        # Classes are copied as themselves.
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    reduction = _reduce(x)
    if isinstance(reduction, str):
        return x
    return _reconstruct(x, None, *reduction)


def _copy_atomic(x):
    return x


def _builtin_type(name):
    # Some builtins may not exist in krait yet.
    import builtins
    return getattr(builtins, name, None)


_ATOMIC_TYPES = {type(None), int, float, bool, str, bytes, tuple, frozenset, type,
                 range, slice, property, type(Ellipsis), type(NotImplemented),
                 _types.FunctionType, _types.BuiltinFunctionType, _types.CodeType,
                 _weakref_ref}
for _name in ("complex",):
    if _builtin_type(_name) is not None:
        _ATOMIC_TYPES.add(_builtin_type(_name))

_copy_dispatch = {t: _copy_atomic for t in _ATOMIC_TYPES}
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
if _builtin_type("bytearray") is not None:
    _copy_dispatch[_builtin_type("bytearray")] = _builtin_type("bytearray").copy


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x: containers copied recursively, each object once
    (memo maps id(original) to its copy, so shared and recursive
    structures keep their shape)."""
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            reduction = _reduce(x)
            if isinstance(reduction, str):
                y = x
            else:
                y = _reconstruct(x, memo, *reduction)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for item in x:
        append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # A recursive structure may have copied this tuple meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, y):
        if original is not copied:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return x.__func__.__get__(deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deepcopy_atomic for t in _ATOMIC_TYPES - {tuple, frozenset, slice}}
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[_types.MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    """Keep x alive as long as memo: its id is a key there, and a freed
    object's id could be reused by another."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


# Reduction: how an object says it is made again (the pickle protocol).

def _user_method(cls, name):
    """name as defined by a Python class in cls's MRO, or None. krait's
    builtin types do not carry the pickle methods, so they are emulated
    below instead of being looked up."""
    # Most classes define none of these: one lookup settles it.
    if getattr(cls, name, None) is None:
        return None
    for base in cls.__mro__:
        if base.__module__ == "builtins":
            continue
        if name in base.__dict__:
            return base.__dict__[name]
    return None


def _reduce(x):
    cls = type(x)
    reductor = _user_method(cls, "__reduce_ex__")
    if reductor is not None:
        return x.__reduce_ex__(4)
    reductor = _user_method(cls, "__reduce__")
    if reductor is not None:
        return x.__reduce__()
    return _reduce_object(x)


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _newobj_ex(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


# Builtin types whose instances are rebuilt from a converted value.
_VALUE_BASES = (int, float, str, bytes, tuple, frozenset, bool)
_CONTAINER_BASES = (list, dict, set, frozenset)


def _slot_names(cls):
    """The slots of cls and its bases, with private names mangled as the
    class body spells them (fixed when the class is made: cached)."""
    names = _slot_names_cache.get(cls)
    if names is None:
        names = _slot_names_cache[cls] = _find_slot_names(cls)
    return names


_slot_names_cache = {}


def _find_slot_names(cls):
    names = []
    for base in cls.__mro__:
        slots = base.__dict__.get("__slots__")
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                stripped = base.__name__.lstrip("_")
                if stripped:
                    name = f"_{stripped}{name}"
            names.append(name)
    return names


def _object_state(x):
    """What object.__getstate__() gives: the instance __dict__ (None when
    there is none or it is empty), paired with the slot values if any."""
    getstate = _user_method(type(x), "__getstate__")
    if getstate is not None:
        return x.__getstate__()
    state = getattr(x, "__dict__", None) or None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _builtin_base(cls):
    # A class's MRO does not change: the answer is cached.
    try:
        return _builtin_base_cache[cls]
    except KeyError:
        pass
    found = None
    for base in cls.__mro__:
        if base.__module__ == "builtins" and base is not object:
            found = base
            break
    _builtin_base_cache[cls] = found
    return found


_builtin_base_cache = {}


def _reduce_object(x):
    """object.__reduce_ex__(4), which krait's object lacks."""
    cls = type(x)
    base = _builtin_base(cls)
    if base is bytearray:
        # bytearray.__reduce_ex__ for protocols 3 and up.
        return (cls, (bytes(x),), None if cls is base else _object_state(x))
    if base is not None and cls is base:
        if base in (set, frozenset):
            return (cls, (list(x),), None)
        if base is slice:
            return (cls, (x.start, x.stop, x.step))
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    if base in (set, frozenset):
        return (cls, (list(x),), _object_state(x))
    getnewargs_ex = _user_method(cls, "__getnewargs_ex__")
    if getnewargs_ex is not None:
        args, kwargs = x.__getnewargs_ex__()
        if kwargs:
            return (_newobj_ex, (cls, args, kwargs), _object_state(x))
        newargs = (cls, *args)
    elif _user_method(cls, "__getnewargs__") is not None:
        newargs = (cls, *x.__getnewargs__())
    elif base in _VALUE_BASES:
        newargs = (cls, base(x))
    elif base is None or base in _CONTAINER_BASES:
        newargs = (cls,)
    else:
        raise TypeError(f"cannot pickle {cls.__name__!r} object")
    listitems = iter(x) if base is list else None
    dictitems = iter(x.items()) if base is dict else None
    return (_newobj, newargs, _object_state(x), listitems, dictitems)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y


del _name
