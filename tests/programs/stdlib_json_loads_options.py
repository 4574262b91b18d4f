import io
import json
from collections import OrderedDict
from decimal import Decimal

def show(label, fn):
    try:
        print(label, repr(fn()))
    except json.JSONDecodeError as e:
        print(label, "! JSONDecodeError", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(label, "!", type(e).__name__, e)

doc = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "\\u00e9\\n"}, "d": NaN, "e": -Infinity, "f": Infinity, "g": 12345678901234567890}'
show("plain", lambda: json.loads(doc))
show("object_hook", lambda: json.loads(doc, object_hook=lambda d: sorted(d)))
show("pairs_hook", lambda: json.loads(doc, object_pairs_hook=lambda p: p))
show("both hooks", lambda: json.loads(doc, object_hook=lambda d: "OH", object_pairs_hook=OrderedDict))
show("parse_float", lambda: json.loads(doc, parse_float=Decimal))
show("parse_int", lambda: json.loads(doc, parse_int=lambda s: "int:" + s))
show("parse_constant", lambda: json.loads(doc, parse_constant=lambda s: "const:" + s))
show("parse_constant raise", lambda: json.loads("[NaN]", parse_constant=lambda s: 1 / 0))
show("parse_int float str", lambda: json.loads("[1, 1.0, 1e5, -0]", parse_int=str, parse_float=str))
show("strict", lambda: json.loads('"a\tb"'))
show("strict off", lambda: json.loads('"a\tb\x00"', strict=False))
show("dup keys", lambda: json.loads('{"a": 1, "a": 2}'))
show("dup pairs", lambda: json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
show("empty obj hook", lambda: json.loads('{}', object_hook=lambda d: ("hooked", d)))
show("empty pairs hook", lambda: json.loads('{}', object_pairs_hook=lambda p: ("pairs", p)))
show("nested hook", lambda: json.loads('{"a": {"b": {}}}', object_hook=lambda d: len(d)))
show("bytes utf8", lambda: json.loads(b'{"a": "\xc3\xa9"}'))
for enc in ("utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
    show("bytes " + enc, lambda: json.loads('["x\u00e9", 1]'.encode(enc)))
    show("bytes short " + enc, lambda: json.loads('1'.encode(enc)))
show("bytearray", lambda: json.loads(bytearray(b"[1]")))
show("memoryview", lambda: json.loads(memoryview(b"[1]")))
show("int input", lambda: json.loads(5))
show("none input", lambda: json.loads(None))
show("bom str", lambda: json.loads("\ufeff[1]"))
show("unknown kw", lambda: json.loads("1", bogus=1))
for b in [b"", b"1", b"12", b"123", b"1234", b"\x00\x00\x00\x31", b"\x31\x00\x00\x00",
          b"\x00\x31\x00\x32", b"\x31\x00\x32\x00", b"\x00\x31", b"\x31\x00", b"\xef\xbb\xbf1",
          b"\xff\xfe\x00\x00", b"\xff\xfe1\x00", b"\xfe\xff\x001", b"\x00\x00\xfe\xff",
          b"\x31\x00\x00", b"\x00\x00\x00", b"\x31\x00\x32"]:
    print("detect", b, json.detect_encoding(b))

bad = ['', ' ', '[', '[1,', '[1,]', '{"a" 1}', '{"a": 1,}', '{1: 2}', '{"a": 1 "b": 2}',
       '"abc', '"\\x"', '"\\u12"', 'tru', 'nul', '[1] x', '1 2', '\n\n  {\n "a": }',
       '[1.]', '-', '01', '1e', '"a\nb"', '[NaN, nan]', '{"a":1}}', '[\n1,\n2\n', "'a'",
       '{"a"', '{"a":', '[1 2]', '\x00', '"\\', ']', '{"a": [1, 2, {"b": }]}']
for text in bad:
    show("bad %r" % text, lambda: json.loads(text))
err = None
try:
    json.loads('[1, 2,\n  x]')
except json.JSONDecodeError as e:
    err = e
print(type(err).__mro__[1].__name__, err.doc, err.args, isinstance(err, ValueError))
e2 = json.JSONDecodeError("custom", "ab\ncd", 4)
print(e2, e2.lineno, e2.colno, e2.pos)
import pickle
e3 = pickle.loads(pickle.dumps(e2))
print(type(e3).__name__, e3, e3.msg, e3.doc)

dec = json.JSONDecoder()
show("raw_decode", lambda: dec.raw_decode('{"a": 1} trailing'))
show("raw_decode idx", lambda: dec.raw_decode('xx[1, 2]yy', 2))
show("raw_decode ws", lambda: dec.raw_decode('  [1]'))
show("decode ws", lambda: dec.decode('  [1]  \n'))
print(dec.strict, dec.object_hook, dec.parse_float is float, dec.parse_int is int, dec.object_pairs_hook)

class Tagged(json.JSONDecoder):
    def __init__(self, **kw):
        kw.setdefault("object_hook", self.hook)
        super().__init__(**kw)
    def hook(self, d):
        return ("T", d)
show("cls", lambda: json.loads('[{"a": {}}]', cls=Tagged))
show("cls hook override", lambda: json.loads('[{"a": {}}]', cls=Tagged, object_hook=len))
class RawSub(json.JSONDecoder):
    def raw_decode(self, s, idx=0):
        obj, end = super().raw_decode(s, idx)
        return ("wrapped", obj), end
show("raw sub", lambda: json.loads(' [1] ', cls=RawSub))
show("raw sub extra", lambda: json.loads(' [1] x', cls=RawSub))

show("load", lambda: json.load(io.StringIO('{"k": [1, 2]}')))
show("load bytes", lambda: json.load(io.BytesIO('{"k": "\u00e9"}'.encode("utf-16"))))
show("load hooks", lambda: json.load(io.StringIO('{"k": 1.5}'), parse_float=str, object_pairs_hook=tuple))
show("roundtrip", lambda: json.loads(json.dumps({"x": [1.5, "\u00e9", None]})))
big = json.dumps([{"i": i, "s": str(i) * 3} for i in range(200)])
print(len(big), json.loads(big)[-1])
