# argparse: help and usage layout byte for byte at several widths, the
# four formatter classes, metavar tuples, %(...)s in help, groups and
# mutually exclusive groups, long progs, wrapping, description/epilog.
import os
os.environ["COLUMNS"] = "80"
import argparse

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
         "eiusmod tempor incididunt ut labore et dolore magna aliqua.")


def show(parser):
    print(parser.format_help() + "|")
    print(parser.format_usage() + "|")


def big(prog, formatter=argparse.HelpFormatter, **extra):
    p = argparse.ArgumentParser(prog=prog, description=LOREM + "\n\n  indented\tline",
                                epilog="Epilog %(prog)s.\n   keep   this", formatter_class=formatter,
                                **extra)
    p.add_argument("source", help="where from; " + LOREM)
    p.add_argument("dest", nargs="?", default="out.txt", help="where to (%(default)s)")
    p.add_argument("more", nargs="*", metavar="MORE", help="extra items\nsecond line")
    p.add_argument("-n", "--number", type=int, default=3, help="how many [%(type)s, %(default)s]")
    p.add_argument("--level", choices=["low", "mid", "high"], default="mid",
                   help="pick %(choices)s (%(dest)s)")
    p.add_argument("--pt", nargs=2, metavar=("X", "Y"), type=float, help="a point")
    p.add_argument("--many", nargs="+", help="one or more")
    p.add_argument("--star", nargs="*", metavar=("S1", "S2"), help="tuple star")
    p.add_argument("--rem", nargs=argparse.REMAINDER, help="the rest")
    p.add_argument("--flag", action="store_true", help="a flag")
    p.add_argument("--no-help-text")
    p.add_argument("--hidden", help=argparse.SUPPRESS)
    p.add_argument("--an-extremely-long-option-name-that-overflows", metavar="VALUE",
                   help="long invocation pushes help to the next line")
    p.add_argument("--pct", help="100%% sure, default %(default)r")
    return p


for width in ("80", "40", "120", "20"):
    os.environ["COLUMNS"] = width
    print("=== COLUMNS", width)
    show(big("layout"))

os.environ["COLUMNS"] = "80"
for cls in (argparse.RawDescriptionHelpFormatter, argparse.RawTextHelpFormatter,
            argparse.ArgumentDefaultsHelpFormatter):
    print("===", cls.__name__)
    show(big("fmt", cls))

print("=== MetavarTypeHelpFormatter")
p = argparse.ArgumentParser(prog="mt", formatter_class=argparse.MetavarTypeHelpFormatter)
p.add_argument("count", type=int)
p.add_argument("--ratio", type=float, nargs=2)
p.add_argument("--name", type=str, help="a name")
show(p)

print("=== explicit formatter widths")
p = big("fw")
f = argparse.HelpFormatter("fw", indent_increment=4, max_help_position=40, width=70)
f.add_usage(None, p._actions, p._mutually_exclusive_groups)
f.start_section("stuff")
f.add_text("Section text " * 8)
f.add_arguments(p._actions)
f.end_section()
print(f.format_help() + "|")
print(repr(argparse.HelpFormatter("x", width=10).format_help()))

print("=== long prog names")
for prog in ("a-really-long-program-name-that-takes-up-most-of-the-line-by-itself",
             "mid-length-program-name"):
    p = argparse.ArgumentParser(prog=prog)
    for i in range(8):
        p.add_argument("--option-%d" % i, metavar="VALUE%d" % i)
    p.add_argument("positional_one")
    p.add_argument("positional_two", nargs="+")
    show(p)
    p = argparse.ArgumentParser(prog=prog, add_help=False)
    for i in range(6):
        p.add_argument("pos%d" % i, help="positional %d" % i)
    show(p)

print("=== usage strings")
p = argparse.ArgumentParser(prog="us", usage="%(prog)s [opts] FILE\n  second", description="d")
p.add_argument("f")
show(p)
p = argparse.ArgumentParser(prog="us2", usage=argparse.SUPPRESS, description="no usage")
p.add_argument("--x")
show(p)
p = argparse.ArgumentParser(prog="empty", add_help=False)
show(p)
p = argparse.ArgumentParser(prog="", add_help=False)
p.add_argument("--x")
show(p)

print("=== groups")
p = argparse.ArgumentParser(prog="grp", prefix_chars="-+")
g = p.add_argument_group("Input", "How input is read.")
g.add_argument("--in", dest="inp")
g.add_argument("+p", "++plus", action="store_true", help="plus form")
g2 = p.add_argument_group(description="untitled group")
g2.add_argument("--u")
g3 = p.add_argument_group("Empty")
m = p.add_mutually_exclusive_group()
m.add_argument("--one", action="store_true")
m.add_argument("--two", action="store_true")
m2 = g.add_mutually_exclusive_group(required=True)
m2.add_argument("--left", help="go left")
m2.add_argument("--right", nargs="?", help="go right")
m2.add_argument("--up", help=argparse.SUPPRESS)
m3 = p.add_mutually_exclusive_group(required=True)
m3.add_argument("--solo")
m4 = p.add_mutually_exclusive_group()
m4.add_argument("pos", nargs="?", help="optional positional in a group")
m4.add_argument("--alt")
m5 = p.add_mutually_exclusive_group()
m5.add_argument("--gone1", help=argparse.SUPPRESS)
m5.add_argument("--gone2", help=argparse.SUPPRESS)
show(p)
p.title = None
p = argparse.ArgumentParser(prog="split")
p.add_argument("--a")
p.add_argument("--b")
m = p.add_mutually_exclusive_group()
m.add_argument("--c")
p.add_argument("--d")
m.add_argument("--e")
show(p)
try:
    p.add_mutually_exclusive_group()
    p.format_usage()
    print("empty group ok")
except ValueError as exc:
    print("ValueError", str(exc).split(" at ")[0])

print("=== wrapping with groups")
os.environ["COLUMNS"] = "50"
p = argparse.ArgumentParser(prog="wrapper")
m = p.add_mutually_exclusive_group()
for name in ("alpha", "beta", "gamma", "delta", "epsilon", "zeta"):
    m.add_argument("--" + name, action="store_true", help="the %s switch" % name)
p.add_argument("target", nargs="+", help="targets")
p.add_argument("-z", metavar=("A", "B"), nargs=2)
show(p)
os.environ["COLUMNS"] = "80"

print("=== help %-formatting of odd values")
p = argparse.ArgumentParser(prog="odd")
p.add_argument("--fn", type=int, default=sum, help="type=%(type)s default=%(default)s")
p.add_argument("--sup", default=argparse.SUPPRESS, help="dest=%(dest)s req=%(required)s")
p.add_argument("--cst", action="store_const", const=len, help="const=%(const)s prog=%(prog)s")
p.add_argument("--nar", nargs="?", help="nargs=%(nargs)s metavar=%(metavar)s")
p.add_argument("--ws", help="   ")
p.add_argument("--blank", help="")
show(p)
p.add_argument("--missing", help="%(nope)s")
try:
    p.format_help()
except KeyError as exc:
    print("KeyError", exc)
