"""Path operations shared by `posixpath` and `ntpath` (CPython's
`genericpath`): the questions asked of the file system (exists, isfile,
isdir, getsize, get*time, samefile, sameopenfile, samestat) and
`commonprefix`, which is pure string work.

krait's `posixpath` has its own copies of these; `ntpath` takes them from
here. The private helpers `_splitext` and `_check_arg_types` are the ones
both path modules of CPython share, with the same signatures.
"""

import os
import stat

__all__ = ["commonprefix", "exists", "getatime", "getctime", "getmtime",
           "getsize", "isdir", "isfile", "samefile", "sameopenfile",
           "samestat"]


def _mode(path):
    """`path`'s st_mode, or None when it cannot be stat'ed (a bad path, a
    NUL in it, a broken link...), which every is* question answers with
    False."""
    try:
        return os.stat(path).st_mode
    except (OSError, ValueError):
        return None


def exists(path):
    """Whether `path` names an existing file or folder (a broken symbolic
    link does not count)."""
    return _mode(path) is not None


def isfile(path):
    """Whether `path` is a regular file (following symbolic links)."""
    mode = _mode(path)
    return mode is not None and stat.S_ISREG(mode)


def isdir(s):
    """Whether `s` is a folder (following symbolic links)."""
    mode = _mode(s)
    return mode is not None and stat.S_ISDIR(mode)


def getsize(filename):
    """The size of the file, in bytes (OSError when it is not there)."""
    return os.stat(filename).st_size


def getmtime(filename):
    """When the file was last modified, in seconds since the epoch."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """When the file was last read, in seconds since the epoch."""
    return os.stat(filename).st_atime


def getctime(filename):
    """The file's metadata change time, in seconds since the epoch."""
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest leading part common to every item of `m`, character
    by character (so not necessarily a whole path component). Lists or
    tuples of components work too."""
    if not m:
        return ""
    # Lists and tuples are compared item by item and kept as they are.
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    # The smallest and largest items bound every other: their common
    # prefix is everyone's.
    low = min(m)
    high = max(m)
    for i, item in enumerate(low):
        if item != high[i]:
            return low[:i]
    return low


def samestat(s1, s2):
    """Whether two stat results describe the same file."""
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    """Whether two paths name the same file or folder."""
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    """Whether two file descriptors refer to the same file."""
    return samestat(os.fstat(fp1), os.fstat(fp2))


def _splitext(p, sep, altsep, extsep):
    """(root, ext) of `p`: ext starts at the last `extsep` of the last
    component, unless that component is only dots up to it (so '.cshrc'
    and '..' have no extension)."""
    cut = p.rfind(sep)
    if altsep:
        cut = max(cut, p.rfind(altsep))
    dot = p.rfind(extsep)
    if dot > cut:
        name = p[cut + 1:dot]
        if name.strip(extsep):
            return p[:dot], p[dot:]
    return p, p[:0]


def _check_arg_types(funcname, *args):
    """Raise CPython's TypeError for an argument that is not a path, or
    for str and bytes mixed; does nothing when the arguments are fine."""
    has_str = has_bytes = False
    for arg in args:
        if isinstance(arg, str):
            has_str = True
        elif isinstance(arg, bytes):
            has_bytes = True
        else:
            raise TypeError(f"{funcname}() argument must be str, bytes, or "
                            f"os.PathLike object, not {arg.__class__.__name__!r}") from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None
