# gettext: .mo files written here (both byte orders), headers, plural
# forms, contexts, fallbacks, translation()/find()/install() and the
# global d*gettext functions.
import builtins
import gettext
import io
import os
import shutil
import struct
import tempfile
import warnings


def make_mo(entries, order="<", magic=None, version=0, corrupt=False):
    """entries: list of (msgid bytes, msgstr bytes); sorted like msgfmt."""
    entries = sorted(entries)
    n = len(entries)
    ids_at = 28
    strs_at = ids_at + 8 * n
    data_at = strs_at + 8 * n
    blob = b""
    id_table = []
    str_table = []
    for msgid, _ in entries:
        id_table.append((len(msgid), data_at + len(blob)))
        blob += msgid + b"\0"
    for _, msgstr in entries:
        str_table.append((len(msgstr), data_at + len(blob)))
        blob += msgstr + b"\0"
    if corrupt:
        str_table[-1] = (len(entries[-1][1]) + 500, str_table[-1][1])
    m = magic if magic is not None else 0x950412de
    out = struct.pack(order + "7I", m, version, n, ids_at, strs_at, 0, 0)
    for length, offset in id_table + str_table:
        out += struct.pack(order + "2I", length, offset)
    return out + blob


HEADER_DE = (b"Project-Id-Version: demo 1.0\n"
             b"Content-Type: text/plain; charset=UTF-8\n"
             b"Plural-Forms: nplurals=2; plural=n != 1;\n"
             b"X-Long: first part\n"
             b" continued here\n"
             b"#-#-#-#-#  merged.po  #-#-#-#-#\n")
DE = [
    (b"", HEADER_DE),
    (b"Hello", "Hallo".encode()),
    (b"cheese", "K\xe4se".encode()),
    (b"%d file\0%d files", b"%d Datei\0%d Dateien"),
    (b"menu\x04Open", "\xd6ffnen".encode()),
    (b"verb\x04%d run\0%d runs", b"%d Lauf\0%d L\xc3\xa4ufe"),
    (b"only plural\0plurals", b"einzig\0mehrere"),
]
HEADER_PL = (b"Content-Type: text/plain; charset=ISO-8859-1\n"
             b"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 "
             b"&& (n%100<10 || n%100>=20) ? 1 : 2);\n")
PL = [
    (b"", HEADER_PL),
    (b"Hello", b"Cze\xb6\xe6"),
    (b"%d file\0%d files", b"%d plik\0%d pliki\0%d plik\xf3w"),
]
FR = [
    (b"", b"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; plural=n>1;\n"),
    (b"Goodbye", b"Au revoir"),
    (b"Hello", b"Bonjour"),
    (b"%d file\0%d files", b"%d fichier\0%d fichiers"),
]

root = tempfile.mkdtemp()
for lang, entries, order in (("de", DE, "<"), ("pl", PL, ">"), ("fr", FR, ">"),
                             ("de_AT", [(b"", b"Content-Type: text/plain; charset=UTF-8\n"),
                                        (b"cheese", b"Kaas")], "<")):
    folder = os.path.join(root, lang, "LC_MESSAGES")
    os.makedirs(folder)
    with open(os.path.join(folder, "demo.mo"), "wb") as f:
        f.write(make_mo(entries, order))


def rel(p):
    if p is None:
        return None
    if isinstance(p, list):
        return [rel(x) for x in p]
    return os.path.relpath(p, root)


print(rel(gettext.find("demo", root, ["de"])))
print(rel(gettext.find("demo", root, ["de_AT", "fr"], all=True)))
print(rel(gettext.find("demo", root, ["xx", "C", "de"])))
print(rel(gettext.find("demo", root, ["xx"], all=True)), rel(gettext.find("nope", root, ["de"])))
os.environ["LANGUAGE"] = "fr:de"
print(rel(gettext.find("demo", root)), rel(gettext.find("demo", root, all=True)))
os.environ["LANGUAGE"] = ""
os.environ["LC_ALL"] = "pl"
print(rel(gettext.find("demo", root)))
del os.environ["LANGUAGE"], os.environ["LC_ALL"]

