"""The metadata of installed distribution packages (CPython 3.11's
`importlib.metadata`).

Distributions are found as `NAME-VERSION.dist-info` and `NAME.egg-info`
folders (or `.egg-info` files) in the folders of `sys.path` (or of the
`path` given to `distributions(path=...)`), and in zip archives on it, plus
what any `sys.meta_path` finder with a `find_distributions` method gives.
Names match as CPython matches them: case-insensitively, with runs of
`-`, `_` and `.` equivalent. Provided: distribution, distributions,
version, metadata, requires (Requires-Dist, or an egg's requires.txt
turned into markers), files (PackagePath entries of RECORD or an egg's
SOURCES.txt, with FileHash and size), entry_points (SelectableGroups, the
3.11 dict-like result, or EntryPoints when selection parameters are
given), packages_distributions, EntryPoint (load, module, attr, extras,
matches, dist), Distribution.at/from_name/discover, DistributionFinder and
MetadataPathFinder, with CPython's deprecation warnings on the old
tuple/list/dict interfaces.

krait has no `email` package: the metadata is parsed by a small RFC 822
header reader (`_Message`: `msg[key]`, get, get_all, keys, values, items,
`in`, len, iteration, `json`; a body after the headers becomes the
Description, multi-line values are dedented as CPython does). Left out:
the rest of `email.message.Message` (as_string, set_payload, policies...)
and the caching of folder listings between calls.
"""

import abc
import collections
import csv
import functools
import itertools
import operator
import os
import pathlib
import posixpath
import re
import sys
import textwrap
import warnings
from importlib import import_module
from importlib.abc import MetaPathFinder

__all__ = [
    "Distribution", "DistributionFinder", "PackageMetadata",
    "PackageNotFoundError", "distribution", "distributions",
    "entry_points", "files", "metadata", "packages_distributions",
    "requires", "version",
]


class PackageNotFoundError(ModuleNotFoundError):
    """The package was not found."""

    def __str__(self):
        return f"No package metadata was found for {self.name}"

    @property
    def name(self):
        (name,) = self.args
        return name


class _Pair(collections.namedtuple("Pair", "name value")):
    @classmethod
    def parse(cls, text):
        return cls(*map(str.strip, text.split("=", 1)))


Pair = _Pair


class Sectioned:
    """A reader of the `[section]` / `key = value` files of distributions
    (entry_points.txt, requires.txt): blank lines and `#` comments are
    skipped."""

    @classmethod
    def section_pairs(cls, text):
        return (
            section._replace(value=Pair.parse(section.value))
            for section in cls.read(text, filter_=cls.valid)
            if section.name is not None
        )

    @staticmethod
    def read(text, filter_=None):
        lines = filter(filter_, map(str.strip, text.splitlines()))
        name = None
        for value in lines:
            if value.startswith("[") and value.endswith("]"):
                name = value.strip("[]")
                continue
            yield Pair(name, value)

    @staticmethod
    def valid(line):
        return line and not line.startswith("#")


class DeprecatedTuple:
    """Index access to an EntryPoint's (name, value, group), deprecated."""

    def _warn(self):
        warnings.warn("EntryPoint tuple interface is deprecated. Access "
                      "members by name.", DeprecationWarning, stacklevel=3)

    def __getitem__(self, item):
        self._warn()
        return self._key()[item]


class EntryPoint(DeprecatedTuple):
    """An entry point: `name = module.path:object.attr [extra1, extra2]`
    in the group (section) `group` of a distribution's entry_points.txt."""

    pattern = re.compile(
        r"(?P<module>[\w.]+)\s*"
        r"(:\s*(?P<attr>[\w.]+)\s*)?"
        r"((?P<extras>\[.*\])\s*)?$"
    )

    dist = None

    def __init__(self, name, value, group):
        vars(self).update(name=name, value=value, group=group)

    def load(self):
        """The module named by the value, or the object it names in it."""
        match = self.pattern.match(self.value)
        module = import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs, module)

    @property
    def module(self):
        return self.pattern.match(self.value).group("module")

    @property
    def attr(self):
        return self.pattern.match(self.value).group("attr")

    @property
    def extras(self):
        match = self.pattern.match(self.value)
        return re.findall(r"\w+", match.group("extras") or "")

    def _for(self, dist):
        vars(self).update(dist=dist)
        return self

    def __iter__(self):
        warnings.warn("Construction of dict of EntryPoints is deprecated in "
                      "favor of EntryPoints.", DeprecationWarning)
        return iter((self.name, self))

    def matches(self, **params):
        """Whether every given attribute (name, group, value, module,
        attr, extras...) equals the given value."""
        return all(getattr(self, key) == value for key, value in params.items())

    def _key(self):
        return self.name, self.value, self.group

    def __lt__(self, other):
        return self._key() < other._key()

    def __eq__(self, other):
        return self._key() == other._key()

    def __setattr__(self, name, value):
        raise AttributeError("EntryPoint objects are immutable.")

    def __repr__(self):
        return (f"EntryPoint(name={self.name!r}, value={self.value!r}, "
                f"group={self.group!r})")

    def __hash__(self):
        return hash(self._key())


