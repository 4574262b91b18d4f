"""Metadata of installed distribution packages (the API of CPython 3.11's
`importlib.metadata`).

Distributions are the `NAME-VERSION.dist-info` and `NAME.egg-info`
folders (or `.egg-info` files) in the folders of `sys.path` (or of
`path=`), and in zip archives on it, plus what any `sys.meta_path`
finder with `find_distributions` yields.  Names match as in CPython:
case-insensitively, with runs of `-`, `_` and `.` equivalent.

krait has no `email` package: METADATA / PKG-INFO are read by a small
RFC 822 header reader (`_Message`: `msg[key]`, get, get_all, keys,
values, items, `in`, len, iteration, `json`; a body after the headers is
the Description; continuation lines are dedented as CPython does).  Not
provided: the rest of `email.message.Message` and caching of folder
listings between calls.
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
import importlib
from importlib import abc as _importlib_abc

__all__ = [
    "Distribution", "DistributionFinder", "PackageMetadata",
    "PackageNotFoundError", "distribution", "distributions",
    "entry_points", "files", "metadata", "packages_distributions",
    "requires", "version",
]


class PackageNotFoundError(ModuleNotFoundError):
    """No distribution has that name."""

    def __str__(self):
        return "No package metadata was found for %s" % (self.name,)

    @property
    def name(self):
        (only,) = self.args
        return only


def _warn(message, level=3):
    warnings.warn(message, DeprecationWarning, stacklevel=level + 1)


# ---------------------------------------------------------------------------
# Sectioned text: entry_points.txt, requires.txt.

Pair = collections.namedtuple("Pair", "name value")


def _pair_from(cls, text):
    return cls(*[piece.strip() for piece in text.split("=", 1)])


Pair.parse = classmethod(_pair_from)


class Sectioned:
    """Reads `[section]` headed text of `key = value` lines; blank lines
    and `#` comments are skipped by section_pairs."""

    @staticmethod
    def valid(line):
        return line and not line.startswith("#")

    @staticmethod
    def read(text, filter_=None):
        section = None
        for raw in text.splitlines():
            line = raw.strip()
            if filter_ is not None and not filter_(line):
                continue
            if filter_ is None and not line:
                continue
            if line[:1] == "[" and line[-1:] == "]":
                section = line.strip("[]")
            else:
                yield Pair(section, line)

    @classmethod
    def section_pairs(cls, text):
        for entry in cls.read(text, filter_=cls.valid):
            if entry.name is None:
                continue
            yield Pair(entry.name, Pair.parse(entry.value))


# ---------------------------------------------------------------------------
# Entry points.

_EP_FORM = re.compile(r"(?P<module>[\w.]+)\s*"
                      r"(:\s*(?P<attr>[\w.]+)\s*)?"
                      r"((?P<extras>\[.*\])\s*)?$")


class DeprecatedTuple:
    """EntryPoint[index] (deprecated)."""

    def _warn(self):
        _warn("EntryPoint tuple interface is deprecated. Access members "
              "by name.")

    def __getitem__(self, item):
        self._warn()
        return (self.name, self.value, self.group)[item]


class EntryPoint(DeprecatedTuple):
    """`name = module.path:object.attr [extra1, extra2]` in section
    `group` of a distribution's entry_points.txt."""

    pattern = _EP_FORM
    dist = None

    def __init__(self, name, value, group):
        own = self.__dict__
        own["name"] = name
        own["value"] = value
        own["group"] = group

    def _parts(self):
        return self.pattern.match(self.value)

    def load(self):
        """Import the module; return it, or the object the attr path
        names in it."""
        found = self._parts()
        target = importlib.import_module(found.group("module"))
        for step in (found.group("attr") or "").split("."):
            if step:
                target = getattr(target, step)
        return target

    @property
    def module(self):
        return self._parts().group("module")

    @property
    def attr(self):
        return self._parts().group("attr")

    @property
    def extras(self):
        return re.findall(r"\w+", self._parts().group("extras") or "")

    def _for(self, dist):
        self.__dict__["dist"] = dist
        return self

    def __iter__(self):
        warnings.warn("Construction of dict of EntryPoints is deprecated in "
                      "favor of EntryPoints.", DeprecationWarning)
        return iter([self.name, self])

    def matches(self, **params):
        """True when every keyword equals the attribute of that name."""
        for attr_name, wanted in params.items():
            if getattr(self, attr_name) != wanted:
                return False
        return True

    def _key(self):
        return (self.name, self.value, self.group)

    def __eq__(self, other):
        return (self.name, self.value, self.group) == other._key()

    def __lt__(self, other):
        return (self.name, self.value, self.group) < other._key()

    def __hash__(self):
        return hash((self.name, self.value, self.group))

    def __setattr__(self, name, value):
        raise AttributeError("EntryPoint objects are immutable.")

    def __repr__(self):
        return "EntryPoint(name=%r, value=%r, group=%r)" % (
            self.name, self.value, self.group)


