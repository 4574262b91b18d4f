"""krait's `shutil`: copying files and their metadata, copying, moving
and deleting whole trees, `which`, `disk_usage`, `chown`,
`get_terminal_size`, and archives.

Limits compared with CPython:
- only the 'zip' archive format is built in (krait has no `tarfile`);
  formats registered at run time work as usual;
- file data is copied through file objects in COPY_BUFSIZE chunks (no
  `sendfile`/`copy_file_range` fast paths);
- `rmtree` walks by path rather than by directory descriptor: links are
  never followed, but a directory swapped for a link mid-removal is not
  detected (`rmtree.avoids_symlink_attacks` is False); `dir_fd` must be
  None;
- no audit events and no Windows-specific branches;
- `disk_usage` is defined only where `os.statvfs` exists.
"""

import os
import sys
import stat
import fnmatch
import collections
import errno

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy",
           "copy2", "copytree", "move", "rmtree", "Error",
           "SpecialFileError", "ExecError", "make_archive",
           "get_archive_formats", "register_archive_format",
           "unregister_archive_format", "get_unpack_formats",
           "register_unpack_format", "unregister_unpack_format",
           "unpack_archive", "ignore_patterns", "chown", "which",
           "get_terminal_size", "SameFileError"]

COPY_BUFSIZE = 65536


class Error(OSError):
    pass


class SameFileError(Error):
    """Source and destination are one and the same file."""


class SpecialFileError(OSError):
    """The operation is not supported on a special file (such as a named
    pipe)."""


class ExecError(OSError):
    """A command could not be run."""


class ReadError(OSError):
    """An archive could not be read."""


class RegistryError(Exception):
    """An archive-format registry operation failed."""


# ---------------------------------------------------------------------------
# Small helpers over paths that may also be os.DirEntry objects


def _entry(path):
    return isinstance(path, os.DirEntry)


def _stat(path):
    if _entry(path):
        return path.stat()
    return os.stat(path)


def _islink(path):
    if _entry(path):
        return path.is_symlink()
    return os.path.islink(path)


def _display(path):
    return path.path if _entry(path) else path


def _samefile(src, dst):
    """Whether src and dst name the same file (False when unsure)."""
    try:
        if _entry(src) and hasattr(os.path, "samestat"):
            return os.path.samestat(src.stat(), os.stat(dst))
        if hasattr(os.path, "samefile"):
            return os.path.samefile(src, dst)
    except OSError:
        return False
    left = os.path.normcase(os.path.abspath(src))
    return left == os.path.normcase(os.path.abspath(dst))


# ---------------------------------------------------------------------------
# Copying files


def copyfileobj(fsrc, fdst, length=0):
    """Copy data from file object fsrc to file object fdst, in chunks of
    `length` bytes (COPY_BUFSIZE when 0)."""
    size = length or COPY_BUFSIZE
    pull, push = fsrc.read, fdst.write
    chunk = pull(size)
    while chunk:
        push(chunk)
        chunk = pull(size)


def _refuse_pipes(*paths):
    for candidate in paths:
        try:
            mode = _stat(candidate).st_mode
        except OSError:
            # The destination need not exist yet.
            continue
        if stat.S_ISFIFO(mode):
            raise SpecialFileError(f"`{_display(candidate)}` is a named pipe")


