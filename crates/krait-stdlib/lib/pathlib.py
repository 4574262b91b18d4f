"""Object-oriented paths (CPython's `pathlib`, POSIX flavour): the pure
operations on `PurePath`, and `Path`, which reaches the file system through
`os` (and so through the VM's host)."""

import os
import posixpath
import fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


class PurePath:
    """A path as parts: no file-system access."""

    def __new__(cls, *args):
        made = object.__new__(PurePosixPath if cls is PurePath else cls)
        made._init(args)
        return made

    def _init(self, args):
        parts = []
        for arg in args:
            if isinstance(arg, PurePath):
                parts.append(str(arg))
                continue
            arg = os.fspath(arg)
            if not isinstance(arg, str):
                raise TypeError("argument should be a str object or an "
                                "os.PathLike object returning str, not %r"
                                % (type(arg),))
            parts.append(arg)
        path = posixpath.join(*parts) if parts else ""
        root = ""
        if path.startswith("/"):
            # POSIX keeps exactly two leading slashes.
            root = "//" if path.startswith("//") and not path.startswith("///") else "/"
        names = [p for p in path.split("/") if p and p != "."]
        self._root = root
        self._names = names
        # The text, made now: every `stat`, `open` and comparison asks for
        # it, and made on first use it cost an AttributeError raised and
        # caught per path.
        self._str = (root + "/".join(names)) or "."

    @classmethod
    def _from_parts(cls, root, names):
        made = object.__new__(cls)
        made._root, made._names = root, list(names)
        made._str = (root + "/".join(names)) or "."
        return made

    def __str__(self):
        # (Made with the path; made here for a path made otherwise, by a
        # subclass's own `__new__`, say.)
        try:
            return self._str
        except AttributeError:
            self._str = text = (self._root + "/".join(self._names)) or "."
            return text

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __repr__(self):
        return f"{type(self).__name__}({str(self)!r})"

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if isinstance(other, PurePath):
            return str(self) == str(other)
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, PurePath):
            return self.parts < other.parts
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, PurePath):
            return self.parts <= other.parts
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, PurePath):
            return self.parts > other.parts
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, PurePath):
            return self.parts >= other.parts
        return NotImplemented

    def __truediv__(self, key):
        try:
            return self.joinpath(key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)(key, self)
        except TypeError:
            return NotImplemented

    def joinpath(self, *others):
        return type(self)(self, *others)

    @property
    def parts(self):
        if self._root:
            return (self._root,) + tuple(self._names)
        return tuple(self._names)

    @property
    def drive(self):
        return ""

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def name(self):
        return self._names[-1] if self._names else ""

    @property
    def suffix(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[i:]
        return ""

    @property
    def suffixes(self):
        name = self.name
        if name.endswith("."):
            return []
        name = name.lstrip(".")
        return ["." + s for s in name.split(".")[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind(".")
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    @property
    def parent(self):
        if not self._names:
            return self
        return self._from_parts(self._root, self._names[:-1])

    @property
    def parents(self):
        result = []
        path = self
        while path._names:
            path = path.parent
            result.append(path)
        return tuple(result)

    def is_absolute(self):
        return bool(self._root)

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def relative_to(self, *other):
        other = type(self)(*other)
        if other._root != self._root or self._names[:len(other._names)] != other._names:
            raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}"
                             " OR one path is relative and the other is absolute.")
        return self._from_parts("", self._names[len(other._names):])

    def with_name(self, name):
        if not self.name:
            raise ValueError(f"{self!r} has an empty name")
        if not name or "/" in name or name == ".":
            raise ValueError(f"Invalid name {name!r}")
        return self._from_parts(self._root, self._names[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if "/" in suffix or suffix and (not suffix.startswith(".") or suffix == "."):
            raise ValueError(f"Invalid suffix {suffix!r}")
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        old = self.suffix
        name = (name[:-len(old)] if old else name) + suffix
        return self._from_parts(self._root, self._names[:-1] + [name])

    def match(self, pattern):
        """Whether the path matches the glob-style `pattern`, compared
        from the right (the whole path for an absolute pattern)."""
        pieces = [x for x in pattern.split("/") if x and x != "."]
        lead = ""
        if pattern[:1] == "/":
            lead = "//" if pattern[:2] == "//" and pattern[2:3] != "/" \
                else "/"
            pieces.insert(0, lead)
        if not pieces:
            raise ValueError("empty pattern")
        if lead:
            if lead != self._root:
                return False
            mine = self.parts
            if len(pieces) != len(mine):
                return False
            pieces = pieces[1:]
        else:
            mine = self.parts
            if len(pieces) > len(mine):
                return False
        for have, glob in zip(reversed(mine), reversed(pieces)):
            if not fnmatch.fnmatchcase(have, glob):
                return False
        return True


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    """A path of the file system."""

    def __new__(cls, *args, **kwargs):
        made = object.__new__(PosixPath if cls is Path else cls)
        made._init(args)
        return made

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(posixpath.expanduser("~"))

    def absolute(self):
        if self.is_absolute():
            return self
        return type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        """The absolute path, symbolic links resolved; a loop of links is
        a RuntimeError (strict: a missing part is FileNotFoundError)."""

        def check_eloop(e):
            if getattr(e, "errno", None) == 40:
                raise RuntimeError("Symlink loop from %r" % e.filename)

        try:
            s = posixpath.realpath(str(self), strict=strict)
        except OSError as e:
            check_eloop(e)
            raise
        path = type(self)(s)
        if not strict:
            try:
                path.stat()
            except OSError as e:
                check_eloop(e)
        return path

    def expanduser(self):
        return type(self)(posixpath.expanduser(str(self)))

    def stat(self, *, follow_symlinks=True):
        return os.stat(str(self), follow_symlinks=follow_symlinks)

    def lstat(self):
        return self.stat(follow_symlinks=False)

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(str(self), mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        self.chmod(mode, follow_symlinks=False)

    def readlink(self):
        return type(self)(os.readlink(str(self)))

    def symlink_to(self, target, target_is_directory=False):
        os.symlink(os.fspath(target), str(self), target_is_directory)

    def hardlink_to(self, target):
        os.link(os.fspath(target), str(self))

    def is_mount(self):
        return posixpath.ismount(str(self))

    def exists(self):
        return posixpath.exists(str(self))

    def is_file(self):
        return posixpath.isfile(str(self))

    def is_dir(self):
        return posixpath.isdir(str(self))

    def is_symlink(self):
        return posixpath.islink(str(self))

    def iterdir(self):
        for name in os.listdir(str(self)):
            yield self._child(name)

    def _child(self, name):
        return self._from_parts(self._root, self._names + [name])

    def glob(self, pattern):
        parts = [p for p in pattern.split("/") if p and p != "."]
        if not parts:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        if pattern.startswith("/"):
            raise NotImplementedError("Non-relative patterns are unsupported")
        # A pattern ending with `/` matches folders only.
        folders_only = pattern.endswith("/")
        for path in self._glob(parts):
            if not folders_only or path.is_dir():
                yield path

    def _glob(self, parts):
        first, rest = parts[0], parts[1:]
        if first == "**":
            for folder in self._walk():
                if rest:
                    yield from folder._glob(rest)
                else:
                    yield folder
            return
        if not any(c in first for c in "*?["):
            child = self._child(first)
            if rest:
                if child.is_dir():
                    yield from child._glob(rest)
            elif child.exists():
                yield child
            return
        try:
            names = sorted(os.listdir(str(self)))
        except OSError:
            return
        for name in names:
            # Unlike the glob module, pathlib's wildcards match dot-files.
            if fnmatch.fnmatchcase(name, first):
                child = self._child(name)
                if rest:
                    if child.is_dir():
                        yield from child._glob(rest)
                else:
                    yield child

    def _walk(self):
        yield self
        try:
            names = sorted(os.listdir(str(self)))
        except OSError:
            return
        for name in names:
            child = self._child(name)
            if child.is_dir():
                yield from child._walk()

    def rglob(self, pattern):
        return self.glob("**/" + pattern)

    def open(self, mode="r", buffering=-1, encoding=None, errors=None, newline=None):
        return open(str(self), mode, buffering, encoding, errors, newline)

    def read_text(self, encoding=None, errors=None):
        with self.open("r", encoding=encoding, errors=errors) as f:
            return f.read()

    def read_bytes(self):
        with self.open("rb") as f:
            return f.read()

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError("data must be str, not " + type(data).__name__)
        with self.open("w", encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def write_bytes(self, data):
        with self.open("wb") as f:
            return f.write(bytes(data))

    def touch(self, mode=0o666, exist_ok=True):
        """Create the file (`mode` before the umask), or set an existing
        one's times to now."""
        target = str(self)
        if exist_ok:
            try:
                os.utime(target, None)
                return
            except OSError:
                pass
        how = os.O_WRONLY | os.O_CREAT | (0 if exist_ok else os.O_EXCL)
        os.close(os.open(target, how, mode))

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(str(self), mode)
        except FileNotFoundError:
            above = self.parent
            if parents and above != self:
                above.mkdir(parents=True, exist_ok=True)
                self.mkdir(mode, False, exist_ok)
            else:
                raise
        except OSError:
            if exist_ok and self.is_dir():
                return
            raise

    def rmdir(self):
        os.rmdir(str(self))

    def unlink(self, missing_ok=False):
        try:
            os.remove(str(self))
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rename(self, target):
        os.rename(str(self), os.fspath(target))
        return type(self)(target)

    def replace(self, target):
        os.replace(str(self), os.fspath(target))
        return type(self)(target)

    def samefile(self, other):
        return posixpath.samefile(str(self), os.fspath(other))


class PosixPath(Path, PurePosixPath):
    pass
