# The json package's classes: JSONEncoder/JSONDecoder, subclasses, cls=.
import json
import json.decoder
import json.encoder
import io
from json import JSONEncoder, JSONDecoder, JSONDecodeError
from json.encoder import encode_basestring, encode_basestring_ascii


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"__point__": [o.x, o.y]}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


show(json.dumps, [Point(1, 2), {3, 1, 2}], cls=PointEncoder)
show(json.dumps, {"p": Point(0, 0)}, cls=PointEncoder, indent=1, sort_keys=True)
show(json.dumps, [object()], cls=PointEncoder)
show(PointEncoder().encode, Point(5, 6))
show(PointEncoder(separators=(",", ":")).encode, {"a": Point(5, 6)})
print(isinstance(PointEncoder(), JSONEncoder))

# The encoder's attributes.
enc = JSONEncoder()
print(enc.skipkeys, enc.ensure_ascii, enc.check_circular, enc.allow_nan,
      enc.sort_keys, enc.indent, repr(enc.item_separator), repr(enc.key_separator))
enc = JSONEncoder(indent=2)
print(repr(enc.item_separator), repr(enc.key_separator))
enc = JSONEncoder(indent=2, separators=(";", "="))
print(repr(enc.item_separator), repr(enc.key_separator), enc.encode({"a": [1]}))
enc = JSONEncoder(default=lambda o: "D")
print(enc.encode([object()]))
show(JSONEncoder, 1)
print(enc.encode("plain str"), JSONEncoder(ensure_ascii=False).encode("é"), JSONEncoder().encode("é"))
print("".join(JSONEncoder().iterencode({"a": [1, 2]})))
print("".join(JSONEncoder(indent=1).iterencode([1])))
buf = io.StringIO()
json.dump([Point(7, 8)], buf, cls=PointEncoder)
print(buf.getvalue())


# Overriding encode and iterencode.
class Upper(JSONEncoder):
    def encode(self, o):
        return super().encode(o).upper()


show(json.dumps, {"a": "b"}, cls=Upper)


class Wrapped(JSONEncoder):
    def iterencode(self, o, _one_shot=False):
        for chunk in super().iterencode(o, _one_shot):
            yield "<" + chunk + ">"


show(json.dumps, [1, 2], cls=Wrapped)
buf = io.StringIO()
json.dump([1], buf, cls=Wrapped)
print(buf.getvalue())


class Extra(JSONEncoder):
    def __init__(self, *, tag="T", **kw):
        super().__init__(**kw)
        self.tag = tag

    def default(self, o):
        return self.tag


show(json.dumps, [object()], cls=Extra, tag="custom")
show(json.dumps, [object()], cls=Extra)

# encode_basestring helpers.
print(encode_basestring('a"b\\c\né\U0001f600'), encode_basestring_ascii('a"b\\c\né\U0001f600'))
show(encode_basestring, 5)
show(json.encoder.encode_basestring_ascii, "\x00\x1f")

# Decoder classes.
dec = JSONDecoder()
print(dec.strict, dec.object_hook, dec.object_pairs_hook, dec.parse_float is float, dec.parse_int is int)
print(dec.decode(' [1, {"a": null}] '))
print(dec.raw_decode('[1] x'), dec.raw_decode('xx[1] x', 2), dec.raw_decode('{"a":1}{"b":2}'))
print(dec.raw_decode('é[1]', 1), dec.raw_decode('"é" rest'))
show(dec.raw_decode, ' [1]')
show(dec.raw_decode, '[1]', 5)
show(dec.raw_decode, '[1]', 3)
show(dec.raw_decode, '[1]', -1)
show(dec.decode, '[1] x')
show(dec.decode, 5)


class Hooked(JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)

    def hook(self, d):
        if "__point__" in d:
            return Point(*d["__point__"])
        return d


pts = json.loads('[{"__point__": [1, 2]}, {"x": 1}]', cls=Hooked)
print(type(pts[0]).__name__, pts[0].x, pts[0].y, pts[1])
print(json.loads('{"a": 1.5}', cls=Hooked, parse_float=str))


class Raw(JSONDecoder):
    def raw_decode(self, s, idx=0):
        obj, end = super().raw_decode(s, idx)
        return ["raw", obj], end


print(json.loads(' {"a": 1} ', cls=Raw))
show(json.loads, '[1] 2', cls=Raw)


class Decode(JSONDecoder):
    def decode(self, s):
        return ("decoded", super().decode(s))


print(json.loads("[true]", cls=Decode))

# Multiple documents with raw_decode.
stream = '{"a": 1} [2, 3] "four" 5'
pos, dec = 0, JSONDecoder()
while pos < len(stream):
    while stream[pos] == " ":
        pos += 1
    obj, pos = dec.raw_decode(stream, pos)
    print(obj, pos)

# Module attributes programs use.
print(json.decoder.JSONDecoder is JSONDecoder, json.encoder.JSONEncoder is JSONEncoder)
print(sorted(json.__all__))
print(callable(json.scanner.make_scanner), type(json.decoder.NaN).__name__)
scan = json.scanner.make_scanner(JSONDecoder())
print(scan('[1, 2] tail', 0))
print(json.detect_encoding(b'{}'), json.detect_encoding(b'\x00{\x00}'), json.detect_encoding(b'{\x00\x00\x00'))

# iterencode's chunks are CPython's.
e = JSONEncoder()
print(list(e.iterencode([1, [2, {}], {"a": []}, "s", {"k": 1, "j": {"x": None}}])))
print(list(JSONEncoder(indent=1).iterencode([1, {"a": [2]}])))
print(list(e.iterencode(5)), list(e.iterencode({})), list(e.iterencode({1: 2}, _one_shot=True)))
print(list(JSONEncoder(default=lambda o: [1]).iterencode([Point(1, 2), Point(3, 4)])))
print(list(JSONEncoder(indent=1, sort_keys=True).iterencode({"b": 1, "a": (2,)})))
gen = JSONEncoder().iterencode([object()])
print(type(gen).__name__)
show(list, gen)
show(json.dump, float("nan"), io.StringIO(), allow_nan=False)

# dump writes the chunks before a failure, as CPython's generator does.
for value in [[1, "two", object()], {"a": [1, 2], "b": {1, 2}}, [[1], float("nan")]]:
    buf = io.StringIO()
    try:
        json.dump(value, buf, allow_nan=False)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
    print(repr(buf.getvalue()))
print(list(JSONEncoder(indent=2).iterencode({"a": [1, {"b": None}], "c": "d"})))
