# urllib.parse: splitting, joining, resolving, query strings, quoting.
import urllib.parse as up
from urllib.parse import (urlparse, urlunparse, urlsplit, urlunsplit, urljoin,
                          urldefrag, parse_qs, parse_qsl, quote, quote_plus,
                          quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode)


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)


print("== urlsplit / urlparse")
urls = [
    "http://user:pw@Example.COM:8080/p/a/t/h;params?query=1&b=2#frag",
    "https://[::1]:443/x", "https://[FE80::1%Eth0]/", "ftp://ftp.x.org/pub;type=d",
    "mailto:someone@example.com", "file:///etc/passwd", "//host/only",
    "/just/a/path?q", "relative/path#f", "", "http:", "http://", "?q", "#f",
    "  \x00http://lead.ing/space", "ht\ntp://a\tb/c\r", "path:80", "a1+-.:rest",
    "1http:x", "HTTP://UP.CASE/", "svn+ssh://h/r", "x://a;b/c;d?e;f",
    "http://a/b;c/d;e", "tel:+1-555;ext=1", "http://h?q#f#g", "http://h#f?q",
]
for url in urls:
    s = urlsplit(url)
    p = urlparse(url)
    print(repr(url))
    print("  ", s)
    print("  ", tuple(p), s.geturl() == urlunsplit(s), repr(p.geturl()))
print(urlsplit("http://h/p#f", allow_fragments=False))
print(urlparse("x/y", scheme="https"), urlparse("ftp:x/y", "https").scheme)
print(urlsplit("//h/p", "", 0))

print("== netloc attributes")
for netloc in ["u:p@H.com:80", "U@h", "@h", "u:@h:", "a@b@c:1", "[::1]:8",
               "[fe80::1%ZoNe]", "H%Zone", "h:0", "h:65535", "", "u:p:q@h"]:
    r = urlsplit("//" + netloc)
    print(repr(netloc), r.username, r.password, r.hostname, r.port)
for netloc in ["h:65536", "h:-1", "h:+1", "h:x", "h:1:2", "h: 1", "h:\u0661"]:
    show(lambda: urlsplit("//" + netloc).port)
show(lambda: urlsplit(b"//h:x").port)

print("== invalid hosts")
for url in ["http://[::1/", "http://::1]/", "http://[1.2.3.4]/", "http://[v1.x]/",
            "http://[vz.x]/", "http://[v1.]/", "http://[zz]/", "http://[]/",
            "http://[::1%]/", "http://[1::2::3]/", "http://[::ffff:1.2.3.4]/",
            "http://x[::1]y/"]:
    show(urlsplit, url)

print("== urlunsplit / urlunparse")
show(urlunsplit, ("http", "", "/x", "", ""))
show(urlunsplit, ("http", "h", "x", "q", "f"))
show(urlunsplit, ("", "", "//x", "", ""))
show(urlunsplit, ("mailto", "", "a@b", "", ""))
show(urlunsplit, ["file", "", "/tmp", "", ""])
show(urlunparse, ("http", "h", "/p", "par", "q", "f"))
show(urlunparse, (b"http", b"h", b"/p", b"", b"q", b""))
show(urlunsplit, ("http", b"h", "/p", "", ""))

print("== urljoin (RFC 3986 5.4)")
base = "http://a/b/c/d;p?q"
refs = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s",
        "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..", "../", "../g",
        "../..", "../../", "../../g", "../../../g", "../../../../g", "/./g",
        "/../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h",
        "g/../h", "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x",
        "g#s/./x", "g#s/../x", "http:g", "http:", "//g/../x", "a//b/../c",
        "/a//b/../c"]
for ref in refs:
    print("%-12s %s" % (ref, urljoin(base, ref)))
print(urljoin("http://a/b/c/d;p?q#f", ""), urljoin("", "x"))
print(urljoin("http://a/b", "x", allow_fragments=False))
print(urljoin("mailto:a@b", "c"), urljoin("ftp://h/a/b", "c"))
print(urljoin("foo:a/b", "c"), urljoin("svn+ssh://h/a/b", "../c"))
print(urljoin(b"http://a/b/c", b"../d?e"))
show(urljoin, "http://a/", b"x")

print("== urldefrag")
for url in ["http://h/p?q#frag", "http://h/p", "http://h/p#", "a#b#c"]:
    d = urldefrag(url)
    print(d, d.geturl())
print(urldefrag(b"x#y"), urldefrag(b"x#y").geturl())

