# Using a proxy whose referent died: an uncaught ReferenceError.
import weakref


class Target:
    value = 1


t = Target()
p = weakref.proxy(t)
print(p.value)
del t
print(p.value)
