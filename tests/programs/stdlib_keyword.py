# keyword: the keyword lists and the tests.
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), len(keyword.softkwlist), sorted(keyword.__all__))
print(keyword.kwlist == sorted(keyword.kwlist))
for word in ["if", "None", "none", "match", "case", "_", "print", "async", "await",
             "nonlocal", "", "type", "IF", " if", "__debug__", "self"]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))


class Word(str):
    pass


print(keyword.iskeyword(Word("while")), keyword.issoftkeyword(Word("match")))
print(keyword.iskeyword(5), keyword.iskeyword(None), keyword.iskeyword(b"if"))
for bad in [[], {}]:
    try:
        keyword.iskeyword(bad)
    except TypeError as e:
        print(type(e).__name__, e)
for bad in [(), ("if",)]:
    try:
        print(keyword.issoftkeyword(bad))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    keyword.iskeyword()
except TypeError as e:
    print(type(e).__name__)
# Every keyword is a keyword for the compiler too: it cannot be a name.
rejected = 0
for word in keyword.kwlist:
    try:
        compile(word + " = 1", "<kw>", "exec")
    except SyntaxError:
        rejected += 1
print(rejected, len(keyword.kwlist))
for word in keyword.softkwlist:
    namespace = {}
    exec(word + " = 1", namespace)
    print(word, namespace[word])
print([w for w in keyword.kwlist if w.isidentifier()] == keyword.kwlist)
