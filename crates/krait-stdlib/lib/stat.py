"""Reading `os.stat()` results: the indexes of the result tuple, the
file-type and permission bits of `st_mode` (Linux values) with their
tests, `filemode()` (`ls -l`'s "-rw-r--r--"), and the BSD file flags and
Windows file attributes CPython's module defines on every platform."""

# Positions in the stat result as a tuple.
ST_MODE, ST_INO, ST_DEV, ST_NLINK, ST_UID, ST_GID, ST_SIZE = range(7)
ST_ATIME, ST_MTIME, ST_CTIME = 7, 8, 9

# File types: the bits under S_IFMT.
S_IFDIR = 0o040000
S_IFCHR = 0o020000
S_IFBLK = 0o060000
S_IFREG = 0o100000
S_IFIFO = 0o010000
S_IFLNK = 0o120000
S_IFSOCK = 0o140000
# Types of other systems (Solaris doors, event ports, BSD whiteouts).
S_IFDOOR = 0
S_IFPORT = 0
S_IFWHT = 0

_TYPE_BITS = 0o170000


def S_IMODE(mode):
    """The permission bits: what `chmod` sets."""
    return mode & 0o7777


def S_IFMT(mode):
    """The file-type bits."""
    return mode & _TYPE_BITS


def S_ISDIR(mode):
    return mode & _TYPE_BITS == S_IFDIR


def S_ISCHR(mode):
    return mode & _TYPE_BITS == S_IFCHR


def S_ISBLK(mode):
    return mode & _TYPE_BITS == S_IFBLK


def S_ISREG(mode):
    return mode & _TYPE_BITS == S_IFREG


def S_ISFIFO(mode):
    return mode & _TYPE_BITS == S_IFIFO


def S_ISLNK(mode):
    return mode & _TYPE_BITS == S_IFLNK


def S_ISSOCK(mode):
    return mode & _TYPE_BITS == S_IFSOCK


def S_ISDOOR(mode):
    return False


def S_ISPORT(mode):
    return False


def S_ISWHT(mode):
    return False


# Permission bits.
S_ISUID = 0o4000
S_ISGID = 0o2000
S_ENFMT = S_ISGID
S_ISVTX = 0o1000
S_IREAD = 0o400
S_IWRITE = 0o200
S_IEXEC = 0o100
S_IRWXU = 0o700
S_IRUSR = 0o400
S_IWUSR = 0o200
S_IXUSR = 0o100
S_IRWXG = 0o070
S_IRGRP = 0o040
S_IWGRP = 0o020
S_IXGRP = 0o010
S_IRWXO = 0o007
S_IROTH = 0o004
S_IWOTH = 0o002
S_IXOTH = 0o001

# BSD file flags (`st_flags`, `chflags`).
UF_NODUMP = 0x00000001
UF_IMMUTABLE = 0x00000002
UF_APPEND = 0x00000004
UF_OPAQUE = 0x00000008
UF_NOUNLINK = 0x00000010
UF_COMPRESSED = 0x00000020
UF_HIDDEN = 0x00008000
SF_ARCHIVED = 0x00010000
SF_IMMUTABLE = 0x00020000
SF_APPEND = 0x00040000
SF_NOUNLINK = 0x00100000
SF_SNAPSHOT = 0x00200000

# Windows file attributes (`st_file_attributes`).
FILE_ATTRIBUTE_READONLY = 1 << 0
FILE_ATTRIBUTE_HIDDEN = 1 << 1
FILE_ATTRIBUTE_SYSTEM = 1 << 2
FILE_ATTRIBUTE_DIRECTORY = 1 << 4
FILE_ATTRIBUTE_ARCHIVE = 1 << 5
FILE_ATTRIBUTE_DEVICE = 1 << 6
FILE_ATTRIBUTE_NORMAL = 1 << 7
FILE_ATTRIBUTE_TEMPORARY = 1 << 8
FILE_ATTRIBUTE_SPARSE_FILE = 1 << 9
FILE_ATTRIBUTE_REPARSE_POINT = 1 << 10
FILE_ATTRIBUTE_COMPRESSED = 1 << 11
FILE_ATTRIBUTE_OFFLINE = 1 << 12
FILE_ATTRIBUTE_NOT_CONTENT_INDEXED = 1 << 13
FILE_ATTRIBUTE_ENCRYPTED = 1 << 14
FILE_ATTRIBUTE_INTEGRITY_STREAM = 1 << 15
FILE_ATTRIBUTE_VIRTUAL = 1 << 16
FILE_ATTRIBUTE_NO_SCRUB_DATA = 1 << 17

_TYPE_LETTERS = {
    S_IFLNK: "l", S_IFSOCK: "s", S_IFREG: "-", S_IFBLK: "b",
    S_IFDIR: "d", S_IFCHR: "c", S_IFIFO: "p",
}


def _triplet(mode, read, write, execute, special, set_letter):
    """`rwx` for one class of users; the execute place shows the special
    bit (setuid, setgid, sticky) as `set_letter`, capitalised without
    execute permission."""
    text = ("r" if mode & read else "-") + ("w" if mode & write else "-")
    if mode & special:
        return text + (set_letter if mode & execute else set_letter.upper())
    return text + ("x" if mode & execute else "-")


def filemode(mode):
    """`mode` as `ls -l` writes it: the type letter (`?` for none known),
    then the permissions of the owner, the group and the others."""
    return (_TYPE_LETTERS.get(mode & _TYPE_BITS, "?")
            + _triplet(mode, S_IRUSR, S_IWUSR, S_IXUSR, S_ISUID, "s")
            + _triplet(mode, S_IRGRP, S_IWGRP, S_IXGRP, S_ISGID, "s")
            + _triplet(mode, S_IROTH, S_IWOTH, S_IXOTH, S_ISVTX, "t"))
