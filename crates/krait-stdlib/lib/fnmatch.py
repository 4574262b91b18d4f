"""Shell-style pattern matching of names: `*`, `?`, `[seq]`, `[!seq]`
(CPython's `fnmatch`). Names are matched directly rather than through
`re`; `translate` gives the equivalent regular expression. Bytes names
and patterns are matched as their Latin-1 text, as CPython does."""

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


def _in_class(c, body):
    negate = body.startswith("!")
    if negate:
        body = body[1:]
    found = False
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            if body[i] <= c <= body[i + 2]:
                found = True
            i += 3
        else:
            if body[i] == c:
                found = True
            i += 1
    return found != negate


def fnmatchcase(name, pat):
    """Whether `name` matches `pat`, case-sensitively."""
    if not isinstance(pat, str) or not isinstance(name, str):
        name, pat = _as_text(name, pat)
    # Backtracking over the last `*`: linear in most patterns.
    n, p = 0, 0
    star_p, star_n = -1, 0
    while n < len(name):
        if p < len(pat):
            c = pat[p]
            if c == "*":
                star_p, star_n = p, n
                p += 1
                continue
            if c == "?":
                n += 1
                p += 1
                continue
            if c == "[":
                end = _class_end(pat, p)
                if end >= 0:
                    if _in_class(name[n], pat[p + 1:end]):
                        n += 1
                        p = end + 1
                        continue
                elif name[n] == "[":
                    n += 1
                    p += 1
                    continue
            elif c == name[n]:
                n += 1
                p += 1
                continue
        if star_p >= 0:
            star_n += 1
            n = star_n
            p = star_p + 1
            continue
        return False
    while p < len(pat) and pat[p] == "*":
        p += 1
    return p == len(pat)
