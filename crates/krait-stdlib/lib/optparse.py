"""krait's optparse: declare options on an OptionParser, then parse_args()
returns (Values, remaining positional arguments)."""

__version__ = "1.5.3"

__all__ = ['Option', 'make_option', 'SUPPRESS_HELP', 'SUPPRESS_USAGE',
           'Values', 'OptionContainer', 'OptionGroup', 'OptionParser',
           'HelpFormatter', 'IndentedHelpFormatter', 'TitledHelpFormatter',
           'OptParseError', 'OptionError', 'OptionConflictError',
           'OptionValueError', 'BadOptionError', 'check_choice']

import os
import sys
import textwrap


def gettext(message):
    return message


_ = gettext


def ngettext(singular, plural, n):
    return singular if n == 1 else plural


def _repr(self):
    return f"<{type(self).__name__} at {id(self):#x}: {self}>"


_ABSTRACT = "subclasses must implement"


# --------------------------------------------------------------- errors

class OptParseError(Exception):
    def __init__(self, msg):
        self.msg = msg

    def __str__(self):
        return self.msg


class OptionError(OptParseError):
    """An Option was declared with bad arguments."""

    def __init__(self, msg, option):
        self.msg, self.option_id = msg, f"{option}"

    def __str__(self):
        where = self.option_id
        return f"option {where}: {self.msg}" if where else self.msg


class OptionConflictError(OptionError):
    """An option string is already used by another option."""


class OptionValueError(OptParseError):
    """A command-line value failed its type check."""


class BadOptionError(OptParseError):
    """An option string on the command line is unknown."""

    def __init__(self, opt_str):
        self.opt_str = opt_str

    def __str__(self):
        template = _("no such option: %s")
        return template % (self.opt_str,)


class AmbiguousOptionError(BadOptionError):
    """A long-option prefix names more than one option."""

    def __init__(self, opt_str, possibilities):
        self.opt_str, self.possibilities = opt_str, possibilities

    def __str__(self):
        template = _("ambiguous option: %s (%s?)")
        return template % (self.opt_str, ", ".join(self.possibilities))


# ----------------------------------------------------------- formatting

def _terminal_columns():
    raw = os.environ.get('COLUMNS')
    try:
        return int(raw) - 2
    except (TypeError, ValueError):
        return 78


