# The logging package: levels, the logger hierarchy, handlers, filters,
# formatters in three styles, records, adapters, basicConfig.
import io
import logging
import sys

print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(15))
logging.addLevelName(15, "VERBOSE")
print(logging.getLevelName(15), logging.getLevelName("VERBOSE"), logging.WARN, logging.FATAL)
print(sorted(logging.getLevelNamesMapping().items())[:3])

root = logging.getLogger()
print(root, root is logging.root, logging.getLogger("root") is root, root.level)
a = logging.getLogger("app")
ab = logging.getLogger("app.db")
abc = logging.getLogger("app.db.conn")
print(a, ab.parent is a, abc.parent is ab, a.getChild("db") is ab, abc.name)
# A child made before its parent is relinked when the parent comes.
deep = logging.getLogger("x.y.z")
print(deep.parent is root)
xy = logging.getLogger("x.y")
print(deep.parent is xy, xy.parent is root)

out = io.StringIO()
h = logging.StreamHandler(out)
h.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s|%(funcName)s|%(module)s|%(filename)s"))
a.addHandler(h)
a.setLevel(logging.INFO)


def work():
    ab.debug("hidden %d", 1)
    ab.info("connected to %s:%d", "db", 5432)
    abc.warning("slow query %(ms)d ms", {"ms": 250})
    ab.log(15, "verbose is below INFO")
    ab.log(25, "custom level")
    a.error("failed")
    a.critical("down")


work()
print(out.getvalue(), end="")
print(ab.getEffectiveLevel(), ab.isEnabledFor(logging.DEBUG), ab.isEnabledFor(logging.INFO))
print(a.hasHandlers(), logging.getLogger("other").hasHandlers())

# Handler levels, propagation, filters.
out2 = io.StringIO()
h2 = logging.StreamHandler(out2)
h2.setLevel(logging.ERROR)
h2.setFormatter(logging.Formatter("H2 %(message)s"))
ab.addHandler(h2)
ab.warning("warn goes to h only")
ab.error("error goes to both")
ab.propagate = False
ab.error("only h2 now")
ab.propagate = True
print(out2.getvalue(), end="")
print(out.getvalue().splitlines()[-2:])


class OnlyEven:
    def __init__(self):
        self.n = 0

    def filter(self, record):
        self.n += 1
        return self.n % 2 == 0


out3 = io.StringIO()
h3 = logging.StreamHandler(out3)
h3.addFilter(OnlyEven())
h3.addFilter(lambda record: "skip" not in record.getMessage())
log3 = logging.getLogger("filters")
log3.propagate = False
log3.addHandler(h3)
for i in range(6):
    log3.warning("msg %d %s", i, "skip" if i == 3 else "keep")
log3.addFilter(logging.Filter("other"))
log3.warning("filtered by name")
print(out3.getvalue(), end="")
f = logging.Filter("a.b")
mk = lambda name: logging.makeLogRecord({"name": name})
print(f.filter(mk("a.b")), f.filter(mk("a.b.c")), f.filter(mk("a.bc")), f.filter(mk("a")))

# Formatters: three styles, defaults, validation, time, exceptions.
rec = logging.makeLogRecord({"msg": "hello %s", "args": ("you",), "levelname": "INFO",
                             "name": "n", "created": 0.0, "msecs": 5.0, "lineno": 7})
print(logging.Formatter("{levelname}:{name}:{message}", style="{").format(rec))
print(logging.Formatter("${levelname} ${name} $message", style="$").format(rec))
print(logging.Formatter("%(levelname)-8s|%(lineno)04d|%(message)s").format(rec))
print(logging.Formatter("%(message)s %(extra)s", defaults={"extra": "dflt"}).format(rec))
tf = logging.Formatter("%(asctime)s %(message)s")
tf.converter = __import__("time").gmtime
print(tf.format(rec))
print(logging.Formatter("%(asctime)s", datefmt="%Y/%m/%d").formatTime(rec, "%Y/%m/%d") [:2])
for bad, style in [("no fields", "%"), ("{x!z}", "{"), ("plain", "$"), ("a $ b", "$"), ("x", "?")]:
    try:
        logging.Formatter(bad, style=style)
    except ValueError as e:
        print("ValueError:", e)
