"""krait's configparser: INI-style files made of [sections] holding
`name = value` options, with a DEFAULT section, multi-line values,
comments, value interpolation, typed getters, a mapping interface and
write()."""

from collections.abc import MutableMapping
import collections
import functools
import io
import itertools
import os
import re
import sys
import warnings

__all__ = [
    "NoSectionError",
    "DuplicateOptionError",
    "DuplicateSectionError",
    "NoOptionError",
    "InterpolationError",
    "InterpolationDepthError",
    "InterpolationMissingOptionError",
    "InterpolationSyntaxError",
    "ParsingError",
    "MissingSectionHeaderError",
    "ConfigParser",
    "SafeConfigParser",
    "RawConfigParser",
    "Interpolation",
    "BasicInterpolation",
    "ExtendedInterpolation",
    "LegacyInterpolation",
    "SectionProxy",
    "ConverterMapping",
    "DEFAULTSECT",
    "MAX_INTERPOLATION_DEPTH",
]

_ChainMap = collections.ChainMap
_default_dict = dict
DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10


# ------------------------------------------------------------ exceptions

class Error(Exception):
    """Root of the configparser exceptions."""

    def __init__(self, msg=''):
        super().__init__(msg)
        self.message = msg

    def __repr__(self):
        return self.message

    __str__ = __repr__


def _reading_context(source, lineno):
    """'While reading from SOURCE [line NN]' prefix, or None."""
    if source is None:
        return None
    where = f"While reading from {source!r}"
    if lineno is not None:
        where += f" [line {lineno:2d}]"
    return where


class NoSectionError(Error):
    """No section of the given name."""

    def __init__(self, section):
        super().__init__(f"No section: {section!r}")
        self.section = section
        self.args = section,


class DuplicateSectionError(Error):
    """A section name occurs twice (read in strict mode, or add_section)."""

    def __init__(self, section, source=None, lineno=None):
        where = _reading_context(source, lineno)
        if where is None:
            text = f"Section {section!r} already exists"
        else:
            text = f"{where}: section {section!r} already exists"
        super().__init__(text)
        self.args = section, source, lineno
        self.section, self.source, self.lineno = self.args


class DuplicateOptionError(Error):
    """An option occurs twice in one section of a single source."""

    def __init__(self, section, option, source=None, lineno=None):
        what = f"{option!r} in section {section!r} already exists"
        where = _reading_context(source, lineno)
        if where is None:
            text = "Option " + what
        else:
            text = f"{where}: option {what}"
        super().__init__(text)
        self.args = section, option, source, lineno
        self.section, self.option, self.source, self.lineno = self.args


class NoOptionError(Error):
    """The section has no such option."""

    def __init__(self, option, section):
        super().__init__(f"No option {option!r} in section: {section!r}")
        self.args = option, section
        self.option, self.section = self.args


class InterpolationError(Error):
    """Base of the errors raised while substituting values."""

    def __init__(self, option, section, msg):
        super().__init__(msg)
        self.option, self.section = option, section
        self.args = option, section, msg


class InterpolationMissingOptionError(InterpolationError):
    """A reference names an option that does not exist."""

    def __init__(self, option, section, rawval, reference):
        text = (f"Bad value substitution: option {option!r} in section "
                f"{section!r} contains an interpolation key {reference!r} "
                f"which is not a valid option name. Raw value: {rawval!r}")
        super().__init__(option, section, text)
        self.args = option, section, rawval, reference
        self.reference = self.args[-1]


class InterpolationSyntaxError(InterpolationError):
    """A value's substitution syntax is malformed."""


class InterpolationDepthError(InterpolationError):
    """References nest deeper than MAX_INTERPOLATION_DEPTH."""

    def __init__(self, option, section, rawval):
        text = (f"Recursion limit exceeded in value substitution: option "
                f"{option!r} in section {section!r} contains an "
                f"interpolation key which cannot be substituted in "
                f"{MAX_INTERPOLATION_DEPTH} steps. Raw value: {rawval!r}")
        super().__init__(option, section, text)
        self.args = option, section, rawval


