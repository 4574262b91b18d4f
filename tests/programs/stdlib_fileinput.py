# Golden test for fileinput: iteration state, inplace editing, hooks.
import fileinput
import gzip
import io
import os
import shutil
import stat
import sys
import tempfile

tmp = tempfile.mkdtemp()
try:
    def path(name):
        return os.path.join(tmp, name)

    def write(name, text):
        with open(path(name), "w", encoding="utf-8") as f:
            f.write(text)
        return path(name)

    a = write("a.txt", "a1\na2\na3\n")
    b = write("b.txt", "b1\nb2")
    empty = write("empty.txt", "")
    c = write("c.txt", "c1\n")

    # Module-level functions over several files (an empty one inside).
    for line in fileinput.input([a, empty, b, c], encoding="utf-8"):
        print(repr(line), os.path.basename(fileinput.filename()),
              fileinput.lineno(), fileinput.filelineno(),
              fileinput.isfirstline(), fileinput.isstdin(),
              fileinput.fileno() >= 0)
    print(os.path.basename(fileinput.filename()), fileinput.lineno(),
          fileinput.fileno())
    fileinput.close()
    try:
        fileinput.lineno()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # nextfile() skips the rest of a file.
    fi = fileinput.input((a, b))
    for line in fi:
        print(line.rstrip(), fileinput.lineno())
        if line.startswith("a1"):
            fileinput.nextfile()
    fileinput.close()

    # input() while another is active.
    fi = fileinput.input(a)
    next(fi)
    try:
        fileinput.input(b)
    except RuntimeError as e:
        print("RuntimeError:", e)
    fileinput.close()

    # FileInput as a context manager, binary mode, readline.
    with fileinput.FileInput(files=[a, b], mode="rb") as fi:
        print(fi.filename())
        print(fi.readline(), fi.readline(), fi.filename() == a)
        print(list(fi))
        print(fi.readline(), fi.lineno())

    # A PathLike argument, "-" reading sys.stdin.
    import pathlib
    with fileinput.FileInput(pathlib.Path(c)) as fi:
        print(list(fi), os.path.basename(fi.filename()))
    old_stdin = sys.stdin
    sys.stdin = io.StringIO("s1\ns2\n")
    try:
        with fileinput.input(["-", c]) as fi:
            for line in fi:
                print(repr(line), os.path.basename(fi.filename()), fi.isstdin(), fi.lineno())
    finally:
        sys.stdin = old_stdin

    # Inplace editing: print() output replaces each file's contents.
    os.chmod(a, 0o640)
    for line in fileinput.input([a, b], inplace=True):
        if fileinput.isfirstline():
            print("# header of", os.path.basename(fileinput.filename()))
        print(line.rstrip("\n").upper())
    print("after inplace, stdout restored")
    for name in (a, b):
        with open(name, encoding="utf-8") as f:
            print(repr(f.read()))
    print(oct(stat.S_IMODE(os.stat(a).st_mode)))
    print(sorted(os.listdir(tmp)))

    # A backup extension keeps the original.
    with fileinput.input(c, inplace=True, backup=".orig") as fi:
        for line in fi:
            sys.stdout.write(line.replace("c", "C"))
    with open(c, encoding="utf-8") as f:
        print(repr(f.read()))
    with open(c + ".orig", encoding="utf-8") as f:
        print(repr(f.read()))

    # Opening hooks.
    latin = path("latin.txt")
    with open(latin, "wb") as f:
        f.write("caf\xe9\n".encode("latin-1"))
    with fileinput.input(latin, openhook=fileinput.hook_encoded("latin-1")) as fi:
        print(list(fi))
    with fileinput.input(latin, openhook=fileinput.hook_encoded("ascii", "replace")) as fi:
        print(list(fi))
    gz = path("data.gz")
    with gzip.open(gz, "wb") as f:
        f.write(b"z1\nz2\n")
    with fileinput.input([gz, c], openhook=fileinput.hook_compressed) as fi:
        print(list(fi))
    with fileinput.input(gz, mode="rb", openhook=fileinput.hook_compressed) as fi:
        print(list(fi))

    # Argument errors.
    for kwargs in ({"mode": "w"}, {"mode": "rU"},
                   {"inplace": True, "openhook": fileinput.hook_encoded("utf-8")},
                   {"openhook": "not callable"}):
        try:
            fileinput.FileInput(a, **kwargs)
        except ValueError as e:
            print("ValueError:", e)
    try:
        with fileinput.input(path("missing.txt")) as fi:
            list(fi)
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
    print(fileinput.FileInput[str])
finally:
    shutil.rmtree(tmp)
print(os.path.exists(tmp))
