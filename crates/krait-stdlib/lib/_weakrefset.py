"""krait's WeakSet: a set of objects held only through weak references.

Each member is stored as a `ref` whose callback drops it when the object
dies. Such a callback may fire while the set is being walked; removals
are then parked in `_pending_removals` and applied once the last walk
over the set has finished (see `_IterationGuard`).
"""

from _weakref import ref
from types import GenericAlias as _GenericAlias
from itertools import chain as _chain

__all__ = ['WeakSet']


class _IterationGuard:
    """Context manager marking a weak container as "being walked"; dead
    entries found meanwhile wait until every guard has been left."""

    __slots__ = ('_container_ref', '__weakref__')

    def __init__(self, container):
        # Held weakly, so an abandoned generator cannot pin the container.
        self._container_ref = ref(container)

    def __enter__(self):
        owner = self._container_ref()
        if owner is not None:
            owner._iterating.add(self)
        return self

    def __exit__(self, *exc_info):
        owner = self._container_ref()
        if owner is None:
            return
        walkers = owner._iterating
        walkers.discard(self)
        if not walkers:
            owner._commit_removals()


def _make_remover(target):
    """The callback given to every member's weak reference."""
    back = ref(target)

    def _remove(dead, back=back):
        owner = back()
        if owner is None:
            return
        if owner._iterating:
            owner._pending_removals.append(dead)
        else:
            owner.data.discard(dead)

    return _remove


def _refs_of(items):
    return {ref(obj) for obj in items}


class WeakSet:
    def __init__(self, data=None):
        self.data = set()
        self._remove = _make_remover(self)
        self._pending_removals, self._iterating = [], set()
        if data is not None:
            self.update(data)

    # -- bookkeeping ----------------------------------------------------

    def _flush(self):
        queue = self._pending_removals
        while queue:
            self.data.discard(queue.pop())

    _commit_removals = _flush

    # -- the container protocol -----------------------------------------

    def __iter__(self):
        guard = _IterationGuard(self)
        with guard:
            for wr in self.data:
                obj = wr()
                if obj is not None:
                    yield obj

    def __len__(self):
        stored = len(self.data)
        return stored - len(self._pending_removals)

    def __contains__(self, item):
        try:
            probe = ref(item)
        except TypeError:
            return False
        return probe in self.data

    def __reduce__(self):
        return (type(self), (list(self),), self.__getstate__())

    def __getstate__(self):
        extra = getattr(self, '__dict__', None)
        if extra is None:
            return None
        internal = ('data', '_remove', '_pending_removals', '_iterating')
        kept = {k: v for k, v in extra.items() if k not in internal}
        return kept if kept else None

    def __repr__(self):
        return repr(self.data)

    __class_getitem__ = classmethod(_GenericAlias)

    # -- single members -------------------------------------------------

    def add(self, item):
        self._flush()
        wr = ref(item, self._remove)
        self.data.add(wr)

    def remove(self, item):
        self._flush()
        probe = ref(item)
        self.data.remove(probe)

    def discard(self, item):
        self._flush()
        probe = ref(item)
        self.data.discard(probe)

    def pop(self):
        self._flush()
        pool = self.data
        while pool:
            obj = pool.pop()()
            if obj is not None:
                return obj
        raise KeyError('pop from empty WeakSet')

    def clear(self):
        self._flush()
        self.data.clear()

    def copy(self):
        return type(self)(self)

    # -- in-place set algebra -------------------------------------------

    def update(self, other):
        self._flush()
        for obj in other:
            self.add(obj)

    def __ior__(self, other):
        self.update(other)
        return self

    def __isub__(self, other):
        self._flush()
        if other is self:
            self.data.clear()
        else:
            self.data -= _refs_of(other)
        return self

    def __iand__(self, other):
        self._flush()
        self.data &= _refs_of(other)
        return self

    def __ixor__(self, other):
        self._flush()
        if other is self:
            self.data.clear()
        else:
            callback = self._remove
            self.data ^= {ref(obj, callback) for obj in other}
        return self

    def difference_update(self, other):
        self -= other

    def intersection_update(self, other):
        self &= other

    def symmetric_difference_update(self, other):
        self ^= other

    # -- set algebra giving new sets ------------------------------------

    def difference(self, other):
        fresh = self.copy()
        fresh -= other
        return fresh

    __sub__ = difference

    def symmetric_difference(self, other):
        fresh = self.copy()
        fresh ^= other
        return fresh

    __xor__ = symmetric_difference

    def intersection(self, other):
        return type(self)(obj for obj in other if obj in self)

    __and__ = intersection

    def union(self, other):
        return type(self)(_chain(self, other))

    __or__ = union

    def isdisjoint(self, other):
        for obj in other:
            if obj in self:
                return False
        return True

    # -- comparisons ----------------------------------------------------

    def issubset(self, other):
        return self.data <= _refs_of(other)

    __le__ = issubset

    def issuperset(self, other):
        return self.data >= _refs_of(other)

    __ge__ = issuperset

    def __lt__(self, other):
        return self.data < _refs_of(other)

    def __gt__(self, other):
        return self.data > _refs_of(other)

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return self.data == _refs_of(other)
