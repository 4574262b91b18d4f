"""High-level file operations (CPython's `shutil`): copying files and
their metadata, copying, moving and removing trees, `which`,
`get_terminal_size`, `disk_usage`, `chown` and zip archives.

What it leaves out, and why:
- archives other than zip: krait has no `tarfile` (nor bz2/lzma), so
  `make_archive`/`unpack_archive` know only 'zip' (plus any format
  registered at run time);
- the fast copies through `sendfile`/`copy_file_range`: files are copied
  through their file objects, 64 KiB at a time;
- `rmtree` works through paths, not directory descriptors (CPython's
  `_rmtree_safe_fd`): a symbolic link is never followed, but a folder
  swapped for a link during the removal is not detected. `dir_fd` must be
  None;
- audit events (`sys.audit`), Windows-only branches;
- `disk_usage` exists only when `os.statvfs` does, as in CPython.
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

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


class SpecialFileError(OSError):
    """Raised when trying to do a kind of operation (e.g. copying) which
    is not supported on a special file (e.g. a named pipe)"""


class ExecError(OSError):
    """Raised when a command could not be executed"""


class ReadError(OSError):
    """Raised when an archive cannot be read"""


class RegistryError(Exception):
    """Raised when a registry operation with the archiving
    and unpacking registries fails"""


def copyfileobj(fsrc, fdst, length=0):
    """Copies the data of file object `fsrc` to file object `fdst`,
    `length` bytes (default 64 KiB) at a time."""
    if not length:
        length = COPY_BUFSIZE
    read = fsrc.read
    write = fdst.write
    while True:
        chunk = read(length)
        if not chunk:
            break
        write(chunk)


def _is_entry(path):
    return isinstance(path, os.DirEntry)


def _samefile(src, dst):
    if _is_entry(src) and hasattr(os.path, "samestat"):
        try:
            return os.path.samestat(src.stat(), os.stat(dst))
        except OSError:
            return False
    if hasattr(os.path, "samefile"):
        try:
            return os.path.samefile(src, dst)
        except OSError:
            return False
    return (os.path.normcase(os.path.abspath(src))
            == os.path.normcase(os.path.abspath(dst)))


def _stat(path):
    return path.stat() if _is_entry(path) else os.stat(path)


def _islink(path):
    return path.is_symlink() if _is_entry(path) else os.path.islink(path)


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the data of file `src` to file `dst` (made or truncated)
    and returns `dst`; a symbolic link `src` is recreated as a link when
    `follow_symlinks` is false."""
    if _samefile(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for path in (src, dst):
        try:
            st = _stat(path)
        except OSError:
            # dst may well not exist yet.
            continue
        if stat.S_ISFIFO(st.st_mode):
            path = path.path if _is_entry(path) else path
            raise SpecialFileError("`%s` is a named pipe" % path)

    if not follow_symlinks and _islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, "rb") as fsrc:
        try:
            with open(dst, "wb") as fdst:
                copyfileobj(fsrc, fdst)
        except IsADirectoryError as e:
            # Opening "missing/" fails so: name the real problem.
            if not os.path.exists(dst):
                raise FileNotFoundError(f"Directory does not exist: {dst}") from e
            raise
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    """Copies the permission bits of `src` to `dst`."""
    if not follow_symlinks and _islink(src) and os.path.islink(dst):
        # A link's own mode can change only where lchmod exists.
        if not hasattr(os, "lchmod"):
            return
        stat_func, chmod_func = os.lstat, os.lchmod
    else:
        stat_func, chmod_func = _stat, os.chmod
    st = stat_func(src)
    chmod_func(dst, stat.S_IMODE(st.st_mode))


def _nop(*args, ns=None, follow_symlinks=None):
    pass


