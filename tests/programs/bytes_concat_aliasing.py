# `b += t` on a local bytes may extend it in place; a bytearray is
# mutable and changes for everyone who holds it. Neither may leak into
# the other.


def bytes_aliases():
    b = b"0123456789" * 5
    alias = b
    held = [b]
    key = {b: "k"}
    b += b"x"
    b = b + b"y"
    return b[-3:], len(b), alias[-3:], len(alias), len(held[0]), key.get(b"0123456789" * 5)


print(bytes_aliases())


def bytes_hash_after_growth():
    b = b"h" * 40
    before = hash(b)
    b += b"h"
    return before == hash(b"h" * 40), hash(b) == hash(b"h" * 41), {b: 1}[b"h" * 41]


print(bytes_hash_after_growth())


def bytes_loop():
    b = b""
    sizes = []
    for i in range(3000):
        b += bytes([i % 256])
        if i % 1000 == 0:
            sizes.append(len(b))
    return len(b), sizes, b[:4], b[-3:], sum(b) % 1000


print(bytes_loop())


def bytes_with_other_buffers():
    b = b"ab"
    b += bytearray(b"cd")
    b += memoryview(b"ef")
    t = b
    b += b"g"
    return b, type(b).__name__, t


print(bytes_with_other_buffers())


def bytes_errors():
    b = b"xy"
    t = b
    try:
        b += "str"
    except TypeError as e:
        return b is t, str(e)


print(bytes_errors())


class MyBytes(bytes):
    def __add__(self, other):
        return MyBytes(b"<" + bytes(self) + b"+" + bytes(other) + b">")

    def __radd__(self, other):
        return MyBytes(b"r(" + bytes(other) + bytes(self) + b")")


def bytes_subclasses():
    a = MyBytes(b"a")
    a += b"b"
    c = b"c"
    c += MyBytes(b"d")
    return a, type(a).__name__, c, type(c).__name__


print(bytes_subclasses())


def bytearray_shared():
    ba = bytearray(b"start")
    alias = ba
    for i in range(3):
        ba += b"-" + str(i).encode()
    same = ba is alias
    ba = ba + b"!"
    return alias, ba, same, ba is alias


print(bytearray_shared())


def bytearray_in_containers():
    ba = bytearray(b"v")
    box = {"k": ba}
    items = [ba]
    ba += b"w"
    ba.extend(b"x")
    ba.append(ord("y"))
    return box["k"], items[0], len(ba)


print(bytearray_in_containers())


def bytearray_grow():
    ba = bytearray()
    for i in range(5000):
        ba += b"ab"
        if i % 7 == 0:
            del ba[-1]
    return len(ba), bytes(ba[:6]), bytes(ba[-4:])


print(bytearray_grow())


def bytearray_mixed():
    ba = bytearray(b"x")
    ba += bytearray(b"y")
    ba += memoryview(b"z")
    b = b"q"
    b += ba
    return ba, b, type(b).__name__


print(bytearray_mixed())
