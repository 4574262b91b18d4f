"""Path operations on Windows paths (CPython's `ntpath`), usable on any
system: `os.path` of a Windows Python.

Both `\\` and `/` separate components (`\\` is the one written). A path
may start with a drive: a letter and colon (`C:`), a UNC share
(`\\\\server\\share`), a device (`\\\\.\\device`, `\\\\?\\device`) or a long
UNC share (`\\\\?\\UNC\\server\\share`). Every function takes str or bytes
(or a path-like object) and answers in the same type.

The string functions give CPython 3.11's answers on every system. The
ones that ask the file system (exists, isfile, getsize...) ask the host
krait runs on, so on POSIX they see POSIX files. What needs Windows itself
is done as CPython does it away from Windows: `abspath` joins a relative
path to the current folder (`os.getcwd()`, a POSIX path here) and
normalises the result, `realpath` is `abspath`, `expanduser` reads only
USERPROFILE or HOMEDRIVE/HOMEPATH (unset on POSIX, so `~` stays), and
`ismount` knows only drive roots and UNC shares.
"""

import os
import stat
import genericpath
from genericpath import *

curdir = "."
pardir = ".."
extsep = "."
sep = "\\"
pathsep = ";"
altsep = "/"
defpath = ".;C:\\bin"
devnull = "nul"
supports_unicode_filenames = False

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "curdir", "pardir", "sep", "pathsep", "defpath",
           "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "samefile",
           "sameopenfile", "samestat", "commonpath"]


class _Chars:
    """The special characters and strings of a path, as str or as bytes,
    so each function is written once for both."""

    def __init__(self, kind):
        def make(text):
            return text.encode("ascii") if kind is bytes else text
        self.sep = make("\\")
        self.altsep = make("/")
        self.seps = make("\\/")
        self.colon = make(":")
        self.dot = make(".")
        self.dotdot = make("..")
        self.empty = make("")
        self.tilde = make("~")
        self.unc = make("\\\\?\\UNC\\")


_STR = _Chars(str)
_BYTES = _Chars(bytes)


def _chars(path):
    return _BYTES if isinstance(path, bytes) else _STR


def normcase(s):
    """`s` lowercased, with `/` turned into `\\` (Windows compares paths
    without regard to case)."""
    s = os.fspath(s)
    if isinstance(s, bytes):
        return os.fsencode(os.fsdecode(s).replace("/", "\\").lower())
    return s.replace("/", "\\").lower()


def isabs(s):
    """Whether `s` is absolute: it starts with a separator (a UNC or
    device path too, and, as CPython 3.11 still has it, a rooted path
    without a drive like `\\x`) or a drive letter, colon and separator."""
    s = os.fspath(s)
    c = _chars(s)
    head = s[:3].replace(c.altsep, c.sep)
    return head.startswith(c.sep) or head[1:3] == c.colon + c.sep


def splitdrive(p):
    """(drive, rest) with drive + rest == p. The drive is `X:`, a UNC
    share `\\\\server\\share` (up to, not including, the separator after
    the share name), or a device path `\\\\.\\name`, `\\\\?\\name`, or
    `\\\\?\\UNC\\server\\share`; rest starts at the separator after it."""
    p = os.fspath(p)
    if len(p) < 2:
        return p[:0], p
    c = _chars(p)
    flat = p.replace(c.altsep, c.sep)
    if flat[:2] == c.sep * 2:
        # A share: two more components (server and share name, or the
        # device name's two parts) belong to the drive.
        start = 8 if flat[:8].upper() == c.unc else 2
        first = flat.find(c.sep, start)
        if first < 0:
            return p, p[:0]
        second = flat.find(c.sep, first + 1)
        if second < 0:
            return p, p[:0]
        return p[:second], p[second:]
    if flat[1:2] == c.colon:
        return p[:2], p[2:]
    return p[:0], p


