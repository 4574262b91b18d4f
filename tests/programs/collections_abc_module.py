# The container ABCs live in `_collections_abc` (as in CPython) and
# `collections.abc` re-exports them; the collections written in Python are
# registered whichever module comes first; `Callable[[...], r]` keeps its
# parameter list.
import sys
import _collections_abc

print(_collections_abc.__name__, _collections_abc.Mapping)

import collections

print(isinstance(collections.UserDict(), _collections_abc.MutableMapping))
print(isinstance(collections.ChainMap(), _collections_abc.Mapping))
print(isinstance(collections.UserList(), _collections_abc.MutableSequence))
print(isinstance(collections.UserString("ab"), _collections_abc.Sequence))

import collections.abc

print(collections.abc.Sequence is _collections_abc.Sequence)
print(collections.abc.__name__, sorted(collections.abc.__all__)[:4])
print(collections.abc.Mapping.__module__, collections.abc.Hashable.__qualname__)


class Pair(collections.abc.Sequence):
    def __len__(self):
        return 2

    def __getitem__(self, index):
        if index >= 2:
            raise IndexError(index)
        return index * 10


match Pair():
    case [first, second]:
        print("sequence pattern", first, second)
print(list(reversed(Pair())), Pair().index(10), 10 in Pair())

Callable = collections.abc.Callable
for alias in (Callable[[int], str], Callable[..., int], Callable[[], None],
              Callable[[int, list[int]], dict]):
    print(repr(alias), alias.__args__, type(alias).__name__)
for bad in (int, (int, str)):
    try:
        Callable[bad]
    except TypeError as error:
        print("TypeError:", error)

import pickle
import typing

print(pickle.loads(pickle.dumps(Callable[[int], str])))
print(typing.get_args(Callable[[int], str]), typing.get_args(Callable[..., str]))
print(typing.get_origin(Callable[[int], str]) is Callable)

import random

print(random.Random(7).sample(range(100), 4))
try:
    random.Random(7).sample({1, 2, 3}, 2)
except TypeError as error:
    print("TypeError:", error)
