# unicodedata: CPython 3.11's database (Unicode 14.0.0): properties, numbers, names, normalization, errors.
import unicodedata as u
import random
rng = random.Random(5)
cps = [rng.randrange(0x110000) for _ in range(600)] + list(range(0, 0x3000, 37)) + [0x1F600, 0xAC00, 0x4E00, 0x20000, 0xE0001, 0x1979]
fails = 0
for cp in cps:
    if 0xD800 <= cp < 0xE000:
        continue
    c = chr(cp)
    row = (u.category(c), u.bidirectional(c), u.east_asian_width(c), u.mirrored(c), u.combining(c), u.decomposition(c), u.decimal(c, None), u.digit(c, None), u.numeric(c, None), u.name(c, None))
    print(f"{cp:x}", row)
for s in ["café", "ﬁ", "Å", "e\u0301", "①②", "Ｈｅｌｌｏ", "한국어", "ｶﾞ"]:
    print([u.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")], [u.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])
print(u.lookup("LATIN SMALL LETTER A"), u.lookup("snowman"), u.name("☃"), u.unidata_version)
print(u.normalize("NFKD", "Crème Brûlée").encode("ascii", "ignore"))
for bad in [lambda: u.lookup("NO SUCH THING"), lambda: u.name("\x00"), lambda: u.decimal("a"), lambda: u.digit("a"), lambda: u.numeric("a"), lambda: u.category("ab"), lambda: u.category(5), lambda: u.normalize("NFX", "a")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
