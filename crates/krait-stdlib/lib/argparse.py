"""krait's argparse: command-line parsing with the interface, help layout
and messages of CPython 3.11's module of that name.

Messages are not translated. The help width is COLUMNS, else the width of
the terminal on stdout when there is one, else 80 columns, less two.
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


def _copy_items(items):
    """A fresh list for append-like actions (a default is never touched)."""
    if items is None:
        return []
    if type(items) is list:
        return list(items)
    from copy import copy as _shallow
    return _shallow(items)


def _help_columns():
    """shutil.get_terminal_size's column count, without importing shutil."""
    raw = _os.environ.get("COLUMNS")
    if raw is not None:
        try:
            wanted = int(raw)
        except ValueError:
            wanted = 0
        if wanted > 0:
            return wanted
    probe = getattr(_os, "get_terminal_size", None)
    if probe is None:
        return 80
    try:
        found = probe(_sys.__stdout__.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 80
    return found or 80


class _AttributeHolder(object):
    """repr() as Name(arg, ..., key=value, ..., **{odd keys})."""

    def __repr__(self):
        shown = [repr(item) for item in self._get_args()]
        leftovers = {}
        for key, val in self._get_kwargs():
            if key.isidentifier():
                shown.append(key + "=" + repr(val))
            else:
                leftovers[key] = val
        if leftovers:
            shown.append("**" + repr(leftovers))
        return type(self).__name__ + "(" + ", ".join(shown) + ")"

    def _get_kwargs(self):
        return list(self.__dict__.items())

    def _get_args(self):
        return []


# ===================================================================
# help formatting
# ===================================================================

_SPACES = _re.compile(r"\s+", _re.ASCII)
_MANY_NEWLINES = _re.compile(r"\n\n\n+")
# A usage element: a (...) or [...] group ending at a space, or a word.
_USAGE_TOKEN = _re.compile(r"\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+")
_OPENER_SPACE = _re.compile(r"([\[(]) ")
_SPACE_CLOSER = _re.compile(r" ([\])])")
_HOLLOW_PAIR = _re.compile(r"[\[(] *[\])]")


class _Section(object):
    """One titled part of a help message; its items are (callable, args)
    pairs rendered only when the whole help is produced."""

    def __init__(self, formatter, parent, heading=None):
        self.formatter = formatter
        self.parent = parent
        self.heading = heading
        self.items = []

    def format_help(self):
        fmt = self.formatter
        nested = self.parent is not None
        if nested:
            fmt._indent()
        body = fmt._join_parts([render(*params) for render, params in self.items])
        if nested:
            fmt._dedent()
        if not body:
            return ""
        title = self.heading
        if title is None or title is SUPPRESS:
            return fmt._join_parts(["\n", body, "\n"])
        line = " " * fmt._current_indent + "%s:\n" % (title,)
        return fmt._join_parts(["\n", line, body, "\n"])


class HelpFormatter(object):
    """Builds usage and help text; subclasses adjust single steps."""

    _Section = _Section

    def __init__(self, prog, indent_increment=2, max_help_position=24,
                 width=None):
        if width is None:
            width = _help_columns() - 2
        self._prog = prog
        self._width = width
        self._indent_increment = step = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, step + step))
        self._current_indent = self._level = 0
        self._action_max_length = 0
        self._root_section = self._current_section = self._Section(self, None)
        self._whitespace_matcher = _SPACES
        self._long_break_matcher = _MANY_NEWLINES

    # ---- indentation and the section tree

    def _indent(self):
        self._level += 1
        self._current_indent += self._indent_increment

    def _dedent(self):
        self._level -= 1
        self._current_indent -= self._indent_increment
        assert self._current_indent >= 0, "Indent decreased below 0."

    def _add_item(self, func, args):
        section = self._current_section
        section.items.append((func, args))

    def start_section(self, heading):
        self._indent()
        child = self._Section(self, self._current_section, heading)
        self._add_item(child.format_help, ())
        self._current_section = child

    def end_section(self):
        self._dedent()
        done = self._current_section
        self._current_section = done.parent

    def add_text(self, text):
        if text is None or text is SUPPRESS:
            return
        self._add_item(self._format_text, (text,))

    def add_usage(self, usage, actions, groups, prefix=None):
        if usage is SUPPRESS:
            return
        self._add_item(self._format_usage, (usage, actions, groups, prefix))

    def add_argument(self, action):
        if action.help is SUPPRESS:
            return
        measure = self._format_action_invocation
        widest = len(measure(action))
        for sub in self._iter_indented_subactions(action):
            size = len(measure(sub))
            if size > widest:
                widest = size
        reach = widest + self._current_indent
        if reach > self._action_max_length:
            self._action_max_length = reach
        self._add_item(self._format_action, (action,))

    def add_arguments(self, actions):
        for each in actions:
            self.add_argument(each)

    def format_help(self):
        out = self._root_section.format_help()
        if not out:
            return out
        out = self._long_break_matcher.sub("\n\n", out)
        return out.strip("\n") + "\n"

    def _join_parts(self, part_strings):
        return "".join([bit for bit in part_strings if bit and bit is not SUPPRESS])

    # ---- usage

    def _format_usage(self, usage, actions, groups, prefix):
        if prefix is None:
            prefix = "usage: "
        named = {"prog": self._prog}
        if usage is not None:
            return prefix + usage % named + "\n\n"
        prog = "%(prog)s" % named
        if not actions:
            return prefix + prog + "\n\n"
        flagged = []
        bare = []
        for act in actions:
            (flagged if act.option_strings else bare).append(act)
        described = self._format_actions_usage(flagged + bare, groups)
        text = " ".join([bit for bit in (prog, described) if bit])
        room = self._width - self._current_indent
        if len(prefix) + len(text) > room:
            text = self._wrap_usage_lines(prog, prefix, flagged, bare, groups, room)
        return prefix + text + "\n\n"

    def _wrap_usage_lines(self, prog, prefix, flagged, bare, groups, room):
        left_text = self._format_actions_usage(flagged, groups)
        right_text = self._format_actions_usage(bare, groups)
        left = _USAGE_TOKEN.findall(left_text)
        right = _USAGE_TOKEN.findall(right_text)
        assert " ".join(left) == left_text
        assert " ".join(right) == right_text

        def pack(words, pad, lead=None):
            rows = []
            row = []
            used = len(pad if lead is None else lead) - 1
            for word in words:
                if row and used + len(word) + 1 > room:
                    rows.append(pad + " ".join(row))
                    row = []
                    used = len(pad) - 1
                row.append(word)
                used += len(word) + 1
            if row:
                rows.append(pad + " ".join(row))
            if lead is not None:
                rows[0] = rows[0][len(pad):]
            return rows

        if len(prefix) + len(prog) <= 0.75 * room:
            pad = " " * (len(prefix) + len(prog) + 1)
            if left:
                rows = pack([prog] + left, pad, prefix) + pack(right, pad)
            elif right:
                rows = pack([prog] + right, pad, prefix)
            else:
                rows = [prog]
        else:
            pad = " " * len(prefix)
            rows = pack(left + right, pad)
            if len(rows) > 1:
                rows = pack(left, pad) + pack(right, pad)
            rows.insert(0, prog)
        return "\n".join(rows)

    def _format_actions_usage(self, actions, groups):
        grouped = set()
        marks = {}
        for grp in groups:
            members = grp._group_actions
            if not members:
                raise ValueError(f"empty group {grp}")
            try:
                first = actions.index(members[0])
            except ValueError:
                continue
            last = first + len(members)
            if actions[first:last] != members:
                continue
            visible = 0
            for member in members:
                grouped.add(member)
                if member.help is not SUPPRESS:
                    visible += 1
            if visible == 0:
                continue
            if grp.required:
                pair = "()" if visible > 1 else None
            else:
                pair = "[]"
            if pair is not None:
                marks[first] = marks[first] + " " + pair[0] if first in marks else pair[0]
                marks[last] = marks[last] + pair[1] if last in marks else pair[1]
            for spot in range(first + 1, last):
                marks[spot] = "|"

        pieces = []
        for spot, act in enumerate(actions):
            if act.help is SUPPRESS:
                pieces.append(None)
                if marks.get(spot) == "|":
                    del marks[spot]
                elif marks.get(spot + 1) == "|":
                    del marks[spot + 1]
                continue
            if act.option_strings:
                if act.nargs == 0:
                    piece = act.format_usage()
                else:
                    shown = self._format_args(act, self._get_default_metavar_for_optional(act))
                    piece = act.option_strings[0] + " " + shown
                if not act.required and act not in grouped:
                    piece = "[" + piece + "]"
            else:
                piece = self._format_args(act, self._get_default_metavar_for_positional(act))
                if act in grouped and piece[:1] == "[" and piece[-1:] == "]":
                    piece = piece[1:-1]
            pieces.append(piece)

        for spot in sorted(marks, reverse=True):
            pieces.insert(spot, marks[spot])
        joined = " ".join([piece for piece in pieces if piece is not None])
        joined = _OPENER_SPACE.sub(r"\1", joined)
        joined = _SPACE_CLOSER.sub(r"\1", joined)
        return _HOLLOW_PAIR.sub("", joined).strip()

    # ---- text and argument entries

    def _format_text(self, text):
        if "%(prog)" in text:
            text = text % {"prog": self._prog}
        margin = self._current_indent
        return self._fill_text(text, max(self._width - margin, 11), " " * margin) + "\n\n"

    def _format_action(self, action):
        column = min(self._action_max_length + 2, self._max_help_position)
        text_room = max(self._width - column, 11)
        margin = self._current_indent
        slot = column - margin - 2
        head = self._format_action_invocation(action)
        helptext = action.help
        first_pad = 0
        if not helptext:
            head = " " * margin + head + "\n"
        elif len(head) <= slot:
            head = " " * margin + head.ljust(slot) + "  "
        else:
            head = " " * margin + head + "\n"
            first_pad = column
        chunks = [head]
        if helptext and helptext.strip():
            expanded = self._expand_help(action)
            if expanded:
                pieces = self._split_lines(expanded, text_room)
                chunks.append(" " * first_pad + pieces[0] + "\n")
                hang = " " * column
                for piece in pieces[1:]:
                    chunks.append(hang + piece + "\n")
        elif head[-1:] != "\n":
            chunks.append("\n")
        for sub in self._iter_indented_subactions(action):
            chunks.append(self._format_action(sub))
        return self._join_parts(chunks)

    def _format_action_invocation(self, action):
        flags = action.option_strings
        if not flags:
            fallback = self._get_default_metavar_for_positional(action)
            (label,) = self._metavar_formatter(action, fallback)(1)
            return label
        if action.nargs == 0:
            return ", ".join(flags)
        tail = " " + self._format_args(action, self._get_default_metavar_for_optional(action))
        return ", ".join([flag + tail for flag in flags])

    def _metavar_formatter(self, action, default_metavar):
        if action.metavar is not None:
            name = action.metavar
        elif action.choices is not None:
            name = "{" + ",".join(map(str, action.choices)) + "}"
        else:
            name = default_metavar

        def format(tuple_size):
            if isinstance(name, tuple):
                return name
            return (name,) * tuple_size
        return format

    def _format_args(self, action, default_metavar):
        names = self._metavar_formatter(action, default_metavar)
        count = action.nargs
        if count is None:
            return "%s" % names(1)
        if count == OPTIONAL:
            return "[%s]" % names(1)
        if count == ZERO_OR_MORE:
            both = names(1)
            return ("[%s [%s ...]]" if len(both) == 2 else "[%s ...]") % both
        if count == ONE_OR_MORE:
            return "%s [%s ...]" % names(2)
        if count == REMAINDER:
            return "..."
        if count == PARSER:
            return "%s ..." % names(1)
        if count == SUPPRESS:
            return ""
        try:
            slots = ["%s"] * count
        except TypeError:
            raise ValueError("invalid nargs value") from None
        return " ".join(slots) % names(count)

    def _expand_help(self, action):
        table = dict(vars(action), prog=self._prog)
        for key in list(table):
            val = table[key]
            if val is SUPPRESS:
                del table[key]
            elif hasattr(val, "__name__"):
                table[key] = val.__name__
        if table.get("choices") is not None:
            table["choices"] = ", ".join([str(item) for item in table["choices"]])
        return self._get_help_string(action) % table

    def _iter_indented_subactions(self, action):
        try:
            children = action._get_subactions
        except AttributeError:
            return
        self._indent()
        yield from children()
        self._dedent()

    def _split_lines(self, text, width):
        from textwrap import wrap
        return wrap(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text, width, indent):
        from textwrap import fill
        flat = self._whitespace_matcher.sub(" ", text).strip()
        return fill(flat, width, initial_indent=indent, subsequent_indent=indent)

    def _get_help_string(self, action):
        return action.help

    def _get_default_metavar_for_optional(self, action):
        return action.dest.upper()

    def _get_default_metavar_for_positional(self, action):
        return action.dest


