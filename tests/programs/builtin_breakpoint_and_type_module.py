# breakpoint() calls sys.breakpointhook; type() without __module__ takes
# the calling module's name; operator.methodcaller passes any keyword.
import operator
import sys

calls = []


def hook(*args, **kws):
    calls.append((args, kws))
    return 'hooked'


print(sys.breakpointhook is sys.__breakpointhook__)
sys.breakpointhook = hook
print(breakpoint(1, 2, key='v'), calls)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print('RuntimeError', e)
sys.breakpointhook = sys.__breakpointhook__

A = type('A', (), {})
print(A.__module__, A.__qualname__, repr(A))
B = type('B', (), {'__module__': 'elsewhere'})
print(B.__module__)


def make():
    return type('Local', (object,), {})


print(make().__module__)

call = operator.methodcaller('format', self='x', other='y')
print(call('{self}-{other}'))
try:
    operator.methodcaller()
except TypeError as e:
    print('TypeError', e)
