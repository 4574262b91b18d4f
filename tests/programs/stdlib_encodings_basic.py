# encodings: the package's search function and aliases, and the codec
# submodules used directly (utf_8, ascii, latin_1, utf_16, utf_32, cp1252,
# punycode, idna); codecs.lookup/encode/decode for idna and punycode.
import codecs, io
import encodings
import encodings.aliases
from encodings import utf_8, ascii, latin_1, utf_16, utf_32, cp1252, punycode, idna

def show(label, f, *args):
    try:
        r = repr(f(*args))
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    print(label, r)

print(issubclass(encodings.CodecRegistryError, LookupError), issubclass(encodings.CodecRegistryError, SystemError))
for name in ["UTF-8", "  utf--8 ", "latin 1", "a.b-c", b"x y", "__x__", "\xe9-a", "ISO_8859-1:1987", "", "-", "Windows 1252"]:
    show("normalize", encodings.normalize_encoding, name)
a = encodings.aliases.aliases
print(type(a).__name__, a["latin1"], a["u8"], a["utf8"], a["us_ascii"], a["windows_1252"], a["utf16"], a["u32"], a["646"], a["iso_8859_1"])
for name in ["utf-8", "UTF8", "latin1", "ISO-8859-1", "ascii", "US-ASCII", "utf_16", "UTF-32", "cp1252",
             "windows-1252", "idna", "punycode", "no-such-codec", "encodings.utf_8", "..utf_8"]:
    info = encodings.search_function(name)
    print("search", repr(name), None if info is None else (type(info).__name__, info.name, info._is_text_encoding))
print(encodings.search_function("utf-8") is encodings.search_function("utf-8"))
print(codecs.lookup("idna").name, codecs.lookup("punycode").name, codecs.lookup("IDNA").name)

for mod in (utf_8, ascii, latin_1, utf_16, utf_32, cp1252, punycode, idna):
    e = mod.getregentry()
    print(mod.__name__, e.name, isinstance(e, codecs.CodecInfo), e.incrementalencoder is mod.IncrementalEncoder,
          e.incrementaldecoder is mod.IncrementalDecoder, e.streamreader is mod.StreamReader,
          e.streamwriter is mod.StreamWriter, e.encode("abc"), e.decode(b"abc") if mod not in (utf_16, utf_32) else "")

text = "h\xe9llo \u20ac \U0001f600"
# utf_8
show("u8 enc", utf_8.encode, text)
show("u8 dec", utf_8.decode, text.encode("utf-8"))
show("u8 bad", utf_8.decode, b"a\xffb")
show("u8 bad replace", utf_8.decode, b"a\xffb", "replace")
d = utf_8.IncrementalDecoder()
print("u8 inc", [d.decode(bytes([b])) for b in "\u20ac!".encode("utf-8")], d.decode(b"", True))
d = utf_8.IncrementalDecoder()
show("u8 inc final", lambda: (d.decode(b"\xe2\x82"), d.getstate(), d.decode(b"", True)))
enc = utf_8.IncrementalEncoder()
print("u8 incenc", enc.encode("\xe9"), enc.encode("x", True))
buf = io.BytesIO()
w = utf_8.StreamWriter(buf)
w.write(text); w.writelines(["a", "b"])
print("u8 writer", buf.getvalue())
r = utf_8.StreamReader(io.BytesIO(("line1\n" + text + "\nlast").encode("utf-8")))
print("u8 reader", r.readline(), r.read(3), r.readlines())
# ascii / latin_1
show("ascii enc", ascii.Codec.encode, "abc")
show("ascii enc bad", ascii.Codec.encode, "ab\xe9")
show("ascii enc replace", ascii.Codec.encode, "ab\xe9", "replace")
show("ascii dec bad", ascii.Codec.decode, b"ab\x80")
show("ascii dec ignore", ascii.Codec.decode, b"ab\x80", "ignore")
show("latin1 enc", latin_1.Codec.encode, "\xff\xe9")
show("latin1 enc bad", latin_1.Codec.encode, "\u20ac")
show("latin1 enc xml", latin_1.Codec.encode, "a\u20ac", "xmlcharrefreplace")
show("latin1 dec", latin_1.Codec.decode, bytes(range(250, 256)))
print("latin1 inc", latin_1.IncrementalDecoder().decode(b"\xe9"), latin_1.IncrementalEncoder().encode("\xe9"))
print("ascii conv", ascii.StreamConverter.encode(b"xy"), latin_1.StreamConverter.decode("\xe9"))
# utf_16 / utf_32
for mod in (utf_16, utf_32):
    n = mod.__name__
    data = mod.encode("ab")[0]
    print(n, data, mod.encode("ab"), mod.decode(data))
    show(n + " le", mod.decode, b"\xff\xfe" + "z".encode(n[-6:].replace("_", "-") + "-le"))
    show(n + " be", mod.decode, codecs.BOM_UTF16_BE + b"\x00z" if n.endswith("16") else codecs.BOM_UTF32_BE + b"\x00\x00\x00z")
    show(n + " odd", mod.decode, data + b"\x00")
    enc = mod.IncrementalEncoder()
    print(n, "incenc", enc.getstate(), enc.encode("a"), enc.getstate(), enc.encode("b"))
    enc.reset()
    print(n, "incenc reset", enc.encode("c"))
    dec = mod.IncrementalDecoder()
    pieces = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    print(n, "incdec", pieces, dec.getstate(), dec.decode(b"", True))
    dec = mod.IncrementalDecoder()
    show(n + " incdec nobom", lambda: dec.decode(b"a\x00b\x00c\x00d\x00"))
    buf = io.BytesIO()
    w = mod.StreamWriter(buf)
    w.write("x"); w.write("y")
    print(n, "writer", buf.getvalue())
    r = mod.StreamReader(io.BytesIO(buf.getvalue()))
    print(n, "reader", r.read())
    show(n + " reader nobom", mod.StreamReader(io.BytesIO(b"x\x00\x00\x00y\x00\x00\x00")).read)
