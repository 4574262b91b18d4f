# ElementTree: Element API, ElementPath, serialisation options, parsing
# entry points, TreeBuilder/XMLParser targets, errors.
import io
import xml.etree.ElementTree as ET

def show(label, f):
    try:
        r = f()
        print(label, r if isinstance(r, (str, bytes)) else repr(r))
    except Exception as e:
        print(label, type(e).__name__, e)

print("-- Element")
e = ET.Element("a", {"x": "1"}, y="2")
print(e.tag, e.attrib, e.text, e.tail, len(e), e.keys(), e.items(), e.get("x"), e.get("z", "d"))
e.set("z", "3"); e.text = "t"; e.tail = "tl"
b = ET.SubElement(e, "b", k="v"); c = ET.SubElement(e, "c"); b.text = "bt"; b.tail = "btl"
print(len(e), [x.tag for x in e], e[0] is b, [x.tag for x in e[0:2]], e[-1].tag)
show("idx", lambda: e[5]); show("idx type", lambda: e["x"])
e.insert(0, ET.Element("first")); e.append(ET.Element("last")); e.extend([ET.Element("x1"), ET.Element("x2")])
print([x.tag for x in e])
del e[0]; e.remove(c); print([x.tag for x in e])
show("remove missing", lambda: e.remove(ET.Element("zz")))
show("append bad", lambda: e.append("s")); show("insert bad", lambda: e.insert(0, 3)); show("extend bad", lambda: e.extend([1]))
show("setitem bad", lambda: e.__setitem__(0, None)); show("elem attrib bad", lambda: ET.Element("q", []))
show("sub bad", lambda: ET.SubElement("p", "q")); show("sub attrib bad", lambda: ET.SubElement(e, "q", 5))
show("delitem", lambda: e.__delitem__(40))
e[0:1] = [ET.Element("r1"), ET.Element("r2")]; print([x.tag for x in e])
print(list(e.itertext()), [x.tag for x in e.iter()], [x.tag for x in e.iter("r2")], [x.tag for x in e.iter("*")])
e2 = e.makeelement("m", {"a": "b"}); print(e2.tag, e2.attrib, type(e2).__name__)
import copy
cp = copy.copy(e); dc = copy.deepcopy(e)
print(cp.attrib is e.attrib, cp[0] is e[0], dc[0] is e[0], dc.attrib == e.attrib, ET.tostring(dc))
e.clear(); print(e.tag, e.attrib, e.text, e.tail, len(e))
print(ET.iselement(e), ET.iselement("x"), bool(ET.Element("z")))
cm = ET.Comment("note"); pi = ET.PI("tgt", "data"); pi2 = ET.ProcessingInstruction("only")
print(cm.tag is ET.Comment, cm.text, pi.text, pi2.text, ET.PI is ET.ProcessingInstruction)
q = ET.QName("http://u", "loc"); q2 = ET.QName("{http://u}loc")
print(q, repr(q), q == q2, q == "{http://u}loc", q < ET.QName("{http://v}a"), q >= "{http://u}loc", hash(q) == hash("{http://u}loc"), q.text)
class MyEl(ET.Element):
    pass
m = MyEl("my", {"a": "1"}); ET.SubElement(m, "kid")
print(type(m).__name__, ET.tostring(m), type(m.makeelement("x", {})).__name__)

print("-- ElementPath")
doc = ET.fromstring("""<root xmlns:p="urn:p"><a id="1" cls="x"><b>one</b><b>two</b><c/></a>
<a id="2"><b>three</b><d><b>deep</b></d></a><p:e p:at="q">ns</p:e><a id="3" cls="y"><c>cc</c></a></root>""")
paths = ["a", "a/b", ".//b", "a[@id]", "a[@id='2']", "a[@cls!='x']", "a[c]", "a[c='cc']", "a/b[1]", "a/b[last()]",
         "a/b[last()-1]", "a[2]", ".//b/..", "*", "./a", ".", "a//b", "{urn:p}e", "{*}e", "{}a", "{urn:p}*", ".//d/..",
         "a[.='cc']", "a[b='two']", "a/*", "a/", "//a", "a[", "a[@id=1]", "a[0]", "a[last()+1]", "a[foo()]", "b:x", ".//*[@p:at]"]
for p in paths:
    show("path %-16s" % p, lambda: [(x.tag, x.get("id"), x.text) for x in doc.findall(p)])
ns = {"p": "urn:p", "": "urn:none"}
show("ns find", lambda: doc.find("p:e", ns).text)
show("ns default", lambda: doc.findall("a", {"": "urn:none"}))
show("ns attr", lambda: [x.tag for x in doc.iterfind(".//*[@p:at='q']", {"p": "urn:p"})])
show("findtext", lambda: (doc.findtext("a/b"), doc.findtext("zz"), doc.findtext("zz", "dflt"), doc.findtext("a/c")))
show("find none", lambda: doc.find("nothing"))
show("iterfind type", lambda: type(doc.iterfind("a")).__name__ in ("list_iterator", "generator"))
tree = ET.ElementTree(doc)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    show("tree abs", lambda: [x.get("id") for x in tree.findall("//a")])
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
show("tree find", lambda: (tree.find("a").get("id"), tree.findtext("a/b"), [x.tag for x in tree.iterfind("a/c")], len(list(tree.iter("b")))))

