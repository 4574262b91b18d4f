# argparse: every built-in action, nargs, const, default (SUPPRESS too),
# type, choices, required, dest, custom Action subclasses, and the error
# messages (exit status 2, stderr captured).
import os
os.environ["COLUMNS"] = "80"
import argparse
import io
import sys


def run(parser, argv, known=False):
    saved = sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    sys.stdout, sys.stderr = out, err
    try:
        if known:
            result = parser.parse_known_args(argv)
        else:
            result = parser.parse_args(argv)
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


def build(fn):
    try:
        return fn()
    except Exception as exc:
        print("build error:", type(exc).__name__, exc)


print("-- store family")
p = argparse.ArgumentParser(prog="st")
p.add_argument("--a")
p.add_argument("--b", action="store", type=int, default=7)
p.add_argument("--c", action="store_const", const="C")
p.add_argument("--d", action="store_true")
p.add_argument("--e", action="store_false")
p.add_argument("--f", action="store_const")
p.add_argument("-g", nargs="?", const="gc", default="gd")
run(p, [])
run(p, ["--a", "x", "--b", "3", "--c", "--d", "--e", "--f", "-g"])
run(p, ["--a=1", "--b=-4", "-gval"])
run(p, ["--b", "x"])
run(p, ["--a"])
run(p, ["--d=1"])
run(p, ["--a", "1", "extra", "more"])
run(p, ["--a", "1", "extra"], known=True)

print("-- append / append_const / count / extend")
p = argparse.ArgumentParser(prog="ap")
p.add_argument("-i", action="append", type=int)
p.add_argument("--def", action="append", default=["base"])
p.add_argument("--ac", action="append_const", const=1, dest="consts")
p.add_argument("--ad", action="append_const", const=2, dest="consts")
p.add_argument("-v", action="count")
p.add_argument("-q", action="count", default=10)
p.add_argument("--ext", action="extend", nargs="+", type=str)
p.add_argument("--pair", action="append", nargs=2)
run(p, [])
run(p, ["-i1", "-i", "2", "--def", "x", "--ac", "--ad", "--ac", "-vvv", "-v", "-qq"])
run(p, ["--ext", "a", "b", "--ext", "c", "--pair", "1", "2", "--pair", "3", "4"])
run(p, ["--pair", "1"])
run(p, ["-vx"])
defaults = ["keep"]
p = argparse.ArgumentParser(prog="ap2")
p.add_argument("--x", action="append", default=defaults)
run(p, ["--x", "1"])
print("default untouched:", defaults)

print("-- nargs")
p = argparse.ArgumentParser(prog="na")
p.add_argument("one")
p.add_argument("two", nargs=2)
p.add_argument("opt", nargs="?", default="OD")
p.add_argument("rest", nargs="*")
p.add_argument("--plus", nargs="+")
p.add_argument("--three", nargs=3, type=float)
p.add_argument("--zero", nargs="*", default=[0])
run(p, ["a", "b", "c"])
run(p, ["a", "b", "c", "d", "e", "f"])
run(p, ["a", "b"])
run(p, [])
run(p, ["a", "b", "c", "--plus"])
run(p, ["a", "b", "c", "--plus", "1", "2", "--three", "1", "2", "3"])
run(p, ["a", "b", "c", "--three", "1", "2"])
run(p, ["a", "b", "c", "--zero"])
run(p, ["--plus", "p", "a", "b", "c"])

print("-- REMAINDER and PARSER-like")
p = argparse.ArgumentParser(prog="rem")
p.add_argument("--flag", action="store_true")
p.add_argument("cmd")
p.add_argument("args", nargs=argparse.REMAINDER)
run(p, ["ls", "-l", "--flag", "x"])
run(p, ["--flag", "ls"])
run(p, ["ls", "--", "x"])
p = argparse.ArgumentParser(prog="rem2")
p.add_argument("--opt", nargs=argparse.REMAINDER)
p.add_argument("-x")
run(p, ["--opt", "-x", "1", "b"])
run(p, ["-x", "1"])

print("-- type callables and FileType")


def pair(text):
    left, right = text.split(",")
    return int(left), int(right)


