import warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import distutils
    from distutils.version import LooseVersion, StrictVersion, Version
    import distutils.version as v
warnings.simplefilter("ignore")  # setuptools' copy warns per instance
print(all(w.category is DeprecationWarning for w in caught))
print(repr(v.StrictVersion.version_re.pattern), v.StrictVersion.version_re.flags, repr(v.LooseVersion.component_re.pattern), v.LooseVersion.component_re.flags)
print(v.LooseVersion("1.\u0661x²").version, v.LooseVersion("1.2-3 4").version)
print(v.StrictVersion("1.0") == v.LooseVersion("1.0"))
try: v.Version("1.0")
except Exception as e: print(type(e).__name__, e)
x = v.Version()
try: print(x == x)
except Exception as e: print(type(e).__name__, e)
print(v.StrictVersion("1.0a1")._cmp("1.0a1"), v.StrictVersion("1.0")._cmp("1.0a1"), v.LooseVersion("1")._cmp(2), v.StrictVersion("1.0a1")._cmp("1.0"), v.StrictVersion("1.0b1")._cmp("1.0a3"))
print(v.StrictVersion("1.0")._cmp(v.LooseVersion("1.0")), v.LooseVersion("1.0")._cmp(v.StrictVersion("1.0")))
class S2(StrictVersion): pass
print(repr(S2("2.0")), S2("2.0") > "1.0", S2("2.0") == StrictVersion("2.0"))
class L2(LooseVersion): pass
print(repr(L2("2.0x")), L2("2.0") > "1.0")
s = StrictVersion("1.2.0b3"); print(str(s), s.version, s.prerelease)
s = StrictVersion("1.2.3a0"); print(str(s), repr(s))
s = StrictVersion(); s.parse("3.4"); print(s, s < "3.4.1")
print(StrictVersion("1.0") != "1.0", LooseVersion("a") != "b")
for bad in (lambda: LooseVersion("1") < 3, lambda: StrictVersion("1.0") >= 2.0, lambda: LooseVersion("1.0") > None):
    try: print(bad())
    except TypeError as e: print("TypeError", e)
print(hasattr(v, "__all__"))
