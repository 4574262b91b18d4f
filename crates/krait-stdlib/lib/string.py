"""Common string operations (CPython's `string`): the character-class
constants, capwords, Template ($-substitution) and Formatter (str.format's
machinery, open to subclasses).

Template's placeholders are found by a regular expression built from the
class's delimiter and identifier patterns (`Template.pattern`), as in
CPython; Formatter.parse is a hand-written copy of str.format's field
scanner.
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


import re as _re

_sentinel_dict = {}


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = "$"
    idpattern = r"(?a:[_a-z][_a-z0-9]*)"
    braceidpattern = None
    flags = _re.IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls._compile()

    @classmethod
    def _compile(cls):
        # The scanner: an escaped delimiter, a named or braced identifier,
        # or a delimiter followed by anything else (an invalid one). A
        # subclass may give its own `pattern` with those four groups.
        re = _re
        if "pattern" in cls.__dict__:
            pattern = cls.pattern
        else:
            delimiter = re.escape(cls.delimiter)
            identifier = cls.idpattern
            braced = cls.braceidpattern or cls.idpattern
            pattern = (
                f"{delimiter}(?:(?P<escaped>{delimiter})|(?P<named>{identifier})"
                f"|{{(?P<braced>{braced})}}|(?P<invalid>))"
            )
        cls.pattern = re.compile(pattern, cls.flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    def _invalid(self, match):
        i = match.start("invalid")
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len("".join(lines[:-1]))
            lineno = len(lines)
        raise ValueError(f"Invalid placeholder in string: line {lineno}, col {colno}")

    @staticmethod
    def _mapping(mapping, kws):
        if mapping is _sentinel_dict:
            return kws
        if kws:
            from collections import ChainMap

            return ChainMap(kws, mapping)
        return mapping

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = self._mapping(mapping, kws)

        def convert(match):
            named = match.group("named") or match.group("braced")
            if named is not None:
                return str(mapping[named])
            if match.group("escaped") is not None:
                return self.delimiter
            if match.group("invalid") is not None:
                self._invalid(match)
            raise ValueError("Unrecognized named group in pattern", self.pattern)

        return self.pattern.sub(convert, self.template)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        mapping = self._mapping(mapping, kws)

        def convert(match):
            named = match.group("named") or match.group("braced")
            if named is not None:
                try:
                    return str(mapping[named])
                except KeyError:
                    return match.group()
            if match.group("escaped") is not None:
                return self.delimiter
            if match.group("invalid") is not None:
                return match.group()
            raise ValueError("Unrecognized named group in pattern", self.pattern)

        return self.pattern.sub(convert, self.template)

    def is_valid(self):
        for match in self.pattern.finditer(self.template):
            if match.group("invalid") is not None:
                return False
            if (match.group("named") is None and match.group("braced") is None
                    and match.group("escaped") is None):
                raise ValueError("Unrecognized named group in pattern", self.pattern)
        return True

    def get_identifiers(self):
        identifiers = []
        for match in self.pattern.finditer(self.template):
            named = match.group("named") or match.group("braced")
            if named is not None and named not in identifiers:
                identifiers.append(named)
            elif (named is None and match.group("invalid") is None
                    and match.group("escaped") is None):
                raise ValueError("Unrecognized named group in pattern", self.pattern)
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
