# deque * n and deque *= n: a bounded deque keeps the last maxlen items of
# the repetition, computed from the end (a huge n costs nothing).
from collections import deque
print(deque([1], maxlen=3) * 2**62)
print(deque([1, 2, 3], maxlen=5) * 4, deque([1, 2, 3], maxlen=5) * 1, deque([1,2], maxlen=0) * 3)
print(deque([1, 2, 3]) * 2, deque([1, 2]) * 0, deque([1, 2]) * -1, 2 * deque("ab"))
d = deque([1, 2, 3], maxlen=4); d *= 3; print(d)
d = deque([1, 2, 3]); d *= 2; print(d)
d = deque([1, 2, 3]); d *= 0; print(d)
d = deque([1, 2, 3], maxlen=7)
try:
    d *= 2**62  # longer than CPython's size type, even for a bounded deque
except MemoryError:
    print("MemoryError", d)
d = deque([1, 2, 3], maxlen=7)
d *= 2**40
print(d)
