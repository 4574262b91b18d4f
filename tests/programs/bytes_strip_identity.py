# bytes.strip/lstrip/rstrip with nothing to strip give the object itself
# (an exact bytes); a subclass or a bytearray gets a new object.
b = b"abc"
print(b.strip() is b, b.lstrip() is b, b.rstrip() is b, b.strip(b"z") is b)
empty = b""
print(b" a ".strip(), b"xxaxx".strip(b"x"), b"  ".strip(), empty.strip() is empty)
ba = bytearray(b"x")
print(ba.strip() is ba, ba.strip() == ba)
class B(bytes):
    pass
c = B(b"q")
print(type(c.strip()).__name__, c.strip() is c)
