"""Run Python code found by module name or by file system path (the
interface of CPython's `runpy`, krait's own code).

run_module locates a module through importlib.util.find_spec (a package
runs its __main__ submodule) and executes its code without importing it;
run_path executes a script, or the __main__.py of a directory or zip
file. Both return the globals the code ended with.

Limits in krait:
- the built-in standard library is frozen into the binary without source
  or code objects, so run_module raises ImportError("No code object
  available for NAME") for it (a copy on KRAITPATH or sys.path runs);
- compiled-only files (.pyc) are not run;
- krait cannot import from zip archives, so run_path reads __main__.py out
  of an archive itself: that code runs with __spec__ and __loader__ None
  and cannot import the archive's other modules.
"""

import importlib.util
import io
import os
import sys
import types
import warnings

__all__ = [
    "run_module",
    "run_path",
]

_MISSING = object()


class _Installed:
    """While active: a fresh module named `name` in sys.modules and,
    unless `argv0` is _MISSING, sys.argv[0] set to it. Both are put back
    afterwards."""

    def __init__(self, name, argv0=_MISSING):
        self.name = name
        self.argv0 = argv0
        self.module = types.ModuleType(name)
        self._previous = _MISSING
        self._previous_argv0 = _MISSING

    def __enter__(self):
        self._previous = sys.modules.get(self.name, _MISSING)
        sys.modules[self.name] = self.module
        if self.argv0 is not _MISSING:
            self._previous_argv0 = sys.argv[0]
            sys.argv[0] = self.argv0
        return self

    def __exit__(self, *exc_info):
        if self._previous_argv0 is not _MISSING:
            sys.argv[0] = self._previous_argv0
        if self._previous is _MISSING:
            del sys.modules[self.name]
        else:
            sys.modules[self.name] = self._previous
        self._previous = self._previous_argv0 = _MISSING


def _execute(code, namespace, init_globals=None, mod_name=None,
             mod_spec=None, pkg_name=None, script_name=None):
    """Set the module attributes in `namespace`, run `code` there and
    return `namespace`."""
    if init_globals is not None:
        namespace.update(init_globals)
    if mod_spec is not None:
        origin = mod_spec.origin
        loader = mod_spec.loader
        cached = mod_spec.cached if mod_spec.has_location else None
        if pkg_name is None:
            pkg_name = mod_spec.parent
    else:
        origin, loader, cached = script_name, None, None
    namespace.update(__name__=mod_name, __file__=origin, __cached__=cached,
                     __doc__=None, __loader__=loader, __package__=pkg_name,
                     __spec__=mod_spec)
    exec(code, namespace)
    return namespace


def _execute_in_temp_module(code, init_globals, mod_name, mod_spec=None,
                            pkg_name=None, script_name=None):
    """_execute inside a temporary sys.modules entry, with sys.argv[0] the
    file name; returns a copy of the globals (the module goes away)."""
    argv0 = script_name if mod_spec is None else mod_spec.origin
    with _Installed(mod_name, argv0) as installed:
        namespace = installed.module.__dict__
        _execute(code, namespace, init_globals, mod_name, mod_spec,
                 pkg_name, script_name)
    return dict(namespace)


# -- finding modules -------------------------------------------------------------

def _import_parent(mod_name, error):
    parent = mod_name.rpartition(".")[0]
    if not parent:
        return
    try:
        __import__(parent)
    except ImportError as exc:
        # Only "the package (or one of its parents) does not exist" falls
        # through to the module lookup; any other failure propagates.
        missing = exc.name
        if missing is None or (missing != parent
                               and not parent.startswith(missing + ".")):
            raise
    present = sys.modules.get(mod_name)
    if present is not None and not hasattr(present, "__path__"):
        text = ("{0!r} found in sys.modules after import of package {1!r}, "
                "but prior to execution of {0!r}; this may result in "
                "unpredictable behaviour").format(mod_name, parent)
        warnings.warn(RuntimeWarning(text))