class RawDescriptionHelpFormatter(HelpFormatter):
    """Description and epilog keep their own line breaks."""

    def _fill_text(self, text, width, indent):
        return "".join([indent + row for row in text.splitlines(True)])


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    """Every help text keeps its own line breaks."""

    def _split_lines(self, text, width):
        return text.splitlines()


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    """Adds the default value to each argument's help."""

    def _get_help_string(self, action):
        text = "" if action.help is None else action.help
        if "%(default)" in text or action.default is SUPPRESS:
            return text
        if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
            text += " (default: %(default)s)"
        return text


class MetavarTypeHelpFormatter(HelpFormatter):
    """Uses the type's name as each argument's default metavar."""

    def _get_default_metavar_for_optional(self, action):
        return action.type.__name__

    _get_default_metavar_for_positional = _get_default_metavar_for_optional


# ===================================================================
# exceptions
# ===================================================================

def _get_action_name(argument):
    if argument is None:
        return None
    if argument.option_strings:
        return "/".join(argument.option_strings)
    for label in (argument.metavar, argument.dest):
        if label is not None and label != SUPPRESS:
            return label
    if argument.choices:
        return "{%s}" % ",".join(argument.choices)
    return None


class ArgumentError(Exception):
    """An error about one argument: str() gives "argument NAME: MESSAGE"."""

    def __init__(self, argument, message):
        self.argument_name = _get_action_name(argument)
        self.message = message

    def __str__(self):
        who = self.argument_name
        if who is None:
            return "%s" % (self.message,)
        return "argument %s: %s" % (who, self.message)


