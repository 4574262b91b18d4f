# argparse: edge cases -- choices with nargs='*' and bad defaults, values
# that look like options, custom namespaces, nested groups (DeprecationWarning),
# SUPPRESS dests, metavar tuples on positionals, invalid add_argument calls.
import os
os.environ["COLUMNS"] = "80"
import argparse, io, sys

def run(parser, argv, how="parse_args"):
    saved = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        result = getattr(parser, how)(argv); status = None
    except SystemExit as exc:
        result, status = None, exc.code
    except Exception as exc:
        result, status = None, "%s: %s" % (type(exc).__name__, exc)
    finally:
        sys.stdout, sys.stderr = saved
    print(argv, "->", result if status is None else "exit %r" % (status,))
    if out.getvalue(): print(out.getvalue(), end="")
    if err.getvalue(): print("  stderr:", repr(err.getvalue()))

p = argparse.ArgumentParser(prog="e1")
p.add_argument("c", nargs="*", choices=["a", "b"])
run(p, []); run(p, ["a", "b"]); run(p, ["z"])
p = argparse.ArgumentParser(prog="e2")
p.add_argument("c", nargs="?", choices=["a", "b"], default="zz")
run(p, [])
p = argparse.ArgumentParser(prog="e3")
p.add_argument("-x"); p.add_argument("-y", action="store_true")
run(p, ["-x", "-y"]); run(p, ["-x=-y"]); run(p, ["-x", "-1"]); run(p, ["--x"])
class NS: pass
ns = NS()
p.parse_args(["-x", "1"], namespace=ns); print(vars(ns))
p = argparse.ArgumentParser(prog="e4", description="prog is %(prog)s", epilog="%(prog)s end")
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    g = p.add_argument_group("outer"); gg = g.add_argument_group("inner"); gg.add_argument("--deep")
    m = argparse.ArgumentParser().add_mutually_exclusive_group(); m.add_mutually_exclusive_group(); m.add_argument_group("t")
    g.add_mutually_exclusive_group().add_argument("--gm")
for w in caught:
    print(w.category.__name__, w.message, os.path.basename(w.filename), w.lineno)
print(p.format_help()); run(p, ["--deep", "1"])
sp = argparse.ArgumentParser(prog="e5", argument_default=argparse.SUPPRESS)
s = sp.add_subparsers(dest="cmd")
a = s.add_parser("a", argument_default=argparse.SUPPRESS); a.add_argument("--q")
run(sp, ["a"]); run(sp, [])
p = argparse.ArgumentParser(prog="e6")
p.add_argument("--n", type=int, default="5"); p.add_argument("--m", type=int, default="x")
run(p, ["--m", "1"]); run(p, [])
p = argparse.ArgumentParser(prog="e7")
p.add_argument("--req", required=True, dest=argparse.SUPPRESS)
p.add_argument("pos", metavar=("A",), nargs=1)
run(p, [])
p.print_usage()
p = argparse.ArgumentParser(prog="e8", add_help=False, prefix_chars="+")
p.add_argument("+x", action=argparse.BooleanOptionalAction)
print(p.format_help())
p = argparse.ArgumentParser(prog="e9")
p.add_argument("--v", action="version", version="1.0")
p.add_argument("--cnt", action="count", help="count it")
print(p.format_help())
for kw in ({"nargs": "?"}, {"nargs": 0}, {"nargs": 1}, {"action": "store_true", "nargs": 1}):
    try:
        p.add_argument("--k%d" % len(p._actions), **kw); print("ok", kw)
    except Exception as exc:
        print(type(exc).__name__, exc)
print(p.parse_known_args(["--k12", "--k13=1"]))
p = argparse.ArgumentParser(prog="e10")
sub = p.add_subparsers(metavar="{x}")
print(p.format_usage())
p = argparse.ArgumentParser(prog="e11")
p.add_argument("foo", nargs=2, metavar=("A", "B"))
p.add_argument("bar", nargs=argparse.PARSER)
try:
    print(p.format_help())
except ValueError as exc:
    print("ValueError", exc)
run(p, ["1", "2", "3", "--x", "y"])
run(p, ["1"])
p = argparse.ArgumentParser(prog="e12")
m = p.add_mutually_exclusive_group()
m.add_argument("--a", nargs="?", const="C", default="D")
m.add_argument("--b", action="store_const", const="D")
run(p, ["--a", "D", "--b"]); run(p, ["--a", "--b"])
print(argparse.Namespace(b=1, a=2))
print(argparse.ArgumentParser(prog="d", usage="x").format_help())
try:
    argparse.ArgumentParser().add_argument()
except TypeError as exc:
    print("TypeError", exc)
try:
    argparse.ArgumentParser().add_argument_group(required=True)
except TypeError as exc:
    print("TypeError", exc)
h = argparse.HelpFormatter("p", width=40)
h.add_text("%(prog)s text here"); h.add_usage("u %(prog)s", [], [], "PFX: ")
print(repr(h.format_help()))
