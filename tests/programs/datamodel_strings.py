# Data model: __repr__, __str__, __format__.

def show(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class Both:
    def __repr__(self): return "Both<repr>"
    def __str__(self): return "Both<str>"
class ReprOnly:
    def __repr__(self): return "ReprOnly()"
class StrOnly:
    def __str__(self): return "StrOnly-str"
class Fmt:
    def __format__(self, spec): return "Fmt[" + spec + "]"
    def __repr__(self): return "Fmt()"
    def __str__(self): return "Fmt-str"

b = Both()
print(b)
print("1 str/repr", str(b), repr(b), str(ReprOnly()), repr(ReprOnly()))
print("1 print multiple", b, ReprOnly(), Fmt())
print("1 containers use repr", [b], (b,), {"k": b}, {1: ReprOnly()}, [StrOnly.__name__])
print("1 nested", [[b, (ReprOnly(),)]], str([b]))
print("1 f-string", f"{b}", f"{b!r}", f"{b!s}", f"{ReprOnly()}", f"{b=}")
print("1 format()", format(b), format(Fmt(), "x>10"), format(Fmt()))
print("1 f-string spec", f"{Fmt():abc}", f"{Fmt()!r}", f"{Fmt()!s}", f"{Fmt():{'nested'}}")
print("1 percent", "%s|%r" % (b, b), "%s" % ReprOnly(), "%s" % (Fmt(),))
print("1 str.format", "{0}|{0!r}|{1:spec}|{1!s}|{1!r}".format(b, Fmt()), "{x}".format(x=Fmt()))
print("1 join needs str", "-".join([str(b), repr(b)]))
show("1 join non-str", lambda: "-".join([b]))
show("1 format spec object default", lambda: format(b, "10"))
show("1 f-string spec object default", lambda: f"{b:>5}")
print("1 empty spec ok", format(b, ""), f"{b:}")
print("1 default str of StrOnly in list", [len(repr(StrOnly())) > 0], str(StrOnly()))
print("1 ascii", ascii(ReprOnly()), ascii(type("U", (), {"__repr__": lambda s: "\u00e9"})()))

# bad return types
class BadRepr:
    def __repr__(self): return 5
class BadStr:
    def __str__(self): return None
class BadFmt:
    def __format__(self, spec): return 1
show("2 repr non-string", lambda: repr(BadRepr()))
show("2 str falls to bad repr", lambda: str(BadRepr()))
show("2 str non-string", lambda: str(BadStr()))
show("2 f-string bad str", lambda: f"{BadStr()}")
show("2 %s bad str", lambda: "%s" % BadStr())
show("2 %r bad repr", lambda: "%r" % BadRepr())
show("2 list of bad repr", lambda: repr([BadRepr()]))
show("2 format non-string", lambda: format(BadFmt(), ""))
show("2 f-string bad format", lambda: f"{BadFmt():x}")
class ReprRaises:
    def __repr__(self): raise ValueError("no repr")
show("2 repr raises", lambda: str([ReprRaises()]))
class StrSubRet:
    def __str__(self): return MyStr("sub")
class MyStr(str):
    pass
show("2 str returns str subclass", lambda: type(str(StrSubRet())).__name__)

# subclasses of builtins
class S(str):
    def __str__(self): return "S.str"
    def __repr__(self): return "S.repr"
    def __format__(self, spec): return "S.format(" + spec + ")"
s = S("raw")
print("3 str sub", str(s), repr(s), format(s, "q"), f"{s}", f"{s!r}", f"{s!s}", f"{s:>9}")
print(s)
print("3 str sub %", "%s" % s, "%r" % s, "{}".format(s), "{!r}".format(s))
print("3 str sub containers", [s], (s,), {s: s})
print("3 str sub join/concat", "".join([s, s]), s + "!", "<" + s, s.upper(), len(s))
print("3 str sub eq/hash", s == "raw", "raw" == s, {"raw": 1}[s])
class Up(str):
    def __eq__(self, o): return str.upper(self) == str.upper(o)
    def __hash__(self): return hash(str.upper(self))
print("3 str sub key", {Up("abc"): 1}.get(Up("ABC")), Up("x") == "X", "X" == Up("x"), Up("a") != "A")
print("3 str sub in", Up("Q") in ["q"], "q" in [Up("Q")], [Up("a")].count("A"), ["A", "b"].index(Up("B")))
class I(int):
    def __repr__(self): return "I(%d)" % int(self)
    def __str__(self): return "I-str"
    def __format__(self, spec): return "I-fmt:" + spec
i = I(7)
print("3 int sub", i, repr(i), str(i), f"{i}", f"{i:05}", f"{i!r}", "%s %r %d" % (i, i, i))
print("3 int sub containers", [i], {i: i}, str((i,)), i + 1, repr(i + 1))
print("3 int sub format builtin", format(i, "x"), "{:>4}".format(i), "%5d|" % i, "%x" % i)
class F(float):
    def __repr__(self): return "F!"
print("3 float sub", F(1.5), [F(1.5)], str(F(1.5)), f"{F(1.5)}", f"{F(1.5):.2f}", "%s %.1f" % (F(2), F(2)))
class Lst(list):
    def __repr__(self): return "Lst" + list.__repr__(self)
print("3 list sub", Lst([1, 2]), str(Lst([1])), [Lst([])], f"{Lst([3])}", "%s" % (Lst(),), "%s" % Lst())
class LstS(list):
    def __str__(self): return "LstS-str"
print("3 list sub str only", LstS([1]), repr(LstS([1])), [LstS([1])], f"{LstS()}")
class Tup(tuple):
    def __repr__(self): return "Tup!"
print("3 tuple sub", Tup((1,)), [Tup()], "%s" % (Tup(),))
class Dct(dict):
    def __repr__(self): return "Dct!"
print("3 dict sub", Dct(), [Dct(a=1)], str(Dct()), f"{Dct()!r}")
class St(set):
    def __repr__(self): return "St!"
print("3 set sub", St(), [St({1})])
class Bl(int):
    def __str__(self): return "never"
print("3 default repr of int sub", repr(Bl(3)), str(Bl(3)), format(Bl(3)), f"{Bl(3):d}")

# builtin __format__ specs (data model of format())
print("4 builtin specs", format(3.14159, ".2f"), format(42, "08b"), format("ab", "^6"), format(255, "#x"))
print("4 str.format index/attr", "{0[1]} {1.v}".format([5, 6], type("V", (), {"v": "attr"})))
show("4 bad spec int", lambda: format(1, "q"))
show("4 bad spec str", lambda: format("a", "d"))
show("4 format positional missing", lambda: "{} {}".format(1))
show("4 %d with str", lambda: "%d" % "x")
show("4 % not all converted", lambda: "%s" % (1, 2))
show("4 % not enough", lambda: "%s %s" % (1,))

# late assignment / replacement / deletion
class L:
    pass
before = repr(L())
print("5 default repr shape", before.startswith("<__main__.L object at "), (lambda x: str(x) == repr(x))(L()))
L.__repr__ = lambda s: "late repr"
print("5 repr assigned", repr(L()), str(L()), [L()], f"{L()}", "%s" % L())
L.__str__ = lambda s: "late str"
print("5 str assigned", repr(L()), str(L()), [L()], f"{L()}", f"{L()!r}")
L.__format__ = lambda s, spec: "late fmt " + spec
print("5 format assigned", f"{L():z}", format(L()), str(L()))
L.__repr__ = lambda s: "replaced repr"
print("5 repr replaced", [L()])
del L.__str__
print("5 str deleted -> repr", str(L()), "%s" % L())
del L.__format__
print("5 format deleted", f"{L()}", format(L()))
del L.__repr__
print("5 repr deleted", repr(L()).startswith("<__main__.L object at "))
class LS(str): pass
LS.__str__ = lambda s: "LS late"
print("5 str sub late", str(LS("a")), f"{LS('a')}", "%s" % LS("a"), repr(LS("a")))
del LS.__str__
print("5 str sub del", str(LS("a")), f"{LS('a')}", type(str(LS("a"))).__name__)
class LI(int): pass
LI.__repr__ = lambda s: "LI late"
print("5 int sub late", LI(1), [LI(1)], str(LI(1)))
del LI.__repr__
print("5 int sub del", LI(1), [LI(1)])

# inheritance of str/repr
class Base:
    def __repr__(self): return type(self).__name__ + "()"
class Child(Base): pass
class Child2(Base):
    def __str__(self): return "child2"
print("6 inherited", Child(), [Child()], Child2(), [Child2()], str(Child2()), repr(Child2()))
class SuperRepr(Base):
    def __repr__(self): return "Super<" + super().__repr__() + ">"
print("6 super repr", SuperRepr(), [SuperRepr()])
print("6 object.__repr__ via type name", object.__repr__(Child()).split(" ")[0])
print("6 str(None/True/type)", str(None), repr(True), str(int), repr(str), str(Child), [Base])
print("6 repr of strings", repr("a'b"), repr('a"b'), repr("a\nb"), ["x", 'y"'], str(["q"]))
