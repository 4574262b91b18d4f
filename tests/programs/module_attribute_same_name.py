# `module.name` where the module and the attribute share a name
# (`random.random()`, `copy.copy()`): the module global and the attribute
# are looked up through different caches, both kept right when either
# changes.
import copy
import random
import types


def draws(n):
    return [round(random.random(), 6) for _ in range(n)]


random.seed(12345)
print(draws(3))
random.seed(12345)
print(draws(3))

saved = random.random
random.random = lambda: 0.5
print(draws(2))
random.random = saved
random.seed(1)
print(draws(2))


def copies(x, n):
    return [copy.copy(x) for _ in range(n)]


items = [1, 2]
made = copies(items, 3)
print(made, made[0] is items, made[0] == items)

# The global rebound to another module with an attribute of that name.
fake = types.ModuleType("copy")
fake.copy = lambda x: ("fake", x)
real_copy = copy
copy = fake
print(copies(5, 2))
copy = real_copy
print(copies((1,), 2))

# A module attribute deleted after it was read: AttributeError, then back.
m = types.ModuleType("m")
m.m = 1


def read_m(n):
    return [m.m for _ in range(n)]


print(read_m(3))
del m.m
try:
    read_m(1)
except AttributeError as e:
    print("AttributeError:", e)
m.m = 2
print(read_m(2))

# Many names added to the module between reads (its dict grows).
for k in range(50):
    setattr(m, "x%d" % k, k)
print(read_m(2), m.x49)