def _list_warn():
    _warn("EntryPoints list interface is deprecated. Cast to list if "
          "needed.", 3)


def _warning_list_method(name):
    plain = getattr(list, name)

    def method(self, *args, **kwargs):
        _list_warn()
        return plain(self, *args, **kwargs)

    method.__name__ = method.__qualname__ = name
    return method


class DeprecatedList(list):
    """A list whose changes warn (deprecated)."""

    __slots__ = ()

    def _warn(self):
        _list_warn()

    for _name in ("__setitem__", "__delitem__", "append", "reverse",
                  "extend", "pop", "remove", "__iadd__", "insert", "sort"):
        locals()[_name] = _warning_list_method(_name)
    del _name

    def __add__(self, other):
        if not isinstance(other, tuple):
            _list_warn()
            other = tuple(other)
        return type(self)((*self, *other))

    def __eq__(self, other):
        if not isinstance(other, tuple):
            _list_warn()
            other = tuple(other)
        return tuple(self) == other

    __hash__ = None


class EntryPoints(DeprecatedList):
    """EntryPoint objects: select() by attributes, index by name."""

    __slots__ = ()

    def __getitem__(self, name):
        if isinstance(name, int):
            warnings.warn("Accessing entry points by index is deprecated. "
                          "Cast to tuple if needed.", DeprecationWarning,
                          stacklevel=2)
            return list.__getitem__(self, name)
        hit = next((ep for ep in self if ep.name == name), None)
        if hit is None:
            raise KeyError(name)
        return hit

    def select(self, **params):
        """The entry points matching every keyword."""
        return EntryPoints([ep for ep in self if ep.matches(**params)])

    @property
    def names(self):
        return set(ep.name for ep in self)

    @property
    def groups(self):
        return set(ep.group for ep in self)

    @staticmethod
    def _from_text(text):
        for section, item in Sectioned.section_pairs(text or ""):
            yield EntryPoint(name=item.name, value=item.value, group=section)

    @classmethod
    def _from_text_for(cls, text, dist):
        return cls([ep._for(dist) for ep in cls._from_text(text)])


def _dict_warn():
    _warn("SelectableGroups dict interface is deprecated. Use select.", 3)


def _warning_dict_method(name):
    def method(self, *args):
        _dict_warn()
        return getattr(super(Deprecated, self), name)(*args)

    method.__name__ = method.__qualname__ = name
    return method


class Deprecated:
    """Mixin: a dict whose mapping interface warns."""

    __getitem__ = _warning_dict_method("__getitem__")
    __iter__ = _warning_dict_method("__iter__")
    __contains__ = _warning_dict_method("__contains__")
    keys = _warning_dict_method("keys")
    values = _warning_dict_method("values")

    def get(self, name, default=None):
        _dict_warn()
        return super().get(name, default)


class SelectableGroups(Deprecated, dict):
    """entry_points() without arguments: group -> EntryPoints (that view is
    deprecated), plus select(), names and groups."""

    @classmethod
    def load(cls, eps):
        by_group = {}
        for ep in sorted(eps, key=operator.attrgetter("group")):
            by_group.setdefault(ep.group, []).append(ep)
        return cls((group, EntryPoints(members))
                   for group, members in by_group.items())

    @property
    def _all(self):
        flat = []
        for members in dict.values(self):
            flat.extend(members)
        return EntryPoints(flat)

    @property
    def groups(self):
        return self._all.groups

    @property
    def names(self):
        return self._all.names

    def select(self, **params):
        return self._all.select(**params) if params else self


# ---------------------------------------------------------------------------
# Files.

class PackagePath(pathlib.PurePosixPath):
    """A file of a distribution, relative to its site folder, with `hash`,
    `size` and `dist`."""

    def locate(self):
        """The file as a concrete path."""
        return self.dist.locate_file(self)

    def read_text(self, encoding="utf-8"):
        with self.locate().open(encoding=encoding) as handle:
            return handle.read()

    def read_binary(self):
        with self.locate().open("rb") as handle:
            return handle.read()