print("-- tostring")
r = ET.Element("root", {"q": 'a"b<c>&\n\t\r'})
r.text = "x < y & z > w"
s1 = ET.SubElement(r, "empty"); s1.tail = "tail&"
ET.SubElement(r, "br")
sc = ET.SubElement(r, "script"); sc.text = "if (a < b && c) {}"
r.append(ET.Comment(" c<omment ")); r.append(ET.PI("php", "echo 1 < 2"))
for enc in (None, "unicode", "utf-8", "us-ascii", "iso-8859-1", "UTF-8", "utf-16"):
    show("enc %s" % enc, lambda: ET.tostring(r, encoding=enc))
for meth in ("xml", "html", "text"):
    show("meth %s" % meth, lambda: ET.tostring(r, encoding="unicode", method=meth))
show("meth bad", lambda: ET.tostring(r, method="c14n"))
show("short", lambda: ET.tostring(r, encoding="unicode", short_empty_elements=False))
show("decl", lambda: ET.tostring(ET.Element("a"), xml_declaration=True))
show("decl u", lambda: ET.tostring(ET.Element("a"), encoding="unicode", xml_declaration=True))
show("decl no", lambda: ET.tostring(ET.Element("a"), encoding="latin-1", xml_declaration=False))
show("Unicode", lambda: ET.tostring(ET.Element("a"), encoding="Unicode"))
show("nonascii", lambda: ET.tostring(ET.fromstring("<a b='é'>ü€</a>")))
show("nonascii latin1", lambda: ET.tostring(ET.fromstring("<a b='é'>ü€</a>"), encoding="latin-1"))
show("list", lambda: b"".join(ET.tostringlist(r)) == ET.tostring(r))
nsd = ET.Element("{urn:a}top", {"{urn:b}attr": "v", "plain": "p"})
ET.SubElement(nsd, "{urn:a}kid"); ET.SubElement(nsd, "{http://www.w3.org/XML/1998/namespace}lang")
ET.SubElement(nsd, "{http://www.w3.org/1999/xhtml}p").set("{http://www.w3.org/XML/1998/namespace}lang", "en")
show("ns auto", lambda: ET.tostring(nsd, encoding="unicode"))
show("ns default bad", lambda: ET.tostring(nsd, encoding="unicode", default_namespace="urn:a"))
d2 = ET.Element("{urn:a}top"); ET.SubElement(d2, "{urn:a}k").set("{urn:c}z", "1")
show("ns default", lambda: ET.tostring(d2, encoding="unicode", default_namespace="urn:a"))
ET.register_namespace("myb", "urn:b")
show("registered", lambda: ET.tostring(nsd, encoding="unicode"))
show("register bad", lambda: ET.register_namespace("ns12", "urn:x"))
qn = ET.Element(ET.QName("urn:q", "t"), {ET.QName("urn:q", "a"): ET.QName("urn:r", "v")}); qn.text = ET.QName("urn:s", "w")
show("qname ser", lambda: ET.tostring(qn, encoding="unicode"))
show("bad tag", lambda: ET.tostring(ET.Element(12)))
show("bad text", lambda: ET.tostring(ET.Element("a", {"k": 5})))
bt = ET.Element("a"); bt.text = 3
show("bad text2", lambda: ET.tostring(bt))
show("none tag", lambda: (lambda n: (ET.SubElement(n, "inner"), ET.tostring(n))[1])(ET.Element(None)))

print("-- ElementTree.write / dump / indent")
t = ET.ElementTree(ET.fromstring("<a><b>x</b><c/></a>"))
for kw in ({}, {"encoding": "utf-8"}, {"encoding": "utf-8", "xml_declaration": True}, {"method": "html"}, {"encoding": "iso-8859-1"}):
    bio = io.BytesIO(); t.write(bio, **kw); print("write", kw, bio.getvalue())
sio = io.StringIO(); t.write(sio, encoding="unicode"); print("write str", sio.getvalue())
show("write c14n", lambda: t.write(io.BytesIO(), method="c14n"))
ET.dump(t.getroot()); ET.dump(t)
ind = ET.fromstring("<a><b><c>t</c><d/></b><e>  </e><f>keep</f></a>")
ET.indent(ind); print(ET.tostring(ind, encoding="unicode"))
ind2 = ET.fromstring("<a><b><c/></b></a>"); ET.indent(ET.ElementTree(ind2), space="\t", level=2); print(repr(ET.tostring(ind2, encoding="unicode")))
show("indent neg", lambda: ET.indent(ET.Element("a"), level=-1))
lone = ET.Element("solo"); ET.indent(lone); print(ET.tostring(lone))