# cp1252
print("cp1252 table", len(cp1252.decoding_table), repr(cp1252.decoding_table[0x80:0x90]))
show("cp1252 enc", cp1252.Codec().encode, "\u20ac\u2122\xe9abc")
show("cp1252 enc bad", cp1252.Codec().encode, "\u0100")
show("cp1252 enc replace", cp1252.Codec().encode, "a\u0100b", "replace")
show("cp1252 dec", cp1252.Codec().decode, b"\x80\x99\xe9")
show("cp1252 dec bad", cp1252.Codec().decode, b"a\x81")
show("cp1252 dec replace", cp1252.Codec().decode, b"a\x81b", "replace")
print("cp1252 inc", cp1252.IncrementalEncoder().encode("\u20ac"), cp1252.IncrementalDecoder().decode(b"\x80"))
# punycode
for s in ["b\xfccher", "abc", "", "\xfc", "m\xfcnchen-ost", "\U0001f600x", "-", "\u4f8b\u3048"]:
    show("puny enc", punycode.punycode_encode, s)
for b in [b"bcher-kva", b"abc-", b"-", b"bcher-kv", b"bcher-KVA", b"tda", b"abc"]:
    for err in ("strict", "replace"):
        show("puny dec " + err, punycode.punycode_decode, b, err)
show("puny codec bad errors", punycode.Codec().decode, b"abc", "bogus")
show("puny codec", punycode.Codec().decode, b"bcher-kva!", "ignore")
print("puny codecs", codecs.encode("b\xfccher", "punycode"), codecs.decode(b"bcher-kva", "punycode"))
print("puny inc", punycode.IncrementalEncoder().encode("\xfc"), punycode.IncrementalDecoder().decode(b"tda"))
# idna
for s in ["b\xfccher.example", "example.com", "EXAMPLE.com.", "\u4f8b\u3048.\u30c6\u30b9\u30c8", "a\u3002b\uff0ec",
          "Stra\xdfe.de", "\u00adsoft\u200bhyphen.de", "", "a..b", "x" * 64 + ".com", "xn--abc.\xfc", "\ufb01x.de",
          "\u05d0\u05d1.il", "\u05d0a.il", "a\ue000.de", "caf\xe9." + "\xe9" * 70]:
    show("idna enc", idna.Codec().encode, s)
for b in [b"xn--bcher-kva.example", b"example.com", b"xn--r8jz45g.xn--zckzah", b"XN--BCHER-KVA.de.", b"",
          b"xn--bcher-kv.de", b"xn--abc-.de", b"\xff.de", b"xn--b\xfccher", b"Xn--Bcher-Kva"]:
    show("idna dec", idna.Codec().decode, b)
show("idna errors", idna.Codec().encode, "a", "replace")
show("ToASCII", idna.ToASCII, "B\xfccher")
show("ToASCII ascii", idna.ToASCII, "plain")
show("ToASCII empty", idna.ToASCII, "")
show("ToASCII ace", idna.ToASCII, "xn--\xfc")
show("ToUnicode", idna.ToUnicode, b"xn--bcher-kva")
show("ToUnicode str", idna.ToUnicode, "B\xfccher")
show("ToUnicode roundtrip", idna.ToUnicode, b"xn--Bcher-kva")
show("nameprep", idna.nameprep, "Stra\xdfe\u00ad\uff21")
show("nameprep bad", idna.nameprep, "a\u0080")
enc = idna.IncrementalEncoder()
print("idna incenc", enc.encode("b\xfccher.exa"), enc.encode("mple"), enc.encode("", True))
dec = idna.IncrementalDecoder()
print("idna incdec", dec.decode(b"xn--bcher-kva.exa"), dec.decode(b"mple."), dec.decode(b"", True))
print("idna codecs", codecs.encode("b\xfccher.de", "idna"), codecs.decode(b"xn--bcher-kva.de", "idna"))
w_buf = io.BytesIO()
w = codecs.getwriter("idna")(w_buf)
w.write("\xfc.de")
print("idna writer", w_buf.getvalue())