def copyfile(src, dst, *, follow_symlinks=True):
    """Copy the contents of file src to dst (created or truncated) and
    return dst. With follow_symlinks false a link src is copied as a new
    link."""
    if _samefile(src, dst):
        raise SameFileError(f"{src!r} and {dst!r} are the same file")
    _refuse_pipes(src, dst)
    if not follow_symlinks:
        if _islink(src):
            os.symlink(os.readlink(src), dst)
            return dst
    with open(src, "rb") as reader:
        try:
            writer = open(dst, "wb")
        except IsADirectoryError as problem:
            # "missing/" fails this way: report the missing folder.
            if os.path.exists(dst):
                raise
            raise FileNotFoundError(f"Directory does not exist: {dst}") from problem
        with writer:
            copyfileobj(reader, writer)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copy the permission bits of src to dst."""
    on_links = (not follow_symlinks) and _islink(src) and os.path.islink(dst)
    if on_links:
        # Only systems with lchmod can change a link's own mode.
        lchmod = getattr(os, "lchmod", None)
        if lchmod is None:
            return
        bits = stat.S_IMODE(os.lstat(src).st_mode)
        lchmod(dst, bits)
        return
    bits = stat.S_IMODE(_stat(src).st_mode)
    os.chmod(dst, bits)


def _nop(*args, ns=None, follow_symlinks=None):
    pass


def _metadata_function(name, follow):
    """os.`name`, or a no-op when this system lacks it (or, for a link,
    when it cannot act on the link itself)."""
    function = getattr(os, name, None)
    if function is None:
        return _nop
    if not follow and function not in getattr(os, "supports_follow_symlinks", ()):
        return _nop
    return function


_UNSUPPORTED_FLAG_ERRORS = tuple(getattr(errno, code) for code in
                                 ("EOPNOTSUPP", "ENOTSUP") if hasattr(errno, code))


def copystat(src, dst, *, follow_symlinks=True):
    """Copy permission bits, last access and modification times and
    flags from src to dst; whatever the system cannot set is skipped."""
    follow = follow_symlinks or not (_islink(src) and os.path.islink(dst))
    if _entry(src):
        info = src.stat(follow_symlinks=follow)
    else:
        info = _metadata_function("stat", follow)(src, follow_symlinks=follow)
    times = (info.st_atime_ns, info.st_mtime_ns)
    _metadata_function("utime", follow)(dst, ns=times, follow_symlinks=follow)
    _copyxattr(src, dst, follow_symlinks=follow)
    try:
        _metadata_function("chmod", follow)(dst, stat.S_IMODE(info.st_mode),
                                            follow_symlinks=follow)
    except NotImplementedError:
        # A link's mode cannot be changed here: ignored, as in CPython.
        pass
    flags = getattr(info, "st_flags", None)
    if flags is None:
        return
    try:
        _metadata_function("chflags", follow)(dst, flags, follow_symlinks=follow)
    except OSError as problem:
        if problem.errno not in _UNSUPPORTED_FLAG_ERRORS:
            raise


def _copyxattr(src, dst, *, follow_symlinks=True):
    """Copy extended attributes where the system supports them."""
    if not hasattr(os, "listxattr"):
        return
    quiet_list = (errno.ENOTSUP, errno.ENODATA, errno.EINVAL)
    quiet_copy = (errno.EPERM,) + quiet_list
    try:
        attributes = os.listxattr(src, follow_symlinks=follow_symlinks)
    except OSError as problem:
        if problem.errno in quiet_list:
            return
        raise
    for attribute in attributes:
        try:
            data = os.getxattr(src, attribute, follow_symlinks=follow_symlinks)
            os.setxattr(dst, attribute, data, follow_symlinks=follow_symlinks)
        except OSError as problem:
            if problem.errno not in quiet_copy:
                raise


def _into_folder(src, dst):
    if os.path.isdir(dst):
        return os.path.join(dst, os.path.basename(src))
    return dst


def copy(src, dst, *, follow_symlinks=True):
    """Copy data and permission bits of src to dst (into it, when dst is
    a folder); return the new file's path."""
    target = _into_folder(src, dst)
    copyfile(src, target, follow_symlinks=follow_symlinks)
    copymode(src, target, follow_symlinks=follow_symlinks)
    return target


def copy2(src, dst, *, follow_symlinks=True):
    """Like copy(), but keeping all the metadata copystat() handles."""
    target = _into_folder(src, dst)
    copyfile(src, target, follow_symlinks=follow_symlinks)
    copystat(src, target, follow_symlinks=follow_symlinks)
    return target


# ---------------------------------------------------------------------------
# Trees


