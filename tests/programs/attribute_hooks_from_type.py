# Attribute hooks are looked up on the type, never on the instance, and
# get the very name object the access used.
class Descriptor:
    def __get__(self, obj, owner):
        return ('get', obj is None, owner.__name__)


class Owner:
    d = Descriptor()


d = Owner.__dict__['d']
d.__get__ = lambda *a: 'from the instance dict'   # ignored by lookups
print(Owner().d, Owner.d)
print(d.__get__())                                 # but an ordinary attribute


class Counting:
    calls = 0

    def __getattribute__(self, name):
        type(self).calls += 1
        if name.startswith('miss'):
            raise AttributeError(name)
        return (name, type(name).__name__)

    def __getattr__(self, name):
        return 'fallback ' + name


c = Counting()
print(c.alpha, c.missing, getattr(c, 'beta'), getattr(c, 'miss_me', 'default'))
print(Counting.calls)


class Recording:
    def __init__(self):
        object.__setattr__(self, 'log', [])

    def __setattr__(self, name, value):
        self.log.append(('set', name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(('del', name))
        object.__delattr__(self, name)


r = Recording()
r.x = 1
r.y = r.x + 1
del r.x
print(r.log, hasattr(r, 'x'), r.y)


class Later:
    pass


obj = Later()
obj.a = 1
Later.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 10)
obj.b = 2
Later.__getattribute__ = lambda self, name: 'intercepted ' + name
print(obj.a, obj.b)
del Later.__getattribute__
del Later.__setattr__
obj.c = 3
print(obj.a, obj.b, obj.c)


class Slotted:
    __slots__ = ('v',)

    def __setattr__(self, name, value):
        object.__setattr__(self, name, -value)


s = Slotted()
s.v = 5
print(s.v)
try:
    s.w = 1
except AttributeError as e:
    print('AttributeError', e)


class StaticHook:
    @staticmethod
    def __getattr__(name):
        return 'static ' + name


try:
    print(StaticHook().thing)
except TypeError as e:
    print('TypeError', e)


class Raising:
    def __get__(self, obj, owner):
        raise KeyError('inside __get__')


class HasRaising:
    r = Raising()


try:
    HasRaising().r
except KeyError as e:
    print('KeyError', e)
