"""Small helpers of the unittest package: reprs that cannot fail, the
shortened reprs of failure messages, and the element-count differences
behind assertCountEqual."""

from collections import namedtuple

__unittest = True

_MAX_LENGTH = 80
_PLACEHOLDER_LEN = 12
_MIN_BEGIN_LEN = 5
_MIN_END_LEN = 5
_MIN_COMMON_LEN = 5
# Room for the differing part when the common prefix is shortened too.
_MIN_DIFF_LEN = _MAX_LENGTH - (_MIN_BEGIN_LEN + _PLACEHOLDER_LEN +
                               _MIN_COMMON_LEN + _PLACEHOLDER_LEN +
                               _MIN_END_LEN)


def safe_repr(obj, short=False):
    """repr(obj), or object's default repr when that raises; with `short`,
    cut to 80 characters and marked as truncated."""
    try:
        text = repr(obj)
    except Exception:
        text = object.__repr__(obj)
    if not short or len(text) < _MAX_LENGTH:
        return text
    return text[:_MAX_LENGTH] + ' [truncated]...'


def strclass(cls):
    return "%s.%s" % (cls.__module__, cls.__qualname__)


def three_way_cmp(x, y):
    """-1, 0 or 1 as x is less than, equal to or greater than y."""
    return (x > y) - (x < y)


def _shorten(text, keep_start, keep_end):
    skipped = len(text) - keep_start - keep_end
    if skipped > _PLACEHOLDER_LEN:
        return '%s[%d chars]%s' % (text[:keep_start], skipped,
                                   text[len(text) - keep_end:])
    return text


def _common_prefix(texts):
    # The common prefix of all texts is that of the smallest and largest.
    low = min(texts)
    high = max(texts)
    for i, char in enumerate(low):
        if char != high[i]:
            return low[:i]
    return low


def _common_shorten_repr(*args):
    """The reprs of args, each at most about 80 characters: a long common
    start is elided as `[N chars]`, then each one's own rest."""
    reprs = tuple(map(safe_repr, args))
    longest = max(map(len, reprs))
    if longest <= _MAX_LENGTH:
        return reprs
    prefix = _common_prefix(reprs)
    prefix_len = len(prefix)
    common_len = _MAX_LENGTH - (longest - prefix_len + _MIN_BEGIN_LEN +
                                _PLACEHOLDER_LEN)
    if common_len > _MIN_COMMON_LEN:
        prefix = _shorten(prefix, _MIN_BEGIN_LEN, common_len)
        return tuple(prefix + text[prefix_len:] for text in reprs)
    prefix = _shorten(prefix, _MIN_BEGIN_LEN, _MIN_COMMON_LEN)
    return tuple(prefix + _shorten(text[prefix_len:], _MIN_DIFF_LEN,
                                   _MIN_END_LEN)
                 for text in reprs)


def sorted_list_difference(expected, actual):
    """(items only in expected, items only in actual) of two sorted lists,
    duplicates reported once."""
    i = j = 0
    missing = []
    unexpected = []
    while True:
        try:
            e = expected[i]
            a = actual[j]
            if e < a:
                missing.append(e)
                i += 1
                while expected[i] == e:
                    i += 1
            elif e > a:
                unexpected.append(a)
                j += 1
                while actual[j] == a:
                    j += 1
            else:
                i += 1
                try:
                    while expected[i] == e:
                        i += 1
                finally:
                    j += 1
                    while actual[j] == a:
                        j += 1
        except IndexError:
            missing.extend(expected[i:])
            unexpected.extend(actual[j:])
            break
    return missing, unexpected


def unorderable_list_difference(expected, actual):
    """(items missing from actual, items unexpected in it) compared by ==
    only; duplicates count."""
    missing = []
    while expected:
        item = expected.pop()
        try:
            actual.remove(item)
        except ValueError:
            missing.append(item)
    return missing, actual


_Mismatch = namedtuple('Mismatch', 'actual expected value')


def _count_diff_all_purpose(actual, expected):
    """Mismatch(count in actual, count in expected, element) of elements
    compared by == only (they may be unhashable), in order of first
    appearance in actual, then in expected."""
    first = list(actual)
    second = list(expected)
    done = object()
    mismatches = []
    for i, elem in enumerate(first):
        if elem is done:
            continue
        count_first = count_second = 0
        for j in range(i, len(first)):
            if first[j] == elem:
                count_first += 1
                first[j] = done
        for j, other in enumerate(second):
            if other == elem:
                count_second += 1
                second[j] = done
        if count_first != count_second:
            mismatches.append(_Mismatch(count_first, count_second, elem))
    for i, elem in enumerate(second):
        if elem is done:
            continue
        count_second = 0
        for j in range(i, len(second)):
            if second[j] == elem:
                count_second += 1
                second[j] = done
        mismatches.append(_Mismatch(0, count_second, elem))
    return mismatches


def _ordered_count(iterable):
    counts = {}
    for elem in iterable:
        counts[elem] = counts.get(elem, 0) + 1
    return counts


def _count_diff_hashable(actual, expected):
    """As _count_diff_all_purpose, for hashable elements."""
    first = _ordered_count(actual)
    second = _ordered_count(expected)
    mismatches = []
    for elem, count_first in first.items():
        count_second = second.get(elem, 0)
        if count_first != count_second:
            mismatches.append(_Mismatch(count_first, count_second, elem))
    for elem, count_second in second.items():
        if elem not in first:
            mismatches.append(_Mismatch(0, count_second, elem))
    return mismatches
