# pickle of user classes: __reduce__/__reduce_ex__, __getstate__/
# __setstate__, __slots__, __getnewargs(_ex)__, builtin subclasses, nested
# classes, copyreg registrations and the Pickler/Unpickler hooks.
import copyreg
import io
import pickle


def show(label, value, protos=range(6)):
    for proto in protos:
        try:
            data = pickle.dumps(value, proto)
        except Exception as e:
            print(label, proto, 'error', type(e).__name__, e)
            continue
        back = pickle.loads(data)
        print(label, proto, data)
        print('  ->', describe(back))


def describe(obj):
    cls = type(obj)
    if cls.__module__ == '__main__':
        state = {}
        for name in ('__dict__',):
            if hasattr(obj, name):
                state.update(vars(obj))
        for name in getattr(cls, '__slots__', ()):
            if name != '__dict__' and hasattr(obj, name):
                state[name] = getattr(obj, name)
        extra = ''
        if isinstance(obj, (list, dict, int, str, tuple, set)):
            extra = repr(cls.__mro__[-2](obj))
        return f"{cls.__name__}{sorted(state.items())}{extra}"
    return repr(obj)


class Plain:
    def __init__(self):
        self.a = 1
        self.b = 'two'


class Empty:
    pass


class Reduced:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return (Reduced, (self.value * 10,))


class ReducedEx:
    def __init__(self, value=0):
        self.value = value

    def __reduce_ex__(self, proto):
        return (ReducedEx, (proto,), {'seen': proto})


class WithState:
    def __init__(self):
        self.keep = 1
        self.drop = 'cache'

    def __getstate__(self):
        state = self.__dict__.copy()
        del state['drop']
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.drop = 'rebuilt'


class Slotted:
    __slots__ = ('x', '__private', 'unset')

    def __init__(self):
        self.x = 1
        self.__private = 2


class SlottedWithState(Slotted):
    def __getstate__(self):
        return {'x': self.x}

    def __setstate__(self, state):
        self.x = state['x'] * 2


class Mixed:
    __slots__ = ('s', '__dict__')

    def __init__(self):
        self.s = 'slot'
        self.d = 'dict'


class NewArgs:
    def __new__(cls, a, b=0):
        obj = super().__new__(cls)
        obj.made_with = (a, b)
        return obj

    def __init__(self, a, b=0):
        self.a = a

    def __getnewargs__(self):
        return (self.a, 5)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj.made_with = (args, sorted(kwargs.items()))
        return obj

    def __getnewargs_ex__(self):
        return ((1,), {'key': 'word'})


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyInt(int):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class Outer:
    class Inner:
        def __init__(self):
            self.n = 3


for label, value in [
        ('plain', Plain()), ('empty', Empty()), ('reduced', Reduced(4)),
        ('reduced_ex', ReducedEx()), ('state', WithState()),
        ('slotted', Slotted()), ('slotted_state', SlottedWithState()),
        ('mixed', Mixed()), ('newargs', NewArgs(7)),
        ('inner', Outer.Inner()),
        ('inner_class', Outer.Inner)]:
    try:
        show(label, value)
    except Exception as e:
        print(label, 'error', type(e).__name__, e)
# Protocols 2 and 3 rebuild these through functools.partial.
show('newargs_ex', NewArgsEx(), (0, 1, 4, 5))

mylist = MyList([1, 2])
mylist.tag = 'T'
mydict = MyDict(a=1)
mydict.tag = 'D'
for label, value in [('mylist', mylist), ('mydict', mydict),
                     ('myint', MyInt(42)), ('mystr', MyStr('s')),
                     ('mytuple', MyTuple((1, 2))), ('biglist', MyList(range(1001)))]:
    for proto in range(6):
        data = pickle.dumps(value, proto)
        back = pickle.loads(data)
        print(label, proto, len(data), data[:100])
        print('  ->', type(back).__name__, describe(back)[:80], vars(back))

# Identity of shared instances and cycles through instances.
p = Plain()
p.me = p
for proto in range(6):
    back = pickle.loads(pickle.dumps([p, p], proto))
    print('instance cycle', proto, back[0] is back[1], back[0].me is back[0])


# Persistent ids.
class Ref:
    def __init__(self, key):
        self.key = key


class PersistentPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Ref):
            return ('ref', obj.key)
        return None


class PersistentUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return 'loaded-%s-%s' % pid


for proto in range(6):
    buf = io.BytesIO()
    if proto == 0:
        class AsciiPickler(pickle.Pickler):
            def persistent_id(self, obj):
                return 'key%s' % obj.key if isinstance(obj, Ref) else None
        AsciiPickler(buf, 0).dump([Ref(1), 2])
    else:
        PersistentPickler(buf, proto).dump([Ref(1), Ref(2), 3])
    print('persistent', proto, buf.getvalue())
    buf.seek(0)
    if proto == 0:
        class KeyUnpickler(pickle.Unpickler):
            def persistent_load(self, pid):
                return pid.upper()
        print('  ->', KeyUnpickler(buf).load())
    else:
        print('  ->', PersistentUnpickler(buf).load())


# reducer_override, memo and clear_memo, fast, several dumps to one file.
class Override(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Plain):
            return (str, ('overridden',))
        return NotImplemented


buf = io.BytesIO()
Override(buf, 4).dump([Plain(), 1, 'x'])
print('reducer_override', buf.getvalue(), pickle.loads(buf.getvalue()))

buf = io.BytesIO()
pickler = pickle.Pickler(buf, 2)
item = ['shared']
pickler.dump(item)
pickler.dump(item)
pickler.clear_memo()
pickler.dump(item)
print('memo', buf.getvalue())
buf.seek(0)
unpickler = pickle.Unpickler(buf)
first = unpickler.load()
second = unpickler.load()
third = pickle.load(buf)
print('three loads', first, second, first is second, third, buf.read())

buf = io.BytesIO()
pickler = pickle.Pickler(buf, 2)
pickler.fast = 1
pickler.dump([item, item])
print('fast', buf.getvalue())


class Finder(pickle.Unpickler):
    def find_class(self, module, name):
        print('  find_class', module, name)
        if name == 'Plain':
            return Empty
        return super().find_class(module, name)


for proto in (0, 2, 4):
    back = Finder(io.BytesIO(pickle.dumps(Plain(), proto))).load()
    print('find_class', proto, describe(back))
