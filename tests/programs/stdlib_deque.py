from collections import deque
d = deque([1,2,3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d.maxlen, d[0], d[-1], 3 in d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(list(reversed(d)), d.pop(), d.popleft(), d)
d.extendleft('ab'); print(d)
class Q(deque):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n
    def total(self): return sum(self)
q = Q(4); print(q, q.total(), q.n, type(q).__name__, isinstance(q, deque), len(q))
e = deque(); e.append(e); print(e)
print(deque([1,2]) == deque([1,2]), deque([1,2]) < deque([1,3]), deque('ab') + deque('c'), deque('ab')*2)
for f in (lambda: d.remove(5), lambda: d.index(5), lambda: deque(maxlen=-1), lambda: d[50], lambda: d['a'], lambda: d+[1], lambda: d*'a', lambda: deque([1],1).insert(0,2), lambda: deque().pop(), lambda: hash(d)):
    try: f()
    except Exception as e: print(type(e).__name__, e)
d = deque(range(5))
try:
    for x in d: d.append(1)
except RuntimeError as e: print(e)
print(deque[int], type(iter(deque())), next(iter(deque([7]))))
import copy
print(copy.copy(deque([1, 2], 5)), copy.deepcopy(deque([[1]])))
d = deque('abc'); d[1] = 'X'; del d[0]; d.insert(1, 'y'); d.reverse(); print(d, d.count('y'), d.index('X'), d.copy())
d.clear(); print(d, bool(d), len(d))
d = deque(range(10), 3); print(d, d.maxlen); d.extend('xy'); print(d); d.extendleft([1]); print(d)
d *= 2; print(d); d += [5]; print(d)
print(deque([1, 2]) != deque([1, 2]), deque([1]) >= deque([1, 0]), deque([1]) == [1])
class Stack(deque):
    def push(self, x): self.append(x)
s = Stack(); s.push(1); s.push(2); print(s, s.pop(), len(s), s.copy(), type(s.copy()).__name__)
print(list(reversed(deque('abc'))), iter(deque()).__length_hint__())
q = deque(); q.append((0, 'start'))
seen = {0}
while q:
    n, path = q.popleft()
    if n == 10: print(path); break
    for m in (n + 3, n * 2):
        if m <= 10 and m not in seen:
            seen.add(m); q.append((m, path + '>' + str(m)))
