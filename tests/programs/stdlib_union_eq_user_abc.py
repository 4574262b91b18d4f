# typing.Union equals the PEP 604 union of the same arguments; the User*
# collections and ChainMap are registered with collections.abc.
import typing, collections, collections.abc as abc
from typing import Union, Optional, List
print(Union[int, str] == (int | str), (int | str) == Union[int, str], Union[int, str] == Union[str, int], Optional[int] == (int | None))
print(Union[int, str] != (int | str), Union[int, str] == (int | float), Union[int, str] == int)
print(isinstance(collections.UserDict(), abc.MutableMapping), isinstance(collections.UserList(), abc.MutableSequence), isinstance(collections.UserString("x"), abc.Sequence))
print(issubclass(collections.ChainMap, abc.Mapping), issubclass(collections.UserString, abc.MutableSequence), isinstance(collections.UserDict(), abc.Sequence))
print(typing.get_args(int | str), typing.get_origin(int | str) is typing.Union)
