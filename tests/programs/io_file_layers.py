# A file's layers as CPython stacks them: a text file's binary `buffer`, a
# buffered file's `raw` FileIO, `open(..., buffering=0)` and `io.FileIO(...)`
# unbuffered, `io.BufferedReader/Writer(raw)` over krait's files and over
# other raw streams; plus renaming generators and `Callable[...] | None`.
import io
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "layers.txt")

with open(path, "w") as f:
    f.write("text line\n")
    buffer = f.buffer
    print(type(buffer).__name__, buffer.mode, buffer is f.buffer, buffer.name == path)
    f.flush()
    buffer.write(b"bytes line\n")
    f.write("text again\n")
print(buffer.closed)

with open(path) as f:
    print(f.readline(), end="")
    print(f.buffer.mode, type(f.buffer.raw).__name__, f.buffer.raw.mode)
with open(path, "r+") as f:
    print(type(f.buffer).__name__, f.buffer.mode, f.buffer.raw.mode)

with open(path, "rb") as f:
    print(type(f).__name__, type(f.raw).__name__, f.peek(4)[:4], f.read(4), f.raw.closed)
with open(path, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(), repr(f).split(" name=")[0])

out = os.path.join(folder, "raw.bin")
with io.FileIO(out, "w") as raw:
    print(type(raw).__name__, raw.mode, raw.write(b"unbuffered"))
    with open(out, "rb") as check:
        print("seen at once:", check.read())
raw = io.FileIO(out)
buffered = io.BufferedReader(raw)
print(type(buffered).__name__, buffered.raw is raw, buffered.read(2), buffered.read())
for bad in ("rt", "rw", "q"):
    try:
        io.FileIO(out, bad)
    except ValueError as error:
        print("ValueError:", error)
try:
    io.BufferedWriter(io.FileIO(out))
except io.UnsupportedOperation as error:
    print("UnsupportedOperation:", error)

reader = io.BufferedReader(io.BytesIO(b"one\ntwo\nthree"))
print(reader.readline(), reader.peek()[:3], reader.read(2), reader.read())
with io.BufferedReader(io.BytesIO(b"a\nb\n")) as lines:
    print(list(lines))
sink = io.BytesIO()
writer = io.BufferedWriter(sink)
writer.write(b"gathered")
print(sink.getvalue(), end=" ")
writer.flush()
print(sink.getvalue())
try:
    io.BufferedReader(io.BytesIO(), 0)
except ValueError as error:
    print("ValueError:", error)


def numbers():
    yield 1


generator = numbers()
generator.__name__ = "renamed"
generator.__qualname__ = "Owner.renamed"
print(generator.__name__, generator.__qualname__, repr(generator).split(" at ")[0])
try:
    generator.__name__ = 3
except TypeError as error:
    print("TypeError:", error)

from collections.abc import Callable

print(Callable[[int], str] | None, None | Callable[..., int])
