# krait taint --source read_secret --sink leak
# Flows into functions that start with no labelled argument: once a source
# has been called, such a frame is followed only where a label can come in
# (names, attributes, items, calls) until one does; a function native code
# calls back gets the labels of that call's arguments. Each `leak(...)` says
# whether a labelled value reaches it (FLOW) or not (CLEAN).


def read_secret():
    return "s3cret"


def leak(*values):
    pass


def secret_maker():
    return read_secret()


class Box:
    pass


secret = read_secret()
box = Box()
box.inside = secret
shelf = [secret, "plain"]


def reads_global():
    value = secret
    copy = value
    leak(copy)                          # FLOW: a global, then locals


def reads_attribute(holder):
    value = holder.inside
    leak(value)                         # FLOW: an attribute


def reads_item(items, i):
    value = items[i]
    leak(value)                         # FLOW: an item of a labelled list


def unpacks(items):
    first, second = items
    leak(second)                        # FLOW: unpacking a labelled list


def gets_a_return():
    value = secret_maker()
    total = len(value) + 1
    leak(total)                         # FLOW: a callee's result, arithmetic


def calls_a_source():
    value = read_secret().upper()
    leak(value)                         # FLOW: a source called in the frame


def stays_clean(n):
    total = 0
    for i in range(n):
        total = total + i * 2
    leak(total)                         # CLEAN


def key_leaks(item):
    leak(item)                          # FLOW: called back by sorted()
    return 0


def key_stays_clean(item):
    leak(item)                          # CLEAN: sorted() of clean items
    return 0


def rebinds_global():
    global secret
    secret = "public now"


def after_rebinding():
    leak(secret)                        # CLEAN: the name holds a clean value


reads_global()
reads_attribute(box)
reads_item(shelf, 0)
unpacks(shelf)
gets_a_return()
calls_a_source()
stays_clean(10)
sorted(shelf, key=key_leaks)
sorted(["b", "a"], key=key_stays_clean)
rebinds_global()
after_rebinding()
print("done")
