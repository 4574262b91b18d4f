# input() and sys.stdin mixed: nothing read ahead is lost.
import sys
print(repr(input('> ')))
print(repr(sys.stdin.readline()))
print(repr(input()))
print(repr(sys.stdin.read(5)))
print(repr(input()))
for line in sys.stdin:
    print('iter', repr(line))
    break
print(repr(input()))
print(sys.stdin.readlines())
try:
    input('at the end> ')
except EOFError as e:
    print('EOFError:', e)
print(repr(sys.stdin.readline()))
