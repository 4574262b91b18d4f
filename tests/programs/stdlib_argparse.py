# argparse: parsing command lines into Namespaces (actions, nargs, types,
# choices, defaults, abbreviations, mutual exclusion) and the error
# messages printed (with the usage) before exiting with status 2.
import os
os.environ["COLUMNS"] = "80"  # before any parser: fixes the help width

import argparse
import contextlib
import io


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


print("-- actions")
p = argparse.ArgumentParser(prog="prog")
p.add_argument("integers", metavar="N", type=int, nargs="+")
p.add_argument("--sum", dest="accumulate", action="store_const", const=sum, default=max)
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--name", "-n", default="bob")
p.add_argument("--choice", choices=["a", "b", "c"])
p.add_argument("-x", type=float, nargs=2, metavar=("X1", "X2"))
p.add_argument("--flag", action="store_true")
p.add_argument("--no-flag", action="store_false", dest="other")
p.add_argument("--app", action="append", type=int)
p.add_argument("--ac", action="append_const", const="K")
p.add_argument("--ext", action="extend", nargs="+")
p.add_argument("--version", action="version", version="%(prog)s 1.0")
p.add_argument("--opt", nargs="?", const="C", default="D")
p.add_argument("--star", nargs="*")
for args in [["1", "2", "3"], ["--sum", "1", "2"], ["-vvv", "5"],
             ["-v", "-v", "5", "--verbose"], ["5", "--name=al"], ["5", "-nal"],
             ["5", "--na", "z"], ["5", "--choice", "d"], ["5", "--choice", "b"],
             ["-x", "1", "2", "3"], ["-x", "1", "a", "3"], ["-x", "1"],
             ["--flag", "--no-flag", "4"], ["--app", "1", "--app", "2", "3"],
             ["--app", "q", "3"], ["--ac", "--ac", "1"],
             ["--ext", "a", "b", "--ext", "c", "--", "9"], ["--version"],
             ["--opt", "1"], ["--opt", "--", "1"], ["1", "--opt"],
             ["--star", "1"], ["1", "--star"], [], ["a"], ["1", "--bogus"],
             ["1", "extra", "--flag", "zz"], ["1", "--name"], ["1", "-vx", "3", "4"],
             ["-v1"], ["--flag=3", "1"], ["1", "--", "-5"], ["-5"],
             ["1", "--app=-3"], ["1", "--app", "-3"]]:
    run(p, args)

print("-- positionals, required options, abbreviations")
p = argparse.ArgumentParser(prog="p2")
p.add_argument("--foo")
p.add_argument("--four")
p.add_argument("--bar", required=True)
p.add_argument("pos")
p.add_argument("opt", nargs="?", default="dd")
p.add_argument("rest", nargs="*")
for args in [["--fo", "1"], ["--f=2", "x", "--bar", "b"], [], ["--bar", "b"],
             ["a", "b", "c", "d", "--bar=9"], ["a", "--bar", "1", "b", "c"],
             ["--foo", "--bar", "x"], ["--bar", "x", "--", "--foo"], ["-"]]:
    run(p, args)
run(p, ["a", "--bar", "1", "--zz", "b", "-q"], "parse_known_args")

p = argparse.ArgumentParser(prog="np")
p.add_argument("a", nargs=2)
p.add_argument("b", nargs="+")
p.add_argument("--o", nargs="+")
for args in [["1", "2", "3", "--o", "x", "y"], ["1", "2"], ["1"], ["--o"],
             ["1", "--o", "x", "2", "3"]]:
    run(p, args)

print("-- short option clusters, single-dash long options")
p = argparse.ArgumentParser(prog="sh")
p.add_argument("-a", action="store_true")
p.add_argument("-b", action="store_true")
p.add_argument("-c")
for args in [["-abcval"], ["-ab", "-c", "v"], ["-az"], ["-a=1"], ["-c=x"], ["--a"]]:
    run(p, args)
p = argparse.ArgumentParser(prog="sd")
p.add_argument("-foo")
p.add_argument("-fob", action="store_true")
p.add_argument("-x", nargs="?", const="c")
for args in [["-foo", "1"], ["-fo", "1"], ["-foob"], ["-fob"], ["-f", "1"],
             ["-x"], ["-xval"], ["-x", "-fob"], ["-foo=3"], ["-x="]]:
    run(p, args)
