"""repr() with limits: Repr caps nesting depth and the number of items,
digits and characters shown (its max* attributes); `repr` uses a shared
default instance. recursive_repr guards a __repr__ against recursion."""

import builtins
from itertools import islice as _take

try:
    from _thread import get_ident
except ImportError:
    # A single-threaded krait: one thread identity.
    def get_ident():
        return 0

__all__ = ["Repr", "repr", "recursive_repr"]


def recursive_repr(fillvalue="..."):
    """Decorator for __repr__ methods: a nested call for an object whose
    repr is already being built (in the same thread) gives fillvalue."""

    def decorating_function(user_function):
        active = set()

        def wrapper(self):
            token = (id(self), get_ident())
            if token in active:
                return fillvalue
            active.add(token)
            try:
                return user_function(self)
            finally:
                active.discard(token)

        for attr in ("__module__", "__doc__", "__name__", "__qualname__"):
            setattr(wrapper, attr, getattr(user_function, attr))
        wrapper.__annotations__ = getattr(user_function, "__annotations__", {})
        return wrapper

    return decorating_function


def _ordered(items):
    # Sorted when the items allow it (stable output), else as iterated.
    try:
        return sorted(items)
    except Exception:
        return list(items)


def _container(left, right, limit_name, trail="", empty=None, sort=False):
    """A repr_<type> method for containers shown as left items right."""

    def method(self, x, level):
        if empty is not None and not x:
            return empty
        if sort:
            x = _ordered(x)
        return self._repr_iterable(x, level, left, right,
                                   getattr(self, limit_name), trail)
    return method


class Repr:
    """Makes size-limited reprs. A method repr_<typename> (spaces in the
    type's name replaced by underscores) handles each type; subclasses
    may add their own."""

    def __init__(self):
        self.fillvalue = "..."
        self.maxlevel = 6
        self.maxtuple = self.maxlist = 6
        self.maxarray = 5
        self.maxdict = 4
        self.maxset = self.maxfrozenset = self.maxdeque = 6
        self.maxstring = 30
        self.maxlong = 40
        self.maxother = 30

    def repr(self, x):
        return self.repr1(x, self.maxlevel)

    def repr1(self, x, level):
        kind = type(x).__name__
        if " " in kind:
            kind = "_".join(kind.split())
        handler = getattr(self, "repr_" + kind, None)
        if handler is None:
            return self.repr_instance(x, level)
        return handler(x, level)

    def _repr_iterable(self, x, level, left, right, maxiter, trail=""):
        count = len(x)
        if count and level <= 0:
            return left + self.fillvalue + right
        deeper = level - 1
        show = self.repr1
        parts = [show(item, deeper) for item in _take(x, maxiter)]
        if count > maxiter:
            parts.append(self.fillvalue)
        if count == 1 and trail:
            right = trail + right
        return left + ", ".join(parts) + right

    def _elide(self, text, limit):
        # Keep both ends of text with the fill value between them.
        if len(text) <= limit:
            return text
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    repr_tuple = _container("(", ")", "maxtuple", trail=",")
    repr_list = _container("[", "]", "maxlist")
    repr_set = _container("{", "}", "maxset", empty="set()", sort=True)
    repr_frozenset = _container("frozenset({", "})", "maxfrozenset",
                                empty="frozenset()", sort=True)
    repr_deque = _container("deque([", "])", "maxdeque")

    def repr_array(self, x, level):
        code = x.typecode
        if not x:
            return f"array('{code}')"
        return self._repr_iterable(x, level, f"array('{code}', [", "])",
                                   self.maxarray)

    def repr_dict(self, x, level):
        count = len(x)
        if not count:
            return "{}"
        if level <= 0:
            return "{" + self.fillvalue + "}"
        deeper = level - 1
        show = self.repr1
        parts = []
        for key in _take(_ordered(x), self.maxdict):
            parts.append(show(key, deeper) + ": " + show(x[key], deeper))
        if count > self.maxdict:
            parts.append(self.fillvalue)
        return "{" + ", ".join(parts) + "}"

    def repr_str(self, x, level):
        limit = self.maxstring
        text = builtins.repr(x[:limit])
        if len(text) <= limit:
            return text
        # Shorten the string itself, so that no escape sequence is cut,
        # then its repr to the same shape.
        head = max(0, (limit - 3) // 2)
        tail = max(0, limit - 3 - head)
        text = builtins.repr(x[:head] + x[len(x) - tail:])
        return text[:head] + self.fillvalue + text[len(text) - tail:]

    def repr_int(self, x, level):
        return self._elide(builtins.repr(x), self.maxlong)

    def repr_instance(self, x, level):
        try:
            text = builtins.repr(x)
        except Exception:
            return "<%s instance at %#x>" % (x.__class__.__name__, id(x))
        return self._elide(text, self.maxother)


for _name in ("repr_tuple", "repr_list", "repr_set", "repr_frozenset", "repr_deque"):
    _method = Repr.__dict__[_name]
    _method.__name__ = _name
    _method.__qualname__ = "Repr." + _name
del _name, _method

aRepr = Repr()
repr = aRepr.repr
