"""Where the interpreter's files go and how it was built (CPython's
`sysconfig`), answered for krait.

The installation schemes (`get_paths`, `get_path`...) are CPython 3.11's,
with the same names and path templates, filled in from krait's own `sys`
(`sys.prefix`, `sys.exec_prefix`, `sys.platlibdir`...). They say where a
CPython laid out the same way would keep its files; krait itself reads
its standard library from inside its binary, so `stdlib` is not a folder
krait needs, and `include` holds no C headers (krait has no C API).

The configuration variables are a small set made here rather than
CPython's ~1000 read from the Makefile and pyconfig.h of a C build: the
versions and install folders, ABI names, the sizes of C types on this
machine, MACHDEP/MULTIARCH and TZPATH. Compiler settings (CC, CFLAGS,
LDSHARED...) are left out since krait builds no extension modules; SOABI
and EXT_SUFFIX are named after krait (`krait-311-<multiarch>`), and no
module file with that suffix is ever loaded. `get_makefile_filename` and
`get_config_h_filename` name where those files would be; they do not
exist.
"""

import os
import sys

__all__ = [
    "get_config_h_filename", "get_config_var", "get_config_vars",
    "get_makefile_filename", "get_path", "get_path_names", "get_paths",
    "get_platform", "get_python_version", "get_scheme_names",
    "parse_config_h",
]

_INSTALL_SCHEMES = {
    "posix_prefix": {
        "stdlib": "{installed_base}/{platlibdir}/python{py_version_short}",
        "platstdlib": "{platbase}/{platlibdir}/python{py_version_short}",
        "purelib": "{base}/lib/python{py_version_short}/site-packages",
        "platlib": "{platbase}/{platlibdir}/python{py_version_short}/site-packages",
        "include": "{installed_base}/include/python{py_version_short}{abiflags}",
        "platinclude": "{installed_platbase}/include/python{py_version_short}{abiflags}",
        "scripts": "{base}/bin",
        "data": "{base}",
    },
    "posix_home": {
        "stdlib": "{installed_base}/lib/python",
        "platstdlib": "{base}/lib/python",
        "purelib": "{base}/lib/python",
        "platlib": "{base}/lib/python",
        "include": "{installed_base}/include/python",
        "platinclude": "{installed_base}/include/python",
        "scripts": "{base}/bin",
        "data": "{base}",
    },
    "nt": {
        "stdlib": "{installed_base}/Lib",
        "platstdlib": "{base}/Lib",
        "purelib": "{base}/Lib/site-packages",
        "platlib": "{base}/Lib/site-packages",
        "include": "{installed_base}/Include",
        "platinclude": "{installed_base}/Include",
        "scripts": "{base}/Scripts",
        "data": "{base}",
    },
    "nt_user": {
        "stdlib": "{userbase}/Python{py_version_nodot_plat}",
        "platstdlib": "{userbase}/Python{py_version_nodot_plat}",
        "purelib": "{userbase}/Python{py_version_nodot_plat}/site-packages",
        "platlib": "{userbase}/Python{py_version_nodot_plat}/site-packages",
        "include": "{userbase}/Python{py_version_nodot_plat}/Include",
        "scripts": "{userbase}/Python{py_version_nodot_plat}/Scripts",
        "data": "{userbase}",
    },
    "posix_user": {
        "stdlib": "{userbase}/{platlibdir}/python{py_version_short}",
        "platstdlib": "{userbase}/{platlibdir}/python{py_version_short}",
        "purelib": "{userbase}/lib/python{py_version_short}/site-packages",
        "platlib": "{userbase}/lib/python{py_version_short}/site-packages",
        "include": "{userbase}/include/python{py_version_short}",
        "scripts": "{userbase}/bin",
        "data": "{userbase}",
    },
    "osx_framework_user": {
        "stdlib": "{userbase}/lib/python",
        "platstdlib": "{userbase}/lib/python",
        "purelib": "{userbase}/lib/python/site-packages",
        "platlib": "{userbase}/lib/python/site-packages",
        "include": "{userbase}/include/python{py_version_short}",
        "scripts": "{userbase}/bin",
        "data": "{userbase}",
    },
}
# A virtual environment is laid out like the platform's prefix scheme.
_INSTALL_SCHEMES["posix_venv"] = dict(_INSTALL_SCHEMES["posix_prefix"])
_INSTALL_SCHEMES["nt_venv"] = dict(_INSTALL_SCHEMES["nt"])
_INSTALL_SCHEMES["venv"] = dict(_INSTALL_SCHEMES["nt_venv" if os.name == "nt" else "posix_venv"])

_SCHEME_KEYS = ("stdlib", "platstdlib", "purelib", "platlib", "include",
                "scripts", "data")

_PY_VERSION = "%d.%d.%d" % sys.version_info[:3]
_PY_VERSION_SHORT = "%d.%d" % sys.version_info[:2]
_PY_VERSION_SHORT_NO_DOT = "%d%d" % sys.version_info[:2]
_PREFIX = os.path.normpath(sys.prefix)
_BASE_PREFIX = os.path.normpath(getattr(sys, "base_prefix", sys.prefix))
_EXEC_PREFIX = os.path.normpath(sys.exec_prefix)
_BASE_EXEC_PREFIX = os.path.normpath(getattr(sys, "base_exec_prefix", sys.exec_prefix))
if sys.executable:
    _PROJECT_BASE = os.path.dirname(os.path.abspath(sys.executable))