def join(path, *paths):
    """Joins components with `\\`. A component with a root (starting
    with a separator) replaces what came before it, except the drive; a
    component with a different drive starts over."""
    path = os.fspath(path)
    c = _chars(path)
    try:
        if not paths:
            # Only to raise CPython's TypeError for a bad lone argument.
            path[:0] + c.sep
        drive, rest = splitdrive(path)
        for part in map(os.fspath, paths):
            part_drive, part_rest = splitdrive(part)
            if part_rest and part_rest[:1] in (c.sep, c.altsep):
                # Rooted: keep our drive unless it brings one.
                if part_drive or not drive:
                    drive = part_drive
                rest = part_rest
                continue
            if part_drive and part_drive != drive:
                if part_drive.lower() != drive.lower():
                    drive, rest = part_drive, part_rest
                    continue
                # The same drive spelt in another case: the new spelling.
                drive = part_drive
            if rest and rest[-1:] not in (c.sep, c.altsep):
                rest = rest + c.sep
            rest = rest + part_rest
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types("join", path, *paths)
        raise
    # A share followed by a relative path still needs its separator.
    if (rest and rest[:1] not in (c.sep, c.altsep)
            and drive and drive[-1:] != c.colon):
        return drive + c.sep + rest
    return drive + rest


def split(p):
    """(head, tail): tail is the last component (empty when `p` ends
    with a separator), head the rest without its trailing separators
    (unless it is only separators), the drive kept on head."""
    p = os.fspath(p)
    c = _chars(p)
    drive, rest = splitdrive(p)
    i = len(rest)
    while i and rest[i - 1:i] not in (c.sep, c.altsep):
        i -= 1
    head, tail = rest[:i], rest[i:]
    head = head.rstrip(c.seps) or head
    return drive + head, tail


def splitext(p):
    """(root, ext): ext is the last dot of the last component and what
    follows, empty when the component has no dot or only leading dots."""
    p = os.fspath(p)
    c = _chars(p)
    return genericpath._splitext(p, c.sep, c.altsep, c.dot)



def basename(p):
    """The last component of `p` (what `split` gives as tail)."""
    return split(p)[1]


def dirname(p):
    """All of `p` but its last component (what `split` gives as head)."""
    return split(p)[0]


def _mode(path):
    try:
        return os.lstat(path).st_mode
    except (OSError, ValueError, AttributeError):
        return None


def islink(path):
    """Whether `path` is a symbolic link."""
    mode = _mode(path)
    return mode is not None and stat.S_ISLNK(mode)


def lexists(path):
    """Whether `path` names something, a broken link included."""
    return _mode(path) is not None


def ismount(path):
    """Whether `path` is a mount point: here only a drive root (`C:\\`)
    or a UNC share's root, as CPython answers without Windows' volume
    API."""
    path = os.fspath(path)
    c = _chars(path)
    path = abspath(path)
    drive, rest = splitdrive(path)
    if drive[:1] in (c.sep, c.altsep):
        return not rest or rest in (c.sep, c.altsep)
    return rest in (c.sep, c.altsep)


def expanduser(path):
    """`~` or `~user` at the start of `path` replaced by a home folder
    taken from USERPROFILE, or HOMEDRIVE and HOMEPATH; `path` unchanged
    when those are not set (as on POSIX). `~user` is guessed as a
    sibling of the current user's home."""
    path = os.fspath(path)
    c = _chars(path)
    if not path.startswith(c.tilde):
        return path
    end = 1
    while end < len(path) and path[end:end + 1] not in (c.sep, c.altsep):
        end += 1
    environ = os.environ
    if "USERPROFILE" in environ:
        home = environ["USERPROFILE"]
    elif "HOMEPATH" in environ:
        home = join(environ.get("HOMEDRIVE", ""), environ["HOMEPATH"])
    else:
        return path
    if isinstance(path, bytes):
        home = os.fsencode(home)
    if end != 1:
        user = path[1:end]
        current = environ.get("USERNAME")
        if current is not None and isinstance(path, bytes):
            current = os.fsencode(current)
        if user != current:
            # Only guessable when the home folder is named after the user.
            if current != basename(home):
                return path
            home = join(dirname(home), user)
    return home + path[end:]


_VAR_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                       "0123456789_-")


