# os.system, os.popen, wait statuses, os.pipe/kill/waitpid.
import functools
import os
import signal
import subprocess

print = functools.partial(print, flush=True)

print("-- os.system")
status = os.system("echo from system")
print("status", status)
for command in ("exit 3", "kill -9 $$", "kill -TERM $$", "true", "echo quiet >/dev/null"):
    status = os.system(command)
    print(repr(command), status, os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))
print(os.system(b"echo bytes command"))
print(os.system("exit 300"))

print("-- wait status functions")
for status in (0, 0x0100, 0xFF00, 9, 0x8B, 0x137F, 0x057F, 0xFFFF, 0x7F):
    print(hex(status), os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.WTERMSIG(status), os.WIFSTOPPED(status),
          os.WSTOPSIG(status), os.WCOREDUMP(status), os.WIFCONTINUED(status))
    try:
        print("  exit code", os.waitstatus_to_exitcode(status))
    except ValueError as e:
        print("  ValueError:", e)
print(os.WIFEXITED(status=256), os.WEXITSTATUS(status=256))
for bad in ("1", 1.0, None, 2 ** 40):
    try:
        os.WEXITSTATUS(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    os.system(None)
except TypeError as e:
    print("TypeError:", e)

print("-- os.popen")
f = os.popen("echo one; echo two")
print(f.read(), end="")
print(f.close())
with os.popen("printf 'x\\ny\\nz\\n'") as f:
    print([line for line in f])
print(os.popen("exit 3").close())
print(os.popen("kill -9 $$").close())
f = os.popen("echo read then fail; exit 2", "r")
print(f.readline(), end="")
print(f.close())
f = os.popen("tr a-z A-Z", "w")
f.write("written to popen\n")
f.flush()
print(f.close())
with os.popen("cat", "w") as f:
    f.write("with popen w\n")
print(hasattr(f, "write"), f.closed)
for args in (("echo", "x"), ("echo", "rw"), ("echo", "r", 0)):
    try:
        os.popen(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    os.popen(["echo"])
except TypeError as e:
    print("TypeError:", e)

print("-- pipe, write, read, close")
r, w = os.pipe()
print(type(r) is int, type(w) is int, r != w)
print(os.get_inheritable(r) if hasattr(os, "get_inheritable") else False)
os.write(w, b"through the pipe")
os.close(w)
print(os.read(r, 100), os.read(r, 100))
os.close(r)
r, w = os.pipe()
p = subprocess.Popen(["cat"], stdin=r, stdout=subprocess.PIPE)
os.close(r)
os.write(w, b"pipe into a child\n")
os.close(w)
print(p.stdout.read())
p.stdout.close()
print(p.wait())
r, w = os.pipe()
p = subprocess.Popen(["echo", "child writes our pipe"], stdout=w)
os.close(w)
with open(r, "rb") as f:
    print(f.read())
print(p.wait())

print("-- kill and waitpid")
p = subprocess.Popen(["sh", "-c", "echo ready; exec sleep 10"], stdout=subprocess.PIPE)
p.stdout.readline()
print(os.waitpid(p.pid, os.WNOHANG))
os.kill(p.pid, signal.SIGKILL)
pid, status = os.waitpid(p.pid, 0)
print(pid == p.pid, status, os.WIFSIGNALED(status), os.WTERMSIG(status))
print(p.wait())  # reaped already: the status is lost
p.stdout.close()
try:
    os.waitpid(p.pid, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno, e)
try:
    os.kill(p.pid, 0)
except ProcessLookupError as e:
    print("ProcessLookupError", e.errno, e)
os.kill(os.getpid(), 0)
p = subprocess.Popen(["sh", "-c", "exit 4"])
pid, status = os.waitpid(p.pid, 0)
print(pid == p.pid, status, os.waitstatus_to_exitcode(status))
p = subprocess.Popen(["sh", "-c", "exit 5"])
pid, status = os.wait()
print(pid == p.pid, status)
try:
    os.wait()
except ChildProcessError as e:
    print("ChildProcessError", e)
print(os.WNOHANG)
print("done")
