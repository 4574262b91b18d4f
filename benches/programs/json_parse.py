# String scanning and recursion: a JSON parser and serializer written in
# Python (no json module). Documents of nested objects, arrays, escaped and
# non-ASCII strings, ints, floats and literals are generated with a linear
# congruential generator, serialized compactly or indented, and parsed back
# by recursive descent over the text.
#
# Checked results: a hand-written document parses to the value written out
# by hand, and every generated document survives the round trip unchanged.

WORDS = ("id name value items total price tags meta user owner created "
         "active ratio count path kind label note").split()
TEXTS = ("plain", "with \"quotes\"", "back\\slash", "tab\there", "line\nbreak",
         "caf\u00e9", "snow \u2603 man", "\U0001f600 grin", "ctl\u0001x", "/slash")


class ParseError(Exception):
    pass


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, what):
        raise ParseError("%s at %d" % (what, self.pos))

    def skip_space(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def parse(self):
        value = self.value()
        self.skip_space()
        if self.pos != len(self.text):
            self.fail("trailing text")
        return value

    def value(self):
        self.skip_space()
        if self.pos >= len(self.text):
            self.fail("unexpected end")
        c = self.text[self.pos]
        if c == "{":
            return self.object()
        if c == "[":
            return self.array()
        if c == '"':
            return self.string()
        if c == "-" or "0" <= c <= "9":
            return self.number()
        for word, result in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return result
        self.fail("unexpected %r" % c)

    def expect(self, c):
        self.skip_space()
        if self.pos >= len(self.text) or self.text[self.pos] != c:
            self.fail("expected %r" % c)
        self.pos += 1

    def object(self):
        self.pos += 1
        result = {}
        self.skip_space()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip_space()
            if self.text[self.pos] != '"':
                self.fail("expected a key")
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            self.skip_space()
            c = self.text[self.pos]
            self.pos += 1
            if c == "}":
                return result
            if c != ",":
                self.fail("expected , or }")

    def array(self):
        self.pos += 1
        result = []
        self.skip_space()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip_space()
            c = self.text[self.pos]
            self.pos += 1
            if c == "]":
                return result
            if c != ",":
                self.fail("expected , or ]")

    def hex4(self):
        digits = self.text[self.pos:self.pos + 4]
        if len(digits) != 4:
            self.fail("short \\u escape")
        self.pos += 4
        return int(digits, 16)

    def string(self):
        text = self.text
        pos = self.pos + 1
        chunks = []
        start = pos
        while True:
            if pos >= len(text):
                self.fail("unterminated string")
            c = text[pos]
            if c == '"':
                chunks.append(text[start:pos])
                self.pos = pos + 1
                return "".join(chunks)
            if c == "\\":
                chunks.append(text[start:pos])
                e = text[pos + 1]
                pos += 2
                if e == "u":
                    self.pos = pos
                    code = self.hex4()
                    if 0xD800 <= code < 0xDC00 and text.startswith("\\u", self.pos):
                        self.pos += 2
                        low = self.hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    chunks.append(chr(code))
                    pos = self.pos
                else:
                    chunks.append(ESCAPES[e])
                start = pos
            else:
                pos += 1

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        if text[pos] == "-":
            pos += 1
        while pos < len(text) and text[pos].isdigit():
            pos += 1
        is_float = False
        if pos < len(text) and text[pos] == ".":
            is_float = True
            pos += 1
            while pos < len(text) and text[pos].isdigit():
                pos += 1
        if pos < len(text) and text[pos] in "eE":
            is_float = True
            pos += 1
            if text[pos] in "+-":
                pos += 1
            while pos < len(text) and text[pos].isdigit():
                pos += 1
        self.pos = pos
        literal = text[start:pos]
        return float(literal) if is_float else int(literal)


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
QUOTED = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def quote(s, ascii_only):
    out = ['"']
    for c in s:
        q = QUOTED.get(c)
        if q is not None:
            out.append(q)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        elif ascii_only and c > "\x7e":
            code = ord(c)
            if code >= 0x10000:
                code -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                out.append("\\u%04x" % code)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def serialize(value, out, indent, depth, ascii_only):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, (int, float)):
        out.append(repr(value))
    elif isinstance(value, str):
        out.append(quote(value, ascii_only))
    elif isinstance(value, list):
        if not value:
            out.append("[]")
            return
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            if indent:
                out.append("\n" + " " * (indent * (depth + 1)))
            serialize(item, out, indent, depth + 1, ascii_only)
        if indent:
            out.append("\n" + " " * (indent * depth))
        out.append("]")
    else:
        if not value:
            out.append("{}")
            return
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(",")
            if indent:
                out.append("\n" + " " * (indent * (depth + 1)))
            out.append(quote(key, ascii_only))
            out.append(": " if indent else ":")
            serialize(item, out, indent, depth + 1, ascii_only)
        if indent:
            out.append("\n" + " " * (indent * depth))
        out.append("}")


