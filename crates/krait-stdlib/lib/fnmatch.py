"""Shell-style pattern matching of names: `*`, `?`, `[seq]`, `[!seq]`
(CPython's `fnmatch`). A pattern is translated to a regular expression
(`translate`) compiled once and kept, as CPython does. Bytes names and
patterns are matched as their Latin-1 text, as CPython does."""

import posixpath
import re

__all__ = ["filter", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    pat = posixpath.normcase(pat)
    return [name for name in names
            if fnmatchcase(posixpath.normcase(name), pat)]


def _as_text(name, pat):
    """`name` and `pat` as str (bytes as Latin-1), with re's TypeError for
    a mix."""
    name_bytes = isinstance(name, (bytes, bytearray))
    pat_bytes = isinstance(pat, (bytes, bytearray))
    if name_bytes != pat_bytes:
        if pat_bytes:
            raise TypeError("cannot use a bytes pattern on a string-like object")
        raise TypeError("cannot use a string pattern on a bytes-like object")
    if pat_bytes:
        return str(name, "ISO-8859-1"), str(pat, "ISO-8859-1")
    return name, pat


def _class_items(body):
    """The members of a `[...]` body (without a leading `!`): (low, high)
    ranges, single characters as (c, c); empty ranges (`z-a`) dropped."""
    items = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            if body[i] <= body[i + 2]:
                items.append((body[i], body[i + 2]))
            i += 3
        else:
            items.append((body[i], body[i]))
            i += 1
    return items


def _class_char(c):
    return "\\" + c if c in "\\]^-[&~|" else c


def translate(pat):
    """The regular expression (as a string) that matches what `pat`
    matches: `(?s:...)\\Z`, a `*` between fixed parts as an atomic lazy
    group so matching stays linear."""
    pieces = []     # regex pieces, None for a star
    i = 0
    n = len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == "*":
            if not pieces or pieces[-1] is not None:
                pieces.append(None)
        elif c == "?":
            pieces.append(".")
        elif c == "[" and (end := _class_end(pat, i - 1)) >= 0:
            body = pat[i:end]
            i = end + 1
            negate = body.startswith("!")
            items = _class_items(body[1:] if negate else body)
            if not items:
                pieces.append("." if negate else "(?!)")
                continue
            members = "".join(
                _class_char(low) if low == high
                else _class_char(low) + "-" + _class_char(high)
                for low, high in items)
            pieces.append(("[^" if negate else "[") + members + "]")
        else:
            pieces.append(re.escape(c))
    out = []
    k = 0
    while k < len(pieces) and pieces[k] is not None:
        out.append(pieces[k])
        k += 1
    while k < len(pieces):
        k += 1          # the star
        fixed = []
        while k < len(pieces) and pieces[k] is not None:
            fixed.append(pieces[k])
            k += 1
        fixed = "".join(fixed)
        if k < len(pieces):
            out.append("(?>.*?" + fixed + ")")
        else:
            out.append(".*" + fixed)
    return "(?s:" + "".join(out) + ")\\Z"


def _class_end(pat, i):
    """Where the `[...]` starting at `pat[i]` ends (the index of `]`), or
    -1 when it does not close (then `[` is an ordinary character)."""
    j = i + 1
    if j < len(pat) and pat[j] == "!":
        j += 1
    if j < len(pat) and pat[j] == "]":
        j += 1
    while j < len(pat) and pat[j] != "]":
        j += 1
    return j if j < len(pat) else -1


# Compiled patterns, by pattern (CPython keeps 32768 in an lru_cache):
# `glob` and `filter` match many names against one pattern.
_compiled = {}


def _matcher(pat):
    match = _compiled.get(pat)
    if match is None:
        if len(_compiled) >= 32768:
            _compiled.clear()
        match = _compiled[pat] = re.compile(translate(pat)).match
    return match


def fnmatchcase(name, pat):
    """Whether `name` matches `pat`, case-sensitively."""
    if not isinstance(pat, str) or not isinstance(name, str):
        name, pat = _as_text(name, pat)
    return _matcher(pat)(name) is not None
