# Every code point's str predicates, summarised per class as a checksum of
# the code points that have it (the whole Unicode range, surrogates aside).
import hashlib
tests = ["isdecimal", "isdigit", "isnumeric", "isalpha", "isalnum", "isprintable",
         "isspace", "isupper", "islower", "istitle", "isidentifier"]
chars = list(map(chr, range(0xD800))) + list(map(chr, range(0xE000, 0x110000)))
for name in tests:
    test = getattr(str, name)
    members = list(filter(test, chars))
    digest = hashlib.sha1("".join(members).encode()).hexdigest()[:12]
    print(name, len(members), digest)
# int() and float() with the digits of every script.
zeros = [c for c in chars if c.isdecimal() and int(c) == 0]
print(len(zeros), sum(int(chr(ord(z) + 7) + z) for z in zeros))
print(float("\u17e3.\u0665"), int("\U0001d7d9\U0001d7da"), "\u17e3\u17e3".isdecimal())
print("ΣΑΣ A".swapcase(), "ΑΣ".swapcase(), "Σ".swapcase(), "aΣb".swapcase(), "İx".swapcase())
print(repr("\u0378\ufdd0\uffff\u00ad\u200b a"), ascii("\u0378"))
print("\u3405".isnumeric(), "零".isnumeric(), "\u0301".isalpha(), "a\u0301".isalnum())
print(" \u3000\x1c\x85\xa0".isspace(), "a\u2028b".split(), "x\u180ey".split())
print("ǅungla".istitle(), "ǅ".isupper(), "ǅ".islower(), "ǲ".title(), "Hello World".istitle())
