# The deprecated split* helpers of urllib.parse, their private spellings
# (imported by libraries such as django) and their warnings.
import urllib.parse as up
import warnings
from urllib.parse import _splitnetloc, _splitparams

print(_splitnetloc("//host:80/path?q#f", 2))
print(_splitnetloc("//host"))
print(_splitparams("/a;b/c;type=d"), _splitparams("/a/b"), _splitparams("x;y"))

cases = {
    "splittype": ["HTTP://x/y", "/no/scheme", "mailto:a@b", ":empty"],
    "splithost": ["//host:8080/path", "//host", "//host?q", "/local", "//h#frag"],
    "splituser": ["user:pw@host:1", "host", "a@b@c"],
    "splitpasswd": ["user:pw", "user", "u:p:q"],
    "splitport": ["host:80", "host", "host:", "host:8x", "[::1]:9"],
    "splitnport": ["host:80", "host", "host:", "host:x"],
    "splitquery": ["/p?q", "/p", "/p?a?b"],
    "splittag": ["/p#t", "/p", "/p#a#b"],
    "splitattr": ["/p;a=1;b=2", "/p"],
    "splitvalue": ["a=1", "a", "a=1=2"],
}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for name, args in cases.items():
        for arg in args:
            print(name, repr(arg), getattr(up, name)(arg))
    print(up.splitnport("host", 21), up.to_bytes("http://x"))
    try:
        up.to_bytes("http://\u00e9")
    except UnicodeError as err:
        print("UnicodeError:", err)
for message in sorted({str(w.message) for w in caught}):
    print(message)
print({w.category.__name__ for w in caught})
print(up._splittype("FTP:x"), up._splithost("//a/b"))
