# A property's name comes from __set_name__ (the class statement's
# attribute), and CPython's messages about a missing getter, setter or
# deleter name it and the object's type (its qualified name).
def attempt(action):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)


class Plain:
    read_only = property(lambda self: 1)
    write_only = property(None, lambda self, v: None)

    @property
    def decorated(self):
        return 2


class Sub(Plain):
    pass


p, s = Plain(), Sub()
attempt(lambda: setattr(p, "read_only", 5))
attempt(lambda: delattr(p, "read_only"))
attempt(lambda: p.write_only)
attempt(lambda: setattr(s, "decorated", 5))
attempt(lambda: delattr(s, "decorated"))


def make():
    class Local:
        value = property(lambda self: 3)
    return Local()


attempt(lambda: setattr(make(), "value", 1))

# Assigned after the class statement: no name.
Plain.late = property(lambda self: 4)
attempt(lambda: setattr(p, "late", 1))
# Named by hand, and kept by the copies getter/setter/deleter make.
named = property(lambda self: 5)
named.__set_name__(Plain, "by_hand")
Plain.other = named
attempt(lambda: setattr(p, "other", 1))
Plain.copied = named.getter(lambda self: 6)
attempt(lambda: setattr(p, "copied", 1))
print(p.copied, p.other, p.late)

# The same property object under two names: the last __set_name__ wins.
shared = property(lambda self: 7)


class Twice:
    first = shared
    second = shared


attempt(lambda: setattr(Twice(), "first", 1))


class Outer:
    class Inner:
        @property
        def x(self):
            return 8


attempt(lambda: setattr(Outer.Inner(), "x", 1))
print(Outer.Inner().x, type(Plain.__dict__["decorated"].__set_name__).__name__)
