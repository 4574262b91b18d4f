# compile(..., "single") accepts one statement; more is a SyntaxError.
for src in ["1 + 1\nNone\n'abc'", "x = 1; y = 2", "a = 1\nb = 2\n", "if 1:\n  pass\nz = 3\n"]:
    try:
        compile(src, "<s>", "single")
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, repr(e.text))
