import heapq, bisect, random
from heapq import *
h = []
for x in [5, 3, 8, 1, 9, 2, 7]: heappush(h, x)
print(h, [heappop(h) for _ in range(len(h))])
l = [9, 4, 7, 1, 8, 2, 6, 3]; heapify(l); print(l)
print(heapreplace(l, 5), l, heappushpop(l, 0), heappushpop(l, 10), l)
random.seed(5)
data = [random.randrange(100) for _ in range(50)]
print(nsmallest(5, data), nlargest(5, data), nsmallest(3, data, key=lambda x: -x), nlargest(3, data, key=lambda x: x % 10))
print(nsmallest(1, data), nlargest(1, []), nsmallest(0, data), nlargest(100, [3, 1, 2]), nsmallest(2, iter(data)), nlargest(4, iter(data), key=str))
print(list(merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(merge([5, 3, 1], [4, 2], reverse=True)), list(merge(['a', 'BB'], ['ccc'], key=len)), list(merge()))
pairs = [(1, 'x'), (1, 'a'), (0, 'z'), (2, 'b'), (1, 'c')]
hp = []
for p in pairs: heappush(hp, p)
print([heappop(hp) for _ in range(5)])
class Task:
    def __init__(self, p, n): self.p, self.n = p, n
    def __lt__(self, o): return self.p < o.p
    def __repr__(self): return self.n
tasks = [Task(2, 'a'), Task(1, 'b'), Task(2, 'c'), Task(1, 'd'), Task(3, 'e'), Task(2, 'f')]
ht = []
for t in tasks: heappush(ht, t)
print(ht, [heappop(ht) for _ in range(6)])
for f in (lambda: heappop([]), lambda: heappush(1, 2), lambda: heapreplace([], 1), lambda: heapify((1,)), lambda: heappush([1, 'a'], 2)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 10), bisect.bisect_left(a, 4, 4), bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 4, hi=4))
bisect.insort(a, 5); bisect.insort_left(a, 4); bisect.insort_right(a, 0); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
class L(list):
    def insert(self, i, x):
        print("insert", i, x); super().insert(i, x)
ll = L([1, 3]); bisect.insort(ll, 2); print(ll)
for f in (lambda: bisect.bisect([1], 1, -1), lambda: bisect.bisect(), lambda: bisect.bisect([1, 'a'], 2), lambda: bisect.bisect(5, 1)):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left(range(0, 100, 3), 50), bisect.bisect_left('acegi', 'd'))