print("== bytes and encode/decode")
rb = urlsplit(b"http://u:p@h:81/p?q#f")
print(rb, rb.hostname, rb.port, rb.username, rb.password)
print(rb.decode(), rb.geturl(), rb.decode().encode() == rb)
print(urlparse("http://h/p;x").encode("utf-8"))
print(urldefrag("a#b").encode())
show(urlsplit, b"http://h/\xc3\xa9")
show(urlsplit, "http://h/", b"https")
show(urlsplit, 5)
print(type(urlsplit("x")).__name__, type(urlparse(b"x")).__name__,
      type(urldefrag(b"x")).__name__)
print(up.SplitResult._fields, up.ParseResult._fields, up.DefragResult._fields)
r = up.SplitResult("http", "h", "/p", "", "")
print(r._replace(path="/q").geturl(), r == ("http", "h", "/p", "", ""))


class MySplit(up.SplitResult):
    def double(self):
        return self.geturl() * 2


print(MySplit("a", "b", "/c", "", "").double(), MySplit(*r).port)

print("== parse_qs / parse_qsl")
qs = "a=1&b=2&a=3&c&d=&e=x+y%21&=z&&f=%E2%82%AC"
print(parse_qsl(qs))
print(parse_qsl(qs, keep_blank_values=True))
print(parse_qs(qs), parse_qs(qs, True))
print(parse_qsl("a=1;b=2", separator=";"), parse_qsl("a=1;b=2"))
print(parse_qsl(b"a=1&b=%41+b"), parse_qs(b"k=v&k=w"))
print(parse_qsl("a=%ff"))
show(parse_qsl, "a=%ff", errors="strict")
print(parse_qsl("a=%e9", encoding="latin-1"))
show(parse_qsl, "a=1&b", strict_parsing=True)
show(parse_qsl, "a=1&&b=2", strict_parsing=True)
show(parse_qsl, "a=1&b=2&c=3", max_num_fields=2)
print(parse_qsl("a=1&b=2", max_num_fields=2))
show(parse_qsl, "a=1", separator="")
show(parse_qsl, "a=1", separator=None)
show(parse_qsl, b"a=\xc3\xa9")
print(parse_qsl(""), parse_qs(""), parse_qsl("&"), parse_qsl("a=b=c"))

print("== quote / unquote")
for s in ["abc def", "a/b?c=d&e#f", "~_.-", "é€😀", "", "100%", "a+b"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s),
          quote_plus(s, safe="/"))
print(quote("é", encoding="latin-1"), quote("é\u0100", encoding="latin-1",
                                             errors="replace"))
print(quote(b"a b/\xff"), quote(b"a b", safe=b" "), quote_plus(b"a b/"))
print(quote("a:b;c", safe=":"), quote("a:b", safe="é:"))
show(quote, b"x", encoding="utf-8")
show(quote, b"x", errors="strict")
show(quote, 5)
print(quote_from_bytes(b"\x00 a/"), quote_from_bytes(bytearray(b"ab c"), b""))
show(quote_from_bytes, "abc")
for s in ["abc%20def", "%41%42", "%zz%4", "%", "%e2%82%ac", "%E2%82", "é%41é",
          "a+b", "%C3é%A9", "%2B"]:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)),
          unquote_to_bytes(s))
print(unquote("%e9", encoding="latin-1"), unquote(b"%41%e2%82%ac"))
show(unquote, "%ff", errors="strict")
print(unquote_to_bytes(b"a%2fb"), unquote_to_bytes(""), unquote_to_bytes(b""))
show(unquote_to_bytes, None)
show(unquote, 5)
print(unquote(quote("ünï cødé/?&")) == "ünï cødé/?&")

print("== urlencode")
print(urlencode({"a": 1, "b": "x y", "c": "é&="}))
print(urlencode([("a", "1"), ("a", "2"), (b"k", b"v w")]))
print(urlencode({"a": [1, 2], "b": "xy", "c": (b"p", "q"), "d": 5}, doseq=True))
print(urlencode({"a": [1, 2]}))
print(urlencode({"p": "/x y"}, safe="/"), urlencode({"p": "/x y"}, quote_via=quote))
print(urlencode({"e": "é"}, encoding="latin-1"), urlencode([]), urlencode({}))
show(urlencode, "abc")
show(urlencode, [1, 2])
show(urlencode, 5)

print("== module data")
print(up.uses_relative)
print(up.uses_netloc)
print(up.uses_params)
print(up.scheme_chars)
print(sorted(up.__all__))
print(up.unwrap("<URL:http://x/>"), up.unwrap("  <u> "))
up.clear_cache()
