# sys.stdin.read() takes everything; counting words and lines.
import sys
text = sys.stdin.read()
print(len(text), len(text.splitlines()), len(text.split()))
print(repr(text[:20]))
print(repr(sys.stdin.read()))
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
