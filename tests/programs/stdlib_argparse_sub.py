# argparse: sub-commands, parents, conflict handling, prefix characters,
# argument files, intermixed parsing, custom actions and parsers,
# exit_on_error, reprs and the errors raised for bad definitions.
import os
os.environ["COLUMNS"] = "80"  # before any parser: fixes the help width

import argparse
import contextlib
import io
import sys


def exit_code(e):
    return e.args[0] if e.args else None


def run(parser, args, method="parse_args"):
    """Parses args; on SystemExit shows the exit code and what was written."""
    out = io.StringIO()
    err = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            result = getattr(parser, method)(args)
        print(args, "->", result)
    except SystemExit as e:
        print(args, "-> exit", exit_code(e))
        print(out.getvalue() + err.getvalue(), end="")
    except Exception as e:
        print(args, "->", type(e).__name__, e)


def attempt(label, func, *args, **kwargs):
    try:
        print(label, func(*args, **kwargs))
    except Exception as e:
        print(label, type(e).__name__, e)


print("-- sub-commands")
p = argparse.ArgumentParser(prog="git")
p.add_argument("--debug", action="store_true")
sp = p.add_subparsers(dest="cmd", help="sub-command help", metavar="COMMAND")
c = sp.add_parser("commit", help="record changes", aliases=["ci"])
c.add_argument("-m", "--message", required=True)
c.add_argument("files", nargs="*")
c.set_defaults(func="do_commit")
pu = sp.add_parser("push", help="update remote")
pu.add_argument("remote", nargs="?", default="origin")
pu.add_argument("--force", "-f", action="store_true")
sp.add_parser("status")
print(p.format_help())
print(c.format_help())
print(pu.format_usage())
for args in [["commit", "-m", "x", "a", "b"], ["ci", "-m", "y"], ["--debug", "push"],
             ["push", "up", "-f"], ["pull"], [], ["commit"], ["status", "extra"],
             ["push", "--bogus"], ["commit", "-h"]]:
    run(p, args)
run(p, ["push", "--bogus", "x"], "parse_known_args")

p = argparse.ArgumentParser(prog="tool", description="Tool.")
sp = p.add_subparsers(title="commands", description="valid commands",
                      required=True, dest="command")
sp.add_parser("a", help="do a")
sp.add_parser("bb", help="do bb")
sp.add_parser("ccc")
print(p.format_help())
run(p, [])
run(p, ["bb"])
run(p, ["x"])
p = argparse.ArgumentParser(prog="t2")
sp = p.add_subparsers()
sp.add_parser("one")
sp.add_parser("two")
print(p.format_help())
run(p, [])
run(p, ["one"])

p = argparse.ArgumentParser(prog="top")
p.add_argument("input")
sp = p.add_subparsers(dest="sub", required=True, title="Sub", help="pick one")
a = sp.add_parser("alpha", aliases=["al", "a"], help="alpha help", description="Alpha desc")
a.add_argument("--level", type=int, default=1)
b = sp.add_parser("beta", prog="custom-beta", help=argparse.SUPPRESS)
b.add_argument("items", nargs="+")
print(p.format_help())
print(a.format_help())
print(b.format_usage())
for args in [["in", "a", "--level", "3"], ["in"], ["in", "beta"],
             ["in", "beta", "x", "--zz"], ["in", "al", "--level", "x"]]:
    run(p, args)
attempt("dup parser:", sp.add_parser, "alpha")
attempt("dup alias:", sp.add_parser, "new", aliases=["a"])
err = io.StringIO()
with contextlib.redirect_stderr(err):
    try:
        p.add_subparsers()
    except SystemExit as e:
        print("second add_subparsers: exit", exit_code(e))
print(err.getvalue(), end="")
ns = argparse.Namespace(pre="set")
print(p.parse_args(["I", "alpha"], namespace=ns), p.parse_args(["I", "alpha"], ns) is ns)

print("-- parents and conflicts")
parent = argparse.ArgumentParser(add_help=False)
parent.add_argument("--parent", type=int, default=7)
parent.add_argument_group("shared").add_argument("--shared", action="store_true")
pm = parent.add_mutually_exclusive_group()
pm.add_argument("--left", action="store_true")
pm.add_argument("--right", action="store_true")
parent.set_defaults(extra="E")
child = argparse.ArgumentParser(prog="child", parents=[parent], description="kid")
child.add_argument("thing")
print(child.format_help())
run(child, ["t", "--parent", "3", "--left"])
run(child, ["t", "--left", "--right"])
attempt("again:", child.add_argument, "--parent")
attempt("two -h:", argparse.ArgumentParser, parents=[argparse.ArgumentParser()])
p = argparse.ArgumentParser(prog="res", conflict_handler="resolve")
p.add_argument("-f", "--foo", help="old foo")
p.add_argument("--foo", help="new foo")
p.add_argument("-h", action="store_true", help="my h")
print(p.format_help())
attempt("handler:", argparse.ArgumentParser, conflict_handler="bogus")