def ignore_patterns(*patterns):
    """Build an `ignore` callable for copytree() that skips the names
    matching any of the glob-style patterns."""
    def _ignore_patterns(path, names):
        skipped = set()
        for pattern in patterns:
            skipped.update(fnmatch.filter(names, pattern))
        return skipped
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Recursively copy the folder src to dst and return dst. dst (and its
    parents) is created; it may already exist only with dirs_exist_ok.
    Failures of single entries are collected and raised together at the
    end as Error([(src, dst, reason), ...])."""
    with os.scandir(src) as listing:
        children = list(listing)
    skip = set()
    if ignore is not None:
        skip = ignore(os.fspath(src), [child.name for child in children])
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    # copy and copy2 accept a DirEntry, which spares them a stat call.
    pass_entries = copy_function in (copy2, copy)
    options = (symlinks, ignore, copy_function, ignore_dangling_symlinks,
               dirs_exist_ok)
    failures = []
    for child in children:
        if child.name in skip:
            continue
        from_path = os.path.join(src, child.name)
        to_path = os.path.join(dst, child.name)
        source = child if pass_entries else from_path
        try:
            _copy_tree_entry(child, source, from_path, to_path, options)
        except Error as nested:
            # A subtree's own list of failures joins ours.
            failures += nested.args[0]
        except OSError as problem:
            failures.append((from_path, to_path, str(problem)))
    try:
        copystat(src, dst)
    except OSError as problem:
        failures.append((src, dst, str(problem)))
    if failures:
        raise Error(failures)
    return dst


def _copy_tree_entry(child, source, from_path, to_path, options):
    keep_links, _, copier, skip_dangling, _ = options
    if child.is_symlink():
        link_target = os.readlink(from_path)
        if keep_links:
            os.symlink(link_target, to_path)
            copystat(source, to_path, follow_symlinks=not keep_links)
            return
        # As in CPython, a relative target is checked from the current
        # working directory.
        if skip_dangling and not os.path.exists(link_target):
            return
    if child.is_dir():
        copytree(source, to_path, *options)
    else:
        copier(source, to_path)


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Delete the folder `path` and everything below it. Each failure is
    passed to onerror(function, path, exc_info); without onerror it is
    raised, unless ignore_errors. Links are deleted, never followed, and
    `path` itself must not be one."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    if ignore_errors:
        def report(function, failed, exc_info):
            pass
    elif onerror is None:
        def report(function, failed, exc_info):
            raise exc_info[1]
    else:
        report = onerror
    try:
        top = os.lstat(path)
    except OSError:
        report(os.lstat, path, sys.exc_info())
        return
    if stat.S_ISLNK(top.st_mode):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError:
            report(os.path.islink, path, sys.exc_info())
        return
    _rmtree_walk(path, report)


def _rmtree_walk(folder, report):
    children = []
    try:
        with os.scandir(folder) as listing:
            children = list(listing)
    except OSError:
        report(os.scandir, folder, sys.exc_info())
    for child in children:
        try:
            # A link to a folder is unlinked, not entered.
            descend = child.is_dir(follow_symlinks=False)
        except OSError:
            descend = False
        if descend:
            _rmtree_walk(child.path, report)
            continue
        try:
            os.unlink(child.path)
        except OSError:
            report(os.unlink, child.path, sys.exc_info())
    try:
        os.rmdir(folder)
    except OSError:
        report(os.rmdir, folder, sys.exc_info())


rmtree.avoids_symlink_attacks = False


def _basename(path):
    # For "a/b/" this is "b", where os.path.basename gives "".
    path = os.fspath(path)
    separators = os.path.sep + (os.path.altsep or "")
    return os.path.basename(path.rstrip(separators))


def _destinsrc(src, dst):
    def as_folder(name):
        full = os.path.abspath(name)
        return full if full.endswith(os.path.sep) else full + os.path.sep
    return as_folder(dst).startswith(as_folder(src))


def _is_immutable(src):
    flags = getattr(_stat(src), "st_flags", 0)
    markers = (getattr(stat, "UF_IMMUTABLE", -1), getattr(stat, "SF_IMMUTABLE", -1))
    return flags in markers


def move(src, dst, copy_function=copy2):
    """Move the file or folder src to dst (into dst when it is a folder)
    and return the destination: renamed where possible, otherwise copied
    (copy_function or copytree) and then deleted."""
    destination = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            # Only the case of the name differs (case-insensitive systems).
            os.rename(src, dst)
            return None
        destination = os.path.join(dst, _basename(src))
        if os.path.exists(destination):
            raise Error(f"Destination path '{destination}' already exists")
    try:
        os.rename(src, destination)
        return destination
    except OSError:
        pass
    if os.path.islink(src):
        os.symlink(os.readlink(src), destination)
        os.unlink(src)
    elif os.path.isdir(src):
        if _destinsrc(src, dst):
            raise Error(f"Cannot move a directory '{src}' into itself '{dst}'.")
        if _is_immutable(src):
            raise PermissionError(f"Cannot move the non-empty directory '{src}': "
                                  f"Lacking write permission to '{src}'.")
        copytree(src, destination, copy_function=copy_function, symlinks=True)
        rmtree(src)
    else:
        copy_function(src, destination)
        os.unlink(src)
    return destination


# ---------------------------------------------------------------------------
# System information


if hasattr(os, "statvfs"):
    _ntuple_diskusage = collections.namedtuple("usage", "total used free")

    def disk_usage(path):
        """Total, used and free bytes of the file system holding `path`,
        as a named tuple (total, used, free)."""
        vfs = os.statvfs(path)
        unit = vfs.f_frsize
        return _ntuple_diskusage(vfs.f_blocks * unit,
                                 (vfs.f_blocks - vfs.f_bfree) * unit,
                                 vfs.f_bavail * unit)

    __all__.append("disk_usage")


def _lookup_id(module_name, getter, name):
    try:
        database = __import__(module_name)
        return getattr(database, getter)(name)[2]
    except (ImportError, KeyError):
        return None


def chown(path, user=None, group=None):
    """Change the owner user and/or group of `path`; each may be a name
    (looked up with pwd/grp) or a numeric id."""
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    uid = gid = -1
    if isinstance(user, str):
        uid = _lookup_id("pwd", "getpwnam", user)
        if uid is None:
            raise LookupError(f"no such user: {user!r}")
    elif user is not None:
        uid = user
    if isinstance(group, str):
        gid = _lookup_id("grp", "getgrnam", group)
        if gid is None:
            raise LookupError(f"no such group: {group!r}")
    elif group is not None:
        gid = group
    os.chown(path, uid, gid)


def _positive_env(name):
    try:
        return int(os.environ[name])
    except (KeyError, ValueError):
        return 0


def get_terminal_size(fallback=(80, 24)):
    """The terminal window size as os.terminal_size(columns, lines):
    COLUMNS and LINES from the environment when positive, otherwise the
    terminal attached to sys.__stdout__, otherwise `fallback`."""
    width = _positive_env("COLUMNS")
    height = _positive_env("LINES")
    if width > 0 and height > 0:
        return os.terminal_size((width, height))
    try:
        measured = os.get_terminal_size(sys.__stdout__.fileno())
    except (AttributeError, ValueError, OSError):
        # No stdout, a closed one, or not a terminal.
        measured = os.terminal_size(fallback)
    if width <= 0:
        width = measured.columns or fallback[0]
    if height <= 0:
        height = measured.lines or fallback[1]
    return os.terminal_size((width, height))


def _access_check(path, mode):
    if not os.path.exists(path) or os.path.isdir(path):
        return False
    return os.access(path, mode)


def _search_path(cmd, path):
    """The folders `which` looks through, as a list of the same string
    type as cmd (or None when there are none)."""
    if path is None:
        path = os.environ.get("PATH")
        if path is None:
            try:
                path = os.confstr("CS_PATH")
            except (AttributeError, ValueError):
                path = os.defpath
    if not path:
        return None
    if isinstance(cmd, bytes):
        return os.fsencode(path).split(os.fsencode(os.pathsep))
    return os.fsdecode(path).split(os.pathsep)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """Path of the executable `cmd` looked up along `path` (by default
    the PATH environment variable), or None. A cmd with a directory part
    is checked as given, not searched for."""
    if os.path.dirname(cmd):
        return cmd if _access_check(cmd, mode) else None
    folders = _search_path(cmd, path)
    if folders is None:
        return None
    visited = set()
    for folder in folders:
        key = os.path.normcase(folder)
        if key in visited:
            continue
        visited.add(key)
        candidate = os.path.join(folder, cmd)
        if _access_check(candidate, mode):
            return candidate
    return None


# ---------------------------------------------------------------------------
# Archives


def _log(logger, message, *args):
    if logger is not None:
        logger.info(message, *args)


def _make_zipfile(base_name, base_dir, verbose=0, dry_run=0, logger=None,
                  owner=None, group=None, root_dir=None):
    """Write base_name + '.zip' holding the tree base_dir (taken relative
    to root_dir when given); return the archive's file name."""
    import zipfile

    archive_name = base_name + ".zip"
    parent = os.path.dirname(base_name)
    if parent and not os.path.exists(parent):
        _log(logger, "creating %s", parent)
        if not dry_run:
            os.makedirs(parent)
    _log(logger, "creating '%s' and adding '%s' to it", archive_name, base_dir)
    if not dry_run:
        with zipfile.ZipFile(archive_name, "w",
                             compression=zipfile.ZIP_DEFLATED) as archive:
            _fill_zip(archive, base_dir, root_dir, logger)
    if root_dir is not None:
        archive_name = os.path.abspath(archive_name)
    return archive_name