_FILENAME_NOTE = ("The 'filename' attribute will be removed in Python 3.12. "
                  "Use 'source' instead.")


class ParsingError(Error):
    """One or more lines of a source could not be parsed."""

    def __init__(self, source=None, filename=None):
        if filename and source:
            raise ValueError("Cannot specify both `filename' and "
                             "`source'. Use `source'.")
        if not (filename or source):
            raise ValueError("Required argument `source' "
                             "not given.")
        source = source or filename
        super().__init__(f"Source contains parsing errors: {source!r}")
        self.source = source
        self.errors = []
        self.args = (source,)

    @property
    def filename(self):
        """Deprecated alias of source."""
        warnings.warn(_FILENAME_NOTE, DeprecationWarning, stacklevel=2)
        return self.source

    @filename.setter
    def filename(self, value):
        warnings.warn(_FILENAME_NOTE, DeprecationWarning, stacklevel=2)
        self.source = value

    def append(self, lineno, line):
        self.errors += [(lineno, line)]
        self.message += "\n\t[line %2d]: %s" % (lineno, line)


class MissingSectionHeaderError(ParsingError):
    """The source has an option line before any [section] header."""

    def __init__(self, filename, lineno, line):
        text = "File contains no section headers.\nfile: %r, line: %d\n%r"
        Error.__init__(self, text % (filename, lineno, line))
        self.args = filename, lineno, line
        self.source, self.lineno, self.line = self.args


_UNSET = object()


# --------------------------------------------------------- interpolation

class Interpolation:
    """No interpolation: values pass through unchanged."""

    def before_get(self, parser, section, option, value, defaults):
        return value

    def before_set(self, parser, section, option, value):
        return value

    def before_read(self, parser, section, option, value):
        return value

    def before_write(self, parser, section, option, value):
        return value


class _MarkerInterpolation(Interpolation):
    """Shared machinery of the `%(name)s` and `${name}` styles.

    A subclass sets _SIGIL (the escape character), _OPEN (what follows
    it to start a reference) and _KEYCRE (a whole reference, the name in
    group 1), and implements _resolve()."""

    def before_get(self, parser, section, option, value, defaults):
        pieces = []
        self._interpolate_some(parser, option, pieces, value, section,
                               defaults, 1)
        return "".join(pieces)

    def before_set(self, parser, section, option, value):
        sigil = self._SIGIL
        leftover = self._KEYCRE.sub("", value.replace(sigil * 2, ""))
        at = leftover.find(sigil)
        if at >= 0:
            raise ValueError(f"invalid interpolation syntax in {value!r} "
                             f"at position {at}")
        return value

    def _interpolate_some(self, parser, option, accum, rest, section, map,
                          depth):
        raw = parser.get(section, option, raw=True, fallback=rest)
        if MAX_INTERPOLATION_DEPTH < depth:
            raise InterpolationDepthError(option, section, raw)
        sigil = self._SIGIL
        while rest:
            at = rest.find(sigil)
            if at < 0:
                accum.append(rest)
                return
            if at > 0:
                accum.append(rest[:at])
                rest = rest[at:]
            after = rest[1:]
            if after[:1] == sigil:
                accum.append(sigil)
                rest = after[1:]
                continue
            if after[:1] == self._OPEN:
                found = self._KEYCRE.match(rest)
                complaint = None if found else (
                    f"bad interpolation variable reference {rest!r}")
            else:
                found, complaint = None, self._bad_follower(rest)
            if complaint is not None:
                raise InterpolationSyntaxError(option, section, complaint)
            rest = rest[found.end():]
            self._resolve(parser, option, section, map, depth, raw,
                          found.group(1), rest, accum)


