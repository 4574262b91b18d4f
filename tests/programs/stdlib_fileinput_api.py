# fileinput: FileInput and input() over files, state queries, inplace
# editing with and without backups, opening hooks, errors.
import fileinput
import gzip
import os
import pathlib
import shutil
import stat
import sys
import tempfile

base = tempfile.mkdtemp()


def path(name):
    return os.path.join(base, name)


def write(name, text, mode="w"):
    with open(path(name), mode) as f:
        f.write(text)
    return path(name)


def show(fi):
    name = fi.filename()
    name = os.path.basename(name) if isinstance(name, str) else name
    return (name, fi.lineno(), fi.filelineno(), fi.isfirstline(),
            fi.isstdin(), fi.fileno() >= 0)


a = write("a.txt", "a1\na2\na3\n")
b = write("b.txt", "b1\nb2")
e = write("empty.txt", "")
c = write("c.txt", "c1\n")

fi = fileinput.FileInput([a, e, b, c])
print("before", show(fi), fi.fileno())
for line in fi:
    print(repr(line), show(fi))
print("after", show(fi))
fi.close()
print("closed", show(fi), fi.readline() == "")

# nextfile in the middle, readline, context manager
with fileinput.FileInput((a, b)) as fi:
    print(repr(fi.readline()), show(fi))
    fi.nextfile()
    print("nextfile", show(fi))
    print(repr(fi.readline()), show(fi))
    print(repr(next(fi)), repr(fi.readline()), repr(fi.readline()), show(fi))

# single name, path-like, binary mode
print(list(fileinput.FileInput(a)))
print(list(fileinput.FileInput(pathlib.Path(b))))
with fileinput.FileInput([pathlib.Path(c)]) as fi:
    for line in fi:
        print(type(fi.filename()).__name__, repr(line))
print(list(fileinput.FileInput([a, b], mode="rb")))
fi = fileinput.FileInput([], mode="rb")
print(fi._files if hasattr(fi, "_files") else None)

# module-level functions
try:
    fileinput.lineno()
except RuntimeError as err:
    print("RuntimeError", err)
fileinput.input([a, b])
for line in fileinput.input.__globals__["_state"]:
    if fileinput.isfirstline():
        print("first of", os.path.basename(fileinput.filename()))
    print(fileinput.lineno(), fileinput.filelineno(), line.rstrip(),
          fileinput.isstdin(), fileinput.fileno() > 0)
    if line.startswith("a2"):
        fileinput.nextfile()
fileinput.close()
fileinput.close()
for name in ("filename", "lineno", "filelineno", "isfirstline", "isstdin",
             "nextfile", "fileno"):
    try:
        getattr(fileinput, name)()
    except RuntimeError as err:
        print(name, "RuntimeError", err)
fi = fileinput.input(files=[a])
print(next(fi).strip())
try:
    fileinput.input([b])
except RuntimeError as err:
    print("RuntimeError", err)
fileinput.close()
g = fileinput.input(b)
print(repr(fileinput.filename()), list(g))
fileinput.close()

# inplace editing: stdout goes to the file
write("d.txt", "one\ntwo\nthree\n")
os.chmod(path("d.txt"), 0o640)
for line in fileinput.input(path("d.txt"), inplace=True):
    print(fileinput.filelineno(), line.upper(), end="")
print("stdout restored", sys.stdout is sys.__stdout__)
print(open(path("d.txt")).read(), sorted(os.listdir(base)))
print(oct(stat.S_IMODE(os.stat(path("d.txt")).st_mode)))
with fileinput.FileInput([path("d.txt"), c], inplace=True, backup=".orig") as fi:
    for line in fi:
        if fi.isfirstline():
            print("# from", os.path.basename(fi.filename()))
        print(line, end="")
print(open(path("d.txt")).read(), open(c).read(), sorted(os.listdir(base)))
print(open(path("d.txt.orig")).read())
write("bin.dat", b"x\x00y\nz\n", "wb")
with fileinput.FileInput(path("bin.dat"), inplace=True, mode="rb") as fi:
    for line in fi:
        sys.stdout.write(line[::-1])
print(open(path("bin.dat"), "rb").read())
fi = fileinput.FileInput(path("d.txt"), inplace=True)
print(repr(fi.readline()), sys.stdout is sys.__stdout__)
fi.close()
print(sys.stdout is sys.__stdout__, open(path("d.txt")).read())

# hooks
write("latin.txt", "caf\xe9\n", "w") if False else None
with open(path("latin.txt"), "wb") as f:
    f.write("caf\xe9\nna\xefve\n".encode("latin-1"))
print(list(fileinput.FileInput(path("latin.txt"),
                               openhook=fileinput.hook_encoded("latin-1"))))
print(list(fileinput.FileInput(path("latin.txt"),
                               openhook=fileinput.hook_encoded("ascii", "replace"))))
print(list(fileinput.FileInput(path("latin.txt"), encoding="latin-1")))
print(list(fileinput.FileInput(path("latin.txt"), encoding="ascii", errors="ignore")))
with gzip.open(path("z.gz"), "wb") as f:
    f.write(b"zipped 1\nzipped 2\n")
print(list(fileinput.FileInput([path("z.gz"), a], openhook=fileinput.hook_compressed)))
print(list(fileinput.FileInput([path("z.gz")], mode="rb", openhook=fileinput.hook_compressed)))
print(list(fileinput.FileInput([path("z.gz"), a], openhook=fileinput.hook_compressed,
                               encoding="utf-8")))
print(fileinput.hook_compressed(a, "r").read())
seen = []


def hook(name, mode):
    seen.append((os.path.basename(name), mode))
    return open(name, mode)


print(list(fileinput.FileInput([b, c], openhook=hook)), seen)


def hook2(name, mode, *, encoding=None, errors=None):
    seen.append((encoding, errors))
    return open(name, mode, encoding=encoding, errors=errors)


print(list(fileinput.FileInput(c, openhook=hook2, encoding="utf-8")), seen[-1])

# errors
for kwargs in ({"mode": "w"}, {"mode": "rU"}, {"mode": "U"},
               {"openhook": hook, "inplace": True}, {"openhook": 42}):
    try:
        fileinput.FileInput([a], **kwargs)
    except ValueError as err:
        print("ValueError", err)
try:
    list(fileinput.FileInput([path("missing.txt")]))
except FileNotFoundError as err:
    print("FileNotFoundError", err.errno, os.path.basename(err.filename))


class Numbered(fileinput.FileInput):
    def readline(self):
        line = super().readline()
        return line and "%d:%s" % (self.lineno(), line)


print(list(Numbered([a, b])))
print(fileinput.FileInput[str])
shutil.rmtree(base)
