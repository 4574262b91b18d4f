import io
import json
from collections import OrderedDict
from decimal import Decimal

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

data = {"b": [1, 2.5, None, True, False], "a": {"nested": "x\u00e9\u4e2d\U0001f600"},
        "c": [], "d": {}, "e": "quote\" back\\ ctl\n\t\x01", 3: "int key",
        2.5: "float key", None: "none key", True: "bool key"}
show("plain", lambda: json.dumps(data))
for indent in (None, 0, 2, "\t", "--", 1):
    show("indent %r" % (indent,), lambda: json.dumps(data, indent=indent))
show("indent neg", lambda: json.dumps([1, [2]], indent=-1))
show("separators", lambda: json.dumps(data, separators=(",", ":")))
show("separators+indent", lambda: json.dumps([1, {"a": 2}], indent=2, separators=(" ,", " = ")))
show("separators bad", lambda: json.dumps([1], separators=(",",)))
show("sort_keys", lambda: json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
show("sort_keys mixed", lambda: json.dumps({"b": 1, 2: 2}, sort_keys=True))
show("ensure_ascii False", lambda: json.dumps(data, ensure_ascii=False))
for v in (float("nan"), float("inf"), float("-inf")):
    show("nan ok %r" % v, lambda: json.dumps([v]))
    show("nan no %r" % v, lambda: json.dumps([v], allow_nan=False))
    show("nan bare %r" % v, lambda: json.dumps(v, allow_nan=False))
show("skipkeys", lambda: json.dumps({(1, 2): 1, "ok": 2, b"x": 3}, skipkeys=True))
show("badkey", lambda: json.dumps({(1, 2): 1}))
show("badkey bytes", lambda: json.dumps({b"x": 1}))
show("unserializable", lambda: json.dumps({"a": {1, 2}}))
show("unserializable bytes", lambda: json.dumps(b"x"))
show("default", lambda: json.dumps({"s": {3, 1, 2}, "d": Decimal("1.5")},
                                   default=lambda o: sorted(o) if isinstance(o, set) else str(o)))
show("default raises", lambda: json.dumps([object], default=lambda o: 1 / 0))
show("default returns self", lambda: json.dumps([Decimal(1)], default=lambda o: o))
cyc = [1]
cyc.append(cyc)
show("circular", lambda: json.dumps(cyc))
d = {}
d["self"] = d
show("circular dict", lambda: json.dumps(d))
show("circular default", lambda: json.dumps([object()], default=lambda o: [o]))
show("check_circular off", lambda: json.dumps([[1], [1]], check_circular=False))
shared = [1]
show("shared ok", lambda: json.dumps([shared, shared]))
show("tuple", lambda: json.dumps((1, (2, 3))))
show("ordered", lambda: json.dumps(OrderedDict([("z", 1), ("a", 2)])))
show("big int", lambda: json.dumps([10 ** 30, -5, 0]))
show("floats", lambda: json.dumps([1.0, 1e100, 1.5e-7, -0.0, 0.1]))
show("scalars", lambda: [json.dumps(x) for x in (None, True, False, "s", 1, 1.5)])

class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
class MyStr(str):
    pass
class MyList(list):
    pass
class MyDict(dict):
    pass
show("subclasses", lambda: json.dumps([MyInt(3), MyFloat(2.5), MyStr("s"), MyList([1]),
                                       MyDict(a=1), {MyInt(4): 1, MyFloat(1.5): 2}]))

class SetEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
show("cls", lambda: json.dumps({"a": {2, 1}}, cls=SetEncoder))
show("cls fail", lambda: json.dumps({"a": object}, cls=SetEncoder))
show("cls indent", lambda: json.dumps({"a": {2, 1}}, cls=SetEncoder, indent=1, sort_keys=True))

class ExtraEncoder(json.JSONEncoder):
    def __init__(self, *, tag=None, **kw):
        super().__init__(**kw)
        self.tag = tag
    def encode(self, o):
        return "%s:%s" % (self.tag, super().encode(o))
show("cls kw", lambda: json.dumps([1], cls=ExtraEncoder, tag="T"))
show("unknown kw", lambda: json.dumps([1], bogus=1))
show("positional", lambda: json.dumps([1], True))

enc = json.JSONEncoder(indent=2, sort_keys=True)
print(enc.item_separator, enc.key_separator, enc.indent, enc.sort_keys, enc.skipkeys,
      enc.ensure_ascii, enc.check_circular, enc.allow_nan)
print(repr(json.JSONEncoder().item_separator), repr(json.JSONEncoder(separators=("a", "b")).key_separator))
print(list(json.JSONEncoder().iterencode({"a": [1, 2]})))
print(json.JSONEncoder().iterencode([1], _one_shot=True))
print(json.JSONEncoder().encode("plain\u00e9"), json.JSONEncoder(ensure_ascii=False).encode("plain\u00e9"))

# dump
for kw in ({}, {"indent": 2}, {"sort_keys": True}, {"separators": (",", ":")},
           {"ensure_ascii": False}, {"cls": SetEncoder}):
    buf = io.StringIO()
    json.dump({"x": [1, {"y": "\u00e9"}], "a": None}, buf, **kw)
    print("dump", kw.keys() and list(kw), buf.getvalue())
class Recorder:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
r = Recorder()
try:
    json.dump([1, 2, object()], r)
except TypeError as e:
    print("partial dump", type(e).__name__, e, "".join(r.parts))
r = Recorder()
json.dump("x", r)
json.dump(5, r)
print(r.parts)
print(json.__version__, json.__all__)