de = gettext.translation("demo", root, ["de"])
print(type(de).__name__, de.charset(), sorted(de.info().items()))
print(de.gettext("Hello"), de.gettext("cheese"), de.gettext("missing"))
for n in (0, 1, 2, 7):
    print(n, de.ngettext("%d file", "%d files", n) % n,
          de.npgettext("verb", "%d run", "%d runs", n) % n,
          de.npgettext("noun", "%d run", "%d runs", n) % n,
          de.ngettext("x", "xs", n))
print(de.pgettext("menu", "Open"), de.pgettext("other", "Open"), de.gettext("Open"))
print(de.gettext("only plural"), de.gettext("plurals"))
print(sorted(de._catalog.items(), key=repr))

pl = gettext.translation("demo", root, ["pl"])
print(pl.charset(), pl.gettext("Hello"), [pl.ngettext("%d file", "%d files", n) % n
                                          for n in (1, 2, 5, 12, 22, 25, 101, 104)])

# fallbacks: de_AT falls back to de, then to fr, then nothing
chain = gettext.translation("demo", root, ["de_AT", "fr"])
print(chain.gettext("cheese"), chain.gettext("Hello"), chain.gettext("Goodbye"),
      chain.gettext("???"), chain.ngettext("%d file", "%d files", 1) % 1,
      chain.ngettext("%d file", "%d files", 0) % 0)
print(type(chain._fallback).__name__, rel(gettext.find("demo", root, ["de_AT"], all=True)))
print(gettext.translation("demo", root, ["de"]) is gettext.translation("demo", root, ["de"]))
print(gettext.translation("demo", root, ["de"])._catalog is gettext.translation("demo", root, ["de"])._catalog)
try:
    gettext.translation("demo", root, ["xx"])
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
null = gettext.translation("demo", root, ["xx"], fallback=True)
print(type(null).__name__, null.gettext("Hello"), null.ngettext("a", "b", 1),
      null.ngettext("a", "b", 2), null.pgettext("c", "m"), null.npgettext("c", "a", "b", 3),
      null.info(), null.charset())


class Upper(gettext.NullTranslations):
    def gettext(self, message):
        return message.upper()


class Logged(gettext.GNUTranslations):
    def _parse(self, fp):
        print("  parsing", type(fp).__name__)
        super()._parse(fp)


t = gettext.translation("demo", root, ["fr"], class_=Logged)
t.add_fallback(Upper())
print(t.gettext("Hello"), t.gettext("Goodbye"), t.gettext("unknown"))
t2 = gettext.translation("demo", root, ["fr"], class_=Logged)
print(t2._fallback)

n = gettext.NullTranslations()
n.add_fallback(de)
n.add_fallback(Upper())
print(n.gettext("Hello"), n.gettext("zzz"), type(n._fallback._fallback).__name__)
print(sorted(vars(gettext.NullTranslations())))

# reading from file objects, both byte orders, errors
for order in "<>":
    g = gettext.GNUTranslations(io.BytesIO(make_mo(FR, order)))
    print(order, g.gettext("Hello"), g.ngettext("%d file", "%d files", 2), g.plural(1), g.plural(2))
g = gettext.GNUTranslations(io.BytesIO(make_mo([(b"a", b"b")], version=1 << 16)))
print(g.gettext("a"), g.info(), g.charset(), g.plural(1), g.plural(0))
print(g._get_versions(0x00020003), gettext.GNUTranslations.VERSIONS,
      hex(gettext.GNUTranslations.LE_MAGIC), hex(gettext.GNUTranslations.BE_MAGIC),
      repr(gettext.GNUTranslations.CONTEXT))
