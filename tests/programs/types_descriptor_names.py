# types' descriptor type names exist; DynamicClassAttribute reads through
# instances and leaves the class's lookup to the metaclass's __getattr__.
import types

names = ["ClassMethodDescriptorType", "WrapperDescriptorType", "MethodWrapperType",
         "MethodDescriptorType", "GetSetDescriptorType", "MemberDescriptorType",
         "DynamicClassAttribute"]
print([hasattr(types, n) for n in names])
print(isinstance(str.join, types.MethodDescriptorType), isinstance([].append, types.BuiltinMethodType))


class Meta(type):
    def __getattr__(cls, name):
        return "meta:" + name


class Thing(metaclass=Meta):
    def __init__(self):
        self._size = 3

    @types.DynamicClassAttribute
    def size(self):
        """The size."""
        return self._size

    @size.setter
    def size(self, value):
        self._size = value


t = Thing()
print(t.size, Thing.size, Thing.__dict__["size"].__doc__)
t.size = 9
print(t.size)
try:
    del t.size
except AttributeError as e:
    print("AttributeError:", e)
