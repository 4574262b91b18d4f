import codecs, encodings
import encodings.idna as I
def show(label, f, *a):
    try: print(label, repr(f(*a)))
    except Exception as ex:
        # (codecs.encode/decode word their errors in their own way.)
        print(label, type(ex).__name__, "" if label.endswith((" enc", " dec")) else ex)
names = ["bücher.de", "example.com", "example.com.", "", ".", "a..b", "Bücher.DE", "xn--bcher-kva.de",
         "ÄÖÜ.example", "straße.de", "日本語。ＪＰ", "a" * 63 + ".com", "a" * 64 + ".com", "a" * 64,
         "ü" * 70, "xn--abc.ü", "\u00ad.de", "a\u200bb.com", "ab\u0627", "\u0627b\u0627", "\u0627\u0628",
         "x\ue000y", "\u3002", "abc\uff0e", "café.fr", "münchen-ost.de", "ﬁ.com", "Ⅻ.com"]
for n in names:
    show(repr(n) + " enc", lambda s: codecs.encode(s, "idna"), n)
    show(repr(n) + " Cenc", lambda s: I.Codec().encode(s), n)
bs = [b"xn--bcher-kva.de", b"example.com", b"example.com.", b"", b"XN--BCHER-KVA.de", b"xn--bcher-kvb.de",
      b"xn--ab\xff", b"caf\xc3\xa9", b"xn--.de", b"a..b", b"xn--zz", b"xn--bcher-kva", bytearray(b"xn--bcher-kva.com"), b"xn--Bcher-kva.de", b"xn--abc-.com"]
for b in bs:
    show(repr(b) + " dec", lambda s: codecs.decode(s, "idna"), b)
    show(repr(b) + " Cdec", lambda s: I.Codec().decode(s), b)
for lab in ["bücher", "abc", "ABC", "", "a"*64, "xn--x", "Ü", "ß"]:
    show("ToASCII " + repr(lab), I.ToASCII, lab)
for lab in [b"xn--bcher-kva", "xn--bcher-kva", "bücher", b"abc", "ABC", "a"*1100, b"xn--", "\u00ad"]:
    show("ToUnicode " + repr(lab)[:40], I.ToUnicode, lab)
for lab in ["Bücher", "ß", "ﬁ", "\u00ad", "a\u3000", "\u0627b"]:
    show("nameprep " + repr(lab), I.nameprep, lab)
show("err", I.Codec().encode, "x", "ignore")
show("err2", I.Codec().decode, b"x", "replace")
enc = I.IncrementalEncoder()
show("ie1", enc.encode, "bücher.d")
show("ie2", enc.encode, "e.exa")
show("ie3", enc.encode, "mple", True)
show("ie4", I.IncrementalEncoder().encode, "bücher.", False)
show("ie5", I.IncrementalEncoder().encode, "", True)
show("ie6", I.IncrementalEncoder().encode, "abc", False)
show("ie7", I.IncrementalEncoder().encode, "a.b.c", False)
show("ie8", I.IncrementalEncoder("ignore").encode, "a.b.c", False)
dec = I.IncrementalDecoder()
show("id1", dec.decode, b"xn--bcher-kva.d")
show("id2", dec.decode, b"e.exa")
show("id3", dec.decode, b"mple", True)
show("id4", I.IncrementalDecoder().decode, b"xn--bcher-kva.", False)
show("id5", I.IncrementalDecoder().decode, b"", True)
show("id6", I.IncrementalDecoder().decode, b"abc", False)
show("id7", I.IncrementalDecoder().decode, b"a.b.c", True)
show("id8", I.IncrementalDecoder().decode, "a。b.c", True)
print(I.ace_prefix, I.sace_prefix, I.dots.pattern == "[\u002E\u3002\uFF0E\uFF61]", I.dots.split("a。b．c｡d"))
info = I.getregentry(); print(info.name, info.streamwriter is I.StreamWriter)
import io
w = I.StreamWriter(io.BytesIO()); w.write("bücher.de"); print(w.stream.getvalue())
r = I.StreamReader(io.BytesIO(b"xn--bcher-kva.de")); print(r.read())
