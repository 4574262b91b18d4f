# sys.stdout and sys.stderr are text streams; print() follows sys.stdout.
import sys
import io

print(sys.stdout)
print(sys.stderr)
print(sys.stdin)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stderr.name)
print(sys.stdout.closed, sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable())
n = sys.stdout.write('written directly\n')
print(n)
print(sys.stdout.write('héllo €\n'))
sys.stdout.flush()
print(sys.stdout.buffer.write(b'raw bytes\n'))
sys.stdout.buffer.flush()
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
print('with flush', flush=True)

# Replacing sys.stdout: print() writes to the new object.
saved = sys.stdout
capture = io.StringIO()
sys.stdout = capture
print('captured', 1, 2.5)
print('no newline', end='')
sys.stdout.write('|direct')
sys.stdout = saved
print(repr(capture.getvalue()))


class Recorder:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append('<flush>')


r = Recorder()
print('a', 'b', 'c', sep=', ', file=r)
print('x', file=r, flush=True)
print(r.parts)
sys.stdout = r
print('through sys.stdout', 42)
sys.stdout = sys.__stdout__
print(r.parts)

sys.stdout = None
print('this goes nowhere')
sys.stdout = saved
print('back')

# print(file=None) means sys.stdout.
print('file None', file=None)


class NoWrite:
    pass


try:
    print('x', file=NoWrite())
except AttributeError as e:
    print('AttributeError:', e)

try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
try:
    sys.stdout.buffer.write('text')
except TypeError as e:
    print('TypeError:', e)
