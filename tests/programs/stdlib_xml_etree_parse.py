# xml.etree.ElementTree: parsing (fromstring, parse, XMLParser with custom
# targets, TreeBuilder options, iterparse, XMLPullParser) and ParseError.
import io
import os
import xml.etree.ElementTree as ET


def roundtrip(text, **kw):
    try:
        root = ET.fromstring(text, **kw)
        print(repr(text), "->", ET.tostring(root, encoding="unicode"))
    except ET.ParseError as e:
        print(repr(text), "!!", e, e.code, e.position)


docs = [
    "<a/>", "<a>text</a>", "<a x='1' y=\"2\">t<b>u</b>v<c/>w</a>",
    "<?xml version='1.0' encoding='utf-8'?>\n<!-- lead -->\n<a><!-- c --><?pi data?>x</a>\n<!-- trail -->",
    "<a>&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x20AC;</a>",
    "<a x='&lt;&#10;&#9;&amp;' y='a\nb\tc'/>",
    "<a><![CDATA[<not> & tag]]>tail</a>",
    "<a>\r\nline\rnext\r\n</a>",
    "<!DOCTYPE a><a/>",
    "<!DOCTYPE a SYSTEM 'a.dtd'><a/>",
    "<!DOCTYPE a [<!ENTITY e 'expanded'><!ENTITY m '<b>x</b>'>]><a>&e;|&m;</a>",
    "<!DOCTYPE a [<!ATTLIST a d CDATA 'dflt' e (p|q) 'q' f CDATA #IMPLIED>]><a e='p'/>",
    "<a xmlns='urn:d' xmlns:p='urn:p'><p:b p:x='1' y='2'/><c xmlns=''/></a>",
    "<a xml:lang='en'/>", "\ufeff<a>bom</a>", "<a  >x</a  >",
    "<a>caf\xe9 \u20ac</a>",
]
for d in docs:
    roundtrip(d)
roundtrip(b"<a>caf\xc3\xa9</a>")
roundtrip(b"\xef\xbb\xbf<a>bom</a>")
roundtrip(b"<?xml version='1.0' encoding='latin-1'?><a>\xe9</a>")
roundtrip(b"<?xml version='1.0' encoding='iso-8859-1'?><a x='\xe9'/>")
roundtrip(b"<a>\xe9</a>", parser=ET.XMLParser(encoding="latin-1"))

bad = [
    "", "  ", "<a", "<a>", "<a></b>", "<a><b></a>", "abc", "<a x=1/>",
    "<a x='1' x='2'/>", "<a/><b/>", "<a/>junk", "<a/>\n\n  <b/>", "<a>&foo;</a>",
    "<a>&#0;</a>", "<a>&#xZZ;</a>", "<a><![CDATA[x</a>", "<a><!-- c -- d --></a>",
    " <?xml version='1.0'?><a/>", "<a><?xml version='1.0'?></a>", "<a x='<'/>",
    "<a x='&'/>", "<a>\n<b>\n</c></a>", "<1a/>", "<a 1='x'/>", "</a>", "<a>]]></a>",
    "<a>\x01</a>", "<p:a/>", "<a b:c='1'/>", "<a:b:c/>", "<a x='1'y='2'/>",
    "<a\n  x='1'\n  y=2/>", "<a>&amp</a>", "<a>&</a>", "<a>< b</a>", "<a><!-x--></a>",
    "<a/", "<a x='1", "<a><!--", "<?xml version='1.0'?>", "<!-- c -->",
    "<a>x</a b>", "<a xmlns:p=''/>", "<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>",
    "<a>\xe9\xe9</a></b>", "<a>\n\t\xe9<b x='1' y='2' x='3'/></a>", "<a>&#xD800;</a>",
    "<?xml?><a/>", "<?XML v?><a/>", "<!DOCTYPE a SYSTEM 'x.dtd'><a>&foo;</a>",
    "<a/><!-- x --> junk", "<a b='1'></a><", "<a>\r\n<b/>\r\n</c>",
]
for d in bad:
    roundtrip(d)
roundtrip(b"<a>\xff</a>")
roundtrip(b"<a>\xc3")
roundtrip(b"<a x='\xc3'>")
print(issubclass(ET.ParseError, SyntaxError))

# --- custom targets ---


class Target:
    def start(self, tag, attrib):
        print("  start", tag, sorted(attrib.items()))

    def end(self, tag):
        print("  end", tag)

    def data(self, data):
        print("  data", repr(data))

    def comment(self, text):
        print("  comment", repr(text))

    def pi(self, target, data):
        print("  pi", repr(target), repr(data))

    def start_ns(self, prefix, uri):
        print("  start_ns", repr(prefix), repr(uri))

    def end_ns(self, prefix):
        print("  end_ns", repr(prefix))

    def doctype(self, name, pubid, system):
        print("  doctype", name, pubid, system)

    def close(self):
        print("  close")
        return "RESULT"


