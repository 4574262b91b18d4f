# Long chains of weakly referenced objects die without deep recursion,
# and every callback runs; a callback may make new references and
# objects die inside callbacks.
import weakref


class Node:
    __slots__ = ("next", "__weakref__")

    def __init__(self, next):
        self.next = next


died = []
head = None
refs = []
for i in range(100000):
    head = Node(head)
    refs.append(weakref.ref(head, lambda r: died.append(1)))
print(sum(r() is not None for r in refs[:10]), len(died))
head = None
print("all died:", len(died), all(r() is None for r in refs))

# A chain through lists and dicts.
died.clear()
root = []
cur = root
for i in range(20000):
    holder = Node(None)
    refs.append(weakref.ref(holder, lambda r: died.append(2)))
    nxt = [holder, {}]
    cur.append(nxt)
    cur = nxt[1].setdefault("k", [])
root = cur = holder = nxt = None
print("nested:", len(died))

# Values of a WeakValueDictionary in a long chain.
d = weakref.WeakValueDictionary()
head = None
for i in range(10000):
    head = Node(head)
    d[i] = head
print(len(d))
head = None
print(len(d))


# Callbacks that kill more objects, and make new references.
class Thing:
    pass


log = []
keep = {}


def chain(r, n):
    log.append(n)
    if n < 5:
        t = Thing()
        keep[n] = weakref.ref(t, lambda r, n=n: chain(r, n + 1))
        del t


t = Thing()
first = weakref.ref(t, lambda r: chain(r, 0))
del t
print("chained callbacks:", log)
print("end")
