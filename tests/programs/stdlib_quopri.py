import io
import quopri

samples = [
    b"",
    b"hello world",
    b"caf\xc3\xa9 = cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e",
    b"trailing space \nand tab\t\nend ",
    b"crlf line \r\nsecond\r\n",
    b".\nlone dot above\n.x\n",
    b"under_score and spaces",
    b"x" * 75 + b"\n" + b"y" * 76 + b"\n" + b"z" * 77,
    b"=" * 30,
    b"a\rb\r\r\nc",
    bytes(range(0, 256, 7)),
    b"word " * 40,
]

for data in samples:
    for quotetabs in (False, True):
        for header in (False, True):
            encoded = quopri.encodestring(data, quotetabs=quotetabs, header=header)
            back = quopri.decodestring(encoded, header=header)
            print(quotetabs, header, encoded)
            print("  round trip:", back == data)

# File-object interface.
source = io.BytesIO(b"line one \nline two=three\n\xe2\x82\xac\n")
target = io.BytesIO()
quopri.encode(source, target, quotetabs=False)
print(target.getvalue())
decoded = io.BytesIO()
quopri.decode(io.BytesIO(target.getvalue()), decoded)
print(decoded.getvalue())
target = io.BytesIO()
quopri.encode(io.BytesIO(b"a b_c"), target, True, header=True)
print(target.getvalue())

# Lenient decoding of malformed input.
for text in [b"=41=42=4", b"=4g=zz", b"==41", b"soft=\nbreak", b"soft=\r\nbreak",
             b"junk=  \nafter", b"=", b"_x_", b"=e2=82=AC", b"=\rend"]:
    print(text, quopri.decodestring(text), quopri.decodestring(text, header=True))
print(quopri.decodestring("=41 str input"))

try:
    quopri.encodestring("text")
except TypeError as exc:
    print("TypeError:", exc)

# The helper functions.
print(quopri.needsquoting(b"=", False, False), quopri.needsquoting(b" ", False, False),
      quopri.needsquoting(b" ", True, False), quopri.needsquoting(b"_", False, True),
      quopri.needsquoting(b"\x80", False, False), quopri.needsquoting(b"a", False, False))
print(quopri.quote(b"="), quopri.quote(b"\xff"), quopri.quote(b"\n"))
print(quopri.ishex(b"a"), quopri.ishex(b"F"), quopri.ishex(b"g"))
print(quopri.unhex(b"ff"), quopri.unhex(b"1A"), quopri.unhex(b""))
print(quopri.MAXLINESIZE, quopri.ESCAPE, quopri.HEX)
print(sorted(quopri.__all__))
