# xml.etree.ElementTree: building trees, the Element API, serialisation
# (escaping, namespaces, methods, declarations), ElementPath, indent().
import copy
import io
import xml.etree.ElementTree as ET


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)


# --- Element basics ---
e = ET.Element("a", {"x": "1"}, y="2")
print(e.tag, e.attrib, e.text, e.tail, len(e))
print(repr(e).startswith("<Element 'a' at 0x"))
attrs = {"k": "v"}
e2 = ET.Element("b", attrs)
attrs["k"] = "changed"
print("attrib copied:", e2.get("k"))
print(e.get("x"), e.get("zz"), e.get("zz", "dflt"), e.keys(), e.items())
e.set("z", "3")
print(e.items())
show("bad attrib", lambda: ET.Element("a", "x"))
show("None attrib", lambda: ET.Element("a", None))
print("empty is falsy:", bool(ET.Element("q")), len(ET.Element("q")))

root = ET.Element("root")
kids = [ET.SubElement(root, "c%d" % i, n=str(i)) for i in range(5)]
print([c.tag for c in root], root[0].tag, root[-1].tag, [c.tag for c in root[1:3]])
show("index", lambda: root[10])
show("str index", lambda: root["x"])
show("append str", lambda: root.append("s"))
show("extend str", lambda: root.extend(["s"]))
show("insert str", lambda: root.insert(0, "s"))
show("remove missing", lambda: root.remove(ET.Element("zz")))
show("SubElement bad parent", lambda: ET.SubElement("x", "b"))
show("SubElement bad attrib", lambda: ET.SubElement(root, "b", "c"))
root.insert(1, ET.Element("ins"))
root.remove(kids[0])
del root[-1]
root[0:1] = [ET.Element("s1"), ET.Element("s2")]
show("set str", lambda: root.__setitem__(0, "x"))
print([c.tag for c in root])
root.extend([ET.Element("e1"), ET.Element("e2")])
print([c.tag for c in root], root.find("e2").tag)

# --- copies, clear, iteration ---
t = ET.fromstring("<a k='v'><b>x<c/>y</b>tail<d>z</d></a>")
c1 = copy.copy(t)
c2 = copy.deepcopy(t)
c1.append(ET.Element("new"))
print(len(t), len(c1), len(c2), c1[0] is t[0], c2[0] is t[0], c2[0].text)
print([x.tag for x in t.iter()], [x.tag for x in t.iter("c")], [x.tag for x in t.iter("*")])
print(list(t.itertext()))
t2 = ET.Element("w", a="1")
t2.text = "t"
ET.SubElement(t2, "k")
t2.clear()
print(t2.tag, t2.attrib, t2.text, len(t2))
m = ET.Element("m").makeelement("made", {"q": "1"})
print(m.tag, m.attrib)


class MyElement(ET.Element):
    pass


sub = MyElement("my", x="1")
ET.SubElement(sub, "child")
print(type(sub).__name__, type(sub[0]).__name__, type(copy.deepcopy(sub)).__name__)
print(ET.iselement(sub), ET.iselement("x"))

# --- serialisation and escaping ---
x = ET.Element("a", x='a&b<c>d"e\'f\ng\rh\ti')
x.text = "a&b<c>d\"e'f\ng"
x.tail = "T&"
print(ET.tostring(x))
print(ET.tostring(x, encoding="unicode"))
u = ET.Element("u", v="\xe9\u20ac")
u.text = "caf\xe9 \u20ac"
for enc in (None, "unicode", "utf-8", "UTF-8", "us-ascii", "ascii", "latin-1", "iso-8859-1"):
    show("enc %s" % enc, lambda: ET.tostring(u, encoding=enc))
show("decl unicode", lambda: ET.tostring(u, encoding="unicode", xml_declaration=True))
show("decl default", lambda: ET.tostring(u, xml_declaration=True))
show("no decl latin", lambda: ET.tostring(u, encoding="latin-1", xml_declaration=False))
show("tostringlist", lambda: ET.tostringlist(ET.Element("a", x="1")))
h = ET.Element("html")
h.text = "a<b"
ET.SubElement(h, "br").tail = "after"
ET.SubElement(h, "script").text = "if (a < b && c) {}"
ET.SubElement(h, "STYLE").text = "p > q"
ET.SubElement(h, "p", title='"q" & <x>')
ET.SubElement(h, "IMG")
ET.SubElement(h, "empty")
for method in ("xml", "html", "text"):
    show(method, lambda: ET.tostring(h, method=method, encoding="unicode"))