def picky(text):
    if text != "ok":
        raise argparse.ArgumentTypeError("only ok is fine, not %r" % text)
    return text


class Celsius:
    def __init__(self, text):
        self.value = float(text)

    def __repr__(self):
        return "Celsius(%s)" % self.value


p = argparse.ArgumentParser(prog="ty")
p.add_argument("--pair", type=pair)
p.add_argument("--picky", type=picky)
p.add_argument("--temp", type=Celsius)
p.add_argument("--hexa", type=lambda s: int(s, 16))
p.add_argument("--cx", type=complex)
p.add_argument("--def", type=int, default="12")
p.add_argument("--def2", type=int, default=12)
p.add_argument("--out", type=argparse.FileType("w"))
p.add_argument("--inp", type=argparse.FileType("r"))
run(p, ["--pair", "1,2", "--picky", "ok", "--temp", "21.5", "--hexa", "ff"])
run(p, ["--pair", "1"])
run(p, ["--picky", "no"])
run(p, ["--temp", "warm"])
run(p, ["--hexa", "zz"])
run(p, ["--cx", "1+2j"])
run(p, ["--def", "5"])
ns = p.parse_args(["--out", "-", "--inp", "-"])
print(ns.out is sys.stdout, ns.inp is sys.stdin)
run(p, ["--inp", "/nonexistent/dir/file.txt"])
print(repr(argparse.FileType()), repr(argparse.FileType("wb", 0)),
      repr(argparse.FileType("r", -1, "utf-8", "strict")))
try:
    argparse.FileType("q")("-")
except ValueError as exc:
    print("ValueError", exc)
build(lambda: p.add_argument("--bad", type=argparse.FileType))
build(lambda: p.add_argument("--bad2", type="int"))
build(lambda: p.add_argument("--bad3", action="nope"))

print("-- choices")
p = argparse.ArgumentParser(prog="ch")
p.add_argument("--color", choices=["red", "green"])
p.add_argument("--num", type=int, choices=range(1, 4))
p.add_argument("move", choices="rps", nargs="?")
run(p, ["--color", "red", "--num", "2", "r"])
run(p, ["--color", "blue"])
run(p, ["--num", "9"])
run(p, ["x"])

print("-- required and dest")
p = argparse.ArgumentParser(prog="rq")
p.add_argument("--must", required=True)
p.add_argument("--also", required=True, dest="other")
p.add_argument("pos")
p.add_argument("-x-y-z", dest=None)
p.add_argument("--with-dash")
run(p, [])
run(p, ["--must", "1"])
run(p, ["--must", "1", "--also", "2", "P", "-x-y-z", "3", "--with-dash", "4"])
build(lambda: p.add_argument("pos2", dest="x"))
build(lambda: p.add_argument("pos3", required=True))
build(lambda: p.add_argument("bad", "-x"))
build(lambda: p.add_argument("--"))
build(lambda: p.add_argument("-", "--"))
build(lambda: p.add_argument("--n0", nargs=0))
build(lambda: p.add_argument("--n0a", nargs=0, action="append"))
build(lambda: p.add_argument("--cst", const=1))
build(lambda: p.add_argument("--cst2", const=1, nargs="?"))
build(lambda: p.add_argument("--mv", nargs=2, metavar=("A", "B", "C")))
build(lambda: p.add_argument("--mv2", nargs="*", metavar=("A", "B", "C")))
build(lambda: p.add_argument("--nx", nargs="x"))
build(lambda: p.add_argument("--nf", nargs=1.5))

print("-- SUPPRESS defaults and argument_default")
p = argparse.ArgumentParser(prog="sup", argument_default=argparse.SUPPRESS)
p.add_argument("--a")
p.add_argument("--b", default=None)
p.add_argument("c", nargs="?")
run(p, [])
run(p, ["--a", "1", "cc"])
p = argparse.ArgumentParser(prog="sup2", argument_default=42)
p.add_argument("--a")
p.add_argument("--b", action="store_true")
run(p, [])
p = argparse.ArgumentParser(prog="sd")
p.add_argument("--x", default=1)
p.set_defaults(x=2, extra="E")
p.add_argument("--y")
p.set_defaults(y="why")
run(p, [])
print(p.get_default("x"), p.get_default("extra"), p.get_default("nope"))
ns = argparse.Namespace(x="preset")
print(p.parse_args([], namespace=ns))

