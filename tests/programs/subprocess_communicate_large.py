# communicate with inputs and outputs far larger than a pipe holds: a
# parent that wrote all, then read all, would deadlock.
import functools
import subprocess

print = functools.partial(print, flush=True)

data = b"".join(b"%06d some line of text\n" % i for i in range(12000))
print("input bytes", len(data))

print("-- cat, stdout and stderr pipes")
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
out, err = p.communicate(data)
print(len(out), out == data, err, p.returncode)

print("-- run with a timeout")
r = subprocess.run(["cat"], input=data, capture_output=True, timeout=30)
print(len(r.stdout), r.stdout == data, r.returncode)

print("-- both streams at once, input too")
r = subprocess.run(["sh", "-c", "tee /dev/stderr"], input=data, capture_output=True)
print(len(r.stdout), len(r.stderr), r.stdout == data, r.stderr == data)

print("-- stderr filled before stdout is written")
r = subprocess.run(["sh", "-c", "head -c 300000 /dev/zero >&2; head -c 250000 /dev/zero"],
                   capture_output=True)
print(len(r.stdout), len(r.stderr), r.stdout.count(b"\0"), r.returncode)

print("-- text mode")
text = "".join("ligne %d: é\r\n" % i for i in range(20000))
r = subprocess.run(["cat"], input=text, capture_output=True, text=True)
print(len(text), len(r.stdout), r.stdout == text.replace("\r\n", "\n"), r.stdout[-16:])

print("-- output only")
r = subprocess.run(["head", "-c", "1000000", "/dev/zero"], stdout=subprocess.PIPE)
print(len(r.stdout))
out = subprocess.check_output(["sh", "-c", "head -c 400000 /dev/zero | tr '\\0' x"])
print(len(out), out[:5])

print("-- a child that reads nothing: the rest of the input is dropped")
r = subprocess.run(["sh", "-c", "exit 0"], input=data, capture_output=True)
print(r)
r = subprocess.run(["head", "-c", "10"], input=data, capture_output=True)
print(r)
p = subprocess.Popen(["true"], stdin=subprocess.PIPE)
p.wait()
print(p.communicate(data))
print("-- the same stream read in pieces with communicate and a timeout")
p = subprocess.Popen(["sh", "-c", "echo first; sleep 1; echo second"],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
try:
    p.communicate(timeout=0.5)
except subprocess.TimeoutExpired as e:
    print("timed out with", e.stdout, e.stderr)
print(p.communicate())
print("done")
