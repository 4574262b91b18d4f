# krait taint --source read_secret --sink leak
# Functions called with no labelled argument that read labelled objects:
# such a frame is followed only where a label can come in, and there the
# VM calls the tracker only when the object read carries a label (or the
# call is of a source, sink or sanitizer). Each `leak(...)` says whether a
# labelled value reaches it (FLOW) or not (CLEAN).


def read_secret():
    return "s3cret"


def leak(*values):
    pass


class Holder:
    def __init__(self, value):
        self.value = value


def extra_of(holder):
    return holder.extra


def value_of(holder):
    return holder.value


def second(items):
    return items[1]


def first(items):
    for item in items:
        return item


def unpack(pair):
    a, b = pair
    return b


def size(items):
    return len(items)


def shout(holder):
    return holder.extra.upper()


def report(items):
    leak(items)


def plain_work(n):
    total = 0
    for i in range(n):
        total += i * 2
    return [total, str(total)]


holder = Holder("public")
holder.extra = read_secret()
items = ["public", read_secret()]
public_items = ["a", "b"]

leak(extra_of(holder))          # FLOW: attribute read in a clean frame
leak(value_of(holder))          # CLEAN: another attribute of that object
leak(second(items))             # FLOW: item read in a clean frame
leak(second(public_items))      # CLEAN
leak(first(items))              # FLOW: iteration in a clean frame
leak(unpack(items))             # FLOW: unpacking in a clean frame
leak(size(items))               # FLOW: a native call given a labelled list
leak(size(public_items))        # CLEAN
leak(shout(holder))             # FLOW: a method of a labelled attribute
report(items)                   # FLOW: the sink called in a clean frame
report(public_items)            # CLEAN
leak(plain_work(10))            # CLEAN: a frame no label reaches
