# Golden test for code: InteractiveInterpreter / InteractiveConsole.
import code
import io
import sys


class Console(code.InteractiveConsole):
    """Collects what the console writes (normally sys.stderr)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.written = []

    def write(self, data):
        self.written.append(data)
        print("[write] " + data, end="")


con = Console()
print(sorted(con.locals.items(), key=str))
print(con.filename, con.buffer)
for line in ["x = 6 * 7", "x", "def f(n):", "    return 1 / n", "", "f(2)",
             "f(0)", "if x:", "  print('yes')", "", "a b", "(1,", "2)",
             "'''abc", "def'''", "undefined_name", "raise SystemExit",
             "class A: pass", "", "A.__name__", "for i in range(2): print(i)",
             "", "import sys; sys.exit(3)", "print 1", "@dec", ""]:
    try:
        more = con.push(line)
    except SystemExit as e:
        print("SystemExit", e.code)
        con.resetbuffer()
        continue
    print("push %r -> %r buffer=%r" % (line, more, con.buffer))

print(sys.last_type.__name__, sys.last_value)

# runsource / runcode on InteractiveInterpreter with its own namespace.
interp = code.InteractiveInterpreter({"y": 5})
err = io.StringIO()
old_stderr = sys.stderr
sys.stderr = err
try:
    print(interp.runsource("y + 1"))
    print(interp.runsource("for i in y:"))
    print(interp.runsource("y.nope", "myfile"))
    print(interp.runsource("1 +* 2", "myfile"))
    print(interp.runsource("1 +\n", "myfile", "exec"))
    interp.runcode(compile("z = y * 2", "<s>", "exec"))
    interp.write("direct\n")
finally:
    sys.stderr = old_stderr
print(err.getvalue(), end="")
print(interp.locals["z"])
print(sorted(interp.locals.keys()))

# interact() with input() reading a redirected stdin.
old_stdin, old_stdout = sys.stdin, sys.stdout
sys.stdin = io.StringIO("a = 1\nif a:\n  print('in block')\n\n1/0\nprint(a + 1)\n")
out = io.StringIO()
err = io.StringIO()
sys.stdout, sys.stderr = out, err
try:
    code.interact(banner="Hello banner", exitmsg="bye")
finally:
    sys.stdin, sys.stdout, sys.stderr = old_stdin, old_stdout, old_stderr
print("stdout:", repr(out.getvalue()))
print("stderr:", repr(err.getvalue()))
print(sys.ps1, sys.ps2)

# readfunc, empty banner, default exit message, local namespace.
lines = iter(["n = 10", "n += 1", "print('n is', n)", "while n:", "  n -= 1"])


def reader(prompt):
    print("prompt %r" % prompt)
    try:
        return next(lines)
    except StopIteration:
        raise EOFError


ns = {}
err = io.StringIO()
sys.stderr = err
try:
    code.interact(banner="", readfunc=reader, local=ns)
finally:
    sys.stderr = old_stderr
print(repr(err.getvalue()), ns["n"])

# Default banner mentions the class.
class QuietConsole(Console):
    def write(self, data):
        self.written.append(data)


c2 = QuietConsole()
sys.stdin = io.StringIO("")
try:
    c2.interact(exitmsg="")
finally:
    sys.stdin = old_stdin
print()
print(c2.written[0].startswith("Python "), c2.written[0].endswith("(QuietConsole)\n"))
print(c2.written[1:])

# A custom excepthook receives the errors instead of write().
def hook(t, v, tb):
    print("hook got", t.__name__, v)


sys.excepthook = hook
con.resetbuffer()
try:
    con.push("1/0")
    con.push("a b")
finally:
    sys.excepthook = sys.__excepthook__
print(code.compile_command("if 1:") is None)
print(sorted(code.__all__))
