import io
import tomllib
from fractions import Fraction

DOC = r'''
# A rich document exercising TOML 1.0
title = "TOML \"Example\""
unicode = "caf\u00e9 \U0001F600 tab\there"
"quoted key" = 'C:\Users\nodejs'
'literal key'.bare-key."x y" = 0xdead_beef
site."google.com" = true
3.14159 = "pi"     # a dotted bare key made of digits
"" = "empty key"
a-b_c = -0

[owner]
name = "Tom Preston-Werner"
dob = 1979-05-27T07:32:00-08:00
odt = 1979-05-27t07:32:00.999999999Z
plus = 1979-05-27 07:32:00+05:30
ldt = 1979-05-27T07:32:00.5
ld = 1979-05-27
lt = 07:32:00.123
lt2 = 00:00:00

[database]
enabled = true
disabled = false
ports = [ 8000, 8001, 8002, ]
data = [ ["delta", "phi"], [3.14] ]
mixed = [ 1, "two", 3.0, [4], { five = 5 }, 1979-05-27 ]
spread = [
  1,  # one
  2,
  # nothing here

  3,
]
temp_targets = { cpu = 79.5, case = 72.0, nest.a = 1, "q k" = {} }
ints = [0o755, 0b1101_0101, +17, -0, 1_000, 0xFF, 0o0, 9223372036854775808]
floats = [5e+22, 1e06, -2E-2, 6.626e-34, 224_617.445_991_228, 0.0, -0.0, 1e1_0]
multi = """
Roses are red\
    Violets are blue \

  end "" "quote"""
lit = QQQ
The first newline is
trimmed in raw strings. ''That's'' fineQQQ''
five_quotes = """a""""" 
emptys = ["", '', """""", QQQQQQ]
esc = "\b\t\n\f\r\"\\ \u0041\U00000042"
crlf = """one\
   two"""

[servers]

  [servers.alpha]
  ip = "10.0.0.1" # comment
  role = "frontend"

  [servers.beta]
  ip = "10.0.0.2"

[[products]]
name = "Hammer"
sku = 738594937
[products.sub]
x = 1

[[products]]  # empty table within the array

[[products]]
name = "Nail"
color = "gray"
[products.sub]
x = 2
[[products.variants]]
v = 1
[[products.variants]]
v = { a = [ 1, { b = 2 } ] }

[x.y.z.w] # the super-tables need not be declared
[x] # but may be afterwards
k.l = 1
[x.k.m]
n = 2
'''.replace("QQQ", "'" * 3)


def show(value, indent=""):
    if isinstance(value, dict):
        for key in sorted(value):
            item = value[key]
            if isinstance(item, (dict, list)) and item:
                print("%s%r:" % (indent, key))
                show(item, indent + "  ")
            else:
                print("%s%r: %r" % (indent, key, item))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)) and item:
                print("%s[%d]:" % (indent, index))
                show(item, indent + "  ")
            else:
                print("%s[%d] %r" % (indent, index, item))


doc = tomllib.loads(DOC)
show(doc)
dob = doc["owner"]["dob"]
print(dob.utcoffset(), dob.tzinfo, doc["owner"]["odt"].tzname())
print(type(doc["owner"]["ld"]).__name__, type(doc["owner"]["lt"]).__name__)
nums = tomllib.loads("a = [inf, +inf, -inf, nan, +nan, -nan]")["a"]
print([repr(n) for n in nums], [n != n for n in nums])

# CRLF line endings are accepted (and folded inside multi-line strings).
print(tomllib.loads('a = 1\r\nb = """x\r\ny"""\r\n'))

# load() reads a binary file.
print(tomllib.load(io.BytesIO(b'k = "v\xc3\xa9"\n[t]\nn = 1\n')))
try:
    tomllib.load(io.StringIO("k = 1"))
except TypeError as e:
    print("TypeError", e)

# parse_float sees the float's text as written.
print(tomllib.loads("a = 1.5\nb = 1_0.2_5e-1\nc = -inf\nd = 3", parse_float=str))
print(tomllib.loads("a = 0.1", parse_float=Fraction))
for bad_float in (lambda s: [], lambda s: {}):
    try:
        tomllib.loads("a = 0.1", parse_float=bad_float)
    except ValueError as e:
        print("ValueError", e)

print(issubclass(tomllib.TOMLDecodeError, ValueError), tomllib.__all__)
print(tomllib.loads(""), tomllib.loads("# only a comment"), tomllib.loads("\n \t\n"))

MALFORMED = [
    "a = 1\na = 2",
    "[a]\n[a]",
    "a = {b = 1}\na.c = 2",
    "a b = 1",
    "a = 'abc",
    "a = 'ab\nc'",
    'a = "a\\qb"',
    'a = "\\u12"',
    'a = "\\uD800"',
    'a = "\\U00110000"',
    "a = [1, 2",
    "a = [1 2]",
    "a = {x = 1 y = 2}",
    "a = {x = 1, x = 2}",
    "a = {x = 1,}",
    "a = {x = 1\n}",
    "[[a]\n",
    "[a\n",
    "# \x01",
    "a = 1 b",
    "= 1",
    "[a]\nb = 1\n[a.b]",
    "a = [1]\n[[a]]",
    "a.b = 1\n[a]",
    "[a.b]\n[a]\nb.c = 1",
    "a = 1979-02-30",
    "a = 1979-05-27T25:00:00",
    "a = tru",
    'a = "abc',
    "a = '''abc",
    'a = """abc',
    "a = \r",
    "a = 1\rb = 2",
    "a = 01",
    "a = 1__0",
    "a = 0x",
    "a = +0x10",
    "a = 1.",
    "a = .5",
    "a = 1e",
    "a = infinity",
    'a = "tab\x7f"',
    'a = """x\\  y"""',
    "[a]]",
    "[]",
    "a.",
    "a = {b = {c = 1}, b.d = 2}",
    "a = {b = 1, b.c = 2}",
    "[[a]]\n[a]",
    "a = []\n[a.b]",
    "a = {}\n[a.b]",
    "x = 1\n[x.y]",
    "x = 1\n[[x.y]]",
    "a.b.c = 1\na.b = 2",
    "[t]\nk.v = 1\n[t.k]",
    "a = 2000-01-01T00:00:00+24:00 ",
    "\ufeffa = 1",
    "a = 'x' 'y'",
    "a = true1",
    "[a b]",
    "[[a]] x",
]
for text in MALFORMED:
    try:
        result = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        print(repr(text), "->", e)
    else:
        print(repr(text), "parsed", result)

for wrong in (b"a = 1", 1):
    try:
        tomllib.loads(wrong)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__)