p = ET.XMLParser(target=Target())
p.feed("<!DOCTYPE a PUBLIC 'pub' 'sys'><!-- top --><?top x?>"
       "<a xmlns='u' xmlns:q='v'>x&amp;y\nz\n\nw&#65;<![CDATA[c\nd]]>tt")
p.feed("<q:b q:x='1'/><?p  d  ?><!--c--></a>")
print(p.close())


class StartOnly:
    def start(self, tag, attrib):
        print("  only start", tag)


p = ET.XMLParser(target=StartOnly())
p.feed("<a>x<b/><!--c--><?p?></a>")
print(p.close())

# --- TreeBuilder options ---
for kw in ({}, {"insert_comments": True}, {"insert_pis": True},
           {"insert_comments": True, "insert_pis": True}):
    tb = ET.TreeBuilder(**kw)
    p = ET.XMLParser(target=tb)
    p.feed("<!--top--><a>x<!--c-->y<?p q?>z<b/><!--after-b-->t</a><!--end-->")
    print(kw, ET.tostring(p.close(), encoding="unicode"))
tb = ET.TreeBuilder()
tb.start("root", {"k": "v"})
tb.data("hello ")
tb.data("world")
tb.start("child", {})
tb.end("child")
tb.data("tail")
print(ET.tostring(tb.end("root")), ET.tostring(tb.close()))
print(ET.TreeBuilder().close())


def factory(tag, attrib):
    e = ET.Element(tag.upper(), attrib)
    return e


p = ET.XMLParser(target=ET.TreeBuilder(element_factory=factory))
p.feed("<a x='1'><b/></a>")
print(ET.tostring(p.close()))

# --- parse() from files, XMLID, fromstringlist ---
tmp = "/tmp"
path = os.path.join(tmp, "krait_xml_etree_%d.xml" % os.getpid())
with open(path, "wb") as f:
    f.write(b"<?xml version='1.0' encoding='utf-8'?>\n<doc><p>caf\xc3\xa9</p></doc>")
tree = ET.parse(path)
print(tree.getroot().tag, tree.findtext("p"))
with open(path, "rb") as f:
    print(ET.parse(f).getroot()[0].text)
out = path + ".out"
tree.write(out, encoding="utf-8", xml_declaration=True)
with open(out, "rb") as f:
    print(f.read())
tree.write(out)
with open(out, "rb") as f:
    print(f.read())
root, ids = ET.XMLID("<r><a id='x'/><b id='y'><c id='z'/></b><d/></r>")
print(root.tag, sorted((k, v.tag) for k, v in ids.items()))
print(ET.tostring(ET.fromstringlist(["<a>", "x<b/", ">y</a>"])))

# --- iterparse ---
events = ("start", "end", "start-ns", "end-ns", "comment", "pi")
src = io.BytesIO(b"<a xmlns='u' xmlns:p='v'><!--c--><?pi x?><p:b>t</p:b><c/></a>")
it = ET.iterparse(src, events=events)
print("root before:", it.root)
for ev, obj in it:
    if hasattr(obj, "tag"):
        obj = {ET.Comment: "Comment", ET.PI: "PI"}.get(obj.tag, obj.tag)
    print(" ", ev, obj)
print("root after:", it.root.tag)
print([(ev, el.tag) for ev, el in ET.iterparse(io.StringIO("<a><b/><c>t</c></a>"))])
print([(ev, el.tag) for ev, el in ET.iterparse(path, events=["start"])])
it = ET.iterparse(io.BytesIO(b"<a><b></a>"))
try:
    for ev, el in it:
        print(" got", ev, el.tag)
except ET.ParseError as e:
    print("iterparse error:", e)
try:
    ET.iterparse(os.path.join(tmp, "krait_missing_%d.xml" % os.getpid()))
except OSError as e:
    print(type(e).__name__)
os.remove(path)
os.remove(out)

# --- XMLPullParser ---
pp = ET.XMLPullParser(events=("start", "end", "comment"))
for chunk in ["<root><it", "em n='1'>one</item><!-- note -->", "<item n='2'/>", "</root>"]:
    pp.feed(chunk)
    print([(ev, el.tag if ev != "comment" else el.text, el.get("n") if ev != "comment" else None)
           for ev, el in pp.read_events()])
pp.close()
print(list(pp.read_events()))
try:
    pp.feed("<more/>")
except ValueError as e:
    print("ValueError", e)
try:
    ET.XMLPullParser(events=("bogus",))
except ValueError as e:
    print("ValueError", e)
pp = ET.XMLPullParser()
pp.feed("<a><b/></c>")
try:
    print(list(pp.read_events()))
except ET.ParseError as e:
    print("pull error:", e, e.position)
pp = ET.XMLPullParser(["end"])
pp.feed(b"<a>caf\xc3")
pp.feed(b"\xa9</a>")
print([(ev, el.text) for ev, el in pp.read_events()])
try:
    ET.XMLParser(target=ET.TreeBuilder()).feed(5)
except TypeError as e:
    print("TypeError", e)
parser = ET.XMLParser()
parser.feed("<a>")
try:
    parser.close()
except ET.ParseError as e:
    print("close:", e)
