"""Locate and run Python code by module name or by path (CPython's
`runpy`): run_module and run_path.

run_module finds the module with importlib.util.find_spec (a package
runs its __main__ submodule) and runs its source; run_path runs a .py
file, or the __main__.py of a directory or zip archive. Both return the
resulting globals.

Limits in krait:
- modules of krait's built-in standard library are frozen into the
  binary without source or code objects, so run_module raises
  ImportError("No code object available for NAME") for them (a copy of
  the module on KRAITPATH or sys.path runs normally);
- compiled-only files (.pyc) are not run;
- krait cannot import from zip archives, so run_path reads __main__.py
  out of the archive itself: the code runs with __spec__ and __loader__
  None, and imports of other modules inside the archive fail.
"""

import importlib.util
import io
import os
import sys
import types
import warnings

__all__ = ["run_module", "run_path"]


class _TempModule:
    """Temporarily put a new module named `mod_name` in sys.modules."""

    def __init__(self, mod_name):
        self.mod_name = mod_name
        self.module = types.ModuleType(mod_name)
        self._saved_module = []

    def __enter__(self):
        mod_name = self.mod_name
        try:
            self._saved_module.append(sys.modules[mod_name])
        except KeyError:
            pass
        sys.modules[mod_name] = self.module
        return self

    def __exit__(self, *args):
        if self._saved_module:
            sys.modules[self.mod_name] = self._saved_module[0]
        else:
            del sys.modules[self.mod_name]
        self._saved_module = []


class _ModifiedArgv0:
    """Temporarily set sys.argv[0] to `value`."""

    def __init__(self, value):
        self.value = value
        self._saved_value = self._sentinel = object()

    def __enter__(self):
        if self._saved_value is not self._sentinel:
            raise RuntimeError("Already preserving saved value")
        self._saved_value = sys.argv[0]
        sys.argv[0] = self.value

    def __exit__(self, *args):
        self.value = self._sentinel
        sys.argv[0] = self._saved_value


def _run_code(code, run_globals, init_globals=None, mod_name=None,
              mod_spec=None, pkg_name=None, script_name=None):
    """Run `code` in the dictionary `run_globals`, after filling in the
    module attributes, and return that dictionary."""
    if init_globals is not None:
        run_globals.update(init_globals)
    if mod_spec is None:
        loader = None
        fname = script_name
        cached = None
    else:
        loader = mod_spec.loader
        fname = mod_spec.origin
        cached = mod_spec.cached if mod_spec.has_location else None
        if pkg_name is None:
            pkg_name = mod_spec.parent
    run_globals.update(__name__=mod_name,
                       __file__=fname,
                       __cached__=cached,
                       __doc__=None,
                       __loader__=loader,
                       __package__=pkg_name,
                       __spec__=mod_spec)
    exec(code, run_globals)
    return run_globals


def _run_module_code(code, init_globals=None, mod_name=None, mod_spec=None,
                     pkg_name=None, script_name=None):
    """Like _run_code, but in a temporary module installed in
    sys.modules with sys.argv[0] set to the file name; returns a copy
    of the globals, since the module goes away."""
    fname = script_name if mod_spec is None else mod_spec.origin
    with _TempModule(mod_name) as temp_module, _ModifiedArgv0(fname):
        mod_globals = temp_module.module.__dict__
        _run_code(code, mod_globals, init_globals, mod_name, mod_spec,
                  pkg_name, script_name)
    return mod_globals.copy()


def _code_from_loader(loader, mod_name, spec):
    """The code object `loader` has for the module, or None."""
    get_code = getattr(loader, "get_code", None)
    if get_code is not None:
        code = get_code(mod_name)
        if code is not None:
            return code
    get_source = getattr(loader, "get_source", None)
    source = get_source(mod_name) if get_source is not None else None
    if source is None:
        return None
    if hasattr(loader, "get_filename"):
        filename = loader.get_filename(mod_name)
    else:
        filename = spec.origin
    return compile(source, filename, "exec", dont_inherit=True)


