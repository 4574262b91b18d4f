# Builtin class methods (int.from_bytes, float.fromhex, bytes.fromhex)
# bound to a class show as CPython's builtin methods.
import re


def shape(text):
    return re.sub(r" at 0x[0-9a-f]+", " at ADDR", text)


class Small(int):
    pass


print(shape(repr(int.from_bytes)))
print(shape(repr(bytes.fromhex)), shape(repr(float.fromhex)))
print(shape(repr(Small.from_bytes)))
print(int.from_bytes.__name__, int.from_bytes.__self__ is int, Small.from_bytes.__self__ is Small)
print(Small.from_bytes(b"\x01\x00", "little"), type(Small.from_bytes(b"\x01", "big")).__name__)
print(float.fromhex("0x1.8p1"), bytes.fromhex("41 42"))
