import stat, os, tempfile

names = sorted(n for n in dir(stat) if n.isupper() and not n.startswith("_") and not callable(getattr(stat, n)))
for n in names:
    print(n, oct(getattr(stat, n)))
modes = [0, 0o100644, 0o040755, 0o120777, 0o020620, 0o060660, 0o010600, 0o140755,
         0o104755, 0o102755, 0o101777, 0o104644, 0o102644, 0o101666, 0o107777, 0o170000, 0o007777, 0o030000]
funcs = ["S_ISDIR", "S_ISCHR", "S_ISBLK", "S_ISREG", "S_ISFIFO", "S_ISLNK", "S_ISSOCK", "S_ISDOOR", "S_ISPORT", "S_ISWHT"]
for m in modes:
    print(oct(m), stat.filemode(m), oct(stat.S_IMODE(m)), oct(stat.S_IFMT(m)),
          [f for f in funcs if getattr(stat, f)(m)])
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f")
    open(p, "w").close()
    os.chmod(p, 0o640)
    st = os.stat(p)
    print(stat.filemode(st.st_mode), stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(d).st_mode))
    print(st[stat.ST_MODE] == st.st_mode, st[stat.ST_SIZE])
    os.symlink(p, p + "l")
    print(stat.S_ISLNK(os.lstat(p + "l").st_mode), stat.filemode(os.lstat(p + "l").st_mode)[0])
try:
    stat.filemode("x")
except TypeError as e:
    print("TypeError")