p = argparse.ArgumentParser(prog="ab", allow_abbrev=False)
p.add_argument("--foobar")
p.add_argument("-v", action="count")
run(p, ["--foo", "1"])
run(p, ["-vv", "--foobar=2"])

print("-- negative numbers")
p = argparse.ArgumentParser(prog="neg")
p.add_argument("-x", type=float)
p.add_argument("val", nargs="?", type=int)
for args in [["-x", "-1", "-5"], ["-x", "-.5"], ["-1e3"]]:
    run(p, args)
p = argparse.ArgumentParser(prog="neg2")
p.add_argument("-1", dest="one", action="store_true")
p.add_argument("val", nargs="?")
run(p, ["-1"])
run(p, ["-2"])

print("-- mutually exclusive groups")
p = argparse.ArgumentParser(prog="p3")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--a", action="store_true")
g.add_argument("--b", type=int)
g.add_argument("-c", action="store_const", const=5)
g2 = p.add_mutually_exclusive_group()
g2.add_argument("--x")
g2.add_argument("--y", help=argparse.SUPPRESS)
g2.add_argument("--z")
for args in [["--a"], ["--a", "--b", "2"], [], ["--b", "1", "-c"],
             ["--a", "--x", "1", "--z", "2"], ["-c", "--y", "1", "--x", "2"]]:
    run(p, args)
p = argparse.ArgumentParser(prog="mx")
g = p.add_mutually_exclusive_group(required=True)
g.add_argument("--one", action="store_true")
g.add_argument("pos", nargs="?", default="pd")
for args in [[], ["--one"], ["zz"], ["zz", "--one"]]:
    run(p, args)

print("-- defaults, types, choices")
p = argparse.ArgumentParser(prog="dflt")
p.add_argument("--n", type=int, default="5")
p.add_argument("--m", type=int, default=6)
p.add_argument("--l", action="append", default=["x"])
p.set_defaults(m=8, zz="Z")
print(p.get_default("n"), p.get_default("m"), p.get_default("zz"), p.get_default("nope"))
run(p, [])
run(p, ["--l", "y", "--l", "z"])
run(p, [])  # the list default was copied, not changed
p.add_argument("rem", nargs=argparse.REMAINDER)
run(p, ["a", "--n", "3", "-x"])
run(p, ["--n", "3", "a", "-x"])
p = argparse.ArgumentParser(prog="sup", argument_default=argparse.SUPPRESS)
p.add_argument("--a")
p.add_argument("--b", default=3)
p.add_argument("c", nargs="?")
run(p, [])
run(p, ["--a", "1", "z"])
p = argparse.ArgumentParser(prog="pos")
p.add_argument("a", nargs="?", choices=["x", "y"], default="x")
p.add_argument("b", nargs="*", default=["q"], choices=["q", "r"])
run(p, [])
run(p, ["y", "r", "q"])
run(p, ["z"])
p = argparse.ArgumentParser(prog="choices")
p.add_argument("c", choices="abc")
p.add_argument("--d", choices={"k": 1})
p.add_argument("--r", type=int, choices=range(3, 6))
for args in [["d"], ["a", "--d", "k"], ["ab"], ["a", "--r", "5"], ["a", "--r", "9"]]:
    run(p, args)


def even(text):
    value = int(text)
    if value % 2:
        raise argparse.ArgumentTypeError("%r is not even" % text)
    return value


p = argparse.ArgumentParser(prog="ty")
p.add_argument("--even", type=even)
p.add_argument("--n", type=int)
p.add_argument("--f", type=float)
p.add_argument("--cx", type=complex)
for args in [["--even", "4"], ["--even", "3"], ["--even", "x"], ["--n", "1.5"],
             ["--f", "1e3", "--cx", "1+2j"], ["--f", "nope"], ["--n=1", "--n", "2"]]:
    run(p, args)
ns = p.parse_args(["--n", "1"], namespace=argparse.Namespace(n="pre", keep="k"))
print(ns)

print("-- Namespace")
n = argparse.Namespace(a=1, b="x")
print(n, n == argparse.Namespace(a=1, b="x"), n != argparse.Namespace(a=2))
print("a" in n, "c" in n, n == 5, vars(n))
print(argparse.Namespace(**{"with space": 1, "ok": 2}))
print(argparse.Namespace())
n.c = [1]
print(n, n.c)