class HelpFormatter:
    """Base class of help formatters; see IndentedHelpFormatter."""

    NO_DEFAULT_VALUE = "none"

    def __init__(self, indent_increment, max_help_position, width, short_first):
        if width is None:
            width = _terminal_columns()
        cap = min(max_help_position, max(width - 20, 2 * indent_increment))
        self.parser = None
        self.width = width
        self.indent_increment, self.short_first = indent_increment, short_first
        self.max_help_position = self.help_position = cap
        self.current_indent = self.level = 0
        self.help_width = None
        self.default_tag, self.option_strings = "%default", {}
        self._short_opt_fmt, self._long_opt_fmt = "%s %s", "%s=%s"

    def set_parser(self, parser):
        self.parser = parser

    def set_short_opt_delimiter(self, delim):
        permitted = ("", " ")
        if delim not in permitted:
            raise ValueError("invalid metavar delimiter for short options: "
                             + repr(delim))
        self._short_opt_fmt = delim.join(("%s", "%s"))

    def set_long_opt_delimiter(self, delim):
        permitted = ("=", " ")
        if delim not in permitted:
            raise ValueError("invalid metavar delimiter for long options: "
                             + repr(delim))
        self._long_opt_fmt = delim.join(("%s", "%s"))

    def indent(self):
        step = self.indent_increment
        self.current_indent = self.current_indent + step
        self.level = self.level + 1

    def dedent(self):
        step = self.indent_increment
        self.current_indent = self.current_indent - step
        assert 0 <= self.current_indent, "Indent decreased below 0."
        self.level = self.level - 1

    def format_usage(self, usage):
        raise NotImplementedError(_ABSTRACT)

    def format_heading(self, heading):
        raise NotImplementedError(_ABSTRACT)

    def _format_text(self, text):
        margin = " " * self.current_indent
        avail = self.width - self.current_indent
        return textwrap.fill(text, max(avail, 11),
                             initial_indent=margin, subsequent_indent=margin)

    def format_description(self, description):
        return f"{self._format_text(description)}\n" if description else ""

    def format_epilog(self, epilog):
        return f"\n{self._format_text(epilog)}\n" if epilog else ""

    def expand_default(self, option):
        tag = self.default_tag
        if self.parser is None or not tag:
            return option.help
        shown = self.parser.defaults.get(option.dest)
        if shown is None or shown is NO_DEFAULT:
            shown = self.NO_DEFAULT_VALUE
        return option.help.replace(tag, str(shown))

    def format_option(self, option):
        column = self.help_position
        margin = " " * self.current_indent
        label = self.option_strings[option]
        room = column - self.current_indent - 2
        if len(label) <= room:
            head = margin + label.ljust(room) + "  "
            first_pad = ""
        else:
            head = margin + label + "\n"
            first_pad = " " * column
        if not option.help:
            return head if head.endswith("\n") else head + "\n"
        wrapped = textwrap.wrap(self.expand_default(option), self.help_width)
        body = [first_pad + wrapped[0] + "\n"]
        body.extend(" " * column + rest + "\n" for rest in wrapped[1:])
        return head + "".join(body)

    def store_option_strings(self, parser):
        widest = 0

        def remember(options):
            nonlocal widest
            for opt in options:
                label = self.format_option_strings(opt)
                self.option_strings[opt] = label
                widest = max(widest, self.current_indent + len(label))

        self.indent()
        remember(parser.option_list)
        self.indent()
        for grp in parser.option_groups:
            remember(grp.option_list)
        self.dedent()
        self.dedent()
        self.help_position = min(self.max_help_position, widest + 2)
        self.help_width = max(11, self.width - self.help_position)

    def format_option_strings(self, option):
        """Return e.g. '-f FILE, --file=FILE' for an option."""
        shorts = list(option._short_opts)
        longs = list(option._long_opts)
        if option.takes_value():
            mv = option.metavar or option.dest.upper()
            shorts = [self._short_opt_fmt % (s, mv) for s in shorts]
            longs = [self._long_opt_fmt % (s, mv) for s in longs]
        ordered = shorts + longs if self.short_first else longs + shorts
        return ", ".join(ordered)


class IndentedHelpFormatter(HelpFormatter):
    """Section bodies indented under 'Heading:' lines."""

    def __init__(self, indent_increment=2, max_help_position=24, width=None,
                 short_first=1):
        super().__init__(indent_increment, max_help_position, width,
                         short_first)

    def format_usage(self, usage):
        return _("Usage: %s\n") % (usage,)

    def format_heading(self, heading):
        return " " * self.current_indent + heading + ":\n"


class TitledHelpFormatter(HelpFormatter):
    """Underlined section headings."""

    def __init__(self, indent_increment=0, max_help_position=24, width=None,
                 short_first=0):
        super().__init__(indent_increment, max_help_position, width,
                         short_first)

    def format_usage(self, usage):
        return self.format_heading(_("Usage")) + "  " + usage + "\n"

    def format_heading(self, heading):
        rule = "=-"[self.level] * len(heading)
        return heading + "\n" + rule + "\n"


# ------------------------------------------------------- value checking

def _parse_num(val, type):
    lead = val[:2].lower()
    base = 10
    if lead == "0x":
        base = 16
    elif lead == "0b":
        base = 2
        val = val[2:] or "0"
    elif val.startswith("0"):
        base = 8
    return type(val, base)


def _parse_int(val):
    return _parse_num(val, type=int)


_builtin_cvt = {"int": (_parse_int, _("integer")),
                "long": (_parse_int, _("integer")),
                "float": (float, _("floating-point")),
                "complex": (complex, _("complex"))}


def check_builtin(option, opt, value):
    converter, kind = _builtin_cvt[option.type]
    try:
        converted = converter(value)
    except ValueError:
        template = _("option %s: invalid %s value: %r")
        raise OptionValueError(template % (opt, kind, value))
    return converted


def check_choice(option, opt, value):
    allowed = option.choices
    if value in allowed:
        return value
    listing = ", ".join(repr(c) for c in allowed)
    template = _("option %s: invalid choice: %r (choose from %s)")
    raise OptionValueError(template % (opt, value, listing))


NO_DEFAULT = "NO", "DEFAULT"


# --------------------------------------------------------------- Option

