"""BaseExceptionGroup and ExceptionGroup (PEP 654), and what `except*`
needs from them.

The VM installs the two classes as builtins the first time a program names
one of them (a program that never does pays nothing), and calls `_match`
(CHECK_EG_MATCH) and `_prep_reraise_star` (PREP_RERAISE_STAR) for
`except*` clauses. The semantics are CPython 3.11's
(`Objects/exceptions.c`).
"""


def _is_exception_class(value):
    return isinstance(value, type) and issubclass(value, BaseException)


def _matcher(condition):
    """`split`/`subgroup`'s condition as a predicate on leaf exceptions."""
    if _is_exception_class(condition):
        return lambda exc: isinstance(exc, condition)
    if isinstance(condition, tuple) and all(_is_exception_class(c) for c in condition):
        return lambda exc: isinstance(exc, condition)
    if callable(condition) and not isinstance(condition, type):
        return condition
    raise TypeError("expected a function, exception type or tuple of exception types")


def _is_sequence(value):
    """CPython's `PySequence_Check`: indexable, and not a mapping."""
    if isinstance(value, (list, tuple, range, str, bytes)):
        return True
    if isinstance(value, (dict, set, frozenset)):
        return False
    return any("__getitem__" in vars(klass) for klass in type(value).__mro__[:-1])


def _copy_metadata(source, target):
    try:
        target.__traceback__ = source.__traceback__
    except (AttributeError, TypeError):
        pass
    target.__cause__ = source.__cause__
    target.__context__ = source.__context__
    notes = getattr(source, "__notes__", None)
    if notes is not None:
        target.__notes__ = notes


class BaseExceptionGroup(BaseException):
    """A combination of multiple unrelated exceptions."""

    def __new__(cls, message, exceptions, *rest):
        if rest:
            raise TypeError(
                f"BaseExceptionGroup.__new__() takes exactly 2 arguments ({2 + len(rest)} given)"
            )
        if not isinstance(message, str):
            raise TypeError(
                f"BaseExceptionGroup.__new__() argument 1 must be str, not {type(message).__name__}"
            )
        if not _is_sequence(exceptions):
            raise TypeError("second argument (exceptions) must be a sequence")
        excs = tuple(exceptions)
        if not excs:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        nested_base = False
        for i, exc in enumerate(excs):
            if not isinstance(exc, BaseException):
                raise ValueError(f"Item {i} of second argument (exceptions) is not an exception")
            if not isinstance(exc, Exception):
                nested_base = True
        if cls is BaseExceptionGroup:
            if not nested_base:
                cls = ExceptionGroup
        elif issubclass(cls, Exception) and nested_base:
            if cls is ExceptionGroup:
                raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
            raise TypeError(f"Cannot nest BaseExceptions in '{cls.__name__}'")
        self = BaseException.__new__(cls, message, exceptions)
        self._message = message
        self._exceptions = excs
        return self

    def __init__(self, *args, **kwargs):
        BaseException.__init__(self, *args)

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        count = len(self._exceptions)
        suffix = "" if count == 1 else "s"
        return f"{self._message} ({count} sub-exception{suffix})"

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _derive_with_metadata(self, excs):
        group = self.derive(excs)
        if not isinstance(group, BaseExceptionGroup):
            raise TypeError(
                "derive must return an instance of BaseExceptionGroup"
            )
        _copy_metadata(self, group)
        return group

    def _split(self, matches):
        """(match, rest) by the predicate on leaves, keeping the nesting."""
        if matches(self):
            return self, None
        matched = []
        rest = []
        for exc in self._exceptions:
            if isinstance(exc, BaseExceptionGroup):
                m, r = exc._split(matches)
            elif matches(exc):
                m, r = exc, None
            else:
                m, r = None, exc
            if m is not None:
                matched.append(m)
            if r is not None:
                rest.append(r)
        match = self._derive_with_metadata(matched) if matched else None
        remainder = self._derive_with_metadata(rest) if rest else None
        return match, remainder

    def split(self, condition):
        return self._split(_matcher(condition))

    def subgroup(self, condition):
        return self._split(_matcher(condition))[0]

    def __class_getitem__(cls, item):
        import types

        return types.GenericAlias(cls, item)


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


BaseExceptionGroup.__module__ = "builtins"
ExceptionGroup.__module__ = "builtins"


def _leaves(exc, into):
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            _leaves(inner, into)
    elif exc is not None:
        into.add(id(exc))
    return into


def _match(exc, match_type):
    """CHECK_EG_MATCH: `(match, rest)` of `exc` for `except* match_type`."""
    if isinstance(match_type, tuple):
        types_ = match_type
    else:
        types_ = (match_type,)
    for t in types_:
        if not _is_exception_class(t):
            raise TypeError(
                "catching classes that do not inherit from BaseException is not allowed"
            )
        if issubclass(t, BaseExceptionGroup):
            raise TypeError(
                "catching ExceptionGroup with except* is not allowed. Use except instead."
            )
    if exc is None:
        return None, None
    if isinstance(exc, match_type):
        # A naked exception is wrapped so the handler sees a group.
        return BaseExceptionGroup("", (exc,)), None
    if isinstance(exc, BaseExceptionGroup):
        return exc.split(match_type)
    return None, exc


def _same_metadata(a, b):
    return (
        getattr(a, "__notes__", None) is getattr(b, "__notes__", None)
        and a.__cause__ is b.__cause__
        and a.__context__ is b.__context__
    )


def _prep_reraise_star(orig, excs):
    """PREP_RERAISE_STAR: what an `except*` statement raises at its end —
    the exceptions re-raised as they were, in `orig`'s nesting, and any
    raised anew beside them in a new group; None when nothing is left."""
    if not excs:
        return None
    if not isinstance(orig, BaseExceptionGroup):
        # A naked exception was caught: at most one clause ran.
        return excs[0]
    raised = []
    reraised = []
    for exc in excs:
        if exc is None:
            continue
        if _same_metadata(exc, orig):
            reraised.append(exc)
        else:
            raised.append(exc)
    keep = set()
    for exc in reraised:
        _leaves(exc, keep)
    if keep:
        reraised_group = orig._split(lambda leaf: id(leaf) in keep)[0]
    else:
        reraised_group = None
    if not raised:
        return reraised_group
    if reraised_group is not None:
        raised.append(reraised_group)
    if len(raised) > 1:
        return BaseExceptionGroup("", raised)
    return raised[0]
