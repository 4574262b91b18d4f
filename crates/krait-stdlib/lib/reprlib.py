"""Size-limited representations of objects (CPython's `reprlib`).

Repr produces repr()-like strings whose nesting depth and number of items,
digits and characters are capped by its `max*` attributes; `repr` is the
bound method of the module's default instance `aRepr`. recursive_repr
makes a __repr__ method print `fillvalue` instead of recursing into the
object it is already representing.
"""

import builtins
from itertools import islice

try:
    from _thread import get_ident
except ImportError:
    # krait runs a single thread: one identity is enough.
    def get_ident():
        return 0

__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue="..."):
    """Decorator for a __repr__ method: a call made while the same object's
    representation is already being computed (in the same thread) returns
    `fillvalue` instead of recursing forever."""

    def decorating_function(user_function):
        running = set()

        def wrapper(self):
            key = id(self), get_ident()
            if key in running:
                return fillvalue
            running.add(key)
            try:
                result = user_function(self)
            finally:
                running.discard(key)
            return result

        wrapper.__module__ = getattr(user_function, "__module__")
        wrapper.__doc__ = getattr(user_function, "__doc__")
        wrapper.__name__ = getattr(user_function, "__name__")
        wrapper.__qualname__ = getattr(user_function, "__qualname__")
        wrapper.__annotations__ = getattr(user_function, "__annotations__", {})
        return wrapper

    return decorating_function


def _possibly_sorted(x):
    # Sorted when the items allow it, so the output does not depend on
    # hash order; otherwise in iteration order.
    try:
        return sorted(x)
    except Exception:
        return list(x)


class Repr:
    """Builds size-limited representations; `repr_<typename>` methods
    (spaces in the type name become underscores) handle particular types,
    and subclasses may add more."""

    def __init__(self):
        self.fillvalue = "..."
        self.maxlevel = 6
        self.maxtuple = 6
        self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = 6
        self.maxfrozenset = 6
        self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        typename = type(x).__name__
        if " " in typename:
            typename = "_".join(typename.split())
        method = getattr(self, "repr_" + typename, None)
        if method is None:
            return self.repr_instance(x, level)
        return method(x, level)

    def _repr_iterable(self, x, level, left, right, maxiter, trail=""):
        n = len(x)
        if level <= 0 and n:
            inner = self.fillvalue
        else:
            newlevel = level - 1
            repr1 = self.repr1
            pieces = [repr1(item, newlevel) for item in islice(x, maxiter)]
            if n > maxiter:
                pieces.append(self.fillvalue)
            inner = ", ".join(pieces)
            if n == 1 and trail:
                right = trail + right
        return left + inner + right

    def _shorten(self, text, limit):
        # Keep the head and tail of `text` around the fill value.
        if len(text) > limit:
            head = max(0, (limit - 3) // 2)
            tail = max(0, limit - 3 - head)
            text = text[:head] + self.fillvalue + text[len(text) - tail:]
        return text

    def repr_tuple(self, x, level):
        return self._repr_iterable(x, level, "(", ")", self.maxtuple, ",")

    def repr_list(self, x, level):
        return self._repr_iterable(x, level, "[", "]", self.maxlist)

    def repr_array(self, x, level):
        if not x:
            return "array('%s')" % x.typecode
        header = "array('%s', [" % x.typecode
        return self._repr_iterable(x, level, header, "])", self.maxarray)

    def repr_set(self, x, level):
        if not x:
            return "set()"
        x = _possibly_sorted(x)
        return self._repr_iterable(x, level, "{", "}", self.maxset)

    def repr_frozenset(self, x, level):
        if not x:
            return "frozenset()"
        x = _possibly_sorted(x)
        return self._repr_iterable(x, level, "frozenset({", "})",
                                   self.maxfrozenset)

    def repr_deque(self, x, level):
        return self._repr_iterable(x, level, "deque([", "])", self.maxdeque)

    def repr_dict(self, x, level):
        n = len(x)
        if n == 0:
            return "{}"
        if level <= 0:
            return "{" + self.fillvalue + "}"
        newlevel = level - 1
        repr1 = self.repr1
        pieces = []
        for key in islice(_possibly_sorted(x), self.maxdict):
            pieces.append("%s: %s" % (repr1(key, newlevel),
                                      repr1(x[key], newlevel)))
        if n > self.maxdict:
            pieces.append(self.fillvalue)
        return "{%s}" % ", ".join(pieces)

    def repr_str(self, x, level):
        limit = self.maxstring
        text = builtins.repr(x[:limit])
        if len(text) > limit:
            # Cut the string itself (not its repr) so that no escape
            # sequence is split, then cut the repr to the same shape.
            head = max(0, (limit - 3) // 2)
            tail = max(0, limit - 3 - head)
            text = builtins.repr(x[:head] + x[len(x) - tail:])
            text = text[:head] + self.fillvalue + text[len(text) - tail:]
        return text

    def repr_int(self, x, level):
        return self._shorten(builtins.repr(x), self.maxlong)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return "<%s instance at %#x>" % (x.__class__.__name__, id(x))
        return self._shorten(text, self.maxother)


aRepr = Repr()
repr = aRepr.repr
