"""Command-line parsing (CPython 3.11's `argparse`): ArgumentParser,
its actions, argument groups, mutually exclusive groups, sub-commands and
the HelpFormatter family, with CPython's parsing rules, help layout and
error messages.

Messages are not translated (no gettext). The terminal width comes from
the COLUMNS environment variable, else `os.get_terminal_size()` when the
host provides it, else 80 columns (what `shutil.get_terminal_size` does).
"""

import os as _os
import re as _re
import sys as _sys

__all__ = [
    "ArgumentParser", "ArgumentError", "ArgumentTypeError",
    "BooleanOptionalAction", "FileType", "HelpFormatter",
    "ArgumentDefaultsHelpFormatter", "RawDescriptionHelpFormatter",
    "RawTextHelpFormatter", "MetavarTypeHelpFormatter", "Namespace",
    "Action", "ONE_OR_MORE", "OPTIONAL", "PARSER", "REMAINDER", "SUPPRESS",
    "ZERO_OR_MORE",
]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
PARSER = "A..."
REMAINDER = "..."
_UNRECOGNIZED_ARGS_ATTR = "_unrecognized_args"


def _plural(count, one, many):
    return one if count == 1 else many


def _copy_items(items):
    if items is None:
        return []
    # A plain list is copied by slicing (the common case); anything else
    # keeps its own type through copy.copy.
    if type(items) is list:
        return items[:]
    import copy
    return copy.copy(items)


