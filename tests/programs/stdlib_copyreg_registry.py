import copy
import copyreg
import pickle


def err(f, *a):
    try:
        print("ok", f(*a))
    except Exception as e:
        print(type(e).__name__, e)


print(sorted(copyreg.__all__))
print(copyreg.dispatch_table[complex](3 + 4j), copyreg.pickle_complex(1j))
err(copyreg.pickle, int, 5)
err(copyreg.pickle, int, len, 5)
err(copyreg.constructor, 5)
print(copyreg.constructor(len))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def reduce_point(p):
    return Point, (p.x * 10, p.y * 10)


copyreg.pickle(Point, reduce_point)
p = Point(1, 2)
print(copy.copy(p), copy.deepcopy(p), pickle.loads(pickle.dumps(p)))
del copyreg.dispatch_table[Point]
print(copy.copy(p), pickle.loads(pickle.dumps(p)))

# extension registry
copyreg.add_extension("mod", "name", 250)
copyreg.add_extension("mod", "name", 250)
err(copyreg.add_extension, "mod", "other", 250)
err(copyreg.add_extension, "mod", "name", 251)
err(copyreg.add_extension, "mod", "x", 0)
err(copyreg.add_extension, "mod", "x", 0x80000000)
print(copyreg._extension_registry[("mod", "name")], copyreg._inverted_registry[250])
err(copyreg.remove_extension, "mod", "name", 251)
err(copyreg.remove_extension, "mod", "zzz", 250)
copyreg._extension_cache[250] = "cached"
copyreg.remove_extension("mod", "name", 250)
print(("mod", "name") in copyreg._extension_registry, 250 in copyreg._extension_cache)
copyreg._extension_cache[7] = 1
copyreg.clear_extension_cache()
print(copyreg._extension_cache)

# helpers
class Plain:
    pass


o = copyreg.__newobj__(Plain)
print(type(o).__name__, type(copyreg.__newobj_ex__(Point, (1, 2), {})).__name__)


class MyList(list):
    pass


ml = copyreg._reconstructor(MyList, list, [1, 2])
print(type(ml).__name__, ml, type(copyreg._reconstructor(Plain, object, None)).__name__)


class WithState:
    def __init__(self):
        self.a = 1


ws = WithState()
r = copyreg._reduce_ex(ws, 0)
print(r[0] is copyreg._reconstructor, r[1][0] is WithState, r[1][1], r[1][2], r[2])
print(len(copyreg._reduce_ex(Plain(), 1)))
print(copyreg._reduce_ex(MyList([3]), 0)[1][1:])


class Slotted:
    __slots__ = ("a", "__b")


print(copyreg._slotnames(Slotted), Slotted.__slotnames__)
err(copyreg._reduce_ex, Slotted(), 0)
err(copyreg._reduce_ex, 5, 0)
for proto in range(0, 6):
    q = pickle.loads(pickle.dumps(Point(proto, [proto]), proto))
    print(proto, q, type(q).__name__)
print(ws.__reduce_ex__(2)[0] is copyreg.__newobj__, ws.__reduce_ex__(2)[1][0] is WithState, ws.__reduce_ex__(2)[2])
print(pickle.loads(pickle.dumps({1, 2}, 0)), pickle.loads(pickle.dumps(MyList([1]), 0)))
print(copy.deepcopy([ws])[0].a, copy.copy(MyList([5])))
