"""The classes of the interpreter's own objects, plus helpers for making
classes dynamically."""

__all__ = """
    FunctionType LambdaType CodeType MappingProxyType SimpleNamespace
    CellType GeneratorType CoroutineType AsyncGeneratorType MethodType
    BuiltinFunctionType BuiltinMethodType WrapperDescriptorType
    MethodWrapperType MethodDescriptorType ClassMethodDescriptorType
    ModuleType TracebackType FrameType GetSetDescriptorType
    MemberDescriptorType new_class resolve_bases prepare_class
    DynamicClassAttribute coroutine GenericAlias UnionType EllipsisType
    NoneType NotImplementedType
""".split()


# ---------------------------------------------------------------------------
# Classes read off sample objects.

def _samples():
    def plain():
        pass

    def gen():
        yield 1

    async def coro():
        pass

    async def agen():
        yield

    class Holder:
        def method(self):
            pass

    c = coro()
    found = {
        "FunctionType": type(plain),
        "LambdaType": type(lambda: None),
        "CodeType": type(plain.__code__),
        "CellType": type((lambda v: lambda: v)(0).__closure__[0]),
        "GeneratorType": type(gen()),
        "CoroutineType": type(c),
        "AsyncGeneratorType": type(agen()),
        "MethodType": type(Holder().method),
    }
    c.close()
    try:
        raise TypeError
    except TypeError as exc:
        tb = exc.__traceback__
        found["TracebackType"] = type(tb)
        found["FrameType"] = type(tb.tb_frame)
    return found


globals().update(_samples())
del _samples


class _Slotted:
    __slots__ = ("slot",)


MemberDescriptorType = type(_Slotted.slot)

# As far as krait tells the descriptor kinds apart: slot wrappers are method
# descriptors, and a slot's member descriptor also stands for getsets.
for _name, _sample in (
        ("BuiltinFunctionType", len),
        ("BuiltinMethodType", [].append),
        ("ModuleType", __import__("sys")),
        ("NoneType", None),
        ("EllipsisType", ...),
        ("NotImplementedType", NotImplemented),
        ("MappingProxyType", type.__dict__),
        ("GenericAlias", list[int]),
        ("UnionType", int | str),
        ("MethodDescriptorType", str.join),
        ("ClassMethodDescriptorType", dict.__dict__["fromkeys"]),
        ("WrapperDescriptorType", object.__init__),
        ("MethodWrapperType", object().__str__),
        ("GetSetDescriptorType", _Slotted.slot)):
    globals()[_name] = type(_sample)
del _name, _sample, _Slotted


# ---------------------------------------------------------------------------
# SimpleNamespace

_ns_repr_active = set()


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        kind = type(self)
        label = "namespace" if kind is SimpleNamespace else kind.__name__
        key = id(self)
        if key in _ns_repr_active:
            return label + "(...)"
        _ns_repr_active.add(key)
        try:
            body = ", ".join([f"{k}={v!r}" for k, v in self.__dict__.items()])
        finally:
            _ns_repr_active.discard(key)
        return f"{label}({body})"

    def __eq__(self, other):
        if isinstance(other, SimpleNamespace) and isinstance(self, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        # The class, no arguments, the attributes as the state.
        return (type(self), (), self.__dict__)


# ---------------------------------------------------------------------------
# Dynamic class creation (PEP 3115 / PEP 560)

def resolve_bases(bases):
    """Replace each base that is not a class but has __mro_entries__ by
    what that returns (PEP 560); bases itself when nothing changes."""
    out = []
    changed = False
    for base in bases:
        if isinstance(base, type):
            out.append(base)
            continue
        hook = getattr(base, "__mro_entries__", None)
        if hook is None:
            out.append(base)
            continue
        replacement = hook(bases)
        if not isinstance(replacement, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        out.extend(replacement)
        changed = True
    return tuple(out) if changed else bases


_META_CONFLICT = ("metaclass conflict: the metaclass of a derived class must be a "
                  "(non-strict) subclass of the metaclasses of all its bases")


def _calculate_meta(meta, bases):
    """The most derived of meta and the metaclasses of bases."""
    winner = meta
    for base in bases:
        candidate = type(base)
        if issubclass(winner, candidate):
            continue
        if not issubclass(candidate, winner):
            raise TypeError(_META_CONFLICT)
        winner = candidate
    return winner


def prepare_class(name, bases=(), kwds=None):
    """(metaclass, namespace, remaining keywords) for a class statement
    with these bases and keywords; the namespace comes from the
    metaclass's __prepare__ when it has one."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    elif bases:
        meta = type(bases[0])
    else:
        meta = type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    prepare = getattr(meta, "__prepare__", None)
    ns = {} if prepare is None else prepare(name, bases, **kwds)
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class as a class statement would, with exec_body(ns)
    filling the namespace."""
    effective = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, effective, kwds)
    if exec_body is not None:
        exec_body(ns)
    if effective is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, effective, ns, **kwds)


# ---------------------------------------------------------------------------
# coroutine

_CO_GENERATOR = 0x20
_CO_AWAITABLE = 0x180  # CO_COROUTINE | CO_ITERABLE_COROUTINE
_CO_ITERABLE_COROUTINE = 0x100


def coroutine(func):
    """Mark a generator-based function as usable with await."""
    if not callable(func):
        raise TypeError("types.coroutine() expects a callable")
    if type(func) is FunctionType and type(func.__code__) is CodeType:
        code = func.__code__
        flags = code.co_flags
        if flags & _CO_AWAITABLE:
            return func
        if flags & _CO_GENERATOR:
            func.__code__ = code.replace(co_flags=flags | _CO_ITERABLE_COROUTINE)
            return func

    def wrapped(*args, **kwargs):
        return func(*args, **kwargs)

    for attr, fallback in (("__name__", "wrapped"), ("__qualname__", "wrapped"),
                           ("__doc__", None)):
        setattr(wrapped, attr, getattr(func, attr, fallback))
    wrapped.__wrapped__ = func
    return wrapped


# ---------------------------------------------------------------------------
# DynamicClassAttribute

class DynamicClassAttribute:
    """Like property, except that the same name looked up on the class
    goes on to the metaclass's __getattr__ (how Enum offers `name` and
    `value` on members while allowing members of those names)."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget, self.fset, self.fdel = fget, fset, fdel
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        abstract = getattr(fget, "__isabstractmethod__", False)
        self.__isabstractmethod__ = bool(abstract)

    def __get__(self, instance, ownerclass=None):
        if instance is not None:
            reader = self.fget
            if reader is None:
                raise AttributeError("unreadable attribute")
            return reader(instance)
        if self.__isabstractmethod__:
            return self
        raise AttributeError()

    def __set__(self, instance, value):
        writer = self.fset
        if writer is None:
            raise AttributeError("can't set attribute")
        writer(instance, value)

    def __delete__(self, instance):
        remover = self.fdel
        if remover is None:
            raise AttributeError("can't delete attribute")
        remover(instance)

    def _renewed(self, fget, fset, fdel, doc):
        fresh = type(self)(fget, fset, fdel, doc)
        fresh.overwrite_doc = self.overwrite_doc
        return fresh

    def getter(self, fget):
        own = fget.__doc__ if self.overwrite_doc else None
        return self._renewed(fget, self.fset, self.fdel, own or self.__doc__)

    def setter(self, fset):
        return self._renewed(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return self._renewed(self.fget, self.fset, fdel, self.__doc__)
