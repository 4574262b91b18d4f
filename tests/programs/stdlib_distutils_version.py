# distutils.version: StrictVersion/LooseVersion parsing, str/repr and
# comparisons; the DeprecationWarning on importing distutils.
import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import distutils
    from distutils.version import LooseVersion, StrictVersion, Version
# (Which warnings come depends on CPython's setup: setuptools may stand in
# for the stdlib copy. Only their kind is checked.)
print(all(w.category is DeprecationWarning for w in caught))
print(distutils.__version__ == __import__("sys").version.split()[0])

for s in ["1.0", "1.0.0", "1.2.3", "0.4a1", "0.4.1b3", "10.20.30", "1.0b0", "1", "1.0.0.0", "1.0c1",
          "a.b", "1.0a", " 1.0", "1.0\n", "\u0661.0"]:
    try:
        v = StrictVersion(s)
        print(repr(s), v, repr(v), v.version, v.prerelease)
    except ValueError as e:
        print(repr(s), "ValueError:", e)
pairs = [("1.0", "1.0.0"), ("1.0", "1.1"), ("1.0a1", "1.0"), ("1.0a2", "1.0b1"), ("1.0b1", "1.0a2"),
         ("2.0", "1.99.99"), ("1.0b1", "1.0b1"), ("0.9", "0.10")]
for a, b in pairs:
    va, vb = StrictVersion(a), StrictVersion(b)
    print(a, b, va < vb, va <= vb, va == vb, va != vb, va > vb, va >= vb, va == b, va < b)
print(sorted(StrictVersion(s) for s in ["1.0", "0.9a1", "0.9", "1.0b2", "0.10"]))
for bad in (lambda: StrictVersion("1.0") < 1, lambda: StrictVersion("1.0") < "x", lambda: StrictVersion("1.0") == None):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for s in ["1.5.1", "1.5.2b2", "161", "3.10a", "8.02", "3.4j", "1996.07.12", "3.2.pl0", "3.1.1.6",
          "2g6", "11g", "0.960923", "2.2beta29", "1.13++", "5.5.kw", "2.0b1pl0", "1.0RC1", "a-b_c"]:
    v = LooseVersion(s)
    print(repr(s), str(v), repr(v), getattr(v, "version", None))
lpairs = [("1.5.1", "1.5.2b2"), ("161", "3.10a"), ("8.02", "8.2"), ("3.4j", "1996.07.12"), ("1.10", "1.9"),
          ("1.0", "1.0.0"), ("2g6", "11g"), ("0.960923", "2.2beta29"), ("1.13++", "5.5.kw")]
for a, b in lpairs:
    va, vb = LooseVersion(a), LooseVersion(b)
    print(a, b, va < vb, va == vb, va > vb, va >= b, va == a)
for a, b in [("1.0a", "1.0.1"), ("1.0RC1", "1.0rc1")]:
    try:
        print(a, b, LooseVersion(a) < LooseVersion(b))
    except TypeError as e:
        print(a, b, "TypeError")
try:
    str(LooseVersion(""))
except AttributeError as e:
    print("empty LooseVersion:", e)
print(LooseVersion("1.0") == 1, LooseVersion("1.0") == StrictVersion("1.0"))
print(LooseVersion().__dict__, StrictVersion().__dict__)
v = LooseVersion(); v.parse("4.5"); print(v, v.version)
print(sorted(map(LooseVersion, ["1.10", "1.2", "1.9.1", "1.9"])))
class Mine(Version):
    def parse(self, s): self.s = s
    def _cmp(self, o): return (self.s > o.s) - (self.s < o.s)
    def __str__(self): return self.s
print(repr(Mine("q")), Mine("a") < Mine("b"), Mine("a") >= Mine("b"))