class FileHash:
    def __init__(self, spec):
        self.mode, _, self.value = spec.partition("=")

    def __repr__(self):
        return "<FileHash mode: %s value: %s>" % (self.mode, self.value)


# ---------------------------------------------------------------------------
# METADATA headers.

class PackageMetadata:
    """The interface of metadata objects (a Protocol in CPython)."""


_HEADER_START = re.compile(r"^(From |[\041-\071\073-\176]*:|[\t ])")
_REPEATABLE = frozenset((
    "classifier", "obsoletes-dist", "platform", "project-url",
    "provides-dist", "provides-extra", "requires-dist",
    "requires-external", "supported-platform", "dynamic",
))


def _unfold(value):
    # Continuation lines lose the indentation CPython's email parser
    # leaves once the first line is taken as indented by eight.
    if "\n" in value:
        return textwrap.dedent("        " + value)
    return value


def _split_headers(text):
    # [(name, raw value)], and the body that follows the headers.
    found = []
    lines = text.splitlines(keepends=True)
    at = 0
    total = len(lines)
    while at < total:
        line = lines[at]
        if not line.strip("\r\n"):
            at += 1
            break
        if line[0] in " \t":
            if not found:
                break
            found[-1][1].append(line)
        elif at == 0 and line.startswith("From "):
            pass
        elif ":" in line and _HEADER_START.match(line):
            key, _, rest = line.partition(":")
            found.append((key, [rest.lstrip(" \t")]))
        else:
            break
        at += 1
    return found, "".join(lines[at:])


class _Message(PackageMetadata):
    """RFC 822 style headers: case-insensitive keys that may repeat."""

    multiple_use_keys = set(_REPEATABLE)

    def __init__(self, text):
        raw, body = _split_headers(text)
        self._headers = [(key, _unfold("".join(parts).rstrip("\r\n")))
                         for key, parts in raw]
        if body:
            self._headers.append(("Description", body))

    def _matching(self, name):
        wanted = name.lower()
        return [value for key, value in self._headers
                if key.lower() == wanted]

    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        return bool(self._matching(name))

    def __iter__(self):
        return iter(self.keys())

    def __getitem__(self, name):
        return self.get(name)

    def get(self, name, failobj=None):
        hits = self._matching(name)
        return hits[0] if hits else failobj

    def get_all(self, name, failobj=None):
        return self._matching(name) or failobj

    def keys(self):
        return [pair[0] for pair in self._headers]

    def values(self):
        return [pair[1] for pair in self._headers]

    def items(self):
        return self._headers[:]

    @property
    def json(self):
        """PEP 566 JSON form: lower-case keys with `_`, lists for keys
        that repeat, Keywords split on white space."""
        out = {}
        for key in self.keys():
            low = key.lower()
            if low in self.multiple_use_keys:
                value = self.get_all(key)
            else:
                value = self.get(key)
            if low == "keywords":
                value = re.split(r"\s+", value)
            out[low.replace("-", "_")] = value
        return out

    def __repr__(self):
        return "<PackageMetadata %r %r>" % (self.get("Name"),
                                            self.get("Version"))


def _pass_none(func):
    @functools.wraps(func)
    def wrapper(param, *args, **kwargs):
        return None if param is None else func(param, *args, **kwargs)
    return wrapper


# ---------------------------------------------------------------------------
# Distributions.

def _egg_marker(section):
    extra, _, marker = (section or "").partition(":")
    parts = []
    if marker:
        parts.append("(%s)" % marker if extra else marker)
    if extra:
        parts.append('extra == "%s"' % extra)
    return "; " + " and ".join(parts) if parts else ""


def _record_entry(dist, path, digest=None, size=None):
    entry = PackagePath(path)
    entry.hash = FileHash(digest) if digest else None
    entry.size = int(size) if size else None
    entry.dist = dist
    return entry


