# Elements without attributes or children (their dict and list are made
# when first needed): every operation on them, and on them once filled,
# as CPython's elements behave.
import copy
import io
import pickle
import xml.etree.ElementTree as ET

e = ET.Element("leaf")
print(len(e), list(e), e.keys(), e.items(), e.get("a"), e.get("a", 5), e.attrib, bool(e.attrib))
print(e.find("x"), e.findall("x"), e.findtext("x"), [x.tag for x in e.iter()], list(e.itertext()))
print(ET.tostring(e), ET.tostring(e, short_empty_elements=False), ET.tostring(e, method="html"))
a = e.attrib
a["k"] = "v"
print(e.get("k"), e.attrib is a, ET.tostring(e))
for op in (lambda: e[0], lambda: e[-1], lambda: e.remove(ET.Element("x")), lambda: e["a"]):
    try:
        op()
    except (IndexError, ValueError, TypeError) as err:
        print(type(err).__name__, err)
try:
    del e[0]
except IndexError as err:
    print("IndexError", err)
del e[:]
print(e[:], len(e))

f = ET.Element("f")
f.set("x", "1")
f.set("y", "2")
print(f.attrib, f.keys(), sorted(f.items()), ET.tostring(f))
f.attrib = {"z": "3"}
print(f.get("z"), f.get("x"), ET.tostring(f))

p = ET.Element("p")
p.insert(0, ET.Element("b"))
p.insert(0, ET.Element("a"))
p.extend([ET.Element("c")])
p.append(ET.Element("d"))
print([c.tag for c in p], len(p), p[1].tag, [c.tag for c in p[1:3]])
p[0] = ET.Element("A")
p[1:2] = [ET.Element("B1"), ET.Element("B2")]
del p[-1]
print([c.tag for c in p])
q = ET.Element("q")
q[:] = [ET.Element("only")]
print([c.tag for c in q])
q.remove(q[0])
print(len(q), list(q))

s = ET.SubElement(p, "s")
s2 = ET.SubElement(s, "s2", {"a": "1"}, b="2")
s2.text = "text"
s2.tail = "tail"
print(ET.tostring(p))
print([x.tag for x in p.iter()], [x.tag for x in p.iter("s2")], list(p.itertext()))
print(p.find("s/s2").attrib, p.findtext("s/s2"), len(p.findall(".//s2")))

# copies
c1 = copy.copy(e)
c1.set("new", "1")
print(e.get("new"), c1.get("new"), e.attrib is c1.attrib)
lone = ET.Element("lone")
c2 = copy.copy(lone)
c2.set("x", "1")
c2.append(ET.Element("kid"))
print(lone.attrib, len(lone), c2.attrib, len(c2))
d = copy.deepcopy(p)
d[0].tag = "changed"
print(p[0].tag, d[0].tag, ET.tostring(d) == ET.tostring(p))
d2 = copy.deepcopy(lone)
print(d2.attrib, len(d2))

# clear
p.clear()
print(len(p), p.attrib, p.text, ET.tostring(p))

# pickling
r = ET.Element("root", {"v": "1"})
ET.SubElement(r, "kid").text = "hi"
ET.SubElement(r, "leaf")
back = pickle.loads(pickle.dumps(r))
print(ET.tostring(back), back[1].attrib, len(back[1]))

# parsing: elements with and without attributes and children
doc = '<root a="1"><x/><y b="2">t<z/>u</y><w></w></root>'
root = ET.fromstring(doc)
print([(el.tag, el.attrib, len(el)) for el in root.iter()])
root[0].set("new", "v")
root[0].append(ET.Element("added"))
root.find("w").attrib["q"] = "r"
print(ET.tostring(root))
tree = ET.ElementTree(ET.fromstring("<a><b/><c/></a>"))
buf = io.BytesIO()
tree.write(buf)
print(buf.getvalue())
events = [(ev, el.tag, len(el), el.attrib) for ev, el in ET.iterparse(io.BytesIO(doc.encode()), ("start", "end"))]
print(events)
parser = ET.XMLParser()
parser.feed("<r><a>")
parser.feed("<b k='1'/></a><c/>")
parser.feed("</r>")
res = parser.close()
print(ET.tostring(res), [len(x) for x in res.iter()])
b = ET.TreeBuilder()
b.start("top", {})
b.start("mid", {"m": "1"})
b.end("mid")
b.end("top")
top = b.close()
print(ET.tostring(top), len(top), top.attrib)


# subclasses
class Mine(ET.Element):
    def __init__(self, tag, attrib={}, **extra):
        super().__init__(tag, attrib, **extra)
        self.note = "mine"

    __slots__ = ("note",)


m = Mine("m", k="v")
m.append(Mine("child"))
print(type(m).__name__, m.note, m.attrib, len(m), ET.tostring(m), type(m.makeelement("n", {})).__name__)
print(ET.tostring(ET.fromstring("<a/>", parser=ET.XMLParser(target=ET.TreeBuilder(element_factory=Mine)))))
