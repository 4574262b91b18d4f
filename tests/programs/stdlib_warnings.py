# warnings: filters, actions, registries, formatting, catch_warnings.
import sys
import warnings

# Warnings go to stderr with the file's path: show them on stdout, with the
# folder left out (it differs between machines).
HERE = sys._getframe(0).f_code.co_filename.rpartition("/")[0]


class Out:
    def write(self, text):
        if HERE:
            text = text.replace(HERE + "/", "")
        sys.stdout.write(text)

    def flush(self):
        pass


sys.stderr = Out()


def show(label, f, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
        if result is not None:
            print(label, repr(result))
    except Exception as e:
        print(label, type(e).__name__, e)


print(warnings.filters)
print(warnings.defaultaction, warnings.onceregistry, warnings.__all__)

# The default action: once per location.
for i in range(3):
    warnings.warn("looped")
warnings.warn("looped")
print(sorted((k for k in __warningregistry__ if k != "version"), key=str))
print(__warningregistry__["version"])

# DeprecationWarning shows in __main__, not elsewhere.
warnings.warn("old", DeprecationWarning)
exec(compile("import warnings\nwarnings.warn('old elsewhere', DeprecationWarning)\n",
             "fake.py", "exec"), {"__name__": "fakemod"})
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("res", ResourceWarning)
warnings.warn("imp", ImportWarning)
warnings.warn("future", FutureWarning)


# Categories and messages.
class MyWarning(UserWarning):
    pass


class Loud(RuntimeWarning):
    def __str__(self):
        return "LOUD:" + super().__str__()


warnings.warn("mine", MyWarning)
warnings.warn(Loud("instance"))
warnings.warn(UserWarning("instance wins"), DeprecationWarning)
warnings.warn(123)
warnings.warn(("a", "tuple"))
for bad in [int, 5, ValueError, "x", UserWarning("i")]:
    show("category", warnings.warn, "m", bad)
show("stacklevel", warnings.warn, "m", stacklevel="a")
show("stacklevel", warnings.warn, "m", stacklevel=1.5)


# stacklevel picks the frame.
def deprecated_api():
    warnings.warn("called deprecated_api", stacklevel=2)


def inner_level(level):
    warnings.warn(f"level {level}", stacklevel=level)


def outer_level(level):
    inner_level(level)


deprecated_api()
for level in (-1, 0, 1, 2, 3, 4, 10):
    outer_level(level)
print(sorted((k for k in sys.__dict__.get("__warningregistry__", {}) if k != "version"), key=str))
warnings.warn(
    "spread over lines"
)

# Actions.
warnings.simplefilter("error", MyWarning)
print(warnings.filters[0])
try:
    warnings.warn("now an error", MyWarning)
except MyWarning as e:
    print("raised", type(e).__name__, repr(e), e.args)
try:
    warnings.warn(Loud("loud error"))
except RuntimeWarning as e:
    print("not an error:", e)
warnings.simplefilter("error")
try:
    warnings.warn(Loud("loud error"))
except RuntimeWarning as e:
    print("raised", type(e).__name__, e)
warnings.resetwarnings()
print(warnings.filters)

warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always shown")
warnings.simplefilter("ignore", UserWarning)
warnings.warn("ignored")
warnings.warn("not ignored", SyntaxWarning)
warnings.resetwarnings()

warnings.simplefilter("module")
for i in range(2):
    warnings.warn("per module")
warnings.warn("per module")
warnings.warn("per module", BytesWarning)
print(sorted((k for k in __warningregistry__ if k != "version"), key=str))
warnings.resetwarnings()

warnings.simplefilter("once")
for i in range(2):
    warnings.warn("just once")
warnings.warn("just once")
exec(compile("import warnings\nwarnings.warn('just once')\n", "fake.py", "exec"),
     {"__name__": "fakemod"})
warnings.warn_explicit("explicit once", UserWarning, "a.py", 1)
warnings.warn_explicit("explicit once", UserWarning, "b.py", 2)
print(warnings.onceregistry)
warnings.resetwarnings()

# Message and module regexes, line numbers, order.
warnings.filterwarnings("error", "boom", RuntimeWarning)
print(warnings.filters[0])
show("boom", warnings.warn, "BOOM at the start", RuntimeWarning)
warnings.warn("no boom at the start", RuntimeWarning)
warnings.warn("boom but a UserWarning")
warnings.filterwarnings("ignore", module="fake")
exec(compile("import warnings\nwarnings.warn('from fakemod')\n", "fake.py", "exec"),
     {"__name__": "fakemod"})
exec(compile("import warnings\nwarnings.warn('from other')\n", "other.py", "exec"),
     {"__name__": "othermod"})
exec(compile("import warnings\nwarnings.warn('no name')\n", "noname.py", "exec"), {})
warnings.filterwarnings("ignore", lineno=7, append=True)
warnings.filterwarnings("error", lineno=999)
warnings.warn_explicit("line 7", UserWarning, "x.py", 7)
show("line 999", warnings.warn_explicit, "line 999", UserWarning, "x.py", 999)
warnings.warn_explicit("line 8", UserWarning, "x.py", 8)
for f in warnings.filters:
    print(f)
warnings.resetwarnings()
warnings.simplefilter("ignore", UserWarning, append=True)
warnings.simplefilter("ignore", UserWarning, append=True)
warnings.simplefilter("error", UserWarning)
warnings.simplefilter("error", UserWarning)
warnings.simplefilter("always", MyWarning, 3)
print(warnings.filters)

# Bad filters.
for bad in [("bogus",), ("error", 5), ("error", "", int), ("error", "", 3),
            ("error", "", UserWarning, 5), ("error", "", UserWarning, "", -1)]:
    show("filterwarnings", warnings.filterwarnings, *bad)
for bad in [("bogus",), ("error", UserWarning, -1), ("error", UserWarning, "x")]:
    show("simplefilter", warnings.simplefilter, *bad)
warnings.resetwarnings()
warnings.filters.append(("weird", None, Warning, None, 0))
show("weird", warnings.warn, "x")
warnings.filters[:] = [("ignore", None, Warning)]
show("short", warnings.warn, "x2")
warnings.filters[:] = [(1, None, Warning, None, 0)]
show("action", warnings.warn, "x3")
saved = warnings.filters
warnings.filters = ("a",)
show("tuple", warnings.warn, "x4")
warnings.filters = saved
warnings.filters[:] = []
warnings.defaultaction = 5
show("defaultaction", warnings.warn, "x5")
warnings.defaultaction = "ignore"
warnings.warn("quiet")
warnings.defaultaction = "error"
show("defaultaction", warnings.warn, "loud")
warnings.defaultaction = "default"

# formatwarning and showwarning.
print(warnings.formatwarning("msg", UserWarning, "f.py", 3), end="")
print(repr(warnings.formatwarning("msg", UserWarning, "stdlib_warnings.py", 3)))
print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 3, line="  given line  ")))
print(repr(warnings.formatwarning("msg", UserWarning, "f.py", 3, line="   ")))
print(repr(warnings.formatwarning(Loud("m"), MyWarning, "f.py", 3, line="")))
print(repr(warnings.formatwarning("m", MyWarning, "stdlib_warnings.py", 100000)))
warnings.showwarning("shown", FutureWarning, "zz.py", 10)
warnings.showwarning("shown", FutureWarning, "zz.py", 10, line="given")


