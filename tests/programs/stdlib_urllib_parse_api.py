from urllib.parse import *
import urllib.parse as up


def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)


urls = [
    "http://user:pw@www.Example.com:8080/a/b;p?q=1&r=2#frag",
    "https://[::1]:443/path",
    "https://[fe80::1%25eth0]/x",
    "ftp://ftp.example.com/pub/file.txt",
    "mailto:joe@example.com",
    "file:///etc/passwd",
    "//netloc/only",
    "/just/a/path?x#y",
    "relative/path;params?q",
    "news:comp.lang.python",
    "HTTP://EXAMPLE.COM",
    " \t http://a.com/\n\tb ",
    "path:80",
    "1http://x",
    "tel:+1-555;ext=1",
    "svn+ssh://host/repo",
    "http://a/b/c?#",
    "",
    "?only=query",
    "#onlyfrag",
    "http://host:/x",
    "http://@host",
    "http://user@host:0",
    "sip:alice@atlanta.com;transport=tcp",
    "http://a.com/p;x;y/q;z",
]
for u in urls:
    s = urlsplit(u)
    p = urlparse(u)
    print(repr(u))
    print("  ", s)
    print("  ", p)
    print("  ", s.username, s.password, s.hostname, end=" ")
    try:
        print(s.port)
    except ValueError as e:
        print("ValueError", e)
    print("  ", s.geturl(), "|", p.geturl(), "|", urlunsplit(s), "|", urlunparse(p))

print(urlsplit("http://a/b#c", allow_fragments=False))
print(urlparse("www.x.com/path", scheme="http"))
print(urlparse(b"http://h/p?q#f"), urlsplit(b"http://h/p").hostname)
print(urlparse("http://h/p").encode(), urlsplit(b"http://u@h:1/").decode())
print(urldefrag("http://a/b#c"), urldefrag("http://a/b"), urldefrag(b"x#y"))
print(urldefrag("http://a/b#c").geturl())
show("mix", lambda: urljoin("http://a", b"b"))
show("badport", lambda: urlsplit("http://h:abc/").port)
show("bigport", lambda: urlsplit("http://h:70000/").port)
show("negport", lambda: urlsplit("http://h:-1/").port)
show("ipv6", lambda: urlsplit("http://[::1/"))
show("ipv6b", lambda: urlsplit("http://::1]/"))
show("ipv4br", lambda: urlsplit("http://[127.0.0.1]/"))
show("ipv6bad", lambda: urlsplit("http://[zz::1]/"))
show("ipvfut", lambda: urlsplit("http://[v1.fe]/"))
show("ipvfutbad", lambda: urlsplit("http://[vx.fe]/"))
print(urlsplit("http://[::ffff:1.2.3.4]:80/").hostname)
print(urlsplit("http://[FE80::A%ETH0]/").hostname)
print(urlunsplit(("http", "", "/p", "", "")), urlunsplit(("file", "", "p", "", "")), urlunsplit(("", "", "//x", "", "")))
print(urlunparse(("http", "h", "p", "a", "q", "f")), urlunparse([b"http", b"h", b"/p", b"", b"", b""]))

