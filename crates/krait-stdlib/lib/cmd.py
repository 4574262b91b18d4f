"""A framework for line-oriented command interpreters (CPython's `cmd`):
the Cmd class.

A subclass defines do_<name>(arg) methods for its commands and,
optionally, help_<name>() methods; cmdloop() reads lines, splits off the
command word and dispatches. "?" is short for "help" and "!" for
"shell" (when do_shell exists). Built-in help lists the documented and
undocumented commands and the extra help topics in columns.

krait has no readline module, so cmdloop() never installs a completer;
complete() still answers from the command names (and complete_<name>
methods) but, lacking readline's line buffer, treats `text` as the
whole line typed so far.
"""

import string
import sys

__all__ = ["Cmd"]

PROMPT = "(Cmd) "
IDENTCHARS = string.ascii_letters + string.digits + "_"


class Cmd:
    """A simple framework for writing line-oriented command
    interpreters; meant to be subclassed."""

    prompt = PROMPT
    identchars = IDENTCHARS
    ruler = "="
    lastcmd = ""
    intro = None
    doc_leader = ""
    doc_header = "Documented commands (type help <topic>):"
    misc_header = "Miscellaneous help topics:"
    undoc_header = "Undocumented commands:"
    nohelp = "*** No help on %s"
    use_rawinput = 1

    def __init__(self, completekey="tab", stdin=None, stdout=None):
        """`stdin` and `stdout` default to sys.stdin and sys.stdout;
        set use_rawinput to False to make cmdloop read from a given
        stdin rather than through input()."""
        self.stdin = stdin if stdin is not None else sys.stdin
        self.stdout = stdout if stdout is not None else sys.stdout
        self.cmdqueue = []
        self.completekey = completekey

    def cmdloop(self, intro=None):
        """Repeatedly prompt, read a line and dispatch it, until a
        command method (through postcmd) returns a true value. End of
        input arrives as the command "EOF". `intro`, if given, replaces
        self.intro, which is written first."""
        self.preloop()
        if intro is not None:
            self.intro = intro
        if self.intro:
            self.stdout.write(str(self.intro) + "\n")
        stop = None
        while not stop:
            if self.cmdqueue:
                line = self.cmdqueue.pop(0)
            else:
                line = self._read_line()
            line = self.precmd(line)
            stop = self.onecmd(line)
            stop = self.postcmd(stop, line)
        self.postloop()

    def _read_line(self):
        if self.use_rawinput:
            try:
                return input(self.prompt)
            except EOFError:
                return "EOF"
        self.stdout.write(self.prompt)
        self.stdout.flush()
        line = self.stdin.readline()
        if not line:
            return "EOF"
        return line.rstrip("\r\n")

    def precmd(self, line):
        """Hook run on each line before it is interpreted; returns the
        line to interpret."""
        return line

    def postcmd(self, stop, line):
        """Hook run after a command; returns the (possibly changed)
        stop flag."""
        return stop

    def preloop(self):
        """Hook run once when cmdloop() starts."""

    def postloop(self):
        """Hook run once when cmdloop() is about to return."""

    def parseline(self, line):
        """Split a line into (command, argument, line). The command is
        the leading run of identchars; `line` comes back stripped, with
        "?" and "!" expanded. (None, None, line) when there is no
        command word."""
        line = line.strip()
        if not line:
            return None, None, line
        if line[0] == "?":
            line = "help " + line[1:]
        elif line[0] == "!":
            if not hasattr(self, "do_shell"):
                return None, None, line
            line = "shell " + line[1:]
        end = 0
        while end < len(line) and line[end] in self.identchars:
            end += 1
        return line[:end], line[end:].strip(), line

    def onecmd(self, line):
        """Interpret one line as if typed at the prompt and return what
        the command method returns (a true value stops cmdloop)."""
        command, arg, line = self.parseline(line)
        if not line:
            return self.emptyline()
        if command is None:
            return self.default(line)
        self.lastcmd = line
        if line == "EOF":
            # Repeating end-of-input on an empty line would be wrong.
            self.lastcmd = ""
        if command == "":
            return self.default(line)
        try:
            method = getattr(self, "do_" + command)
        except AttributeError:
            return self.default(line)
        return method(arg)

    def emptyline(self):
        """Called for an empty line: repeats the last nonempty command
        by default."""
        if self.lastcmd:
            return self.onecmd(self.lastcmd)

    def default(self, line):
        """Called for a line whose command is unknown."""
        self.stdout.write("*** Unknown syntax: %s\n" % line)

    def completedefault(self, *ignored):
        """Completion for commands without a complete_<name> method."""
        return []

    def completenames(self, text, *ignored):
        """Command names starting with `text`."""
        prefix = "do_" + text
        return [name[3:] for name in self.get_names()
                if name.startswith(prefix)]

    def complete(self, text, state):
        """Return the state'th completion for `text`, or None. Without
        readline, `text` is taken as the whole line typed so far."""
        if state == 0:
            line = text.lstrip()
            if " " in line:
                command, arg, _ = self.parseline(line)
                word = line.split()[-1] if not line.endswith(" ") else ""
                begidx = len(text) - len(word)
                endidx = len(text)
                if command == "":
                    completer = self.completedefault
                else:
                    completer = getattr(self, "complete_" + command,
                                        self.completedefault)
                self.completion_matches = completer(word, line, begidx,
                                                    endidx)
            else:
                self.completion_matches = self.completenames(line, line,
                                                             0, len(line))
        try:
            return self.completion_matches[state]
        except IndexError:
            return None

    def get_names(self):
        """The attribute names searched for do_, help_ and complete_
        methods (those of the class, not of the instance)."""
        return dir(self.__class__)

    def complete_help(self, *args):
        commands = set(self.completenames(*args))
        topics = set(name[5:] for name in self.get_names()
                     if name.startswith("help_" + args[0]))
        return list(commands | topics)

    def do_help(self, arg):
        'List available commands with "help" or detailed help with "help cmd".'
        if arg:
            self._help_on(arg)
            return
        names = self.get_names()
        topics = set(name[5:] for name in names if name.startswith("help_"))
        documented = []
        undocumented = []
        seen = set()
        for name in sorted(names):
            if not name.startswith("do_") or name in seen:
                continue
            seen.add(name)
            command = name[3:]
            if command in topics:
                # A help_ method documents the command: not a topic.
                documented.append(command)
                topics.discard(command)
            elif getattr(self, name).__doc__:
                documented.append(command)
            else:
                undocumented.append(command)
        self.stdout.write("%s\n" % str(self.doc_leader))
        self.print_topics(self.doc_header, documented, 15, 80)
        self.print_topics(self.misc_header, sorted(topics), 15, 80)
        self.print_topics(self.undoc_header, undocumented, 15, 80)

    def _help_on(self, arg):
        helper = getattr(self, "help_" + arg, None)
        if helper is not None:
            helper()
            return
        command = getattr(self, "do_" + arg, None)
        if command is not None and command.__doc__:
            self.stdout.write("%s\n" % str(command.__doc__))
            return
        self.stdout.write("%s\n" % str(self.nohelp % (arg,)))

    def print_topics(self, header, cmds, cmdlen, maxcol):
        """Write `header`, a ruler under it and `cmds` in columns; no
        output when `cmds` is empty. `cmdlen` is unused."""
        if cmds:
            self.stdout.write("%s\n" % str(header))
            if self.ruler:
                self.stdout.write("%s\n" % str(self.ruler * len(header)))
            self.columnize(cmds, maxcol - 1)
            self.stdout.write("\n")

    def columnize(self, list, displaywidth=80):
        """Write a list of strings as compact columns, filled down
        first, separated by two spaces, fitting `displaywidth` if
        possible (one column otherwise)."""
        if not list:
            self.stdout.write("<empty>\n")
            return
        bad = [str(i) for i, item in enumerate(list)
               if not isinstance(item, str)]
        if bad:
            raise TypeError("list[i] not a string for i in %s"
                            % ", ".join(bad))
        size = len(list)
        if size == 1:
            self.stdout.write("%s\n" % str(list[0]))
            return
        nrows, widths = self._fit_columns(list, displaywidth)
        for row in range(nrows):
            texts = [list[i] for i in range(row, size, nrows)]
            while texts and not texts[-1]:
                texts.pop()
            texts = [text.ljust(widths[col]) for col, text in enumerate(texts)]
            self.stdout.write("%s\n" % str("  ".join(texts)))

    @staticmethod
    def _fit_columns(items, displaywidth):
        """The fewest rows whose columns fit in displaywidth, with the
        column widths; one row per item when nothing fits."""
        size = len(items)
        for nrows in range(1, size):
            ncols = (size + nrows - 1) // nrows
            widths = []
            total = -2
            for col in range(ncols):
                column = items[col * nrows:(col + 1) * nrows]
                width = max(len(x) for x in column) if column else 0
                widths.append(width)
                total += width + 2
                if total > displaywidth:
                    break
            if total <= displaywidth:
                return nrows, widths
        return size, [0]