class ArgumentTypeError(Exception):
    """Raised by a type= callable to report a bad value."""


# ===================================================================
# actions
# ===================================================================

_ACTION_FIELDS = ("option_strings", "dest", "nargs", "const", "default",
                  "type", "choices", "required", "help", "metavar")


class Action(_AttributeHolder):
    """Describes one argument and what finding it on the command line does."""

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        self.option_strings, self.dest = option_strings, dest
        self.nargs, self.const, self.default = nargs, const, default
        self.type, self.choices = type, choices
        self.required, self.help, self.metavar = required, help, metavar

    def _get_kwargs(self):
        return [(field, getattr(self, field)) for field in _ACTION_FIELDS]

    def format_usage(self):
        return self.option_strings[0]

    def __call__(self, parser, namespace, values,
                 option_string=None):
        raise NotImplementedError(".__call__() not defined")


class BooleanOptionalAction(Action):
    """--name stores True and the added --no-name stores False."""

    def __init__(self, option_strings, dest, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        spelled = []
        for flag in option_strings:
            spelled.append(flag)
            if flag[:2] == "--":
                spelled.append("--no-" + flag[2:])
        super().__init__(spelled, dest, nargs=0, default=default, type=type,
                         choices=choices, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        if option_string in self.option_strings:
            negative = option_string.startswith("--no-")
            setattr(namespace, self.dest, not negative)

    def format_usage(self):
        return " | ".join(self.option_strings)


def _reject_const_without_optional(nargs, const):
    if const is not None and nargs != OPTIONAL:
        raise ValueError("nargs must be %r to supply const" % OPTIONAL)


class _StoreAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError(
                "nargs for store actions must be != 0; if you have nothing"
                " to store, actions such as store true or store const may"
                " be more appropriate")
        _reject_const_without_optional(nargs, const)
        super().__init__(option_strings, dest, nargs=nargs, const=const,
                         default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const,
                         default=default, required=required, help=help)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=False, required=False,
                 help=None):
        super().__init__(option_strings, dest, const=True, default=default,
                         required=required, help=help)


class _StoreFalseAction(_StoreConstAction):

    def __init__(self, option_strings, dest, default=True, required=False,
                 help=None):
        super().__init__(option_strings, dest, const=False, default=default,
                         required=required, help=help)


class _AppendAction(Action):

    def __init__(self, option_strings, dest, nargs=None, const=None,
                 default=None, type=None, choices=None, required=False,
                 help=None, metavar=None):
        if nargs == 0:
            raise ValueError(
                "nargs for append actions must be != 0; if arg strings are"
                " not supplying the value to append, the append const action"
                " may be more appropriate")
        _reject_const_without_optional(nargs, const)
        super().__init__(option_strings, dest, nargs=nargs, const=const,
                         default=default, type=type, choices=choices,
                         required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        bucket = _copy_items(getattr(namespace, self.dest, None))
        bucket.append(values)
        setattr(namespace, self.dest, bucket)


class _AppendConstAction(Action):

    def __init__(self, option_strings, dest, const=None, default=None,
                 required=False, help=None, metavar=None):
        super().__init__(option_strings, dest, nargs=0, const=const,
                         default=default, required=required, help=help,
                         metavar=metavar)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        bucket = _copy_items(getattr(namespace, self.dest, None))
        bucket.append(self.const)
        setattr(namespace, self.dest, bucket)


class _CountAction(Action):

    def __init__(self, option_strings, dest, default=None, required=False,
                 help=None):
        super().__init__(option_strings, dest, nargs=0, default=default,
                         required=required, help=help)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        so_far = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, 1 if so_far is None else so_far + 1)


class _HelpAction(Action):

    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS,
                 help=None):
        super().__init__(option_strings, dest, nargs=0, default=default,
                         help=help)

    def __call__(self, parser, namespace, values,
                 option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):

    def __init__(self, option_strings, version=None, dest=SUPPRESS,
                 default=SUPPRESS,
                 help="show program's version number and exit"):
        super().__init__(option_strings, dest, nargs=0, default=default,
                         help=help)
        self.version = version

    def __call__(self, parser, namespace, values,
                 option_string=None):
        text = parser.version if self.version is None else self.version
        fmt = parser._get_formatter()
        fmt.add_text(text)
        parser._print_message(fmt.format_help(), _sys.stdout)
        parser.exit()


