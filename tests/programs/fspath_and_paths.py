# os.fspath and the path functions that call it: str and bytes (and their
# subclasses) as they are, __fspath__ of a path-like object, CPython's
# errors otherwise.
import os
import pathlib

class S(str):
    pass

class P:
    def __fspath__(self):
        return "/tmp/some/file.tar.gz"

class Bad:
    def __fspath__(self):
        return 3

class NoneFS:
    __fspath__ = None

print(os.fspath("a"), os.fspath(b"b"), type(os.fspath(S("s"))).__name__)
print(os.fspath(P()), os.fspath(path="kw"), os.fspath(pathlib.PurePosixPath("/x/y")))
print(os.path.basename(P()), os.path.splitext(P()), os.path.normcase(b"/A/b"), os.path.normcase("/A/b"))
print(os.path.dirname("/usr/lib/"), os.path.splitext(".bashrc"), os.path.basename("/a/b.c"))
for value in (1, None, Bad(), NoneFS(), [1]):
    try:
        os.fspath(value)
    except TypeError as e:
        print("TypeError", e)
try:
    os.path.basename(3)
except TypeError as e:
    print("TypeError", e)
