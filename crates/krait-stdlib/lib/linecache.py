"""Source lines of files, read on first use and kept in `cache`."""

import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# name -> (size, mtime, lines, fullname) once read, or (get_lines,) while
# only a loader knows the text (see lazycache).  An mtime of None marks
# text that did not come from a file (it is never dropped by checkcache).
cache = {}


def _pseudo(name):
    # '' and '<stdin>', '<string>', '<frozen x>': no file behind them.
    return not name or (name[:1] == "<" and name[-1:] == ">")


def clearcache():
    cache.clear()


def getline(filename, lineno, module_globals=None):
    found = getlines(filename, module_globals)
    if 0 < lineno <= len(found):
        return found[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    held = cache.get(filename)
    if held is not None and len(held) > 1:
        return held[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    if filename is None:
        names = list(cache)
    elif filename in cache:
        names = (filename,)
    else:
        return
    for name in names:
        held = cache.get(name)
        if held is None or len(held) == 1 or held[1] is None:
            continue
        try:
            info = os.stat(held[3])
        except OSError:
            cache.pop(name, None)
            continue
        if (info.st_size, info.st_mtime) != (held[0], held[1]):
            cache.pop(name, None)


def _locate(filename):
    """(path, stat) of the file, looked up along sys.path when the name is
    relative; None when there is none."""
    try:
        return filename, os.stat(filename)
    except OSError:
        pass
    if os.path.isabs(filename):
        return None
    for folder in sys.path:
        try:
            candidate = os.path.join(folder, filename)
        except (TypeError, AttributeError):
            continue
        try:
            return candidate, os.stat(candidate)
        except OSError:
            continue
    return None


def updatecache(filename, module_globals=None):
    held = cache.get(filename)
    if held is not None and len(held) != 1:
        del cache[filename]
    if _pseudo(filename):
        return []
    try:
        os.stat(filename)
        on_disk = True
    except OSError:
        on_disk = False
    if not on_disk and lazycache(filename, module_globals):
        try:
            text = cache[filename][0]()
        except (ImportError, OSError):
            pass
        else:
            if text is None:
                return []
            found = [piece + "\n" for piece in text.splitlines()]
            cache[filename] = (len(text), None, found, filename)
            return found
    where = _locate(filename)
    if where is None:
        return []
    path, info = where
    try:
        with open(path, encoding="utf-8", errors="replace") as stream:
            found = stream.readlines()
    except (OSError, UnicodeError, ValueError, SyntaxError):
        return []
    if found and found[-1][-1:] != "\n":
        found[-1] = found[-1] + "\n"
    cache[filename] = (info.st_size, info.st_mtime, found, path)
    return found


def lazycache(filename, module_globals):
    held = cache.get(filename)
    if held is not None:
        return len(held) == 1
    if _pseudo(filename) or not module_globals:
        return False
    if "__name__" not in module_globals:
        return False
    modname = module_globals["__name__"]
    loader = module_globals.get("__loader__")
    if loader is None:
        spec = module_globals.get("__spec__")
        if spec:
            loader = getattr(spec, "loader", None)
    source_of = getattr(loader, "get_source", None)
    if not (modname and source_of):
        return False
    cache[filename] = (lambda: source_of(modname),)
    return True