def _fill_zip(archive, base_dir, root_dir, logger):
    top_name = os.path.normpath(base_dir)
    on_disk = base_dir if root_dir is None else os.path.join(root_dir, base_dir)
    on_disk = os.path.normpath(on_disk)
    if top_name != os.curdir:
        archive.write(on_disk, top_name)
        _log(logger, "adding '%s'", on_disk)
    for here, subfolders, files in os.walk(on_disk):
        inside = here if root_dir is None else os.path.relpath(here, root_dir)
        inside = os.path.normpath(inside)
        for name in sorted(subfolders):
            full = os.path.join(here, name)
            archive.write(full, os.path.join(inside, name))
            _log(logger, "adding '%s'", full)
        for name in files:
            full = os.path.normpath(os.path.join(here, name))
            if os.path.isfile(full):
                archive.write(full, os.path.join(inside, name))
                _log(logger, "adding '%s'", full)


# The zip writer works relative to root_dir: no chdir is needed for it.
_make_zipfile.supports_root_dir = True

# format name -> (function, extra keyword arguments, description)
_ARCHIVE_FORMATS = {"zip": (_make_zipfile, [], "ZIP file")}


def get_archive_formats():
    """Sorted list of (name, description) of the archive formats."""
    listing = [(name, entry[2]) for name, entry in _ARCHIVE_FORMATS.items()]
    listing.sort()
    return listing


