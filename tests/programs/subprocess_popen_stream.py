# Popen: reading line by line while the child runs, a conversation
# through cat, poll/wait/signals, the context manager, attributes.
import functools
import signal
import subprocess

print = functools.partial(print, flush=True)

print("-- line by line, binary")
p = subprocess.Popen(["sh", "-c", "for i in 1 2 3; do echo line $i; done"],
                     stdout=subprocess.PIPE)
print(p.stdin, p.stderr, type(p.pid) is int, p.args)
for line in p.stdout:
    print("got", line)
p.stdout.close()
print("returncode", p.wait(), p.returncode)

print("-- line by line, text")
with subprocess.Popen(["printf", "a\\nb\\r\\nc"], stdout=subprocess.PIPE, text=True) as p:
    print(p.text_mode, p.universal_newlines, p.encoding, p.errors)
    print([line for line in p.stdout])
print(p.returncode, p.stdout.closed)

print("-- readline, read")
p = subprocess.Popen(["printf", "first\\nsecond\\nrest1\\nrest2\\n"], stdout=subprocess.PIPE)
print(p.stdout.readline())
print(p.stdout.readline())
print(p.stdout.read())
print(p.stdout.read())
p.stdout.close()
print(p.wait())

print("-- a conversation with cat (the pipe must not wait for a full buffer)")
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     text=True, bufsize=1)
print(p.poll())
for word in ("ping", "pong", "ünïcode"):
    p.stdin.write(word + "\n")
    print(repr(p.stdout.readline()))
print(p.poll())
p.stdin.close()
print(repr(p.stdout.read()))
p.stdout.close()
print(p.wait())

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
p.stdin.write(b"raw\n")
print(p.stdout.read(4))
p.stdin.write(b"again\n")
print(p.stdout.readline())
p.stdin.close()
print(p.stdout.read())
p.stdout.close()
print(p.wait())

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
p.stdin.write(b"buffered, then flushed\n")
p.stdin.flush()
print(p.stdout.readline())
print(p.communicate(b"and the rest"))
print(p.returncode, p.stdin.closed, p.stdout.closed)

print("-- stderr pipe only")
p = subprocess.Popen(["sh", "-c", "echo to-stderr >&2; exit 2"], stderr=subprocess.PIPE)
print(p.stdout, p.communicate(), p.returncode)

print("-- communicate with written-before input")
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
p.stdin.write(b"written first|")
print(p.communicate(b"then communicated"))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
print(p.communicate(timeout=5))
try:
    p.communicate(b"again")
except ValueError as e:
    print("ValueError:", e)

print("-- signals")
def started(argv):
    # Signalled only once running the shell: a signal sent between fork
    # and exec could be lost.
    p = subprocess.Popen(["sh", "-c", "echo ready; exec " + argv], stdout=subprocess.PIPE)
    p.stdout.readline()
    return p
p = started("sleep 10")
print(repr(p).startswith("<Popen: returncode: None args: ['sh', '-c', 'echo ready; exec sle"))
p.terminate()
print(p.wait(), repr(p))
p.stdout.close()
p = started("sleep 10")
p.send_signal(signal.SIGINT)
print(p.wait())
p.stdout.close()
p = started("sleep 10")
p.kill()
print(p.wait())
p.stdout.close()
p.kill()  # already waited for: nothing happens
p.send_signal(signal.SIGTERM)
print(p.returncode)
p = subprocess.Popen(["sh", "-c", "exit 0"])
p.wait()
p.terminate()
print(p.returncode)

print("-- context manager")
with subprocess.Popen(["sh", "-c", "read x; echo got $x; exit 6"], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE) as p:
    p.stdin.write(b"value\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode, p.stdout.closed)
try:
    with subprocess.Popen(["sh", "-c", "sleep 0.2; exit 1"]) as p:
        raise RuntimeError("inside")
except RuntimeError as e:
    print("RuntimeError", e, p.returncode)

print("-- repr and generic alias")
p = subprocess.Popen(["echo", "x" * 100], stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))
print(subprocess.Popen[bytes], subprocess.Popen[str])
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(sorted(subprocess.__all__))
print("done")
