# pathlib, os.path and stat on the real file system (links, modes,
# resolve, touch), and the descriptor pattern tempfile uses; everything in
# a folder made here and removed at the end.
import os
import stat
from pathlib import Path



def clean(p):
    for top, dirs, files in os.walk(p, topdown=False):
        for name in files + dirs:
            q = os.path.join(top, name)
            if os.path.isdir(q) and not os.path.islink(q):
                os.rmdir(q)
            else:
                os.unlink(q)
    os.rmdir(p)


base = Path("_os_pathlib_tmp").absolute()
if os.path.lexists(base):
    clean(base)
base.mkdir(exist_ok=True)
print("made:", base.is_dir(), base.exists(), base.is_symlink())

f = base / "a.txt"
f.write_text("alpha\n")
f.chmod(0o640)
print("chmod:", oct(f.stat().st_mode & 0o777), stat.filemode(f.stat().st_mode))
link = base / "link"
link.symlink_to("a.txt")
print("symlink:", link.is_symlink(), link.is_file(), f.is_symlink(), link.readlink())
print("lstat:", stat.S_ISLNK(link.lstat().st_mode), stat.S_ISREG(link.stat().st_mode))
print("resolve:", link.resolve() == f, link.resolve().name)
print("samefile:", link.samefile(f))
hard = base / "hard"
hard.hardlink_to(f)
print("hardlink:", f.stat().st_nlink, hard.read_text())
loop = base / "loop"
loop.symlink_to("loop")
try:
    loop.resolve()
except RuntimeError as e:
    print("loop:", str(e).startswith("Symlink loop from"))
try:
    (base / "loop").stat()
except OSError as e:
    print("loop stat:", type(e).__name__, e.errno)

t = base / "touched"
t.touch(mode=0o600)
print("touch:", t.exists(), oct(t.stat().st_mode & 0o777), t.stat().st_size)
os.utime(t, (0, 0))
t.touch()
print("touch again updates:", t.stat().st_mtime > 0)
try:
    t.touch(exist_ok=False)
except FileExistsError as e:
    print("touch exists:", e.errno)
d = base / "x" / "y"
d.mkdir(mode=0o750, parents=True)
print("mkdir mode:", oct(d.stat().st_mode & 0o777), d.is_mount(), Path("/").is_mount())

# os.path on the same things.
p = str(base)
print("isabs:", os.path.isabs(p), os.path.islink(p + "/link"), os.path.lexists(p + "/loop"),
      os.path.exists(p + "/loop"))
print("getsize:", os.path.getsize(p + "/a.txt"), os.path.getsize(p + "/link"))
print("times:", [type(g(p + "/a.txt")).__name__ for g in (os.path.getmtime, os.path.getatime, os.path.getctime)])
print("samestat:", os.path.samestat(os.stat(p + "/a.txt"), os.stat(p + "/hard")))
with open(p + "/a.txt") as f1, open(p + "/hard") as f2:
    print("sameopenfile:", os.path.sameopenfile(f1.fileno(), f2.fileno()))
print("realpath:", os.path.realpath(p + "/link") == p + "/a.txt",
      os.path.realpath(p + "/x/../link") == p + "/a.txt")
try:
    os.path.realpath(p + "/missing/z", strict=True)
except FileNotFoundError as e:
    print("strict realpath:", e.errno)
print("ismount:", os.path.ismount("/"), os.path.ismount(p))

# stat module.
for mode in (0o100755, 0o40700, 0o120777, 0o10644, 0o140755, 0o60660, 0o102755, 0o101644):
    print(oct(mode), stat.filemode(mode), stat.S_ISREG(mode), stat.S_ISDIR(mode),
          stat.S_ISLNK(mode), stat.S_ISFIFO(mode), stat.S_ISSOCK(mode), stat.S_ISBLK(mode))
print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o104755) == 0o4755)
print(stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX, stat.S_IREAD, stat.S_IWRITE, stat.S_IEXEC)
print(stat.ST_INO, stat.ST_DEV, stat.ST_NLINK, stat.ST_UID, stat.ST_GID, stat.ST_ATIME, stat.ST_CTIME)

# The way tempfile makes a file: O_EXCL|O_NOFOLLOW, mode 0o600, fdopen.
flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
fd = os.open(p + "/tmpXYZ", flags, 0o600)
with os.fdopen(fd, "w+b") as tf:
    tf.write(b"temporary data")
    tf.seek(0)
    print("temp:", tf.read(), tf.name == fd, oct(os.fstat(tf.fileno()).st_mode & 0o777))
try:
    os.open(p + "/tmpXYZ", flags, 0o600)
except FileExistsError as e:
    print("temp exists:", e.errno)
try:
    os.open(p + "/link", os.O_RDONLY | os.O_NOFOLLOW)
except OSError as e:
    print("nofollow:", e.errno)

# open() with an opener (tempfile's way), encoding="locale", a file's
# name set afterwards (as NamedTemporaryFile does), sys.audit.
def opener(path, flags):
    return os.open(path, flags | os.O_EXCL, 0o600)


with open(p + "/opened", "w", opener=opener, encoding="locale") as of:
    of.write("via opener")
    raw = getattr(of, "buffer", of)
    raw = getattr(raw, "raw", raw)
    raw.name = "renamed"
    print("opener:", of.name, of.encoding, of.mode)
print("opened:", open(p + "/opened").read(), oct(os.stat(p + "/opened").st_mode & 0o777))
try:
    open(p + "/opened", "w", opener=opener)
except FileExistsError as e:
    print("opener exists:", e.errno)
try:
    open(p + "/never", "wb", opener=lambda path, flags: -1)
except ValueError as e:
    print("opener:", e)
import sys
print("audit:", sys.audit("krait.test", 1, 2))

clean(p)
print("cleaned:", base.exists())
