import collections
import collections.abc as abc
import _collections_abc

names = abc.__all__
print(names == _collections_abc.__all__, len(names))

samples = [
    ("int", 1), ("float", 1.5), ("str", "s"), ("bytes", b"b"), ("tuple", (1,)),
    ("list", [1]), ("dict", {1: 2}), ("set", {1}), ("frozenset", frozenset()),
    ("range", range(3)), ("keys", {}.keys()), ("values", {}.values()),
    ("items", {}.items()), ("listiter", iter([])), ("gen", (x for x in [])),
    ("func", len), ("lambda", lambda: 0), ("type", int), ("None", None),
    ("bytearray", bytearray()), ("deque", collections.deque()),
    ("OrderedDict", collections.OrderedDict()), ("Counter", collections.Counter()),
    ("defaultdict", collections.defaultdict()), ("UserDict", collections.UserDict()),
    ("UserList", collections.UserList()), ("UserString", collections.UserString("")),
    ("ChainMap", collections.ChainMap()), ("slice", slice(1)), ("zip", zip()),
    ("map", map(len, [])), ("enumerate", enumerate([])), ("reversed", reversed([])),
    ("object", object()), ("mappingproxy", type.__dict__),
]
for label, obj in samples:
    got = [n for n in names if isinstance(obj, getattr(abc, n))]
    print(label, " ".join(got))


class OnlyIter:
    def __iter__(self):
        return iter(())


class OnlyLen:
    def __len__(self):
        return 0


class Coll:
    def __len__(self): return 0
    def __iter__(self): return iter(())
    def __contains__(self, x): return False


class NoHash:
    __hash__ = None


class NoIter(OnlyIter):
    __iter__ = None


class Rev(OnlyIter):
    def __reversed__(self):
        return iter(())


class It:
    def __iter__(self): return self
    def __next__(self): raise StopIteration


class Gen(It):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass


class Aw:
    def __await__(self):
        yield


class Coro(Aw):
    def send(self, v): pass
    def throw(self, *a): pass
    def close(self): pass


class AIt:
    def __aiter__(self): return self
    async def __anext__(self): raise StopAsyncIteration


class AGen(AIt):
    async def asend(self, v): pass
    async def athrow(self, *a): pass
    async def aclose(self): pass


class Call:
    def __call__(self): pass


class ListSub(list):
    pass


class DictSub(dict):
    pass


class EqOnly:
    def __eq__(self, other):
        return True


for cls in (OnlyIter, OnlyLen, Coll, NoHash, NoIter, Rev, It, Gen, Aw, Coro, AIt,
            AGen, Call, ListSub, DictSub, EqOnly):
    got = [n for n in names if issubclass(cls, getattr(abc, n))]
    print(cls.__name__, " ".join(got))

print(abc.Iterable.__subclasshook__(OnlyIter), abc.Iterable.__subclasshook__(OnlyLen))
print(abc.Sized.__subclasshook__(OnlyLen), abc.Collection.__subclasshook__(Coll))
print(abc.Sequence.__subclasshook__(Coll), abc.Mapping.__subclasshook__(Coll))
print(abc.Iterator.__subclasshook__(It), abc.Generator.__subclasshook__(It), abc.Generator.__subclasshook__(Gen))
print(abc.Hashable.__subclasshook__(NoHash), abc.Hashable.__subclasshook__(OnlyIter))
print(abc.Reversible.__subclasshook__(Rev), abc.Reversible.__subclasshook__(OnlyIter))
print(abc.Callable.__subclasshook__(Call), abc.Coroutine.__subclasshook__(Coro))
print(abc.AsyncGenerator.__subclasshook__(AGen), abc.AsyncIterator.__subclasshook__(AIt))
print(_collections_abc._check_methods(Coll, "__len__", "__iter__"),
      _collections_abc._check_methods(OnlyLen, "__len__", "__iter__"),
      _collections_abc._check_methods(NoHash, "__hash__"))


class Registered:
    pass


print(issubclass(Registered, abc.Sequence))
r = abc.Sequence.register(Registered)
print(r is Registered, issubclass(Registered, abc.Sequence), issubclass(Registered, abc.Iterable),
      isinstance(Registered(), abc.Collection), issubclass(Registered, abc.MutableSequence))
try:
    abc.Sequence.register(5)
except TypeError as e:
    print("TypeError", e)

for n in names:
    cls = getattr(abc, n)
    print(n, cls.__module__, cls.__qualname__, sorted(cls.__abstractmethods__),
          [b.__name__ for b in cls.__bases__], [c.__name__ for c in cls.__mro__][1:])

for n in names:
    cls = getattr(abc, n)
    try:
        print(n, repr(cls[int]))
    except TypeError as e:
        print(n, "TypeError", e)

print(abc.Callable[[int, str], bool], abc.Callable[..., int], abc.Callable[[], None])
c = abc.Callable[[int], str]
print(c.__args__, c.__origin__, type(c).__name__)
for bad in ("int", (int,), (int, str)):
    try:
        abc.Callable[bad]
    except TypeError as e:
        print("TypeError", e)
print(abc.Callable[[int], str] == abc.Callable[[int], str])
print(abc.Mapping[str, int], abc.Iterable[int].__args__, abc.MutableMapping[str, list[int]])
