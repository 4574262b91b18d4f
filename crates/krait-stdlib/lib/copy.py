"""Shallow and deep copies of objects (CPython's `copy`): copy(x),
deepcopy(x, memo), and the __copy__/__deepcopy__/__reduce_ex__ hooks."""

__all__ = ["Error", "copy", "deepcopy"]

import types as _types
from _weakref import ref as _weakref_ref
from copyreg import dispatch_table as _dispatch_table


class Error(Exception):
    pass


error = Error  # the name older code catches


def copy(x):
    """Shallow copy of x: a new container holding the same objects."""
    cls = type(x)
    copier = _copy_dispatch.get(cls)
    if copier is _copy_atomic:
        return x
    if copier is not None:
        return copier(x)
    if issubclass(cls, type):
        # Classes are copied as themselves.
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    reduction = _reduce(x, "shallow")
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


_nil = []  # a sentinel no memo holds


def deepcopy(x, memo=None, _nil=_nil):
    """Deep copy of x: containers copied recursively, each object once
    (memo maps id(original) to its copy, so shared and recursive
    structures keep their shape)."""
    key = id(x)
    if memo is None:
        # A new memo holds nothing yet: no lookup.
        memo = {}
    else:
        y = memo.get(key, _nil)
        if y is not _nil:
            return y
    cls = type(x)
    copier = _deepcopy_dispatch.get(cls)
    if copier is _deepcopy_atomic:
        # What calling it gives: x itself, which the memo never records.
        return x
    if copier is not None:
        y = copier(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            reduction = _reduce(x, "deep")
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


# The container copiers below answer an item of an atomic type (an int,
# a str...: one the dispatch table copies with _deepcopy_atomic)
# themselves: the item, what deepcopy gives, without a call per item
# (most items of most containers are such). (Unlike CPython, a memo
# given by the caller is not asked about such items.)

def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    copier_of = _deepcopy_dispatch.get
    for item in x:
        if copier_of(type(item)) is _deepcopy_atomic:
            append(item)
        else:
            append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    copier_of = _deepcopy_dispatch.get
    y = [item if copier_of(type(item)) is _deepcopy_atomic
         else deepcopy(item, memo) for item in x]
    # A recursive structure may have copied this tuple meanwhile. (A plain
    # dict answers without an exception; a mapping of another type is
    # asked by subscript, as CPython's copy does.)
    if type(memo) is dict:
        copied = memo.get(id(x), _nil)
        if copied is not _nil:
            return copied
    else:
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
    copier_of = _deepcopy_dispatch.get
    for key, value in x.items():
        if copier_of(type(key)) is not _deepcopy_atomic:
            key = deepcopy(key, memo)
        if copier_of(type(value)) is not _deepcopy_atomic:
            value = deepcopy(value, memo)
        y[key] = value
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
    key = id(memo)
    if type(memo) is dict:
        # (No KeyError made and caught for the first object kept.)
        alive = memo.get(key, _nil)
        if alive is _nil:
            memo[key] = [x]
        else:
            alive.append(x)
        return
    try:
        memo[key].append(x)
    except KeyError:
        memo[key] = [x]


# Reduction: how an object says it is made again (the pickle protocol):
# a reducer registered with copyreg for its exact type, else its
# __reduce_ex__(4) (object's gives copyreg.__newobj__, the class and the
# state), else __reduce__.

def _reduce(x, kind):
    cls = type(x)
    reductor = _dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    raise Error(f"un({kind})copyable object of type {cls}")


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
