# Text mode with encodings other than the locale's: the pipes are not
# seekable: CPython then writes no byte-order mark for UTF-16 and UTF-32
# (its C TextIOWrapper), but one for utf-8-sig.
import functools
import subprocess

print = functools.partial(print, flush=True)

for encoding in ("utf-16", "utf-16-le", "utf-8-sig", "latin-1", "utf-32"):
    print(encoding, "bytes written:")
    subprocess.run(["od", "-An", "-tx1"], input="hé\n", encoding=encoding)
    r = subprocess.run(["cat"], input="hé\r\nx", capture_output=True, encoding=encoding)
    print(encoding, repr(r.stdout))
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, encoding="utf-8-sig")
p.stdin.write("streamed\n")
p.stdin.close()
print(repr(p.stdout.read()), p.stdin.encoding, p.stdout.encoding)
p.stdout.close()
p.wait()
r = subprocess.run(["printf", "ok\\377\\n"], capture_output=True, errors="backslashreplace")
print(repr(r.stdout))
try:
    subprocess.run(["printf", "bad\\377"], capture_output=True, text=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason, e.start, e.end)
print(subprocess.check_output(["printf", "caf\\351"], encoding="latin-1"))
print("done")