def _list_warn():
    warnings.warn("EntryPoints list interface is deprecated. Cast to list "
                  "if needed.", DeprecationWarning, stacklevel=3)


class DeprecatedList(list):
    """A list whose mutating methods warn that they are deprecated."""

    __slots__ = ()

    def _warn(self):
        _list_warn()

    def __setitem__(self, *args):
        _list_warn()
        return super().__setitem__(*args)

    def __delitem__(self, *args):
        _list_warn()
        return super().__delitem__(*args)

    def append(self, *args):
        _list_warn()
        return super().append(*args)

    def reverse(self):
        _list_warn()
        return super().reverse()

    def extend(self, *args):
        _list_warn()
        return super().extend(*args)

    def pop(self, *args):
        _list_warn()
        return super().pop(*args)

    def remove(self, *args):
        _list_warn()
        return super().remove(*args)

    def __iadd__(self, other):
        _list_warn()
        return super().__iadd__(other)

    def insert(self, *args):
        _list_warn()
        return super().insert(*args)

    def sort(self, *args, **kwargs):
        _list_warn()
        return super().sort(*args, **kwargs)

    def __add__(self, other):
        if not isinstance(other, tuple):
            _list_warn()
            other = tuple(other)
        return self.__class__(tuple(self) + other)

    def __eq__(self, other):
        if not isinstance(other, tuple):
            _list_warn()
            other = tuple(other)
        return tuple(self) == other

    __hash__ = None


class EntryPoints(DeprecatedList):
    """A collection of EntryPoint objects, selectable by attributes and
    indexable by name."""

    __slots__ = ()

    def __getitem__(self, name):
        if isinstance(name, int):
            warnings.warn("Accessing entry points by index is deprecated. "
                          "Cast to tuple if needed.", DeprecationWarning,
                          stacklevel=2)
            return super().__getitem__(name)
        for ep in self:
            if ep.name == name:
                return ep
        raise KeyError(name)

    def select(self, **params):
        """The entry points matching every given attribute."""
        return EntryPoints(ep for ep in self if ep.matches(**params))

    @property
    def names(self):
        return {ep.name for ep in self}

    @property
    def groups(self):
        return {ep.group for ep in self}

    @classmethod
    def _from_text_for(cls, text, dist):
        return cls(ep._for(dist) for ep in cls._from_text(text))

    @staticmethod
    def _from_text(text):
        return (
            EntryPoint(name=item.value.name, value=item.value.value, group=item.name)
            for item in Sectioned.section_pairs(text or "")
        )


def _dict_warn():
    warnings.warn("SelectableGroups dict interface is deprecated. Use select.",
                  DeprecationWarning, stacklevel=3)


class Deprecated:
    """Makes the mapping interface of a dict subclass warn."""

    def __getitem__(self, name):
        _dict_warn()
        return super().__getitem__(name)

    def get(self, name, default=None):
        _dict_warn()
        return super().get(name, default)

    def __iter__(self):
        _dict_warn()
        return super().__iter__()

    def __contains__(self, *args):
        _dict_warn()
        return super().__contains__(*args)

    def keys(self):
        _dict_warn()
        return super().keys()

    def values(self):
        _dict_warn()
        return super().values()


class SelectableGroups(Deprecated, dict):
    """What `entry_points()` gives without parameters: a dict from group
    to EntryPoints (that interface is deprecated) with `select`, `names`
    and `groups`."""

    @classmethod
    def load(cls, eps):
        by_group = operator.attrgetter("group")
        ordered = sorted(eps, key=by_group)
        grouped = itertools.groupby(ordered, by_group)
        return cls((group, EntryPoints(items)) for group, items in grouped)

    @property
    def _all(self):
        return EntryPoints(itertools.chain.from_iterable(dict.values(self)))

    @property
    def groups(self):
        return self._all.groups

    @property
    def names(self):
        return self._all.names

    def select(self, **params):
        if not params:
            return self
        return self._all.select(**params)


