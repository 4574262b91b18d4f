"""Weak references, and the containers and helpers built from them.

The primitives (`ref`, `proxy`, `getweakrefcount`, `getweakrefs`) come
from the VM's `_weakref` module. krait adds here `WeakMethod`, the two
weak dictionaries, `finalize`, and re-exports `WeakSet`.

Callbacks of dead references run at the interpreter's next call, which
can be in the middle of walking a container; the containers then hold
the removal back (`_pending_removals`) until the walk is over.
"""

from _weakref import (
    getweakrefcount,
    getweakrefs,
    ref,
    proxy,
    CallableProxyType,
    ProxyType,
    ReferenceType,
    _remove_dead_weakref,
)
from _weakrefset import WeakSet
from _weakrefset import _IterationGuard

import _collections_abc
import sys
from itertools import count as _counter

ProxyTypes = ProxyType, CallableProxyType

__all__ = [
    "ref", "proxy", "getweakrefcount", "getweakrefs",
    "WeakKeyDictionary", "ReferenceType", "ProxyType",
    "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
    "WeakSet", "WeakMethod", "finalize",
]


_collections_abc.MutableSet.register(WeakSet)


# ---------------------------------------------------------------------------
# WeakMethod


class WeakMethod(ref):
    """Weak reference to a bound method that survives as long as both its
    instance and its function do."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            target, function = meth.__self__, meth.__func__
        except AttributeError:
            kind = type(meth)
            raise TypeError(f"argument should be a bound method, not {kind}") from None

        holder = []

        def on_death(_dead):
            # Whichever of instance and function goes first reports, once.
            wm = holder[0]() if holder else None
            if wm is None or not wm._alive:
                return
            wm._alive = False
            if callback is not None:
                callback(wm)

        made = ref.__new__(cls, target, on_death)
        made._func_ref = ref(function, on_death)
        made._meth_type = type(meth)
        made._alive = True
        holder.append(ref(made))
        return made

    def __call__(self):
        target = ref.__call__(self)
        function = self._func_ref()
        if target is None or function is None:
            return None
        return self._meth_type(function, target)

    def _same(self, other):
        if not (self._alive and other._alive):
            return self is other
        if not ref.__eq__(self, other):
            return False
        return self._func_ref == other._func_ref

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            return self._same(other)
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            return not self._same(other)
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A `ref` that also carries the key it is filed under, so that a
    WeakValueDictionary's callback can find the entry to drop."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        made = ref.__new__(cls, ob, callback)
        made.key = key
        return made

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


# ---------------------------------------------------------------------------
# The weak dictionaries


def _install_remover(container, forget):
    """Gives `container` the callback its weak references use: `forget`
    drops the entry of a dead reference, unless a walk is under way."""
    back = ref(container)

    def remove(dead, back=back):
        owner = back()
        if owner is None:
            return
        if owner._iterating:
            owner._pending_removals.append(forget.pending_item(dead))
        else:
            forget(owner.data, dead)

    container._remove = remove
    container._pending_removals = []
    container._iterating = set()


def _drop_by_key(data, dead):
    # Only while the entry still holds this dead reference: the key may
    # have been given a fresh value since.
    _remove_dead_weakref(data, dead.key)


_drop_by_key.pending_item = lambda dead: dead.key


def _drop_key_ref(data, dead):
    data.pop(dead, None)


_drop_key_ref.pending_item = lambda dead: dead


class _WeakMapping(_collections_abc.MutableMapping):
    """The plumbing both weak dictionaries share."""

    def _commit_removals(self):
        queue = self._pending_removals
        while queue:
            self._drop(queue.pop())

    def _settle(self):
        if not self._iterating:
            self._commit_removals()

    def _walk(self, pick):
        """Yields pick(k, v) over the stored pairs, skipping Nones, with
        removals held back meanwhile."""
        with _IterationGuard(self):
            for stored_key, stored_value in self.data.items():
                found = pick(stored_key, stored_value)
                if found is not None:
                    yield found

    def __len__(self):
        waiting = len(self._pending_removals)
        return len(self.data) - waiting

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x}>"

    def __copy__(self):
        return self.copy()

    def update(self, other=None, /, **kwargs):
        self._settle()
        for source in (other, kwargs):
            if source is None:
                continue
            if not hasattr(source, "items"):
                source = dict(source)
            for key, value in source.items():
                self[key] = value

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = self.copy()
        merged.update(other)
        return merged

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        merged = type(self)()
        merged.update(other)
        merged.update(self)
        return merged


def _living_pair(key, wr):
    value = wr()
    return None if value is None else (key, value)


class WeakValueDictionary(_WeakMapping):
    """Mapping that holds its values weakly; an entry vanishes when its
    value is collected."""

    def __init__(self, other=(), /, **kw):
        _install_remover(self, _drop_by_key)
        self.data = {}
        self.update(other, **kw)

    def _drop(self, key):
        _remove_dead_weakref(self.data, key)

    def _store(self, key, value):
        wr = KeyedRef(value, self._remove, key)
        self.data[key] = wr

    def _value_of(self, key):
        """The live value under `key`, or None (KeyError if absent)."""
        return self.data[key]()

    def __getitem__(self, key):
        self._settle()
        found = self._value_of(key)
        if found is None:
            raise KeyError(key)
        return found

    def __setitem__(self, key, value):
        self._settle()
        self._store(key, value)

    def __delitem__(self, key):
        self._settle()
        del self.data[key]

    def __contains__(self, key):
        self._settle()
        try:
            return self._value_of(key) is not None
        except KeyError:
            return False

    def get(self, key, default=None):
        self._settle()
        try:
            found = self._value_of(key)
        except KeyError:
            return default
        return default if found is None else found

    def _clone_into(self, target, key_map):
        self._settle()
        for key, value in list(self._walk(_living_pair)):
            target[key_map(key)] = value
        return target

    def copy(self):
        return self._clone_into(WeakValueDictionary(), lambda key: key)

    def __deepcopy__(self, memo):
        from copy import deepcopy
        return self._clone_into(type(self)(), lambda key: deepcopy(key, memo))

    def items(self):
        self._settle()
        yield from self._walk(_living_pair)

    def keys(self):
        self._settle()
        for key, _ in self._walk(_living_pair):
            yield key

    __iter__ = keys

    def values(self):
        self._settle()
        for _, value in self._walk(_living_pair):
            yield value

    def itervaluerefs(self):
        """Iterates over the weak references to the values."""
        self._settle()
        with _IterationGuard(self):
            yield from self.data.values()

    def valuerefs(self):
        """A list of the weak references to the values."""
        self._settle()
        return list(self.data.values())

    def popitem(self):
        self._settle()
        store = self.data
        while True:
            key, wr = store.popitem()
            value = wr()
            if value is not None:
                return key, value

    def pop(self, key, *args):
        self._settle()
        wr = self.data.pop(key, None)
        value = None if wr is None else wr()
        if value is not None:
            return value
        if args:
            return args[0]
        raise KeyError(key)

    def setdefault(self, key, default=None):
        try:
            found = self._value_of(key)
        except KeyError:
            found = None
        if found is not None:
            return found
        self._settle()
        self._store(key, default)
        return default


def _living_key(wr, value):
    key = wr()
    return None if key is None else (key, value)


class WeakKeyDictionary(_WeakMapping):
    """Mapping that holds its keys weakly; an entry vanishes when its key
    is collected."""

    def __init__(self, dict=None):
        self.data = {}
        _install_remover(self, _drop_key_ref)
        if dict is not None:
            self.update(dict)

    def _drop(self, wr):
        self.data.pop(wr, None)

    def __getitem__(self, key):
        probe = ref(key)
        return self.data[probe]

    def __setitem__(self, key, value):
        self._settle()
        wr = ref(key, self._remove)
        self.data[wr] = value

    def __delitem__(self, key):
        self._settle()
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            probe = ref(key)
        except TypeError:
            return False
        return probe in self.data

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def _clone_into(self, target, value_map):
        for key, value in list(self._walk(_living_key)):
            target[key] = value_map(value)
        return target

    def copy(self):
        return self._clone_into(WeakKeyDictionary(), lambda value: value)

    def __deepcopy__(self, memo):
        from copy import deepcopy
        return self._clone_into(type(self)(), lambda value: deepcopy(value, memo))

    def items(self):
        yield from self._walk(_living_key)

    def keys(self):
        for key, _ in self._walk(_living_key):
            yield key

    __iter__ = keys

    def values(self):
        for _, value in self._walk(_living_key):
            yield value

    def keyrefs(self):
        """A list of the weak references to the keys."""
        return list(self.data)

    def popitem(self):
        self._settle()
        store = self.data
        while True:
            wr, value = store.popitem()
            key = wr()
            if key is not None:
                return key, value

    def pop(self, key, *args):
        self._settle()
        probe = ref(key)
        return self.data.pop(probe, *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)


# ---------------------------------------------------------------------------
# finalize


class _FinalizerRecord:
    __slots__ = ("weakref", "func", "args", "kwargs",
                 "atexit", "index")


class finalize:
    """finalize(obj, func, /, *args, **kwargs): a callable that runs
    `func(*args, **kwargs)` at most once -- when `obj` is collected, when
    called, or at interpreter exit (if `atexit` is still true)."""

    __slots__ = ()
    # Live finalizers and their records: the registry keeps a finalizer
    # alive as long as its object, without the program holding it.
    _registry = {}
    _shutdown = False
    _index_iter = _counter()
    _dirty = False
    _registered_with_atexit = False
    _Info = _FinalizerRecord

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(finalize._exitfunc)
            finalize._registered_with_atexit = True
        record = _FinalizerRecord()
        # The finalizer itself is the callback of the object's death.
        record.weakref = ref(obj, self)
        record.func, record.args = func, args
        record.kwargs = kwargs or None
        record.atexit = True
        record.index = next(finalize._index_iter)
        finalize._registry[self] = record
        finalize._dirty = True

    def _record(self):
        return finalize._registry.get(self)

    def _snapshot(self, record):
        target = record.weakref() if record is not None else None
        if target is None:
            return None
        return target, record.func, record.args, record.kwargs or {}

    def __call__(self, _=None):
        """Runs the callback unless already dead; returns its result."""
        record = finalize._registry.pop(self, None)
        if record is None or finalize._shutdown:
            return None
        return record.func(*record.args, **(record.kwargs or {}))

    def detach(self):
        """Kills the finalizer without running it; returns (obj, func,
        args, kwargs) if it was alive, else None."""
        found = self._snapshot(self._record())
        if found is not None and finalize._registry.pop(self, None) is not None:
            return found
        return None

    def peek(self):
        """(obj, func, args, kwargs) while alive, else None."""
        return self._snapshot(self._record())

    @property
    def alive(self):
        """True until the finalizer has run or been detached."""
        return self in finalize._registry

    @property
    def atexit(self):
        """Whether it will run at exit if still alive then."""
        record = self._record()
        return bool(record is not None and record.atexit)

    @atexit.setter
    def atexit(self, value):
        record = self._record()
        if record is not None:
            record.atexit = bool(value)

    def __repr__(self):
        found = self._snapshot(self._record())
        name = type(self).__name__
        if found is None:
            return f"<{name} object at {id(self):#x}; dead>"
        target = found[0]
        return (f"<{name} object at {id(self):#x}; "
                f"for {type(target).__name__!r} at {id(target):#x}>")

    @classmethod
    def _select_for_exit(cls):
        # Oldest first; the exit loop takes from the end.
        wanted = [(record.index, fin) for fin, record in cls._registry.items()
                  if record.atexit]
        wanted.sort(key=lambda entry: entry[0])
        return [fin for _, fin in wanted]

    @classmethod
    def _exitfunc(cls):
        # Finalizers created while these run are collected as well.
        queue = []
        try:
            finalize._dirty = True
            while cls._registry:
                if finalize._dirty:
                    queue = cls._select_for_exit()
                    finalize._dirty = False
                if not queue:
                    break
                job = queue.pop()
                try:
                    job()
                except Exception as failure:
                    sys.excepthook(type(failure), failure, failure.__traceback__)
        finally:
            finalize._shutdown = True
