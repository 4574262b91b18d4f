# argparse: how command lines are split up -- abbreviations (allow_abbrev),
# negative numbers, "--", bundled short flags, prefix_chars,
# fromfile_prefix_chars, parents, conflict_handler, mutually exclusive
# groups, parse_known_args, parse_intermixed_args.
import os
os.environ["COLUMNS"] = "80"
import argparse
import io
import sys
import tempfile


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
        print("  stdout:", repr(out.getvalue()))
    if err.getvalue():
        print("  stderr:", repr(err.getvalue()))


print("-- abbreviations")
p = argparse.ArgumentParser(prog="ab")
p.add_argument("--verbose", action="store_true")
p.add_argument("--version-string")
p.add_argument("--value")
p.add_argument("--color")
run(p, ["--verb"])
run(p, ["--col", "red"])
run(p, ["--col=blue"])
run(p, ["--ver"])
run(p, ["--v"])
run(p, ["--va", "1"])
run(p, ["--version-s=x"])
run(p, ["--unknown"])
p = argparse.ArgumentParser(prog="noab", allow_abbrev=False)
p.add_argument("--verbose", action="store_true")
p.add_argument("-xyz", action="store_true")
p.add_argument("-c", action="count")
run(p, ["--verb"])
run(p, ["--verbose", "-xy"])
run(p, ["-ccc"])
run(p, ["--verbose"], "parse_known_args")
run(p, ["--verb", "x"], "parse_known_args")

print("-- single-dash long options and bundling")
p = argparse.ArgumentParser(prog="sd")
p.add_argument("-foo")
p.add_argument("-f", action="store_true")
p.add_argument("-b", action="store_true")
p.add_argument("-n", type=int)
run(p, ["-foo", "1"])
run(p, ["-fo", "2"])
run(p, ["-fb"])
run(p, ["-fbn5"])
run(p, ["-fbn", "5"])
run(p, ["-fx"])
run(p, ["-n5", "-f"])
run(p, ["-n=5"])
run(p, ["-fb=1"])
run(p, ["-f="])

print("-- negative numbers")
p = argparse.ArgumentParser(prog="neg")
p.add_argument("-x", type=float)
p.add_argument("pos", nargs="*", type=float)
run(p, ["-x", "-1", "-2.5", "-.5", "3"])
run(p, ["-x", "-1e3"])
run(p, ["-5"])
p = argparse.ArgumentParser(prog="neg2")
p.add_argument("-1", dest="one", action="store_true")
p.add_argument("-x")
p.add_argument("pos", nargs="?")
run(p, ["-1"])
run(p, ["-x", "-2"])
run(p, ["-x", "-1"])
run(p, ["--", "-2"])
run(p, ["-2"])

print("-- the '--' separator")
p = argparse.ArgumentParser(prog="dd")
p.add_argument("-a")
p.add_argument("x", nargs="?")
p.add_argument("rest", nargs="*")
run(p, ["--", "-a", "b"])
run(p, ["-a", "1", "--", "--", "-z"])
run(p, ["x", "--", "-a"])
run(p, ["-a", "--"])
run(p, ["--"])
run(p, ["-a", "-- b"])
run(p, ["has space", "-b c"])

print("-- prefix_chars")
p = argparse.ArgumentParser(prog="pc", prefix_chars="+/")
p.add_argument("+f", action="store_true")
p.add_argument("++bar")
p.add_argument("/win", dest="win", action="store_true")
run(p, ["+f", "++bar", "Y", "/win"])
run(p, ["-f"])
run(p, ["+h"])
try:
    p.add_argument("-x")
except ValueError as exc:
    print("ValueError", exc)

print("-- fromfile_prefix_chars")
folder = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(folder)
first = "args1.txt"
second = "args2.txt"
with open(first, "w") as handle:
    handle.write("--name\nfrom file\n@" + second + "\n")
with open(second, "w") as handle:
    handle.write("-v\npositional\n")


class SplitParser(argparse.ArgumentParser):
    def convert_arg_line_to_args(self, arg_line):
        return arg_line.split()


for cls in (argparse.ArgumentParser, SplitParser):
    p = cls(prog="ff", fromfile_prefix_chars="@")
    p.add_argument("--name")
    p.add_argument("-v", action="store_true")
    p.add_argument("item", nargs="*")
    run(p, ["x", "@" + first, "y"])
    run(p, ["@" + first, "y"], "parse_known_args")
    run(p, ["@"])
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    p.parse_args(["@" + os.path.join(folder, "missing.txt")])
except SystemExit as exc:
    text = sys.stderr.getvalue()
    sys.stderr = saved
    print("exit", exc.code, text.replace(folder, "DIR"))