class PackagePath(pathlib.PurePosixPath):
    """A file of a distribution, relative to its folder on the path, with
    `hash` (FileHash or None), `size` (int or None) and `dist`."""

    def read_text(self, encoding="utf-8"):
        with self.locate().open(encoding=encoding) as stream:
            return stream.read()

    def read_binary(self):
        with self.locate().open("rb") as stream:
            return stream.read()

    def locate(self):
        """The file, as a path."""
        return self.dist.locate_file(self)


class FileHash:
    def __init__(self, spec):
        self.mode, _, self.value = spec.partition("=")

    def __repr__(self):
        return f"<FileHash mode: {self.mode} value: {self.value}>"


class _FoldedKey(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()

    def __hash__(self):
        return hash(self.lower())


class PackageMetadata:
    """The interface of the metadata objects (CPython's Protocol)."""


class _Message(PackageMetadata):
    """The headers of a METADATA / PKG-INFO file (RFC 822 style): keys
    are case-insensitive, a key may repeat."""

    multiple_use_keys = {
        "classifier", "obsoletes-dist", "platform", "project-url",
        "provides-dist", "provides-extra", "requires-dist",
        "requires-external", "supported-platform", "dynamic",
    }

    _HEADER = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")

    def __init__(self, text):
        headers = []
        lines = text.splitlines(keepends=True)
        index = 0
        current = None
        while index < len(lines):
            line = lines[index]
            if line.strip("\r\n") == "":
                index += 1
                break
            if line[:1] in (" ", "\t"):
                if current is not None:
                    current[1].append(line)
                    index += 1
                    continue
                break
            if line.startswith("From ") and index == 0:
                index += 1
                continue
            if not self._HEADER.match(line) or ":" not in line:
                break
            name, _, value = line.partition(":")
            current = (name, [value.lstrip(" \t")])
            headers.append(current)
            index += 1
        body = "".join(lines[index:])
        self._headers = [(name, self._redent("".join(parts).rstrip("\r\n")))
                         for name, parts in headers]
        if body:
            self._headers.append(("Description", body))

    @staticmethod
    def _redent(value):
        if not value or "\n" not in value:
            return value
        return textwrap.dedent(" " * 8 + value)

    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        name = name.lower()
        return any(key.lower() == name for key, _ in self._headers)

    def __iter__(self):
        return iter([key for key, _ in self._headers])

    def __getitem__(self, name):
        return self.get(name)

    def get(self, name, failobj=None):
        name = name.lower()
        for key, value in self._headers:
            if key.lower() == name:
                return value
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [value for key, value in self._headers if key.lower() == name]
        return values or failobj

    def keys(self):
        return [key for key, _ in self._headers]

    def values(self):
        return [value for _, value in self._headers]

    def items(self):
        return list(self._headers)

    @property
    def json(self):
        """The metadata as a JSON-compatible dict (PEP 566): lower-case
        keys with `_` for `-`, lists for the keys that may repeat, the
        Keywords split on white space."""
        result = {}
        for key in self:
            if key.lower() in self.multiple_use_keys:
                value = self.get_all(key)
            else:
                value = self[key]
            if key.lower() == "keywords":
                value = re.split(r"\s+", value)
            result[key.lower().replace("-", "_")] = value
        return result

    def __repr__(self):
        return f"<PackageMetadata {self.get('Name')!r} {self.get('Version')!r}>"


def _pass_none(func):
    @functools.wraps(func)
    def wrapper(param, *args, **kwargs):
        if param is not None:
            return func(param, *args, **kwargs)
    return wrapper


class Distribution:
    """A distribution package: its metadata files are read with
    `read_text(filename)`, its files located with `locate_file(path)`."""

    @abc.abstractmethod
    def read_text(self, filename):
        """The text of the metadata file `filename`, or None."""

    @abc.abstractmethod
    def locate_file(self, path):
        """A path to the file `path` of this distribution."""

    @classmethod
    def from_name(cls, name):
        """The first distribution found named `name`; PackageNotFoundError
        when there is none, ValueError when `name` is empty."""
        if not name:
            raise ValueError("A distribution name is required.")
        try:
            return next(iter(cls.discover(name=name)))
        except StopIteration:
            raise PackageNotFoundError(name)

    @classmethod
    def discover(cls, **kwargs):
        """The distributions found for a DistributionFinder.Context
        (`context=`) or for the keyword arguments of one (name, path)."""
        context = kwargs.pop("context", None)
        if context and kwargs:
            raise ValueError("cannot accept context and kwargs")
        context = context or DistributionFinder.Context(**kwargs)
        return itertools.chain.from_iterable(
            resolver(context) for resolver in cls._discover_resolvers())

    @staticmethod
    def at(path):
        """The distribution whose metadata folder is `path`."""
        return PathDistribution(pathlib.Path(path))

    @staticmethod
    def _discover_resolvers():
        import importlib.machinery
        resolvers = []
        for finder in sys.meta_path:
            resolver = getattr(finder, "find_distributions", None)
            if resolver is None and finder is importlib.machinery.PathFinder:
                resolver = MetadataPathFinder.find_distributions
            if resolver is not None:
                resolvers.append(resolver)
        return resolvers

    @property
    def metadata(self):
        """The parsed METADATA (or PKG-INFO) headers."""
        text = (self.read_text("METADATA") or self.read_text("PKG-INFO")
                or self.read_text(""))
        return _Message(text or "")

    @property
    def name(self):
        return self.metadata["Name"]

    @property
    def _normalized_name(self):
        return Prepared.normalize(self.name)

    @property
    def version(self):
        return self.metadata["Version"]

    @property
    def entry_points(self):
        return EntryPoints._from_text_for(self.read_text("entry_points.txt"), self)

    @property
    def files(self):
        """The files of the distribution (PackagePath list), or None when
        it has no RECORD (dist-info) or SOURCES.txt (egg-info)."""

        def make_file(name, hash=None, size_str=None):
            result = PackagePath(name)
            result.hash = FileHash(hash) if hash else None
            result.size = int(size_str) if size_str else None
            result.dist = self
            return result

        lines = self._read_files_distinfo() or self._read_files_egginfo()
        if lines is None:
            return None
        return list(itertools.starmap(make_file, csv.reader(lines)))

    def _read_files_distinfo(self):
        text = self.read_text("RECORD")
        return text and text.splitlines()

    def _read_files_egginfo(self):
        text = self.read_text("SOURCES.txt")
        return text and ['"{}"'.format(line) for line in text.splitlines()]

    @property
    def requires(self):
        """The requirement strings, or None when none are declared."""
        reqs = self._read_dist_info_reqs() or self._read_egg_info_reqs()
        return reqs and list(reqs)

    def _read_dist_info_reqs(self):
        return self.metadata.get_all("Requires-Dist")

    def _read_egg_info_reqs(self):
        source = self.read_text("requires.txt")
        if source is None:
            return None
        return self._deps_from_requires_text(source)

    @classmethod
    def _deps_from_requires_text(cls, source):
        return cls._convert_egg_info_reqs_to_simple_reqs(Sectioned.read(source))

    @staticmethod
    def _convert_egg_info_reqs_to_simple_reqs(sections):
        def quoted_marker(section):
            extra, _, markers = (section or "").partition(":")
            if extra and markers:
                markers = f"({markers})"
            conditions = [c for c in (markers, extra and f'extra == "{extra}"') if c]
            return "; " + " and ".join(conditions) if conditions else ""

        for section in sections:
            space = " " if "@" in section.value else ""
            yield section.value + space + quoted_marker(section.name)


class DistributionFinder(MetaPathFinder):
    """A finder of distributions: `find_distributions(context)`."""

    class Context:
        """What to look for: `name` (None for every distribution) and
        `path` (the folders to search, `sys.path` by default)."""

        name = None

        def __init__(self, **kwargs):
            vars(self).update(kwargs)

        @property
        def path(self):
            return vars(self).get("path", sys.path)

    @abc.abstractmethod
    def find_distributions(self, context=Context()):
        """The distributions matching `context`."""


class Prepared:
    """A distribution name prepared for matching."""

    normalized = None
    legacy_normalized = None

    def __init__(self, name):
        self.name = name
        if name is None:
            return
        self.normalized = self.normalize(name)
        self.legacy_normalized = self.legacy_normalize(name)

    @staticmethod
    def normalize(name):
        """PEP 503 normalisation, with `_` for the separator."""
        return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")

    @staticmethod
    def legacy_normalize(name):
        return name.lower().replace("-", "_")

    def __bool__(self):
        return bool(self.name)


class _PathEntry:
    """The metadata folders of one `sys.path` entry (a folder or a zip)."""

    def __init__(self, root):
        self.root = root
        self.make = lambda child: pathlib.Path(self.root, child)

    def children(self):
        try:
            return os.listdir(self.root or ".")
        except Exception:
            pass
        try:
            import zipfile
            zip_path = zipfile.Path(self.root)
            names = zip_path.root.namelist()
            self.make = zip_path.joinpath
            return list(dict.fromkeys(n.split(posixpath.sep, 1)[0] for n in names))
        except Exception:
            return []

    def search(self, prepared):
        base = os.path.basename(self.root).lower()
        base_is_egg = base.endswith(".egg")
        infos = {}
        eggs = {}
        for child in self.children():
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")):
                name = low.rpartition(".")[0].partition("-")[0]
                infos.setdefault(Prepared.normalize(name), []).append(self.make(child))
            elif base_is_egg and low == "egg-info":
                name = base.rpartition(".")[0].partition("-")[0]
                eggs.setdefault(Prepared.legacy_normalize(name), []).append(self.make(child))
        if prepared:
            return (infos.get(prepared.normalized, [])
                    + eggs.get(prepared.legacy_normalized, []))
        return [p for group in itertools.chain(infos.values(), eggs.values())
                for p in group]


class MetadataPathFinder(DistributionFinder):
    """Finds the distributions of the folders of `context.path`."""

    @classmethod
    def find_distributions(cls, context=DistributionFinder.Context()):
        found = cls._search_paths(context.name, context.path)
        return map(PathDistribution, found)

    @classmethod
    def _search_paths(cls, name, paths):
        prepared = Prepared(name)
        return itertools.chain.from_iterable(
            _PathEntry(path).search(prepared) for path in paths)

    @classmethod
    def invalidate_caches(cls):
        pass


class PathDistribution(Distribution):
    """A distribution whose metadata is the folder (or file) `path`."""

    def __init__(self, path):
        self._path = path

    def read_text(self, filename):
        try:
            return self._path.joinpath(filename).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, KeyError,
                NotADirectoryError, PermissionError):
            return None

    read_text.__doc__ = Distribution.read_text.__doc__

    def locate_file(self, path):
        return self._path.parent / path

    @property
    def _normalized_name(self):
        stem = os.path.basename(str(self._path))
        name = self._name_from_stem(stem)
        if name is not None:
            return Prepared.normalize(name)
        return super()._normalized_name

    @staticmethod
    def _name_from_stem(stem):
        filename, ext = os.path.splitext(stem)
        if ext not in (".dist-info", ".egg-info"):
            return None
        return filename.partition("-")[0]


