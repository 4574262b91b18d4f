# io.StringIO and io.BytesIO: in-memory streams.
import io

s = io.StringIO()
print(s.write('hello'), s.write(' world\n'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.read(5)), repr(s.read()), repr(s.read()))
print(s.seek(6), repr(s.readline()), s.tell())

s = io.StringIO('line one\nline two\nlast')
print(s.tell(), repr(s.readline()), repr(s.readline(4)), repr(s.readline()))
print(repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines())
s.seek(0)
print(list(s))
s.seek(0)
for i, line in enumerate(s):
    print(i, repr(line))
s.seek(0)
print(s.readlines(10))

# Writing in the middle overwrites; past the end pads with NULs.
s = io.StringIO('abcdef')
s.seek(2)
s.write('XY')
print(repr(s.getvalue()), s.tell(), repr(s.read()))
s.seek(8)
s.write('!')
print(repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell())
s.seek(0, 2)
print(s.tell(), s.seek(0, 1))
print(s.truncate(), repr(s.getvalue()))

# Unicode positions count characters.
s = io.StringIO('héllo wörld €')
print(s.read(3), s.tell(), s.read(), s.tell())

# newline= on StringIO.
for newline in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\r\nb\rc\nd', newline=newline)
    print(repr(newline), repr(s.getvalue()), s.readlines())
s = io.StringIO(newline='\r\n')
s.write('x\ny\n')
print(repr(s.getvalue()))

# Context manager, closed state.
with io.StringIO('ctx') as s:
    print(s.read(), s.closed, s.readable(), s.writable(), s.seekable())
print(s.closed)
for op in [s.read, s.getvalue, s.tell, lambda: s.write('x'), lambda: s.seek(0)]:
    try:
        op()
    except ValueError as e:
        print('ValueError:', e)

# Errors.
s = io.StringIO()
for call in [lambda: s.write(3), lambda: s.seek(-1), lambda: s.seek(1, 1),
             lambda: s.seek(0, 3), lambda: s.truncate(-1), lambda: s.read('x'),
             lambda: io.StringIO(b'x'), lambda: io.StringIO('x', 'q')]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ':', e)

# print() into a StringIO.
s = io.StringIO()
print('a', 1, [2], sep='|', end='<\n', file=s)
print('flushed', file=s, flush=True)
print(repr(s.getvalue()))
print(isinstance(s, io.StringIO), type(s).__name__, type(s))

# BytesIO.
b = io.BytesIO(b'abc\ndef\nghi')
print(b.read(2), b.readline(), b.tell(), b.readlines())
print(b.seek(0), list(b), b.seek(-3, 2), b.read(), b.seek(-100, 1))
b = io.BytesIO()
print(b.write(b'hello'), b.write(b' there'), b.getvalue(), b.tell())
b.seek(1)
b.write(b'EY')
print(b.getvalue(), b.read(), b.truncate(4), b.getvalue())
b.seek(7)
b.write(b'!')
print(b.getvalue())
b.writelines([b'x', b'y'])
print(b.getvalue(), b.readable(), b.writable(), b.seekable())
print(type(b).__name__, type(b), isinstance(b, io.BytesIO))
for call in [lambda: b.write('str'), lambda: b.seek(-1), lambda: b.seek(0, 5),
             lambda: io.BytesIO('text'), lambda: b.truncate(-2)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ':', e)
with io.BytesIO(b'q') as b:
    print(b.read())
try:
    b.read()
except ValueError as e:
    print('ValueError:', e)
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.StringIO, io.BytesIO, io.TextIOWrapper, io.BufferedReader, io.BufferedWriter)
