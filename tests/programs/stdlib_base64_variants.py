import base64
import binascii
import io

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

samples = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar",
           bytes(range(256)), b"\x00\x00\x00\x00", b"    ", b"\xff\xfe\xfd",
           b"\x00", b"\x00\x00\x00\x00\x00", b"hello world!!"]
encoders = ["b64encode", "standard_b64encode", "urlsafe_b64encode",
            "b32encode", "b32hexencode", "b16encode", "b85encode",
            "a85encode", "encodebytes"]
decoders = {"b64encode": "b64decode", "standard_b64encode": "standard_b64decode",
            "urlsafe_b64encode": "urlsafe_b64decode", "b32encode": "b32decode",
            "b32hexencode": "b32hexdecode", "b16encode": "b16decode",
            "b85encode": "b85decode", "a85encode": "a85decode",
            "encodebytes": "decodebytes"}
for data in samples:
    for name in encoders:
        enc = getattr(base64, name)(data)
        dec = getattr(base64, decoders[name])(enc)
        print(name, data[:12], enc[:60], len(enc), dec == data)
        if isinstance(enc, bytes) and name not in ("encodebytes",):
            dec2 = getattr(base64, decoders[name])(enc.decode("ascii"))
            assert dec2 == data, name

# input types
for arg in [bytearray(b"abc"), memoryview(b"abc"),
            "abc", 5, None, [1, 2]]:
    for name in encoders:
        show("%s(%s)" % (name, type(arg).__name__), lambda: getattr(base64, name)(arg))

# altchars
show("alt enc", lambda: base64.b64encode(b"\xfb\xff\xbf", altchars=b"-_"))
show("alt enc str", lambda: base64.b64encode(b"\xfb\xff\xbf", altchars="-_"))
show("alt enc bad", lambda: base64.b64encode(b"\xfb\xff", altchars=b"-"))
show("alt dec", lambda: base64.b64decode(b"-__-", altchars=b"-_"))
show("alt dec str", lambda: base64.b64decode("-__-", altchars="-_"))
show("alt dec bad", lambda: base64.b64decode(b"-__-", altchars=b"-_="))
show("alt dec mv", lambda: base64.b64decode(b"*%%*", altchars=memoryview(b"*%")))
show("urlsafe", lambda: base64.urlsafe_b64encode(b"\xfb\xff\xbf\xfe"))
show("urlsafe dec", lambda: base64.urlsafe_b64decode("-__-_w=="))
show("urlsafe dec mixed", lambda: base64.urlsafe_b64decode("+//+"))

# validate
for text in [b"YWJj", b"YW Jj", b"YWJ", b"YWJj\n", b"YW==", b"Y===", b"YWJj=",
             b"=YWJj", b"YW=J", b"Y", b"", b"YQ", b"YQ=", b"YQ==YQ==", b"@@@@",
             "YWJj", "YW\u00e9j", b"YWJj!", b"\x00YWJj", b"YQ=\n="]:
    show("b64decode %r" % (text,), lambda: base64.b64decode(text))
    show("  validate", lambda: base64.b64decode(text, validate=True))
    show("  decodebytes", lambda: base64.decodebytes(text))
    show("  urlsafe", lambda: base64.urlsafe_b64decode(text))
show("decodebytes str", lambda: base64.decodebytes("YWJj"))
show("encodebytes str", lambda: base64.encodebytes("abc"))
show("b64decode int", lambda: base64.b64decode(5))
show("b64decode list", lambda: base64.b64decode([1]))
show("b64decode mv", lambda: base64.b64decode(memoryview(b"YWJj")))
show("b64decode ba", lambda: base64.b64decode(bytearray(b"YWJj")))
show("long encodebytes", lambda: base64.encodebytes(bytes(range(200))))
show("encodebytes 57", lambda: base64.encodebytes(b"x" * 57))
show("encodebytes 58", lambda: base64.encodebytes(b"x" * 58))
show("encodebytes empty", lambda: base64.encodebytes(b""))
show("encodebytes mv", lambda: base64.encodebytes(memoryview(b"abc")))
print(base64.MAXLINESIZE, base64.MAXBINSIZE)

# encode/decode streams
src = io.BytesIO(bytes(range(150)))
dst = io.BytesIO()
base64.encode(src, dst)
print(dst.getvalue())
back = io.BytesIO()
base64.decode(io.BytesIO(dst.getvalue()), back)
print(back.getvalue() == bytes(range(150)))
show("encode text", lambda: base64.encode(io.StringIO("x"), io.BytesIO()))
