"""Heap queues (CPython's `heapq`): the heap operations are native
(`_heapq`); `merge`, `nlargest` and `nsmallest` are built on them here,
with CPython's algorithms, so ties come out in CPython's order."""

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heappop_max, _heapify_max, _heapreplace_max

__all__ = ["heappush", "heappop", "heapify", "heapreplace", "merge",
           "nlargest", "nsmallest", "heappushpop"]


def merge(*iterables, key=None, reverse=False):
    """Merges sorted inputs into one sorted stream, lazily; equal items
    come in the order of their inputs."""
    if reverse:
        _heapify, _pop, _replace, sign = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        _heapify, _pop, _replace, sign = heapify, heappop, heapreplace, 1
    # Entries [key, order, value, iterator]: `order` breaks ties by input
    # position and keeps values from being compared.
    entries = []
    for order, iterable in enumerate(iterables):
        iterator = iter(iterable)
        for value in iterator:
            entries.append([value if key is None else key(value), order * sign, value, iterator])
            break
    _heapify(entries)
    while len(entries) > 1:
        try:
            while True:
                entry = entries[0]
                yield entry[2]
                value = entry[2] = next(entry[3])
                entry[0] = value if key is None else key(value)
                _replace(entries, entry)
        except StopIteration:
            _pop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items, smallest first (`sorted(iterable,
    key=key)[:n]`)."""
    if n == 1:
        missing = object()
        result = min(iter(iterable), default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    items = iter(iterable)
    if key is None:
        # (item, order) pairs in a max-heap of the n smallest so far.
        result = [(item, i) for i, item in zip(range(n), items)]
        if not result:
            return result
        _heapify_max(result)
        top = result[0][0]
        order = n
        for item in items:
            if item < top:
                _heapreplace_max(result, (item, order))
                top = result[0][0]
                order += 1
        result.sort()
        return [item for item, _ in result]
    result = [(key(item), i, item) for i, item in zip(range(n), items)]
    if not result:
        return result
    _heapify_max(result)
    top = result[0][0]
    order = n
    for item in items:
        k = key(item)
        if k < top:
            _heapreplace_max(result, (k, order, item))
            top = result[0][0]
            order += 1
    result.sort()
    return [item for _, _, item in result]


def nlargest(n, iterable, key=None):
    """The n largest items, largest first (`sorted(iterable, key=key,
    reverse=True)[:n]`)."""
    if n == 1:
        missing = object()
        result = max(iter(iterable), default=missing, key=key)
        return [] if result is missing else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    items = iter(iterable)
    if key is None:
        result = [(item, i) for i, item in zip(range(0, -n, -1), items)]
        if not result:
            return result
        heapify(result)
        top = result[0][0]
        order = -n
        for item in items:
            if top < item:
                heapreplace(result, (item, order))
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)
        return [item for item, _ in result]
    result = [(key(item), i, item) for i, item in zip(range(0, -n, -1), items)]
    if not result:
        return result
    heapify(result)
    top = result[0][0]
    order = -n
    for item in items:
        k = key(item)
        if top < k:
            heapreplace(result, (k, order, item))
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)
    return [item for _, _, item in result]