print("-- parsing")
root = ET.XML("<r a='1'><!-- c --><?pi x?><k>text<![CDATA[<raw>]]>&amp;&#65;</k>tail</r>")
print(root.tag, root.attrib, [(x.tag, x.text, x.tail) for x in root])
root, ids = ET.XMLID("<r><a id='one'/><b id='two'><c id='three'/></b><d/></r>")
print(sorted((k, v.tag) for k, v in ids.items()))
print(ET.tostring(ET.fromstringlist(["<a>", "b", "</a>"])))
tree = ET.parse(io.BytesIO(b"<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>"))
print(tree.getroot().text, type(tree).__name__)
tree = ET.ElementTree(file=io.StringIO("<z><y/></z>")); print(tree.getroot().tag)
for bad in ["<a>", "<a></b>", "", "<a x='1' x='2'/>", "<a>&undefined;</a>", "text", "<a/><b/>", "<a>\n<b>\n</a>"]:
    try:
        ET.fromstring(bad)
    except ET.ParseError as err:
        print("ParseError", repr(bad), err, err.code, err.position, isinstance(err, SyntaxError))
pi_doc = ET.fromstring("<a><?t d?><!--x--></a>", ET.XMLParser(target=ET.TreeBuilder(insert_comments=True, insert_pis=True)))
print([(x.tag is ET.Comment, x.tag is ET.PI, x.text) for x in pi_doc])
tb = ET.TreeBuilder(comment_factory=lambda t: ("C", t), pi_factory=lambda t, d=None: ("P", t, d))
print(tb.comment("hi"), tb.pi("tg", "dd"))
tb = ET.TreeBuilder(element_factory=lambda tag, attrs: MyEl(tag, attrs), insert_comments=True)
p = ET.XMLParser(target=tb); p.feed("<a><!--c--><b/></a>"); r2 = p.close()
print(type(r2).__name__, [type(x).__name__ for x in r2], r2[0].text)

class Target:
    def __init__(self): self.log = []
    def start(self, tag, attrib): self.log.append(("start", tag, attrib))
    def end(self, tag): self.log.append(("end", tag))
    def data(self, d): self.log.append(("data", d))
    def comment(self, t): self.log.append(("comment", t))
    def pi(self, t, d): self.log.append(("pi", t, d))
    def start_ns(self, p, u): self.log.append(("start_ns", p, u))
    def end_ns(self, p): self.log.append(("end_ns", p))
    def doctype(self, name, pubid, system): self.log.append(("doctype", name, pubid, system))
    def close(self): return "closed"
tg = Target()
xp = ET.XMLParser(target=tg)
xp.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')
xp.feed('<a xmlns="urn:d" xmlns:q="urn:q" q:x="1">t<!--c--><?p d?><q:b/></a>')
print(xp.close()); print(tg.log)
print(ET.XMLParser().version.startswith("Expat"))

print("-- iterparse / pull parser")
src = b"<r xmlns:n='urn:n'><n:a>1</n:a><!--c--><?pi d?><b/></r>"
for evs in (None, ("start", "end"), ("start-ns", "end-ns", "end"), ("comment", "pi", "end")):
    it = ET.iterparse(io.BytesIO(src), evs)
    out = [(ev, x if isinstance(x, tuple) or x is None else x.tag if not callable(x.tag) else x.text) for ev, x in it]
    print(evs, out, it.root.tag)
show("iterparse bad event", lambda: ET.iterparse(io.BytesIO(src), ("bogus",)))
show("iterparse missing", lambda: ET.iterparse("/nonexistent/file.xml"))
it = ET.iterparse(io.BytesIO(b"<a><b/></a><c/>"))
try:
    for ev, el in it:
        print("got", ev, el.tag)
except ET.ParseError as err:
    print("iterparse error", err)
pp = ET.XMLPullParser(["start", "end"])
pp.feed("<a><b>"); print([(e, x.tag) for e, x in pp.read_events()])
pp.feed("x</b></a>"); print([(e, x.tag, x.text) for e, x in pp.read_events()])
pp.close(); show("feed after close", lambda: pp.feed("<x/>"))
pp = ET.XMLPullParser()
pp.feed("<a><b/></a><bad")
try:
    print([x.tag for e, x in pp.read_events()])
except ET.ParseError as err:
    print("pull error", err)
try:
    pp.close()
except ET.ParseError as err:
    print("pull close bad", type(err).__name__, err.code)
show("pull bad target", lambda: ET.XMLPullParser(_parser=ET.XMLParser(target=Target())))
print(sorted(ET.__all__) == sorted(set(ET.__all__)), "XMLPullParser" in ET.__all__, ET.VERSION)
