# An instance's __call__ found on its class is bound as any attribute is:
# a plain function gets the instance, a staticmethod nothing, a
# classmethod the class, and a user descriptor what its __get__ returns.


class Static:
    __call__ = staticmethod(lambda *args, **kw: ("static", args, sorted(kw.items())))


class ClassLevel:
    @classmethod
    def __call__(cls, x, scale=1):
        return ("class", cls.__name__, x * scale)


class SubClassLevel(ClassLevel):
    pass


class Binder:
    def __get__(self, instance, owner):
        return lambda *args: ("bound by descriptor", type(instance).__name__, args)


class WithDescriptor:
    __call__ = Binder()


class Plain:
    def __call__(self, x):
        return ("plain", x)


print(Static()(1, 2, key="v"))
print(ClassLevel()(3))
print(ClassLevel()(3, scale=5))
print(SubClassLevel()(4))
print(WithDescriptor()(5, 6))
print(Plain()(7))
print([callable(o) for o in (Static(), ClassLevel(), WithDescriptor(), Plain())])
print(list(map(Static(), [1, 2])))
print(sorted([3, 1, 2], key=SubClassLevel()))
