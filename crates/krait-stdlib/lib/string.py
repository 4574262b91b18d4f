"""Character classes, capwords, $-templates (Template) and a str.format
engine whose steps are methods (Formatter)."""

import re as _re

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = " \t\n\r\x0b\x0c"
ascii_lowercase = "".join(map(chr, range(97, 123)))
ascii_uppercase = ascii_lowercase.upper()
ascii_letters = ascii_lowercase + ascii_uppercase
digits = "0123456789"
hexdigits = "0123456789abcdefABCDEF"
octdigits = digits[:8]
punctuation = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum())
printable = "".join((digits, ascii_letters, punctuation, whitespace))


def capwords(s, sep=None):
    joiner = " " if sep is None else sep
    return joiner.join([word.capitalize() for word in s.split(sep)])


# --------------------------------------------------------------- Template

_NO_MAPPING = {}


def _template_regex(cls):
    own = cls.__dict__.get("pattern")
    if own is not None:
        source = own
    else:
        mark = _re.escape(cls.delimiter)
        plain = cls.idpattern
        braced = cls.braceidpattern or plain
        source = (mark + "(?:(?P<escaped>" + mark + ")|(?P<named>" + plain
                  + ")|{(?P<braced>" + braced + ")}|(?P<invalid>))")
    return _re.compile(source, cls.flags | _re.VERBOSE)


class Template:
    """A string with $name / ${name} placeholders."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls.pattern = _template_regex(cls)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        where = mo.start("invalid")
        before = self.template[:where].splitlines(True)
        if before:
            line_no, col_no = len(before), len(before[-1])
        else:
            line_no = col_no = 1
        raise ValueError("Invalid placeholder in string: line %d, col %d"
                         % (line_no, col_no))

    def _lookup_table(self, mapping, kws):
        if mapping is _NO_MAPPING:
            return kws
        if not kws:
            return mapping
        from collections import ChainMap
        return ChainMap(kws, mapping)

    def _unknown_group(self):
        return ValueError("Unrecognized named group in pattern", self.pattern)

    def substitute(self, mapping=_NO_MAPPING, /, **kws):
        table = self._lookup_table(mapping, kws)

        def replace(mo):
            key = mo.group("named") or mo.group("braced")
            if key is not None:
                return str(table[key])
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                self._invalid(mo)
            raise self._unknown_group()

        return self.pattern.sub(replace, self.template)

    def safe_substitute(self, mapping=_NO_MAPPING, /, **kws):
        table = self._lookup_table(mapping, kws)

        def replace(mo):
            key = mo.group("named") or mo.group("braced")
            if key is not None:
                try:
                    return str(table[key])
                except KeyError:
                    return mo.group()
            if mo.group("escaped") is not None:
                return self.delimiter
            if mo.group("invalid") is not None:
                return mo.group()
            raise self._unknown_group()

        return self.pattern.sub(replace, self.template)

    def is_valid(self):
        for mo in self.pattern.finditer(self.template):
            if mo.group("invalid") is not None:
                return False
            if (mo.group("named") is None and mo.group("braced") is None
                    and mo.group("escaped") is None):
                raise self._unknown_group()
        return True

    def get_identifiers(self):
        names = []
        for mo in self.pattern.finditer(self.template):
            key = mo.group("named") or mo.group("braced")
            if key is None:
                if (mo.group("invalid") is None
                        and mo.group("escaped") is None):
                    raise self._unknown_group()
            elif key not in names:
                names.append(key)
        return names


Template.pattern = _template_regex(Template)


# -------------------------------------------------------------- Formatter



def _scan(format_string):
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


def _key_of(text):
    if text.isdecimal():
        return int(text)
    return text


def _field_parts(name, pos):
    """The (is_attribute, key) steps after the first part of a field, as
    a list; a malformed rest raises only once iteration reaches it (as
    _string.formatter_field_name_split's iterator does)."""
    steps = []
    size = len(name)
    problem = None
    while pos < size:
        if name[pos] == ".":
            stop = name.find(".", pos + 1)
            bracket = name.find("[", pos + 1)
            if stop < 0:
                stop = size if bracket < 0 else bracket
            elif 0 <= bracket < stop:
                stop = bracket
            if stop == pos + 1:
                problem = "Empty attribute in format string"
                break
            steps.append((True, name[pos + 1:stop]))
            pos = stop
            continue
        close = name.find("]", pos + 1)
        if close < 0:
            problem = "Missing ']' in format string"
            break
        if close == pos + 1:
            problem = "Empty attribute in format string"
            break
        steps.append((False, _key_of(name[pos + 1:close])))
        pos = close + 1
        if pos < size and name[pos] not in ".[":
            problem = ("Only '.' or '[' may follow ']' in format field "
                       "specifier")
            break
    if problem is None:
        return steps
    return _failing_after(steps, problem)


def _failing_after(steps, problem):
    yield from steps
    raise ValueError(problem)


def _split_name(name):
    cut = name.find(".")
    bracket = name.find("[")
    if cut < 0 or 0 <= bracket < cut:
        cut = bracket
    if cut < 0:
        return _key_of(name), ()
    return _key_of(name[:cut]), _field_parts(name, cut)


class Formatter:
    """str.format's engine, one overridable method per step."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        seen = set()
        text, _ = self._vformat(format_string, args, kwargs, seen, 2)
        self.check_unused_args(seen, args, kwargs)
        return text

    def _vformat(self, format_string, args, kwargs, used_args,
                 recursion_depth, auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError("Max string recursion exceeded")
        pieces = []
        counter = auto_arg_index
        for text, name, spec, conv in self.parse(format_string):
            if text:
                pieces.append(text)
            if name is None:
                continue
            if not name:
                if counter is False:
                    raise ValueError("cannot switch from manual field "
                                     "specification to automatic field "
                                     "numbering")
                name = str(counter)
                counter += 1
            elif name.isdigit():
                if counter:
                    raise ValueError("cannot switch from manual field "
                                     "specification to automatic field "
                                     "numbering")
                counter = False
            value, key = self.get_field(name, args, kwargs)
            used_args.add(key)
            value = self.convert_field(value, conv)
            spec, counter = self._vformat(spec, args, kwargs, used_args,
                                          recursion_depth - 1,
                                          auto_arg_index=counter)
            pieces.append(self.format_field(value, spec))
        return "".join(pieces), counter

    def get_value(self, key, args, kwargs):
        return args[key] if isinstance(key, int) else kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        convert = {"s": str, "r": repr, "a": ascii}.get(conversion)
        if convert is None:
            raise ValueError("Unknown conversion specifier %s" % (conversion,))
        return convert(value)

    def parse(self, format_string):
        return _scan(format_string)

    def get_field(self, field_name, args, kwargs):
        first, steps = _split_name(field_name)
        value = self.get_value(first, args, kwargs)
        for is_attr, key in steps:
            value = getattr(value, key) if is_attr else value[key]
        return value, first
