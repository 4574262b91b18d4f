# argparse: help and usage text (format_help, format_usage), the
# HelpFormatter family, line wrapping at the COLUMNS width, groups and
# mutually exclusive groups in the usage.
import os
os.environ["COLUMNS"] = "80"  # before any parser: fixes the help width

import argparse

p = argparse.ArgumentParser(prog="prog", description="A test program.",
                            epilog="And that is all.")
p.add_argument("integers", metavar="N", type=int, nargs="+",
               help="an integer for the accumulator")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum,
               default=max, help="sum the integers (default: find the max)")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--name", "-n", default="bob", help="name [%(default)s] type=%(type)s")
p.add_argument("--choice", choices=["a", "b", "c"], help="one of %(choices)s")
p.add_argument("-x", type=float, nargs=2, metavar=("X1", "X2"))
p.add_argument("--ext", action="extend", nargs="+")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--star", nargs="*")
print(p.format_help())
print(p.format_usage())

print("-- BooleanOptionalAction, SUPPRESS, metavar tuples, %% in help")
p = argparse.ArgumentParser(prog="bo", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
p.add_argument("--color", action=argparse.BooleanOptionalAction, default=True, help="use color")
p.add_argument("--x", action=argparse.BooleanOptionalAction)
p.add_argument("-q", action=argparse.BooleanOptionalAction, help="q")
p.add_argument("--pct", type=int, default=5, choices=range(3, 8),
               help="50%% of %(default)s; range %(choices)s")
p.add_argument("--hidden", help=argparse.SUPPRESS)
p.add_argument("hid", nargs="?", help=argparse.SUPPRESS)
p.add_argument("--tup", nargs="*", metavar=("A", "B"))
p.add_argument("--tup1", nargs="+", metavar=("A", "B"))
print(p.format_help())
print(p.parse_args(["--no-color", "--x", "-q"]))
print(p.parse_args(["--color", "--no-x"]))

print("-- argument groups")
p = argparse.ArgumentParser(prog="grp", usage="%(prog)s [options]", add_help=False)
g = p.add_argument_group("input", "Input options go here and are described in a "
                         "long description that has to wrap around.")
g.add_argument("--in", dest="inp", metavar="FILE",
               help="input file which is a rather long help text that certainly "
                    "needs wrapping over several lines")
g.add_argument("--a-very-long-option-name-indeed", help="short")
g2 = p.add_argument_group("output")
g2.add_argument("out", help="output %(metavar)s dest=%(dest)s")
g3 = p.add_argument_group("Empty", "has description but no args")
g4 = p.add_argument_group("AllHidden")
g4.add_argument("--hh", help=argparse.SUPPRESS)
print(p.format_help())

print("-- mutually exclusive groups in the usage")
p = argparse.ArgumentParser(prog="p3")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--a", action="store_true")
g.add_argument("--b", type=int)
g.add_argument("-c", action="store_const", const=5)
g2 = p.add_mutually_exclusive_group()
g2.add_argument("--x", help="xx")
g2.add_argument("--y", help=argparse.SUPPRESS)
g2.add_argument("--z")
print(p.format_help())
p = argparse.ArgumentParser(prog="mx")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--one", action="store_true")
g.add_argument("pos", nargs="?", default="pd")
print(p.format_usage())
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--only", help="x")
print(p.format_usage())
p = argparse.ArgumentParser(prog="mx2")
g = p.add_argument_group("G")
m = g.add_mutually_exclusive_group()
m.add_argument("--aa", help="aa help")
m.add_argument("--bb", action="store_const", const=1)
print(p.format_help())

print("-- formatter classes")
for formatter_class in [argparse.HelpFormatter,
                        argparse.RawDescriptionHelpFormatter,
                        argparse.RawTextHelpFormatter,
                        argparse.ArgumentDefaultsHelpFormatter,
                        argparse.MetavarTypeHelpFormatter]:
    print("==", formatter_class.__name__)
    p = argparse.ArgumentParser(prog="fmt", formatter_class=formatter_class,
                                description="""First line
    second    line indented

  third""", epilog="  epi  log  ")
    p.add_argument("--count", type=int, default=3, help="how many\n  times")
    p.add_argument("--name", type=str, default="x", help="the name (default %(default)s)")
    p.add_argument("--s", type=str, default=argparse.SUPPRESS, help="sup")
    p.add_argument("pos", type=float, nargs="?", default=1.5, help="p")
    p.add_argument("many", type=int, nargs="*", help="m")
    print(p.format_help())

p = argparse.ArgumentParser(
    prog="s", formatter_class=lambda prog: argparse.HelpFormatter(
        prog, max_help_position=40, width=60))
p.add_argument("--some-long-option", help="help here that goes on for quite a bit of text")
p.add_argument("--x", help="x")
print(p.format_help())

print("-- usage wrapping")
p = argparse.ArgumentParser(prog="a_really_long_program_name_that_takes_up_a_lot_of_the_line_width")
for i in range(8):
    p.add_argument("--option%d" % i, metavar="VALUE%d" % i)
p.add_argument("positional_one")
p.add_argument("positional_two", nargs="+")
print(p.format_usage())
p = argparse.ArgumentParser(prog="short")
for i in range(12):
    p.add_argument("pos%d" % i)
print(p.format_usage())
p = argparse.ArgumentParser(prog="short", add_help=False)
for i in range(12):
    p.add_argument("--o%d" % i, nargs="+")
print(p.format_usage())
p = argparse.ArgumentParser(prog="x" * 70, add_help=False)
p.add_argument("a")
print(p.format_usage())
p = argparse.ArgumentParser(prog="x" * 50, add_help=False)
for i in range(3):
    p.add_argument("--long-option-%d" % i)
for i in range(3):
    p.add_argument("positional%d" % i)
print(p.format_usage())
print(argparse.ArgumentParser(prog="x" * 75).format_help())

print("-- help text wrapping")
p = argparse.ArgumentParser(prog="w")
p.add_argument("--exactly-twenty-two", help="x")
p.add_argument("--a", help="word " * 30)
p.add_argument("--b", help="averyveryveryveryveryveryveryveryveryveryveryveryvery"
                           "veryveryveryverylongword end")
p.add_argument("--c", help="hyphen-ated words-that-can-break-at-hyphens and "
                           "more-hyphenated-words-here ok")
p.add_argument("--w", help="Help\twith   whitespace\n\nand lines.", metavar="<w>", dest="ww")
p.add_argument("--d", nargs=2, type=int, default=[1, 2], metavar="D",
               help="%(option_strings)s %(nargs)s %(type)s %(default)s "
                    "%(required)s %(dest)s %(const)s %(prog)s")
print(p.format_help())

os.environ["COLUMNS"] = "40"
p = argparse.ArgumentParser(prog="narrow", description="a description long enough to wrap at forty columns")
p.add_argument("--foo", help="foo help that wraps around the narrow screen width")
p.add_argument("bar", choices=["x", "yy"], help="bar")
print(p.format_help())
os.environ["COLUMNS"] = "80"

print("-- usage and text specials")
p = argparse.ArgumentParser(prog="desc", description="Uses %(prog)s here.",
                            usage="%(prog)s [stuff] ...", epilog=argparse.SUPPRESS)
p.add_argument("x")
print(p.format_help())
p = argparse.ArgumentParser(prog="nous", usage=argparse.SUPPRESS, add_help=False)
p.add_argument("x")
print(repr(p.format_help()))
print(repr(p.format_usage()))
print(repr(argparse.ArgumentParser(prog="empty", add_help=False).format_help()))
for bad_help in ["%(nope)s", "%(default)s"]:
    p = argparse.ArgumentParser(prog="bad")
    p.add_argument("--d", default=argparse.SUPPRESS, help=bad_help)
    try:
        p.format_help()
    except KeyError as e:
        print("KeyError", e)
p = argparse.ArgumentParser(prog="pc", prefix_chars="-+")
p.add_argument("+f", action="store_true")
p.add_argument("++bar")
print(p.format_help())
p = argparse.ArgumentParser(prog="slash", prefix_chars="/")
p.add_argument("/v", action="count")
print(p.format_usage())
