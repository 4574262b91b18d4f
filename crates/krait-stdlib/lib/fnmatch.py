"""Shell-style pattern matching of names: `*`, `?`, `[seq]`, `[!seq]`
(CPython's `fnmatch`, matching directly rather than through `re`)."""

import posixpath

__all__ = ["filter", "fnmatch", "fnmatchcase"]


def fnmatch(name, pat):
    name = posixpath.normcase(name)
    pat = posixpath.normcase(pat)
    return fnmatchcase(name, pat)


def filter(names, pat):
    return [name for name in names if fnmatch(name, pat)]


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
