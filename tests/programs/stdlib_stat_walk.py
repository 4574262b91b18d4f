# stat: every name and value, filemode() and the type tests over many modes; os.makedirs/os.walk (links, both orders).
import stat, os
names = sorted(n for n in dir(stat) if not n.startswith("_"))
print(names)
print([(n, getattr(stat, n)) for n in names if isinstance(getattr(stat, n), int)])
for mode in list(range(0, 0o10000, 0o111)) + [0o100644, 0o40755, 0o120777, 0o20666, 0o60660, 0o10644, 0o140755, 0o104755, 0o102755, 0o41777, 0o41776, 0o170000, 0o4000, 0o2000, 0o1000]:
    print(oct(mode), stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode), [f(mode) for f in (stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISFIFO, stat.S_ISSOCK, stat.S_ISDOOR)])
import tempfile
d = tempfile.mkdtemp(dir=".")
try:
    for p in ["a/b/c", "a/x", "a/b/y"]:
        os.makedirs(os.path.join(d, p), exist_ok=True)
    open(os.path.join(d, "a", "f.txt"), "w").close()
    os.symlink("b", os.path.join(d, "a", "link"))
    for top, dirs, files in os.walk(d):
        print(os.path.relpath(top, d), sorted(dirs), sorted(files))
    for top, dirs, files in os.walk(d, topdown=False):
        print(os.path.relpath(top, d), sorted(dirs), sorted(files))
    print(sorted(os.path.relpath(t, d) for t, _, _ in os.walk(d, followlinks=True)))
    try:
        os.makedirs(os.path.join(d, "a"))
    except FileExistsError as e:
        print("exists")
    os.makedirs(os.path.join(d, "n", "m") + "/", exist_ok=True)
    print(os.path.isdir(os.path.join(d, "n", "m")))
finally:
    import shutil
    shutil.rmtree(d)
print(os.path.exists(d))
