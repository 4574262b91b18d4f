import base64

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

for text in [b"MZXW6===", b"mzxw6===", b"MZXW6YQ=", b"MZXW6YTB", b"MZXW6YTBOI======",
             b"MZXW6", b"MZXW6==", b"M=======", b"MZ======", b"MZX=====", b"MZXW====",
             b"MZXW6Y==", b"MZXW6YT=", b"========", b"", b"MZXW6===MZXW6===",
             b"MZ1W6===", b"MZ0W6===", b"MZXW8===", b"MZXW6 ==", b"MZXW6===\n",
             "MZXW6===", "mzxw6===", b"ME======", b"MF======", b"MG======",
             b"MFRA====", b"MFRGG===", b"MFRGGZA=", b"MFRGGZDF", "MZXW\u00e96==",
             b"AAAAAAAA", b"77777777", b"7777777=", b"========MZXW6==="]:
    show("b32decode %r" % (text,), lambda: base64.b32decode(text))
    show("  casefold", lambda: base64.b32decode(text, casefold=True))
    show("  map01 L", lambda: base64.b32decode(text, map01=b"L"))
    show("  map01 I casefold", lambda: base64.b32decode(text, True, "I"))
    show("  hex", lambda: base64.b32hexdecode(text))
    show("  hex casefold", lambda: base64.b32hexdecode(text, casefold=True))
show("map01 bad", lambda: base64.b32decode(b"MZXW6===", map01=b"LI"))
show("map01 bad2", lambda: base64.b32decode(b"MZXW6===", map01=b""))
show("map01 int", lambda: base64.b32decode(b"MZXW6===", map01=5))
show("b32 int", lambda: base64.b32decode(5))
show("b32encode str", lambda: base64.b32encode("abc"))
show("b32hexencode str", lambda: base64.b32hexencode("abc"))
show("b32hexdecode map01", lambda: base64.b32hexdecode(b"00", map01=b"L"))
for n in range(12):
    data = bytes(range(250, 250 - n, -1))
    print(n, base64.b32encode(data), base64.b32hexencode(data),
          base64.b32decode(base64.b32encode(data)) == data,
          base64.b32hexdecode(base64.b32hexencode(data)) == data)

for text in [b"666F6F", b"666f6f", "666F6F", b"666F6", b"6G", b"", b"0A0b",
             b"66 6F", b"\xff\xff", "6\u00e9"]:
    show("b16decode %r" % (text,), lambda: base64.b16decode(text))
    show("  casefold", lambda: base64.b16decode(text, casefold=True))
show("b16encode str", lambda: base64.b16encode("ab"))
show("b16encode ba", lambda: base64.b16encode(bytearray(b"\x01\xab")))

# base85
for data in [b"", b"a", b"ab", b"abc", b"abcd", b"abcde", b"\x00" * 4, b"\x00" * 5,
             b"    ", b"\xff" * 4, b"\xff" * 7, bytes(range(20))]:
    print("b85", data, base64.b85encode(data), base64.b85encode(data, pad=True),
          base64.b85encode(data, True))
for text in [b"VPa", b"VPa!", b"|NsC0", b"|NsC1", b"~~~~~", b"{{{{{", b"abc d", b"ab\nc",
             b"0", b"00", b"000", b"0000", b"00000", "VPa", b"VPa\"", b"\xff", "\u00e9"]:
    show("b85decode %r" % (text,), lambda: base64.b85decode(text))

# ascii85
for data in [b"", b"a", b"abcd", b"\x00" * 4, b"\x00\x00\x00", b"    ", b"     ",
             b"\x00" * 8 + b"x", b"hello world", bytes(range(40)), b"\xff" * 5]:
    print("a85", data[:10], base64.a85encode(data))
    print("   fold", base64.a85encode(data, foldspaces=True))
    print("   pad", base64.a85encode(data, pad=True))
    print("   adobe", base64.a85encode(data, adobe=True))
    for w in (1, 2, 3, 5, 7, 10):
        print("   wrap", w, base64.a85encode(data, wrapcol=w),
              base64.a85encode(data, wrapcol=w, adobe=True))
for text, kw in [(b"@:E^", {}), (b"<~@:E^~>", {"adobe": True}), (b"@:E^~>", {"adobe": True}),
                 (b"<~@:E^", {"adobe": True}), (b"z", {}), (b"zz", {}), (b"y", {}),
                 (b"y", {"foldspaces": True}), (b"@:zE^", {}), (b"@:yE^", {"foldspaces": True}),
                 (b"@: E\n^\t", {}), (b"@: E^", {"ignorechars": b""}), (b"s8W-!", {}),
                 (b"s8W-\"", {}), (b"uuuuu", {}), (b"v", {}), (b"@", {}), (b"@:", {}),
                 ("@:E^", {}), (b"<~~>", {"adobe": True}), (b"~>", {"adobe": True}),
                 (b"<~ @:E^ ~>", {"adobe": True}), (b"@:E^x", {"ignorechars": b"x"}),
                 (b"\x7f", {}), (b"!!!!!", {}), (b"<~z~>", {"adobe": True}),
                 (b"FD,B0", {}), (b"FD,B0+", {})]:
    show("a85decode %r %r" % (text, kw), lambda: base64.a85decode(text, **kw))
show("a85 kw-only", lambda: base64.a85encode(b"x", True))
show("a85dec kw-only", lambda: base64.a85decode(b"x", True))
show("a85 str", lambda: base64.a85encode("abc"))
show("b85 str", lambda: base64.b85encode("abc"))
show("a85 mv", lambda: base64.a85encode(memoryview(b"abcdefgh").cast("I")))
show("b85 mv", lambda: base64.b85encode(memoryview(b"abcdefgh").cast("I")))