def _get_module_details(mod_name, error=ImportError):
    """(name, spec, code) of the module to run for `mod_name`; `error`
    is the exception class raised when it cannot be run."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, _ = mod_name.rpartition(".")
    if pkg_name:
        # Import the parent package first, as an import would.
        try:
            __import__(pkg_name)
        except ImportError as e:
            # Only the absence of the package itself (or of one of its
            # parents) is reported as "no module"; other errors escape.
            if e.name is None or (e.name != pkg_name and
                                  not pkg_name.startswith(e.name + ".")):
                raise
        existing = sys.modules.get(mod_name)
        if existing is not None and not hasattr(existing, "__path__"):
            msg = ("{mod_name!r} found in sys.modules after import of "
                   "package {pkg_name!r}, but prior to execution of "
                   "{mod_name!r}; this may result in unpredictable "
                   "behaviour".format(mod_name=mod_name, pkg_name=pkg_name))
            warnings.warn(RuntimeWarning(msg))

    try:
        spec = importlib.util.find_spec(mod_name)
    except (ImportError, AttributeError, TypeError, ValueError) as ex:
        msg = "Error while finding module specification for {!r} ({}: {})"
        if mod_name.endswith(".py"):
            msg += (f". Try using '{mod_name[:-3]}' instead of "
                    f"'{mod_name}' as the module name.")
        raise error(msg.format(mod_name, type(ex).__name__, ex)) from ex
    if spec is None:
        raise error("No module named %s" % mod_name)
    if spec.submodule_search_locations is not None:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return _get_module_details(mod_name + ".__main__", error)
        except error as e:
            if mod_name not in sys.modules:
                raise   # the package itself could not be imported
            raise error(("%s; %r is a package and cannot "
                         "be directly executed") % (e, mod_name))
    loader = spec.loader
    if loader is None:
        raise error("%r is a namespace package and cannot be executed"
                    % mod_name)
    try:
        code = _code_from_loader(loader, mod_name, spec)
    except ImportError as e:
        raise error(format(e)) from e
    if code is None:
        raise error("No code object available for %s" % mod_name)
    return mod_name, spec, code


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Execute a module's code without importing it.

    mod_name -- an absolute module name or package name.
    init_globals -- dictionary used to pre-populate the module's
        globals dictionary before the code is executed.
    run_name -- if not None, this will be used for setting __name__;
        otherwise, __name__ will be set to mod_name + '__main__' if the
        named module is a package and to just mod_name otherwise.
    alter_sys -- if True, sys.argv[0] is updated with the value of
        __file__ and sys.modules[__name__] is updated with a temporary
        module object for the module being executed. Both are restored
        to their original values before the function returns.

    Returns the resulting module globals dictionary.
    """
    mod_name, mod_spec, code = _get_module_details(mod_name)
    if run_name is None:
        run_name = mod_name
    if alter_sys:
        return _run_module_code(code, init_globals, run_name, mod_spec)
    # Leave the sys module alone.
    return _run_code(code, {}, init_globals, run_name, mod_spec)


def _get_main_module_details(error=ImportError):
    # Find __main__ on sys.path while hiding the running __main__ module
    # (find_spec would otherwise return its spec).
    main_name = "__main__"
    saved_main = sys.modules[main_name]
    del sys.modules[main_name]
    try:
        return _get_module_details(main_name)
    except ImportError as exc:
        if main_name in str(exc):
            raise error("can't find %r module in %r"
                        % (main_name, sys.path[0])) from exc
        raise
    finally:
        sys.modules[main_name] = saved_main


def _get_code_from_file(fname):
    with io.open_code(fname) if hasattr(io, "open_code") else \
            open(fname, "rb") as f:
        source = f.read()
    return compile(source, fname, "exec", dont_inherit=True)


def _is_zipfile(path):
    if not os.path.isfile(path):
        return False
    try:
        import zipfile
    except ImportError:
        return False
    return zipfile.is_zipfile(path)


def _main_from_zip(path_name):
    import zipfile
    with zipfile.ZipFile(path_name) as archive:
        try:
            source = archive.read("__main__.py")
        except KeyError:
            raise ImportError("can't find '__main__' module in %r"
                              % path_name) from None
    fname = os.path.join(path_name, "__main__.py")
    return compile(source, fname, "exec", dont_inherit=True), fname


def run_path(path_name, init_globals=None, run_name=None):
    """Execute code located at the specified filesystem location.

    path_name -- filesystem location of a Python script, zipfile, or
        directory containing a top level __main__.py script.
    init_globals -- dictionary used to pre-populate the module's
        globals dictionary before the code is executed.
    run_name -- if not None, this will be used to set __name__;
        otherwise, '<run_path>' will be used for __name__.

    Returns the resulting module globals dictionary.
    """
    if run_name is None:
        run_name = "<run_path>"
    pkg_name = run_name.rpartition(".")[0]
    path_name = os.fspath(path_name)
    if _is_zipfile(path_name):
        code, fname = _main_from_zip(path_name)
        sys.path.insert(0, path_name)
        try:
            return _run_module_code(code, init_globals, run_name,
                                    pkg_name=pkg_name, script_name=fname)
        finally:
            try:
                sys.path.remove(path_name)
            except ValueError:
                pass
    if not os.path.isdir(path_name):
        # A plain script: run it in a temporary module.
        code = _get_code_from_file(path_name)
        return _run_module_code(code, init_globals, run_name,
                                pkg_name=pkg_name, script_name=path_name)
    # A directory: its __main__ module becomes importable from sys.path.
    sys.path.insert(0, path_name)
    try:
        mod_name, mod_spec, code = _get_main_module_details()
        with _TempModule(run_name) as temp_module, \
                _ModifiedArgv0(path_name):
            mod_globals = temp_module.module.__dict__
            return _run_code(code, mod_globals, init_globals, run_name,
                             mod_spec, pkg_name).copy()
    finally:
        try:
            sys.path.remove(path_name)
        except ValueError:
            pass