class Distribution:
    """A distribution: read_text(filename) reads its metadata files,
    locate_file(path) finds its files."""

    @abc.abstractmethod
    def read_text(self, filename):
        """The text of metadata file `filename`, or None."""

    @abc.abstractmethod
    def locate_file(self, path):
        """A path to file `path` of the distribution."""

    @classmethod
    def from_name(cls, name):
        """The first distribution called `name`."""
        if not name:
            raise ValueError("A distribution name is required.")
        for dist in cls.discover(name=name):
            return dist
        raise PackageNotFoundError(name)

    @classmethod
    def discover(cls, **kwargs):
        """The distributions for `context=` or for Context(**kwargs)."""
        ctx = kwargs.pop("context", None)
        if ctx and kwargs:
            raise ValueError("cannot accept context and kwargs")
        if not ctx:
            ctx = DistributionFinder.Context(**kwargs)
        finders = cls._discover_resolvers()
        return itertools.chain.from_iterable(find(ctx) for find in finders)

    @staticmethod
    def at(path):
        """The distribution whose metadata folder is `path`."""
        return PathDistribution(pathlib.Path(path))

    @staticmethod
    def _discover_resolvers():
        import importlib.machinery
        path_finder = importlib.machinery.PathFinder
        found = []
        for finder in sys.meta_path:
            method = getattr(finder, "find_distributions", None)
            if method is None and finder is path_finder:
                method = MetadataPathFinder.find_distributions
            if method is not None:
                found.append(method)
        return found

    @property
    def metadata(self):
        """The METADATA (or PKG-INFO) headers."""
        for candidate in ("METADATA", "PKG-INFO", ""):
            text = self.read_text(candidate)
            if text:
                return _Message(text)
        return _Message("")

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
        return EntryPoints._from_text_for(self.read_text("entry_points.txt"),
                                          self)

    @property
    def files(self):
        """PackagePath list from RECORD (or an egg's SOURCES.txt); None
        when neither exists."""
        rows = self._read_files_distinfo() or self._read_files_egginfo()
        if rows is None:
            return None
        return [_record_entry(self, *row) for row in csv.reader(rows)]

    def _read_files_distinfo(self):
        record = self.read_text("RECORD")
        if not record:
            return record
        return record.splitlines()

    def _read_files_egginfo(self):
        sources = self.read_text("SOURCES.txt")
        if not sources:
            return sources
        return ['"%s"' % line for line in sources.splitlines()]

    @property
    def requires(self):
        """Requirement strings, or None when there are none."""
        found = self._read_dist_info_reqs() or self._read_egg_info_reqs()
        if not found:
            return found
        return list(found)

    def _read_dist_info_reqs(self):
        return self.metadata.get_all("Requires-Dist")

    def _read_egg_info_reqs(self):
        text = self.read_text("requires.txt")
        return None if text is None else self._deps_from_requires_text(text)

    @classmethod
    def _deps_from_requires_text(cls, source):
        return cls._convert_egg_info_reqs_to_simple_reqs(
            Sectioned.read(source))

    @staticmethod
    def _convert_egg_info_reqs_to_simple_reqs(sections):
        for entry in sections:
            req = entry.value
            if "@" in req:
                req += " "
            yield req + _egg_marker(entry.name)


class DistributionFinder(_importlib_abc.MetaPathFinder):
    """A finder that can also find distributions."""

    class Context:
        """A search: `name` (None: all) and `path` (default sys.path)."""

        name = None

        def __init__(self, **kwargs):
            self.__dict__.update(kwargs)

        @property
        def path(self):
            return self.__dict__.get("path", sys.path)

    @abc.abstractmethod
    def find_distributions(self, context=Context()):
        """The distributions that match `context`."""


_SEPARATORS = re.compile(r"[-_.]+")


class Prepared:
    """A distribution name ready for matching."""

    normalized = None
    legacy_normalized = None

    def __init__(self, name):
        self.name = name
        if name is not None:
            self.normalized = Prepared.normalize(name)
            self.legacy_normalized = Prepared.legacy_normalize(name)

    @staticmethod
    def normalize(name):
        """PEP 503 normalization with `_` as the separator."""
        return _SEPARATORS.sub("_", name).lower()

    @staticmethod
    def legacy_normalize(name):
        return name.lower().replace("-", "_")

    def __bool__(self):
        return bool(self.name)


def _dist_name(child):
    # "Foo_Bar-1.0.dist-info" -> "foo_bar"
    return child.lower().rpartition(".")[0].partition("-")[0]


