import codecs, encodings
import encodings.punycode as P
for s in ["bücher", "abc", "", "ü", "-", "a-b", "München-Ost", "\U0010ffff", "日本語", "ab-ü", "ÿ"*30 + "abc"]:
    print(repr(s), codecs.encode(s, "punycode"), P.punycode_encode(s))
for b in [b"bcher-kva", b"abc-", b"", b"-", b"kva", b"bcher-kva!", b"bcher-kv", b"a-99999999", b"xyz-zzzzzzzz", b"A-B-C", b"bcher-KVA", b"\xff-kva", b"bcher-kva\xff", b"99999999999a", b"zzzzzzzzzzz9a"]:
  for e in ["strict","replace","ignore","foo"]:
    try: print(b, e, repr(codecs.decode(b, "punycode", e)))
    except Exception as ex: print(b, e, type(ex).__name__)
    try: print(b, e, repr(P.Codec().decode(b, e)))
    except Exception as ex: print(b, e, type(ex).__name__, ex)
  for e in ["strict","replace","ignore","foo"]:
    try: print(b, e, repr(P.punycode_decode(b, e)))
    except Exception as ex: print(b, e, type(ex).__name__, ex)
print(P.punycode_decode("bcher-kva", "strict"), P.punycode_decode(memoryview(b"bcher-kva"), "strict"), P.punycode_decode(bytearray(b"bcher-kva"), "strict"))
c = P.Codec()
print(c.encode("bücher"), c.decode(b"bcher-kva"), c.encode(""), c.decode(b""))
ie = P.IncrementalEncoder(); print(ie.encode("bü"), ie.encode("cher", True))
idec = P.IncrementalDecoder(); print(repr(idec.decode(b"bcher-kva")), repr(idec.decode(b"", True)))
idec = P.IncrementalDecoder("bad")
try: idec.decode(b"abc")
except Exception as ex: print(type(ex).__name__, ex)
ie = codecs.getincrementalencoder("punycode")(); print(ie.encode("x"))
import io
w = P.StreamWriter(io.BytesIO()); w.write("bücher"); print(w.stream.getvalue())
r = P.StreamReader(io.BytesIO(b"bcher-kva")); print(r.read())
info = P.getregentry(); print(info.name, info.incrementalencoder is P.IncrementalEncoder, info.streamreader is P.StreamReader)
print(codecs.lookup("punycode").name)
print(P.Codec.__mro__[1], P.StreamReader.__mro__[1:3])
