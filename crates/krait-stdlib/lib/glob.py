"""Shell-style pathname expansion for krait: glob, iglob, escape and
has_magic, with '**' (recursive=True), root_dir and include_hidden.

Results come in os.scandir order, unsorted.  A name starting with '.'
matches only a pattern part that starts with '.', unless include_hidden.
dir_fd is accepted but not used: lookups always go through paths
(relative ones against root_dir or the current folder).
"""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape"]

_MAGIC_STR = frozenset('*?[')


def has_magic(s):
    """Whether `s` contains '*', '?' or '['."""
    if isinstance(s, bytes):
        return any(ch in s for ch in b'*?[')
    return any(ch in s for ch in _MAGIC_STR)


def _is_double_star(part):
    return part == ('**' if isinstance(part, str) else b'**')


def _hidden(name):
    return name[:1] in ('.', b'.')


def _under(folder, name):
    """folder/name, without a separator when either side is empty."""
    if folder and name:
        return os.path.join(folder, name)
    return folder or name


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """All paths matching `pathname`, as a list (see iglob)."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """Iterate over the paths matching `pathname`, whose parts may use
    '*', '?', '[...]' and, with `recursive`, '**' for any depth of
    folders.  With `root_dir`, matching is relative to that folder."""
    base = pathname[:0] if root_dir is None else os.fspath(root_dir)
    walker = _Expander(base, recursive, include_hidden)
    results = walker.expand(pathname, False)
    if pathname and not (recursive and _is_double_star(pathname[:2])):
        return results
    # A leading '**' first gives the empty name (the start folder), which
    # is not a result.
    return _skip_leading_empty(results)


def _skip_leading_empty(results):
    for first in results:
        if first:
            yield first
        yield from results
        return


class _Expander:
    __slots__ = ('root', 'recursive', 'hidden')

    def __init__(self, root, recursive, hidden):
        self.root = root
        self.recursive = recursive
        self.hidden = hidden

    def expand(self, pattern, folders_only):
        head, tail = os.path.split(pattern)
        if not has_magic(pattern):
            yield from self._literal(pattern, head, tail)
        elif not head:
            yield from self._matcher(tail)(self.root, tail, folders_only)
        else:
            # head == pattern for a bare root such as '/': stop splitting.
            if head != pattern and has_magic(head):
                folders = self.expand(head, True)
            else:
                folders = (head,)
            yield from self._within(folders, tail, folders_only)

    def _within(self, folders, tail, folders_only):
        match = self._matcher(tail)
        join = os.path.join
        for folder in folders:
            for name in match(_under(self.root, folder), tail, folders_only):
                yield join(folder, name)

    def _literal(self, pattern, head, tail):
        if tail:
            if os.path.lexists(_under(self.root, pattern)):
                yield pattern
        elif os.path.isdir(_under(self.root, head)):
            # A trailing separator: folders only.
            yield pattern

    def _matcher(self, part):
        if not has_magic(part):
            return self._exact
        if self.recursive and _is_double_star(part):
            return self._everything
        return self._wild

    def _exact(self, folder, name, folders_only):
        if not name:
            return [name] if os.path.isdir(folder) else []
        return [name] if os.path.lexists(_under(folder, name)) else []

    def _wild(self, folder, part, folders_only):
        names = _names_in(folder, folders_only)
        if not self.hidden and not _hidden(part):
            names = [n for n in names if not _hidden(n)]
        return fnmatch.filter(names, part)

    def _everything(self, folder, part, folders_only):
        yield part[:0]
        yield from self._descend(folder, folders_only)

    def _descend(self, folder, folders_only):
        for name in _names_in(folder, folders_only):
            if self.hidden or not _hidden(name):
                yield name
                inner = _under(folder, name) if folder else name
                for deeper in self._descend(inner, folders_only):
                    yield _under(name, deeper)


def _names_in(folder, folders_only):
    """Entry names of `folder` (only sub-folders if asked); [] when the
    folder cannot be listed."""
    as_bytes = isinstance(folder, bytes)
    target = (os.fsdecode(folder) if as_bytes else folder) or os.curdir
    found = []
    try:
        with os.scandir(target) as entries:
            for entry in entries:
                try:
                    keep = (not folders_only) or entry.is_dir()
                except OSError:
                    keep = False
                if keep:
                    found.append(entry.name)
    except OSError:
        return []
    return [os.fsencode(n) for n in found] if as_bytes else found


def escape(pathname):
    """Bracket every magic character so the path matches only itself."""
    if isinstance(pathname, bytes):
        out = pathname.replace(b'[', b'[[]')
        for ch in (b'*', b'?'):
            out = out.replace(ch, b'[' + ch + b']')
        return out
    out = pathname.replace('[', '[[]')
    for ch in '*?':
        out = out.replace(ch, '[' + ch + ']')
    return out


# Old helpers CPython 3.11 still exposes.
def glob0(dirname, pattern):
    return _Expander(dirname, False, False)._exact(dirname, pattern, False)


def glob1(dirname, pattern):
    return _Expander(dirname, False, False)._wild(dirname, pattern, False)