class Option:
    """One command-line option: its strings, action, type and dest."""

    ATTRS = ['action', 'type', 'dest', 'default', 'nargs', 'const',
             'choices', 'callback', 'callback_args', 'callback_kwargs',
             'help', 'metavar']

    ACTIONS = ("store", "store_const", "store_true", "store_false",
               "append", "append_const", "count", "callback", "help",
               "version")
    STORE_ACTIONS = ACTIONS[:7]
    TYPED_ACTIONS = "store", "append", "callback"
    ALWAYS_TYPED_ACTIONS = "store", "append"
    CONST_ACTIONS = "store_const", "append_const"
    TYPES = "string", "int", "long", "float", "complex", "choice"

    TYPE_CHECKER = dict.fromkeys(("int", "long", "float", "complex"),
                                 check_builtin)
    TYPE_CHECKER["choice"] = check_choice

    CHECK_METHODS = None

    def __init__(self, *opts, **attrs):
        self._short_opts, self._long_opts = [], []
        self._set_opt_strings(self._check_opt_strings(opts))
        self._set_attrs(attrs)
        for check in self.CHECK_METHODS:
            check(self)

    def _check_opt_strings(self, opts):
        given = [o for o in opts if o]
        if not given:
            raise TypeError("at least one option string must be supplied")
        return given

    def _set_opt_strings(self, opts):
        for text in opts:
            size = len(text)
            if size < 2:
                raise OptionError(f"invalid option string {text!r}: must be"
                                  " at least two characters long", self)
            if size == 2:
                if text[0] != "-" or text[1] == "-":
                    raise OptionError(
                        f"invalid short option string {text!r}: must be of"
                        " the form -x, (x any non-dash char)", self)
                self._short_opts.append(text)
            else:
                if not text.startswith("--") or text[2] == "-":
                    raise OptionError(
                        f"invalid long option string {text!r}: must start"
                        " with --, followed by non-dash", self)
                self._long_opts.append(text)

    def _set_attrs(self, attrs):
        for name in self.ATTRS:
            fallback = NO_DEFAULT if name == 'default' else None
            setattr(self, name, attrs.pop(name, fallback))
        if attrs:
            extra = ", ".join(sorted(attrs))
            raise OptionError(f"invalid keyword arguments: {extra}", self)

    # Consistency checks; CHECK_METHODS runs them in order.

    def _check_action(self):
        act = self.action
        if act is None:
            self.action = "store"
        elif act not in self.ACTIONS:
            raise OptionError(f"invalid action: {act!r}", self)

    def _check_type(self):
        kind, act = self.type, self.action
        if kind is None:
            if act in self.ALWAYS_TYPED_ACTIONS:
                self.type = "string" if self.choices is None else "choice"
            return
        if isinstance(kind, type):
            kind = kind.__name__
        if kind == "str":
            kind = "string"
        self.type = kind
        if kind not in self.TYPES:
            raise OptionError(f"invalid option type: {kind!r}", self)
        if act not in self.TYPED_ACTIONS:
            raise OptionError(f"must not supply a type for action {act!r}",
                              self)

    def _check_choice(self):
        kind, options = self.type, self.choices
        if kind != "choice":
            if options is None:
                return
            raise OptionError(f"must not supply choices for type {kind!r}",
                              self)
        if options is None:
            raise OptionError("must supply a list of choices for type "
                              "'choice'", self)
        if not isinstance(options, (tuple, list)):
            kind = str(type(options)).split("'")[1]
            raise OptionError(
                f"choices must be a list of strings ('{kind}' supplied)", self)

    def _check_dest(self):
        if self.dest is not None:
            return
        if self.action in self.STORE_ACTIONS or self.type is not None:
            if self._long_opts:
                first = self._long_opts[0]
                self.dest = first[2:].replace("-", "_")
            else:
                self.dest = self._short_opts[0][1:]

    def _check_const(self):
        act = self.action
        if act not in self.CONST_ACTIONS and self.const is not None:
            raise OptionError(
                f"'const' must not be supplied for action {act!r}", self)

    def _check_nargs(self):
        act, count = self.action, self.nargs
        if act in self.TYPED_ACTIONS:
            if count is None:
                self.nargs = 1
        elif count is not None:
            raise OptionError(
                f"'nargs' must not be supplied for action {act!r}", self)

    def _check_callback(self):
        func = self.callback
        cargs, ckw = self.callback_args, self.callback_kwargs
        if self.action != "callback":
            if func is not None:
                raise OptionError(f"callback supplied ({func!r}) "
                                  "for non-callback option", self)
            for name, given in (("callback_args", cargs),
                                ("callback_kwargs", ckw)):
                if given is not None:
                    raise OptionError(
                        f"{name} supplied for non-callback option", self)
            return
        if not callable(func):
            raise OptionError(f"callback not callable: {func!r}", self)
        if cargs is not None and not isinstance(cargs, tuple):
            raise OptionError("callback_args, if supplied, must be a tuple:"
                              f" not {cargs!r}", self)
        if ckw is not None and not isinstance(ckw, dict):
            raise OptionError("callback_kwargs, if supplied, must be a dict:"
                              f" not {ckw!r}", self)

    CHECK_METHODS = [_check_action, _check_type, _check_choice, _check_dest,
                     _check_const, _check_nargs, _check_callback]

    def __str__(self):
        return "/".join([*self._short_opts, *self._long_opts])

    __repr__ = _repr

    def takes_value(self):
        return self.type is not None

    def get_opt_string(self):
        return (self._long_opts or self._short_opts)[0]

    # Processing of one occurrence on the command line.

    def check_value(self, opt, value):
        validate = self.TYPE_CHECKER.get(self.type)
        if validate is None:
            return value
        return validate(self, opt, value)

    def convert_value(self, opt, value):
        if value is None:
            return None
        check = self.check_value
        if self.nargs == 1:
            return check(opt, value)
        return tuple(check(opt, item) for item in value)

    def process(self, opt, value, values, parser):
        converted = self.convert_value(opt, value)
        return self.take_action(self.action, self.dest, opt, converted,
                                values, parser)

    def take_action(self, action, dest, opt, value, values, parser):
        if action in ("store", "store_const", "store_true", "store_false"):
            stored = {"store": value, "store_const": self.const,
                      "store_true": True, "store_false": False}[action]
            setattr(values, dest, stored)
        elif action in ("append", "append_const"):
            item = value if action == "append" else self.const
            values.ensure_value(dest, []).append(item)
        elif action == "count":
            so_far = values.ensure_value(dest, 0)
            setattr(values, dest, so_far + 1)
        elif action == "help" or action == "version":
            if action == "help":
                parser.print_help()
            else:
                parser.print_version()
            parser.exit()
        elif action != "callback":
            raise ValueError(f"unknown action {self.action!r}")
        else:
            self.callback(self, opt, value, parser,
                          *(self.callback_args or ()),
                          **(self.callback_kwargs or {}))
        return 1


