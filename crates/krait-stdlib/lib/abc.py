"""Abstract base classes (CPython's `abc`): ABCMeta, ABC and the
abstractmethod decorators. `__instancecheck__` and the cache token are
native (`_abc`); the rest is Python."""

from _abc import get_cache_token, _abc_instancecheck, _invalidate_negative_caches


def abstractmethod(funcobj):
    """Mark a method abstract: a class with metaclass ABCMeta that keeps
    it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


# krait's classmethod, staticmethod and property cannot be subclassed, so
# the deprecated abstract* decorators are descriptors of their own that
# behave as their builtin counterparts.


class abstractclassmethod:
    """A class method that is abstract (deprecated: stack classmethod on
    abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        self.__func__ = callable

    def __get__(self, instance, owner=None):
        if owner is None:
            owner = type(instance)
        # Bound as classmethod binds (krait's classmethod has no __get__).
        return self.__func__.__get__(owner, type(owner))


class abstractstaticmethod:
    """A static method that is abstract (deprecated: stack staticmethod on
    abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        self.__func__ = callable

    def __get__(self, instance, owner=None):
        return self.__func__

    def __call__(self, *args, **kwargs):
        return self.__func__(*args, **kwargs)


class abstractproperty:
    """A property that is abstract (deprecated: stack property on
    abstractmethod)."""

    __isabstractmethod__ = True

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        if doc is None and fget is not None:
            doc = getattr(fget, "__doc__", None)
        self.__doc__ = doc

    def __set_name__(self, owner, name):
        self._name = name

    def _describe(self):
        name = getattr(self, "_name", None)
        return f"property {name!r}" if name else "property"

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.fget is None:
            raise AttributeError(
                f"{self._describe()} of {type(instance).__name__!r} object has no getter")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(
                f"{self._describe()} of {type(instance).__name__!r} object has no setter")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(
                f"{self._describe()} of {type(instance).__name__!r} object has no deleter")
        self.fdel(instance)

    def getter(self, fget):
        return type(self)(fget, self.fset, self.fdel, self.__doc__)

    def setter(self, fset):
        return type(self)(self.fget, fset, self.fdel, self.__doc__)

    def deleter(self, fdel):
        return type(self)(self.fget, self.fset, fdel, self.__doc__)


def _is_abstract(value):
    """Whether a class attribute is abstract. CPython asks the object for
    `__isabstractmethod__`; krait's classmethod, staticmethod and property
    do not forward it, so look through them here."""
    try:
        flag = value.__isabstractmethod__
    except AttributeError:
        flag = False
    except Exception:
        return False
    if flag:
        return True
    if isinstance(value, (classmethod, staticmethod)):
        return bool(getattr(value.__func__, "__isabstractmethod__", False))
    if isinstance(value, property):
        return any(getattr(f, "__isabstractmethod__", False)
                   for f in (value.fget, value.fset, value.fdel))
    return False


class _AbcState:
    """The registry and caches of one abstract class (CPython keeps them
    in `_abc_impl` too). They hold strong references. No `__slots__`: `_abc`
    reads the attributes where a plain instance keeps them."""

    def __init__(self):
        self.registry = []
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = get_cache_token()


class ABCMeta(type):
    """Metaclass for abstract base classes: keeps `__abstractmethods__`,
    and lets unrelated classes be registered as virtual subclasses."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        abstracts = {key for key, value in namespace.items() if _is_abstract(value)}
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, key, None)):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_impl = _AbcState()
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of this ABC; returns it, so this
        works as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        state = cls._abc_impl
        if subclass not in state.registry:
            state.registry.append(subclass)
        _invalidate_negative_caches()
        return subclass

    # isinstance(instance, cls): the caches are asked natively, then
    # `cls.__subclasscheck__` decides (no Python frame for a cached answer).
    __instancecheck__ = _abc_instancecheck

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        state = cls._abc_impl
        if subclass in state.cache:
            return True
        token = get_cache_token()
        if state.negative_cache_version < token:
            state.negative_cache = set()
            state.negative_cache_version = token
        elif subclass in state.negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either "
                                     "False, True, or NotImplemented")
            (state.cache if ok else state.negative_cache).add(subclass)
            return ok
        if cls in subclass.__mro__:
            state.cache.add(subclass)
            return True
        for registered in state.registry:
            if issubclass(subclass, registered):
                state.cache.add(subclass)
                return True
        for child in cls.__subclasses__():
            if issubclass(subclass, child):
                state.cache.add(subclass)
                return True
        state.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Print the registry and caches, for debugging."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        state = cls._abc_impl
        print(f"_abc_registry: {set(state.registry)!r}", file=file)
        print(f"_abc_cache: {state.cache!r}", file=file)
        print(f"_abc_negative_cache: {state.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {state.negative_cache_version!r}",
              file=file)

    def _abc_registry_clear(cls):
        """Forget the registered virtual subclasses (for tests)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Forget what the caches know (for tests)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after its methods changed (for
    class decorators); classes that are not abstract are left alone."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for base in cls.__bases__:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """A helper class whose metaclass is ABCMeta: subclass it to make an
    abstract base class."""

    __slots__ = ()