def copystat(src, dst, *, follow_symlinks=True):
    """Copies the permission bits, access and modification times (and
    flags) of `src` to `dst`; what this system cannot set is skipped."""
    follow = follow_symlinks or not (_islink(src) and os.path.islink(dst))
    if follow:
        def lookup(name):
            return getattr(os, name, _nop)
    else:
        # On links, only the functions that can work on the link itself.
        supported = getattr(os, "supports_follow_symlinks", ())

        def lookup(name):
            function = getattr(os, name, _nop)
            return function if function in supported else _nop

    if _is_entry(src):
        st = src.stat(follow_symlinks=follow)
    else:
        st = lookup("stat")(src, follow_symlinks=follow)
    mode = stat.S_IMODE(st.st_mode)
    lookup("utime")(dst, ns=(st.st_atime_ns, st.st_mtime_ns),
                    follow_symlinks=follow)
    _copyxattr(src, dst, follow_symlinks=follow)
    try:
        lookup("chmod")(dst, mode, follow_symlinks=follow)
    except NotImplementedError:
        # The system cannot change a link's mode: as CPython, ignore it.
        pass
    if hasattr(st, "st_flags"):
        try:
            lookup("chflags")(dst, st.st_flags, follow_symlinks=follow)
        except OSError as why:
            unsupported = [getattr(errno, name) for name in ("EOPNOTSUPP", "ENOTSUP")
                           if hasattr(errno, name)]
            if why.errno not in unsupported:
                raise


def _copyxattr(src, dst, *, follow_symlinks=True):
    """Copies the extended attributes, where the system has them."""
    if not hasattr(os, "listxattr"):
        return
    try:
        names = os.listxattr(src, follow_symlinks=follow_symlinks)
    except OSError as e:
        if e.errno not in (errno.ENOTSUP, errno.ENODATA, errno.EINVAL):
            raise
        return
    for name in names:
        try:
            value = os.getxattr(src, name, follow_symlinks=follow_symlinks)
            os.setxattr(dst, name, value, follow_symlinks=follow_symlinks)
        except OSError as e:
            if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.ENODATA,
                               errno.EINVAL):
                raise


def copy(src, dst, *, follow_symlinks=True):
    """Copies data and mode bits of `src` to `dst` (a folder receives a
    file of the same base name); returns the file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """As `copy`, keeping all the metadata `copystat` copies."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """An `ignore` callable for `copytree`: it ignores the names matching
    any of the glob-style `patterns`."""
    def _ignore_patterns(path, names):
        ignored = []
        for pattern in patterns:
            ignored.extend(fnmatch.filter(names, pattern))
        return set(ignored)
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the folder `src` and all below it to `dst`, made (with its
    parents) unless `dirs_exist_ok`; returns `dst`. The failures of single
    files are gathered and raised at the end as one `Error` whose argument
    is the list of `(src, dst, reason)`."""
    with os.scandir(src) as entries:
        entries = list(entries)
    if ignore is not None:
        ignored_names = ignore(os.fspath(src), [entry.name for entry in entries])
    else:
        ignored_names = set()

    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    # copy and copy2 accept a DirEntry, and so save a stat per file.
    use_entry = copy_function is copy2 or copy_function is copy

    for entry in entries:
        if entry.name in ignored_names:
            continue
        srcname = os.path.join(src, entry.name)
        dstname = os.path.join(dst, entry.name)
        srcobj = entry if use_entry else srcname
        try:
            if entry.is_symlink():
                linkto = os.readlink(srcname)
                if symlinks:
                    os.symlink(linkto, dstname)
                    copystat(srcobj, dstname, follow_symlinks=not symlinks)
                else:
                    # As CPython, a relative target is looked up from the
                    # current folder.
                    if not os.path.exists(linkto) and ignore_dangling_symlinks:
                        continue
                    if entry.is_dir():
                        copytree(srcobj, dstname, symlinks, ignore,
                                 copy_function, ignore_dangling_symlinks,
                                 dirs_exist_ok)
                    else:
                        copy_function(srcobj, dstname)
            elif entry.is_dir():
                copytree(srcobj, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcobj, dstname)
        except Error as err:
            # A failed subtree: its list of errors joins ours.
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None, *, dir_fd=None):
    """Removes the folder `path` and all below it. A failure calls
    `onerror(function, path, exc_info)` and goes on; without `onerror`
    it is raised, unless `ignore_errors`. Symbolic links are removed,
    never followed; `path` itself must not be one."""
    if dir_fd is not None:
        raise NotImplementedError("dir_fd unavailable on this platform")
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        st = os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    try:
        if stat.S_ISLNK(st.st_mode):
            raise OSError("Cannot call rmtree on a symbolic link")
    except OSError:
        onerror(os.path.islink, path, sys.exc_info())
        return
    _rmtree_paths(path, onerror)