for label, data in [("magic", make_mo(FR, magic=0x12345678)),
                    ("version", make_mo(FR, version=2 << 16)),
                    ("corrupt", make_mo(FR, corrupt=True))]:
    f = io.BytesIO(data)
    try:
        gettext.GNUTranslations(f)
    except OSError as e:
        print(label, type(e).__name__, e.errno, e.strerror, repr(e.filename))
path = os.path.join(root, "bad.mo")
with open(path, "wb") as f:
    f.write(make_mo(FR, version=7 << 16))
try:
    with open(path, "rb") as f:
        gettext.GNUTranslations(f)
except OSError as e:
    print(e.strerror, rel(e.filename))
bad_plural = make_mo([(b"", b"Plural-Forms: nplurals=2; plural=n $ 1;\n")])
try:
    gettext.GNUTranslations(io.BytesIO(bad_plural))
except ValueError as e:
    print("ValueError", e)
latin = make_mo([(b"", b"Content-Type: text/plain; charset=latin-1\n"), (b"caf\xe9", b"Caf\xe9!")])
print(gettext.GNUTranslations(io.BytesIO(latin)).gettext("caf\xe9"))

# plural expressions
for expr in ["n != 1", "n>1", "n==1 ? 0 : n==2 ? 1 : 2", "(n%10==1 && n%100!=11) ? 0 : 1",
             "n/2", "!n", "n < 2 < 3", "0", "x", "n +", "(n", "n)", "n ? 1", "", "n & 1",
             "-n", "n ? 1 : 2 : 3", "(" * 25 + "n" + ")" * 25, "n" + "+1" * 600, "n>1;"]:
    try:
        f = gettext.c2py(expr)
        print(repr(expr[:30]), [f(k) for k in range(5)])
    except ValueError as e:
        print(repr(expr[:30]), "ValueError", e)
f = gettext.c2py("n != 1")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(f(1.0), f(2.5))
print([(w.category.__name__, str(w.message)) for w in caught])
for bad in ("1", None, [1]):
    try:
        f(bad)
    except TypeError as e:
        print("TypeError", e)

# install
de.install()
print(_("Hello"), "gettext" in builtins.__dict__)
de.install(names=["ngettext", "pgettext", "bogus"])
print(ngettext("%d file", "%d files", 3), pgettext("menu", "Open"), hasattr(builtins, "bogus"))
gettext.install("demo", root)
print(_("Hello"))
gettext.install("demo", root, names=("gettext",))
print(builtins.gettext("Hello"))
for name in ("_", "gettext", "ngettext", "pgettext"):
    builtins.__dict__.pop(name, None)

# the global API
print(gettext.textdomain(), gettext.textdomain("demo"), gettext.textdomain(None))
print(gettext.bindtextdomain("other") == gettext._default_localedir)
print(rel(gettext.bindtextdomain("demo", root)), rel(gettext.bindtextdomain("demo")))
os.environ["LANGUAGE"] = "de"
print(gettext.gettext("Hello"), gettext.ngettext("%d file", "%d files", 2),
      gettext.pgettext("menu", "Open"), gettext.npgettext("verb", "%d run", "%d runs", 1))
print(gettext.dgettext("demo", "cheese"), gettext.dgettext("nodomain", "cheese"),
      gettext.dngettext("nodomain", "one", "many", 1), gettext.dngettext("nodomain", "one", "many", 2),
      gettext.dpgettext("nodomain", "ctx", "msg"), gettext.dnpgettext("nodomain", "c", "a", "b", 5),
      gettext.dnpgettext("demo", "verb", "%d run", "%d runs", 4))
os.environ["LANGUAGE"] = "pl"
print(gettext.ngettext("%d file", "%d files", 3))
del os.environ["LANGUAGE"]
gettext.textdomain("messages")
print(gettext.Catalog is gettext.translation, sorted(gettext.__all__))
print(gettext._expand_lang("de_AT.UTF-8@euro"), gettext._expand_lang("pt_BR.utf8"),
      gettext._expand_lang("C"), gettext._expand_lang("xx_YY.ISO8859-1@mod"))
shutil.rmtree(root)
