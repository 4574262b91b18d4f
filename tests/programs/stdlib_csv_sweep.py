# csv against CPython's _csv on random records and dialects: what the
# writer makes of each record (or its error), what the reader makes of the
# text (records, line_num, or the error), and reading hand-broken text.
import csv
import io
import random

rng = random.Random(1234)
ALPHABET = ['a', 'b', ' ', ',', ';', '\t', '"', "'", '\\', '\n', '\r', 'é', '1', '.', '-', 'x y']


def random_field():
    kind = rng.random()
    if kind < 0.08:
        return None
    if kind < 0.16:
        return rng.randint(-1000, 1000)
    if kind < 0.22:
        return rng.choice([0.5, -2.25, 1e20, float("inf"), 3.0])
    if kind < 0.26:
        return True
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 6)))


def random_dialect():
    params = {}
    if rng.random() < 0.4:
        params["delimiter"] = rng.choice([",", ";", "\t", "|", " "])
    if rng.random() < 0.3:
        params["quotechar"] = rng.choice(['"', "'", "|"])
    if rng.random() < 0.3:
        params["escapechar"] = rng.choice(["\\", "/", None])
    if rng.random() < 0.3:
        params["doublequote"] = rng.random() < 0.5
    if rng.random() < 0.2:
        params["skipinitialspace"] = True
    if rng.random() < 0.4:
        params["quoting"] = rng.choice([csv.QUOTE_MINIMAL, csv.QUOTE_ALL,
                                        csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE])
    if rng.random() < 0.3:
        params["lineterminator"] = rng.choice(["\n", "\r\n", "\r", "!\n"])
    if rng.random() < 0.2:
        params["strict"] = True
    return params


def outcome(fn):
    try:
        return fn()
    except (csv.Error, TypeError, ValueError) as e:
        return "%s: %s" % (type(e).__name__, e)


for case in range(400):
    params = random_dialect()
    rows = [[random_field() for _ in range(rng.randint(0, 4))] for _ in range(rng.randint(1, 4))]
    buf = io.StringIO()

    def write():
        w = csv.writer(buf, **params)
        for row in rows:
            w.writerow(row)
        return buf.getvalue()

    text = outcome(write)
    print(case, params, repr(text))
    if text.startswith(("Error", "TypeError", "ValueError")):
        continue
    if params.get("quoting") == csv.QUOTE_NONNUMERIC:
        continue

    def read():
        r = csv.reader(io.StringIO(text, newline=""), **params)
        got = list(r)
        return got, r.line_num

    print("  ", outcome(read))

# Text broken by hand: each read whole, with the error where it stops.
BROKEN = [
    'a,"b\n',
    'a,"b"c,d\n',
    'a,b"c,d\n',
    '"a""b",c\r\nd\n',
    'a\rb\n',
    'x,"y\nz",w\n',
    '"unterminated',
    'a,b\\\n',
    '\n\n,\n',
    ' "q", r\n',
]
for text in BROKEN:
    for params in ({}, {"strict": True}, {"escapechar": "\\"}, {"skipinitialspace": True},
                   {"quoting": csv.QUOTE_NONE}, {"doublequote": False}):
        def read():
            r = csv.reader(io.StringIO(text, newline=""), **params)
            got = []
            try:
                for record in r:
                    got.append(record)
            except csv.Error as e:
                got.append("Error at %d: %s" % (r.line_num, e))
            return got
        print(repr(text), params, outcome(read))

# Lines given as a list: a record whose quoted field spans elements.
print(list(csv.reader(['a,"b', 'c",d', 'e'])))
print(list(csv.reader(['1,2', '', '3'])))
# QUOTE_NONNUMERIC reads unquoted fields as floats.
print(list(csv.reader(['1,"2",3.5,-inf'], quoting=csv.QUOTE_NONNUMERIC)))
print(outcome(lambda: list(csv.reader(['1,abc'], quoting=csv.QUOTE_NONNUMERIC))))
# The field size limit counts characters.
old = csv.field_size_limit(5)
print(outcome(lambda: list(csv.reader(['abcde,é' * 1]))), outcome(lambda: list(csv.reader(['abcdef']))))
print(outcome(lambda: list(csv.reader(['"abcdef"']))), csv.field_size_limit(old))
print(outcome(lambda: csv.field_size_limit(1, 2)), outcome(lambda: csv.field_size_limit("x")))
print(csv.field_size_limit(new_limit=old), csv.field_size_limit())
# Writers return what write returned; writerows writes each row.


class Counting:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s) * 10


c = Counting()
w = csv.writer(c)
print(w.writerow(["a", 1]), w.writerows([[1], [2, 3]]), c.parts)
print(outcome(lambda: csv.writer(object())), outcome(lambda: w.writerow(5)))
print(type(csv.reader([])).__name__, type(w).__name__, csv.Error.__module__, w.dialect.delimiter)


class Money:
    def __float__(self):
        return 1.5

    def __str__(self):
        return "1.50"


class Tag(str):
    def __str__(self):
        return "tag!"


buf = io.StringIO()
csv.writer(buf, quoting=csv.QUOTE_NONNUMERIC).writerow([Money(), Tag("t"), 2, "s", None, 1.0])
print(repr(buf.getvalue()))


# A reader over lines a generator makes, which reads the same reader.
def lines():
    yield "a,b"
    yield "c,d"


r = csv.reader(lines())
print(next(r), r.line_num, list(r), r.line_num)
