# What a child starts with: default signal dispositions (SIGPIPE too,
# which the parent ignores), none of the parent's non-inheritable
# descriptors, stdin/stdout/stderr as asked.
import functools
import os
import subprocess
import tempfile as _tempfile
import os as _os
# A scratch file of this run's own (tests may run side by side).
SCRATCH = _os.path.join(_tempfile.mkdtemp(), "scratch.txt")
import sys

print = functools.partial(print, flush=True)

print("-- SIGPIPE is back to its default in the child")
r = subprocess.run(["sh", "-c", "kill -PIPE $$; echo survived"], capture_output=True)
print(r)
r = subprocess.run(["sh", "-c", "yes | head -n 2; echo \"${PIPESTATUS:-done}\""], capture_output=True)
print(r)
print("-- SIGINT too")
r = subprocess.run(["sh", "-c", "kill -INT $$; echo survived"], capture_output=True)
print(r)

print("-- descriptors")
files = [open("/dev/null", "rb") for _ in range(3)]
r1, w1 = os.pipe()
fd = os.open("/dev/null", os.O_RDONLY)
p = subprocess.Popen(["sleep", "0.5"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
r = subprocess.run(["ls", "/proc/self/fd"], capture_output=True, text=True)
print(r.stdout.split())
r = subprocess.run(["ls", "/proc/self/fd"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT, text=True)
print(r.stdout.split())
p.stdin.close()
p.stdout.close()
p.wait()
for f in files:
    f.close()
os.close(r1)
os.close(w1)
os.close(fd)
r = subprocess.run(["sh", "-c", "readlink /proc/self/fd/0 /proc/self/fd/2"],
                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                   text=True)
print(r.stdout.split())

print("-- the same descriptor for stdout and stderr")
with open(SCRATCH, "wb") as f:
    subprocess.run(["sh", "-c", "echo a; echo b >&2; echo c"], stdout=f, stderr=f)
with open(SCRATCH, "rb") as f:
    print(f.read())
with open(SCRATCH, "wb") as f:
    subprocess.run(["sh", "-c", "echo x; echo y >&2"], stdout=f.fileno(), stderr=subprocess.STDOUT)
with open(SCRATCH, "rb") as f:
    print(f.read())
os.remove(SCRATCH)

print("-- the parent's descriptors are untouched")
print(os.write(1, b"fd 1 still works\n"))
sys.stdout.write("sys.stdout still works\n")
print("done")
