"""Lines of source files, read once and kept (CPython's `linecache`):
getline(filename, lineno), getlines(filename), clearcache(),
checkcache(filename=None), updatecache(filename), lazycache()."""

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

import os

# filename -> (size, mtime, lines, fullname)
cache = {}


def clearcache():
    """Forget every file read."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line `lineno` (from 1) of the file, with its newline; '' when the
    file or the line is not there."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """The file's lines (each with its newline), read on first use."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Drops the files (or `filename`) changed on disk since read."""
    names = list(cache) if filename is None else [filename]
    for name in names:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            continue
        size, mtime, _lines, fullname = entry
        if mtime is None:
            continue  # not read from a file: kept
        try:
            stat = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Reads the file again; its lines, or [] when it cannot be read."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    try:
        stat = os.stat(filename)
        with open(filename, encoding="utf-8", errors="replace") as file:
            lines = file.readlines()
    except (OSError, UnicodeError, ValueError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = (stat.st_size, stat.st_mtime, lines, filename)
    return lines


def lazycache(filename, module_globals):
    """Whether a loader could give the lines later (krait: never)."""
    return False