class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


buf = Buffer()
warnings.showwarning("to a buffer", FutureWarning, "zz.py", 10, file=buf)
print(buf.parts)


class Broken:
    def write(self, text):
        raise OSError("disk full")


warnings.showwarning("lost", FutureWarning, "zz.py", 10, file=Broken())
warnings.warn("with a source", ResourceWarning, source=object())
warnings.simplefilter("always")
warnings.warn("with a source", ResourceWarning, source=object())
warnings.warn("with a source", RuntimeWarning, source=[1])
warnings.resetwarnings()

# catch_warnings.
before = warnings.filters
with warnings.catch_warnings(record=True) as log:
    print(warnings.filters is before, warnings.filters == before)
    warnings.simplefilter("always")
    warnings.warn("one")
    warnings.warn("two", SyntaxWarning)
    warnings.warn(BytesWarning("three"))
    warnings.warn(Loud("four"), stacklevel=1)
    warnings.warn("five", source="src")
print(warnings.filters is before, len(log))
print([str(m.message) for m in log], [m.category.__name__ for m in log])
first = log[0]
print(first.filename.endswith("stdlib_warnings.py"), first.lineno, first.line, first.file,
      first.source, log[4].source)
print(str(first).replace(HERE + "/", "") if HERE else str(first))
print(warnings.WarningMessage("m", UserWarning, "f", 1))
print(warnings.WarningMessage("m", None, "f", 1, line="x"))
print(isinstance(first.message, UserWarning), first._category_name)

