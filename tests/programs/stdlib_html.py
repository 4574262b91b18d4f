# html.escape / html.unescape and the html.entities tables.
import html
from html import entities

print("== escape")
for s in ["", "plain", "<a href=\"x\">'q' & r</a>", "&amp;", "<<>>", "\"'"]:
    print(repr(html.escape(s)), repr(html.escape(s, quote=False)))
print(repr(html.escape(s=">", quote=True)))

print("== unescape named")
cases = [
    "no refs", "&amp;", "&lt;&gt;&quot;&apos;", "&AMP;", "&AMP", "&amp",
    "&ampx", "&ampx;", "&notit;", "&notin;", "&not", "&nosuch;", "&nosuch",
    "&", "&&", "& amp;", "&;", "&#;", "&#x;", "&#xg;", "a&b", "&Aacute",
    "&aacute;x", "&acE;", "&NotEqualTilde;", "&zscr;", "&zwnj;",
    "&fjlig;", "&gt", "&GT", "&GTx", "&ltfoo", "&le", "&lesg;",
    "&" + "a" * 40 + ";", "&amp;amp;", "&copy2020", "&copy;2020",
    "&frac12;&frac14", "&Ouml;sterreich", "&timesbar;", "&times",
    "x&\tamp;", "&amp\n", "&am", "&a",
]
for s in cases:
    print(repr(s), "->", repr(html.unescape(s)))

print("== unescape numeric")
nums = [0, 1, 8, 9, 10, 11, 12, 13, 14, 31, 32, 65, 127, 128, 129, 130,
        141, 143, 144, 150, 157, 159, 160, 0xD7FF, 0xD800, 0xDFFF, 0xE000,
        0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000,
        0x1FFFE, 0x1F600, 0x10FFFD, 0x10FFFE, 0x10FFFF, 0x110000,
        10 ** 30]
for n in nums:
    dec = html.unescape("&#%d;" % n)
    hx = html.unescape("&#x%X;" % n)
    bare = html.unescape("&#%dz" % n)
    print(n, [hex(ord(c)) for c in dec], dec == hx, [hex(ord(c)) for c in bare])
print(repr(html.unescape("&#65&#66;&#x43&#X44;&#x45x;&#0065;&#x0000046;")))
print(repr(html.unescape("&#00000000000000000000000065;")))
print(repr(html.unescape("&#-1;&#+1;&# 1;")))

print("== round trip")
text = "Tom & Jerry's <show> \"live\" — © 2024"
print(html.unescape(html.escape(text)) == text)
print(html.escape(text))

print("== entities tables")
print(len(entities.name2codepoint), len(entities.codepoint2name),
      len(entities.entitydefs), len(entities.html5))
print(entities.name2codepoint["amp"], entities.name2codepoint["euro"],
      entities.name2codepoint["hearts"])
print(entities.codepoint2name[169], entities.codepoint2name[0x3B1])
print(repr(entities.entitydefs["lt"]), repr(entities.entitydefs["nbsp"]))
print(repr(entities.html5["amp;"]), repr(entities.html5["amp"]),
      repr(entities.html5["NotEqualTilde;"]), repr(entities.html5["bne;"]))
print("amp" in entities.html5, "hearts" in entities.html5,
      "hearts;" in entities.html5)
no_semicolon = sorted(k for k in entities.html5 if not k.endswith(";"))
print(len(no_semicolon), no_semicolon[:8])
print(all(entities.html5[k + ";"] == entities.html5[k] for k in no_semicolon))
print(all(entities.html5[n + ";"] == chr(c)
          for n, c in entities.name2codepoint.items()))
multi = sorted(k for k, v in entities.html5.items() if len(v) > 1)
print(len(multi), multi[:5])
print(sorted(entities.__all__))
print(sorted(html.__all__))

print("== every html5 name through unescape")
bad = [k for k, v in entities.html5.items()
       if html.unescape("&" + k) != v]
print(bad)
print(html.unescape("".join("&" + k for k in sorted(entities.html5)))
      == "".join(entities.html5[k] for k in sorted(entities.html5)))
