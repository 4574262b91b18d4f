# logging to files (FileHandler, delay), errors while emitting, captured
# warnings, the logger class.
import logging, os, sys, warnings
path = "lg2_out.log"
fh = logging.FileHandler(path, mode="w")
fh.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
lg = logging.getLogger("file")
lg.addHandler(fh)
lg.warning("one")
lg.error("two %s", "args")
print(repr(fh).endswith("lg2_out.log (NOTSET)>"))
fh.close()
print(open(path).read(), end="")
dh = logging.FileHandler(path, delay=True)
print(dh.stream)
lg.removeHandler(fh); lg.addHandler(dh)
lg.warning("three")
dh.close()
print(open(path).read(), end="")
os.remove(path)
lg.removeHandler(dh)
# Errors while emitting are reported on stderr and the program goes on.
h = logging.StreamHandler(sys.stdout)
lg.addHandler(h)
import io
saved, sys.stderr = sys.stderr, io.StringIO()
lg.warning("bad %d", "x")
report, sys.stderr = sys.stderr.getvalue().splitlines(), saved
here = os.path.dirname(os.path.abspath(__file__)) + os.sep
print(report[0], report[1], "|", report[-5], "|", *[r.replace(here, "") for r in report[-4:]], sep="\n")
print("still running")
logging.captureWarnings(True)
wl = logging.getLogger("py.warnings")
wl.addHandler(logging.StreamHandler(sys.stdout))
wl.handlers[0].setFormatter(logging.Formatter("%(name)s: %(message)s"))
wl.handlers[0].addFilter(lambda r: setattr(r, "msg", r.msg.replace(here, "")) or True)
warnings.warn("careful")
logging.captureWarnings(False)
print(logging.getLoggerClass(), logging.getLogRecordFactory())
class MyLogger(logging.Logger):
    pass
logging.setLoggerClass(MyLogger)
print(type(logging.getLogger("mine")).__name__)
logging.setLoggerClass(logging.Logger)
try:
    logging.setLoggerClass(int)
except TypeError as e:
    print(e)