print("-- prefix characters, argument files")
p = argparse.ArgumentParser(prog="pc", prefix_chars="-+")
p.add_argument("+f", action="store_true")
p.add_argument("++bar")
p.add_argument("-x", type=int)
run(p, ["+f", "++bar", "B", "-x", "1"])
p = argparse.ArgumentParser(prog="slash", prefix_chars="/")
p.add_argument("/v", action="count")
run(p, ["/v", "/v"])
args_file = "stdlib_argparse_sub_args.tmp"
with open(args_file, "w") as fh:
    fh.write("--name\nfromfile\npos1\n")
try:
    p = argparse.ArgumentParser(prog="ff", fromfile_prefix_chars="@")
    p.add_argument("--name")
    p.add_argument("pos")
    run(p, ["@" + args_file])
    run(p, ["--name", "x", "@" + args_file])
    run(p, ["@missing_args_file.tmp"])
finally:
    os.remove(args_file)

print("-- intermixed parsing")
p = argparse.ArgumentParser(prog="mix")
p.add_argument("--foo")
p.add_argument("cmd")
p.add_argument("rest", nargs="*", type=int)
run(p, ["doit", "1", "--foo", "bar", "2", "3"])
run(p, ["doit", "1", "--foo", "bar", "2", "3"], "parse_intermixed_args")
run(p, ["--foo", "x"], "parse_intermixed_args")
run(p, ["a", "--zz"], "parse_known_intermixed_args")

print("-- custom actions, exit_on_error=False")


class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        if isinstance(values, str):
            values = values.upper()
        else:
            values = [v.upper() for v in values]
        setattr(namespace, self.dest, (option_string, values))


class Seen(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, "seen " + option_string)


p = argparse.ArgumentParser(prog="cu", exit_on_error=False)
p.add_argument("--up", action=Upper)
p.add_argument("--ups", action=Upper, nargs=2)
p.add_argument("-s", "--seen", action=Seen, help="custom")
p.add_argument("--n", type=int)
print(p.format_help())
for args in [["--up", "abc", "--ups", "d", "e", "-s"], ["--seen"], ["--n", "x"],
             ["--up"], ["stray"]]:
    run(p, args)


class Quiet(argparse.ArgumentParser):
    def error(self, message):
        raise ValueError("parse failed: " + message)


q = Quiet(prog="q")
q.add_argument("n", type=int)
attempt("quiet:", q.parse_args, ["z"])
attempt("quiet:", q.parse_args, [])
err = io.StringIO()
with contextlib.redirect_stderr(err):
    for call in [lambda: q.exit(3, "bye\n"), lambda: q.exit(), lambda: q.print_usage(),
                 lambda: argparse.ArgumentParser(prog="e").error("custom problem")]:
        try:
            call()
        except SystemExit as e:
            print("exit", exit_code(e))
print(repr(err.getvalue()))
buf = io.StringIO()
q.print_usage(buf)
q.print_help(buf)
print(buf.getvalue())

print("-- FileType")
p = argparse.ArgumentParser(prog="ft")
p.add_argument("inp", type=argparse.FileType("r"))
p.add_argument("--out", type=argparse.FileType("w"))
ns = p.parse_args(["-", "--out", "-"])
print(ns.inp is sys.stdin, ns.out is sys.stdout)
print(argparse.FileType("w"), argparse.FileType("rb", 0, encoding="utf8", errors="x"))

print("-- reprs and bad definitions")
p = argparse.ArgumentParser(prog="r")
print(repr(p.add_argument("--foo", type=int, choices=[1, 2], help="h", metavar="F")))
print(repr(p.add_argument("pos", nargs=argparse.REMAINDER)))
print(repr(p.add_argument("--b", action=argparse.BooleanOptionalAction)))
print(repr(p))
p = argparse.ArgumentParser(prog="d")
g = p.add_mutually_exclusive_group()
for label, func, args, kwargs in [
        ("required positional:", p.add_argument, ("x",), {"required": True}),
        ("two dests:", p.add_argument, ("x",), {"dest": "y"}),
        ("nargs 0:", p.add_argument, ("--a",), {"nargs": 0}),
        ("append nargs 0:", p.add_argument, ("--a",), {"action": "append", "nargs": 0}),
        ("const:", p.add_argument, ("--a",), {"const": 3}),
        ("action:", p.add_argument, ("--a",), {"action": "bogus"}),
        ("type:", p.add_argument, ("--a",), {"type": "int"}),
        ("FileType:", p.add_argument, ("--a",), {"type": argparse.FileType}),
        ("metavar:", p.add_argument, ("--a",), {"nargs": 2, "metavar": ("A", "B", "C")}),
        ("nargs:", p.add_argument, ("--a",), {"nargs": "x"}),
        ("option:", p.add_argument, ("a", "-b"), {}),
        ("dest:", p.add_argument, ("--",), {"action": "store_true"}),
        ("conflict:", p.add_argument, ("--h", "-h"), {}),
        ("conflicts:", p.add_argument, ("--help", "-h"), {}),
        ("mutex:", g.add_argument, ("--r",), {"required": True})]:
    attempt(label, func, *args, **kwargs)
