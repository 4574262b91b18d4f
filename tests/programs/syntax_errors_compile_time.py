# Compile-time SyntaxErrors CPython raises from its compiler and symtable
# (and one from its parser), with their messages and positions.

srcs = ["f(x=1, x=2)", "f(a, x=1, *b, x=2)", "__debug__ = 1", "def f(__debug__): pass", "__debug__: int", "x.__debug__ = 1", "del __debug__",
        "[i := 0 for i in x]", "[x for x in (y := [1])]", "class C:\n    [(y := 1) for x in z]\n", "class A(x for x in y): pass",
        "{i := 0 for i in x}", "[j for i in x for j in (k := i)]", "[[(i := 1) for j in y] for i in x]", "[(x := 1) for x, y in z]",
        "def f(): [i := 0 for i in x]", "for __debug__ in x: pass", "import __debug__", "with a as __debug__: pass", "f(__debug__=1)", "lambda __debug__: 1",
        "class C:\n    def f(self): [(y := 1) for x in z]\n", "f(**x, x=1, x=2)", "(a, __debug__) = 1, 2", "__debug__ += 1"]
for src in srcs:
    try:
        compile(src, "<s>", "exec"); print("ok", repr(src))
    except SyntaxError as e: print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
more = ["def __debug__(): pass", "class __debug__: pass", "try: pass\nexcept E as __debug__: pass", "__debug__: int = 1", "(__debug__): int", "x.__debug__: int",
        "del x.__debug__", "o.m(a=1, a=2)", "o.m(__debug__=1)", "class A(metaclass=M, metaclass=N): pass", "class A(__debug__=1): pass", "(__debug__ := 1)",
        "[x for __debug__ in y]", "from m import __debug__", "from m import a as __debug__", "import a.b as __debug__", "def f(*, __debug__): pass", "def f(**__debug__): pass",
        "x.__debug__", "print(__debug__)", "try: pass\nexcept* E as __debug__: pass", "match x:\n    case __debug__: pass\n", "async def f(): [x async for __debug__ in y]"]
for src in more:
    try:
        compile(src, "<s>", "exec"); print("ok", repr(src))
    except SyntaxError as e: print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

for src in ["class A(x for x in y): pass", "class A(b, x for x in y): pass", "class A(x for x in y, b): pass", "class A((x for x in y)): pass", "class A(x  async for x in y): pass", "class A(\n  x\n  for x in y): pass"]:
    try:
        compile(src, "<s>", "exec"); print("ok", repr(src))
    except SyntaxError as e: print(repr(src), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