class _ChoicesPseudoAction(Action):
    """A sub-command's entry in the subparsers action's help."""

    def __init__(self, name, aliases, help):
        label = name + " (%s)" % ", ".join(aliases) if aliases else name
        super().__init__([], name, help=help, metavar=label)


class _SubParsersAction(Action):

    _ChoicesPseudoAction = _ChoicesPseudoAction

    def __init__(self, option_strings, prog, parser_class, dest=SUPPRESS,
                 required=False, help=None, metavar=None):
        self._prog_prefix = prog
        self._parser_class = parser_class
        self._name_parser_map = by_name = {}
        self._choices_actions = []
        super().__init__(option_strings, dest, nargs=PARSER, choices=by_name,
                         required=required, help=help, metavar=metavar)

    def add_parser(self, name, **kwargs):
        if kwargs.get("prog") is None:
            kwargs["prog"] = self._prog_prefix + " " + name
        aliases = kwargs.pop("aliases", ())
        known = self._name_parser_map
        if name in known:
            raise ArgumentError(self, "conflicting subparser: %s" % name)
        for alias in aliases:
            if alias in known:
                raise ArgumentError(self, "conflicting subparser alias: %s" % alias)
        if "help" in kwargs:
            entry = self._ChoicesPseudoAction(name, aliases, kwargs.pop("help"))
            self._choices_actions.append(entry)
        made = self._parser_class(**kwargs)
        known[name] = made
        for alias in aliases:
            known[alias] = made
        return made

    def _get_subactions(self):
        return self._choices_actions

    def __call__(self, parser, namespace, values,
                 option_string=None):
        command = values[0]
        if self.dest is not SUPPRESS:
            setattr(namespace, self.dest, command)
        try:
            chosen = self._name_parser_map[command]
        except KeyError:
            names = ", ".join(self._name_parser_map)
            raise ArgumentError(self, "unknown parser %r (choices: %s)" % (command, names))
        # The sub-parser's results (its defaults too) override ours.
        inner, leftover = chosen.parse_known_args(values[1:], None)
        for key, val in vars(inner).items():
            setattr(namespace, key, val)
        if leftover:
            store = vars(namespace).setdefault(_UNRECOGNIZED_ARGS_ATTR, [])
            store.extend(leftover)


class _ExtendAction(_AppendAction):

    def __call__(self, parser, namespace, values,
                 option_string=None):
        bucket = _copy_items(getattr(namespace, self.dest, None))
        bucket.extend(values)
        setattr(namespace, self.dest, bucket)


# ===================================================================
# FileType and Namespace
# ===================================================================

class FileType(object):
    """type= factory: opens the named file; "-" means stdin or stdout."""

    def __init__(self, mode="r", bufsize=-1, encoding=None, errors=None):
        self._mode = mode
        self._bufsize = bufsize
        self._encoding = encoding
        self._errors = errors

    def __call__(self, string):
        mode = self._mode
        if string == "-":
            binary = "b" in mode
            if "r" in mode:
                return _sys.stdin.buffer if binary else _sys.stdin
            for letter in "wax":
                if letter in mode:
                    return _sys.stdout.buffer if binary else _sys.stdout
            raise ValueError('argument "-" with mode %r' % mode)
        try:
            return open(string, mode, self._bufsize, self._encoding, self._errors)
        except OSError as exc:
            raise ArgumentTypeError("can't open '%s': %s" % (string, exc))

    def __repr__(self):
        bits = []
        for val in (self._mode, self._bufsize):
            if val != -1:
                bits.append(repr(val))
        if self._encoding is not None:
            bits.append("encoding=%r" % (self._encoding,))
        if self._errors is not None:
            bits.append("errors=%r" % (self._errors,))
        return "%s(%s)" % (type(self).__name__, ", ".join(bits))


class Namespace(_AttributeHolder):
    """Holds parsed values as attributes."""

    def __init__(self, **kwargs):
        for key in kwargs:
            setattr(self, key, kwargs[key])

    def __eq__(self, other):
        if isinstance(other, Namespace):
            return vars(self) == vars(other)
        return NotImplemented

    def __contains__(self, key):
        return key in self.__dict__


# ===================================================================
# action containers: parsers and groups
# ===================================================================

_STANDARD_ACTIONS = {
    None: _StoreAction,
    "store": _StoreAction,
    "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction,
    "store_false": _StoreFalseAction,
    "append": _AppendAction,
    "append_const": _AppendConstAction,
    "count": _CountAction,
    "help": _HelpAction,
    "version": _VersionAction,
    "parsers": _SubParsersAction,
    "extend": _ExtendAction,
}

_LOOKS_NEGATIVE = _re.compile(r"^-\d+$|^-\d*\.\d+$")
_PLAIN_NARGS = frozenset([None, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE,
                          REMAINDER, PARSER, SUPPRESS])


