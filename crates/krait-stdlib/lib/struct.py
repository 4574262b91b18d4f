"""Packing values into bytes by a format (CPython's `struct`); the work
is done by the native `_struct` module."""

from _struct import (Struct, calcsize, error, iter_unpack, pack, pack_into,
                     unpack, unpack_from)

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from",
           "iter_unpack", "Struct", "error"]
