# str.casefold (Unicode's full case folding) and str.isidentifier
# (XID_Start/XID_Continue, Unicode 14 as Python 3.11), as CPython.
for s in ["ﬁne", "ΣΑΣ", "ŉ", "ᾳ", "Straße", "ǅ", "İstanbul", "ΌΣΟΣ", "ﬀ", "Hello", "", "ẞ", "ꭰ", "𐐀", "MASSE", "µ", "ſ"]:
    print(repr(s), repr(s.casefold()), s.casefold() == s.lower(), repr(s.lower()), repr(s.upper()))
print("straße".casefold() == "STRASSE".casefold(), "ﬁ".casefold() == "FI".casefold())
for s in ["a😀", "a€", "x·y", "_", "__init__", "1a", "a1", "ℕ", "x²", "ﬁ", "a b", "", "é", "e\u0301", "Ⅻ", "a-b", "〇", "ⅻ_", "·x", "a\u200c"]:
    print(repr(s), s.isidentifier())
class S(str): pass
print(S("ABC").casefold(), type(S("ABC").casefold()).__name__, S("x1").isidentifier())