else:
    _PROJECT_BASE = os.getcwd()

_CONFIG_VARS = None


def _getuserbase():
    """The root of the per-user scheme: PYTHONUSERBASE, or ~/.local
    (%APPDATA%\\Python on Windows)."""
    base = os.environ.get("PYTHONUSERBASE")
    if base:
        return base
    if os.name == "nt":
        return os.path.join(os.environ.get("APPDATA") or "~", "Python")
    return os.path.expanduser("~/.local")


def get_scheme_names():
    """The names of the installation schemes, sorted."""
    return tuple(sorted(_INSTALL_SCHEMES))


def get_path_names():
    """The names of the paths every scheme defines."""
    return _SCHEME_KEYS


def _get_preferred_schemes():
    if os.name == "nt":
        return {"prefix": "nt", "home": "posix_home", "user": "nt_user"}
    if sys.platform == "darwin" and getattr(sys, "_framework", None):
        return {"prefix": "posix_prefix", "home": "posix_home",
                "user": "osx_framework_user"}
    return {"prefix": "posix_prefix", "home": "posix_home", "user": "posix_user"}


def get_preferred_scheme(key):
    """The scheme to install into for `key` ('prefix', 'home' or
    'user'); 'venv' for 'prefix' inside a virtual environment. KeyError
    for another key."""
    if key == "prefix" and sys.prefix != getattr(sys, "base_prefix", sys.prefix):
        return "venv"
    scheme = _get_preferred_schemes()[key]
    if scheme not in _INSTALL_SCHEMES:
        raise ValueError(f"{scheme!r} returned by {key!r} is not a valid scheme name")
    return scheme


def get_default_scheme():
    """The scheme a plain install uses (`get_preferred_scheme('prefix')`)."""
    return get_preferred_scheme("prefix")


def _subst_vars(s, local_vars):
    """`s` with its `{name}` fields filled from `local_vars`, or failing
    that from the environment; AttributeError naming a field neither
    has."""
    try:
        return s.format(**local_vars)
    except KeyError as missing:
        try:
            return s.format(**os.environ)
        except KeyError:
            raise AttributeError(str(missing)) from None


def _expand_vars(scheme, vars):
    values = dict(vars) if vars else {}
    for name, value in get_config_vars().items():
        values.setdefault(name, value)
    result = {}
    for key, template in _INSTALL_SCHEMES[scheme].items():
        if os.name in ("posix", "nt"):
            template = os.path.expanduser(template)
        result[key] = os.path.normpath(_subst_vars(template, values))
    return result


def get_paths(scheme=None, vars=None, expand=True):
    """The paths of `scheme` (the default scheme if None) as a dict, with
    the `{name}` fields filled from `vars` and the configuration
    variables; with `expand` false, the scheme's own templates."""
    if scheme is None:
        scheme = get_default_scheme()
    if expand:
        return _expand_vars(scheme, vars)
    return _INSTALL_SCHEMES[scheme]


def get_path(name, scheme=None, vars=None, expand=True):
    """One path of `get_paths(scheme, vars, expand)`."""
    return get_paths(scheme, vars, expand)[name]


def _sizeof(code):
    import struct
    return struct.calcsize(code)


