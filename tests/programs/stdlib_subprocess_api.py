# subprocess: Popen options, communicate with timeouts, the shortcuts,
# exceptions and list2cmdline (children: sh, cat, echo, printf, sleep).
import io
import os
import signal
import subprocess
import sys
import tempfile
from subprocess import PIPE, DEVNULL, STDOUT

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print("-- args forms")
show("list", lambda: subprocess.run(["echo", "a b", "c"], stdout=PIPE).stdout)
show("str shell", lambda: subprocess.run("echo $((1+2)) x", shell=True, stdout=PIPE).stdout)
show("list shell", lambda: subprocess.run(["echo $0 $1", "zero", "one"], shell=True, stdout=PIPE).stdout)
show("bytes arg", lambda: subprocess.run([b"printf", b"%s", b"byt"], stdout=PIPE).stdout)
show("executable", lambda: subprocess.run(["ignored", "-c", "echo $0"], executable="sh", stdout=PIPE).stdout)
show("shell exe", lambda: subprocess.run("echo hi", shell=True, executable="/bin/sh", stdout=PIPE).stdout)
show("missing", lambda: subprocess.run(["no-such-program-xyz"]))
show("tuple args", lambda: subprocess.run(("printf", "t%s", "1"), stdout=PIPE).args)

print("-- cwd and env")
with tempfile.TemporaryDirectory() as d:
    real = os.path.realpath(d)
    out = subprocess.run(["sh", "-c", "pwd"], cwd=d, stdout=PIPE, text=True).stdout
    print("cwd", out.strip() == real)
show("env", lambda: subprocess.run(["sh", "-c", 'echo "$FOO-$BAR"'], env={"FOO": "f", "BAR": "b", "PATH": os.environ["PATH"]}, stdout=PIPE).stdout)
show("env bytes", lambda: subprocess.run(["sh", "-c", 'echo "$K"'], env={b"K": b"v", "PATH": os.environ["PATH"]}, stdout=PIPE).stdout)
show("env bad", lambda: subprocess.run(["true"], env={"A=B": "x"}))
show("env empty path", lambda: subprocess.run(["no-such-xyz"], env={"PATH": "/nonexistent"}))

print("-- streams")
show("devnull", lambda: subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=DEVNULL, stderr=DEVNULL).returncode)
show("stderr to stdout", lambda: subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=PIPE, stderr=STDOUT).stdout)
show("stdout STDOUT", lambda: subprocess.Popen(["true"], stdout=STDOUT))
show("stdin devnull", lambda: subprocess.run(["cat"], stdin=DEVNULL, stdout=PIPE).stdout)
with tempfile.TemporaryFile() as f:
    subprocess.run(["printf", "to file"], stdout=f)
    f.seek(0)
    print("file obj", f.read())
with tempfile.TemporaryFile() as f:
    subprocess.run(["printf", "to fd"], stdout=f.fileno())
    f.seek(0)
    print("fd", f.read())
with tempfile.TemporaryFile() as f:
    f.write(b"from file\n")
    f.seek(0)
    print("stdin file", subprocess.run(["cat"], stdin=f, stdout=PIPE).stdout)
show("bad fd", lambda: subprocess.Popen(["true"], stdout=-7))
show("bad fd stderr", lambda: subprocess.Popen(["true"], stderr=-9))
show("stdin STDOUT", lambda: subprocess.Popen(["true"], stdin=STDOUT))
r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo via pass_fds >&%d" % w], pass_fds=[w])
p.wait()
os.close(w)
print("pass_fds", os.read(r, 100), p.returncode)
os.close(r)

print("-- text modes")
show("text", lambda: subprocess.run(["printf", "a\\r\\nb\\rc\\n"], stdout=PIPE, text=True).stdout)
show("universal", lambda: subprocess.run(["printf", "x\\r\\n"], stdout=PIPE, universal_newlines=True).stdout)
show("encoding", lambda: subprocess.run(["printf", "\\303\\251"], stdout=PIPE, encoding="latin-1").stdout)
show("errors", lambda: subprocess.run(["printf", "\\377ok"], stdout=PIPE, encoding="utf-8", errors="replace").stdout)
show("errors only", lambda: subprocess.run(["printf", "\\377ok"], stdout=PIPE, errors="ignore").stdout)
show("conflict", lambda: subprocess.Popen(["true"], text=True, universal_newlines=False))
show("text input", lambda: subprocess.run(["cat"], input="héllo\n", stdout=PIPE, text=True).stdout)
show("bytes input", lambda: subprocess.run(["cat"], input=b"raw", stdout=PIPE).stdout)
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True, bufsize=1)
print("line buffered", p.stdin.line_buffering, type(p.stdin).__name__, type(p.stdout).__name__)
p.stdin.write("line\n")
print(repr(p.stdout.readline()))
p.stdin.close(); p.wait(); p.stdout.close()
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, bufsize=0)
print("unbuffered", type(p.stdin).__name__, type(p.stdout).__name__)
p.communicate()
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
print("buffered", type(p.stdin).__name__, type(p.stdout).__name__, p.text_mode, p.universal_newlines)
p.communicate(b"")
show("bufsize str", lambda: subprocess.Popen(["true"], bufsize="1"))
show("pipesize", lambda: subprocess.Popen(["true"], pipesize=1.5))

