"""`collections.abc`: the abstract base classes of containers, which live
in `_collections_abc` (as in CPython)."""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias
