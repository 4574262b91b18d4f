import sys
def who():
    return sys._getframe(1).f_globals['__name__']
print(who(), sys._getframe().f_globals is globals(), sys._getframe(0).f_code.co_name)
def outer():
    x = 5
    def inner():
        y = 7
        f = sys._getframe()
        g = sys._getframe()
        print(f.f_code.co_name, sorted(sys._getframe().f_locals), f.f_back.f_code.co_name, f.f_back.f_locals['x'], sys._getframe().f_lineno)
        print(f.f_back.f_back.f_code.co_name, f.f_back.f_back.f_back)
        return f
    return inner()
fr = outer()
print(type(fr).__name__, fr.f_back.f_lineno)
class K:
    name = sys._getframe().f_locals.get('__qualname__')
    mod = sys._getframe(1).f_globals['__name__']
print(K.name, K.mod)
for f in [lambda: sys._getframe(100), lambda: sys._getframe('x'), lambda: sys._getframe(-1).f_code.co_name, lambda: sys._getframe(1).f_code.co_name,
          lambda: sys.intern('hello') is sys.intern('hel' + 'lo'[:2] + ''), lambda: sys.intern(3), lambda: type(sys.intern('abc')).__name__]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
class S(str): pass
try: sys.intern(S('x'))
except TypeError as e: print(e)
from collections import namedtuple
P = namedtuple('P', 'x y'); print(P.__module__)
import enum
class Color(enum.Enum):
    RED = 1
print(Color.__module__)
def gen():
    yield sys._getframe().f_code.co_name
    yield sys._getframe(1).f_code.co_name
print(list(gen()))
print(repr(fr).startswith('<frame at 0x'), repr(fr).endswith("code inner>"))
# krait's frame objects are snapshots: what a frame shows after it moved on is left untested.