SUPPRESS_HELP = "SUPPRESS" + "HELP"
SUPPRESS_USAGE = "SUPPRESS" + "USAGE"


# --------------------------------------------------------------- Values

class Values:
    """Attribute bag holding parsed option values."""

    def __init__(self, defaults=None):
        for key, val in (defaults or {}).items():
            setattr(self, key, val)

    def __str__(self):
        return str(vars(self))

    __repr__ = _repr

    def __eq__(self, other):
        if isinstance(other, dict):
            return vars(self) == other
        if not isinstance(other, Values):
            return NotImplemented
        return vars(self) == vars(other)

    def _update_careful(self, dict):
        """Copy over entries of dict naming existing attributes (not None)."""
        for name in dir(self):
            if name in dict and dict[name] is not None:
                setattr(self, name, dict[name])

    def _update_loose(self, dict):
        vars(self).update(dict)

    def _update(self, dict, mode):
        handler = {"careful": self._update_careful,
                   "loose": self._update_loose}.get(mode)
        if handler is None:
            raise ValueError(f"invalid update mode: {mode!r}")
        handler(dict)

    def read_module(self, modname, mode="careful"):
        __import__(modname)
        self._update(vars(sys.modules[modname]), mode)

    def read_file(self, filename, mode="careful"):
        scope = {}
        with open(filename) as handle:
            source = handle.read()
        exec(source, scope)
        self._update(scope, mode)

    def ensure_value(self, attr, value):
        current = getattr(self, attr, None)
        if current is None:
            setattr(self, attr, value)
            current = value
        return current


