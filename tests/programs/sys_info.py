# sys: the interpreter-describing attributes (implementation, hexversion, flags, int_info, hash_info), getsizeof of builtin values as CPython 3.11 sizes them, and the small probes libraries make.
import sys
class A: pass
class Z:
    def __sizeof__(self): return 100
class Bad:
    def __sizeof__(self): return -1
for v in [None, True, False, 0, 1, 2**30, 2**60, -5, 1.5, 1j, '', 'a', 'abc', 'é', 'ab\u20ac', '\U0001f600', b'', b'abc', (), (1,), (1,2,3), [], [1,2,3], {}, {1:2}, set(), {1}, frozenset(), range(5), slice(1), A(), Z(), A, len, lambda: 0, iter([]), 2**100, list(range(100)), {i: i for i in range(10)}]:
    print(repr(v)[:20], sys.getsizeof(v))
print(sys.getsizeof(Z(), 5))
try: sys.getsizeof(Bad())
except ValueError as e: print(e)
print(sys.implementation.name == sys.implementation.name.lower(), sys.implementation.version == sys.version_info, sys.implementation.hexversion == sys.hexversion)
print(hex(sys.hexversion), sys.api_version, sys.float_repr_style, repr(sys.abiflags), sys.platlibdir)
print(sys.int_info, sys.hash_info)
print(sys.int_info.bits_per_digit, sys.hash_info.modulus == 2**61 - 1, hash(float('inf')) == sys.hash_info.inf)
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.int_max_str_digits, len(sys.flags))
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=print)
print(sys.get_asyncgen_hooks().finalizer is print)
sys.set_asyncgen_hooks(None, None)
try: sys.set_asyncgen_hooks(firstiter=5)
except TypeError as e: print(e)
print(sys.getswitchinterval(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.is_finalizing())
try: sys.setswitchinterval(0)
except ValueError as e: print(e)
print(sys.call_tracing(max, (3, 7)))
x = object()
print(sys.getrefcount(x) >= 2, type(sys.getrefcount(1)))
print(isinstance(sys.prefix, str), sys.warnoptions, sys._xoptions, sys.pycache_prefix)
from sys import implementation
print(type(implementation).__name__)
try: sys.nonexistent
except AttributeError as e: print(e)
print(hasattr(sys, "nonexistent"), hasattr(sys, "implementation"))
print(sys.getsizeof({'a': 1}), sys.getsizeof(dict.fromkeys('abcdefghij')))
print(repr(sys.implementation).startswith("namespace(name="))
