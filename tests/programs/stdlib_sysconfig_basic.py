# (The deprecated calls' warnings, which CPython prints too, are not
# the subject here.)
import warnings
warnings.simplefilter("ignore", DeprecationWarning)
# sysconfig: schemes, paths (shown relative to sys.prefix), config vars,
# platform and version queries.
import os, sys, sysconfig, io

def rel(v):
    if isinstance(v, str):
        for base, mark in ((sys.prefix, "<prefix>"), (os.path.expanduser("~"), "<home>")):
            if v.startswith(base):
                return mark + v[len(base):]
    return v

print(sysconfig.get_scheme_names())
print(sysconfig.get_path_names())
print(sysconfig.get_default_scheme(), [sysconfig.get_preferred_scheme(k) for k in ("prefix", "home", "user")])
os.environ.pop("PYTHONUSERBASE", None)
print(sorted((k, rel(v)) for k, v in sysconfig.get_paths().items()))
for scheme in sysconfig.get_scheme_names():
    if scheme and scheme.startswith(("nt", "osx")):
        continue
    paths = sysconfig.get_paths(scheme)
    print(scheme, sorted((k, rel(v)) for k, v in paths.items()))
print(sorted(sysconfig.get_paths("nt", vars={"base": "C:/Py", "installed_base": "C:/Py"}).items()))
print(sorted(sysconfig.get_paths("posix_user", vars={"userbase": "/u"}).items()))
print([(k, rel(v)) for k, v in sorted(sysconfig.get_paths(vars={"base": "/x/y/../z"}).items())])
print(sysconfig.get_paths("posix_home", expand=False))
print(sysconfig.get_paths("posix_home", expand=False) is sysconfig.get_paths("posix_home", expand=False))
print(rel(sysconfig.get_path("purelib")), rel(sysconfig.get_path("scripts")), sysconfig.get_path("data", "posix_prefix", {"base": "/b"}))
print(sysconfig.get_path("stdlib", expand=False))
for bad in (lambda: sysconfig.get_path("nope"), lambda: sysconfig.get_paths("nope"),
            lambda: sysconfig.get_preferred_scheme("nope"), lambda: sysconfig._subst_vars("{nope_x}", {})):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(sysconfig._subst_vars("{a}-{b}", {"a": 1, "b": "two"}))

cv = sysconfig.get_config_vars()
print(type(cv).__name__, cv is sysconfig.get_config_vars())
for k in ("prefix", "exec_prefix", "py_version", "py_version_short", "py_version_nodot",
          "py_version_nodot_plat", "VERSION", "abiflags", "installed_base", "base", "platbase",
          "installed_platbase", "LIBDIR", "BINDIR", "platlibdir", "LIBDEST", "INCLUDEPY",
          "SIZEOF_VOID_P", "SIZEOF_INT", "SIZEOF_LONG", "SIZEOF_SIZE_T", "MACHDEP", "MULTIARCH",
          "TZPATH", "Py_DEBUG", "WITH_DOC_STRINGS", "EXE", "userbase", "SO", "NOT_A_VAR"):
    print(k, repr(rel(sysconfig.get_config_var(k))))
print(cv["projectbase"] == os.path.dirname(os.path.abspath(sys.executable)))
print([rel(v) for v in sysconfig.get_config_vars("VERSION", "nope", "prefix")])
soabi, ext = cv["SOABI"], cv["EXT_SUFFIX"]
print(soabi is None or isinstance(soabi, str), ext.startswith(".") and ext.endswith(".so"))
if soabi:
    print(soabi in ext)
print(rel(sysconfig.get_makefile_filename()).endswith("/Makefile"),
      rel(sysconfig.get_config_h_filename()))
print(sysconfig.get_platform() == "%s-%s" % (os.uname().sysname.lower(), os.uname().machine))
os.environ["_PYTHON_HOST_PLATFORM"] = "fancy-os"
print(sysconfig.get_platform())
del os.environ["_PYTHON_HOST_PLATFORM"]
print(sysconfig.get_python_version(), sysconfig.is_python_build(), sysconfig.is_python_build(True))
h = io.StringIO('#define AB 1\n#define BB "x"\n/* #undef CC */\n#define DD\n#define EE 0x10\n'
                '#define FF  2 \n  #define GG 3\n#define hh 4\n#define I_9 -5\n#define KK 1 /* c */\n')
print(sysconfig.parse_config_h(h))
print(sysconfig.parse_config_h(io.StringIO("#define ZZ 7\n"), {"A": 0}))
print(sorted(sysconfig.__all__))
os.environ["PYTHONUSERBASE"] = "/pub"
sysconfig._CONFIG_VARS = None
print(sysconfig.get_config_var("userbase"), sysconfig.get_path("purelib", "posix_user"))
