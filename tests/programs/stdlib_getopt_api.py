import getopt, os
os.environ.pop("POSIXLY_CORRECT", None)

def t(fn, *a):
    try:
        print(fn.__name__, repr(fn(*a)))
    except getopt.GetoptError as e:
        print(fn.__name__, "GetoptError", repr(str(e)), repr(e.msg), repr(e.opt), e.args)

cases = [
    (["-a", "-b", "x", "-cfoo", "arg1", "-d"], "ab:c:d", []),
    (["-abx", "rest"], "ab:", []),
    (["-a", "--", "-b"], "ab", []),
    (["-", "-a"], "a", []),
    (["--alpha", "--beta=1", "--gamma", "v", "file"], "", ["alpha", "beta=", "gamma="]),
    (["--al"], "", ["alpha", "beta"]),
    (["--a"], "", ["alpha", "also"]),
    (["--alpha=3"], "", ["alpha"]),
    (["--beta"], "", ["beta="]),
    (["--zzz"], "", ["alpha"]),
    (["-z"], "ab", []),
    (["-b"], "ab:", []),
    (["-:"], "a:", []),
    (["--foo", "--foobar"], "", ["foo", "foobar"]),
    (["--foo="], "", ["foo="]),
    (["--fo", "x"], "", ["foo=", "fob"]),
    (["--fo", "x"], "", ["foo="]),
    (["--", "a"], "", []),
    (["arg", "-a"], "a", []),
    ([], "a", []),
    (["-a", "arg", "-b", "--long", "x", "--", "-c"], "ab", "long"),
    (["-a", "arg", "-b"], "+ab", []),
    (("-a", "x"), "a", []),
]
for args, s, l in cases:
    t(getopt.getopt, list(args) if isinstance(args, list) else args, s, l)
    t(getopt.gnu_getopt, args, s, l)
os.environ["POSIXLY_CORRECT"] = "1"
t(getopt.gnu_getopt, ["-a", "arg", "-b"], "ab", [])
del os.environ["POSIXLY_CORRECT"]
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
e = getopt.GetoptError("m")
print(repr(e.opt), e.args, str(e))
print(getopt.short_has_arg("a", "a:b"), getopt.long_has_args("al", ["alpha="]))
print(getopt.do_shorts([], "ab", "ab", []), getopt.do_longs([], "x=1", ["x="], []))
