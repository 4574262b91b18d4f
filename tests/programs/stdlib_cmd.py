# Golden test for cmd: dispatch, help, columnize, cmdloop with StringIO.
import cmd
import io


class Shell(cmd.Cmd):
    """A small command interpreter."""

    intro = "Welcome to the test shell."
    prompt = "(test) "

    def preloop(self):
        print("preloop")

    def postloop(self):
        print("postloop")

    def precmd(self, line):
        print("precmd %r" % line)
        return line.lower() if line.startswith("UP") else line

    def postcmd(self, stop, line):
        print("postcmd %r %r" % (stop, line))
        return stop

    def do_greet(self, arg):
        """greet [name]: say hello."""
        self.stdout.write("hello %s\n" % (arg or "world"))

    def do_add(self, arg):
        """add a b: print the sum."""
        a, b = arg.split()
        self.stdout.write("%d\n" % (int(a) + int(b)))

    def do_undoc(self, arg):
        self.stdout.write("undoc %r\n" % arg)

    def do_shell(self, arg):
        self.stdout.write("shell %r\n" % arg)

    def help_add(self):
        self.stdout.write("help for add from help_add\n")

    def help_topic(self):
        self.stdout.write("a miscellaneous topic\n")

    def do_quit(self, arg):
        """Quit the shell."""
        self.stdout.write("bye\n")
        return True

    def do_EOF(self, arg):
        self.stdout.write("EOF reached\n")
        return True


out = io.StringIO()
inp = io.StringIO("greet\ngreet Bob\n\nadd 2 3\nUPGREET x\n? add\nhelp greet\n"
                  "help undoc\nhelp nosuch\n!ls -l\nnosuch 1\n$$$\nhelp\nquit\n")
sh = Shell(stdin=inp, stdout=out)
sh.use_rawinput = False
sh.cmdloop()
print(out.getvalue(), end="")
print("lastcmd", repr(sh.lastcmd))

# End of input becomes the EOF command; an intro argument overrides.
out = io.StringIO()
sh = Shell(stdin=io.StringIO("undoc a b  \n"), stdout=out)
sh.use_rawinput = False
sh.cmdloop("Custom intro")
print(out.getvalue(), end="")
print("lastcmd", repr(sh.lastcmd))

# cmdqueue is consumed first.
out = io.StringIO()
sh = Shell(stdin=io.StringIO(""), stdout=out)
sh.use_rawinput = False
sh.intro = ""
sh.cmdqueue = ["greet queued", "quit"]
sh.cmdloop()
print(repr(out.getvalue()))

# parseline
base = cmd.Cmd(stdout=io.StringIO())
for line in ["", "   ", "help me", "?x", "!ls", "cmd-arg", "  spaced  out  ",
             "x.y z", "123abc", "*star"]:
    print(repr(line), base.parseline(line))
print(base.onecmd("unknown thing"), repr(base.stdout.getvalue()))
print(base.onecmd(""), base.lastcmd)

# use_rawinput with input() reading sys.stdin.
import sys
old = sys.stdin, sys.stdout
sys.stdin = io.StringIO("greet raw\n")
buf = io.StringIO()
sys.stdout = buf
try:
    s2 = Shell()
    s2.cmdloop()
finally:
    sys.stdin, sys.stdout = old
print(repr(buf.getvalue()))

# columnize
c = cmd.Cmd(stdout=io.StringIO())
c.columnize([])
c.columnize(["only"])
c.columnize(["a", "bb", "ccc", "dddd"])
c.columnize(["word%d" % i for i in range(40)], 40)
c.columnize(["x" * 50, "y" * 40], 60)
c.columnize(["alpha", "", "beta", ""], 10)
print(c.stdout.getvalue(), end="")
try:
    c.columnize(["a", 1, "b", None])
except TypeError as e:
    print("TypeError:", e)

# help with no documented commands, and with a custom ruler/headers.
class Bare(cmd.Cmd):
    ruler = "-"
    doc_leader = "Leader text"
    undoc_header = "Other commands:"

    def do_a(self, arg):
        pass

    def do_b(self, arg):
        pass


b = Bare(stdout=io.StringIO())
b.onecmd("help")
print(b.stdout.getvalue(), end="")
print(cmd.Cmd(stdout=io.StringIO()).do_help("") is None)

# completion helpers
sh = Shell(stdout=io.StringIO())
print(sorted(sh.completenames("g")), sorted(sh.completenames("")))
print(sorted(sh.complete_help("a")), sh.completedefault("x", "y", 0, 1))
print(sh.complete("gr", 0), sh.complete("gr", 1))
print(cmd.PROMPT, len(cmd.IDENTCHARS), cmd.Cmd.doc_header, cmd.Cmd.nohelp)
print(cmd.__all__)