print("-- communicate")
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, stderr=PIPE)
print(p.communicate(b"data" * 1000)[0][:8], p.returncode)
p = subprocess.Popen(["sh", "-c", "printf first; sleep 0.25; printf second"], stdout=PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("timeout", e.timeout, e.cmd, repr(e.output), e.stdout == e.output, e.stderr)
print("again", p.communicate())
show("input after start", lambda: p.communicate(b"x"))
p = subprocess.Popen(["sh", "-c", "sleep 5"], stdin=PIPE)
try:
    p.communicate(b"abc", timeout=0.05)
except subprocess.TimeoutExpired as e:
    print("timeout2", str(e)[:44])
p.kill()
print("killed", p.wait())
p = subprocess.Popen(["printf", "only"], stdout=PIPE)
print("single", p.communicate())
p = subprocess.Popen(["sh", "-c", "printf e >&2"], stderr=PIPE)
print("single err", p.communicate())
p = subprocess.Popen(["true"])
print("none", p.communicate(), p.returncode)

print("-- wait, poll, signals")
p = subprocess.Popen(["sleep", "5"])
print("poll", p.poll(), p.returncode)
show("wait timeout", lambda: p.wait(timeout=0.05))
p.terminate()
print("terminated", p.wait(), p.poll())
p.terminate()   # no effect once reaped
p = subprocess.Popen(["sleep", "5"])
p.send_signal(signal.SIGINT)
print("sigint", p.wait())
p = subprocess.Popen(["sh", "-c", "exit 7"])
print("exit", p.wait(), p.wait(), p.returncode)
print("repr", repr(p))
p2 = subprocess.Popen(["sh", "-c", "exit 0", "x" * 100])
p2.wait()
print("long repr", repr(p2))
print(subprocess.Popen[bytes], subprocess.CompletedProcess[str])

print("-- context manager")
with subprocess.Popen(["sh", "-c", "echo ctx; exit 4"], stdout=PIPE) as p:
    print(p.stdout.read())
print("after", p.returncode, p.stdout.closed)
try:
    with subprocess.Popen(["true"]) as p:
        raise ValueError("inside")
except ValueError as e:
    print("exc", e, p.returncode)

print("-- run")
cp = subprocess.run(["sh", "-c", "echo o; echo e >&2; exit 3"], capture_output=True)
print(cp)
print(cp.args, cp.returncode, cp.stdout, cp.stderr)
show("check", lambda: subprocess.run(["sh", "-c", "exit 2"], check=True))
show("check ok", lambda: subprocess.run(["true"], check=True))
show("capture+stdout", lambda: subprocess.run(["true"], capture_output=True, stdout=PIPE))
show("input+stdin", lambda: subprocess.run(["cat"], input=b"x", stdin=PIPE))
try:
    subprocess.run(["sh", "-c", "printf partial; sleep 5"], capture_output=True, timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("run timeout", e, repr(e.stdout), repr(e.stderr))
print(subprocess.run(["true"]))
print(subprocess.run("exit 1", shell=True))

print("-- call family")
print("call", subprocess.call(["sh", "-c", "exit 5"]), subprocess.call("true", shell=True))
show("call timeout", lambda: subprocess.call(["sleep", "5"], timeout=0.05))
print("check_call", subprocess.check_call(["true"]))
show("check_call fail", lambda: subprocess.check_call(["sh", "-c", "exit 9"]))
show("check_output", lambda: subprocess.check_output(["echo", "out"]))
show("check_output text", lambda: subprocess.check_output("echo $HOME_X; printf t", shell=True, text=True))
show("check_output input", lambda: subprocess.check_output(["cat"], input=b"in"))
show("check_output input None", lambda: subprocess.check_output(["cat"], input=None))
show("check_output input None text", lambda: subprocess.check_output(["cat"], input=None, text=True))
show("check_output stdout", lambda: subprocess.check_output(["true"], stdout=PIPE))
show("check_output check", lambda: subprocess.check_output(["true"], check=False))
show("check_output fail", lambda: subprocess.check_output(["sh", "-c", "echo so; exit 1"]))
show("check_output timeout", lambda: subprocess.check_output(["sleep", "5"], timeout=0.05))
show("getoutput", lambda: subprocess.getoutput("echo one; echo two >&2"))
show("getstatusoutput", lambda: subprocess.getstatusoutput("printf 'x\\n\\n'; exit 3"))
show("getstatusoutput ok", lambda: subprocess.getstatusoutput("printf nonl"))
show("getoutput enc", lambda: subprocess.getoutput("printf '\\351'", encoding="latin-1"))

print("-- exceptions")
e = subprocess.CalledProcessError(2, ["a"], b"out", b"err")
print(str(e), repr(e), e.args, e.stdout, e.output, e.stderr, e.returncode, e.cmd)
e.stdout = "new"
print(e.output)
print(str(subprocess.CalledProcessError(-9, "k")), str(subprocess.CalledProcessError(-999, "k")))
show("none code", lambda: str(subprocess.CalledProcessError(None, "k")))
t = subprocess.TimeoutExpired("cmd", 2.5, output=b"o")
print(str(t), repr(t), t.args, t.stdout, t.output, t.stderr, t.timeout)
t.stdout = b"z"
print(t.output)
print(issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError), subprocess.SubprocessError.__bases__)

print("-- list2cmdline")
for seq in [["a", "b c"], [""], ['"q"'], ["back\\slash"], ["trail\\"], ["sp ace\\"], ['a\\"b'], ["a\\\\\"b"], ["tab\there"], [], ["x", "", "y"], ['a b\\\\'], [b"bytes"]]:
    print(repr(subprocess.list2cmdline(seq)))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL, sorted(subprocess.__all__))
