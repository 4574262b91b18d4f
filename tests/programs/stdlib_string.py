# string: constants, capwords, Template, Formatter.
import string
from string import Template, Formatter


def show(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ok", repr(result))


print("--- constants")
for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits",
             "hexdigits", "octdigits", "punctuation", "printable", "whitespace"]:
    print(name, repr(getattr(string, name)), len(getattr(string, name)))

print("--- capwords")
for s in ["hello world", "  many   spaces here ", "mIxEd CaSe", "a-b c-d", "", "tab\tsep\nnew"]:
    print(repr(string.capwords(s)), repr(string.capwords(s, "-")))
print(repr(string.capwords("one,two,,three", ",")))

print("--- Template")
t = Template("$who likes $what")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.template, t.get_identifiers(), t.is_valid())
show(t.substitute, who="x")
print(t.safe_substitute(who="x"))
print(Template("$$ costs $$$amount").substitute(amount=5))
print(Template("${noun}ification and $noun_s").substitute(noun="a", noun_s="b"))
print(Template("$x$y${x}").substitute(x=1, y=2))
print(Template("$X and $Under_9").substitute(X=1, Under_9=2))
print(Template("cost: $5").safe_substitute())
show(Template("cost: $5").substitute)
show(Template("line1\nline2 $").substitute)
show(Template("$").substitute)
show(Template("ab\n\ncd ${bad").substitute)
show(Template("${1x}").substitute)
show(Template("{$}").substitute)
print(Template("a $ b ${} $1 ${x").safe_substitute(x=1))
print(Template("a $ b").is_valid(), Template("$a ${b} $$").is_valid())
print(Template("$a ${b} $a $$ $c").get_identifiers())
print(Template("$a.$b-c $d_").substitute(a=1, b=2, d_=3))
print(Template("é $é").safe_substitute())
print(Template("$abc").safe_substitute({"ab": 1}))
print(Template("$n").substitute(n=[1, 2]))


class Percent(Template):
    delimiter = "%"


print(Percent("%who owes %%%amount").substitute(who="bob", amount=3))


class DottedTemplate(Template):
    idpattern = r"[a-z][_a-z0-9.]*"


print(DottedTemplate("$a.b and ${c.d}").substitute({"a.b": 1, "c.d": 2}))


class CaseSensitive(Template):
    flags = 0
    idpattern = "[a-z]+"


print(CaseSensitive("$abc$DEF").safe_substitute(abc=1, DEF=2))


class Braced(Template):
    braceidpattern = r"[^}]+"


print(Braced("${a b} $c").substitute({"a b": 1, "c": 2}))


class Digits(Template):
    delimiter = "#"
    idpattern = r"\d{2}"


print(Digits("#12345 #1 ##").safe_substitute({"12": "X"}))

print("--- Formatter")
f = Formatter()
print(f.format("{} and {}", 1, 2), f.format("{1}{0}", "a", "b"), f.format("{name}!", name="hi"))
print(f.format("{0:>5}|{0:<5}|{0:^5}", "x"), f.format("{:.3f}", 3.14159))
print(f.format("{0!r} {0!s} {0!a}", "é"))
print(f.format("{p.start} {l[1]} {d[key]} {d[key][0]}", p=slice(3, 4), l=[5, 6], d={"key": "val"}))
print(f.format("{0:{1}{2}}", 42, ">", 6), f.format("{:{}}", "ab", 4))
print(f.format("{{literal}} {}", 1))
show(f.format, "{} {0}", 1)
show(f.format, "{0} {}", 1)
show(f.format, "{0!x}", 1)
show(f.format, "{", 1)
show(f.format, "}", 1)
show(f.format, "{0:{1:{2:{3}}}}", 1, 2, 3, 4)
show(f.format, "{missing}")
show(f.format, "{5}", 1)
for s in ["a{{b", "a}}b", "{0!r:>5}", "x{}y{name.attr[0]}z", "{a[}]b}", "{0:{1}}", "{!}", "{0!}",
          "{0!rr}", "{0!r", "{", "}", "a{0", "{0:{", "{a{b}", "{0:}}", "{ 0 }", "{0[1:2]}", "{!r}",
          "{:}", "{0.}", "{0[]}", "{0]", "{0!r:x!y}", "{[}", "{a:b{c:d}e}", "", "plain", "{}{}"]:
    show(lambda: list(f.parse(s)))
for name in ["0", "a.b[c][1].d", "", "a[", "a.", "a[x]y", "1a", "[0]", ".a", "a[]"]:
    show(f.get_field, name, (["zero"],), {"a": {"x": 1}, "1a": "one-a", "": "empty"})
print(f.get_value(0, ("p",), {}), f.get_value("k", (), {"k": "v"}))
print(f.convert_field(5, "r"), f.convert_field("s", None), f.format_field(3.5, "08.2f"))
print(f.vformat("{0}-{x}", ("a",), {"x": "b"}))


class StrictFormatter(Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError(f"unused: {sorted(unused)}")

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}?>"
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        if format_spec == "stars":
            return "*" * len(str(value))
        return super().format_field(value, format_spec)


sf = StrictFormatter()
print(sf.format("{a!u} {b} {a:stars}", a="abc"))
show(sf.format, "{a}", a=1, extra=2)
from string import Template as _T
class Alt(_T):
    idpattern = r'[a-z]+|[0-9]+'
print(Alt('$abc and $42').substitute(abc='x', **{'42': 'y'}))
class Custom(_T):
    pattern = r'@(?:(?P<escaped>@)|(?P<named>\w+)|{(?P<braced>\w+)}|(?P<invalid>))'
print(Custom('@who @@ @{what}').substitute(who='me', what='it'), Custom.pattern.pattern[:8])
print(type(_T.pattern).__name__, _T.flags, _T('$x').pattern is _T.pattern)
