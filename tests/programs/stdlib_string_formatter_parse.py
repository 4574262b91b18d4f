import string

def show(f, *a, **k):
    try:
        r = f(*a, **k)
        if not isinstance(r, str):
            r = list(r)
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

F = string.Formatter()
for s in ["a{{b}}c", "{0!}", "{a!r", "{a!", "{a[}]x}b", "{a[x", "{:{{}}}",
          "x{a:{b:{c}}}y", "}", "{", "{!r:>{w}}", "{0.a[1].b}", "{ab}}", "a}}",
          "{a!rr}", "{a!:x}", "{:", "{a}}}", "{0[}", "", "plain", "{}{}",
          "{0:{1}}", "{x!s:^10}", "{{}}", "}}{{", "{a:{{b}}}", "a{b}c{d!a}e"]:
    show(F.parse, s)

print(F.format("{} and {}", 1, 2))
print(F.format("{0} {1} {0}", "a", "b"))
print(F.format("{x.real} {y[1]} {y[0]:>5}", x=3, y=["ab", "cd"]))
print(F.format("{0!r:>10}|{0!s}|{0!a}", "é"))
print(F.format("{:{w}.{p}f}", 3.14159, w=10, p=2))
print(F.format("{0[key]}", {"key": 7}))
print(F.format("{0[1]}", "xyz"))
print(F.format("{٣}", 0, 1, 2, 3))
for s, a, k in [("{} {1}", (1, 2), {}), ("{1} {}", (1, 2), {}), ("{x}", (), {}),
                ("{0}", (), {}), ("{0.}", (1,), {}), ("{x.}", (), {}),
                ("{0[}", (1,), {}), ("{0[0]x}", ([1],), {}), ("{0[]}", ([1],), {}),
                ("{0!z}", (1,), {}), ("{:{:{:{}}}}", (1, 2, 3, 4), {}),
                ("{0..a}", (1,), {}), ("{0:d}", ("s",), {}), ("{0.nope}", (1,), {})]:
    show(F.format, s, *a, **k)
show(F.vformat, "{a}-{b}", (), {"a": 1, "b": 2})
show(F.get_field, "0.imag", (5,), {})
show(F.get_field, "k[0]", (), {"k": [9]})
show(F.get_value, 0, (4,), {})
show(F.get_value, "z", (), {"z": 4})
show(F.convert_field, 5, "r")
show(F.convert_field, 5, None)
show(F.convert_field, 5, "x")
show(F.format_field, 5, "04d")


class Strict(string.Formatter):
    def check_unused_args(self, used, args, kwargs):
        extra = set(kwargs) - used
        extra |= set(range(len(args))) - used
        if extra:
            raise ValueError("unused: %s" % sorted(map(str, extra)))


class Defaulting(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, "<%s>" % key)
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, spec):
        return "[" + super().format_field(value, spec) + "]"


class Upper(string.Formatter):
    def parse(self, s):
        for lit, name, spec, conv in super().parse(s):
            yield lit.upper(), name, spec, conv


show(Strict().format, "{a} {0}", 1, a=2)
show(Strict().format, "{a}", 1, a=2, b=3)
show(Defaulting().format, "{a} {b!u} {0:>3}", 5, a="x")
show(Upper().format, "hello {0} world", "x")
print(string.Formatter.format.__name__, string.Formatter().format("{0}{1}{0}", 1, 2))