print("-- custom actions")


class Upper(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values.upper() + "/" + str(option_string))


class Collect(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs):
        kwargs.setdefault("nargs", "*")
        super().__init__(option_strings, dest, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        seen = getattr(namespace, self.dest) or []
        setattr(namespace, self.dest, seen + [len(values)])


class NoCall(argparse.Action):
    pass


p = argparse.ArgumentParser(prog="cu")
p.add_argument("--up", action=Upper)
p.add_argument("word", action=Upper)
p.add_argument("--col", action=Collect)
p.add_argument("--nc", action=NoCall)
run(p, ["--up", "abc", "w", "--col", "1", "2", "--col"])
try:
    p.parse_args(["w", "--nc", "1"])
except NotImplementedError as exc:
    print("NotImplementedError", exc)
a = p._actions[1]
print(repr(a))
print(repr(argparse.Action(["-x"], "x", help="h")))
print(argparse.Namespace(a=1, b="two"), argparse.Namespace(**{"odd key": 1, "ok": 2}))
print(argparse.Namespace(a=1) == argparse.Namespace(a=1), argparse.Namespace(a=1) != argparse.Namespace(a=2))
print("a" in argparse.Namespace(a=1), "b" in argparse.Namespace(a=1))
print(repr(argparse.ArgumentParser(prog="R", usage="U", description="D")))

print("-- version and help actions")
p = argparse.ArgumentParser(prog="ver")
p.add_argument("-V", "--version", action="version", version="%(prog)s 2.0")
run(p, ["-V"])
run(p, ["--version", "--bogus"])
run(p, ["-h"])
p.version = "attr version"
p.add_argument("--v2", action="version")
run(p, ["--v2"])

print("-- BooleanOptionalAction")
p = argparse.ArgumentParser(prog="bo")
p.add_argument("--feature", action=argparse.BooleanOptionalAction)
p.add_argument("--on", action=argparse.BooleanOptionalAction, default=True)
p.add_argument("-s", "--short", action=argparse.BooleanOptionalAction)
run(p, [])
run(p, ["--feature", "--no-on", "-s"])
run(p, ["--no-feature", "--no-short"])
run(p, ["--no-feat"])
run(p, ["--feature=1"])
print(p._option_string_actions["--no-on"].option_strings)

print("-- ArgumentError and ArgumentTypeError")
e = argparse.ArgumentError(p._actions[1], "bad thing")
print(str(e), "|", e.argument_name, "|", e.message, "|", e.args)
e = argparse.ArgumentError(None, "plain")
print(str(e), e.argument_name)
pos = argparse.Action([], "dst", metavar="MV")
print(argparse.ArgumentError(pos, "m"))
print(argparse.ArgumentError(argparse.Action([], argparse.SUPPRESS, choices=["a", "b"]), "m"))
print(argparse.ArgumentError(argparse.Action([], argparse.SUPPRESS), "m"))
print(isinstance(argparse.ArgumentTypeError("x"), Exception))

print("-- exit_on_error")
p = argparse.ArgumentParser(prog="ee", exit_on_error=False)
p.add_argument("--n", type=int)
p.add_argument("--c", choices="ab")
for argv in (["--n", "x"], ["--c", "z"], ["--n"]):
    try:
        p.parse_args(argv)
    except argparse.ArgumentError as exc:
        print("ArgumentError:", exc)
run(p, ["stray"])
p.add_argument("need")
run(p, [])

print("-- exit and error directly")
p = argparse.ArgumentParser(prog="ex")
saved = sys.stderr
sys.stderr = io.StringIO()
try:
    p.exit(3, "bye\n")
except SystemExit as exc:
    print("code", exc.code, repr(sys.stderr.getvalue()))
finally:
    sys.stderr = saved
sys.stderr = io.StringIO()
try:
    p.error("custom problem")
except SystemExit as exc:
    print("code", exc.code, repr(sys.stderr.getvalue()))
finally:
    sys.stderr = saved
try:
    p.exit()
except SystemExit as exc:
    print("code", exc.code)
