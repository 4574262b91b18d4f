# Global and module-level name lookups are cached by position; every change
# of the globals' keys (or the builtins') must be seen.


def use_len(x):
    return len(x)


print(use_len("abc"))
len = lambda x: 42
print(use_len("abc"))
del len
print(use_len("abcd"))

counter = 0


def bump():
    global counter
    counter += 1
    return counter


for _ in range(5):
    bump()
print(counter)

total = 0
for i in range(10):
    total += i
    if i == 5:
        extra = 100
print(total, extra)
del extra
try:
    print(extra)
except NameError as e:
    print("NameError:", e)


def read_later():
    return later


try:
    read_later()
except NameError as e:
    print("NameError:", e)
later = "now defined"
print(read_later())
later = "changed"
print(read_later())
a1 = a2 = a3 = a4 = a5 = a6 = a7 = a8 = a9 = "A9"
print(read_later(), a9)
del later
try:
    read_later()
except NameError as e:
    print("NameError:", e)
print = print
print("shadowed print works")


# Removing the last global keeps the others' cached positions; a name added
# in its place must not be read through the removed one's cache entry.
def read_last():
    return last_one


def write_last(v):
    global last_one
    last_one = v


last_one = "first"
print(read_last())
del last_one
replacement = "replacement"
try:
    print(read_last())
except NameError as e:
    print("NameError:", e)
write_last("second")
print(read_last(), replacement)
del replacement
del last_one
try:
    write_last("third")
    print(read_last())
except NameError as e:
    print("NameError:", e)

hits = 0
for i in range(6):
    try:
        if i % 2:
            raise KeyError(i)
        hits += 1
    except KeyError as err:
        hits += 10
        caught = err
    print(hits, read_last(), use_len([1]))
print(caught, "err" in dir())
len = lambda x: -1
print(use_len("x"))
del len
print(use_len("xy"))
