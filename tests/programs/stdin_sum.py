# The usual competitive-programming shape: first line a count, then numbers.
import sys
n = int(sys.stdin.readline())
total = 0
for _ in range(n):
    total += sum(map(int, sys.stdin.readline().split()))
print(total)
rest = [int(x) for line in sys.stdin for x in line.split()]
print(len(rest), sum(rest), max(rest))