class BasicInterpolation(_MarkerInterpolation):
    """`%(name)s` stands for option `name` of the same section (or the
    defaults); `%%` is a literal percent sign."""

    _SIGIL = "%"
    _OPEN = "("
    _KEYCRE = re.compile(r"%[(]([^)]+)[)]s")

    @staticmethod
    def _bad_follower(rest):
        return f"'%' must be followed by '%' or '(', found: {rest!r}"

    def _resolve(self, parser, option, section, map, depth, raw, name,
                 rest, accum):
        key = parser.optionxform(name)
        try:
            text = map[key]
        except KeyError:
            missing = InterpolationMissingOptionError(option, section, raw,
                                                      key)
        else:
            missing = None
        if missing is not None:
            raise missing
        if "%" not in text:
            accum.append(text)
            return
        self._interpolate_some(parser, option, accum, text, section, map,
                               depth + 1)


class ExtendedInterpolation(_MarkerInterpolation):
    """`${name}` stands for option `name` of the same section,
    `${section:name}` for one of another section; `$$` is a dollar."""

    _SIGIL = "$"
    _OPEN = "{"
    _KEYCRE = re.compile(r"[$][{]([^}]+)[}]")

    @staticmethod
    def _bad_follower(rest):
        return f"'$' must be followed by '$' or '{{', found: {rest!r}"

    def _resolve(self, parser, option, section, map, depth, raw, name,
                 rest, accum):
        parts = name.split(":")
        if len(parts) > 2:
            complaint = f"More than one ':' found: {rest!r}"
            raise InterpolationSyntaxError(option, section, complaint)
        where, key = section, option
        missing = None
        try:
            if len(parts) == 2:
                where, key = parts[0], parser.optionxform(parts[1])
                text = parser.get(where, key, raw=True)
            else:
                key = parser.optionxform(parts[0])
                text = map[key]
        except (NoSectionError, NoOptionError, KeyError):
            missing = InterpolationMissingOptionError(option, section, raw,
                                                      name)
        if missing is not None:
            raise missing
        if "$" not in text:
            accum.append(text)
            return
        scope = dict(parser.items(where, raw=True))
        self._interpolate_some(parser, key, accum, text, where, scope,
                               depth + 1)


class LegacyInterpolation(Interpolation):
    """Deprecated: the pre-3.2 `%(name)s` substitution."""

    _KEYCRE = re.compile(r"%[(]([^)]*)[)]s|.")

    def __init__(self, *args, **kwargs):
        Interpolation.__init__(self, *args, **kwargs)
        warnings.warn("LegacyInterpolation has been deprecated since Python"
                      " 3.2 and will be removed from the configparser module"
                      " in Python 3.13. Use BasicInterpolation or"
                      " ExtendedInterpolation instead.",
                      DeprecationWarning, stacklevel=2)

    def before_get(self, parser, section, option, value, vars):
        original = value
        normalise = functools.partial(self._interpolation_replace,
                                      parser=parser)

        def pending(text):
            return bool(text) and "%(" in text

        for _round in range(MAX_INTERPOLATION_DEPTH):
            if not pending(value):
                return value
            value = self._KEYCRE.sub(normalise, value)
            try:
                value = value % vars
            except KeyError as missing:
                problem = InterpolationMissingOptionError(
                    option, section, original, missing.args[0])
                raise problem from None
        if pending(value):
            raise InterpolationDepthError(option, section, original)
        return value

    def before_set(self, parser, section, option, value):
        return value

    @staticmethod
    def _interpolation_replace(match, parser):
        name = match.group(1)
        if name is None:
            return match.group()
        return "%%(%s)s" % (parser.optionxform(name),)


# ---------------------------------------------------------------- parser

def _option_pattern(delim, valueless):
    """Verbose regex text matching `name <delim> value` (the value part
    optional when valueless)."""
    tail = r"(?P<vi>{0}) \s* (?P<value>.*)".format(delim)
    if valueless:
        tail = "(?: " + tail + " )?"
    return r"(?P<option>.*?) \s* " + tail + " $"


