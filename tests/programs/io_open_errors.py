# open()'s argument checks and the errors of missing files, folders,
# closed files and unsupported operations (nothing is written).
import io

def attempt(label, call):
    try:
        result = call()
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)
    else:
        print(label, '->', result)
        if hasattr(result, 'close'):
            result.close()

for mode in ['rw', 'rr', 'q', '', 'b', '+', 'rbt', 'r+w', 'wx', 'U', 'rU', 'ab+x']:
    attempt(repr(mode), lambda: open('io_open_errors.py', mode))

attempt('encoding in binary', lambda: open('io_open_errors.py', 'rb', encoding='utf-8'))
attempt('errors in binary', lambda: open('io_open_errors.py', 'rb', errors='strict'))
attempt('newline in binary', lambda: open('io_open_errors.py', 'rb', newline=''))
attempt('None', lambda: open(None))
attempt('float', lambda: open(3.5))
attempt('mode int', lambda: open('io_open_errors.py', 1))
attempt('unbuffered text', lambda: open('io_open_errors.py', 'r', 0))
attempt('bad encoding', lambda: open('io_open_errors.py', encoding='no-such-codec'))
attempt('encoding int', lambda: open('io_open_errors.py', encoding=5))
attempt('bad newline', lambda: open('io_open_errors.py', newline='x'))
attempt('closefd', lambda: open('io_open_errors.py', closefd=False))
attempt('bad keyword', lambda: open('io_open_errors.py', bogus=1))
attempt('no arguments', lambda: open())
attempt('missing', lambda: open('no_such_file.txt'))
attempt('missing rb', lambda: open('no_such_file.txt', 'rb'))
attempt('missing folder', lambda: open('no_such_folder/x.txt', 'w'))
attempt('folder', lambda: open('.'))
attempt('missing, bad encoding', lambda: open('no_such_file.txt', encoding='nope'))

try:
    open('no_such_file.txt')
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, isinstance(e, OSError))
except OSError:
    print('not FileNotFoundError')

f = open('io_open_errors.py')
print(f)
print(f.name, f.mode, f.encoding, f.errors, f.closed, f.readable(), f.writable(), f.seekable())
attempt('write to a read-only file', lambda: f.write('x'))
attempt('write bytes', lambda: f.write(b'x'))
attempt('writelines', lambda: f.writelines(['x']))
attempt('truncate', lambda: f.truncate())
attempt('seek cur', lambda: f.seek(3, 1))
attempt('seek end', lambda: f.seek(3, 2))
attempt('seek negative', lambda: f.seek(-1))
attempt('seek whence', lambda: f.seek(0, 7))
attempt('read str', lambda: f.read('x'))
attempt('readline None', lambda: f.readline(None))
print(f.readline(), end='')
f.close()
f.close()
print(f, f.closed)
for name in ['read', 'readline', 'readlines', 'tell', 'flush', '__iter__', '__enter__']:
    attempt('closed ' + name, getattr(f, name))
attempt('closed seek', lambda: f.seek(0))
attempt('closed write', lambda: f.write('x'))
attempt('closed next', lambda: next(f))
attempt('closed list', lambda: list(f))

b = open('io_open_errors.py', 'rb')
print(b, b.name, b.mode, type(b).__name__, b.readable(), b.writable())
attempt('binary write', lambda: b.write(b'x'))
attempt('binary read -5', lambda: b.read(-5))
print(b.read(8), b.tell())
b.close()
attempt('binary closed read', lambda: b.read())
attempt('binary closed readline', lambda: b.readline())
attempt('binary closed seek', lambda: b.seek(0))

print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__mro__)
try:
    open('io_open_errors.py').write('x')
except OSError as e:
    print('caught as OSError:', type(e).__name__, e)
try:
    open('io_open_errors.py').write('x')
except ValueError as e:
    print('caught as ValueError:', e)
print(io.open is open)
with open('io_open_errors.py') as f:
    print(repr(f.readline()))
print(f.closed)
