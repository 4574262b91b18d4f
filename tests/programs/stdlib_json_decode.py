# The json package, reading side: loads/load, hooks, errors.
import json
import io
from json import JSONDecodeError
import json.decoder


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


docs = [
    'null', 'true', 'false', '0', '-0', '-0.0', '12', '-12', '1.5', '1e3',
    '1E+3', '2.5e-3', '-1.25E2', '123456789012345678', '1234567890123456789',
    '-9223372036854775808', '9223372036854775808', '123456789012345678901234567890',
    '1e400', '-1e400', '1.7976931348623157e308', '5e-324', '0.1', '100.0',
    '""', '"abc"', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '"\\u00e9\\u2603\\ud83d\\ude00"',
    '"\\u00E9\\u00e9"', '"é😀 raw"', '"\\ud800\\udc00"',
    '[]', '[ ]', '{}', '{ }', '[1, [2, [3, []]]]', ' \t\n\r[1]\n ',
    '{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
    '{"a": 1, "a": 2, "b": 3, "a": 4}',
    '[NaN, Infinity, -Infinity]',
    '{"": 0, " ": 1}',
    '[1,2,3,4,5,6,7,8,9,10]',
    '{"k\\u00e9y": 1, "kéy": 2}',
]
for doc in docs:
    show(json.loads, doc)

bad = [
    '', ' ', '[', '[1', '[1,', '[1,]', '[,1]', '[1 2]', '[1;2]', ']', '{',
    '{"a"', '{"a":', '{"a":1', '{"a":1,}', '{"a" 1}', '{1:2}', "{'a':1}",
    '{"a":1 "b":2}', '{"a":1,,}', '"abc', '"abc\\', '"a\x01b"', '"a\nb"',
    '"\\x"', '"\\u12"', '"\\u12', '"\\u12x4"', '"\\uzzzz"', '"\\ud800\\u12"',
    '"\\ud800\\"', '"\\', '"\\u', '1 2', '[1] x', '{} {}', 'tru', 'nul', 'fals',
    'True', 'None', 'nan', 'inf', 'infinity', '-Inf', '-', '-a', '+1', '01',
    '1.', '1e', '1e+', '.5', '0x10', '--1', '[1, 2, 3,\n 4 5]',
    '{\n  "a": 1,\n  "b": 2\n  "c": 3\n}', '["é", 1 2]', '"é😀" x',
    '\ufeff[1]', '[1]\x00', 'é', '[\n\n\n',
]
for doc in bad:
    try:
        json.loads(doc)
        print("no error for", repr(doc))
    except JSONDecodeError as e:
        print(type(e).__name__, e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == doc)

e = JSONDecodeError("Custom", "ab\ncd\nef", 7)
print(e, e.args, e.msg, e.pos, e.lineno, e.colno, repr(e.doc))
print(isinstance(e, ValueError), issubclass(JSONDecodeError, ValueError))
print(json.decoder.JSONDecodeError is JSONDecodeError, json.JSONDecodeError is JSONDecodeError)
print(JSONDecodeError.__name__, JSONDecodeError.__mro__[1].__name__)
try:
    json.loads("[1,")
except ValueError as e:
    print("caught as ValueError:", e)

# Non-str input.
show(json.loads, 5)
show(json.loads, None)
show(json.loads, [1])
show(json.loads, b'[1, "x"]')
show(json.loads, '{"é": [1]}'.encode("utf-8"))
show(json.loads, b'\xef\xbb\xbf[2]')
show(json.loads, b'[\x001\x00,\x00 \x00"\x00\xe9\x00"\x00]\x00')
show(json.loads, b'\x00[\x001\x00,\x00 \x00"\x00\xe9\x00"\x00]')
show(json.loads, b'\xff\xfe[\x001\x00,\x00 \x00"\x00\xe9\x00"\x00]\x00')
show(json.loads, b'[\x00\x00\x003\x00\x00\x00]\x00\x00\x00')
show(json.loads, b'\x00\x00\x00[\x00\x00\x003\x00\x00\x00]')
show(json.loads, b'\xff\xfe\x00\x00[\x00\x00\x003\x00\x00\x00]\x00\x00\x00')
show(json.loads, b'7')
show(json.loads, b'')
show(json.loads, b'[1')

# strict.
show(json.loads, '"a\tb\nc\x00"', strict=False)
show(json.loads, '{"k\x01": "v\x1f"}', strict=False)
show(json.loads, '"a\tb"')

# Hooks.
show(json.loads, '{"a": 1, "b": {"c": 2}}', object_hook=lambda d: sorted(d.items()))
show(json.loads, '{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda pairs: pairs)
show(json.loads, '[{"b": 1}, {}]', object_pairs_hook=tuple)
show(json.loads, '{"a": 1}', object_hook=lambda d: "hook", object_pairs_hook=lambda p: "pairs")
show(json.loads, '[1.5, 2, 1e2, -0.0]', parse_float=lambda s: "F" + s)
show(json.loads, '[1.5, 2, -30, 12345678901234567890]', parse_int=lambda s: "I" + s)
show(json.loads, '[1.5, 2]', parse_int=float)
show(json.loads, '[NaN, Infinity, -Infinity, 1]', parse_constant=lambda s: "C" + s)
show(json.loads, '[1.1, 2.2]', parse_float=lambda s: round(float(s) * 10))


def bad_hook(d):
    raise KeyError("hook failed")


show(json.loads, '{"a": 1}', object_hook=bad_hook)
show(json.loads, '[1]', parse_int=lambda s: 1 / 0)

# Big ints.
show(json.loads, '[' + '9' * 40 + ', -' + '1' * 30 + ']')
try:
    json.loads('1' * 5000)
except ValueError as e:
    print(type(e).__name__, e)

# load from a file-like object.
print(json.load(io.StringIO('{"from": "file", "n": [1, 2]}')))
print(json.load(io.StringIO('[1, 2]'), object_pairs_hook=list))

# Deep nesting gives RecursionError.
for doc in ['[' * 100000, '{"a":' * 100000, '[' * 100000 + ']' * 100000]:
    try:
        json.loads(doc)
    except RecursionError as e:
        print(type(e).__name__, e)
print(json.loads('[' * 50 + ']' * 50))

# Keyword-only arguments.
show(json.loads, '[1]', None)
show(json.loads, '[1]', bogus=1)

# Large document round trip.
records = [{"id": i, "name": "item%d" % i, "tags": ["t%d" % (i % 7), "é"],
            "score": i * 0.25, "ok": i % 2 == 0, "none": None} for i in range(300)]
text = json.dumps(records)
back = json.loads(text)
print(back == records, len(text), back[123])
print(json.loads(json.dumps(records, indent=2, sort_keys=True)) == records)

# The nesting CPython accepts from module level, and one more.
for n in (995, 996):
    for text in ('[' * n + ']' * n, '{"a":' * n + '1' + '}' * n):
        try:
            json.loads(text)
            print(n, "ok")
        except RecursionError as e:
            print(n, type(e).__name__, e)
    v = []
    for _ in range(n - 1):
        v = [v]
    try:
        print(n, len(json.dumps(v)))
    except RecursionError as e:
        print(n, type(e).__name__, e)

# Bytes that are not UTF-8.
for data in [b'\xff[1]', b'["\xc3"]', b'[1, "\xc3\x28"]']:
    try:
        json.loads(data)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
