# argparse: sub-commands -- add_subparsers (dest, required, title,
# description, help, metavar, prog), add_parser (aliases, help, its own
# formatter), set_defaults per command, nested commands, help output and
# the errors.
import os
os.environ["COLUMNS"] = "80"
import argparse
import io
import sys


def run(parser, argv, how="parse_args"):
    saved = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        result = getattr(parser, how)(argv)
        status = None
    except SystemExit as exc:
        result, status = None, exc.code
    finally:
        sys.stdout, sys.stderr = saved
    print(argv, "->", result if status is None else "exit %r" % (status,))
    if out.getvalue():
        print(out.getvalue(), end="")
    if err.getvalue():
        print("  stderr:", repr(err.getvalue()))


class Handler:
    def __call__(self, ns):
        return ns.x + ns.y

    def __repr__(self):
        return "<handler>"


handler_add = Handler()


p = argparse.ArgumentParser(prog="tool", description="A tool with commands.")
p.add_argument("--debug", action="store_true")
p.add_argument("config", help="config file")
subs = p.add_subparsers(dest="command", help="the command to run")
add = subs.add_parser("add", aliases=["plus", "a"], help="add numbers")
add.add_argument("x", type=int)
add.add_argument("y", type=int)
add.set_defaults(func=handler_add)
rm = subs.add_parser("remove", help="remove things", description="Removes.")
rm.add_argument("--force", "-f", action="store_true")
rm.add_argument("names", nargs="+")
subs.add_parser("silent")
print(subs.choices.keys())
print(add.prog, "|", rm.prog)
print(p.format_help())
print(add.format_help())
print(rm.format_help())
run(p, ["c.ini", "add", "1", "2"])
ns = p.parse_args(["c.ini", "plus", "3", "4"])
print(ns.command, ns.func(ns))
run(p, ["c.ini", "remove", "-f", "a", "b"])
run(p, ["c.ini", "silent"])
run(p, ["c.ini"])
run(p, ["c.ini", "bogus"])
run(p, ["c.ini", "add", "1"])
run(p, ["c.ini", "add", "1", "x"])
run(p, ["c.ini", "add", "-h"])
run(p, ["c.ini", "remove", "z", "--nope"])
run(p, ["c.ini", "remove", "z", "--nope"], "parse_known_args")
run(p, ["--debug", "c.ini", "a", "5", "6", "--debug"])
try:
    subs.add_parser("add")
except argparse.ArgumentError as exc:
    print("ArgumentError", exc)
try:
    subs.add_parser("new", aliases=["plus"])
except argparse.ArgumentError as exc:
    print("ArgumentError", exc)
run(p, ["c.ini", "add", "1", "2"])
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    p.add_subparsers()
except SystemExit as exc:
    out = sys.stderr.getvalue()
    sys.stderr = saved
    print("second add_subparsers: exit", exc.code, repr(out))
sys.stderr = saved

print("-- required, title, metavar, no dest")
p = argparse.ArgumentParser(prog="req")
subs = p.add_subparsers(title="Commands", description="Pick one of these.",
                        required=True, metavar="CMD", help="what to do")
one = subs.add_parser("one", help="first")
two = subs.add_parser("two", help="second", aliases=["2"])
two.add_argument("--level", type=int, default=1)
print(p.format_help())
run(p, [])
run(p, ["two", "--level", "4"])
run(p, ["2"])

p = argparse.ArgumentParser(prog="req2")
subs = p.add_subparsers(required=True)
subs.add_parser("go")
run(p, [])
p = argparse.ArgumentParser(prog="req3")
subs = p.add_subparsers(required=True, dest="cmd")
subs.add_parser("go")
run(p, [])
run(p, ["stop"])

print("-- defaults: the command's win")
p = argparse.ArgumentParser(prog="dflt")
p.add_argument("--level", default="top")
p.set_defaults(origin="parent", shared="P")
subs = p.add_subparsers(dest="cmd")
sp = subs.add_parser("run")
sp.add_argument("--level", default="sub")
sp.set_defaults(shared="S")
run(p, ["run"])
run(p, ["--level", "x", "run"])
run(p, [])

print("-- nested commands and prog")
p = argparse.ArgumentParser(prog="git", usage="%(prog)s [global options]")
p.add_argument("-C", metavar="PATH")
p.add_argument("repo")
top = p.add_subparsers(dest="cmd", prog="git-custom")
remote = top.add_parser("remote", help="manage remotes")
inner = remote.add_subparsers(dest="sub", title="remote commands")
addr = inner.add_parser("add", help="add a remote")
addr.add_argument("name")
addr.add_argument("url")
inner.add_parser("show", prog="custom-show-prog")
print(remote.prog, "|", addr.prog)
print(addr.format_usage())
run(p, ["r", "remote", "add", "origin", "http://x"])
run(p, ["r", "remote", "show"])
run(p, ["r", "remote"])
run(p, ["r", "remote", "add", "-h"])

print("-- parser_class and formatter in add_parser")


class Loud(argparse.ArgumentParser):
    def error(self, message):
        print("LOUD:", message.upper())
        raise SystemExit(9)


p = Loud(prog="loud")
subs = p.add_subparsers(dest="c")
q = subs.add_parser("q", formatter_class=argparse.RawTextHelpFormatter,
                    description="line one\n  line two")
q.add_argument("--n", type=int, help="n\n  indented")
print(type(q).__name__)
print(q.format_help())
run(p, ["q", "--n", "x"])
subs2 = argparse.ArgumentParser(prog="pc").add_subparsers(parser_class=argparse.ArgumentParser)
print(type(subs2.add_parser("z")).__name__)
print(repr(subs._choices_actions), subs._name_parser_map.keys())
print(p._subparsers.title, p._subparsers is p._positionals)

print("-- intermixed with a positional after options")
p = argparse.ArgumentParser(prog="mix")
p.add_argument("--v", action="count", default=0)
p.add_argument("files", nargs="*")
run(p, ["a", "--v", "b", "--v", "c"], "parse_intermixed_args")
run(p, ["a", "--v", "b", "--v", "c"])