def dumps(value, indent=0, ascii_only=False):
    out = []
    serialize(value, out, indent, 0, ascii_only)
    return "".join(out)


class Rng:
    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 214013 + 2531011) & 0x7FFFFFFF
        return (self.state >> 7) % n


def generate(rng, depth):
    kind = rng.below(10 if depth < 4 else 6)
    if kind == 0:
        return rng.below(2000000) - 1000000
    if kind == 1:
        return (rng.below(100000) - 50000) / 64.0
    if kind == 2:
        return TEXTS[rng.below(len(TEXTS))] + str(rng.below(100))
    if kind == 3:
        return WORDS[rng.below(len(WORDS))]
    if kind == 4:
        return (True, False, None)[rng.below(3)]
    if kind == 5:
        return rng.below(1000) * 1e-7
    if kind < 8:
        return [generate(rng, depth + 1) for _ in range(rng.below(6))]
    return {WORDS[rng.below(len(WORDS))] + str(i): generate(rng, depth + 1)
            for i in range(rng.below(7))}


def walk(value):
    """(node count, digest) of a parsed value."""
    if isinstance(value, dict):
        n, d = 1, 7
        for key, item in value.items():
            m, e = walk(item)
            n += m
            d = (d * 31 + len(key) * 17 + e) % 1000000007
        return n, d
    if isinstance(value, list):
        n, d = 1, 3
        for item in value:
            m, e = walk(item)
            n += m
            d = (d * 37 + e) % 1000000007
        return n, d
    if isinstance(value, str):
        return 1, sum(ord(c) for c in value) % 1000000007
    if isinstance(value, float):
        return 1, int(value * 1024) % 1000000007
    if value is None:
        return 1, 5
    return 1, int(value) % 1000000007


def main():
    sample = ('{"name": "caf\\u00e9 \\"x\\"", "list": [1, -2.5, 3e2, true, false, null],'
              ' "nested": {"empty": {}, "none": [], "pair": "\\ud83d\\ude00\\n"}}')
    expected = {"name": "caf\u00e9 \"x\"", "list": [1, -2.5, 300.0, True, False, None],
                "nested": {"empty": {}, "none": [], "pair": "\U0001f600\n"}}
    print("hand-written document:", Parser(sample).parse() == expected)
    rng = Rng(42)
    round_trips = True
    nodes = 0
    chars = 0
    digest = 0
    for i in range(1050):
        doc = {"doc": i, "body": [generate(rng, 0) for _ in range(12)]}
        text = dumps(doc, indent=(i % 3), ascii_only=(i % 2 == 0))
        chars += len(text)
        parsed = Parser(text).parse()
        round_trips = round_trips and parsed == doc
        n, d = walk(parsed)
        nodes += n
        digest = (digest * 1009 + d) % 1000000007
    print("documents round trip:", round_trips)
    print("characters", chars, "nodes", nodes)
    print("checksum", digest)


main()
