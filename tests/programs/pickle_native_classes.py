# The native Pickler/Unpickler with user classes: reductions, state,
# slots, subclass hooks, memo proxies, dispatch tables.
import copy
import copyreg
import io
import pickle


class Plain:
    def __init__(self):
        self.a = 1
        self.b = [2, 3]


class Empty:
    pass


class WithState:
    def __init__(self, x):
        self.x = x

    def __getstate__(self):
        return {'x2': self.x * 2}

    def __setstate__(self, state):
        self.x = state['x2'] // 2


class Slots:
    __slots__ = ('p', 'q')

    def __init__(self):
        self.p = 1
        self.q = 'two'


class Reduced:
    def __init__(self, *args):
        self.args = args

    def __reduce__(self):
        return (Reduced, self.args, {'extra': 1})

    def __eq__(self, other):
        return type(other) is Reduced and other.args == self.args


class NewArgs:
    def __new__(cls, a, b=0):
        self = super().__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs__(self):
        return (self.a,)


class NewArgsEx:
    def __new__(cls, a, *, b):
        self = super().__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs_ex__(self):
        return (self.a,), {'b': self.b}


def setter(obj, state):
    obj.set_by = state


class WithSetter:
    def __reduce__(self):
        return (WithSetter, (), 'state!', None, None, setter)


class MyList(list):
    pass


class MyDict(dict):
    pass


class ListItems:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x)

    def __reduce__(self):
        return (ListItems, (), None, iter([1, 2, 3]))


class DictItems(dict):
    def __reduce__(self):
        return (DictItems, (), None, None, iter([('k', 'v'), ('k2', 2)]))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


def describe(obj):
    d = getattr(obj, '__dict__', {})
    slots = {s: getattr(obj, s) for s in getattr(type(obj), '__slots__', ())
             if s != '__dict__' and hasattr(obj, s)}
    return '%s %s %s' % (type(obj).__name__, sorted(d.items()),
                         sorted(slots.items()))


objects = [Plain(), Empty(), WithState(21), Slots(),
           Reduced(1, 'a'), NewArgs(4, 5), NewArgsEx(6, b=7), WithSetter(),
           MyList([1, 2]), MyDict(a=1), ListItems(), DictItems(x=1),
           [Plain(), Plain()], complex(1, 2)]
for obj in objects:
    for proto in range(6):
        if isinstance(obj, NewArgsEx) and proto in (2, 3):
            # functools.partial's own reduction differs (krait's is Python)
            continue
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(type(obj).__name__, proto, 'error', type(e).__name__, e)
            continue
        back = pickle.loads(data)
        print(type(obj).__name__, proto, data if len(data) < 200 else len(data))
        print('   ->', describe(back) if not isinstance(back, (list, complex)) else back if isinstance(back, complex) else [describe(x) for x in back] if type(back) is list else (describe(back), list(back)))

# Shared and recursive instances.
p = Plain()
p.me = p
p.b.append(p)
for proto in range(6):
    back = pickle.loads(pickle.dumps([p, p], proto))
    print('recursive', proto, back[0] is back[1], back[0].me is back[0],
          back[0].b[2] is back[0])


# Pickler subclass with persistent_id; Unpickler subclass with
# persistent_load and find_class.
class DB:
    def __init__(self, key):
        self.key = key


class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, DB):
            return ('db', obj.key)
        return None


class PersUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        print('  persistent_load', pid)
        return 'loaded-%s' % (pid[1],)

    def find_class(self, module, name):
        print('  find_class', module, name)
        return super().find_class(module, name)


for proto in range(6):
    f = io.BytesIO()
    PersPickler(f, proto).dump([DB(1), 'x', DB(2), Point(1, 2)])
    print('pers', proto, f.getvalue())
    f.seek(0)
    back = PersUnpickler(f).load()
    print('  ->', back[:3], describe(back[3]))

# Hooks set on plain instances.
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.persistent_id = lambda obj: 'five' if obj == 5 else None
pk.dump([4, 5, 6])
print('instance persistent_id', f.getvalue())
up = pickle.Unpickler(io.BytesIO(f.getvalue()))
up.persistent_load = lambda pid: pid.upper()
print(up.load())
try:
    pickle.Unpickler(io.BytesIO(f.getvalue())).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)


# reducer_override and dispatch_table.
class Overrider(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, Point):
            return (complex, (obj.x, obj.y))
        if obj is Point:
            return 'Point'
        return NotImplemented


f = io.BytesIO()
Overrider(f, 4).dump([Point(3, 4), 7, 'z'])
print('reducer_override', f.getvalue(), pickle.loads(f.getvalue()))


def reduce_point(p):
    return (Point, (p.y, p.x))


f = io.BytesIO()
pk = pickle.Pickler(f, 3)
pk.dispatch_table = {Point: reduce_point}
pk.dump(Point(1, 9))
print('dispatch_table', f.getvalue(), describe(pickle.loads(f.getvalue())))


class TablePickler(pickle.Pickler):
    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[Point] = reduce_point


f = io.BytesIO()
TablePickler(f, 2).dump([Point(5, 6)])
print('class dispatch_table', f.getvalue())
copyreg.pickle(Point, reduce_point)
print('copyreg.pickle', pickle.dumps(Point(7, 8), 4))
del copyreg.dispatch_table[Point]

# The memo across dump calls, clear_memo, the memo proxies.
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
shared = ['shared']
pk.dump(shared)
pk.dump(shared)
print('memo kept', f.getvalue(), len(pk.memo.copy()))
memo = pk.memo.copy()
print(sorted((v[0], v[1]) for v in memo.values()))
pk.clear_memo()
pk.dump(shared)
print('after clear_memo', f.getvalue())
pk.memo.clear()
print(len(pk.memo.copy()))
f.seek(0)
up = pickle.Unpickler(f)
a = up.load()
b = up.load()
print('loads share', a is b, sorted(up.memo.copy().items()))
pk = pickle.Pickler(io.BytesIO())
print(pk.fast, pk.bin, pickle.Pickler(io.BytesIO(), 0).bin)
pk.fast = True
print(pk.fast)
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.fast = 1
pk.dump([shared, shared])
print('fast', f.getvalue())


# A Pickler subclass that calls __init__ late, and one that forgets.
class Late(pickle.Pickler):
    def __init__(self, f):
        self.extra = 'x'
        super().__init__(f, 3)


f = io.BytesIO()
Late(f).dump({'k': (1, 2)})
print('late init', f.getvalue())


class Forgot(pickle.Pickler):
    def __init__(self, f):
        pass


try:
    Forgot(io.BytesIO()).dump(1)
except pickle.PicklingError as e:
    print('PicklingError', e)

# copy and deepcopy go through the same reductions.
c = copy.deepcopy([Plain(), WithState(3), Slots(), MyList([1])])
print([describe(x) for x in c[:3]], c[3])
print(describe(copy.copy(NewArgs(9))))
