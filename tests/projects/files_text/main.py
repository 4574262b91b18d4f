# Text files: write, read back, append, 'x' mode, seek/tell, lines,
# truncate, context managers, a file without a final newline.
with open('notes.txt', 'w') as f:
    print(f)
    print(f.name, f.mode, f.encoding, f.closed, f.readable(), f.writable(), f.seekable())
    print(f.write('first line\n'), f.write('second line\n'), f.tell())
    f.writelines(['third\n', 'fourth\n'])
    print('printed into the file', 42, file=f)
print(f.closed)

f = open('notes.txt')
print(repr(f.read()))
f.close()

with open('notes.txt', 'a') as f:
    print(f.tell())
    f.write('appended\n')
with open('notes.txt') as f:
    print(f.readlines())

with open('notes.txt') as f:
    print(repr(f.readline()), repr(f.readline(3)), repr(f.readline()))
    print(f.tell())
    rest = f.read(10)
    print(repr(rest), f.tell())
    print(f.seek(0), repr(f.read(5)), f.tell())
    f.seek(0, 2)
    print(f.tell(), repr(f.read()), repr(f.readline()))

with open('notes.txt') as f:
    for number, line in enumerate(f, 1):
        print(number, line.rstrip('\n'))

with open('notes.txt') as f:
    print([len(line) for line in f.readlines(25)])
    print(next(f), end='')
    print(list(f))

# 'x' creates and refuses an existing file.
with open('new.txt', 'x') as f:
    f.write('made with x\n')
try:
    open('new.txt', 'x')
except FileExistsError as e:
    print('FileExistsError:', e)
print(open('new.txt').read(), end='')

# 'w' empties an existing file.
open('new.txt', 'w').close()
print(repr(open('new.txt').read()))

# A file that ends without a newline.
with open('partial.txt', 'w') as f:
    f.write('one\ntwo\nthree')
with open('partial.txt') as f:
    print(f.readlines())
with open('partial.txt') as f:
    print([line for line in f])
with open('partial.txt') as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))

# r+ and w+: reading and writing the same file.
with open('rw.txt', 'w+') as f:
    f.write('hello world\n')
    f.seek(0)
    print(repr(f.read()))
    f.seek(6)
    f.write('there')
    f.seek(0)
    print(repr(f.read()))
with open('rw.txt', 'r+') as f:
    print(repr(f.read(5)))
    f.seek(0, 2)
    f.write('more\n')
    f.seek(0)
    print(f.readlines())
with open('rw.txt', 'a+') as f:
    print(repr(f.read()), f.tell())
    f.write('end\n')
    f.seek(0)
    print(f.read().count('\n'))

# truncate.
with open('rw.txt', 'r+') as f:
    print(f.truncate(5), f.tell())
    print(repr(f.read()))
    f.seek(2)
    print(f.truncate())
    f.seek(0)
    print(repr(f.read()))
print(repr(open('rw.txt').read()))

# A context manager closes on an exception too.
try:
    with open('rw.txt') as f:
        raise KeyError('boom')
except KeyError as e:
    print('KeyError', e, f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError:', e)

# Unsupported operations.
import io
with open('rw.txt') as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
with open('rw.txt', 'a') as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
with open('rw.txt', 'w') as f:
    try:
        f.readline()
    except OSError as e:
        print(type(e).__name__, e)

# Unclosed files are flushed when they go away.
def write_unclosed():
    g = open('unclosed.txt', 'w')
    g.write('kept\n')
write_unclosed()
print(repr(open('unclosed.txt').read()))
