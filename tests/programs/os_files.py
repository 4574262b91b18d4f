# os over the real file system: stat results, links, modes, times,
# descriptors, scandir/walk and the folder helpers, all inside a folder
# made here and removed at the end. Only deterministic facts are printed.
import os
import stat
import sys

base = os.path.abspath("_os_files_tmp")
if os.path.exists(base):
    for top, dirs, files in os.walk(base, topdown=False):
        for name in files + dirs:
            p = os.path.join(top, name)
            if os.path.islink(p) or not os.path.isdir(p):
                os.remove(p)
            else:
                os.rmdir(p)
    os.rmdir(base)
os.mkdir(base)
old_cwd = os.getcwd()
os.chdir(base)
print("cwd moved:", os.getcwd() == base)


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))


# --- stat ---
with open("data.txt", "w") as f:
    f.write("hello world\n")
st = os.stat("data.txt")
print(type(st).__name__, isinstance(st, tuple), len(st))
print("regular:", stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), stat.S_ISLNK(st.st_mode))
print("size:", st.st_size, st[6], st[stat.ST_SIZE])
print("types:", [type(st[i]).__name__ for i in range(10)])
print("time attrs:", type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, st[8] == int(st.st_mtime))
print("ns agree:", st.st_mtime_ns // 10**9 == st[8])
print("nlink:", st.st_nlink, "blksize>0:", st.st_blksize > 0, "blocks int:", type(st.st_blocks).__name__)
print("ino>0:", st.st_ino > 0, "dev int:", type(st.st_dev).__name__, "rdev:", st.st_rdev)
print("uid matches:", st.st_uid == os.getuid(), st.st_gid == os.getgid())
print("fields:", os.stat_result.n_sequence_fields)
dst = os.stat(".")
print("dir:", stat.S_ISDIR(dst.st_mode), stat.filemode(dst.st_mode)[0])
show("stat missing:", lambda: os.stat("missing"))
show("stat bad type:", lambda: os.stat(3.5))

# --- stat module ---
print(stat.filemode(0o100644), stat.filemode(0o40755), stat.filemode(0o120777))
print(stat.filemode(0o104755), stat.filemode(0o41777), stat.filemode(0o20660))
print(stat.S_IMODE(0o100644) == 0o644, stat.S_IFMT(0o100644) == stat.S_IFREG)
print(stat.ST_MODE, stat.ST_MTIME, stat.S_IRWXU, stat.S_IXOTH, stat.UF_NODUMP)

# --- chmod ---
os.chmod("data.txt", 0o600)
print("mode after chmod:", oct(os.stat("data.txt").st_mode & 0o777))
os.chmod("data.txt", 0o644)
print("mode after chmod:", oct(os.stat("data.txt").st_mode & 0o777), stat.filemode(os.stat("data.txt").st_mode))
show("chmod missing:", lambda: os.chmod("missing", 0o644))

# --- utime ---
os.utime("data.txt", (1000000000, 1200000000))
st = os.stat("data.txt")
print("utime times:", st.st_atime, st.st_mtime, st[8], st.st_mtime_ns)
os.utime("data.txt", ns=(5 * 10**9 + 5, 7 * 10**9 + 123456789))
st = os.stat("data.txt")
print("utime ns:", st.st_atime_ns, st.st_mtime_ns, os.path.getmtime("data.txt"))
os.utime("data.txt", (1.5, 2.25))
print("utime float:", os.stat("data.txt").st_mtime, os.path.getatime("data.txt"))
os.utime("data.txt")
print("utime now:", os.stat("data.txt").st_mtime > 1600000000)
show("utime both:", lambda: os.utime("data.txt", (1, 2), ns=(1, 2)))
show("utime bad times:", lambda: os.utime("data.txt", 5))
show("utime bad ns:", lambda: os.utime("data.txt", ns=5))
show("utime missing:", lambda: os.utime("missing", (1, 2)))

# --- symlinks and hard links ---
os.symlink("data.txt", "link.txt")
os.symlink("nowhere", "broken")
print("readlink:", os.readlink("link.txt"), os.readlink("broken"))
print("islink:", os.path.islink("link.txt"), os.path.islink("data.txt"), os.path.islink("broken"), os.path.islink("missing"))
print("exists:", os.path.exists("link.txt"), os.path.exists("broken"), os.path.lexists("broken"))
print("isfile via link:", os.path.isfile("link.txt"), os.path.isdir("link.txt"))
lst = os.lstat("link.txt")
print("lstat link:", stat.S_ISLNK(lst.st_mode), lst.st_size, stat.S_ISLNK(os.stat("link.txt").st_mode))
print("stat nofollow:", stat.S_ISLNK(os.stat("link.txt", follow_symlinks=False).st_mode))
print("same:", os.path.samefile("link.txt", "data.txt"))
show("stat broken:", lambda: os.stat("broken"))
show("symlink exists:", lambda: os.symlink("data.txt", "link.txt"))
show("readlink file:", lambda: os.readlink("data.txt"))
show("readlink missing:", lambda: os.readlink("missing"))
os.link("data.txt", "hard.txt")
print("nlink after link:", os.stat("data.txt").st_nlink, os.path.samefile("hard.txt", "data.txt"))
print("inodes equal:", os.stat("hard.txt").st_ino == os.stat("data.txt").st_ino)
show("link missing:", lambda: os.link("missing", "x"))
print("realpath:", os.path.realpath("link.txt") == os.path.join(base, "data.txt"))
print("realpath broken:", os.path.realpath("broken") == os.path.join(base, "nowhere"))

# --- truncate ---
os.truncate("hard.txt", 5)
print("truncated:", os.path.getsize("data.txt"), open("data.txt").read())
os.truncate("data.txt", 8)
print("extended:", os.path.getsize("data.txt"), open("data.txt", "rb").read())
show("truncate missing:", lambda: os.truncate("missing", 0))

# --- descriptors ---
fd = os.open("fd.bin", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
print("fd int:", type(fd).__name__, fd > 2)
print("written:", os.write(fd, b"abcdef"), os.write(fd, bytearray(b"ghi")), os.write(fd, memoryview(b"jk")))
print("fstat size:", os.fstat(fd).st_size, oct(os.fstat(fd).st_mode & 0o777))
os.fsync(fd)
os.ftruncate(fd, 10)
os.close(fd)
show("close again:", lambda: os.close(fd))
show("excl:", lambda: os.open("fd.bin", os.O_WRONLY | os.O_CREAT | os.O_EXCL))
show("open missing:", lambda: os.open("missing", os.O_RDONLY))
fd = os.open("fd.bin", os.O_RDWR)
print("read:", os.read(fd, 4), os.read(fd, 100), os.read(fd, 5))
print("lseek:", os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -1, os.SEEK_END))
fd2 = os.dup(fd)
print("dup:", fd2 != fd, os.lseek(fd2, 0, os.SEEK_CUR))
os.close(fd2)
os.close(fd)
fd = os.open("fd.bin", os.O_WRONLY | os.O_APPEND)
os.write(fd, b"++")
os.close(fd)
fd = os.open("fd.bin", os.O_WRONLY | os.O_TRUNC)
os.write(fd, b"new")
os.close(fd)
print("after trunc:", open("fd.bin", "rb").read())
show("read bad fd:", lambda: os.read(fd, 1))
show("write str:", lambda: os.write(1, "x"))
show("close str:", lambda: os.close("x"))
show("close big:", lambda: os.close(2**40))
print("flags:", os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND)
print("more flags:", os.O_NOFOLLOW, os.O_CLOEXEC, os.O_DIRECTORY, os.O_NONBLOCK, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
show("nofollow:", lambda: os.open("link.txt", os.O_RDONLY | os.O_NOFOLLOW))

# --- file objects over descriptors ---
fd = os.open("fd.bin", os.O_RDONLY)
f = open(fd, "rb")
print("fdopen name:", f.name == fd, f.fileno() == fd, f.read())
f.close()
show("fd closed with file:", lambda: os.fstat(fd))
fd = os.open("fd.bin", os.O_RDWR)
f = os.fdopen(fd, "r+", closefd=False)
print("text over fd:", f.read(), f.mode)
f.write("!")
f.close()
print("fd still open:", os.fstat(fd).st_size)
os.lseek(fd, 0, os.SEEK_SET)
print("content:", os.read(fd, 10))
os.close(fd)
with os.fdopen(os.open("fd.bin", os.O_WRONLY | os.O_APPEND), "a") as f:
    f.write("+tail")
print("appended:", open("fd.bin").read())
show("open negative:", lambda: open(-1))
show("open closed fd:", lambda: open(fd))
show("fdopen str:", lambda: os.fdopen("x"))
show("closefd with name:", lambda: open("fd.bin", closefd=False))
with open("fd.bin") as f:
    print("fileno int:", type(f.fileno()).__name__, f.isatty())
show("fileno closed:", lambda: f.fileno())
print("std filenos:", sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())

# --- mkdir, makedirs, removedirs, renames ---
os.mkdir("m700", 0o700)
print("mkdir mode:", oct(os.stat("m700").st_mode & 0o777))
show("mkdir exists:", lambda: os.mkdir("m700"))
show("mkdir missing parent:", lambda: os.mkdir("no/such"))
os.makedirs("a/b/c")
os.makedirs("a/b/c", exist_ok=True)
show("makedirs again:", lambda: os.makedirs("a/b/c"))
show("makedirs over file:", lambda: os.makedirs("data.txt", exist_ok=True))
os.makedirs("a/b/./d/")
print("made:", sorted(os.listdir("a/b")))
with open("a/b/c/f.txt", "w") as f:
    f.write("x")
os.renames("a/b/c/f.txt", "r/s/g.txt")
print("renames:", os.path.exists("a/b/c"), os.path.exists("r/s/g.txt"), sorted(os.listdir("a/b")))
os.remove("r/s/g.txt")
os.removedirs("r/s")
print("removedirs:", os.path.exists("r"))
os.removedirs("a/b/d")
print("removedirs a:", os.path.exists("a"))
show("rmdir missing:", lambda: os.rmdir("missing"))
show("remove missing:", lambda: os.remove("missing"))
show("rename missing:", lambda: os.rename("missing", "other"))

# --- scandir and walk ---
os.makedirs("tree/sub/deep")
for name in ["tree/one.txt", "tree/sub/two.txt", "tree/sub/deep/three.txt"]:
    with open(name, "w") as f:
        f.write(name)
os.symlink("sub", "tree/sublink")
os.symlink(os.path.join(base, "data.txt"), "tree/filelink")
with os.scandir("tree") as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print("entry:", repr(e), e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.inode() == os.lstat(e.path).st_ino,
          stat.S_ISLNK(e.stat(follow_symlinks=False).st_mode), os.fspath(e) == e.path)
print("scandir default:", sorted(e.name for e in os.scandir())[:3])
print("scandir path:", sorted(e.path for e in os.scandir("tree/sub")))


def walked(**kwargs):
    out = []
    for top, dirs, files in os.walk("tree", **kwargs):
        dirs.sort()
        out.append((top, sorted(dirs), sorted(files)))
    return sorted(out)


for row in walked():
    print("walk:", row)
for row in walked(followlinks=True):
    print("walk follow:", row)
for row in walked(topdown=False):
    print("walk bottom-up:", row)
pruned = []
for top, dirs, files in os.walk("tree"):
    dirs[:] = [d for d in dirs if d != "sub"]
    pruned.append(top)
print("pruned:", sorted(pruned))
errors = []
print("walk missing:", list(os.walk("missing", onerror=errors.append)), [type(e).__name__ for e in errors])

# --- environment ---
os.environ["KRAIT_OS_TEST"] = "one"
print("environ:", os.environ["KRAIT_OS_TEST"], os.getenv("KRAIT_OS_TEST"))
os.putenv("KRAIT_OS_PUT", "x")
print("putenv not in environ:", "KRAIT_OS_PUT" in os.environ)
del os.environ["KRAIT_OS_TEST"]
print("deleted:", os.getenv("KRAIT_OS_TEST"), os.environ.pop("KRAIT_OS_TEST", "gone"))
show("putenv bad:", lambda: os.putenv("a=b", "1"))
show("unsetenv bad:", lambda: os.unsetenv(""))
show("environ bad:", lambda: os.environ.__setitem__("K", 1))
os.unsetenv("KRAIT_OS_PUT")

# --- process facts ---
print("ids:", type(os.getuid()).__name__, type(os.geteuid()).__name__, type(os.getgid()).__name__,
      type(os.getegid()).__name__, os.getppid() > 0)
u = os.uname()
print("uname:", type(u).__name__, len(u), u.sysname == u[0], u.sysname)
t = os.times()
print("times:", type(t).__name__, len(t), all(isinstance(x, float) for x in t), t.elapsed == t[4])
old = os.umask(0o022)
print("umask:", oct(os.umask(old)))
print("isatty:", os.isatty(-1), os.isatty(fd + 100))
show("terminal size bad fd:", lambda: os.get_terminal_size(fd + 100))
ts = os.terminal_size((80, 24))
print("terminal_size:", ts, ts.columns, ts.lines)
print("fsencode:", os.fsencode("a\u00e9"), os.fsdecode(b"a\xc3\xa9"), os.fsencode(b"x"), os.fsdecode("y"))
print("sep:", os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, repr(os.linesep), os.devnull, os.name)
print("supports:", os.stat in os.supports_fd, os.stat in os.supports_follow_symlinks)

# --- clean up ---
os.chdir(old_cwd)
for top, dirs, files in os.walk(base, topdown=False):
    for name in files:
        os.remove(os.path.join(top, name))
    for name in dirs:
        p = os.path.join(top, name)
        if os.path.islink(p):
            os.remove(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print("cleaned:", os.path.exists(base))
