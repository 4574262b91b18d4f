# readlines(hint) stops once the lines read add up past the hint (IOBase,
# StringIO, files, text wrappers, gzip and bz2 files), but BytesIO stops on
# reaching it, as CPython's do.
import bz2
import gzip
import io
import os
import tempfile

HINTS = (0, 1, 2, 3, 4, 5, 6, -1, None)
for hint in HINTS:
    print(hint, io.BytesIO(b"a\nb\nc\n").readlines(hint), io.StringIO("a\nb\nc\n").readlines(hint))


class Raw(io.RawIOBase):
    def __init__(self):
        self.data = io.BytesIO(b"ab\ncd\nef\n")

    def readable(self):
        return True

    def readinto(self, b):
        chunk = self.data.read(len(b))
        b[:len(chunk)] = chunk
        return len(chunk)


folder = tempfile.mkdtemp()
path = os.path.join(folder, "lines.txt")
with open(path, "w") as f:
    f.write("ab\ncd\nef\n")
for hint in (0, 2, 3, 4, 6, 7):
    with open(path) as text, open(path, "rb") as binary:
        wrapped = io.TextIOWrapper(io.BytesIO(b"ab\ncd\nef\n"), encoding="ascii")
        print(hint, Raw().readlines(hint), text.readlines(hint), binary.readlines(hint),
              wrapped.readlines(hint))
    packed = gzip.compress(b"ab\ncd\nef\n")
    print(hint, gzip.GzipFile(fileobj=io.BytesIO(packed)).readlines(hint),
          bz2.BZ2File(io.BytesIO(bz2.compress(b"ab\ncd\nef\n"))).readlines(hint))
os.remove(path)
os.rmdir(folder)
