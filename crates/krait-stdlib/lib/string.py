"""Common string operations (CPython's `string`): the character-class
constants, capwords, Template ($-substitution) and Formatter (str.format's
machinery, open to subclasses).

krait has no `re` yet, so Template's placeholder scanner and its identifier
pattern are matched by a small matcher written here (see `_Pattern`), and
Formatter.parse is a hand-written copy of str.format's field scanner.
"""

__all__ = [
    "ascii_letters",
    "ascii_lowercase",
    "ascii_uppercase",
    "capwords",
    "digits",
    "hexdigits",
    "octdigits",
    "printable",
    "punctuation",
    "whitespace",
    "Formatter",
    "Template",
]

whitespace = " \t\n\r\v\f"
ascii_lowercase = "abcdefghijklmnopqrstuvwxyz"
ascii_uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = digits + "abcdef" + "ABCDEF"
octdigits = "01234567"
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s on sep, capitalize each word, and join with sep (one space
    when sep is None)."""
    return (sep or " ").join(map(str.capitalize, s.split(sep)))


# ---------------------------------------------------------------------------
# A matcher for the identifier patterns of Template.
#
# It understands what idpatterns are made of: literal characters, `.`,
# classes like `[_a-z0-9]` (with ranges, negation and \w \d \s escapes),
# the escapes \w \d \s \W \D \S, the quantifiers * + ? {m} {m,n} (greedy,
# with backtracking), and groups `(...)`, `(?:...)`, `(?a:...)`, `(?i:...)`,
# `(?-i:...)` without alternation.

_IGNORECASE = 2  # re.IGNORECASE's value, the default of Template.flags


def _class_escape(char):
    """The test for the class escape \\char, or None for a literal."""
    if char == "w":
        return lambda c: c.isalnum() or c == "_"
    if char == "d":
        return lambda c: c.isdigit()
    if char == "s":
        return lambda c: c.isspace()
    if char == "W":
        return lambda c: not (c.isalnum() or c == "_")
    if char == "D":
        return lambda c: not c.isdigit()
    if char == "S":
        return lambda c: not c.isspace()
    return None


class _Pattern:
    """A compiled idpattern: `match(text, pos)` returns the end of the
    longest match starting at pos, or -1."""

    def __init__(self, source, flags):
        self.source = source
        self._text = source
        self._pos = 0
        self._items = self._parse_sequence(bool(flags & _IGNORECASE), ascii_only=False)
        if self._pos != len(self._text):
            raise ValueError(f"unsupported pattern for krait's Template: {source!r}")

    # parsing -------------------------------------------------------------

    def _peek(self):
        return self._text[self._pos] if self._pos < len(self._text) else ""

    def _parse_sequence(self, ignorecase, ascii_only):
        items = []
        while self._pos < len(self._text) and self._peek() not in ")|":
            atom = self._parse_atom(ignorecase, ascii_only)
            low, high = self._parse_quantifier()
            items.append((atom, low, high))
        if self._peek() == "|":
            raise ValueError(f"unsupported pattern for krait's Template: {self.source!r}")
        return items

    def _parse_atom(self, ignorecase, ascii_only):
        text = self._text
        char = text[self._pos]
        self._pos += 1
        if char == "(":
            if text.startswith("?", self._pos):
                end = text.index(":", self._pos)
                flags = text[self._pos + 1 : end]
                self._pos = end + 1
                on, _, off = flags.partition("-")
                if "i" in on:
                    ignorecase = True
                if "i" in off:
                    ignorecase = False
                if "a" in on:
                    ascii_only = True
            inner = self._parse_sequence(ignorecase, ascii_only)
            if self._peek() != ")":
                raise ValueError(f"unsupported pattern for krait's Template: {self.source!r}")
            self._pos += 1
            return ("group", inner)
        if char == "[":
            return ("test", self._parse_class(ignorecase, ascii_only))
        if char == ".":
            return ("test", lambda c: c != "\n")
        if char == "\\":
            char = text[self._pos]
            self._pos += 1
            test = _class_escape(char)
            if test is not None:
                return ("test", self._restrict(test, ascii_only))
        return ("test", self._literal(char, ignorecase))

    @staticmethod
    def _restrict(test, ascii_only):
        if not ascii_only:
            return test
        return lambda c: c.isascii() and test(c)

    @staticmethod
    def _literal(char, ignorecase):
        if ignorecase:
            folded = char.lower()
            return lambda c: c.lower() == folded
        return lambda c: c == char

    def _parse_class(self, ignorecase, ascii_only):
        text = self._text
        negate = text.startswith("^", self._pos)
        if negate:
            self._pos += 1
        ranges = []
        tests = []
        first = True
        while True:
            char = text[self._pos]
            self._pos += 1
            if char == "]" and not first:
                break
            first = False
            if char == "\\":
                char = text[self._pos]
                self._pos += 1
                test = _class_escape(char)
                if test is not None:
                    tests.append(self._restrict(test, ascii_only))
                    continue
            if text.startswith("-", self._pos) and text[self._pos + 1] != "]":
                end = text[self._pos + 1]
                self._pos += 2
                ranges.append((char, end))
            else:
                ranges.append((char, char))

        def test(c):
            candidates = (c, c.lower(), c.upper()) if ignorecase else (c,)
            found = any(t(c) for t in tests) or any(
                low <= x <= high for x in candidates for low, high in ranges
            )
            return found != negate

        return test

    def _parse_quantifier(self):
        char = self._peek()
        if char == "*":
            self._pos += 1
            return 0, None
        if char == "+":
            self._pos += 1
            return 1, None
        if char == "?":
            self._pos += 1
            return 0, 1
        if char == "{" and "}" in self._text[self._pos :]:
            end = self._text.index("}", self._pos)
            body = self._text[self._pos + 1 : end]
            low, comma, high = body.partition(",")
            if (low.isdigit() or (comma and not low)) and (high.isdigit() or not high):
                self._pos = end + 1
                low = int(low) if low else 0
                if not comma:
                    return low, low
                return low, int(high) if high else None
        return 1, 1

    # matching -------------------------------------------------------------

    def match(self, text, pos):
        for end in self._match_items(self._items, 0, text, pos):
            return end
        return -1

    def match_ends(self, text, pos):
        """All the ends of matches at pos, longest first (backtracking)."""
        return self._match_items(self._items, 0, text, pos)

    def _match_items(self, items, index, text, pos):
        """Yield the ends of matches of items[index:], greediest first."""
        if index == len(items):
            yield pos
            return
        atom, low, high = items[index]
        # Collect the positions after 0, 1, 2... repetitions of the atom.
        ends = [pos]
        while high is None or len(ends) - 1 < high:
            step = self._match_atom(atom, text, ends[-1])
            if step < 0 or (step == ends[-1] and len(ends) > low):
                break
            ends.append(step)
        for count in range(len(ends) - 1, low - 1, -1):
            yield from self._match_items(items, index + 1, text, ends[count])

    def _match_atom(self, atom, text, pos):
        kind, value = atom
        if kind == "group":
            for end in self._match_items(value, 0, text, pos):
                return end
            return -1
        if pos < len(text) and value(text[pos]):
            return pos + 1
        return -1


class _Placeholder:
    """One match of a Template's placeholder scanner: the groups of
    CPython's pattern (escaped, named, braced, invalid) and the span."""

    __slots__ = ("start", "end", "escaped", "named", "braced", "invalid", "text")

    def __init__(self, text, start, end, escaped=None, named=None, braced=None, invalid=None):
        self.text = text
        self.start = start
        self.end = end
        self.escaped = escaped
        self.named = named
        self.braced = braced
        self.invalid = invalid

    def group(self):
        return self.text[self.start : self.end]


