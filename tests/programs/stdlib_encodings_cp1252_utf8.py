import codecs, io, encodings
import encodings.cp1252 as W
import encodings.utf_8 as U
def show(label, f, *a):
    try: print(label, repr(f(*a)))
    except Exception as ex: print(label, type(ex).__name__, ex)
print(len(W.decoding_table), W.decoding_table[0x80:0xA0].encode("unicode_escape"))
print(W.decoding_table == "".join(map(chr, range(0x80))) + W.decoding_table[0x80:0xA0] + "".join(map(chr, range(0xA0, 0x100))))
print(type(W.encoding_table).__name__)
c = W.Codec()
for s in ["abc", "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", "é ÿ", "\u0081", "x\u4e00y", "\ufffe", ""]:
    for e in ["strict", "replace", "ignore", "xmlcharrefreplace", "backslashreplace"]:
        show("enc %r %s" % (s, e), c.encode, s, e)
for b in [b"abc", bytes(range(0x80, 0xA0)), b"\xe9\xff", b"\x81\x8d\x8f\x90\x9d", b""]:
    for e in ["strict", "replace", "ignore", "backslashreplace"]:
        show("dec %r %s" % (b, e), c.decode, b, e)
ie = W.IncrementalEncoder(); print(ie.encode("€x"), ie.encode("é", True), ie.errors)
ie = W.IncrementalEncoder("replace"); print(ie.encode("€\u4e00"))
idc = W.IncrementalDecoder(); print(idc.decode(b"\x80\xe9"), idc.decode(b"", True))
idc = W.IncrementalDecoder("ignore"); print(idc.decode(b"\x81a"))
w = W.StreamWriter(io.BytesIO()); w.write("€uro"); w.writelines(["a", "é"]); print(w.stream.getvalue())
r = W.StreamReader(io.BytesIO(b"\x80uro\nline2\n")); print(r.readline(), r.readlines())
info = W.getregentry(); print(info.name, info.encode("€"), info.decode(b"\x80"), info.incrementaldecoder is W.IncrementalDecoder)
print(W.StreamReader.__mro__[1] is W.Codec, W.StreamWriter.__mro__[1] is W.Codec)
print(codecs.lookup("cp1252").name, codecs.lookup("windows-1252").name)
# utf_8
print(U.encode("héllo"), U.decode(b"h\xc3\xa9"))
show("u1", U.decode, b"\xc3")
show("u2", U.decode, b"a\xffb", "replace")
show("u6", U.decode, memoryview(b"xyz"))
show("u7", U.decode, bytearray(b"\xe2\x82\xac"))
d = U.IncrementalDecoder()
print(repr(d.decode(b"\xe2")), repr(d.decode(b"\x82")), repr(d.decode(b"\xac!")), d.getstate())
d.decode(b"\xe2\x82"); print(d.getstate()); d.reset(); print(d.getstate())
show("u8", U.IncrementalDecoder().decode, b"\xe2\x82", True)
d = U.IncrementalDecoder(); d.setstate((b"\xe2", 0)); print(repr(d.decode(b"\x82\xac")))
e = U.IncrementalEncoder(); print(e.encode("€"), e.encode("", True), e.getstate())
w = U.StreamWriter(io.BytesIO()); w.write("né"); print(w.stream.getvalue())
r = U.StreamReader(io.BytesIO("ü1\nü2\n".encode())); print(r.readline(), r.read())
r = U.StreamReader(io.BytesIO(b"\xe2\x82\xac" * 3)); print(r.read(1), r.read())
info = U.getregentry(); print(info.name, info.encode is U.encode, info.decode is U.decode, info.streamreader is U.StreamReader)
print(sorted(n for n in dir(U) if not n.startswith("_")))
print(sorted(n for n in dir(W) if not n.startswith("_")))
print(U.IncrementalDecoder.__mro__[1].__name__, U.StreamWriter.__mro__[1].__name__)