def _terminal_columns():
    try:
        columns = int(_os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    get_size = getattr(_os, "get_terminal_size", None)
    if get_size is not None:
        try:
            return get_size(_sys.__stdout__.fileno()).columns or 80
        except (AttributeError, ValueError, OSError):
            pass
    return 80


class _AttributeHolder(object):
    """Gives a repr listing `_get_args()` then `name=value` pairs from
    `_get_kwargs()`; names that are not identifiers go in a `**{...}`."""

    def __repr__(self):
        parts = [repr(arg) for arg in self._get_args()]
        odd_names = {}
        for name, value in self._get_kwargs():
            if name.isidentifier():
                parts.append("%s=%r" % (name, value))
            else:
                odd_names[name] = value
        if odd_names:
            parts.append("**%r" % (odd_names,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


# ---------------------------------------------------------------- formatting

_whitespace_run = _re.compile(r"\s+", _re.ASCII)
_blank_line_runs = _re.compile(r"\n\n\n+")
# One usage element: a bracketed or parenthesised group (up to the next
# space), or a run of non-space characters.
_usage_part = _re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")
_space_after_open = _re.compile(r"([\[(]) ")
_space_before_close = _re.compile(r" ([\])])")
_empty_brackets = _re.compile(r"[\[(] *[\])]")


class _Section(object):
    """A titled block of the help (or the root); its items are functions
    called at format time, so the indentation is known then."""

    def __init__(self, formatter, parent, heading=None):
        self.formatter = formatter
        self.parent = parent
        self.heading = heading
        self.items = []

    def format_help(self):
        formatter = self.formatter
        if self.parent is not None:
            formatter._indent()
        body = formatter._join_parts([func(*args) for func, args in self.items])
        if self.parent is not None:
            formatter._dedent()
        if not body:
            return ""
        heading = ""
        if self.heading is not SUPPRESS and self.heading is not None:
            heading = "%*s%s:\n" % (formatter._current_indent, "", self.heading)
        return formatter._join_parts(["\n", heading, body, "\n"])


class HelpFormatter(object):
    """Lays out usage and help text; the subclasses change single steps
    (text filling, line splitting, the help string, default metavars)."""

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            width = _terminal_columns() - 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position,
                                      max(width - 20, indent_increment * 2))
        self._width = width
        self._current_indent = 0
        self._level = 0
        self._action_max_length = 0
        self._root_section = _Section(self, None)
        self._current_section = self._root_section
        self._whitespace_matcher = _whitespace_run
        self._long_break_matcher = _blank_line_runs

    _Section = _Section

    def _indent(self):
        self._current_indent += self._indent_increment
        self._level += 1

    def _dedent(self):
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, "Indent decreased below 0."
        self._level -= 1

    def _add_item(self, func, args):
        self._current_section.items.append((func, args))

    # -- the public building interface

    def start_section(self, heading):
        self._indent()
        section = _Section(self, self._current_section, heading)
        self._add_item(section.format_help, [])
        self._current_section = section

    def end_section(self):
        self._current_section = self._current_section.parent
        self._dedent()

    def add_text(self, text):
        if text is not SUPPRESS and text is not None:
            self._add_item(self._format_text, [text])

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is not SUPPRESS:
            self._add_item(self._format_usage, [usage, actions, groups, prefix])

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        # The widest invocation (the action's and its sub-actions', each
        # at its indentation) decides where the help column starts.
        longest = len(self._format_action_invocation(action))
        for subaction in self._iter_indented_subactions(action):
            longest = max(longest, len(self._format_action_invocation(subaction)))
        self._action_max_length = max(self._action_max_length,
                                      longest + self._current_indent)
        self._add_item(self._format_action, [action])

    def add_arguments(self, actions):
        for action in actions:
            self.add_argument(action)

    def format_help(self):
        text = self._root_section.format_help()
        if text:
            text = self._long_break_matcher.sub("\n\n", text)
            text = text.strip("\n") + "\n"
        return text

    def _join_parts(self, part_strings):
        return "".join([part for part in part_strings
                        if part and part is not SUPPRESS])

    # -- usage

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        if usage is not None:
            usage = usage % dict(prog=self._prog)
        elif not actions:
            usage = "%(prog)s" % dict(prog=self._prog)
        else:
            prog = "%(prog)s" % dict(prog=self._prog)
            optionals = [a for a in actions if a.option_strings]
            positionals = [a for a in actions if not a.option_strings]
            usage = " ".join([s for s in (prog, self._format_actions_usage(
                optionals + positionals, groups)) if s])
            text_width = self._width - self._current_indent
            if len(prefix) + len(usage) > text_width:
                usage = self._wrap_usage(prog, prefix, optionals, positionals,
                                         groups, text_width)
        return "%s%s\n\n" % (prefix, usage)

    def _wrap_usage(self, prog, prefix, optionals, positionals, groups,
                    text_width):
        opt_parts = _usage_part.findall(self._format_actions_usage(optionals, groups))
        pos_parts = _usage_part.findall(self._format_actions_usage(positionals, groups))

        def fill(parts, indent, prefix=None):
            # Greedy filling; the first line follows the prefix instead of
            # the indent when there is one.
            lines = []
            line = []
            used = (len(prefix) if prefix is not None else len(indent)) - 1
            for part in parts:
                if line and used + 1 + len(part) > text_width:
                    lines.append(indent + " ".join(line))
                    line = []
                    used = len(indent) - 1
                line.append(part)
                used += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if prefix is not None:
                lines[0] = lines[0][len(indent):]
            return lines

        if len(prefix) + len(prog) <= 0.75 * text_width:
            # Continuation lines line up after "usage: prog ".
            indent = " " * (len(prefix) + len(prog) + 1)
            if opt_parts:
                lines = fill([prog] + opt_parts, indent, prefix)
                lines.extend(fill(pos_parts, indent))
            elif pos_parts:
                lines = fill([prog] + pos_parts, indent, prefix)
            else:
                lines = [prog]
        else:
            # A long prog stands alone; the arguments go under "usage: ".
            indent = " " * len(prefix)
            lines = fill(opt_parts + pos_parts, indent)
            if len(lines) > 1:
                lines = fill(opt_parts, indent) + fill(pos_parts, indent)
            lines = [prog] + lines
        return "\n".join(lines)

    def _format_actions_usage(self, actions, groups):
        # Brackets, parentheses and bars of the mutually exclusive groups
        # whose actions appear together, keyed by the position they go.
        in_groups = set()
        inserts = {}
        for group in groups:
            members = group._group_actions
            if not members:
                raise ValueError(f"empty group {group}")
            try:
                start = actions.index(members[0])
            except ValueError:
                continue
            end = start + len(members)
            if actions[start:end] != members:
                continue
            shown = 0
            for action in members:
                in_groups.add(action)
                if action.help is not SUPPRESS:
                    shown += 1
            if not shown:
                continue
            if not group.required:
                opener, closer = "[", "]"
            elif shown > 1:
                opener, closer = "(", ")"
            else:
                opener = closer = None
            if opener is not None:
                inserts[start] = inserts[start] + " " + opener if start in inserts else opener
                inserts[end] = inserts[end] + closer if end in inserts else closer
            for i in range(start + 1, end):
                inserts[i] = "|"

        parts = []
        for i, action in enumerate(actions):
            if action.help is SUPPRESS:
                # Keep a place (None) and drop the bar next to it.
                parts.append(None)
                if inserts.get(i) == "|":
                    del inserts[i]
                elif inserts.get(i + 1) == "|":
                    del inserts[i + 1]
            elif not action.option_strings:
                part = self._format_args(
                    action, self._get_default_metavar_for_positional(action))
                if action in in_groups and part[0] == "[" and part[-1] == "]":
                    part = part[1:-1]
                parts.append(part)
            else:
                if action.nargs == 0:
                    part = action.format_usage()
                else:
                    args = self._format_args(
                        action, self._get_default_metavar_for_optional(action))
                    part = "%s %s" % (action.option_strings[0], args)
                if not action.required and action not in in_groups:
                    part = "[%s]" % part
                parts.append(part)

        for i in sorted(inserts, reverse=True):
            parts[i:i] = [inserts[i]]
        text = " ".join([part for part in parts if part is not None])
        text = _space_after_open.sub(r"\1", text)
        text = _space_before_close.sub(r"\1", text)
        text = _empty_brackets.sub("", text)
        return text.strip()

    # -- text and actions

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % dict(prog=self._prog)
        width = max(self._width - self._current_indent, 11)
        indent = " " * self._current_indent
        return self._fill_text(text, width, indent) + "\n\n"

    def _format_action(self, action):
        help_position = min(self._action_max_length + 2, self._max_help_position)
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._current_indent - 2
        header = self._format_action_invocation(action)

        # The help starts on the invocation's line when it fits there,
        # else on the next line at the help column.
        if not action.help:
            header = "%*s%s\n" % (self._current_indent, "", header)
            indent_first = 0
        elif len(header) <= action_width:
            header = "%*s%-*s  " % (self._current_indent, "", action_width, header)
            indent_first = 0
        else:
            header = "%*s%s\n" % (self._current_indent, "", header)
            indent_first = help_position
        parts = [header]
        if action.help and action.help.strip():
            help_text = self._expand_help(action)
            if help_text:
                lines = self._split_lines(help_text, help_width)
                parts.append("%*s%s\n" % (indent_first, "", lines[0]))
                for line in lines[1:]:
                    parts.append("%*s%s\n" % (help_position, "", line))
        elif not header.endswith("\n"):
            parts.append("\n")
        for subaction in self._iter_indented_subactions(action):
            parts.append(self._format_action(subaction))
        return self._join_parts(parts)

    def _format_action_invocation(self, action):
        if not action.option_strings:
            default = self._get_default_metavar_for_positional(action)
            metavar, = self._metavar_formatter(action, default)(1)
            return metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        args = self._format_args(action,
                                 self._get_default_metavar_for_optional(action))
        return ", ".join(["%s %s" % (option, args)
                          for option in action.option_strings])

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            result = action.metavar
        elif action.choices is not None:
            result = "{%s}" % ",".join([str(choice) for choice in action.choices])
        else:
            result = default_metavar

        def format(tuple_size):
            if isinstance(result, tuple):
                return result
            return (result,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        metavars = self._metavar_formatter(action, default_metavar)
        nargs = action.nargs
        if nargs is None:
            return "%s" % metavars(1)
        if nargs == OPTIONAL:
            return "[%s]" % metavars(1)
        if nargs == ZERO_OR_MORE:
            names = metavars(1)
            if len(names) == 2:
                return "[%s [%s ...]]" % names
            return "[%s ...]" % names
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % metavars(2)
        if nargs == REMAINDER:
            return "..."
        if nargs == PARSER:
            return "%s ..." % metavars(1)
        if nargs == SUPPRESS:
            return ""
        try:
            formats = ["%s"] * nargs
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(formats) % metavars(nargs)

    def _expand_help(self, action):
        params = dict(vars(action), prog=self._prog)
        for name in list(params):
            value = params[name]
            if value is SUPPRESS:
                del params[name]
            elif hasattr(value, "__name__"):
                params[name] = value.__name__
        if params.get("choices") is not None:
            params["choices"] = ", ".join([str(c) for c in params["choices"]])
        return self._get_help_string(action) % params

    def _iter_indented_subactions(self, action):
        try:
            get_subactions = action._get_subactions
        except AttributeError:
            return
        self._indent()
        yield from get_subactions()
        self._dedent()

    def _split_lines(self, text, width):
        import textwrap
        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.wrap(text, width)

    def _fill_text(self, text, width, indent):
        import textwrap
        text = self._whitespace_matcher.sub(" ", text).strip()
        return textwrap.fill(text, width, initial_indent=indent,
                             subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Keeps the line breaks of the description and epilog."""

    def _fill_text(self, text, width, indent):
        return "".join([indent + line for line in text.splitlines(keepends=True)])


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Keeps the line breaks of all help text, argument help included."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Appends " (default: ...)" to argument help that does not already
    mention %(default)."""

    def _get_help_string(self, action):
        help = action.help
        if help is None:
            help = ""
        if "%(default)" not in help and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                help += " (default: %(default)s)"
        return help


class MetavarTypeHelpFormatter(HelpFormatter):
    """Names arguments by their type's name instead of their dest."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    def _get_default_metavar_for_positional(self, action):
        return action.type.__name__


# ---------------------------------------------------------------- errors

def _get_action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return "/".join(argument.option_strings)
    if argument.metavar not in (None, SUPPRESS):
        return argument.metavar
    if argument.dest not in (None, SUPPRESS):
        return argument.dest
    if argument.choices:
        return "{" + ",".join(argument.choices) + "}"
    return None


class ArgumentError(Exception):
    """A problem with one argument (or an argument's definition); its text
    names the argument: "argument -x: message"."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return "%s" % self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type function to reject a value with its own message."""
    pass


# ---------------------------------------------------------------- actions

class Action(_AttributeHolder):
    """What to do with an argument once it is found on the command line;
    subclasses define __call__(parser, namespace, values, option_string)."""

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def _get_kwargs(self):
        return [(name, getattr(self, name)) for name in (
            "option_strings", "dest", "nargs", "const", "default", "type",
            "choices", "required", "help", "metavar")]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class BooleanOptionalAction(Action):
    """A flag with a negative twin: --foo sets True, --no-foo False."""

    def __init__(self, option_strings, dest, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        all_options = []
        for option in option_strings:
            all_options.append(option)
            if option.startswith("--"):
                all_options.append("--no-" + option[2:])
        super().__init__(option_strings=all_options, dest=dest, nargs=0,
                         default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))

    def format_usage(self):
        return " | ".join(self.option_strings)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for store actions must be != 0; if you "
                             "have nothing to store, actions such as store "
                             "true or store const may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         const=const, default=default, required=required,
                         help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=False, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, const=True,
                         default=default, required=required, help=help)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, const=False,
                         default=default, required=required, help=help)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError("nargs for append actions must be != 0; if arg "
                             "strings are not supplying the value to append, "
                             "the append const action may be more appropriate")
        if const is not None and nargs != OPTIONAL:
            raise ValueError("nargs must be %r to supply const" % OPTIONAL)
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=nargs, const=const, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        # Copy, so that a list default is never modified in place.
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         const=const, default=default, required=required,
                         help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest, nargs=0,
                         default=default, required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        if count is None:
            count = 0
        setattr(namespace, self.dest, count + 1)


class _HelpAction(Action):

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS,
                 help=None):
        super().__init__(option_strings=option_strings, dest=dest,
                         default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):

    def __init__(self, option_strings, version=None, dest=SUPPRESS,
                 default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings=option_strings, dest=dest,
                         default=default, nargs=0, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version
        if version is None:
            version = parser.version
        formatter = parser._get_formatter()
        formatter.add_text(version)
        parser._print_message(formatter.format_help(), _sys.stdout)
        parser.exit()


class _ChoicesPseudoAction(Action):
    """One sub-command's line in the help of a subparsers action."""

    def __init__(self, name, aliases, help):
        metavar = name
        if aliases:
            metavar += " (%s)" % ", ".join(aliases)
        super().__init__(option_strings=[], dest=name, help=help,
                         metavar=metavar)


class _SubParsersAction(Action):

    _ChoicesPseudoAction = _ChoicesPseudoAction

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = {}
        self._choices_actions = []
        super().__init__(option_strings=option_strings, dest=dest,
                         nargs=PARSER, choices=self._name_parser_map,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = "%s %s" % (self._prog_prefix, name)
        aliases = kwargs.pop("aliases", ())
        if name in self._name_parser_map:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for alias in aliases:
            if alias in self._name_parser_map:
                raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
        if "help" in kwargs:
            self._choices_actions.append(
                _ChoicesPseudoAction(name, aliases, kwargs.pop("help")))
        parser = self._parser_class(**kwargs)
        self._name_parser_map[name] = parser
        for alias in aliases:
            self._name_parser_map[alias] = parser
        return parser

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values, option_string=None):
        name = values[0]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, name)
        try:
            subparser = self._name_parser_map[name]
        except KeyError:
            raise ArgumentError(self, "unknown parser %r (choices: %s)" % (
                name, ", ".join(self._name_parser_map)))
        # The sub-command's values (its defaults included) win over the
        # parent's.
        subnamespace, rest = subparser.parse_known_args(values[1:], None)
        for key, value in vars(subnamespace).items():
            setattr(namespace, key, value)
        if rest:
            vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            getattr(namespace, _UNRECOGNIZED_ARGS_ATTR).extend(rest)


class _ExtendAction(_AppendAction):

    def __call__(self, parser, namespace, values, option_string=None):
        items = _copy_items(getattr(namespace, self.dest, None))
        items.extend(values)
        setattr(namespace, self.dest, items)


# ---------------------------------------------------------------- FileType

class FileType(object):
    """A type= factory opening the named file ("-" is stdin or stdout)."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        if string == "-":
            if "r" in self._mode:
                return _sys.stdin.buffer if "b" in self._mode else _sys.stdin
            if "w" in self._mode or "a" in self._mode or "x" in self._mode:
                return _sys.stdout.buffer if "b" in self._mode else _sys.stdout
            raise ValueError('argument "-" with mode %r' % self._mode)
        try:
            return open(string, self._mode, self._bufsize, self._encoding,
                        self._errors)
        except OSError as e:
            raise ArgumentTypeError("can't open '%s': %s" % (string, e))

    def __repr__(self):
        args = [repr(arg) for arg in (self._mode, self._bufsize) if arg != -1]
        for name, value in (("encoding", self._encoding), ("errors", self._errors)):
            if value is not None:
                args.append("%s=%r" % (name, value))
        return "%s(%s)" % (type(self).__name__, ", ".join(args))


# ---------------------------------------------------------------- Namespace

class Namespace(_AttributeHolder):
    """A plain object holding the parsed values as attributes."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


# ---------------------------------------------------------------- containers

class _ActionsContainer(object):
    """What parsers and argument groups share: the action registry,
    add_argument, groups, defaults and conflict handling."""

    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        super().__init__()
        self.description = description
        self.argument_default = argument_default
        self.prefix_chars = prefix_chars
        self.conflict_handler = conflict_handler

        self._registries = {}
        for name, action_class in (
                (None, _StoreAction), ("store", _StoreAction),
                ("store_const", _StoreConstAction),
                ("store_true", _StoreTrueAction),
                ("store_false", _StoreFalseAction),
                ("append", _AppendAction),
                ("append_const", _AppendConstAction),
                ("count", _CountAction), ("help", _HelpAction),
                ("version", _VersionAction), ("parsers", _SubParsersAction),
                ("extend", _ExtendAction)):
            self.register("action", name, action_class)

        self._get_handler()  # rejects an unknown conflict_handler now

        self._actions = []
        self._option_string_actions = {}
        self._action_groups = []
        self._mutually_exclusive_groups = []
        self._defaults = {}
        self._negative_number_matcher = _re.compile(r"^-\d+$|^-\d*\.\d+$")
        # Non-empty when some option looks like a negative number; then
        # "-1" on the command line is an option, not a value.
        self._has_negative_number_optionals = []

    def register(self, registry_name, value, object):
        self._registries.setdefault(registry_name, {})[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)
        """
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            kwargs = self._get_positional_kwargs(*args, **kwargs)
        else:
            kwargs = self._get_optional_kwargs(*args, **kwargs)

        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default

        action_class = self._pop_action_class(kwargs)
        if not callable(action_class):
            raise ValueError('unknown action "%s"' % (action_class,))
        action = action_class(**kwargs)

        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        if type_func is FileType:
            raise ValueError("%r is a FileType class object, instance of it"
                             " must be passed" % (type_func,))

        # Formatting the arguments now reports a metavar tuple of the
        # wrong length (and a bad nargs) at definition time.
        if hasattr(self, "_get_formatter"):
            try:
                self._get_formatter()._format_args(action, None)
            except TypeError:
                raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(action)

    def add_argument_group(self, *args, **kwargs):
        group = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, **kwargs):
        group = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(group)
        return group

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        for option_string in action.option_strings:
            self._option_string_actions[option_string] = action
        for option_string in action.option_strings:
            if self._negative_number_matcher.match(option_string):
                if not self._has_negative_number_optionals:
                    self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        # Copy a parent's actions into groups of the same titles.
        groups_by_title = {}
        for group in self._action_groups:
            if group.title in groups_by_title:
                raise ValueError("cannot merge actions - two groups are named %r"
                                 % (group.title,))
            groups_by_title[group.title] = group

        target_of = {}
        for group in container._action_groups:
            if group.title not in groups_by_title:
                groups_by_title[group.title] = self.add_argument_group(
                    title=group.title, description=group.description,
                    conflict_handler=group.conflict_handler)
            for action in group._group_actions:
                target_of[action] = groups_by_title[group.title]
        for group in container._mutually_exclusive_groups:
            mutex_group = self.add_mutually_exclusive_group(required=group.required)
            for action in group._group_actions:
                target_of[action] = mutex_group
        for action in container._actions:
            target_of.get(action, self)._add_action(action)

    def _get_positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        nargs = kwargs.get("nargs")
        if nargs not in (OPTIONAL, ZERO_OR_MORE):
            kwargs["required"] = True
        if nargs == ZERO_OR_MORE and "default" not in kwargs:
            kwargs["required"] = True
        return dict(kwargs, dest=dest, option_strings=[])

    def _get_optional_kwargs(self, *args, **kwargs):
        option_strings = []
        long_option_strings = []
        for option_string in args:
            if not option_string[0] in self.prefix_chars:
                raise ValueError(
                    "invalid option string %r: must start with a character %r"
                    % (option_string, self.prefix_chars))
            option_strings.append(option_string)
            if len(option_string) > 1 and option_string[1] in self.prefix_chars:
                long_option_strings.append(option_string)

        dest = kwargs.pop("dest", None)
        if dest is None:
            # From the first long option, else the first option.
            first = long_option_strings[0] if long_option_strings else option_strings[0]
            dest = first.lstrip(self.prefix_chars)
            if not dest:
                raise ValueError("dest= is required for options like %r"
                                 % (option_string,))
            dest = dest.replace("-", "_")
        return dict(kwargs, dest=dest, option_strings=option_strings)

    def _pop_action_class(self, kwargs, default=None):
        action = kwargs.pop("action", default)
        return self._registry_get("action", action, action)

    def _get_handler(self):
        name = "_handle_conflict_%s" % self.conflict_handler
        try:
            return getattr(self, name)
        except AttributeError:
            raise ValueError("invalid conflict_resolution value: %r"
                             % (self.conflict_handler,))

    def _check_conflict(self, action):
        conflicts = []
        for option_string in action.option_strings:
            if option_string in self._option_string_actions:
                conflicts.append((option_string,
                                  self._option_string_actions[option_string]))
        if conflicts:
            self._get_handler()(action, conflicts)

    def _handle_conflict_error(self, action, conflicting_actions):
        message = _plural(len(conflicting_actions),
                          "conflicting option string: %s",
                          "conflicting option strings: %s")
        names = ", ".join([option for option, _ in conflicting_actions])
        raise ArgumentError(action, message % names)

    def _handle_conflict_resolve(self, action, conflicting_actions):
        # The newer action takes the option strings; an older one left
        # with none is removed.
        for option_string, old_action in conflicting_actions:
            old_action.option_strings.remove(option_string)
            self._option_string_actions.pop(option_string, None)
            if not old_action.option_strings:
                old_action.container._remove_action(old_action)


class _ArgumentGroup(_ActionsContainer):

    def __init__(self, container, title=None, description=None, **kwargs):
        kwargs.setdefault("conflict_handler", container.conflict_handler)
        kwargs.setdefault("prefix_chars", container.prefix_chars)
        kwargs.setdefault("argument_default", container.argument_default)
        super().__init__(description=description, **kwargs)
        self.title = title
        self._group_actions = []
        # A group adds to its container's tables.
        self._registries = container._registries
        self._actions = container._actions
        self._option_string_actions = container._option_string_actions
        self._defaults = container._defaults
        self._has_negative_number_optionals = container._has_negative_number_optionals
        self._mutually_exclusive_groups = container._mutually_exclusive_groups

    def _add_action(self, action):
        action = super()._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        super()._remove_action(action)
        self._group_actions.remove(action)


class _MutuallyExclusiveGroup(_ArgumentGroup):

    def __init__(self, container, required=False):
        super().__init__(container)
        self.required = required
        self._container = container

    def _add_action(self, action):
        if action.required:
            raise ValueError("mutually exclusive arguments must be optional")
        action = self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)


# ---------------------------------------------------------------- the parser

# The regular expression each nargs value matches over the pattern of the
# command line ("O" an option, "A" an argument, "-" a "--"); group 1 is
# what the action takes.
_NARGS_PATTERNS = {
    None: "(-*A-*)",
    OPTIONAL: "(-*A?-*)",
    ZERO_OR_MORE: "(-*[A-]*)",
    ONE_OR_MORE: "(-*A[A-]*)",
    REMAINDER: "([-AO]*)",
    PARSER: "(-*A[-AO]*)",
    SUPPRESS: "(-*-*)",
}


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns a command line into a Namespace, following the arguments
    declared with add_argument; prints usage, help and errors."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars="-",
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         argument_default=argument_default,
                         conflict_handler=conflict_handler)
        if prog is None:
            prog = _os.path.basename(_sys.argv[0])
        self.prog = prog
        self.usage = usage
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.fromfile_prefix_chars = fromfile_prefix_chars
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error

        self._positionals = self.add_argument_group("positional arguments")
        self._optionals = self.add_argument_group("options")
        self._subparsers = None

        def identity(string):
            return string
        self.register("type", None, identity)

        prefix = "-" if "-" in prefix_chars else prefix_chars[0]
        if self.add_help:
            self.add_argument(prefix + "h", prefix * 2 + "help", action="help",
                              default=SUPPRESS,
                              help="show this help message and exit")

        for parent in parents:
            self._add_container_actions(parent)
            defaults = getattr(parent, "_defaults", None)
            if defaults is not None:
                self._defaults.update(defaults)

    def _get_kwargs(self):
        return [(name, getattr(self, name)) for name in (
            "prog", "usage", "description", "formatter_class",
            "conflict_handler", "add_help")]

    # -- sub-commands and actions

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            title = kwargs.pop("title", "subcommands")
            description = kwargs.pop("description", None)
            self._subparsers = self.add_argument_group(title, description)
        else:
            self._subparsers = self._positionals

        # A sub-command's prog is this parser's usage up to here (prog
        # and positionals) followed by the command name.
        if kwargs.get("prog") is None:
            formatter = self._get_formatter()
            formatter.add_usage(self.usage, self._get_positional_actions(),
                                self._mutually_exclusive_groups, "")
            kwargs["prog"] = formatter.format_help().strip()

        parsers_class = self._pop_action_class(kwargs, "parsers")
        action = parsers_class(option_strings=[], **kwargs)
        self._subparsers._add_action(action)
        return action

    def _add_action(self, action):
        if action.option_strings:
            self._optionals._add_action(action)
        else:
            self._positionals._add_action(action)
        return action

    def _get_optional_actions(self):
        return [action for action in self._actions if action.option_strings]

    def _get_positional_actions(self):
        return [action for action in self._actions if not action.option_strings]

    # -- parsing

    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()

        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest in self._defaults:
            if not hasattr(namespace, dest):
                setattr(namespace, dest, self._defaults[dest])

        if self.exit_on_error:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as err:
                self.error(str(err))
        else:
            namespace, args = self._parse_known_args(args, namespace)

        if hasattr(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)

        # The actions each action may not be used with.
        conflicts_of = {}
        for group in self._mutually_exclusive_groups:
            members = group._group_actions
            for i, action in enumerate(members):
                others = conflicts_of.setdefault(action, [])
                others.extend(members[:i])
                others.extend(members[i + 1:])

        # Classify each argument: "O" option, "A" argument, "-" for "--"
        # (after which everything is an argument).
        option_at = {}
        kinds = []
        position = 0
        count = len(arg_strings)
        while position < count:
            arg_string = arg_strings[position]
            if arg_string == "--":
                kinds.append("-")
                kinds.append("A" * (count - position - 1))
                break
            option_tuple = self._parse_optional(arg_string)
            if option_tuple is None:
                kinds.append("A")
            else:
                option_at[position] = option_tuple
                kinds.append("O")
            position += 1
        pattern = "".join(kinds)

        seen_actions = set()
        seen_non_default_actions = set()
        extras = []

        def take_action(action, argument_strings, option_string=None):
            seen_actions.add(action)
            values = self._get_values(action, argument_strings)
            # A value other than the default counts as a use for the
            # mutual exclusion check.
            if values is not action.default:
                seen_non_default_actions.add(action)
                for other in conflicts_of.get(action, ()):
                    if other in seen_non_default_actions:
                        raise ArgumentError(action, "not allowed with argument %s"
                                            % _get_action_name(other))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        def consume_optional(start_index):
            action, option_string, explicit_arg = option_at[start_index]
            to_take = []
            while True:
                if action is None:
                    extras.append(arg_strings[start_index])
                    return start_index + 1
                if explicit_arg is None:
                    start = start_index + 1
                    arg_count = self._match_argument(action, pattern[start:])
                    stop = start + arg_count
                    to_take.append((action, arg_strings[start:stop], option_string))
                    break
                # "-xyz" or "--opt=value": the attached text is the
                # argument, or (for a flag) more single-letter flags.
                arg_count = self._match_argument(action, "A")
                if (arg_count == 0 and option_string[1] not in self.prefix_chars
                        and explicit_arg != ""):
                    to_take.append((action, [], option_string))
                    option_string = option_string[0] + explicit_arg[0]
                    rest = explicit_arg[1:] or None
                    if option_string in self._option_string_actions:
                        action = self._option_string_actions[option_string]
                        explicit_arg = rest
                    else:
                        raise ArgumentError(action, "ignored explicit argument %r"
                                            % explicit_arg)
                elif arg_count == 1:
                    stop = start_index + 1
                    to_take.append((action, [explicit_arg], option_string))
                    break
                else:
                    raise ArgumentError(action, "ignored explicit argument %r"
                                        % explicit_arg)
            for action, args, option_string in to_take:
                take_action(action, args, option_string)
            return stop

        positionals = self._get_positional_actions()

        def consume_positionals(start_index):
            counts = self._match_arguments_partial(positionals, pattern[start_index:])
            for action, arg_count in zip(positionals, counts):
                args = arg_strings[start_index:start_index + arg_count]
                start_index += arg_count
                take_action(action, args)
            del positionals[:len(counts)]
            return start_index

        start_index = 0
        last_option_index = max(option_at) if option_at else -1
        while start_index <= last_option_index:
            next_option_index = min([index for index in option_at
                                     if index >= start_index])
            if start_index != next_option_index:
                end = consume_positionals(start_index)
                if end > start_index:
                    start_index = end
                    continue
                start_index = end
            if start_index not in option_at:
                extras.extend(arg_strings[start_index:next_option_index])
                start_index = next_option_index
            start_index = consume_optional(start_index)

        stop_index = consume_positionals(start_index)
        extras.extend(arg_strings[stop_index:])

        missing = []
        for action in self._actions:
            if action not in seen_actions:
                if action.required:
                    missing.append(_get_action_name(action))
                elif (action.default is not None
                      and isinstance(action.default, str)
                      and hasattr(namespace, action.dest)
                      and action.default is getattr(namespace, action.dest)):
                    # A string default still untouched goes through type=.
                    setattr(namespace, action.dest,
                            self._get_value(action, action.default))
        if missing:
            self.error("the following arguments are required: %s"
                       % ", ".join(missing))

        for group in self._mutually_exclusive_groups:
            if group.required:
                for action in group._group_actions:
                    if action in seen_non_default_actions:
                        break
                else:
                    names = [_get_action_name(action)
                             for action in group._group_actions
                             if action.help is not SUPPRESS]
                    self.error("one of the arguments %s is required"
                               % " ".join(names))
        return namespace, extras

    def _read_args_from_files(self, arg_strings):
        expanded = []
        for arg_string in arg_strings:
            if not arg_string or arg_string[0] not in self.fromfile_prefix_chars:
                expanded.append(arg_string)
                continue
            try:
                with open(arg_string[1:]) as args_file:
                    from_file = []
                    for line in args_file.read().splitlines():
                        from_file.extend(self.convert_arg_line_to_args(line))
                    expanded.extend(self._read_args_from_files(from_file))
            except OSError as err:
                self.error(str(err))
        return expanded

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _match_argument(self, action, arg_strings_pattern):
        match = _re.match(self._get_nargs_pattern(action), arg_strings_pattern)
        if match is None:
            nargs = action.nargs
            if nargs is None:
                message = "expected one argument"
            elif nargs == OPTIONAL:
                message = "expected at most one argument"
            elif nargs == ONE_OR_MORE:
                message = "expected at least one argument"
            else:
                message = _plural(nargs, "expected %s argument",
                                  "expected %s arguments") % nargs
            raise ArgumentError(action, message)
        return len(match.group(1))

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        # As many of the actions as possible, from the first, take their
        # share of the arguments.
        for i in range(len(actions), 0, -1):
            regex = "".join([self._get_nargs_pattern(action)
                             for action in actions[:i]])
            match = _re.match(regex, arg_strings_pattern)
            if match is not None:
                return [len(string) for string in match.groups()]
        return []

    def _parse_optional(self, arg_string):
        """None for a positional argument, else (action or None,
        option string, attached argument or None)."""
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        option_actions = self._option_string_actions
        if arg_string in option_actions:
            return option_actions[arg_string], arg_string, None
        if len(arg_string) == 1:
            return None
        if "=" in arg_string:
            option_string, explicit_arg = arg_string.split("=", 1)
            if option_string in option_actions:
                return option_actions[option_string], option_string, explicit_arg

        option_tuples = self._get_option_tuples(arg_string)
        if len(option_tuples) > 1:
            matches = ", ".join([option for _, option, _ in option_tuples])
            self.error("ambiguous option: %s could match %s" % (arg_string, matches))
        elif len(option_tuples) == 1:
            return option_tuples[0]

        # A negative number is a value unless some option looks like one.
        if self._negative_number_matcher.match(arg_string):
            if not self._has_negative_number_optionals:
                return None
        if " " in arg_string:
            return None
        return None, arg_string, None

    def _get_option_tuples(self, option_string):
        result = []
        chars = self.prefix_chars
        option_actions = self._option_string_actions
        if option_string[0] in chars and option_string[1] in chars:
            # A long option: any option it is a prefix of.
            if self.allow_abbrev:
                if "=" in option_string:
                    prefix, explicit_arg = option_string.split("=", 1)
                else:
                    prefix, explicit_arg = option_string, None
                for candidate in option_actions:
                    if candidate.startswith(prefix):
                        result.append((option_actions[candidate], candidate,
                                       explicit_arg))
        elif option_string[0] in chars and option_string[1] not in chars:
            # A short option with its argument attached ("-xVALUE"), or a
            # prefix of a single-dash long option.
            short_prefix = option_string[:2]
            short_arg = option_string[2:]
            for candidate in option_actions:
                if candidate == short_prefix:
                    result.append((option_actions[candidate], candidate, short_arg))
                elif candidate.startswith(option_string):
                    result.append((option_actions[candidate], candidate, None))
        else:
            self.error("unexpected option string: %s" % option_string)
        return result

    def _get_nargs_pattern(self, action):
        nargs = action.nargs
        try:
            regex = _NARGS_PATTERNS[nargs]
        except (KeyError, TypeError):
            regex = "(-*%s-*)" % "-*".join("A" * nargs)
        # Options never take a "--".
        if action.option_strings:
            regex = regex.replace("-*", "").replace("-", "")
        return regex

    # -- intermixed parsing

    def parse_intermixed_args(self, args=None, namespace=None):
        args, argv = self.parse_known_intermixed_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_intermixed_args(self, args=None, namespace=None):
        # First pass: options only, positionals switched off; second
        # pass: the leftovers, with no option required.
        positionals = self._get_positional_actions()
        bad = [action for action in positionals
               if action.nargs in (PARSER, REMAINDER)]
        if bad:
            raise TypeError("parse_intermixed_args: positional arg with nargs=%s"
                            % bad[0].nargs)
        for group in self._mutually_exclusive_groups:
            for action in group._group_actions:
                if action in positionals:
                    raise TypeError("parse_intermixed_args: positional in"
                                    " mutuallyExclusiveGroup")

        saved_usage = self.usage
        try:
            if self.usage is None:
                self.usage = self.format_usage()[7:]
            saved = [(action, action.nargs, action.default) for action in positionals]
            try:
                for action in positionals:
                    action.nargs = SUPPRESS
                    action.default = SUPPRESS
                namespace, remaining = self.parse_known_args(args, namespace)
                for action in positionals:
                    if getattr(namespace, action.dest, None) == []:
                        from warnings import warn
                        warn("Do not expect %s in %s" % (action.dest, namespace))
                        delattr(namespace, action.dest)
            finally:
                for action, nargs, default in saved:
                    action.nargs = nargs
                    action.default = default

            optionals = self._get_optional_actions()
            saved_required = [(action, action.required) for action in optionals]
            saved_group_required = [(group, group.required)
                                    for group in self._mutually_exclusive_groups]
            try:
                for action in optionals:
                    action.required = False
                for group in self._mutually_exclusive_groups:
                    group.required = False
                namespace, extras = self.parse_known_args(remaining, namespace)
            finally:
                for action, required in saved_required:
                    action.required = required
                for group, required in saved_group_required:
                    group.required = required
        finally:
            self.usage = saved_usage
        return namespace, extras

    # -- values

    def _get_values(self, action, arg_strings):
        # Except for PARSER and REMAINDER, the first "--" is not a value.
        if action.nargs not in (PARSER, REMAINDER):
            try:
                arg_strings.remove("--")
            except ValueError:
                pass

        nargs = action.nargs
        if not arg_strings and nargs == OPTIONAL:
            value = action.const if action.option_strings else action.default
            if isinstance(value, str):
                value = self._get_value(action, value)
                self._check_value(action, value)
        elif not arg_strings and nargs == ZERO_OR_MORE and not action.option_strings:
            value = action.default if action.default is not None else arg_strings
            self._check_value(action, value)
        elif len(arg_strings) == 1 and nargs in (None, OPTIONAL):
            value = self._get_value(action, arg_strings[0])
            self._check_value(action, value)
        elif nargs == REMAINDER:
            value = [self._get_value(action, v) for v in arg_strings]
        elif nargs == PARSER:
            value = [self._get_value(action, v) for v in arg_strings]
            self._check_value(action, value[0])
        elif nargs == SUPPRESS:
            value = SUPPRESS
        else:
            value = [self._get_value(action, v) for v in arg_strings]
            for v in value:
                self._check_value(action, v)
        return value

    def _get_value(self, action, arg_string):
        type_func = self._registry_get("type", action.type, action.type)
        if not callable(type_func):
            raise ArgumentError(action, "%r is not callable" % (type_func,))
        try:
            return type_func(arg_string)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(action.type, "__name__", repr(action.type))
            raise ArgumentError(action, "invalid %s value: %r" % (name, arg_string))

    def _check_value(self, action, value):
        if action.choices is not None and value not in action.choices:
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (
                value, ", ".join(map(repr, action.choices))))

    # -- help and messages

    def format_usage(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        return formatter.format_help()

    def format_help(self):
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions,
                            self._mutually_exclusive_groups)
        formatter.add_text(self.description)
        for group in self._action_groups:
            formatter.start_section(group.title)
            formatter.add_text(group.description)
            formatter.add_arguments(group._group_actions)
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_usage(), file)

    def print_help(self, file=None):
        if file is None:
            file = _sys.stdout
        self._print_message(self.format_help(), file)

    def _print_message(self, message, file=None):
        if message:
            file = file or _sys.stderr
            try:
                file.write(message)
            except (AttributeError, OSError):
                pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Prints the usage and "prog: error: message" to stderr and exits
        with status 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