def expandvars(path):
    """Environment variables written `%name%`, `$name` or `${name}`
    replaced by their values; unknown ones are left as written. `%%` and
    `$$` stand for one `%` or `$`, and nothing between single quotes is
    expanded."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        if b"$" not in path and b"%" not in path:
            return path
        return os.fsencode(expandvars(os.fsdecode(path)))
    if "$" not in path and "%" not in path:
        return path
    environ = os.environ
    out = []
    i, n = 0, len(path)
    while i < n:
        ch = path[i]
        if ch == "'":
            # Quoted: copied through the closing quote (or to the end).
            close = path.find("'", i + 1)
            if close < 0:
                out.append(path[i:])
                break
            out.append(path[i:close + 1])
            i = close + 1
        elif ch == "%":
            if path[i + 1:i + 2] == "%":
                out.append("%")
                i += 2
                continue
            close = path.find("%", i + 1)
            if close < 0:
                out.append(path[i:])
                break
            name = path[i + 1:close]
            out.append(environ[name] if name in environ else path[i:close + 1])
            i = close + 1
        elif ch == "$":
            after = path[i + 1:i + 2]
            if after == "$":
                out.append("$")
                i += 2
            elif after == "{":
                close = path.find("}", i + 2)
                if close < 0:
                    out.append(path[i:])
                    break
                name = path[i + 2:close]
                out.append(environ[name] if name in environ else path[i:close + 1])
                i = close + 1
            else:
                end = i + 1
                while end < n and path[end] in _VAR_CHARS:
                    end += 1
                name = path[i + 1:end]
                out.append(environ[name] if name in environ else path[i:end])
                i = end
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def normpath(path):
    """`path` with `/` made `\\`, repeated separators and `.` components
    removed and `..` applied to the component before it (a `..` that
    would go above the root is dropped; a leading one in a relative path
    is kept). The empty path becomes `.`."""
    path = os.fspath(path)
    c = _chars(path)
    path = path.replace(c.altsep, c.sep)
    prefix, rest = splitdrive(path)
    if rest.startswith(c.sep):
        prefix += c.sep
        rest = rest.lstrip(c.sep)
    parts = []
    for part in rest.split(c.sep):
        if not part or part == c.dot:
            continue
        if part == c.dotdot:
            if parts and parts[-1] != c.dotdot:
                parts.pop()
                continue
            if not parts and prefix.endswith(c.sep):
                continue    # nothing is above the root
        parts.append(part)
    if not prefix and not parts:
        return c.dot
    return prefix + c.sep.join(parts)


def _cwd(like):
    return os.getcwdb() if isinstance(like, bytes) else os.getcwd()


def abspath(path):
    """`path` made absolute (joined to the current folder when it is
    relative) and normalised."""
    path = os.fspath(path)
    if not isabs(path):
        path = join(_cwd(path), path)
    return normpath(path)


# Without Windows there are no links to resolve (CPython's choice too).
realpath = abspath


def relpath(path, start=None):
    """`path` relative to the folder `start` (the current one by
    default). ValueError when they are on different drives."""
    path = os.fspath(path)
    c = _chars(path)
    if not path:
        raise ValueError("no path specified")
    start = c.dot if start is None else os.fspath(start)
    try:
        start_drive, start_rest = splitdrive(abspath(normpath(start)))
        path_drive, path_rest = splitdrive(abspath(normpath(path)))
        if normcase(start_drive) != normcase(path_drive):
            raise ValueError(f"path is on mount {path_drive!r}, "
                             f"start on mount {start_drive!r}")
        start_parts = [x for x in start_rest.split(c.sep) if x]
        path_parts = [x for x in path_rest.split(c.sep) if x]
        same = 0
        for a, b in zip(start_parts, path_parts):
            if normcase(a) != normcase(b):
                break
            same += 1
        parts = [c.dotdot] * (len(start_parts) - same) + path_parts[same:]
        if not parts:
            return c.dot
        return join(*parts)
    except (TypeError, ValueError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types("relpath", path, start)
        raise


def commonpath(paths):
    """The longest sub-path (whole components, compared without regard
    to case but given as spelt in the first path) shared by every path
    of `paths`. ValueError for an empty sequence, for absolute and
    relative paths mixed, or for different drives."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    c = _chars(paths[0])
    try:
        splits = [splitdrive(p.replace(c.altsep, c.sep).lower()) for p in paths]
        roots = {rest[:1] == c.sep for _, rest in splits}
        if len(roots) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        if len({drive for drive, _ in splits}) != 1:
            raise ValueError("Paths don't have the same drive")
        (rooted,) = roots
        drive, rest = splitdrive(paths[0].replace(c.altsep, c.sep))
        common = [x for x in rest.split(c.sep) if x and x != c.dot]
        lowered = [[x for x in r.split(c.sep) if x and x != c.dot] for _, r in splits]
        low, high = min(lowered), max(lowered)
        length = len(low)
        for i, part in enumerate(low):
            if part != high[i]:
                length = i
                break
        prefix = drive + c.sep if rooted else drive
        return prefix + c.sep.join(common[:length])
    except (TypeError, AttributeError):
        genericpath._check_arg_types("commonpath", *paths)
        raise