sys.stderr = saved
os.remove(first)
os.remove(second)
os.chdir(home)
os.rmdir(folder)

print("-- parents and conflicts")
base = argparse.ArgumentParser(add_help=False)
base.add_argument("--shared", default="S")
grp = base.add_argument_group("base group", "from the parent")
grp.add_argument("--in-group")
mx = base.add_mutually_exclusive_group()
mx.add_argument("--m1", action="store_true")
mx.add_argument("--m2", action="store_true")
base.set_defaults(parent_default=1)
child = argparse.ArgumentParser(prog="child", parents=[base])
child.add_argument("own")
print(child.format_help())
run(child, ["o", "--m1", "--m2"])
run(child, ["o", "--in-group", "g"])
try:
    argparse.ArgumentParser(parents=[argparse.ArgumentParser()])
except argparse.ArgumentError as exc:
    print("ArgumentError", exc)
p = argparse.ArgumentParser(prog="cr", conflict_handler="resolve")
p.add_argument("-x", "--ex", help="old")
p.add_argument("-x", help="new")
p.add_argument("--only")
p.add_argument("--only", help="replaced")
print(p.format_help())
p = argparse.ArgumentParser(prog="ce")
p.add_argument("--dup")
for flags in (("--dup",), ("-h", "--help")):
    try:
        p.add_argument(*flags)
    except argparse.ArgumentError as exc:
        print("ArgumentError", exc)
try:
    argparse.ArgumentParser(conflict_handler="nope")
except ValueError as exc:
    print("ValueError", exc)
try:
    p.add_argument_group("g", conflict_handler="bad")
except ValueError as exc:
    print("ValueError", exc)

print("-- mutually exclusive groups")
p = argparse.ArgumentParser(prog="mx")
m = p.add_mutually_exclusive_group(required=True)
m.add_argument("--a", action="store_true")
m.add_argument("--b", type=int, default=0)
m.add_argument("--c", help=argparse.SUPPRESS)
run(p, [])
run(p, ["--a"])
run(p, ["--a", "--b", "1"])
run(p, ["--b", "0", "--a"])
run(p, ["--c", "x", "--a"])
try:
    m.add_argument("--req", required=True)
except ValueError as exc:
    print("ValueError", exc)

print("-- parse_known_args")
p = argparse.ArgumentParser(prog="pk")
p.add_argument("--a")
p.add_argument("pos")
run(p, ["--b", "1", "x", "--a", "2", "y", "-z"], "parse_known_args")
run(p, ["-", "--a=3"], "parse_known_args")

print("-- parse_intermixed_args")
p = argparse.ArgumentParser(prog="im")
p.add_argument("--foo")
p.add_argument("cmd")
p.add_argument("rest", nargs="*", type=int)
run(p, ["doit", "1", "--foo", "bar", "2", "3"], "parse_intermixed_args")
run(p, ["doit", "1", "--foo", "bar", "2", "3"])
run(p, ["--foo", "x"], "parse_intermixed_args")
run(p, ["a", "1", "--zz"], "parse_known_intermixed_args")
print(p.usage)
p = argparse.ArgumentParser(prog="im2")
p.add_argument("rest", nargs="...")
try:
    p.parse_intermixed_args([])
except TypeError as exc:
    print("TypeError", exc)
p = argparse.ArgumentParser(prog="im3")
m = p.add_mutually_exclusive_group()
m.add_argument("pos", nargs="?")
m.add_argument("--o")
try:
    p.parse_intermixed_args([])
except TypeError as exc:
    print("TypeError", exc)
p = argparse.ArgumentParser(prog="im4")
p.add_argument("--req", required=True)
p.add_argument("x", nargs="+")
run(p, ["a", "--req", "r", "b"], "parse_intermixed_args")
run(p, ["a", "b"], "parse_intermixed_args")

print("-- ambiguous and odd strings")
p = argparse.ArgumentParser(prog="odd")
p.add_argument("--alpha")
p.add_argument("--alpine")
p.add_argument("x", nargs="?")
run(p, ["--al", "1"])
run(p, ["--alp=2"])
run(p, ["-"])
run(p, [""])
run(p, ["--alpha", ""])
run(p, ["--alpha="])
run(p, ["-q"])
run(p, ["--al pine"])