# ----------------------------------------------------------- containers

class OptionContainer:
    """Shared base of OptionParser and OptionGroup."""

    def __init__(self, option_class, conflict_handler, description):
        self._create_option_list()
        self.option_class = option_class
        self.set_conflict_handler(conflict_handler)
        self.set_description(description)

    def _create_option_mappings(self):
        self._short_opt, self._long_opt, self.defaults = {}, {}, {}

    def _share_option_mappings(self, parser):
        shared = parser._short_opt, parser._long_opt, parser.defaults
        self._short_opt, self._long_opt, self.defaults = shared

    def set_conflict_handler(self, handler):
        if handler != "error" and handler != "resolve":
            raise ValueError(f"invalid conflict_resolution value {handler!r}")
        self.conflict_handler = handler

    def set_description(self, description):
        self.description = description

    def get_description(self):
        return self.description

    def destroy(self):
        del self._short_opt, self._long_opt, self.defaults

    def _table_for(self, opt_string):
        if opt_string.startswith("--"):
            return self._long_opt
        return self._short_opt

    def _check_conflict(self, option):
        taken = []
        for text in option._short_opts + option._long_opts:
            owner = self._table_for(text).get(text)
            if owner is not None:
                taken.append((text, owner))
        if not taken:
            return
        mode = self.conflict_handler
        if mode == "error":
            names = ", ".join(text for text, _owner in taken)
            complaint = f"conflicting option string(s): {names}"
            raise OptionConflictError(complaint, option)
        if mode != "resolve":
            return
        for text, owner in taken:
            strings = owner._long_opts if text.startswith("--") \
                else owner._short_opts
            strings.remove(text)
            del self._table_for(text)[text]
            if not owner._short_opts and not owner._long_opts:
                owner.container.option_list.remove(owner)

    def add_option(self, *args, **kwargs):
        """add_option(Option) or add_option(opt_str, ..., kwarg=val, ...)"""
        first = args[0]
        if isinstance(first, str):
            made = self.option_class(*args, **kwargs)
        elif len(args) != 1 or kwargs:
            raise TypeError("invalid arguments")
        elif isinstance(first, Option):
            made = first
        else:
            raise TypeError(f"not an Option instance: {first!r}")

        self._check_conflict(made)
        made.container = self
        self.option_list += [made]
        for text in made._short_opts:
            self._short_opt[text] = made
        for text in made._long_opts:
            self._long_opt[text] = made

        dest = made.dest
        if dest is not None:
            if made.default is NO_DEFAULT:
                self.defaults.setdefault(dest, None)
            else:
                self.defaults[dest] = made.default
        return made

    def add_options(self, option_list):
        for each in option_list:
            self.add_option(each)

    def get_option(self, opt_str):
        return self._short_opt.get(opt_str) or self._long_opt.get(opt_str)

    def has_option(self, opt_str):
        return opt_str in self._short_opt or opt_str in self._long_opt

    def remove_option(self, opt_str):
        found = self._short_opt.get(opt_str)
        if found is None:
            found = self._long_opt.get(opt_str)
        if found is None:
            raise ValueError(f"no such option {opt_str!r}")
        for text in found._short_opts:
            self._short_opt.pop(text)
        for text in found._long_opts:
            self._long_opt.pop(text)
        found.container.option_list.remove(found)

    def format_option_help(self, formatter):
        shown = [formatter.format_option(opt) for opt in self.option_list
                 if opt.help is not SUPPRESS_HELP]
        return "".join(shown)

    def format_description(self, formatter):
        return formatter.format_description(self.get_description())

    def format_help(self, formatter):
        chunks = []
        if self.description:
            chunks.append(self.format_description(formatter))
        if self.option_list:
            chunks.append(self.format_option_help(formatter))
        return "\n".join(chunks)


class OptionGroup(OptionContainer):
    """A titled block of options in the parser's help."""

    def __init__(self, parser, title, description=None):
        self.parser = parser
        super().__init__(parser.option_class, parser.conflict_handler,
                         description)
        self.title = title

    def _create_option_list(self):
        self.option_list = []
        self._share_option_mappings(self.parser)

    def set_title(self, title):
        self.title = title

    def destroy(self):
        super().destroy()
        del self.option_list

    def format_help(self, formatter):
        heading = formatter.format_heading(self.title)
        formatter.indent()
        try:
            inner = OptionContainer.format_help(self, formatter)
        finally:
            formatter.dedent()
        return heading + inner


