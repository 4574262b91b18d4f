# krait taint --source read_secret --sink leak
# Objects that carry labels live as long as the program keeps them, as in
# a plain run (the tracker names them by address without keeping them
# alive), and a new object made where a dead labelled one was carries no
# label of it. Each `leak(...)` says whether a labelled value reaches it
# (FLOW) or not (CLEAN); the prints are the same as without tracking.
import gc
import weakref


def read_secret():
    return "s3cret"


def leak(*values):
    pass


class Box:
    def __init__(self, content):
        self.content = content

    def __del__(self):
        finalized.append(type(self.content).__name__)


finalized = []

labelled = Box(read_secret())
watch = weakref.ref(labelled)
leak(labelled.content)                  # FLOW: an attribute
del labelled
print("dead after del:", watch() is None, finalized)

# A cycle of labelled objects is garbage the collector finds.
first, second = Box(read_secret()), Box(None)
first.partner, second.partner = second, first
watch = weakref.ref(first)
del first, second
gc.collect()
print("cycle collected:", watch() is None, len(finalized))

# Many labelled objects come and go; clean ones made afterwards, at
# addresses the dead ones may have had, carry nothing of them.
for i in range(20000):
    Box(read_secret() + str(i))
clean = [Box("plain %d" % i) for i in range(20000)]
leak(clean[0].content, clean[-1].content)   # CLEAN: new objects
print("finalized:", len(finalized))

kept = [Box(read_secret()) for i in range(3)]
for i in range(10000):
    Box(read_secret())
leak(kept[2].content)                   # FLOW: still alive, still labelled
print("done")
