"""Context variables (CPython's `_contextvars`, which `contextvars`
re-exports; PEP 567).

A `Context` maps `ContextVar`s to values; one context is current at a
time. `ContextVar.set` changes the current context and returns a `Token`
that `reset` uses to undo it; `copy_context()` snapshots the current one
and `Context.run` runs a function with another context current. asyncio
runs each task and each callback in its own context, as CPython does.

Contexts hold plain dicts: a copy costs its size (CPython's HAMT makes it
constant), which is small for the few variables programs use.
"""

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_MISSING = object()


class Context:
    """A mapping of context variables to their values."""

    __slots__ = ("_values", "_entered", "_previous", "__weakref__")

    def __init__(self):
        self._values = {}
        self._entered = False
        self._previous = None

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(
                "cannot enter context: %r is already entered" % (self,))
        self._entered = True
        self._previous = _current[0]
        _current[0] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current[0] = self._previous
            self._previous = None
            self._entered = False

    def copy(self):
        new = Context.__new__(Context)
        new._values = self._values.copy()
        new._entered = False
        new._previous = None
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                "a ContextVar key was expected, got %r" % (var,))
        return self._values[var]

    def get(self, var, default=None, /):
        if not isinstance(var, ContextVar):
            raise TypeError(
                "a ContextVar key was expected, got %r" % (var,))
        return self._values.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(
                "a ContextVar key was expected, got %r" % (var,))
        return var in self._values

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(list(self._values))

    def keys(self):
        return _KeysView(self._values)

    def values(self):
        return _ValuesView(self._values)

    def items(self):
        return _ItemsView(self._values)

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._values == other._values

    __hash__ = None


class _View:
    __slots__ = ("_values",)

    def __init__(self, values):
        self._values = dict(values)

    def __len__(self):
        return len(self._values)


class _KeysView(_View):
    def __iter__(self):
        return iter(self._values)

    def __contains__(self, key):
        return key in self._values


class _ValuesView(_View):
    def __iter__(self):
        return iter(self._values.values())


class _ItemsView(_View):
    def __iter__(self):
        return iter(self._values.items())


# The current context, in a list so that functions rebind it without
# `global` (one thread runs Python code).
_current = [Context()]


def copy_context():
    return _current[0].copy()


class ContextVar:
    """A variable whose value depends on the current context."""

    __slots__ = ("_name", "_default", "__weakref__")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.ContextVar' is not an acceptable base type")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError(
                "get expected at most 1 argument, got %d" % len(args))
        value = _current[0]._values.get(self, _MISSING)
        if value is not _MISSING:
            return value
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value, /):
        context = _current[0]
        old = context._values.get(self, Token.MISSING)
        context._values[self] = value
        return Token(context, self, old)

    def reset(self, token, /):
        if not isinstance(token, Token):
            raise TypeError(
                "expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError(
                "%r was created by a different ContextVar" % (token,))
        context = _current[0]
        if token._context is not context:
            raise ValueError(
                "%r was created in a different Context" % (token,))
        token._used = True
        if token._old_value is Token.MISSING:
            context._values.pop(self, None)
        else:
            context._values[self] = token._old_value

    def __repr__(self):
        text = "<ContextVar name=%r" % (self._name,)
        if self._default is not _MISSING:
            text += " default=%r" % (self._default,)
        return text + " at 0x%x>" % id(self)

    def __hash__(self):
        return object.__hash__(self)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    """What `ContextVar.set` returns: `reset` undoes that set."""

    __slots__ = ("_context", "_var", "_old_value", "_used")

    MISSING = _Missing()

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type '_contextvars.Token' is not an acceptable base type")

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at 0x%x>" % (used, self._var, id(self))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