class _PathEntry:
    """The metadata folders in one path entry (folder or zip archive)."""

    def __init__(self, root):
        self.root = root
        self.make = functools.partial(pathlib.Path, root)

    def children(self):
        try:
            return os.listdir(self.root or ".")
        except Exception:
            pass
        try:
            import zipfile
            archive = zipfile.Path(self.root)
            tops = [name.split(posixpath.sep, 1)[0]
                    for name in archive.root.namelist()]
            self.make = archive.joinpath
            return list(dict.fromkeys(tops))
        except Exception:
            return []

    def search(self, prepared):
        base = os.path.basename(self.root).lower()
        egg_name = (Prepared.legacy_normalize(_dist_name(base))
                    if base.endswith(".egg") else None)
        infos = collections.defaultdict(list)
        eggs = collections.defaultdict(list)
        for child in self.children():
            low = child.lower()
            if low.endswith(".dist-info") or low.endswith(".egg-info"):
                infos[Prepared.normalize(_dist_name(low))].append(
                    self.make(child))
            elif egg_name is not None and low == "egg-info":
                eggs[egg_name].append(self.make(child))
        if prepared:
            return (infos.get(prepared.normalized, [])
                    + eggs.get(prepared.legacy_normalized, []))
        result = []
        for bucket in (*infos.values(), *eggs.values()):
            result.extend(bucket)
        return result


class MetadataPathFinder(DistributionFinder):
    """Finds distributions in the folders of `context.path`."""

    @classmethod
    def find_distributions(cls, context=DistributionFinder.Context()):
        return map(PathDistribution,
                   cls._search_paths(context.name, context.path))

    @classmethod
    def _search_paths(cls, name, paths):
        wanted = Prepared(name)
        for entry in paths:
            yield from _PathEntry(entry).search(wanted)

    @classmethod
    def invalidate_caches(cls):
        pass


class PathDistribution(Distribution):
    """A distribution whose metadata is the folder (or file) `path`."""

    def __init__(self, path):
        self._path = path

    def read_text(self, filename):
        """The text of metadata file `filename`, or None."""
        try:
            return self._path.joinpath(filename).read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError, KeyError,
                NotADirectoryError, PermissionError):
            return None

    def locate_file(self, path):
        return self._path.parent.joinpath(path)

    @property
    def _normalized_name(self):
        from_stem = self._name_from_stem(os.path.basename(str(self._path)))
        if from_stem is None:
            return super()._normalized_name
        return Prepared.normalize(from_stem)

    @staticmethod
    def _name_from_stem(stem):
        base, suffix = os.path.splitext(stem)
        if suffix in (".dist-info", ".egg-info"):
            return base.partition("-")[0]
        return None


# ---------------------------------------------------------------------------
# The functional API.

def distribution(distribution_name):
    """The named Distribution."""
    return Distribution.from_name(distribution_name)


def distributions(**kwargs):
    """All distributions found (for `name=`/`path=` when given)."""
    return Distribution.discover(**kwargs)


def metadata(distribution_name):
    """The named distribution's metadata headers."""
    return distribution(distribution_name).metadata


def version(distribution_name):
    """The named distribution's version string."""
    return distribution(distribution_name).version


def _unique(dists):
    # The first distribution of each normalized name.
    seen = set()
    for dist in dists:
        key = dist._normalized_name
        if key in seen:
            continue
        seen.add(key)
        yield dist


def entry_points(**params):
    """All entry points (first distribution of each name): a
    SelectableGroups, or the matching EntryPoints given keywords."""
    collected = []
    for dist in _unique(distributions()):
        collected.extend(dist.entry_points)
    return SelectableGroups.load(collected).select(**params)


def files(distribution_name):
    """The named distribution's files (None when not recorded)."""
    return distribution(distribution_name).files


def requires(distribution_name):
    """The named distribution's requirements (None when none)."""
    return distribution(distribution_name).requires


def _top_level_declared(dist):
    return (dist.read_text("top_level.txt") or "").split()


def _top_level_inferred(dist):
    names = set()
    for entry in dist.files or ():
        if entry.suffix != ".py":
            continue
        parts = entry.parts
        names.add(parts[0] if len(parts) > 1 else entry.with_suffix("").name)
    return names


def packages_distributions():
    """Top-level import name -> names of the distributions providing it
    (top_level.txt, else the .py files of RECORD)."""
    mapping = {}
    for dist in distributions():
        tops = _top_level_declared(dist) or _top_level_inferred(dist)
        if tops:
            owner = dist.metadata["Name"]
            for top in tops:
                mapping.setdefault(top, []).append(owner)
    return mapping
