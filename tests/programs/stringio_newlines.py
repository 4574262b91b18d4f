# StringIO.newlines: the kinds of line ends written, tracked when lines are
# read universally (newline=None or ''), None otherwise.
from io import StringIO
for nl in (None, '', '\n', '\r', '\r\n'):
    for text in ("", "a\nb", "a\r\nb", "a\rb", "a\nb\r\n", "a\rb\nc", "a\r\nb\rc\nd"):
        f = StringIO(text, newline=nl)
        f.read()
        print(repr(nl), repr(text), repr(f.newlines))
f = StringIO(newline=None)
print(repr(f.newlines)); f.write("x\n"); print(repr(f.newlines)); f.write("y\r"); print(repr(f.newlines))

# An in-memory stream has no file descriptor: io.UnsupportedOperation,
# an OSError.
import io
for stream in (io.StringIO(), io.BytesIO()):
    try:
        stream.fileno()
    except OSError as err:
        print(type(err).__name__, err, isinstance(err, ValueError))
