# base64: Ascii85 both ways, with 'z'/'y' folding, padding, wrapping and
# Adobe's framing, and the decoder's errors.
import base64

samples = [b"", b"h", b"hi", b"hello world", b"\0\0\0\0", b"\0\0\0\0\0", b"    xy", bytes(range(20))]
for data in samples:
    print(data)
    print(" ", base64.a85encode(data), base64.a85encode(data, pad=True), base64.a85encode(data, foldspaces=True))
    print(" ", base64.a85encode(data, adobe=True), base64.a85encode(data, wrapcol=4, adobe=True))
    for encoded in (base64.a85encode(data), base64.a85encode(data, adobe=True)):
        adobe = encoded.startswith(b"<~")
        assert base64.a85decode(encoded, adobe=adobe) == data
print(base64.a85decode(b"87cURD]i,\"Ebo80"), base64.a85decode(b"<~87cU\nRD]i~>", adobe=True))
print(base64.a85decode("GA(]4ATMg"), base64.a85decode(b"y z", foldspaces=True))
for bad, kw in [(b"abz", {}), (b"ay", {"foldspaces": True}), (b"abc{", {}), (b"s8W-\"", {}), (b"87cU", {"adobe": True})]:
    try:
        base64.a85decode(bad, **kw)
    except ValueError as e:
        print("ValueError", e)