def _check_extra_args(extra_args):
    if not isinstance(extra_args, (tuple, list)):
        raise TypeError("extra_args needs to be a sequence")
    for pair in extra_args:
        if isinstance(pair, (tuple, list)) and len(pair) == 2:
            continue
        raise TypeError("extra_args elements are : (arg_name, value)")


def register_archive_format(name, function, extra_args=None, description=""):
    """Register an archive format: function(base_name, base_dir, **kw)
    writes it; extra_args is a sequence of (name, value) keyword pairs."""
    extra_args = [] if extra_args is None else extra_args
    if not callable(function):
        raise TypeError(f"The {function} object is not callable")
    _check_extra_args(extra_args)
    _ARCHIVE_FORMATS[name] = (function, extra_args, description)


def unregister_archive_format(name):
    del _ARCHIVE_FORMATS[name]


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0,
                 dry_run=0, owner=None, group=None, logger=None):
    """Create an archive of base_dir (by default everything under root_dir,
    itself the current folder by default) named base_name plus the
    format's extension, and return its name."""
    if format not in _ARCHIVE_FORMATS:
        raise ValueError(f"unknown archive format '{format}'")
    maker, extra, _ = _ARCHIVE_FORMATS[format]
    options = dict(dry_run=dry_run, logger=logger, owner=owner, group=group)
    options.update(extra)
    if base_dir is None:
        base_dir = os.curdir
    previous_cwd = None
    if root_dir is not None:
        if not stat.S_ISDIR(os.stat(root_dir).st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", root_dir)
        if getattr(maker, "supports_root_dir", False):
            base_name = os.fspath(base_name)
            options["root_dir"] = root_dir
        else:
            previous_cwd = os.getcwd()
            if logger is not None:
                logger.debug("changing into '%s'", root_dir)
            base_name = os.path.abspath(base_name)
            if not dry_run:
                os.chdir(root_dir)
    try:
        return maker(base_name, base_dir, **options)
    finally:
        if previous_cwd is not None:
            if logger is not None:
                logger.debug("changing back to '%s'", previous_cwd)
            os.chdir(previous_cwd)


def _ensure_directory(path):
    parent = os.path.dirname(path)
    if not os.path.isdir(parent):
        os.makedirs(parent)


def _unpack_zipfile(filename, extract_dir):
    """Extract the zip `filename` into extract_dir; members with an
    absolute name or a '..' are skipped."""
    import zipfile

    if not zipfile.is_zipfile(filename):
        raise ReadError(f"{filename} is not a zip file")
    with zipfile.ZipFile(filename) as archive:
        for member in archive.infolist():
            name = member.filename
            if name.startswith("/") or ".." in name:
                continue
            target = os.path.join(extract_dir, *name.split("/"))
            if not target:
                continue
            _ensure_directory(target)
            if name.endswith("/"):
                continue
            with archive.open(name, "r") as source, open(target, "wb") as sink:
                copyfileobj(source, sink)


# format name -> (extensions, function, extra keyword arguments, description)
_UNPACK_FORMATS = {"zip": ([".zip"], _unpack_zipfile, [], "ZIP file")}


def get_unpack_formats():
    """Sorted list of (name, extensions, description) of the unpack
    formats."""
    listing = [(name, entry[0], entry[3]) for name, entry in _UNPACK_FORMATS.items()]
    listing.sort()
    return listing


def _extension_owners():
    owners = {}
    for name, entry in _UNPACK_FORMATS.items():
        for suffix in entry[0]:
            owners[suffix] = name
    return owners


def _check_unpack_options(extensions, function, extra_args):
    owners = _extension_owners()
    for suffix in extensions:
        if suffix in owners:
            raise RegistryError(f'{suffix} is already registered for "{owners[suffix]}"')
    if not callable(function):
        raise TypeError("The registered function must be a callable")


def register_unpack_format(name, extensions, function, extra_args=None,
                           description=""):
    """Register an unpack format for files ending in one of `extensions`:
    function(filename, extract_dir, **kw) unpacks it."""
    extra_args = [] if extra_args is None else extra_args
    _check_unpack_options(extensions, function, extra_args)
    _UNPACK_FORMATS[name] = extensions, function, extra_args, description


def unregister_unpack_format(name):
    del _UNPACK_FORMATS[name]


def _find_unpack_format(filename):
    for name, entry in _UNPACK_FORMATS.items():
        if any(filename.endswith(suffix) for suffix in entry[0]):
            return name
    return None


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    """Unpack the archive `filename` into extract_dir (by default the
    current folder); the format is guessed from the file name unless
    given. `filter` is handed on to the unpacker."""
    extract_dir = os.fspath(os.getcwd() if extract_dir is None else extract_dir)
    filename = os.fspath(filename)
    if format is None:
        format = _find_unpack_format(filename)
        if format is None:
            raise ReadError(f"Unknown archive format '{filename}'")
    elif format not in _UNPACK_FORMATS:
        raise ValueError(f"Unknown unpack format '{format}'")
    unpacker, extra = _UNPACK_FORMATS[format][1:3]
    options = dict(extra)
    if filter is not None:
        options["filter"] = filter
    unpacker(filename, extract_dir, **options)
