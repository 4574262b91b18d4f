# sys.stdin.readline(), read(n), read(), readlines() and iteration.
import sys
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.readline(3)), repr(sys.stdin.readline()))
print(repr(sys.stdin.read(4)))
for line in sys.stdin:
    print('for', repr(line))
    if line.startswith('stop'):
        break
print(sys.stdin.readlines(1))
print(repr(sys.stdin.buffer.readline()))
print(repr(sys.stdin.read()))
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines())
