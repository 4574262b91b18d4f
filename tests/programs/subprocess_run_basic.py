# subprocess.run: capture, text, input, stderr=STDOUT, DEVNULL, cwd, env,
# shell, executable, path-like and bytes arguments.
import functools
import os
import pathlib
import subprocess
import tempfile as _tempfile
import os as _os
# A scratch file of this run's own (tests may run side by side).
SCRATCH = _os.path.join(_tempfile.mkdtemp(), "scratch.txt")

print = functools.partial(print, flush=True)

print("-- inherited stdout")
r = subprocess.run(["echo", "hello", "world"])
print(r)
print(r.returncode, r.stdout, r.stderr)

print("-- capture_output")
r = subprocess.run(["echo", "captured"], capture_output=True)
print(r)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 4"], capture_output=True)
print(r)
print(repr(r.stdout), repr(r.stderr), r.returncode)

print("-- text modes")
r = subprocess.run(["printf", "a\\r\\nb\\rc\\n"], stdout=subprocess.PIPE, text=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "a\\r\\nb\\rc\\n"], stdout=subprocess.PIPE)
print(repr(r.stdout))
r = subprocess.run(["printf", "h\\303\\251llo\\n"], stdout=subprocess.PIPE, universal_newlines=True)
print(repr(r.stdout))
r = subprocess.run(["printf", "h\\303\\251llo\\n"], stdout=subprocess.PIPE, encoding="latin-1")
print(repr(r.stdout))
r = subprocess.run(["printf", "bad\\377\\n"], stdout=subprocess.PIPE, errors="replace")
print(repr(r.stdout))
r = subprocess.run(["printf", "x\\r\\ny"], capture_output=True, text=True)
print(r)

print("-- input")
r = subprocess.run(["cat"], input=b"bytes in\n", capture_output=True)
print(r)
r = subprocess.run(["cat"], input="str in: é\n", capture_output=True, text=True)
print(r)
r = subprocess.run(["tr", "a-z", "A-Z"], input="shout\n", stdout=subprocess.PIPE, text=True)
print(r.stdout, end="")
r = subprocess.run(["cat"], input=b"", stdout=subprocess.PIPE)
print(r)
r = subprocess.run(["wc", "-c"], input=b"12345", stdout=subprocess.PIPE)
print(r.stdout.split())

print("-- stderr=STDOUT")
r = subprocess.run(["sh", "-c", "echo one; echo two >&2; echo three"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(r)
print("-- stderr=STDOUT, stdout inherited")
r = subprocess.run(["sh", "-c", "echo to-err >&2"], stderr=subprocess.STDOUT)
print(r)

print("-- DEVNULL")
r = subprocess.run(["sh", "-c", "echo hidden; echo hidden2 >&2"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(r)
r = subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True)
print(r)

print("-- cwd")
r = subprocess.run(["pwd"], cwd="/", capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run(["pwd"], cwd=pathlib.Path("/usr"), capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run(["pwd"], cwd=b"/tmp", capture_output=True, text=True)
print(r.stdout, end="")

print("-- env")
r = subprocess.run(["/usr/bin/env"], env={"A": "1", "B": "two words"},
                   capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run(["env"], env={"ONLY": "x"}, capture_output=True, text=True)
print("env found without PATH:", r.stdout, end="")
r = subprocess.run(["sh", "-c", 'echo "[$FOO]"'], env={"FOO": "bar"},
                   capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run(["/usr/bin/env"], env={}, capture_output=True)
print(r)
os.environ["KRAIT_SUBPROC_TEST"] = "inherited"
r = subprocess.run(["sh", "-c", 'echo "$KRAIT_SUBPROC_TEST"'], capture_output=True, text=True)
print(r.stdout, end="")
try:
    subprocess.run(["true"], env={"A=B": "1"})
except ValueError as e:
    print("ValueError:", e)

print("-- shell")
r = subprocess.run("echo $((6 * 7)) | tr 4 X", shell=True, capture_output=True, text=True)
print(r)
r = subprocess.run(["echo \"$0\" \"$1\"", "zero", "one"], shell=True, stdout=subprocess.PIPE)
print(r)
r = subprocess.run("exit 5", shell=True)
print(r)
try:
    subprocess.run(pathlib.Path("/bin/echo"), shell=True)
except TypeError as e:
    print("TypeError:", e)

print("-- executable")
r = subprocess.run(["argv0-is-this", "via", "executable"], executable="/bin/echo",
                   capture_output=True)
print(r)
r = subprocess.run("echo $0", shell=True, executable="/bin/sh", capture_output=True, text=True)
print(r.stdout, end="")

print("-- path-like and bytes args")
r = subprocess.run(pathlib.Path("/bin/echo"), capture_output=True)
print(r)
r = subprocess.run([pathlib.Path("/bin/echo"), b"bytes-arg", pathlib.PurePosixPath("p/q")],
                   capture_output=True)
print(r)
r = subprocess.run(("echo", "tuple"), capture_output=True)
print(r)

print("-- stdout to a file object")
with open(SCRATCH, "w+b") as f:
    subprocess.run(["echo", "into file"], stdout=f)
    subprocess.run(["sh", "-c", "echo again >&2"], stderr=f.fileno())
    f.seek(0)
    print(f.read())
os.remove(SCRATCH)
with open(SCRATCH, "w") as f:
    f.write("from a file\n")
with open(SCRATCH) as f:
    r = subprocess.run(["cat"], stdin=f, capture_output=True)
print(r)
os.remove(SCRATCH)

print("-- call and check_call")
print(subprocess.call(["sh", "-c", "exit 7"]))
print(subprocess.call("echo called", shell=True))
print(subprocess.check_call(["true"]))
print("-- check_output")
print(repr(subprocess.check_output(["echo", "out"])))
print(repr(subprocess.check_output(["echo", "out"], text=True)))
print(repr(subprocess.check_output(["cat"], input=b"fed")))
print(repr(subprocess.check_output(["cat"], input=None)))
print(repr(subprocess.check_output(["cat"], input=None, text=True)))
print(repr(subprocess.check_output(["sh", "-c", "echo a; echo b >&2"], stderr=subprocess.STDOUT)))
print(repr(subprocess.check_output("echo shell-out", shell=True, universal_newlines=True)))
print("done")
