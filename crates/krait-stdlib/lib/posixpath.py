"""Path operations on POSIX paths: `os.path` (CPython's `posixpath`).

The string operations are pure; `exists`, `isfile`, `getsize`... ask the
file system through `posix` (and so through the VM's host).
"""

import posix

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"
supports_unicode_filenames = False

__all__ = [
    "normcase", "isabs", "join", "splitdrive", "split", "splitext", "basename",
    "dirname", "commonprefix", "getsize", "getmtime", "getatime", "getctime",
    "islink", "exists", "lexists", "isdir", "isfile", "ismount", "expanduser",
    "expandvars", "normpath", "abspath", "samefile", "curdir", "pardir", "sep",
    "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
    "relpath", "commonpath", "samestat", "sameopenfile",
]


# os.fspath: native, as CPython's is (every path function calls it).
from posix import fspath as _fspath


def _sep(path):
    return b"/" if isinstance(path, bytes) else "/"


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_sep(s))


def _check_arg_types(function, *args):
    has_str = has_bytes = False
    for arg in args:
        if not isinstance(arg, (str, bytes)) and hasattr(type(arg), "__fspath__"):
            arg = _fspath(arg)
        if isinstance(arg, str):
            has_str = True
        elif isinstance(arg, bytes):
            has_bytes = True
        else:
            raise TypeError(
                f"{function}() argument must be str, bytes, or os.PathLike object, "
                f"not {type(arg).__name__!r}"
            ) from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def join(a, *p):
    a = _fspath(a)
    sep = _sep(a)
    try:
        path = a
        if not p:
            # (A lone str or bytes is checked as CPython does: by using it.)
            path[:0] + sep
        for b in p:
            b = _fspath(b)
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError):
        _check_arg_types("join", a, *p)
        raise
    return path