with warnings.catch_warnings():
    warnings.simplefilter("error")
    show("inside", warnings.warn, "inside")
warnings.warn("outside")

with warnings.catch_warnings(record=True) as log:
    warnings.warn("default action inside")
    warnings.warn("default action inside")
print(len(log))

cw = warnings.catch_warnings()
print(cw, warnings.catch_warnings(record=True))
show("exit", cw.__exit__, None, None, None)
cw.__enter__()
show("enter", cw.__enter__)
cw.__exit__(None, None, None)

with warnings.catch_warnings(action="error", category=FutureWarning):
    print(warnings.filters[0])
    show("action", warnings.warn, "future", FutureWarning)
with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
print(warnings.filters == before)

with warnings.catch_warnings(record=True) as outer_log:
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as inner_log:
        warnings.warn("inner")
    warnings.warn("outer")
print([str(m.message) for m in outer_log], [str(m.message) for m in inner_log])

try:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        raise KeyError("body")
except KeyError as e:
    print("KeyError", e, warnings.filters == before)


# A replaced showwarning or formatwarning.
def my_show(message, category, filename, lineno, file=None, line=None):
    print("SHOW", repr(message), category.__name__, filename.rpartition("/")[2], lineno,
          file, line)


warnings.showwarning = my_show
warnings.warn("custom")
warnings.warn(Loud("custom loud"))
with warnings.catch_warnings(record=True) as log:
    warnings.warn("recorded, not shown")
print(len(log), warnings.showwarning is my_show)
warnings.showwarning = 5
show("showwarning", warnings.warn, "custom2")
warnings.showwarning = warnings._showwarning_orig


def my_format(message, category, filename, lineno, line=None):
    return "FORMAT %s %s %s\n" % (message, category.__name__, line)


warnings.formatwarning = my_format
warnings.warn("formatted")
warnings.showwarning("formatted too", UserWarning, "f.py", 1)
warnings.formatwarning = warnings._formatwarning_orig

# warn_explicit.
warnings.warn_explicit("expl", UserWarning, "file.py", 7)
warnings.warn_explicit("expl", UserWarning, "file.py", 7, "mod", {})
registry = {}
warnings.warn_explicit("expl", UserWarning, "file.py", 7, "mod", registry)
warnings.warn_explicit("expl", UserWarning, "file.py", 7, "mod", registry)
print(sorted((k for k in registry if k != "version"), key=str), registry["version"] > 0)
registry["version"] = -1
warnings.warn_explicit("expl", UserWarning, "file.py", 7, "mod", registry)
warnings.warn_explicit(MyWarning("expl inst"), None, "file.py", 8)
show("registry", warnings.warn_explicit, "expl", UserWarning, "file.py", 7, "mod", 5)
show("globals", warnings.warn_explicit, "expl", UserWarning, "file.py", 7, "mod", None, 5)
show("filename", warnings.warn_explicit, "expl", UserWarning, 5, 7)
warnings.filterwarnings("error", module="^file$")
show("module from filename", warnings.warn_explicit, "m", UserWarning, "file.py", 9)
show("module from filename", warnings.warn_explicit, "m", UserWarning, "file.PY", 9)
warnings.filterwarnings("error", module="<unknown>")
show("unknown module", warnings.warn_explicit, "m", UserWarning, "", 9)
warnings.resetwarnings()

# The version stamp: a registry made before a filter change is emptied.
warnings.simplefilter("default")
warnings.warn("stamped")
warnings.warn("stamped")
warnings.simplefilter("default")
warnings.warn("stamped")
print(len([k for k in __warningregistry__ if k != "version"]))