def _locate(mod_name, error):
    try:
        return importlib.util.find_spec(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as exc:
        text = "Error while finding module specification for %r (%s: %s)" % (
            mod_name, type(exc).__name__, exc)
        if mod_name.endswith(".py"):
            text += (". Try using '%s' instead of '%s' as the module name."
                     % (mod_name[:-3], mod_name))
        raise error(text) from exc


def _loader_code(loader, mod_name, spec):
    """The module's code from `loader`: get_code, else compiled source."""
    if hasattr(loader, "get_code"):
        code = loader.get_code(mod_name)
        if code is not None:
            return code
    if not hasattr(loader, "get_source"):
        return None
    source = loader.get_source(mod_name)
    if source is None:
        return None
    path = (loader.get_filename(mod_name) if hasattr(loader, "get_filename")
            else spec.origin)
    return compile(source, path, "exec", dont_inherit=True)


def _get_module_details(mod_name, error=ImportError):
    """(name, spec, code) of what running `mod_name` executes; failures
    raise `error`."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    _import_parent(mod_name, error)
    # (krait's find_spec('') answers with a namespace package; CPython None.)
    spec = _locate(mod_name, error) if mod_name else None
    if spec is None:
        raise error("No module named %s" % mod_name)
    if spec.submodule_search_locations is not None:
        # A package: run its __main__ submodule instead.
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return _get_module_details(mod_name + ".__main__", error)
        except error as exc:
            if mod_name not in sys.modules:
                raise
            raise error("%s; %r is a package and cannot be directly "
                        "executed" % (exc, mod_name))
    if spec.loader is None:
        raise error("%r is a namespace package and cannot be executed"
                    % mod_name)
    try:
        code = _loader_code(spec.loader, mod_name, spec)
    except ImportError as exc:
        raise error(format(exc)) from exc
    if code is None:
        raise error("No code object available for %s" % mod_name)
    return mod_name, spec, code


def _get_main_module_details(error=ImportError):
    # Look for __main__ on sys.path while the running __main__ module is
    # hidden, or find_spec would just return that one's spec.
    running = sys.modules.pop("__main__")
    try:
        return _get_module_details("__main__")
    except ImportError as exc:
        if "__main__" not in str(exc):
            raise
        raise error("can't find %r module in %r"
                    % ("__main__", sys.path[0])) from exc
    finally:
        sys.modules["__main__"] = running


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Execute the module `mod_name` (a package: its __main__) without
    importing it, and return its globals.

    init_globals pre-fills the globals; run_name is the __name__ it runs
    under (default: the module's own name). With alter_sys, sys.argv[0]
    and sys.modules[run_name] are set while it runs and restored after.
    """
    name, spec, code = _get_module_details(mod_name)
    if run_name is None:
        run_name = name
    if not alter_sys:
        return _execute(code, {}, init_globals, run_name, spec)
    return _execute_in_temp_module(code, init_globals, run_name, spec)


# -- running files -----------------------------------------------------------------

def _compile_file(path):
    opener = getattr(io, "open_code", None)
    with (opener(path) if opener is not None else open(path, "rb")) as f:
        source = f.read()
    return compile(source, path, "exec", dont_inherit=True)


def _archive_main(archive_path):
    """(code, file name) of __main__.py inside the zip file, or None when
    the path is not a zip file."""
    if not os.path.isfile(archive_path):
        return None
    try:
        import zipfile
    except ImportError:
        return None
    if not zipfile.is_zipfile(archive_path):
        return None
    with zipfile.ZipFile(archive_path) as archive:
        try:
            source = archive.read("__main__.py")
        except KeyError:
            raise ImportError("can't find '__main__' module in %r"
                              % archive_path) from None
    inner = os.path.join(archive_path, "__main__.py")
    return compile(source, inner, "exec", dont_inherit=True), inner


def _on_path(entry):
    """Context: `entry` first on sys.path, removed again afterwards."""
    class _Guard:
        def __enter__(self):
            sys.path.insert(0, entry)

        def __exit__(self, *exc_info):
            try:
                sys.path.remove(entry)
            except ValueError:
                pass
    return _Guard()


def run_path(path_name, init_globals=None, run_name=None):
    """Execute the script, directory or zip file at `path_name` (the
    latter two through their __main__.py) and return its globals.

    init_globals pre-fills the globals; run_name is the __name__ it runs
    under (default '<run_path>').
    """
    if run_name is None:
        run_name = "<run_path>"
    package = run_name.rpartition(".")[0]
    path_name = os.fspath(path_name)
    zipped = _archive_main(path_name)
    if zipped is not None:
        code, inner = zipped
        with _on_path(path_name):
            return _execute_in_temp_module(code, init_globals, run_name,
                                           pkg_name=package,
                                           script_name=inner)
    if not os.path.isdir(path_name):
        return _execute_in_temp_module(_compile_file(path_name),
                                       init_globals, run_name,
                                       pkg_name=package,
                                       script_name=path_name)
    # A directory: its __main__ module is found through sys.path.
    with _on_path(path_name):
        _, spec, code = _get_main_module_details()
        with _Installed(run_name, path_name) as installed:
            namespace = _execute(code, installed.module.__dict__,
                                 init_globals, run_name, spec, package)
            return dict(namespace)