_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls._compile()

    @classmethod
    def _compile(cls):
        idpattern = cls.idpattern
        braceidpattern = cls.braceidpattern or idpattern
        cls._id_matcher = _Pattern(idpattern, cls.flags)
        cls._braced_matcher = _Pattern(braceidpattern, cls.flags)

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield the placeholders of the template, left to right."""
        text = self.template
        delimiter = self.delimiter
        size = len(delimiter)
        pos = 0
        while True:
            start = text.find(delimiter, pos)
            if start < 0 or not delimiter:
                return
            after = start + size
            if text.startswith(delimiter, after):
                yield _Placeholder(text, start, after + size, escaped=delimiter)
                pos = after + size
                continue
            end = self._id_matcher.match(text, after)
            if end >= 0:
                yield _Placeholder(text, start, end, named=text[after:end])
                pos = end
                continue
            if text.startswith("{", after):
                found = False
                for end in self._braced_matcher.match_ends(text, after + 1):
                    if text.startswith("}", end):
                        found = True
                        break
                if found:
                    yield _Placeholder(text, start, end + 1, braced=text[after + 1 : end])
                    pos = end + 1
                    continue
            yield _Placeholder(text, start, after, invalid="")
            pos = after

    def _invalid(self, placeholder):
        # CPython counts from the (empty) "invalid" group, just past the delimiter.
        i = placeholder.end
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    def _substitute(self, mapping, safe):
        pieces = []
        pos = 0
        for placeholder in self._scan():
            pieces.append(self.template[pos : placeholder.start])
            pos = placeholder.end
            named = placeholder.named if placeholder.named is not None else placeholder.braced
            if named is not None:
                if safe:
                    try:
                        pieces.append(str(mapping[named]))
                    except KeyError:
                        pieces.append(placeholder.group())
                else:
                    pieces.append(str(mapping[named]))
            elif placeholder.escaped is not None:
                pieces.append(self.delimiter)
            elif safe:
                pieces.append(placeholder.group())
            else:
                self._invalid(placeholder)
        pieces.append(self.template[pos:])
        return "".join(pieces)

    @staticmethod
    def _mapping(mapping, kws):
        if mapping is _sentinel_dict:
            return kws
        if kws:
            from collections import ChainMap

            return ChainMap(kws, mapping)
        return mapping

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(self._mapping(mapping, kws), safe=False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(self._mapping(mapping, kws), safe=True)

    def is_valid(self):
        for placeholder in self._scan():
            if placeholder.invalid is not None:
                return False
        return True

    def get_identifiers(self):
        identifiers = []
        for placeholder in self._scan():
            named = placeholder.named if placeholder.named is not None else placeholder.braced
            if named is not None and named not in identifiers:
                identifiers.append(named)
        return identifiers


Template._compile()


# ---------------------------------------------------------------------------
# Formatter


def _parse_format(format_string):
    """Yield (literal_text, field_name, format_spec, conversion) for each
    piece of a format string, as str.format's own scanner splits it."""
    text = format_string
    end = len(text)
    pos = 0
    while pos < end:
        literal_start = pos
        char = ""
        markup_follows = False
        while pos < end:
            char = text[pos]
            pos += 1
            if char == "{" or char == "}":
                markup_follows = True
                break
        at_end = pos >= end
        length = pos - literal_start
        if char == "}" and markup_follows and (at_end or text[pos] != "}"):
            raise ValueError("Single '}' encountered in format string")
        if at_end and char == "{" and markup_follows:
            raise ValueError("Single '{' encountered in format string")
        if markup_follows and not at_end:
            if text[pos] == char:
                pos += 1
                markup_follows = False
            else:
                length -= 1
        literal = text[literal_start : literal_start + length]
        if not markup_follows:
            yield (literal, None, None, None)
            continue

        # The field: its name runs to '}', ':' or '!' (brackets skipped).
        name_start = pos
        char = ""
        while pos < end:
            char = text[pos]
            pos += 1
            if char == "{":
                raise ValueError("unexpected '{' in field name")
            if char == "[":
                while pos < end and text[pos] != "]":
                    pos += 1
                continue
            if char in "}:!":
                break
        field_name = text[name_start : pos - 1]
        conversion = None
        format_spec = ""
        if char == "!" or char == ":":
            done = False
            if char == "!":
                if pos >= end:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = text[pos]
                pos += 1
                if pos < end:
                    char = text[pos]
                    pos += 1
                    if char == "}":
                        done = True
                    elif char != ":":
                        raise ValueError("expected ':' after conversion specifier")
            if not done:
                spec_start = pos
                depth = 1
                while pos < end:
                    char = text[pos]
                    pos += 1
                    if char == "{":
                        depth += 1
                    elif char == "}":
                        depth -= 1
                        if depth == 0:
                            break
                else:
                    raise ValueError("unmatched '{' in format spec")
                format_spec = text[spec_start : pos - 1]
        elif char != "}":
            raise ValueError("expected '}' before end of string")
        yield (literal, field_name, format_spec, conversion)


