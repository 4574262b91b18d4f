# copyreg: reduction functions registered with copyreg.pickle (and a
# Pickler's own dispatch_table), extension codes, and the helpers that
# reductions name.
import copyreg
import io
import pickle


class Plain:
    def __init__(self):
        self.a = 1


class Empty:
    pass


class MyInt(int):
    pass


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        obj.made_with = (args, sorted(kwargs.items()))
        return obj


# copyreg.pickle registrations and the dispatch_table.
class Registered:
    def __init__(self, v):
        self.v = v


def reduce_registered(obj):
    return (Registered, (obj.v + 1,))


copyreg.pickle(Registered, reduce_registered)
for proto in (0, 2, 4):
    data = pickle.dumps(Registered(1), proto)
    print('copyreg', proto, data, pickle.loads(data).v)
del copyreg.dispatch_table[Registered]
print('unregistered', pickle.dumps(Registered(1), 2))
try:
    copyreg.pickle(Registered, 'not callable')
except TypeError as e:
    print('TypeError', e)
print('complex entry', copyreg.dispatch_table[complex](3 + 4j))
print('constructor', copyreg.constructor(int))
try:
    copyreg.constructor(1)
except TypeError as e:
    print('TypeError', e)

buf = io.BytesIO()
pickler = pickle.Pickler(buf, 2)
pickler.dispatch_table = {Registered: lambda obj: (str, ('from table',))}
pickler.dump(Registered(5))
print('dispatch_table', buf.getvalue(), pickle.loads(buf.getvalue()))



# Extension codes.
copyreg.add_extension('__main__', 'Plain', 240)
for proto in (1, 2, 4):
    data = pickle.dumps([Plain, Plain], proto)
    print('extension', proto, data, pickle.loads(data)[0] is Plain)
copyreg.remove_extension('__main__', 'Plain', 240)
copyreg.clear_extension_cache()
for args in [('__main__', 'Plain', 0), ('__main__', 'X', 1.5)]:
    try:
        copyreg.add_extension(*args)
        copyreg.add_extension('other', 'Y', 1)
    except ValueError as e:
        print('ValueError', e)
try:
    copyreg.remove_extension('__main__', 'Plain', 240)
except ValueError as e:
    print('ValueError', e)
print('reconstructor', type(copyreg._reconstructor(Empty, object, None)).__name__,
      copyreg._reconstructor(MyInt, int, 5))
print('newobj', type(copyreg.__newobj__(Empty)).__name__,
      copyreg.__newobj_ex__(NewArgsEx, (1,), {'k': 2}).made_with)

print('reduce_ex', copyreg._reduce_ex(Plain(), 1)[1:], copyreg._reduce_ex(Empty(), 0)[1:])
print('reduce_ex int subclass', copyreg._reduce_ex(MyInt(3), 1)[1:])
print(sorted(copyreg.__all__))
print(copyreg.pickle_complex(1 + 2j))
