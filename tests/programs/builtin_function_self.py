# A module's builtin functions are bound to their module (`__self__`), as
# CPython's are; a builtin method's `__self__` is its object.
import builtins
import inspect
import math
import sys

print(len.__self__ is builtins, math.sqrt.__self__ is math, sys.exit.__self__ is sys)
print([1].append.__self__, "ab".upper.__self__, hasattr(print, "__self__"))
print(inspect.signature(len), inspect.isbuiltin(len), inspect.isbuiltin(math.sqrt))
print(len.__name__, len.__qualname__, len.__module__, math.sqrt.__module__)
