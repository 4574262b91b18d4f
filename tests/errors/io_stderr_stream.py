# sys.stderr is a text stream; what goes to it is checked by its last line.
import sys
print(sys.stderr.write('first line to stderr\n'))
print('via print', file=sys.stderr)
sys.stderr.flush()
print(sys.stderr.buffer.write(b'bytes to stderr\n'))
print('the last line', 3, file=sys.stderr)
sys.exit(3)