class _ActionsContainer(object):
    """The part shared by parsers and argument groups."""

    def __init__(self, description, prefix_chars, argument_default,
                 conflict_handler):
        super().__init__()
        self.description, self.prefix_chars = description, prefix_chars
        self.argument_default = argument_default
        self.conflict_handler = conflict_handler
        self._registries = {"action": dict(_STANDARD_ACTIONS)}
        self._get_handler()
        self._actions, self._action_groups = [], []
        self._mutually_exclusive_groups = []
        self._option_string_actions, self._defaults = {}, {}
        self._negative_number_matcher = _LOOKS_NEGATIVE
        # Holds True once some option string looks like a negative number.
        self._has_negative_number_optionals = []

    # ---- registries and defaults

    def register(self, registry_name, value, object):
        table = self._registries.get(registry_name)
        if table is None:
            table = self._registries[registry_name] = {}
        table[value] = object

    def _registry_get(self, registry_name, value, default=None):
        return self._registries[registry_name].get(value, default)

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for act in self._actions:
            if act.dest in kwargs:
                act.default = kwargs[act.dest]

    def get_default(self, dest):
        for act in self._actions:
            if act.dest == dest and act.default is not None:
                return act.default
        return self._defaults.get(dest, None)

    # ---- adding arguments

    def add_argument(self, *args, **kwargs):
        """add_argument(dest, ..., name=value, ...)
        add_argument(option_string, option_string, ..., name=value, ...)"""
        positional = not args or (len(args) == 1 and args[0][0] not in self.prefix_chars)
        if not positional:
            kwargs = self._get_optional_kwargs(*args, **kwargs)
        elif args and "dest" in kwargs:
            raise ValueError("dest supplied twice for positional argument")
        else:
            kwargs = self._get_positional_kwargs(*args, **kwargs)

        if "default" not in kwargs:
            target = kwargs["dest"]
            if target in self._defaults:
                kwargs["default"] = self._defaults[target]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default

        factory = self._pop_action_class(kwargs)
        if not callable(factory):
            raise ValueError('unknown action "%s"' % (factory,))
        made = factory(**kwargs)

        converter = self._registry_get("type", made.type, made.type)
        if not callable(converter):
            raise ValueError("%r is not callable" % (converter,))
        if converter is FileType:
            raise ValueError("%r is a FileType class object, instance of it"
                             " must be passed" % (converter,))

        # A metavar tuple of the wrong size (or a nonsense nargs) is
        # reported now rather than when help is first printed.
        if hasattr(self, "_get_formatter"):
            count = made.nargs
            simple = count is None or type(count) is int or (
                type(count) is str and count in _PLAIN_NARGS)
            if not simple or isinstance(made.metavar, tuple):
                try:
                    self._get_formatter()._format_args(made, None)
                except TypeError:
                    raise ValueError("length of metavar tuple does not match nargs")
        return self._add_action(made)

    def add_argument_group(self, *args, **kwargs):
        made = _ArgumentGroup(self, *args, **kwargs)
        self._action_groups.append(made)
        return made

    def add_mutually_exclusive_group(self, **kwargs):
        made = _MutuallyExclusiveGroup(self, **kwargs)
        self._mutually_exclusive_groups.append(made)
        return made

    def _add_action(self, action):
        self._check_conflict(action)
        self._actions.append(action)
        action.container = self
        table = self._option_string_actions
        for flag in action.option_strings:
            table[flag] = action
            if not self._has_negative_number_optionals and \
                    self._negative_number_matcher.match(flag):
                self._has_negative_number_optionals.append(True)
        return action

    def _remove_action(self, action):
        self._actions.remove(action)

    def _add_container_actions(self, container):
        by_title = {}
        for grp in self._action_groups:
            if grp.title in by_title:
                raise ValueError("cannot merge actions - two groups are named %r"
                                 % (grp.title))
            by_title[grp.title] = grp
        home = {}
        for grp in container._action_groups:
            mine = by_title.get(grp.title)
            if mine is None and grp.title not in by_title:
                mine = by_title[grp.title] = self.add_argument_group(
                    title=grp.title, description=grp.description,
                    conflict_handler=grp.conflict_handler)
            for act in grp._group_actions:
                home[act] = mine
        for grp in container._mutually_exclusive_groups:
            twin = self.add_mutually_exclusive_group(required=grp.required)
            for act in grp._group_actions:
                home[act] = twin
        for act in container._actions:
            home.get(act, self)._add_action(act)

    def _get_positional_kwargs(self, dest, **kwargs):
        if "required" in kwargs:
            raise TypeError("'required' is an invalid argument for positionals")
        count = kwargs.get("nargs")
        if count == ZERO_OR_MORE:
            if "default" not in kwargs:
                kwargs["required"] = True
        elif count != OPTIONAL:
            kwargs["required"] = True
        kwargs["dest"] = dest
        kwargs["option_strings"] = []
        return kwargs

    def _get_optional_kwargs(self, *args, **kwargs):
        chars = self.prefix_chars
        flags = []
        longs = []
        for flag in args:
            if flag[0] not in chars:
                raise ValueError(
                    "invalid option string %r: must start with a character %r"
                    % (flag, chars))
            flags.append(flag)
            if len(flag) > 1 and flag[1] in chars:
                longs.append(flag)
        dest = kwargs.pop("dest", None)
        if dest is None:
            dest = (longs or flags)[0].lstrip(chars)
            if not dest:
                raise ValueError("dest= is required for options like %r" % (flag,))
            dest = dest.replace("-", "_")
        kwargs["dest"] = dest
        kwargs["option_strings"] = flags
        return kwargs

    def _pop_action_class(self, kwargs, default=None):
        wanted = kwargs.pop("action", default)
        return self._registry_get("action", wanted, wanted)

    # ---- option string conflicts

    def _get_handler(self):
        try:
            return getattr(self, "_handle_conflict_" + str(self.conflict_handler))
        except AttributeError:
            raise ValueError("invalid conflict_resolution value: %r"
                             % (self.conflict_handler,))

    def _check_conflict(self, action):
        table = self._option_string_actions
        clashes = [(flag, table[flag]) for flag in action.option_strings if flag in table]
        if clashes:
            self._get_handler()(action, clashes)

    def _handle_conflict_error(self, action, conflicting_actions):
        flags = ", ".join([pair[0] for pair in conflicting_actions])
        noun = "string" if len(conflicting_actions) == 1 else "strings"
        raise ArgumentError(action, "conflicting option %s: %s" % (noun, flags))

    def _handle_conflict_resolve(self, action, conflicting_actions):
        # The newest action keeps the option strings; an older one left
        # with none goes away entirely.
        for flag, older in conflicting_actions:
            older.option_strings.remove(flag)
            self._option_string_actions.pop(flag, None)
            if not older.option_strings:
                older.container._remove_action(older)


# What an argument group shares with (rather than copies from) its container.
_SHARED_TABLES = ("_registries", "_actions", "_option_string_actions",
                  "_defaults", "_has_negative_number_optionals",
                  "_mutually_exclusive_groups")


