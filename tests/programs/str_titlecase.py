# Titlecase letters and title-case mappings: istitle, title, capitalize,
# isupper, islower and swapcase on digraphs, ligatures and Greek.
for s in ["\u01c5", "\u01c5a", "ǆemal", "ǳ", "ß", "ﬁre", "ᾳ", "ǅungla Ǉ", "hello world", "Hello ǅ", "ŉ"]:
    print(ascii(s), s.istitle(), ascii(s.title()), ascii(s.capitalize()), s.isupper(), s.islower(), ascii(s.swapcase()))
print(ascii("ᾀ ᾈ ᾲ ᾷ ﬃ ﬆ և ﬓ ფ".title()), ascii("ǉubljana ǋ".capitalize()), "Ǳ ǲ ǳ".title())
