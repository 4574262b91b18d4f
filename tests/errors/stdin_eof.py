# input() at the end of standard input raises EOFError.
print(input())
print(input())
print(input())