def _init_config_vars():
    impl = sys.implementation
    multiarch = getattr(impl, "_multiarch", None) or ""
    soabi = impl.cache_tag + ("-" + multiarch if multiarch else "")
    prefix, exec_prefix = _PREFIX, _EXEC_PREFIX
    libdir = os.path.join(exec_prefix, sys.platlibdir)
    libdest = os.path.join(prefix, sys.platlibdir, "python" + _PY_VERSION_SHORT)
    include = os.path.join(prefix, "include", "python" + _PY_VERSION_SHORT + sys.abiflags)
    libpl = os.path.join(libdest, f"config-{_PY_VERSION_SHORT}{sys.abiflags}"
                         + (f"-{multiarch}" if multiarch else ""))
    config = {
        # The values the installation schemes are filled from.
        "prefix": prefix,
        "exec_prefix": exec_prefix,
        "py_version": _PY_VERSION,
        "py_version_short": _PY_VERSION_SHORT,
        "py_version_nodot": _PY_VERSION_SHORT_NO_DOT,
        "py_version_nodot_plat": "",
        "installed_base": _BASE_PREFIX,
        "base": prefix,
        "installed_platbase": _BASE_EXEC_PREFIX,
        "platbase": exec_prefix,
        "projectbase": _PROJECT_BASE,
        "platlibdir": sys.platlibdir,
        "abiflags": sys.abiflags,
        "userbase": _getuserbase(),
        "srcdir": libpl,
        # Makefile-style names, as a CPython install would have them.
        "VERSION": _PY_VERSION_SHORT,
        "BINDIR": os.path.join(exec_prefix, "bin"),
        "LIBDIR": libdir,
        "LIBDEST": libdest,
        "BINLIBDEST": os.path.join(exec_prefix, sys.platlibdir, "python" + _PY_VERSION_SHORT),
        "LIBPL": libpl,
        "INCLUDEPY": include,
        "CONFINCLUDEPY": include,
        "DESTSHARED": os.path.join(libdest, "lib-dynload"),
        "SOABI": soabi,
        "EXT_SUFFIX": "." + soabi + (".pyd" if os.name == "nt" else ".so"),
        "SHLIB_SUFFIX": ".pyd" if os.name == "nt" else ".so",
        "EXE": ".exe" if os.name == "nt" else "",
        "MACHDEP": sys.platform,
        "MULTIARCH": multiarch,
        "TZPATH": "/usr/share/zoneinfo:/usr/lib/zoneinfo:/usr/share/lib/zoneinfo:/etc/zoneinfo",
        "Py_DEBUG": 0,
        "Py_ENABLE_SHARED": 0,
        "WITH_DOC_STRINGS": 1,
        "HAVE_FORK": 0,
    }
    # The sizes of C types on this machine (CPython's are those of its C
    # compiler; `struct` in native mode reports the same on one machine).
    for name, code in (("SIZEOF_VOID_P", "P"), ("SIZEOF_SIZE_T", "N"),
                       ("SIZEOF_INT", "i"), ("SIZEOF_LONG", "l"),
                       ("SIZEOF_LONG_LONG", "q"), ("SIZEOF_SHORT", "h"),
                       ("SIZEOF_DOUBLE", "d"), ("SIZEOF_FLOAT", "f")):
        try:
            config[name] = _sizeof(code)
        except Exception:
            pass
    config.setdefault("SIZEOF_VOID_P", 8 if sys.maxsize > 2 ** 32 else 4)
    return config


def get_config_vars(*args):
    """With no arguments, the dict of configuration variables (the same
    dict each time: changes to it stay); with names, a list of their
    values (None for unknown ones)."""
    global _CONFIG_VARS
    if _CONFIG_VARS is None:
        _CONFIG_VARS = _init_config_vars()
    if args:
        return [_CONFIG_VARS.get(name) for name in args]
    return _CONFIG_VARS


def get_config_var(name):
    """The value of one configuration variable, or None."""
    return get_config_vars().get(name)


def get_platform():
    """The platform a build is for, as 'linux-x86_64', 'win-amd64',
    'macosx-10.9-x86_64'...: the system and machine names of `os.uname()`
    (overridden by the _PYTHON_HOST_PLATFORM environment variable, as in
    CPython)."""
    if os.name == "nt":
        text = sys.version.lower()
        if "amd64" in text:
            return "win-amd64"
        if "(arm64)" in text:
            return "win-arm64"
        if "(arm)" in text:
            return "win-arm32"
        return sys.platform
    if "_PYTHON_HOST_PLATFORM" in os.environ:
        return os.environ["_PYTHON_HOST_PLATFORM"]
    system, _, release, _, machine = os.uname()
    system = system.lower().replace("/", "")
    machine = machine.replace(" ", "_").replace("/", "-")
    if system.startswith("linux"):
        return f"{system}-{machine}"
    if system.startswith("darwin"):
        target = os.environ.get("MACOSX_DEPLOYMENT_TARGET")
        if not target:
            import platform
            target = platform.mac_ver()[0] or release
        return f"macosx-{'.'.join(target.split('.')[:2])}-{machine}"
    if system.startswith("cygwin"):
        release = release.split("(")[0]
    return f"{system}-{release}-{machine}"


def get_python_version():
    """'MAJOR.MINOR' of the language version krait runs."""
    return _PY_VERSION_SHORT


def is_python_build(check_home=False):
    """Whether this interpreter runs from a CPython source tree: never
    for krait. (`check_home` is deprecated and ignored, as in 3.11.)"""
    if check_home:
        import warnings
        warnings.warn("check_home argument is deprecated and ignored.",
                      DeprecationWarning, stacklevel=2)
    return False


def get_makefile_filename():
    """Where a CPython install keeps its Makefile (krait has none)."""
    return os.path.join(get_config_var("LIBPL"), "Makefile")


def get_config_h_filename():
    """Where a CPython install keeps pyconfig.h (krait has none)."""
    return os.path.join(get_config_var("INCLUDEPY"), "pyconfig.h")


def parse_config_h(fp, vars=None):
    """Reads a pyconfig.h-style file into `vars` (a new dict if None) and
    returns it: `#define NAME VALUE` gives VALUE (as an int when it is
    one), `/* #undef NAME */` gives 0."""
    import re
    define = re.compile(r"#define ([A-Z][A-Za-z0-9_]+) (.*)\n")
    undef = re.compile(r"/[*] #undef ([A-Z][A-Za-z0-9_]+) [*]/\n")
    if vars is None:
        vars = {}
    for line in fp:
        found = define.match(line)
        if found:
            name, value = found.groups()
            try:
                value = int(value)
            except ValueError:
                pass
            vars[name] = value
            continue
        found = undef.match(line)
        if found:
            vars[found.group(1)] = 0
    return vars