# RFC 3986 5.4
base = "http://a/b/c/d;p?q"
normal = ["g:h", "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x",
          "g;x?y#s", "", ".", "./", "..", "../", "../g", "../..", "../../", "../../g",
          "../../../g", "../../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g",
          "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y",
          "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "http:g", "http:", "//g/../x"]
for r in normal:
    print(repr(r), urljoin(base, r))
print(urljoin("http://a/b/c/", "../../../x"), urljoin("http://a/b", "c", False))
print(urljoin("mailto:a@b", "c"), urljoin("", "x"), urljoin("http://a/", ""))
print(urljoin(b"http://a/b/c", b"../d"), urljoin("https://a/b/", "//c/d"))
print(urljoin("http://a/b/c/d", "g/../../"), urljoin("svn://a/b", "c"), urljoin("unknown://a/b", "c"))
print(urljoin("http://a/b/c", "?"), urljoin("http://a/b/c?x", "#"), urljoin("http://a/b//c/", "../d"))

# quoting
for s in ["abc def", "a/b c", "é~_.-", "", "a+b=c&d", "100%", "\x00\x7f", "日本"]:
    print(repr(s), quote(s), quote(s, safe=""), quote_plus(s), quote_plus(s, safe="/"))
print(quote("a/b", safe=b"/"), quote(b"a b\xff"), quote_from_bytes(b"a&b", safe="&"), quote("é", encoding="latin-1"))
print(quote("é", encoding="ascii", errors="replace"), quote("é", errors="ignore", encoding="ascii"))
print(quote_plus(b"a b+c"), quote_plus("a b", safe=b"+"), quote("a\u00e9", safe="\u00e9"))
print(quote_from_bytes(bytearray(b"x y")), quote_from_bytes(b"abc"), quote_from_bytes(b""))
show("qb", lambda: quote_from_bytes("str"))
show("qenc", lambda: quote(b"x", encoding="utf-8"))
show("qerr", lambda: quote(b"x", errors="strict"))
show("qint", lambda: quote(3))
for s in ["abc%20def", "%e9%", "%zz%4", "a+b", "%E6%97%A5", "%e9", "no", "é%41", ""]:
    print(repr(s), repr(unquote(s)), repr(unquote_plus(s)), unquote_to_bytes(s))
print(unquote("%e9", encoding="latin-1"), unquote("%ff", errors="strict") if False else "", unquote(b"a%20b"))
print(unquote_to_bytes(b"%41%4"), unquote_to_bytes(""))
show("uqe", lambda: unquote("%ff", errors="strict"))
show("uqint", lambda: unquote(5))
show("uqb", lambda: unquote_to_bytes(5))

# query strings
qs = "a=1&b=2&a=3&c=&d&e=x+y%21&=z&&f=%zz"
print(parse_qs(qs))
print(parse_qs(qs, keep_blank_values=True))
print(parse_qsl(qs), parse_qsl(qs, True))
print(parse_qsl("a=1;b=2", separator=";"))
show("bytes nonascii", lambda: parse_qsl(b"a=1&b=%e9", encoding="latin-1"))
print(parse_qsl("a=%e9", encoding="latin-1"), parse_qsl("a=%ff", errors="ignore"))
print(parse_qs(""), parse_qsl(""), parse_qs(b"k=v&k=w"))
show("strict", lambda: parse_qsl("a=1&b", strict_parsing=True))
show("strict2", lambda: parse_qsl("a=1&&b=2", strict_parsing=True))
show("strict3", lambda: parse_qsl("=1", strict_parsing=True))
show("maxf", lambda: parse_qsl("a=1&b=2&c=3", max_num_fields=2))
print(parse_qsl("a=1&b=2", max_num_fields=2))
show("sep", lambda: parse_qsl("a=1", separator=""))
show("sep2", lambda: parse_qsl("a=1", separator=None))
show("sep3", lambda: parse_qsl("a=1", separator=5))
print(urlencode({"a": 1, "b": "x y", "c": "é/&"}), urlencode([("a", b"\xff"), (b"k", "v")]))
print(urlencode({"a": [1, 2], "b": "xy", "c": (3,), "d": 5}, doseq=True))
print(urlencode({"a": [1, 2]}), urlencode({"p": "/x y"}, safe="/"), urlencode({"p": "/x y"}, quote_via=quote))
print(urlencode({"e": "é"}, encoding="latin-1"), urlencode({"e": "é"}, encoding="ascii", errors="replace"))
print(urlencode({"s": {3}}, doseq=True), urlencode({"b": b"a b"}, doseq=True), urlencode([]))
show("enc bad", lambda: urlencode("abc"))
show("enc bad2", lambda: urlencode([1, 2]))
show("enc bad3", lambda: urlencode(5))
print(up.unwrap("<URL:http://a/b>"), up.unwrap("  <http://x> "), up.unwrap("URL:x"))
r = urlsplit("http://h/p")
print(r._replace(path="/q").geturl(), r.scheme, r[1], len(r), SplitResult._fields, ParseResult._fields, DefragResult._fields)
print(type(urlparse(b"x")).__name__, type(urldefrag(b"x")).__name__, isinstance(r, tuple))
print(up.clear_cache() if hasattr(up, "clear_cache") else None)
show("maxneg", lambda: parse_qsl("", max_num_fields=-1))
print(parse_qsl("", max_num_fields=0), parse_qs("a=1", max_num_fields=1))
print(urlsplit("http://a/b?c#d", allow_fragments=0))
show("unhashable", lambda: urlsplit("http://a/b?c#d", allow_fragments=[]))
print(urlunsplit(["", "", "", "", ""]), urlunsplit((b"", b"", b"", b"", b"")), urlunparse(("http", "", "", "", "", "")))
print(urlunsplit(("ftp", "", "x", "", "")), urlunsplit(("mailto", "", "a@b", "", "")), urlunsplit(("http", "", "//p", "", "")))
print(quote_from_bytes(b"a~b_c.d-e f", safe=b"\xff "), quote("a b", safe=bytearray(b" ")))
