# len() and truth of deques: answered without a method call for deques,
# through the methods for a subclass that overrides them.
from collections import deque
class Q(deque):
    def __len__(self):
        return 42
    def __bool__(self):
        return False
q = deque([1, 2, 3])
print(len(q), bool(q), bool(deque()), len(deque()))
s = Q([1])
print(len(s), bool(s), list(s))
if q: print('q true')
if not deque(): print('empty false')
while q:
    q.pop()
print(len(q))
