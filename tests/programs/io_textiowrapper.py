# io.TextIOWrapper over binary streams: BytesIO, a binary file, a user
# BufferedIOBase subclass; decoding across chunks, universal newlines,
# newline translation, buffering of writes, detach/close; open() with
# utf-16 text; binary writes to sys.stdout.buffer.
import io
import os
import sys


def show(f):
    try:
        return repr(f())
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


B = io.BytesIO
T = io.TextIOWrapper

print('-- construction')
print(show(lambda: T(B(), encoding=1)))
print(show(lambda: T(B(), errors=1)))
print(show(lambda: T(B(), newline=1)))
print(show(lambda: T(B(), newline='x')))
print(show(lambda: T(B(), encoding='bogus')))
t = T(B())
print(t.encoding, t.errors, t.newlines, t.line_buffering, t.write_through, repr(t))
print(T(B(), encoding='utf8', errors='replace').errors, repr(T(B(), encoding='latin1')))
print(isinstance(t, io.TextIOBase), isinstance(t, io.IOBase), t.readable(),
      t.writable(), t.seekable())

print('-- reading')
t = T(B(b'a\nb\r\nc\rd'))
print(repr(t.readline()), t.newlines, repr(t.readline()), repr(t.readline()),
      repr(t.readline()), repr(t.readline()), t.newlines)
t = T(B(b'a\nb\r\nc\rd'), newline='')
print(list(t), t.newlines)
for nl in ['\n', '\r', '\r\n']:
    print(repr(nl), T(B(b'a\nb\r\nc\rd\r'), newline=nl).readlines())
t = T(B(b'hello\nworld\n'))
print(repr(t.read(3)), repr(t.readline(2)), repr(t.readline(10)), repr(t.read()),
      repr(t.read()), repr(t.readline()))
print(show(lambda: T(B(b'x')).readline('a')), show(lambda: T(B(b'x')).read('a')),
      show(lambda: T(B(b'x')).read(1.0)))
print(repr(T(B(b'caf\xc3\xa9 \xff'), errors='replace').read()),
      show(lambda: T(B(b'caf\xc3\xa9 \xff')).read()))

# Characters and "\r\n" cut by the 8192-byte chunks.
text = ('x' * 8191 + '\xe9' + 'y' * 8190 + '\r\n' + '\U0001f600' * 5000
        + '\u20ac\r' + '\nend\r')
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-8-sig', 'cp1252']:
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = text.replace('\U0001f600', '?').replace('\u20ac', 'E').encode(enc)
    lines = T(B(data), encoding=enc).readlines()
    t = T(B(data), encoding=enc, newline='')
    pieces = []
    while True:
        piece = t.read(1000)
        if not piece:
            break
        pieces.append(piece)
    print(enc, len(data), [len(x) for x in lines], repr(lines[-1]),
          len(''.join(pieces)), ''.join(pieces) == data.decode(enc), t.newlines)


class Reader(io.BufferedIOBase):
    """A binary stream with only read(), giving 3 bytes at a time."""

    def __init__(self, data):
        self.data = data

    def readable(self):
        return True

    def read(self, n=-1):
        n = len(self.data) if n is None or n < 0 else min(n, 3)
        chunk, self.data = self.data[:n], self.data[n:]
        return chunk


print(repr(T(Reader('é€\nline two\r\nthree'.encode())).read()))
print(show(lambda: T(Reader(b'one')).readline()))
Reader.read1 = Reader.read
print([line for line in T(Reader('é€\nline two\r\nthree'.encode()))])


class Writer(io.BufferedIOBase):
    def __init__(self):
        self.out = []

    def writable(self):
        return True

    def write(self, b):
        self.out.append(bytes(b))
        return len(b)

    def flush(self):
        self.out.append('flush')


print('-- writing')
b = B()
t = T(b, encoding='utf-16')
print(t.write('hi\n'), b.getvalue())
t.flush()
print(b.getvalue())
t.write('x')
t.flush()
print(b.getvalue(), t.tell())
w = Writer()
t = T(w, line_buffering=True)
t.write('ab')
print(w.out)
t.write('c\nd')
print(w.out, t.line_buffering)
w = Writer()
t = T(w, write_through=True, newline='\r\n')
t.write('ab\n')
print(w.out, show(lambda: t.read()))
w = Writer()
t = T(w, newline='\r')
t.write('a\nb')
t.flush()
print(w.out, show(lambda: t.name), show(lambda: t.fileno()))
w = Writer()
t = T(w, encoding='ascii', errors='xmlcharrefreplace')
t.write('caf\xe9 \u20ac\n')
t.write('y' * 9000)
print([len(x) for x in w.out], w.out[0])
print(show(lambda: t.write(b'x')), show(lambda: T(B(b'x'), encoding='ascii').write('\xe9') or
                                       'buffered'))
print(show(lambda: T(Reader(b'x')).write('a')))

print('-- detach and close')
b = B(b'abc')
t = T(b)
print(repr(t.read(1)), t.detach() is b, show(lambda: t.read()), show(lambda: t.closed),
      show(lambda: t.detach()), repr(t), t.buffer, t.encoding)
b = B()
t = T(b)
t.write('pending')
t.close()
print(t.closed, b.closed, show(lambda: t.read()), show(lambda: t.write('x')),
      show(lambda: t.flush()), show(lambda: t.close()), show(lambda: t.tell()))
with T(B(b'in with')) as t:
    print(t.read())
print(t.closed)
t = T(B(b'abc\ndef'))
print(show(lambda: t.seek(1, 1)), show(lambda: t.seek(1, 2)), show(lambda: t.seek(-1)),
      show(lambda: t.seek(0, 3)))
print(t.readline(), t.tell(), t.seek(0), t.read(2), t.seek(0, 2), repr(t.read()))

print('-- files')
path = 'io_textiowrapper_tmp.txt'
with open(path, 'wb') as f:
    t = T(f, encoding='utf-8', newline='\r\n')
    t.write('one\ntwo \xe9\n')
    t.flush()
    t.detach()
with open(path, 'rb') as f:
    print(f.read())
with open(path, 'rb') as f:
    t = T(f)
    print(t.readlines(), repr(t)[:24], t.name == path, t.buffer is f)
with open(path) as f:
    print(isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase),
          type(f).__name__, f.read())
with open(path, 'w', encoding='utf-16') as f:
    print(f.write('sixteen \u20ac\nbits\n'), f.encoding, f.mode,
          isinstance(f, io.TextIOWrapper))
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-16') as f:
    print(f.readlines())
with open(path, 'a', encoding='utf-16') as f:
    f.write('more\n')
with open(path, encoding='UTF-16') as f:
    print(f.read().split('\n'), f.encoding)
with open(path, 'w', encoding='utf-8-sig') as f:
    f.write('sig')
with open(path, 'rb') as f:
    print(f.read())
with open(path, encoding='utf-8-sig') as f:
    print(repr(f.read()))
with open(path, 'w', encoding='cp1252') as f:
    f.write('\u20ac\xe9')
with open(path, 'rb') as f:
    print(f.read())
os.remove(path)

print('-- stdout.buffer')
sys.stdout.flush()
print(sys.stdout.buffer.write(b'raw bytes \xc3\xa9\n'))
sys.stdout.buffer.flush()
print('after')
