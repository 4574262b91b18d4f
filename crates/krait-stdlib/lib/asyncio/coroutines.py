"""Coroutine tests and formatting (CPython's `asyncio.coroutines`)."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import collections.abc
import functools
import types

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100

# Prior to Python 3.5 a marker for generator-based coroutines.
_is_coroutine = object()


def _has_code_flag(f, flag):
    while True:
        if isinstance(f, types.MethodType):
            f = f.__func__
        elif isinstance(f, functools.partial):
            f = f.func
        else:
            break
    if not isinstance(f, types.FunctionType):
        return False
    return bool(f.__code__.co_flags & flag)


def iscoroutinefunction(func):
    """Return True if func is a decorated coroutine function."""
    return (_has_code_flag(func, _CO_COROUTINE) or
            getattr(func, '_is_coroutine', None) is _is_coroutine)


_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType,
                    collections.abc.Coroutine)
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """Return True if obj is a coroutine object."""
    if type(obj) in _iscoroutine_typecache:
        return True
    if isinstance(obj, _COROUTINE_TYPES):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(type(obj))
        return True
    return False


def _format_coroutine(coro, done=False):
    # krait's coroutines have no cr_frame: a coroutine still running is
    # shown at the line of its definition (CPython shows the line it is
    # suspended at; the two agree before the first step).
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if not name:
        name = f'<{type(coro).__name__} without __name__>'
    name = f'{name}()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        return name
    filename = code.co_filename or '<empty co_filename>'
    if done:
        return f'{name} done, defined at {filename}:{code.co_firstlineno}'
    return f'{name} running at {filename}:{code.co_firstlineno}'
