# re with a bytes pattern searches any buffer: bytearray, memoryview, array;
# the groups of such a subject are bytes, as CPython's.
import re
print(re.match(b"x", bytearray(b"x")))
print(re.compile(b"x").split(bytearray(b"fooxbar")))
print(re.sub(b"x", b"-", memoryview(b"axb")))
m = re.search(rb"(\d+)-(\d+)", bytearray(b"ab 12-34 cd"))
print(m.group(0), m.groups(), m.span(1), type(m.string).__name__)
print(re.findall(rb"\w+", memoryview(b"one two")), list(re.finditer(b"o", bytearray(b"foo")))[1].span())
try: re.match("x", bytearray(b"x"))
except TypeError as e: print(e)
import array
print(re.findall(b"a", array.array("b", b"banana")))