class OptionParser(OptionContainer):
    """Parses a command line according to its declared options."""

    standard_option_list = []

    def __init__(self, usage=None, option_list=None, option_class=Option,
                 version=None, conflict_handler="error", description=None,
                 formatter=None, add_help_option=True, prog=None,
                 epilog=None):
        super().__init__(option_class, conflict_handler, description)
        self.set_usage(usage)
        self.prog, self.version, self.epilog = prog, version, epilog
        self.allow_interspersed_args = self.process_default_values = True
        fmt = IndentedHelpFormatter() if formatter is None else formatter
        fmt.set_parser(self)
        self.formatter = fmt
        self._populate_option_list(option_list, add_help=add_help_option)
        self._init_parsing_state()

    def destroy(self):
        super().destroy()
        for grp in self.option_groups:
            grp.destroy()
        del self.option_list, self.option_groups, self.formatter

    # ------------------------------------------------------------ setup

    def _create_option_list(self):
        self.option_list, self.option_groups = [], []
        self._create_option_mappings()

    def _add_help_option(self):
        text = _("show this help message and exit")
        self.add_option("-h", "--help", action="help", help=text)

    def _add_version_option(self):
        text = _("show program's version number and exit")
        self.add_option("--version", action="version", help=text)

    def _populate_option_list(self, option_list, add_help=True):
        for batch in (self.standard_option_list, option_list):
            if batch:
                self.add_options(batch)
        if self.version:
            self._add_version_option()
        if add_help:
            self._add_help_option()

    def _init_parsing_state(self):
        self.rargs = self.largs = self.values = None

    def set_usage(self, usage):
        if usage is SUPPRESS_USAGE:
            self.usage = None
        elif usage is None:
            self.usage = "%prog [options]"
        elif usage.lower()[:7] == "usage: ":
            self.usage = usage[7:]
        else:
            self.usage = usage

    def enable_interspersed_args(self):
        self.allow_interspersed_args = True

    def disable_interspersed_args(self):
        self.allow_interspersed_args = False

    def set_process_default_values(self, process):
        self.process_default_values = process

    def set_default(self, dest, value):
        self.defaults[dest] = value

    def set_defaults(self, **kwargs):
        for key, val in kwargs.items():
            self.defaults[key] = val

    def _get_all_options(self):
        every = list(self.option_list)
        for grp in self.option_groups:
            every += grp.option_list
        return every

    def get_default_values(self):
        initial = dict(self.defaults)
        if self.process_default_values:
            for opt in self._get_all_options():
                raw = initial.get(opt.dest)
                if isinstance(raw, str):
                    initial[opt.dest] = opt.check_value(
                        opt.get_opt_string(), raw)
        return Values(initial)

    def add_option_group(self, *args, **kwargs):
        first = args[0]
        if isinstance(first, str):
            grp = OptionGroup(self, *args, **kwargs)
        elif len(args) != 1 or kwargs:
            raise TypeError("invalid arguments")
        elif not isinstance(first, OptionGroup):
            raise TypeError(f"not an OptionGroup instance: {first!r}")
        elif first.parser is not self:
            raise ValueError("invalid OptionGroup (wrong parser)")
        else:
            grp = first
        self.option_groups += [grp]
        return grp

    def get_option_group(self, opt_str):
        found = self.get_option(opt_str)
        if found and found.container is not self:
            return found.container
        return None

    # ---------------------------------------------------------- parsing

    def _get_args(self, args):
        return sys.argv[1:] if args is None else args[:]

    def parse_args(self, args=None, values=None):
        """Parse args (default sys.argv[1:]); return (values, leftovers)."""
        pending = self._get_args(args)
        values = self.get_default_values() if values is None else values
        self.rargs = pending
        self.largs = kept = []
        self.values = values
        try:
            self._process_args(kept, pending, values)
        except (BadOptionError, OptionValueError) as problem:
            self.error(str(problem))
        return self.check_values(values, kept + pending)

    def check_values(self, values, args):
        return values, args

    def _process_args(self, largs, rargs, values):
        while rargs:
            head = rargs[0]
            if head == "--":
                del rargs[0]
                return
            if head.startswith("--"):
                handler = self._process_long_opt
            elif len(head) > 1 and head[0] == "-":
                handler = self._process_short_opts
            elif self.allow_interspersed_args:
                largs.append(rargs.pop(0))
                continue
            else:
                return
            handler(rargs, values)

    def _match_long_opt(self, opt):
        return _match_abbrev(opt, wordmap=self._long_opt)

    def _consume_values(self, opt, option, rargs):
        count = option.nargs
        if len(rargs) < count:
            message = ngettext("%(option)s option requires %(number)d"
                               " argument",
                               "%(option)s option requires %(number)d"
                               " arguments", count)
            self.error(message % {"option": opt, "number": count})
        taken = rargs[:count]
        del rargs[:count]
        return taken[0] if count == 1 else tuple(taken)

    def _process_long_opt(self, rargs, values):
        word = rargs.pop(0)
        name, eq, attached = word.partition("=")
        if eq:
            rargs.insert(0, attached)
        name = self._match_long_opt(name)
        option = self._long_opt[name]
        value = None
        if option.takes_value():
            value = self._consume_values(name, option, rargs)
        elif eq:
            self.error(_("%s option does not take a value") % (name,))
        option.process(name, value, values, self)

    def _process_short_opts(self, rargs, values):
        cluster = rargs.pop(0)
        for pos in range(1, len(cluster)):
            flag = "-" + cluster[pos]
            option = self._short_opt.get(flag)
            if not option:
                raise BadOptionError(flag)
            value = None
            rest_is_value = False
            if option.takes_value():
                tail = cluster[pos + 1:]
                if tail:
                    rargs.insert(0, tail)
                    rest_is_value = True
                value = self._consume_values(flag, option, rargs)
            option.process(flag, value, values, self)
            if rest_is_value:
                break

    # --------------------------------------------------------- feedback

    def get_prog_name(self):
        if self.prog is not None:
            return self.prog
        return os.path.split(sys.argv[0])[1]

    def expand_prog_name(self, s):
        name = self.get_prog_name()
        return s.replace("%prog", name)

    def get_description(self):
        return self.expand_prog_name(self.description)

    def exit(self, status=0, msg=None):
        if msg:
            sys.stderr.write(msg)
        sys.exit(status)

    def error(self, msg):
        """Print usage and msg to stderr, then exit with status 2."""
        self.print_usage(file=sys.stderr)
        self.exit(2, f"{self.get_prog_name()}: error: {msg}\n")

    def get_usage(self):
        if not self.usage:
            return ""
        return self.formatter.format_usage(self.expand_prog_name(self.usage))

    def print_usage(self, file=None):
        if self.usage:
            text = self.get_usage()
            print(text, file=file)

    def get_version(self):
        return self.expand_prog_name(self.version) if self.version else ""

    def print_version(self, file=None):
        if self.version:
            text = self.get_version()
            print(text, file=file)

    def format_option_help(self, formatter=None):
        fmt = self.formatter if formatter is None else formatter
        fmt.store_option_strings(self)
        blocks = []
        fmt.indent()
        if self.option_list:
            blocks.append(OptionContainer.format_option_help(self, fmt))
        blocks.extend(grp.format_help(fmt) for grp in self.option_groups)
        fmt.dedent()
        if not blocks:
            return ""
        return fmt.format_heading(_("Options")) + "\n".join(blocks)

    def format_epilog(self, formatter):
        return formatter.format_epilog(self.epilog)

    def format_help(self, formatter=None):
        fmt = self.formatter if formatter is None else formatter
        text = ""
        if self.usage:
            text += self.get_usage() + "\n"
        if self.description:
            text += self.format_description(fmt) + "\n"
        return text + self.format_option_help(fmt) + self.format_epilog(fmt)

    def print_help(self, file=None):
        (sys.stdout if file is None else file).write(self.format_help())


def _match_abbrev(s, wordmap):
    """Resolve s to a key of wordmap, accepting a unique prefix."""
    if s in wordmap:
        return s
    hits = sorted(word for word in wordmap if word.startswith(s))
    if not hits:
        raise BadOptionError(s)
    if len(hits) > 1:
        raise AmbiguousOptionError(s, hits)
    return hits[0]


make_option = Option