def _rmtree_paths(path, onerror):
    try:
        with os.scandir(path) as entries:
            entries = list(entries)
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        entries = []
    for entry in entries:
        fullname = entry.path
        try:
            # A link to a folder is unlinked, not descended into.
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _rmtree_paths(fullname, onerror)
        else:
            try:
                os.unlink(fullname)
            except OSError:
                onerror(os.unlink, fullname, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


# Whether rmtree resists symlink attacks (it works through paths here).
rmtree.avoids_symlink_attacks = False


def _basename(path):
    # "a/b/" names b, where os.path.basename gives "".
    path = os.fspath(path)
    return os.path.basename(path.rstrip(os.path.sep + (os.path.altsep or "")))


def _destinsrc(src, dst):
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.path.sep):
        src += os.path.sep
    if not dst.endswith(os.path.sep):
        dst += os.path.sep
    return dst.startswith(src)


def _is_immutable(src):
    st = _stat(src)
    return getattr(st, "st_flags", 0) in (getattr(stat, "UF_IMMUTABLE", -1),
                                          getattr(stat, "SF_IMMUTABLE", -1))


def move(src, dst, copy_function=copy2):
    """Moves the file or folder `src` to `dst` (into it, when `dst` is a
    folder) and returns the destination: a rename when possible, else a
    copy (`copy_function`, or `copytree`) then a removal."""
    real_dst = dst
    if os.path.isdir(dst):
        if _samefile(src, dst):
            # Only the case of the name changes (case-insensitive systems).
            os.rename(src, dst)
            return
        real_dst = os.path.join(dst, _basename(src))
        if os.path.exists(real_dst):
            raise Error("Destination path '%s' already exists" % real_dst)
    try:
        os.rename(src, real_dst)
    except OSError:
        if os.path.islink(src):
            linkto = os.readlink(src)
            os.symlink(linkto, real_dst)
            os.unlink(src)
        elif os.path.isdir(src):
            if _destinsrc(src, dst):
                raise Error("Cannot move a directory '%s' into itself"
                            " '%s'." % (src, dst))
            if _is_immutable(src):
                raise PermissionError("Cannot move the non-empty directory "
                                      "'%s': Lacking write permission to '%s'."
                                      % (src, src))
            copytree(src, real_dst, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, real_dst)
            os.unlink(src)
    return real_dst


if hasattr(os, "statvfs"):
    _ntuple_diskusage = collections.namedtuple("usage", "total used free")

    def disk_usage(path):
        """The total, used and free space, in bytes, of the file system
        holding `path`, as a named tuple."""
        st = os.statvfs(path)
        free = st.f_bavail * st.f_frsize
        total = st.f_blocks * st.f_frsize
        used = (st.f_blocks - st.f_bfree) * st.f_frsize
        return _ntuple_diskusage(total, used, free)

    __all__.append("disk_usage")


def _get_id(module_name, function, name):
    try:
        module = __import__(module_name)
        return getattr(module, function)(name)[2]
    except (ImportError, KeyError):
        return None


def chown(path, user=None, group=None):
    """Changes the owner and/or group of `path`, given by name or id
    (names need the `pwd`/`grp` modules)."""
    if user is None and group is None:
        raise ValueError("user and/or group must be set")
    uid = gid = -1
    if isinstance(user, str):
        uid = _get_id("pwd", "getpwnam", user)
        if uid is None:
            raise LookupError("no such user: {!r}".format(user))
    elif user is not None:
        uid = user
    if isinstance(group, str):
        gid = _get_id("grp", "getgrnam", group)
        if gid is None:
            raise LookupError("no such group: {!r}".format(group))
    elif group is not None:
        gid = group
    os.chown(path, uid, gid)