def split(p):
    p = _fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep, dot = (b"/", b".") if isinstance(p, bytes) else ("/", ".")
    sep_index = p.rfind(sep)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # A leading run of dots is part of the name, not an extension.
        name_index = sep_index + 1
        while name_index < dot_index:
            if p[name_index:name_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            name_index += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = _fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b"/", b"", b".", b".."
    else:
        sep, empty, dot, dotdot = "/", "", ".", ".."
    if path == empty:
        return dot
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX keeps exactly two leading slashes; three or more become one.
    if path.startswith(sep * 2) and not path.startswith(sep * 3):
        initial_slashes = 2
    parts = []
    for part in path.split(sep):
        if part in (empty, dot):
            continue
        if part != dotdot or (not initial_slashes and not parts) or (parts and parts[-1] == dotdot):
            parts.append(part)
        elif parts:
            parts.pop()
    path = sep * initial_slashes + sep.join(parts)
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(posix.getcwdb() if isinstance(path, bytes) else posix.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path of `filename`: absolute, with every symbolic
    link on the way replaced by what it points to. A loop of links is
    left as it stands (or, `strict`, raises, as a missing part does)."""
    filename = _fspath(filename)
    is_bytes = isinstance(filename, bytes)
    sep, here_name, up_name = (b"/", b".", b"..") if is_bytes else ("/", ".", "..")
    if not filename.startswith(sep):
        filename = join(posix.getcwdb() if is_bytes else posix.getcwd(), filename)
    done = sep
    # Parts still to walk, last first; a one-item list marks where the
    # target of that link ends (from there on the link is resolved).
    todo = filename.split(sep)[::-1]
    links = {}      # link -> what it resolves to (None while walking it)
    while todo:
        part = todo.pop()
        if isinstance(part, list):
            links[part[0]] = done
            continue
        if not part or part == here_name:
            continue
        if part == up_name:
            done = dirname(done)
            continue
        step = join(done, part)
        try:
            is_link = posix.lstat(step).st_mode & 0o170000 == 0o120000
        except OSError:
            if strict:
                raise
            is_link = False
        if not is_link:
            done = step
            continue
        if step in links:
            if links[step] is not None:
                done = links[step]
                continue
            if strict:
                posix.stat(step)    # the system's "too many levels of links"
            rest = [p for p in reversed(todo) if not isinstance(p, list)]
            return abspath(join(step, *rest))
        links[step] = None
        target = posix.readlink(step)
        todo.append([step])
        todo.extend(target.split(sep)[::-1])
        if target.startswith(sep):
            done = sep
    return done


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    if isinstance(path, bytes):
        here, up, sep_ = b".", b"..", b"/"
    else:
        here, up, sep_ = curdir, pardir, sep
    start = here if start is None else _fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep_) if x]
        path_parts = [x for x in abspath(path).split(sep_) if x]
    except (TypeError, AttributeError):
        _check_arg_types("relpath", path, start)
        raise
    common = len(commonprefix([start_parts, path_parts]))
    rel_parts = [up] * (len(start_parts) - common) + path_parts[common:]
    if not rel_parts:
        return here
    return join(*rel_parts)


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    if isinstance(paths[0], bytes):
        sep, curdir = b"/", b"."
    else:
        sep, curdir = "/", "."
    try:
        split_paths = [path.split(sep) for path in paths]
    except TypeError:
        _check_arg_types("commonpath", *paths)
        raise
    try:
        (isabsolute,) = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabsolute else sep[:0]
    return prefix + sep.join(common)


def _mode(path, follow_symlinks=True):
    try:
        if follow_symlinks:
            return posix.stat(_fspath(path)).st_mode
        return posix.lstat(_fspath(path)).st_mode
    except (OSError, ValueError):
        return None


def exists(path):
    """Whether `path` names something (a broken link does not)."""
    return _mode(path) is not None


def lexists(path):
    """Whether `path` names something, a broken link included."""
    return _mode(path, False) is not None


def isdir(s):
    mode = _mode(s)
    return mode is not None and mode & 0o170000 == 0o040000


def isfile(path):
    mode = _mode(path)
    return mode is not None and mode & 0o170000 == 0o100000


def islink(path):
    mode = _mode(path, False)
    return mode is not None and mode & 0o170000 == 0o120000


def ismount(path):
    """Whether `path` is a mount point: on another device than its parent,
    or its own parent (`/`)."""
    try:
        s1 = posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    if s1.st_mode & 0o170000 == 0o120000:
        return False
    path = _fspath(path)
    parent = realpath(join(path, b".." if isinstance(path, bytes) else ".."))
    try:
        s2 = posix.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def getsize(filename):
    return posix.stat(_fspath(filename)).st_size


def getmtime(filename):
    return posix.stat(_fspath(filename)).st_mtime


def getatime(filename):
    return posix.stat(_fspath(filename)).st_atime


def getctime(filename):
    return posix.stat(_fspath(filename)).st_ctime


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(posix.stat(_fspath(f1)), posix.stat(_fspath(f2)))


def sameopenfile(fp1, fp2):
    return samestat(posix.fstat(fp1), posix.fstat(fp2))


def expanduser(path):
    path = _fspath(path)
    sep = _sep(path)
    if not path.startswith(b"~" if isinstance(path, bytes) else "~"):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        # `~user`: no user database here; left as it is.
        return path
    home = posix.environ().get("HOME")
    if home is None:
        return path
    if isinstance(path, bytes):
        home = home.encode("utf-8", "surrogateescape")
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        # The environment's values as the file system encodes them.
        if b"$" not in path:
            return path
        return expandvars(path.decode("utf-8", "surrogateescape")).encode(
            "utf-8", "surrogateescape"
        )
    if "$" not in path:
        return path
    environ = posix.environ()
    result = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$":
            result.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                result.append(path[i:])
                break
            name = path[i + 2:end]
            result.append(environ[name] if name in environ else path[i:end + 1])
            i = end + 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == "_"):
            j += 1
        name = path[i + 1:j]
        if name and name in environ:
            result.append(environ[name])
        else:
            result.append(path[i:j])
        i = j
    return "".join(result)