def _as_index(text):
    return int(text) if text and text.isascii() and text.isdigit() else text


def _split_field_name(field_name):
    """(first, [(is_attribute, key), ...]) for a field name like a.b[0]."""
    text = field_name
    end = len(text)
    pos = 0
    while pos < end and text[pos] not in ".[":
        pos += 1
    first = _as_index(text[:pos])
    rest = []
    while pos < end:
        char = text[pos]
        pos += 1
        if char == ".":
            start = pos
            while pos < end and text[pos] not in ".[":
                pos += 1
            if pos == start:
                raise ValueError("Empty attribute in format string")
            rest.append((True, text[start:pos]))
        elif char == "[":
            start = pos
            while pos < end and text[pos] != "]":
                pos += 1
            if pos >= end:
                raise ValueError("Missing ']' in format string")
            if pos == start:
                raise ValueError("Empty attribute in format string")
            rest.append((False, _as_index(text[start:pos])))
            pos += 1
            if pos < end and text[pos] not in ".[":
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    """str.format's machinery, with each step a method to override."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            if field_name == "":
                if auto_arg_index is False:
                    raise ValueError(
                        "cannot switch from manual field specification to automatic field numbering"
                    )
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # CPython's Formatter says "manual to automatic" here too.
                    raise ValueError(
                        "cannot switch from manual field specification to automatic field numbering"
                    )
                # Manual numbering from now on.
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1, auto_arg_index=auto_arg_index
            )
            result.append(self.format_field(obj, format_spec))
        return "".join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == "s":
            return str(value)
        if conversion == "r":
            return repr(value)
        if conversion == "a":
            return ascii(value)
        raise ValueError(f"Unknown conversion specifier {conversion!s}")

    def parse(self, format_string):
        """Iterate over (literal_text, field_name, format_spec, conversion)."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