def get_terminal_size(fallback=(80, 24)):
    """The terminal's size as `os.terminal_size(columns, lines)`: from
    the COLUMNS and LINES environment variables when positive, else from
    the terminal on standard output, else `fallback`."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            # No stdout, a detached one, or not a terminal.
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


def _access_check(path, mode):
    return os.path.exists(path) and os.access(path, mode) and not os.path.isdir(path)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program `cmd` found along `path` (default: the
    PATH environment variable) with access `mode`, or None. A `cmd` with
    a folder part is only checked, not searched."""
    if os.path.dirname(cmd):
        return cmd if _access_check(cmd, mode) else None
    if path is None:
        path = os.environ.get("PATH", None)
        if path is None:
            try:
                path = os.confstr("CS_PATH")
            except (AttributeError, ValueError):
                path = os.defpath
    if not path:
        return None
    if isinstance(cmd, bytes):
        path = os.fsencode(path).split(os.fsencode(os.pathsep))
    else:
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        path = path.split(os.pathsep)
    seen = set()
    for folder in path:
        normdir = os.path.normcase(folder)
        if normdir not in seen:
            seen.add(normdir)
            name = os.path.join(folder, cmd)
            if _access_check(name, mode):
                return name
    return None


# Archives.

def _make_zipfile(base_name, base_dir, verbose=0, dry_run=0, logger=None,
                  owner=None, group=None, root_dir=None):
    """Makes `base_name`.zip of the tree `base_dir` (relative to
    `root_dir`) and returns its name."""
    import zipfile

    zip_filename = base_name + ".zip"
    archive_dir = os.path.dirname(base_name)
    if archive_dir and not os.path.exists(archive_dir):
        if logger is not None:
            logger.info("creating %s", archive_dir)
        if not dry_run:
            os.makedirs(archive_dir)
    if logger is not None:
        logger.info("creating '%s' and adding '%s' to it",
                    zip_filename, base_dir)
    if not dry_run:
        with zipfile.ZipFile(zip_filename, "w",
                             compression=zipfile.ZIP_DEFLATED) as zf:
            arcname = os.path.normpath(base_dir)
            if root_dir is not None:
                base_dir = os.path.join(root_dir, base_dir)
            base_dir = os.path.normpath(base_dir)
            if arcname != os.curdir:
                zf.write(base_dir, arcname)
                if logger is not None:
                    logger.info("adding '%s'", base_dir)
            for dirpath, dirnames, filenames in os.walk(base_dir):
                arcdirpath = dirpath
                if root_dir is not None:
                    arcdirpath = os.path.relpath(arcdirpath, root_dir)
                arcdirpath = os.path.normpath(arcdirpath)
                for name in sorted(dirnames):
                    path = os.path.join(dirpath, name)
                    zf.write(path, os.path.join(arcdirpath, name))
                    if logger is not None:
                        logger.info("adding '%s'", path)
                for name in filenames:
                    path = os.path.normpath(os.path.join(dirpath, name))
                    if os.path.isfile(path):
                        zf.write(path, os.path.join(arcdirpath, name))
                        if logger is not None:
                            logger.info("adding '%s'", path)
    if root_dir is not None:
        zip_filename = os.path.abspath(zip_filename)
    return zip_filename


# It writes relative to root_dir itself: make_archive need not chdir.
_make_zipfile.supports_root_dir = True

# name -> (function, extra keyword arguments, description)
_ARCHIVE_FORMATS = {
    "zip": (_make_zipfile, [], "ZIP file"),
}


def get_archive_formats():
    """The `(name, description)` of each archive format, sorted."""
    return sorted((name, info[2]) for name, info in _ARCHIVE_FORMATS.items())


def register_archive_format(name, function, extra_args=None, description=""):
    """Registers an archive format: `function(base_name, base_dir,
    **kwargs)` makes it; `extra_args` are `(name, value)` pairs."""
    if extra_args is None:
        extra_args = []
    if not callable(function):
        raise TypeError("The %s object is not callable" % function)
    if not isinstance(extra_args, (tuple, list)):
        raise TypeError("extra_args needs to be a sequence")
    for element in extra_args:
        if not isinstance(element, (tuple, list)) or len(element) != 2:
            raise TypeError("extra_args elements are : (arg_name, value)")
    _ARCHIVE_FORMATS[name] = (function, extra_args, description)


