# Class methods called through the class (cached per call site) while the
# class, a subclass or a metaclass changes them.
class Strength:
    def __init__(self, v, name):
        self.v, self.name = v, name
    @classmethod
    def stronger(cls, a, b):
        return (cls.__name__, a.v < b.v)
    @staticmethod
    def plain(a):
        return a * 2
class Sub(Strength):
    pass
a, b = Strength(1, "a"), Strength(2, "b")
def run(k):
    return [k.stronger(a, b), k.plain(3)]
print(run(Strength), run(Sub), run(Strength), run(Sub))
Strength.stronger = classmethod(lambda cls, a, b: ("replaced", cls.__name__))
print(run(Strength), run(Sub))
Sub.stronger = staticmethod(lambda a, b: "static now")
print(run(Strength), run(Sub))
class Meta(type):
    def stronger(cls, a, b):
        return "meta"
class WithMeta(metaclass=Meta):
    @classmethod
    def stronger(cls, a, b):
        return ("classmethod", cls.__name__)
print(WithMeta.stronger(a, b), [WithMeta.stronger(a, b) for _ in range(2)])
