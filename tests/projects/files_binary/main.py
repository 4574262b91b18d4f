# Binary files: bytes in, bytes out, seek from every end, lines of bytes.
data = bytes(range(256))
with open('data.bin', 'wb') as f:
    print(f, f.mode, type(f).__name__)
    print(f.write(data), f.write(b'\r\nline two\nend'), f.tell())
print(f.closed)

with open('data.bin', 'rb') as f:
    print(f, f.mode, type(f).__name__, f.readable(), f.writable(), f.seekable())
    content = f.read()
print(len(content), content[:5], content[250:], content == data + b'\r\nline two\nend')

with open('data.bin', 'rb') as f:
    print(f.read(4), f.tell())
    print(f.seek(10), f.read(3))
    print(f.seek(-3, 2), f.read())
    print(f.seek(-6, 1), f.read(2), f.tell())
    print(f.seek(0, 2), f.read(), f.read(5))
    f.seek(250)
    print(f.readline())
    print(f.readline(), f.readline(), f.readline())
    f.seek(0)
    lines = f.readlines()
    print(len(lines), lines[-1])
    f.seek(0)
    print(sum(1 for _ in f))
    try:
        f.seek(-1)
    except OSError as e:
        print(type(e).__name__, e)

with open('data.bin', 'ab') as f:
    print(f.tell())
    f.write(b'++')
with open('data.bin', 'r+b') as f:
    print(f, type(f).__name__)
    f.seek(2)
    f.write(b'XY')
    f.seek(0)
    print(f.read(6))
    f.seek(-4, 2)
    print(f.read())
    print(f.truncate(10), f.tell())
    f.seek(0)
    print(f.read())

with open('small.bin', 'w+b') as f:
    f.write(b'abc')
    f.seek(0)
    print(f.read(), f.tell())
    f.write(b'def')
    f.seek(1)
    print(f.read(2), f.read())

try:
    with open('small.bin', 'wb') as f:
        f.write('text')
except TypeError as e:
    print('TypeError:', e)
with open('small.bin', 'rb') as f:
    print(repr(f.read()))

# Text written, read back as bytes.
with open('text.txt', 'w') as f:
    f.write('héllo\n')
with open('text.txt', 'rb') as f:
    print(f.read())
with open('text.txt', 'rb') as f:
    print(list(f))