def unregister_archive_format(name):
    del _ARCHIVE_FORMATS[name]


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0,
                 dry_run=0, owner=None, group=None, logger=None):
    """Makes an archive of `base_dir` (default: all of `root_dir`, itself
    the current folder by default) named `base_name` plus the format's
    extension; returns the archive's name."""
    try:
        function, extra_args, _ = _ARCHIVE_FORMATS[format]
    except KeyError:
        raise ValueError("unknown archive format '%s'" % format) from None
    kwargs = {"dry_run": dry_run, "logger": logger, "owner": owner,
              "group": group}
    for arg, value in extra_args:
        kwargs[arg] = value
    if base_dir is None:
        base_dir = os.curdir

    save_cwd = None
    if root_dir is not None:
        if not stat.S_ISDIR(os.stat(root_dir).st_mode):
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", root_dir)
        if getattr(function, "supports_root_dir", False):
            base_name = os.fspath(base_name)
            kwargs["root_dir"] = root_dir
        else:
            save_cwd = os.getcwd()
            base_name = os.path.abspath(base_name)
            if not dry_run:
                os.chdir(root_dir)
    try:
        return function(base_name, base_dir, **kwargs)
    finally:
        if save_cwd is not None:
            os.chdir(save_cwd)


def _ensure_directory(path):
    dirname = os.path.dirname(path)
    if not os.path.isdir(dirname):
        os.makedirs(dirname)


def _unpack_zipfile(filename, extract_dir):
    """Unpacks the zip `filename` into `extract_dir`, skipping members
    with an absolute path or a `..`."""
    import zipfile

    if not zipfile.is_zipfile(filename):
        raise ReadError("%s is not a zip file" % filename)
    with zipfile.ZipFile(filename) as archive:
        for info in archive.infolist():
            name = info.filename
            if name.startswith("/") or ".." in name:
                continue
            targetpath = os.path.join(extract_dir, *name.split("/"))
            if not targetpath:
                continue
            _ensure_directory(targetpath)
            if not name.endswith("/"):
                with archive.open(name, "r") as source, \
                        open(targetpath, "wb") as target:
                    copyfileobj(source, target)


# name -> (extensions, function, extra keyword arguments, description)
_UNPACK_FORMATS = {
    "zip": ([".zip"], _unpack_zipfile, [], "ZIP file"),
}


def get_unpack_formats():
    """The `(name, extensions, description)` of each unpack format,
    sorted."""
    return sorted((name, info[0], info[3]) for name, info in _UNPACK_FORMATS.items())


def _check_unpack_options(extensions, function, extra_args):
    owners = {}
    for name, info in _UNPACK_FORMATS.items():
        for extension in info[0]:
            owners[extension] = name
    for extension in extensions:
        if extension in owners:
            raise RegistryError('%s is already registered for "%s"'
                                % (extension, owners[extension]))
    if not callable(function):
        raise TypeError("The registered function must be a callable")


def register_unpack_format(name, extensions, function, extra_args=None,
                           description=""):
    """Registers an unpack format for the file name `extensions`:
    `function(filename, extract_dir, **kwargs)` unpacks it."""
    if extra_args is None:
        extra_args = []
    _check_unpack_options(extensions, function, extra_args)
    _UNPACK_FORMATS[name] = extensions, function, extra_args, description


def unregister_unpack_format(name):
    del _UNPACK_FORMATS[name]


def _find_unpack_format(filename):
    for name, info in _UNPACK_FORMATS.items():
        for extension in info[0]:
            if filename.endswith(extension):
                return name
    return None


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    """Unpacks the archive `filename` into `extract_dir` (default: the
    current folder); the format comes from the file name's extension
    unless given. `filter` is passed on to the unpacker (tar's; zip takes
    none)."""
    if extract_dir is None:
        extract_dir = os.getcwd()
    extract_dir = os.fspath(extract_dir)
    filename = os.fspath(filename)
    filter_kwargs = {} if filter is None else {"filter": filter}
    if format is None:
        format = _find_unpack_format(filename)
        if format is None:
            raise ReadError("Unknown archive format '{0}'".format(filename))
    else:
        if format not in _UNPACK_FORMATS:
            raise ValueError("Unknown unpack format '{0}'".format(format))
    _, function, extra_args, _ = _UNPACK_FORMATS[format]
    function(filename, extract_dir, **dict(extra_args), **filter_kwargs)
