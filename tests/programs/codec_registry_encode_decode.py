# str.encode and bytes.decode ask the codec registry for encodings the VM's
# own codecs do not know: the encodings package (idna) and codecs.register.
import codecs
print("bücher.example".encode("idna"))
print(b"xn--bcher-kva.example".decode("idna"))
def search(name):
    if name == "shout":
        return codecs.CodecInfo(lambda s, e="strict": (s.upper().encode(), len(s)),
                                lambda b, e="strict": (bytes(b).decode().lower(), len(b)), name="shout")
    if name == "weird":
        return codecs.CodecInfo(lambda s, e="strict": ("not bytes", len(s)),
                                lambda b, e="strict": (b"nope", len(b)), name="weird")
codecs.register(search)
print("hello".encode("shout"), b"HELLO".decode("shout"), bytearray(b"AB").decode("shout"))
for bad in (lambda: "x".encode("weird"), lambda: b"x".decode("weird"), lambda: "x".encode("rot13"),
            lambda: "x".encode("nosuchcodec"), lambda: b"x".decode("hex")):
    try:
        print(bad())
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
print(codecs.encode("abc", "rot13"), "x".encode("utf-8"), "é".encode("latin-1"))
