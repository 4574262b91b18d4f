"""Specs and modules made by hand (CPython's `importlib.util`)."""

from _imp import find_spec, module_from_spec
from _imp import spec_from_file_location as _spec_of_source_file
from importlib.machinery import ModuleSpec as _ModuleSpec

_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None,
                            submodule_search_locations=_POPULATE):
    """A spec for the file `location`: loaded by the source loader, or by
    `loader` when one is given (a package when the loader's
    `is_package(name)` says so, or as `submodule_search_locations`
    says)."""
    if loader is None and submodule_search_locations is _POPULATE:
        return _spec_of_source_file(name, location)
    if loader is None:
        native = _spec_of_source_file(name, location)
        if native is None:
            return None
        loader = native.loader
    spec = _ModuleSpec(name, loader, origin=location)
    spec.has_location = location is not None
    if submodule_search_locations is _POPULATE:
        is_package = getattr(loader, "is_package", None)
        if is_package is not None and is_package(name):
            spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == [] and location:
        import os
        spec.submodule_search_locations.append(os.path.dirname(location))
    return spec

__all__ = [
    "find_spec", "spec_from_file_location", "module_from_spec",
    "spec_from_loader", "resolve_name", "decode_source",
    "cache_from_source", "source_from_cache", "MAGIC_NUMBER",
]

# CPython 3.11's magic number: tools compare it, krait writes no .pyc.
MAGIC_NUMBER = (3495).to_bytes(2, "little") + b"\r\n"


def resolve_name(name, package):
    """The absolute name of `name`, relative to `package` when it starts
    with dots."""
    if not name.startswith("."):
        return name
    if not package:
        raise ImportError(f"no package specified for {name!r} "
                          "(required for relative module names)")
    level = 0
    for character in name:
        if character != ".":
            break
        level += 1
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    rest = name[level:]
    return f"{base}.{rest}" if rest else base


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """A spec for `name` served by `loader` (its `get_filename` gives the
    origin when it has one; its `is_package` says whether it is a
    package when `is_package` is not given)."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if origin is None and hasattr(loader, "get_filename"):
        try:
            location = loader.get_filename(name)
        except ImportError:
            location = None
        if location is not None:
            spec = spec_from_file_location(name, location)
            spec.loader = loader
            if is_package is None and hasattr(loader, "is_package"):
                try:
                    is_package = loader.is_package(name)
                except ImportError:
                    is_package = None
            if is_package:
                spec.submodule_search_locations = [location.rpartition("/")[0]]
                spec.parent = name
            return spec
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return _ModuleSpec(name, loader, origin=origin, is_package=is_package)


def decode_source(source_bytes):
    """Source bytes as text, universal newlines applied."""
    import io
    import tokenize
    encoding = tokenize.detect_encoding(io.BytesIO(source_bytes).readline)[0]
    text = source_bytes.decode(encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Where CPython would cache the compiled `path`."""
    head, _, tail = path.rpartition("/")
    base = tail.rpartition(".")[0] or tail
    tag = "cpython-311"
    if optimization:
        name = f"{base}.{tag}.opt-{optimization}.pyc"
    else:
        name = f"{base}.{tag}.pyc"
    folder = f"{head}/__pycache__" if head else "__pycache__"
    return f"{folder}/{name}"


def source_from_cache(path):
    """The source file a CPython cache file was compiled from."""
    head, _, name = path.rpartition("/")
    folder, _, pycache = head.rpartition("/")
    if pycache != "__pycache__":
        raise ValueError(f"__pycache__ not bottom-level directory in {path!r}")
    parts = name.split(".")
    if len(parts) not in (3, 4):
        raise ValueError(f"expected only 2 or 3 dots in {name!r}")
    source = parts[0] + ".py"
    return f"{folder}/{source}" if head.count("/") else source