def _verbose(pattern):
    return re.compile(pattern, re.X)


_STOCK_DELIMITERS = ('=', ':')


class RawConfigParser(MutableMapping):
    """A configuration parser that does no value interpolation."""

    _SECT_TMPL = r"\[ (?P<header>.+) \]  # a name in square brackets"
    _OPT_TMPL = _option_pattern("{delim}", valueless=False)
    _OPT_NV_TMPL = _option_pattern("{delim}", valueless=True)
    _DEFAULT_INTERPOLATION = Interpolation()
    SECTCRE = _verbose(_SECT_TMPL)
    OPTCRE = _verbose(_OPT_TMPL.format(delim="=|:"))
    OPTCRE_NV = _verbose(_OPT_NV_TMPL.format(delim="=|:"))
    NONSPACECRE = re.compile(r"[^\s]")
    BOOLEAN_STATES = dict.fromkeys(("1", "yes", "true", "on"), True)
    BOOLEAN_STATES.update(dict.fromkeys(("0", "no", "false", "off"), False))

    def __init__(self, defaults=None, dict_type=_default_dict,
                 allow_no_value=False, *, delimiters=_STOCK_DELIMITERS,
                 comment_prefixes=('#', ';'), inline_comment_prefixes=None,
                 strict=True, empty_lines_in_values=True,
                 default_section=DEFAULTSECT, interpolation=_UNSET,
                 converters=_UNSET):
        self._dict = dict_type
        self._sections, self._defaults = dict_type(), dict_type()
        self._converters = ConverterMapping(parser=self)
        self._proxies = dict_type()
        self.default_section = default_section
        self._proxies[default_section] = SectionProxy(self, default_section)
        self._delimiters = (*delimiters,)
        self._optcre = self._option_regex(delimiters, allow_no_value)
        self._comment_prefixes = (*(comment_prefixes or ()),)
        self._inline_comment_prefixes = (*(inline_comment_prefixes or ()),)
        self._strict, self._allow_no_value = strict, allow_no_value
        self._empty_lines_in_values = empty_lines_in_values
        self._interpolation = self._pick_interpolation(interpolation)
        if converters is not _UNSET:
            self._converters.update(converters)
        if defaults:
            self._read_defaults(defaults)

    def _option_regex(self, delimiters, valueless):
        if delimiters == _STOCK_DELIMITERS:
            return self.OPTCRE_NV if valueless else self.OPTCRE
        template = self._OPT_NV_TMPL if valueless else self._OPT_TMPL
        alternatives = "|".join(re.escape(d) for d in delimiters)
        return _verbose(template.format(delim=alternatives))

    def _pick_interpolation(self, interpolation):
        if interpolation is _UNSET:
            interpolation = self._DEFAULT_INTERPOLATION
        if interpolation is None:
            interpolation = Interpolation()
        if isinstance(interpolation, Interpolation):
            return interpolation
        raise TypeError("interpolation= must be None or an instance of "
                        "Interpolation; got an object of type "
                        f"{type(interpolation)}")

    def _is_default_name(self, section):
        return section == self.default_section

    # ---------------------------------------------------- sections

    def defaults(self):
        return self._defaults

    def sections(self):
        """The section names, DEFAULT excluded."""
        return [*self._sections]

    def add_section(self, section):
        """Create an empty section; it must not exist yet."""
        if self._is_default_name(section):
            raise ValueError(f"Invalid section name: {section!r}")
        known = self._sections
        if section in known:
            raise DuplicateSectionError(section)
        known[section] = self._dict()
        self._proxies[section] = SectionProxy(self, section)

    def has_section(self, section):
        known = self._sections
        return section in known

    def _section_dict(self, section):
        try:
            return self._sections[section]
        except KeyError:
            raise NoSectionError(section) from None

    def options(self, section):
        """Option names of a section, those inherited from DEFAULT too."""
        merged = self._section_dict(section).copy()
        merged.update(self._defaults)
        return list(merged)

    # ------------------------------------------------------ input

    def read(self, filenames, encoding=None):
        """Read each readable file in turn; return the names read."""
        single = isinstance(filenames, (str, bytes, os.PathLike))
        names = [filenames] if single else filenames
        codec = io.text_encoding(encoding)
        done = []
        for name in names:
            try:
                with open(name, encoding=codec) as stream:
                    self._read(stream, name)
            except OSError:
                continue
            done.append(os.fspath(name) if isinstance(name, os.PathLike)
                        else name)
        return done

    def read_file(self, f, source=None):
        """Read an iterable of lines; source names it in errors."""
        if source is None:
            source = getattr(f, "name", "<???>")
        self._read(f, source)

    def read_string(self, string, source='<string>'):
        self.read_file(io.StringIO(string), source)

    def read_dict(self, dictionary, source='<dict>'):
        """Load {section: {option: value}}; values are turned to str."""
        seen = set()
        strict = self._strict
        for raw_section, entries in dictionary.items():
            name = str(raw_section)
            try:
                self.add_section(name)
            except (ValueError, DuplicateSectionError):
                if strict and name in seen:
                    raise
            seen.add(name)
            for raw_key, raw_value in entries.items():
                key = self.optionxform(str(raw_key))
                text = None if raw_value is None else str(raw_value)
                if strict and (name, key) in seen:
                    raise DuplicateOptionError(name, key, source)
                seen.add((name, key))
                self.set(name, key, text)

    def readfp(self, fp, filename=None):
        """Deprecated spelling of read_file()."""
        warnings.warn("This method will be removed in Python 3.12. Use "
                      "'parser.read_file()' instead.",
                      DeprecationWarning, stacklevel=2)
        self.read_file(fp, filename)

    # ----------------------------------------------------- values

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        """The value of option in section, interpolated unless raw."""
        try:
            scope = self._unify_values(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        key = self.optionxform(option)
        try:
            value = scope[key]
        except KeyError:
            if fallback is not _UNSET:
                return fallback
            raise NoOptionError(key, section)
        if value is None or raw:
            return value
        return self._interpolation.before_get(self, section, key, value,
                                              scope)

    def _get(self, section, conv, option, **kwargs):
        text = self.get(section, option, **kwargs)
        return conv(text)

    def _get_conv(self, section, option, conv, *, raw=False, vars=None,
                  fallback=_UNSET, **kwargs):
        try:
            converted = self._get(section, conv, option, raw=raw,
                                  vars=vars, **kwargs)
        except (NoOptionError, NoSectionError):
            if fallback is not _UNSET:
                return fallback
            raise
        return converted

    def getint(self, section, option, *,
               raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, int, fallback=fallback,
                              raw=raw, vars=vars, **kwargs)

    def getfloat(self, section, option, *,
                 raw=False, vars=None, fallback=_UNSET, **kwargs):
        return self._get_conv(section, option, float, fallback=fallback,
                              raw=raw, vars=vars, **kwargs)

    def getboolean(self, section, option, *,
                   raw=False, vars=None, fallback=_UNSET, **kwargs):
        as_bool = self._convert_to_boolean
        return self._get_conv(section, option, as_bool, fallback=fallback,
                              raw=raw, vars=vars, **kwargs)

    def items(self, section=_UNSET, raw=False, vars=None):
        """Without a section: (name, SectionProxy) pairs.  With one: the
        (option, value) pairs of that section, defaults included."""
        if section is _UNSET:
            return super().items()
        scope = self._defaults.copy()
        try:
            scope.update(self._sections[section])
        except KeyError:
            if not self._is_default_name(section):
                raise NoSectionError(section)
        names = list(scope)
        for key, value in (vars or {}).items():
            scope[self.optionxform(key)] = value
        if raw:
            return [(name, scope[name]) for name in names]
        expand = self._interpolation.before_get
        return [(name, expand(self, section, name, scope[name], scope))
                for name in names]

    def popitem(self):
        """Remove and return the first (name, proxy) pair of a section."""
        names = self.sections()
        if not names:
            raise KeyError
        first = names[0]
        proxy = self[first]
        del self[first]
        return first, proxy

    def optionxform(self, optionstr):
        return optionstr.lower()

    def has_option(self, section, option):
        """Whether section (or, for a false/default name, DEFAULT) has
        the option."""
        if section and not self._is_default_name(section):
            table = self._sections.get(section)
            if table is None:
                return False
            key = self.optionxform(option)
            return key in table or key in self._defaults
        return self.optionxform(option) in self._defaults

    def _target_dict(self, section):
        if section and not self._is_default_name(section):
            return self._section_dict(section)
        return self._defaults

    def set(self, section, option, value=None):
        if value:
            hook = self._interpolation.before_set
            value = hook(self, section, option, value)
        self._target_dict(section)[self.optionxform(option)] = value

    def write(self, fp, space_around_delimiters=True):
        """Write the configuration in .ini format to a text file."""
        sep = self._delimiters[0]
        if space_around_delimiters:
            sep = f" {sep} "
        blocks = [(self.default_section, self._defaults)] \
            if self._defaults else []
        blocks.extend(self._sections.items())
        for name, table in blocks:
            self._write_section(fp, name, table.items(), sep)

    def _write_section(self, fp, section_name, section_items, delimiter):
        fp.write(f"[{section_name}]\n")
        bare_allowed = self._allow_no_value
        hook = self._interpolation.before_write
        for key, stored in section_items:
            value = hook(self, section_name, key, stored)
            if value is None and bare_allowed:
                fp.write(f"{key}\n")
            else:
                shown = str(value).replace("\n", "\n\t")
                fp.write(f"{key}{delimiter}{shown}\n")
        fp.write("\n")

    def remove_option(self, section, option):
        """Delete an option; return whether it existed."""
        table = self._target_dict(section)
        key = self.optionxform(option)
        present = key in table
        if present:
            table.pop(key)
        return present

    def remove_section(self, section):
        """Delete a section; return whether it existed."""
        present = section in self._sections
        if present:
            self._sections.pop(section)
            self._proxies.pop(section)
        return present

    # ------------------------------------------------ mapping API

    def __getitem__(self, key):
        if self._is_default_name(key) or self.has_section(key):
            return self._proxies[key]
        raise KeyError(key)

    def __setitem__(self, key, value):
        if key in self and value is self[key]:
            return
        if self._is_default_name(key):
            self._defaults.clear()
        elif key in self._sections:
            self._sections[key].clear()
        self.read_dict({key: value})

    def __delitem__(self, key):
        if self._is_default_name(key):
            raise ValueError("Cannot remove the default section.")
        if self.has_section(key):
            self.remove_section(key)
        else:
            raise KeyError(key)

    def __contains__(self, key):
        return self._is_default_name(key) or self.has_section(key)

    def __len__(self):
        return 1 + len(self._sections)

    def __iter__(self):
        return itertools.chain([self.default_section], self._sections)

    # ---------------------------------------------------- parsing

    def _comment_start(self, line):
        """Index where a comment begins in line, or None.

        Inline prefixes count only at the line start or after
        whitespace; their occurrences are examined in rounds (the first
        of each prefix, then the second of each, ...) and the earliest
        qualifying one of the first successful round wins.  A line whose
        stripped text starts with a full-line prefix is all comment."""
        start = None
        cursors = {prefix: -1 for prefix in self._inline_comment_prefixes}
        while cursors and start is None:
            advanced = {}
            for prefix, previous in cursors.items():
                at = line.find(prefix, previous + 1)
                if at < 0:
                    continue
                advanced[prefix] = at
                if at == 0 or line[at - 1].isspace():
                    start = at if start is None else min(start, at)
            cursors = advanced
        stripped = line.strip()
        if any(stripped.startswith(p) for p in self._comment_prefixes):
            start = 0
        return start

    def _read(self, fp, fpname):
        """Parse the lines of fp (named fpname in errors) into the parser.

        A value continues on following lines indented deeper than its
        option line.  Empty lines belong to the value when
        empty_lines_in_values is set; otherwise they (like comment-only
        lines) end it.  Bad lines are gathered into one ParsingError,
        raised once everything has been read."""
        seen = set()
        section = current = option = problems = None
        indent = 0
        for number, raw_line in enumerate(fp, 1):
            cut = self._comment_start(raw_line)
            text = raw_line[:cut].strip()
            if not text:
                if not self._empty_lines_in_values:
                    indent = sys.maxsize
                elif (cut is None and current is not None and option
                      and current[option] is not None):
                    current[option].append('')
                continue
            lead = self.NONSPACECRE.search(raw_line)
            depth = lead.start() if lead else 0
            if current is not None and option and depth > indent:
                current[option].append(text)
                continue
            indent = depth
            header = self.SECTCRE.match(text)
            if header:
                section = header.group('header')
                current = self._enter_section(section, seen, fpname, number)
                option = None
                continue
            if current is None:
                raise MissingSectionHeaderError(fpname, number, raw_line)
            parsed = self._optcre.match(text)
            if not parsed:
                problems = self._handle_error(problems, fpname, number,
                                              raw_line)
                continue
            name, _vi, value = parsed.group('option', 'vi', 'value')
            if not name:
                problems = self._handle_error(problems, fpname, number,
                                              raw_line)
            option = self.optionxform(name.rstrip())
            if self._strict and (section, option) in seen:
                raise DuplicateOptionError(section, option, fpname, number)
            seen.add((section, option))
            current[option] = None if value is None else [value.strip()]
        self._join_multiline_values()
        if problems:
            raise problems

    def _enter_section(self, name, seen, fpname, lineno):
        """The dict that options read under header [name] go to."""
        if name in self._sections:
            if self._strict and name in seen:
                raise DuplicateSectionError(name, fpname, lineno)
            seen.add(name)
            return self._sections[name]
        if self._is_default_name(name):
            return self._defaults
        fresh = self._dict()
        self._sections[name] = fresh
        self._proxies[name] = SectionProxy(self, name)
        seen.add(name)
        return fresh

    def _join_multiline_values(self):
        everything = itertools.chain([(self.default_section, self._defaults)],
                                     self._sections.items())
        hook = self._interpolation.before_read
        for section, table in everything:
            for key, value in table.items():
                if isinstance(value, list):
                    value = "\n".join(value).rstrip()
                table[key] = hook(self, section, key, value)

    def _handle_error(self, exc, fpname, lineno, line):
        collected = exc or ParsingError(fpname)
        collected.append(lineno, repr(line))
        return collected

    def _read_defaults(self, defaults):
        self.read_dict({self.default_section: defaults})

    def _unify_values(self, section, vars):
        """A ChainMap of vars, the section's options and the defaults."""
        if self._is_default_name(section) and section not in self._sections:
            own = {}
        else:
            own = self._section_dict(section)
        overrides = {}
        for key, value in (vars or {}).items():
            overrides[self.optionxform(key)] = (None if value is None
                                                else str(value))
        return _ChainMap(overrides, own, self._defaults)

    def _convert_to_boolean(self, value):
        states = self.BOOLEAN_STATES
        lowered = value.lower()
        if lowered not in states:
            raise ValueError(f"Not a boolean: {value}")
        return states[lowered]

    def _validate_value_types(self, *, section="", option="", value=""):
        """ConfigParser only stores strings: reject anything else."""
        for given, what in ((section, "section names"),
                            (option, "option keys")):
            if not isinstance(given, str):
                raise TypeError(f"{what} must be strings")
        if (not self._allow_no_value or value) and not isinstance(value, str):
            raise TypeError("option values must be strings")

    @property
    def converters(self):
        return self._converters


class ConfigParser(RawConfigParser):
    """A configuration parser with `%(name)s` interpolation."""

    _DEFAULT_INTERPOLATION = BasicInterpolation()

    def set(self, section, option, value=None):
        self._validate_value_types(option=option, value=value)
        super().set(section, option, value)

    def add_section(self, section):
        self._validate_value_types(section=section)
        super().add_section(section)

    def _read_defaults(self, defaults):
        saved, self._interpolation = self._interpolation, Interpolation()
        try:
            super()._read_defaults(defaults)
        finally:
            self._interpolation = saved


class SafeConfigParser(ConfigParser):
    """Deprecated alias of ConfigParser."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        warnings.warn("The SafeConfigParser class has been renamed to "
                      "ConfigParser in Python 3.2. This alias will be "
                      "removed in Python 3.12. Use ConfigParser directly "
                      "instead.", DeprecationWarning, stacklevel=2)


class SectionProxy(MutableMapping):
    """One section of a parser, seen as a mapping of its options."""

    def __init__(self, parser, name):
        self._parser = parser
        self._name = name
        for suffix in parser.converters:
            attr = "get" + suffix
            impl = getattr(parser, attr)
            setattr(self, attr, functools.partial(self.get, _impl=impl))

    def __repr__(self):
        return f"<Section: {self._name}>"

    def __getitem__(self, key):
        owner = self._parser
        if owner.has_option(self._name, key):
            return owner.get(self._name, key)
        raise KeyError(key)

    def __setitem__(self, key, value):
        owner = self._parser
        owner._validate_value_types(option=key, value=value)
        return owner.set(self._name, key, value)

    def __delitem__(self, key):
        owner = self._parser
        if owner.has_option(self._name, key):
            if owner.remove_option(self._name, key):
                return
        raise KeyError(key)

    def __contains__(self, key):
        owner = self._parser
        return owner.has_option(self._name, key)

    def __len__(self):
        names = self._options()
        return len(names)

    def __iter__(self):
        return iter(self._options())

    def _options(self):
        owner = self._parser
        if self._name == owner.default_section:
            return owner.defaults()
        return owner.options(self._name)

    @property
    def parser(self):
        return self._parser

    @property
    def name(self):
        return self._name

    def get(self, option, fallback=None, *, raw=False, vars=None,
            _impl=None, **kwargs):
        """Like the parser's get() for this section; fallback defaults to
        None."""
        lookup = _impl or self._parser.get
        return lookup(self._name, option, raw=raw, vars=vars,
                      fallback=fallback, **kwargs)


class ConverterMapping(MutableMapping):
    """The converter functions behind a parser's get<name>() methods.

    Names of getters the parser class defines itself map to None.
    Adding a converter installs get<name>() on the parser and on every
    section proxy; deleting it removes them."""

    GETTERCRE = re.compile(r"^get(?P<name>.+)$")

    def __init__(self, parser):
        self._parser = parser
        self._data = {}
        for attr in dir(parser):
            found = self.GETTERCRE.match(attr)
            if found and callable(getattr(parser, attr)):
                self._data[found.group('name')] = None

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        try:
            attr = "get" + key
        except TypeError:
            raise ValueError(f"Incompatible key: {key} (type: {type(key)})")
        if not key:
            raise ValueError('Incompatible key: cannot use "" as a name')
        self._data[key] = value
        owner = self._parser
        method = functools.partial(owner._get_conv, conv=value)
        method.converter = value
        setattr(owner, attr, method)
        for proxy in owner.values():
            setattr(proxy, attr, functools.partial(proxy.get, _impl=method))

    def __delitem__(self, key):
        try:
            attr = "get" + (key or None)
        except TypeError:
            raise KeyError(key)
        del self._data[key]
        for holder in itertools.chain([self._parser], self._parser.values()):
            try:
                delattr(holder, attr)
            except AttributeError:
                pass

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)
