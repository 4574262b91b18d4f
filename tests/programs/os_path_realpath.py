# os.path.realpath: relative and absolute links, chains, '..' after links, loops (kept, or ELOOP when strict), dangling links.
import os, shutil
base = "rpdir"
shutil.rmtree(base, ignore_errors=True)
os.makedirs(base + "/real/sub")
os.symlink("real", base + "/l1")
os.symlink("l1/sub", base + "/l2")
os.symlink(os.path.abspath(base + "/real"), base + "/abs")
os.symlink("loop2", base + "/loop1")
os.symlink("loop1", base + "/loop2")
os.symlink("../real/sub/..", base + "/real/up")
os.symlink("missing/x", base + "/dangling")
cwd = os.getcwd()
def show(p):
    r = os.path.realpath(p)
    return r.replace(cwd, "CWD") if isinstance(r, str) else r.replace(cwd.encode(), b"CWD")
for p in ["rpdir/l1", "rpdir/l2", "rpdir/l2/..", "rpdir/abs/sub", "rpdir/loop1", "rpdir/loop1/x/y", "rpdir/real/up", "rpdir/real/up/sub", "rpdir/dangling", "rpdir/./l1/../l2", "rpdir/nope/../l1", ".", "/", "//x/../y", "rpdir/l1/sub/../../l2"]:
    print(p, show(p))
for p in ["rpdir/loop1", "rpdir/dangling", "rpdir/l2"]:
    try:
        print(show_s := os.path.realpath(p, strict=True).replace(cwd, "CWD"))
    except OSError as e:
        print(type(e).__name__, e.errno)
print(os.path.realpath("..") == os.path.dirname(cwd))
shutil.rmtree(base)
