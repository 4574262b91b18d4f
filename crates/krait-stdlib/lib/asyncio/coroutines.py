"""Telling coroutines and coroutine functions apart, and describing a
coroutine for a task's repr."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import collections.abc
import functools
import types

# The code flags of `async def` and of @types.coroutine generators.
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100

# Marker an object may carry as `_is_coroutine` to count as a coroutine
# function (unittest.mock uses it).
_is_coroutine = object()


def _unwrap_callable(f):
    # Look through bound methods and partials to the function itself.
    while True:
        if isinstance(f, types.MethodType):
            f = f.__func__
        elif isinstance(f, functools.partial):
            f = f.func
        else:
            return f


def _has_code_flag(f, flag):
    target = _unwrap_callable(f)
    if isinstance(target, types.FunctionType):
        return (target.__code__.co_flags & flag) != 0
    return False


def iscoroutinefunction(func):
    """True for an `async def` function or one marked as a coroutine."""
    if _has_code_flag(func, _CO_COROUTINE):
        return True
    return getattr(func, '_is_coroutine', None) is _is_coroutine


_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType,
                    collections.abc.Coroutine)
# The types already seen to be coroutines (at most 100 remembered).
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """True for a coroutine object."""
    kind = type(obj)
    if kind in _iscoroutine_typecache:
        return True
    if not isinstance(obj, _COROUTINE_TYPES):
        return False
    if len(_iscoroutine_typecache) < 100:
        _iscoroutine_typecache.add(kind)
    return True


def _format_coroutine(coro, done=False):
    # krait's coroutines have no cr_frame: a coroutine still running is
    # shown at the line of its definition (CPython shows the line it is
    # suspended at; the two agree before the first step).
    label = (getattr(coro, '__qualname__', None)
             or getattr(coro, '__name__', None)
             or f'<{type(coro).__name__} without __name__>')
    label += '()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        return label
    where = f'{code.co_filename or "<empty co_filename>"}:{code.co_firstlineno}'
    state = 'done, defined' if done else 'running'
    return f'{label} {state} at {where}'
