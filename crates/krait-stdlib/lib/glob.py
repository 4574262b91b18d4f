"""Pathname pattern expansion (CPython's `glob`): `glob`, `iglob`,
`escape`, `has_magic`, with `**` (when `recursive`), `root_dir` and
`include_hidden`.

Names come in `os.scandir` order, unsorted, as in CPython. Names starting
with a dot match only a pattern starting with a dot, unless
`include_hidden`. `dir_fd` is accepted and ignored: krait has no
directory descriptors, so every lookup goes through paths (relative ones
against `root_dir`, or the current folder).
"""

import os
import fnmatch
import itertools

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """The list of paths matching `pathname` (see `iglob`)."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """An iterator over the paths matching `pathname`, a path whose parts
    may hold `*`, `?` and `[...]` (and `**`, any number of folders, when
    `recursive`); paths are relative to `root_dir` when given."""
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    found = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or recursive and _isrecursive(pathname[:2]):
        # A leading `**` first yields the empty name for the top folder
        # itself, which is no match: drop it.
        try:
            first = next(found)
        except StopIteration:
            return iter(())
        if first:
            found = itertools.chain((first,), found)
    return found


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if os.path.lexists(_join(root_dir, pathname)):
                yield pathname
        elif os.path.isdir(_join(root_dir, dirname)):
            # A pattern ending with a slash names only folders.
            yield pathname
        return
    if not dirname:
        if recursive and _isrecursive(basename):
            yield from _glob2(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob1(root_dir, basename, dironly, include_hidden)
        return
    # `dirname != pathname` stops the recursion on a root such as "/".
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = (dirname,)
    if not has_magic(basename):
        glob_in_dir = _glob0
    elif recursive and _isrecursive(basename):
        glob_in_dir = _glob2
    else:
        glob_in_dir = _glob1
    join = os.path.join
    for dirname in dirs:
        for name in glob_in_dir(_join(root_dir, dirname), basename, dironly,
                                include_hidden):
            yield join(dirname, name)


def _glob1(dirname, pattern, dironly, include_hidden=False):
    """The names in `dirname` matching `pattern` (no separator in it)."""
    names = _listdir(dirname, dironly)
    if not (include_hidden or _ishidden(pattern)):
        names = [name for name in names if not _ishidden(name)]
    return fnmatch.filter(names, pattern)


def _glob0(dirname, basename, dironly, include_hidden=False):
    """`[basename]` when that literal name exists in `dirname`."""
    if basename:
        if os.path.lexists(_join(dirname, basename)):
            return [basename]
    elif os.path.isdir(dirname):
        # An empty basename comes from a trailing slash: folders only.
        return [basename]
    return []


def _glob2(dirname, pattern, dironly, include_hidden=False):
    """For `**`: the empty name (the folder itself), then every path
    below `dirname`."""
    yield pattern[:0]
    yield from _rlistdir(dirname, dironly, include_hidden)


def _listdir(dirname, dironly):
    """The names in `dirname` (folders only when `dironly`); none when it
    cannot be read."""
    if isinstance(dirname, bytes):
        folder = os.fsdecode(dirname) if dirname else os.curdir
        encode = os.fsencode
    else:
        folder = dirname or os.curdir
        encode = None
    names = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                try:
                    if not dironly or entry.is_dir():
                        names.append(entry.name)
                except OSError:
                    pass
    except OSError:
        return []
    if encode is not None:
        names = [encode(name) for name in names]
    return names


def _rlistdir(dirname, dironly, include_hidden=False):
    """Every path below `dirname`, relative to it, parents first (symbolic
    links to folders are followed, as in CPython 3.11)."""
    for name in _listdir(dirname, dironly):
        if include_hidden or not _ishidden(name):
            yield name
            path = _join(dirname, name) if dirname else name
            for below in _rlistdir(path, dironly, include_hidden):
                yield _join(name, below)


def _join(dirname, basename):
    # os.path.join would add a separator after an empty part.
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def has_magic(s):
    """Whether `s` holds a pattern character (`*`, `?` or `[`)."""
    if isinstance(s, bytes):
        return b"*" in s or b"?" in s or b"[" in s
    return "*" in s or "?" in s or "[" in s


def _ishidden(path):
    return path[0] in (".", 46)


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b"**"
    return pattern == "**"


def escape(pathname):
    """`pathname` with its pattern characters bracketed (`[*]`, `[?]`,
    `[[]`), so it matches only itself."""
    # No drive letters on POSIX: the whole path is escaped.
    if isinstance(pathname, bytes):
        return (pathname.replace(b"[", b"[[]").replace(b"*", b"[*]")
                .replace(b"?", b"[?]"))
    return pathname.replace("[", "[[]").replace("*", "[*]").replace("?", "[?]")


# The older helpers CPython 3.11 still exports.
def glob0(dirname, pattern):
    return _glob0(dirname, pattern, False)


def glob1(dirname, pattern):
    return _glob1(dirname, pattern, False)
