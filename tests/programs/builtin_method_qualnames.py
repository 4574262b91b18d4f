# A builtin method bound to a class or an object is named after what it
# is bound to (the class itself, or the receiver's type), as CPython's
# builtin_function_or_method.__qualname__.
import collections


class C:
    class Inner:
        pass


print(int.__subclasshook__.__qualname__, type.__subclasshook__.__qualname__,
      object.__subclasshook__.__qualname__)
print(C.__subclasshook__.__qualname__, C.Inner.__init_subclass__.__qualname__,
      int.__init_subclass__.__qualname__)
print([].append.__qualname__, {}.get.__qualname__, dict.fromkeys.__qualname__,
      int.from_bytes.__qualname__, collections.OrderedDict().keys.__qualname__)
print(list.append.__qualname__, dict.get.__qualname__, str.join.__qualname__)
print(Exception.__new__.__qualname__, C.__new__.__qualname__)

# Bound to immediates (bools, small ints, floats): the receiver's type.
print(True.bit_length.__qualname__, (1).bit_length.__qualname__, (1.5).hex.__qualname__)
print(False.conjugate.__qualname__, (2**70).bit_length.__qualname__)
