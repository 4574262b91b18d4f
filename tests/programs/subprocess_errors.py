# CalledProcessError, TimeoutExpired, SubprocessError and the OSErrors of
# a child that cannot be started.
import functools
import os
import subprocess

print = functools.partial(print, flush=True)

print("-- CalledProcessError")
for cmd in (["sh", "-c", "exit 3"], ["sh", "-c", "kill -9 $$"], ["sh", "-c", "kill -TERM $$"]):
    try:
        subprocess.run(cmd, check=True, capture_output=True)
    except subprocess.CalledProcessError as e:
        print(str(e))
        print(repr(e), e.args, e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.check_call("exit 2", shell=True)
except subprocess.CalledProcessError as e:
    print(e, e.cmd, e.output)
try:
    subprocess.check_call(args=["false"])
except subprocess.CalledProcessError as e:
    print(e)
try:
    subprocess.check_output(["sh", "-c", "echo partial; exit 9"])
except subprocess.CalledProcessError as e:
    print(e, repr(e.output), repr(e.stdout), e.stderr)
try:
    subprocess.check_output(["sh", "-c", "echo t; echo u >&2; exit 1"], stderr=subprocess.PIPE, text=True)
except subprocess.CalledProcessError as e:
    print(e, repr(e.output), repr(e.stderr))
print(subprocess.CalledProcessError(-200, "x"))
print(subprocess.CalledProcessError(-6, ["a", "b"]))
print(subprocess.CalledProcessError(0, "zero"))
e = subprocess.CalledProcessError(1, "c", output=b"o", stderr=b"e")
e.stdout = b"changed"
print(e.output, e.stderr, isinstance(e, subprocess.SubprocessError), isinstance(e, Exception))

print("-- CompletedProcess.check_returncode")
subprocess.CompletedProcess(["x"], 0).check_returncode()
try:
    subprocess.CompletedProcess(["x"], 1, b"so", b"se").check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
print(subprocess.CompletedProcess("a", 0, None, b""))
print(subprocess.CompletedProcess[bytes])

print("-- TimeoutExpired")
t = subprocess.TimeoutExpired(["sleep", "9"], 1.5)
print(str(t), repr(t), t.args, t.output, t.stdout, t.stderr)
t = subprocess.TimeoutExpired("cmd", 2, output=b"o", stderr=b"e")
print(str(t), t.stdout, t.stderr)
try:
    subprocess.run(["sh", "-c", "echo before; sleep 5"], capture_output=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(str(e), repr(e.stdout), repr(e.stderr), e.timeout)
try:
    subprocess.run(["sh", "-c", "echo before; sleep 5"], capture_output=True, text=True, timeout=0.5)
except subprocess.TimeoutExpired as e:
    print(str(e), repr(e.stdout), repr(e.stderr))
try:
    subprocess.run(["sleep", "5"], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print("run without pipes timed out:", e.cmd, e.stdout, e.timeout <= 0.3)
try:
    subprocess.check_output(["sleep", "5"], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(str(e))
try:
    subprocess.call(["sleep", "5"], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(str(e))
p = subprocess.Popen(["sleep", "5"])
try:
    p.wait(timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(str(e))
print(p.poll())
p.kill()
print(p.wait(), p.returncode, p.poll())

print("-- argument errors")
for call, kwargs in (
        (subprocess.run, dict(input=b"x", stdin=subprocess.PIPE)),
        (subprocess.run, dict(capture_output=True, stdout=subprocess.PIPE)),
        (subprocess.run, dict(capture_output=True, stderr=subprocess.DEVNULL)),
        (subprocess.check_output, dict(stdout=None)),
        (subprocess.check_output, dict(check=False)),
        (subprocess.run, dict(text=True, universal_newlines=False)),
        (subprocess.Popen, dict(bufsize="1")),
        (subprocess.Popen, dict(startupinfo=object())),
        (subprocess.Popen, dict(creationflags=1))):
    try:
        call(["true"], **kwargs)
    except (ValueError, TypeError, subprocess.SubprocessError) as e:
        print(type(e).__name__ + ":", e)
r = subprocess.run(["true"], capture_output=True, stdin=None, text=True, universal_newlines=True)
print(r)

print("-- programs that cannot run")
for args, kwargs in (
        (["no-such-program-krait"], {}),
        ("no-such-program-krait with args", {}),
        (["/no/such/dir/prog"], {}),
        (["./no-such-relative"], {}),
        (["no-such-program-krait"], dict(env={"PATH": "/bin"})),
        (["true"], dict(executable="/no/such/executable")),
        (["true"], dict(cwd="/no/such/cwd")),
        (["/tmp"], {}),
        (["/etc/passwd"], {})):
    try:
        subprocess.run(args, **kwargs)
    except OSError as e:
        print(type(e).__name__, e.errno, repr(e.filename), "|", e)
    else:
        print("ran?", args)
try:
    subprocess.check_output(["no-such-program-krait"], stderr=subprocess.STDOUT)
except FileNotFoundError as e:
    print("check_output:", e)
try:
    os.system  # os.system of a missing program is the shell's business
    print(subprocess.call("no-such-program-krait 2>/dev/null", shell=True))
except OSError as e:
    print("unexpected", e)
try:
    subprocess.Popen([])
except IndexError as e:
    print("IndexError:", e)
try:
    subprocess.Popen(["echo", 3])
except TypeError as e:
    print("TypeError:", e)
print("done")