class _ArgumentGroup(_ActionsContainer):

    def __init__(self, container, title=None, description=None, **kwargs):
        # No super().__init__: a group only adds to its container's tables.
        self.description = description
        for setting in ("argument_default", "prefix_chars", "conflict_handler"):
            setattr(self, setting, kwargs.pop(setting, getattr(container, setting)))
        if kwargs:
            unexpected = next(iter(kwargs))
            raise TypeError("_ActionsContainer.__init__() got an unexpected "
                            "keyword argument '%s'" % unexpected)
        self._get_handler()
        self.title = title
        self._group_actions, self._action_groups = [], []
        self._negative_number_matcher = _LOOKS_NEGATIVE
        for table in _SHARED_TABLES:
            setattr(self, table, getattr(container, table))

    def _add_action(self, action):
        super()._add_action(action)
        self._group_actions.append(action)
        return action

    def add_argument_group(self, *args, **kwargs):
        from warnings import warn
        warn("Nesting argument groups is deprecated.", DeprecationWarning, 2)
        return super().add_argument_group(*args, **kwargs)

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
        self._container._add_action(action)
        self._group_actions.append(action)
        return action

    def _remove_action(self, action):
        self._container._remove_action(action)
        self._group_actions.remove(action)

    def add_mutually_exclusive_group(self, **kwargs):
        from warnings import warn
        warn("Nesting mutually exclusive groups is deprecated.",
             DeprecationWarning, 2)
        return super().add_mutually_exclusive_group(**kwargs)


# ===================================================================
# the parser
# ===================================================================

# Per nargs: the regular expression run over the command line's shape
# ("A" a value, "O" an option, "-" a "--"); group 1 is what is taken.
_SHAPES = {
    None: "(-*A-*)",
    OPTIONAL: "(-*A?-*)",
    ZERO_OR_MORE: "(-*[A-]*)",
    ONE_OR_MORE: "(-*A[A-]*)",
    REMAINDER: "([-AO]*)",
    PARSER: "(-*A[-AO]*)",
    SUPPRESS: "(-*-*)",
}
# The same for options, which never take a "--".
_OPTION_SHAPES = {key: val.replace("-*", "").replace("-", "")
                  for key, val in _SHAPES.items()}
_COMPILED = {}


def _shape_matcher(shape):
    found = _COMPILED.get(shape)
    if found is None:
        found = _COMPILED[shape] = _re.compile(shape)
    return found


def _count_error(nargs):
    if nargs is None:
        return "expected one argument"
    if nargs == OPTIONAL:
        return "expected at most one argument"
    if nargs == ONE_OR_MORE:
        return "expected at least one argument"
    if nargs == 1:
        return "expected %s argument" % nargs
    return "expected %s arguments" % (nargs,)


def _identity(string):
    return string