try:
    logging.Formatter("%(missing)s").format(rec)
except ValueError as e:
    print("ValueError:", e)

out4 = io.StringIO()
h4 = logging.StreamHandler(out4)
h4.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
exc_log = logging.getLogger("exc")
exc_log.propagate = False
exc_log.addHandler(h4)
try:
    {}["k"]
except KeyError:
    exc_log.exception("lookup failed")
text = out4.getvalue()
print(text.splitlines()[0], "|", text.splitlines()[1], "|", text.splitlines()[-1])
try:
    1 / 0
except ZeroDivisionError as e:
    exc_log.error("with instance", exc_info=e)
print(out4.getvalue().splitlines()[-1])

# Records and extra.
seen = []


class Keep(logging.Handler):
    def emit(self, record):
        seen.append(record)


keep = Keep()
rl = logging.getLogger("records")
rl.propagate = False
rl.addHandler(keep)
rl.warning("with extra", extra={"user": "ann"})
r = seen[-1]
print(r.user, r.levelno, r.levelname, r.funcName, r.filename, r.args, r.getMessage(), r.exc_info)
print(r.threadName, r.processName, type(r.created).__name__, r.msecs == int(r.msecs))
try:
    rl.warning("clash", extra={"message": 1})
except KeyError as e:
    print("KeyError:", e)
try:
    rl.log("WARNING", "x")
except TypeError as e:
    print("TypeError:", e)


def helper():
    rl.warning("from helper", stacklevel=2)


def caller():
    helper()


caller()
print(seen[-1].funcName)
rl.warning("stack", stack_info=True)
print(seen[-1].stack_info.splitlines()[0])

# Adapters.
out5 = io.StringIO()
h5 = logging.StreamHandler(out5)
h5.setFormatter(logging.Formatter("%(conn)s %(message)s"))
al = logging.getLogger("adapted")
al.propagate = False
al.addHandler(h5)


class Prefixed(logging.LoggerAdapter):
    def process(self, msg, kwargs):
        msg, kwargs = super().process(msg, kwargs)
        return "[%s] %s" % (self.extra["conn"], msg), kwargs


ad = Prefixed(al, {"conn": "c1"})
ad.warning("hello %d", 5)
ad.debug("hidden")
print(out5.getvalue(), end="")
print(ad, ad.name, ad.isEnabledFor(logging.DEBUG))

# Levels by name, errors, repr, disable.
al.setLevel("DEBUG")
print(al.level, al)
for bad in ["LOUD", 1.5]:
    try:
        al.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(repr(h5)[:15], logging.NullHandler(), logging.Handler(logging.ERROR))
logging.disable(logging.WARNING)
ad.warning("disabled")
ad.error("error still on")
logging.disable(logging.NOTSET)
print(out5.getvalue().splitlines()[-1])

# The last resort (no handler anywhere), then basicConfig.
saved = sys.stderr
sys.stderr = sys.stdout
logging.getLogger("lonely").warning("no handlers: %s", "last resort")
logging.getLogger("lonely").info("not shown")
sys.stderr = saved
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)s:%(name)s:%(message)s")
logging.info("root info")
logging.getLogger("after").debug("debug now shown")
logging.basicConfig(stream=sys.stdout, format="ignored: %(message)s")
logging.warning("second basicConfig ignored")
logging.basicConfig(stream=sys.stdout, format="{message}!", style="{", force=True)
logging.warning("forced")
try:
    logging.basicConfig(force=True, bogus=1)
except ValueError as e:
    print("ValueError:", e)
