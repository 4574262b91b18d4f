import filecmp, os, tempfile, io, contextlib

with tempfile.TemporaryDirectory() as root:
    a = os.path.join(root, "a"); b = os.path.join(root, "b")
    def w(base, rel, data):
        p = os.path.join(base, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write(data)
        os.utime(p, (1000000, 1000000))
    for base in (a, b):
        w(base, "same.txt", "hello")
        w(base, "sub/inner.txt", "x")
        w(base, "sub/deeper/z.txt", "z")
        w(base, ".git/config", "ignored")
    w(a, "diff.txt", "aaaa"); w(b, "diff.txt", "bbbb")
    w(a, "size.txt", "short"); w(b, "size.txt", "longer text")
    w(a, "only_a.txt", "1"); w(b, "only_b.txt", "2")
    w(a, "sub/inner2.txt", "q"); w(b, "sub/inner2.txt", "r")
    w(a, "kind", "file"); os.makedirs(os.path.join(b, "kind"))
    w(a, "Zed.txt", "z"); w(b, "Zed.txt", "z")
    os.utime(os.path.join(b, "diff.txt"), (2000000, 2000000))
    fa, fb = os.path.join(a, "diff.txt"), os.path.join(b, "diff.txt")
    print(filecmp.cmp(os.path.join(a, "same.txt"), os.path.join(b, "same.txt")))
    print(filecmp.cmp(fa, fb), filecmp.cmp(fa, fb, shallow=False))
    print(filecmp.cmp(os.path.join(a, "size.txt"), os.path.join(b, "size.txt"), shallow=False))
    print(filecmp.cmp(a, b), filecmp.cmp(fa, fa))
    try:
        filecmp.cmp(os.path.join(a, "missing"), fa)
    except FileNotFoundError as e:
        print("FileNotFoundError")
    print(filecmp.cmpfiles(a, b, ["same.txt", "diff.txt", "size.txt", "nope", "kind", "Zed.txt"]))
    print(filecmp.cmpfiles(a, b, ["same.txt", "diff.txt"], shallow=False))
    d = filecmp.dircmp(a, b)
    for attr in ["left_list", "right_list", "common", "left_only", "right_only", "common_dirs", "common_files",
                 "common_funny", "same_files", "diff_files", "funny_files"]:
        print(attr, getattr(d, attr))
    print(sorted(d.subdirs), type(d.subdirs["sub"]).__name__, d.subdirs["sub"].same_files)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        d.report(); print("----"); d.report_partial_closure(); print("----"); d.report_full_closure()
    print(out.getvalue().replace(root, "ROOT"))
    d2 = filecmp.dircmp(a, b, ignore=["sub"], hide=[os.curdir, os.pardir, "only_a.txt"])
    print(d2.left_list, d2.common, d2.left_only)
    try:
        d.nonexistent
    except AttributeError as e:
        print("AttributeError", e)
    print(filecmp.DEFAULT_IGNORES, filecmp.BUFSIZE, sorted(filecmp.dircmp.methodmap))
    print(filecmp.dircmp[int])
    d.phase4_closure()
    filecmp.clear_cache()