def distribution(distribution_name):
    """The Distribution named `distribution_name`."""
    return Distribution.from_name(distribution_name)


def distributions(**kwargs):
    """Every Distribution found (for `name=` and `path=` when given)."""
    return Distribution.discover(**kwargs)


def metadata(distribution_name):
    """The metadata headers of the named distribution."""
    return Distribution.from_name(distribution_name).metadata


def version(distribution_name):
    """The Version of the named distribution."""
    return distribution(distribution_name).version


def _unique(dists):
    seen = set()
    for dist in dists:
        key = dist._normalized_name
        if key not in seen:
            seen.add(key)
            yield dist


def entry_points(**params):
    """The entry points of every distribution (the first of each name):
    SelectableGroups without parameters, else the EntryPoints matching
    them (`group=`, `name=`, ...)."""
    eps = itertools.chain.from_iterable(
        dist.entry_points for dist in _unique(distributions()))
    return SelectableGroups.load(eps).select(**params)


def files(distribution_name):
    """The files of the named distribution (None when not recorded)."""
    return distribution(distribution_name).files


def requires(distribution_name):
    """The requirements of the named distribution (None when none)."""
    return distribution(distribution_name).requires


def packages_distributions():
    """A dict from top-level import name to the names of the
    distributions providing it (from top_level.txt, else from the `.py`
    files of the distribution's RECORD)."""
    result = collections.defaultdict(list)
    for dist in distributions():
        for pkg in _top_level_declared(dist) or _top_level_inferred(dist):
            result[pkg].append(dist.metadata["Name"])
    return dict(result)


def _top_level_declared(dist):
    return (dist.read_text("top_level.txt") or "").split()


def _top_level_inferred(dist):
    return {
        f.parts[0] if len(f.parts) > 1 else f.with_suffix("").name
        for f in (dist.files or ())
        if f.suffix == ".py"
    }
