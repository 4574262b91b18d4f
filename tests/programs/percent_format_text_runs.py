# str % args: literal text copied in runs around the directives, non-ASCII
# text, mapping keys, and the errors (indexes counted in characters).
print("héllo %s wörld %d ✓ %r" % ("ü", 42, "ß"))
print("%(name)s → %(n)05.1f %%" % {"name": "naïve", "n": 3.14159})
print("no directives, just text: ünïcödé" % ())
print("%s" % "plain", "%s|%5s|%-5s|%.2s" % ("a", "b", "c", "déf"))
print("%c%c" % ("é", 0x2713), "%x %o %e" % (255, 8, 12345.678))
print(b"bytes %s %d %b \xe9" % (b"x", 5, b"y"))
print("%(a)s %(a)r" % {"a": "é"})
print("%*d|%-*d|" % (4, 7, 3, 1), "%.*f" % (2, 1.005))
class S(str):
    def __str__(self):
        return "custom"
print("%s %s" % (S("x"), S("y")))
for fmt, args in [("é %y", (1,)), ("ü %(k", {"k": 1}), ("%s %s", (1,)), ("%s", (1, 2)),
                  ("%(k)s", (1,)), ("%", ()), ("ab %ü", (1,)), ("%d", "x")]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)