show("short False", lambda: ET.tostring(h, short_empty_elements=False))
show("bad method", lambda: ET.tostring(h, method="foo"))
show("comment", lambda: ET.tostring(ET.Comment("hi -- <x>")))
show("pi", lambda: ET.tostring(ET.PI("tgt", "hi <x>")))
show("pi no text", lambda: ET.tostring(ET.ProcessingInstruction("tgt")))
print(ET.Comment("c").tag is ET.Comment, ET.PI("p").text, ET.PI is ET.ProcessingInstruction)
show("int tag", lambda: ET.tostring(ET.Element(1)))
show("int attr key", lambda: ET.tostring(ET.Element("a", {1: "2"})))
bad = ET.Element("a")
bad.text = 5
show("int text", lambda: ET.tostring(bad))
none_tag = ET.Element(None)
none_tag.text = "tx"
ET.SubElement(none_tag, "b").tail = "tl"
show("None tag", lambda: ET.tostring(none_tag))

# --- namespaces ---
ns = ET.Element("{u}a", {"{u}b": "1", "{v}c": "2", "d": "3"})
ET.SubElement(ns, "{v}child")
ET.SubElement(ns, "{http://www.w3.org/XML/1998/namespace}lang")
ET.SubElement(ns, "{http://www.w3.org/1999/xhtml}p")
show("ns", lambda: ET.tostring(ns))
show("ns html", lambda: ET.tostring(ns, method="html"))
show("default ns bad", lambda: ET.tostring(ns, default_namespace="u"))
dn = ET.Element("{u}a", {"{u}b": "1"})
ET.SubElement(dn, "{u}kid")
ET.SubElement(dn, "{w}other")
show("default ns", lambda: ET.tostring(dn, default_namespace="u"))
show("default ns other", lambda: ET.tostring(dn, default_namespace="zz"))
show("QName", lambda: ET.tostring(ET.Element(ET.QName("{u}a"), {ET.QName("{u}b"): ET.QName("{v}c")})))
q = ET.QName("uri", "local")
print(repr(q), str(q), q.text, q == "{uri}local", q == ET.QName("{uri}local"), q < "{z}", hash(q) == hash("{uri}local"))
ET.register_namespace("my", "http://example.com/my")
show("registered", lambda: ET.tostring(ET.Element("{http://example.com/my}a")))
show("reserved prefix", lambda: ET.register_namespace("ns3", "x"))
ET.register_namespace("my", "http://example.com/other")
show("re-registered", lambda: ET.tostring(ET.Element("{http://example.com/my}a")))
show("bad qname", lambda: ET.tostring(ET.Element("{u")))

# --- ElementTree.write ---
tree = ET.ElementTree(ET.fromstring("<r><a>\xe9</a></r>"))
for kw in ({}, {"encoding": "unicode"}, {"encoding": "utf-8", "xml_declaration": True},
           {"encoding": "unicode", "method": "text"}):
    buf = io.StringIO() if kw.get("encoding") == "unicode" else io.BytesIO()
    tree.write(buf, **kw)
    print(kw, repr(buf.getvalue()))
print(tree.getroot().tag, tree.find("a").text, tree.findtext("a"), [e.tag for e in tree.iter()])
ET.dump(ET.fromstring("<d><e/></d>"))

# --- indent ---
ind = ET.fromstring("<a><b><c>t</c><d/></b><e>x</e><f> </f></a>")
ET.indent(ind)
print(ET.tostring(ind, encoding="unicode"))
ind = ET.fromstring("<a><b><c>t</c></b>keep<e/></a>")
ET.indent(ET.ElementTree(ind), space="\t", level=2)
print(repr(ET.tostring(ind, encoding="unicode")))
show("indent level", lambda: ET.indent(ind, level=-1))
leaf = ET.Element("leaf")
ET.indent(leaf)
print(ET.tostring(leaf))