class ArgumentParser(_AttributeHolder, _ActionsContainer):
    """Turns command-line strings into a Namespace."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None,
                 parents=[], formatter_class=HelpFormatter, prefix_chars="-",
                 fromfile_prefix_chars=None, argument_default=None,
                 conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        super().__init__(description=description, prefix_chars=prefix_chars,
                         conflict_handler=conflict_handler,
                         argument_default=argument_default)
        self.prog = _os.path.basename(_sys.argv[0]) if prog is None else prog
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
        self.register("type", None, _identity)

        if add_help:
            lead = "-" if "-" in prefix_chars else prefix_chars[0]
            self.add_argument(lead + "h", lead + lead + "help", action="help",
                              default=SUPPRESS,
                              help="show this help message and exit")
        for parent in parents:
            self._add_container_actions(parent)
            inherited = getattr(parent, "_defaults", None)
            if inherited is not None:
                self._defaults.update(inherited)

    def _get_kwargs(self):
        return [(key, getattr(self, key)) for key in
                ("prog", "usage", "description", "formatter_class",
                 "conflict_handler", "add_help")]

    # ---- sub-commands

    def add_subparsers(self, **kwargs):
        if self._subparsers is not None:
            self.error("cannot have multiple subparser arguments")
        kwargs.setdefault("parser_class", type(self))
        if "title" in kwargs or "description" in kwargs:
            heading = kwargs.pop("title", "subcommands")
            blurb = kwargs.pop("description", None)
            self._subparsers = self.add_argument_group(heading, blurb)
        else:
            self._subparsers = self._positionals
        if kwargs.get("prog") is None:
            # prog, then the positionals so far, then the command's name.
            fmt = self._get_formatter()
            fmt.add_usage(self.usage, self._get_positional_actions(),
                          self._mutually_exclusive_groups, "")
            kwargs["prog"] = fmt.format_help().strip()
        factory = self._pop_action_class(kwargs, "parsers")
        made = factory(option_strings=[], **kwargs)
        self._subparsers._add_action(made)
        return made

    def _add_action(self, action):
        if action.option_strings:
            return self._optionals._add_action(action)
        return self._positionals._add_action(action)

    def _get_optional_actions(self):
        return [act for act in self._actions if act.option_strings]

    def _get_positional_actions(self):
        return [act for act in self._actions if not act.option_strings]

    # ---- entry points

    def parse_args(self, args=None, namespace=None):
        result, unknown = self.parse_known_args(args, namespace)
        if unknown:
            self.error("unrecognized arguments: " + " ".join(unknown))
        return result

    def parse_known_args(self, args=None, namespace=None):
        args = _sys.argv[1:] if args is None else list(args)
        if namespace is None:
            namespace = Namespace()
        has = hasattr
        put = setattr
        for act in self._actions:
            target = act.dest
            if target is not SUPPRESS and act.default is not SUPPRESS \
                    and not has(namespace, target):
                put(namespace, target, act.default)
        for target, val in self._defaults.items():
            if not has(namespace, target):
                put(namespace, target, val)

        if not self.exit_on_error:
            namespace, args = self._parse_known_args(args, namespace)
        else:
            try:
                namespace, args = self._parse_known_args(args, namespace)
            except ArgumentError as problem:
                self.error(str(problem))

        if has(namespace, _UNRECOGNIZED_ARGS_ATTR):
            args.extend(getattr(namespace, _UNRECOGNIZED_ARGS_ATTR))
            delattr(namespace, _UNRECOGNIZED_ARGS_ATTR)
        return namespace, args

    # ---- the parsing engine

    def _parse_known_args(self, arg_strings, namespace):
        if self.fromfile_prefix_chars is not None:
            arg_strings = self._read_args_from_files(arg_strings)

        rivals = {}
        for grp in self._mutually_exclusive_groups:
            members = grp._group_actions
            for spot, member in enumerate(members):
                rivals.setdefault(member, []).extend(members[:spot] + members[spot + 1:])

        # The shape of the command line: one letter per string.
        found_options = {}
        letters = []
        classify = self._parse_optional
        total = len(arg_strings)
        for spot in range(total):
            text = arg_strings[spot]
            if text == "--":
                letters.append("-" + "A" * (total - spot - 1))
                break
            parsed = classify(text)
            if parsed is None:
                letters.append("A")
            else:
                found_options[spot] = parsed
                letters.append("O")
        shape = "".join(letters)

        seen = set()
        seen_explicit = set()
        extras = []
        get_values = self._get_values

        def take_action(action, argument_strings, option_string=None):
            seen.add(action)
            values = get_values(action, argument_strings)
            # Only a value other than the default counts against the
            # mutually exclusive partners.
            if values is not action.default:
                seen_explicit.add(action)
                for other in rivals.get(action, ()):
                    if other in seen_explicit:
                        raise ArgumentError(action, "not allowed with argument %s"
                                            % _get_action_name(other))
            if values is not SUPPRESS:
                action(self, namespace, values, option_string)

        known = self._option_string_actions
        chars = self.prefix_chars
        count_args = self._match_argument

        def consume_optional(at):
            action, flag, attached = found_options[at]
            queue = []
            while True:
                if action is None:
                    extras.append(arg_strings[at])
                    return at + 1
                if attached is None:
                    begin = at + 1
                    end = begin + count_args(action, shape[begin:])
                    queue.append((action, arg_strings[begin:end], flag))
                    break
                # "--flag=value", "-fvalue" or bundled single-letter flags.
                taken = count_args(action, "A")
                if taken == 1:
                    end = at + 1
                    queue.append((action, [attached], flag))
                    break
                if taken == 0 and flag[1] not in chars and attached != "":
                    queue.append((action, [], flag))
                    flag = flag[0] + attached[0]
                    if flag not in known:
                        raise ArgumentError(action, "ignored explicit argument %r"
                                            % attached)
                    action = known[flag]
                    attached = attached[1:] or None
                    continue
                raise ArgumentError(action, "ignored explicit argument %r" % attached)
            for action, taken_args, flag in queue:
                take_action(action, taken_args, flag)
            return end

        waiting = self._get_positional_actions()

        def consume_positionals(at):
            if not waiting:
                return at
            sizes = self._match_arguments_partial(waiting, shape[at:])
            for action, size in zip(waiting, sizes):
                taken_args = arg_strings[at:at + size]
                at += size
                take_action(action, taken_args)
            del waiting[:len(sizes)]
            return at

        option_spots = sorted(found_options)
        cursor = 0
        spots_left = len(option_spots)
        position = 0
        while cursor < spots_left:
            upcoming = option_spots[cursor]
            if upcoming < position:
                cursor += 1
                continue
            if position != upcoming:
                moved = consume_positionals(position)
                if moved > position:
                    position = moved
                    continue
                if position not in found_options:
                    extras.extend(arg_strings[position:upcoming])
                    position = upcoming
            position = consume_optional(position)
        position = consume_positionals(position)
        extras.extend(arg_strings[position:])

        missing = []
        for act in self._actions:
            if act in seen:
                continue
            if act.required:
                missing.append(_get_action_name(act))
                continue
            start_value = act.default
            # An untouched string default still goes through type=.
            if isinstance(start_value, str) and \
                    getattr(namespace, act.dest, not start_value) is start_value:
                setattr(namespace, act.dest, self._get_value(act, start_value))
        if missing:
            self.error("the following arguments are required: %s" % ", ".join(missing))

        for grp in self._mutually_exclusive_groups:
            if not grp.required:
                continue
            members = grp._group_actions
            if any(member in seen_explicit for member in members):
                continue
            listed = [_get_action_name(member) for member in members
                      if member.help is not SUPPRESS]
            self.error("one of the arguments %s is required" % " ".join(listed))
        return namespace, extras

    def _read_args_from_files(self, arg_strings):
        marks = self.fromfile_prefix_chars
        result = []
        for text in arg_strings:
            if not text or text[0] not in marks:
                result.append(text)
                continue
            try:
                with open(text[1:]) as source:
                    lines = source.read().splitlines()
                collected = []
                for line in lines:
                    collected.extend(self.convert_arg_line_to_args(line))
                result.extend(self._read_args_from_files(collected))
            except OSError as problem:
                self.error(str(problem))
        return result

    def convert_arg_line_to_args(self, arg_line):
        return [arg_line]

    def _match_argument(self, action, arg_strings_pattern):
        hit = _shape_matcher(self._get_nargs_pattern(action)).match(arg_strings_pattern)
        if hit is None:
            raise ArgumentError(action, _count_error(action.nargs))
        return len(hit.group(1))

    def _match_arguments_partial(self, actions, arg_strings_pattern):
        shapes = [self._get_nargs_pattern(act) for act in actions]
        for size in range(len(shapes), 0, -1):
            hit = _shape_matcher("".join(shapes[:size])).match(arg_strings_pattern)
            if hit is not None:
                return [len(piece) for piece in hit.groups()]
        return []

    def _parse_optional(self, arg_string):
        """None for a positional string, else (action or None, option
        string, attached value or None)."""
        if not arg_string or arg_string[0] not in self.prefix_chars:
            return None
        table = self._option_string_actions
        act = table.get(arg_string)
        if act is not None:
            return act, arg_string, None
        if len(arg_string) == 1:
            return None
        head, eq, tail = arg_string.partition("=")
        if eq and head in table:
            return table[head], head, tail

        candidates = self._get_option_tuples(arg_string)
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            names = ", ".join([cand[1] for cand in candidates])
            self.error("ambiguous option: %s could match %s" % (arg_string, names))

        # "-5" is a value unless the parser has options that look like it.
        if self._negative_number_matcher.match(arg_string) and \
                not self._has_negative_number_optionals:
            return None
        if " " in arg_string:
            return None
        return None, arg_string, None

    def _get_option_tuples(self, option_string):
        chars = self.prefix_chars
        table = self._option_string_actions
        found = []
        if option_string[0] not in chars:
            self.error("unexpected option string: %s" % option_string)
        elif option_string[1] in chars:
            # "--pre" or "--pre=value": every long option starting so.
            if self.allow_abbrev:
                stem, eq, value = option_string.partition("=")
                value = value if eq else None
                for flag, act in table.items():
                    if flag.startswith(stem):
                        found.append((act, flag, value))
        else:
            # "-xVALUE" for the option "-x", or a prefix of "-xyz".
            two = option_string[:2]
            rest = option_string[2:]
            for flag, act in table.items():
                if flag == two:
                    found.append((act, flag, rest))
                elif flag.startswith(option_string):
                    found.append((act, flag, None))
        return found

    def _get_nargs_pattern(self, action):
        count = action.nargs
        shapes = _OPTION_SHAPES if action.option_strings else _SHAPES
        try:
            return shapes[count]
        except (KeyError, TypeError):
            pass
        shape = "(-*%s-*)" % "-*".join("A" * count)
        if action.option_strings:
            shape = shape.replace("-*", "").replace("-", "")
        return shape

    # ---- intermixed parsing

    def parse_intermixed_args(self, args=None, namespace=None):
        result, unknown = self.parse_known_intermixed_args(args, namespace)
        if unknown:
            self.error("unrecognized arguments: " + " ".join(unknown))
        return result

    def parse_known_intermixed_args(self, args=None, namespace=None):
        # Pass one takes the options with every positional switched off;
        # pass two gives the positionals what is left, nothing required.
        plain = self._get_positional_actions()
        for act in plain:
            if act.nargs in (PARSER, REMAINDER):
                raise TypeError("parse_intermixed_args: positional arg"
                                " with nargs=%s" % act.nargs)
        for grp in self._mutually_exclusive_groups:
            if any(member in plain for member in grp._group_actions):
                raise TypeError("parse_intermixed_args: positional in"
                                " mutuallyExclusiveGroup")

        kept_usage = self.usage
        try:
            if kept_usage is None:
                self.usage = self.format_usage()[7:]
            saved = [(act, act.nargs, act.default) for act in plain]
            try:
                for act in plain:
                    act.nargs = act.default = SUPPRESS
                namespace, rest = self.parse_known_args(args, namespace)
                for act in plain:
                    if hasattr(namespace, act.dest) and getattr(namespace, act.dest) == []:
                        from warnings import warn
                        warn("Do not expect %s in %s" % (act.dest, namespace))
                        delattr(namespace, act.dest)
            finally:
                for act, count, default in saved:
                    act.nargs = count
                    act.default = default

            flagged = [(act, act.required) for act in self._get_optional_actions()]
            grouped = [(grp, grp.required) for grp in self._mutually_exclusive_groups]
            try:
                for thing, _ in flagged + grouped:
                    thing.required = False
                namespace, extras = self.parse_known_args(rest, namespace)
            finally:
                for thing, was in flagged + grouped:
                    thing.required = was
        finally:
            self.usage = kept_usage
        return namespace, extras

    # ---- turning strings into values

    def _get_values(self, action, arg_strings):
        count = action.nargs
        if count != PARSER and count != REMAINDER and "--" in arg_strings:
            arg_strings.remove("--")
        convert = self._get_value
        if not arg_strings:
            if count == OPTIONAL:
                found = action.const if action.option_strings else action.default
                if isinstance(found, str):
                    found = convert(action, found)
                    self._check_value(action, found)
                return found
            if count == ZERO_OR_MORE and not action.option_strings:
                found = arg_strings if action.default is None else action.default
                self._check_value(action, found)
                return found
        elif len(arg_strings) == 1 and (count is None or count == OPTIONAL):
            found = convert(action, arg_strings[0])
            self._check_value(action, found)
            return found
        if count == SUPPRESS:
            return SUPPRESS
        found = [convert(action, text) for text in arg_strings]
        if count == PARSER:
            self._check_value(action, found[0])
        elif count != REMAINDER:
            for item in found:
                self._check_value(action, item)
        return found

    def _get_value(self, action, arg_string):
        converter = self._registry_get("type", action.type, action.type)
        if not callable(converter):
            raise ArgumentError(action, "%r is not callable" % (converter,))
        try:
            return converter(arg_string)
        except ArgumentTypeError as problem:
            raise ArgumentError(action, str(problem))
        except (TypeError, ValueError):
            label = getattr(action.type, "__name__", None)
            if label is None:
                label = repr(action.type)
            raise ArgumentError(action, "invalid %s value: %r" % (label, arg_string))

    def _check_value(self, action, value):
        allowed = action.choices
        if allowed is not None and value not in allowed:
            listing = ", ".join([repr(item) for item in allowed])
            raise ArgumentError(action, "invalid choice: %r (choose from %s)"
                                % (value, listing))

    # ---- help, usage and messages

    def format_usage(self):
        fmt = self._get_formatter()
        fmt.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        return fmt.format_help()

    def format_help(self):
        fmt = self._get_formatter()
        fmt.add_usage(self.usage, self._actions, self._mutually_exclusive_groups)
        fmt.add_text(self.description)
        for grp in self._action_groups:
            fmt.start_section(grp.title)
            fmt.add_text(grp.description)
            fmt.add_arguments(grp._group_actions)
            fmt.end_section()
        fmt.add_text(self.epilog)
        return fmt.format_help()

    def _get_formatter(self):
        return self.formatter_class(prog=self.prog)

    def print_usage(self, file=None):
        self._print_message(self.format_usage(), _sys.stdout if file is None else file)

    def print_help(self, file=None):
        self._print_message(self.format_help(), _sys.stdout if file is None else file)

    def _print_message(self, message, file=None):
        if not message:
            return
        try:
            (file or _sys.stderr).write(message)
        except (AttributeError, OSError):
            pass

    def exit(self, status=0, message=None):
        if message:
            self._print_message(message, _sys.stderr)
        _sys.exit(status)

    def error(self, message):
        """Print the usage and the message to stderr, then exit with 2."""
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))
