# sys.displayhook and sys.excepthook write to sys.stdout/sys.stderr as the
# program has them (a StringIO), not to the process's streams.
import io
import sys

buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
sys.__displayhook__(42)
sys.displayhook("text")
sys.displayhook(None)
exec(compile("43\n", "<s>", "single"), {})
exec(compile("[1, 2] * 2\n", "<s>", "single"), {})
sys.stdout = old
print("captured:", repr(buf.getvalue()))

err = io.StringIO()
old_err = sys.stderr
sys.stderr = err
try:
    raise ValueError("shown on the replaced stderr")
except ValueError:
    sys.excepthook(*sys.exc_info())
sys.stderr = old_err
print(err.getvalue().splitlines()[-1])
print(err.getvalue().startswith("Traceback (most recent call last):"))

sys.stdout = None
try:
    sys.__displayhook__(1)
except RuntimeError as e:
    sys.stdout = old
    print("RuntimeError", e)
