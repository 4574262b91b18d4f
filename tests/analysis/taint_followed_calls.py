# krait taint --source read_secret --sink leak
# Calls the VM's loop follows by itself once a frame holds a label: Python
# functions entered where their arguments lie (parameters get their own
# argument's label, by position), native functions and methods (their
# result carries their arguments'), loops over ranges, lists and tuples,
# and returns. Each `leak(...)` says whether a labelled value reaches it
# (FLOW) or not (CLEAN).


def read_secret():
    return 7


def leak(*values):
    pass


def second_of(a, b):
    return b


def first_of(a, b):
    return a


def with_default(a, b=7):
    return b


def depth(n, value):
    if n == 0:
        return value
    return depth(n - 1, value)


def fails(value):
    raise ValueError(value)


def through_native(items):
    return len(items)


def appends(box, value):
    box.append(value)
    return box


secret = read_secret()
plain = 7                                # equal to the secret, not labelled
leak(first_of(plain, secret))            # CLEAN: the first argument
leak(second_of(plain, secret))           # FLOW: the second
leak(with_default(secret))               # CLEAN: the default
leak(depth(30, secret))                  # FLOW: back up thirty returns
leak(depth(30, plain))                   # CLEAN
try:
    fails(plain)
except ValueError as error:
    leak(error.args[0])                  # CLEAN
leak(through_native([secret, 1]))        # FLOW: len of a labelled list
leak(through_native([plain, 1]))         # CLEAN
leak(appends([], secret)[0])             # FLOW: list.append labels the list
leak(appends([], plain)[0])              # CLEAN
leak(abs(-secret), str(plain))           # FLOW: abs; str of a clean value
keyed = sorted([3, 1, 2], key=lambda k: k + secret)
leak(keyed)                              # FLOW: what the key gave
total = 0
for item in [1, secret, 3]:
    total += item
leak(total)                              # FLOW: an item of the list
count = 0
for item in (1, 2, 3):
    count += item
leak(count)                              # CLEAN: a clean tuple
after = 0
for i in range(secret):
    after += 1
leak(after)                              # CLEAN: only counted (no implicit flows)
leak(i)                                  # FLOW: the last index
print(first_of(plain, secret), second_of(plain, secret), with_default(plain),
      depth(30, secret), through_native([1, 2]), keyed, total, count, after, i)
