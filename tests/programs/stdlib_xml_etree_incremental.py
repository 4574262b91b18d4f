# xml.etree.ElementTree fed a piece at a time: the tree, the text and
# tails, and the events are those of the whole document, whichever way
# the parser reports to its TreeBuilder.
import io
import xml.etree.ElementTree as ET

DOC = ("<?xml version='1.0' encoding='utf-8'?>\n"
       "<root xmlns='urn:r' xmlns:p='urn:p' a='1'>caf\u00e9<p:x k='v'>in</p:x>tail"
       "<!-- c --><?pi d?><e/>\u20ac<![CDATA[<cd>]]>&amp;<d>\U0001f600</d>\n</root>")
data = DOC.encode("utf-8")
whole = ET.tostring(ET.fromstring(data), encoding="unicode")
print(whole)

bad = []
for i in range(len(data) + 1):
    p = ET.XMLParser()
    p.feed(data[:i])
    p.feed(data[i:])
    if ET.tostring(p.close(), encoding="unicode") != whole:
        bad.append(i)
print("split bytes:", bad)

for kw in ({"insert_comments": True}, {"insert_pis": True},
           {"element_factory": ET.Element}):
    p = ET.XMLParser(target=ET.TreeBuilder(**kw))
    for i in range(0, len(data), 7):
        p.feed(data[i:i + 7])
    print(sorted(kw), ET.tostring(p.close(), encoding="unicode"))

events = ("start", "end", "start-ns", "end-ns", "comment", "pi")
ref = None
for size in (1, 3, 64):
    pp = ET.XMLPullParser(events)
    got = []
    for i in range(0, len(data), size):
        pp.feed(data[i:i + size])
        got.extend((ev, getattr(x, "tag", x) if ev not in ("comment", "pi") else x.text)
                   for ev, x in pp.read_events())
    pp.close()
    got.extend(pp.read_events())
    if ref is None:
        ref = got
        for e in got:
            print(" ", e)
    print(size, got == ref)

# iterparse: elements are complete at their end event, root at the end
it = ET.iterparse(io.BytesIO(data), ("start", "end"))
for ev, el in it:
    if ev == "end":
        print(ev, el.tag, repr(el.text), repr(el.tail), len(el), sorted(el.attrib.items()))
print(it.root.tag, it.root is not None)

# a TreeBuilder's own methods between the parser's feeds
tb = ET.TreeBuilder()
p = ET.XMLParser(target=tb)
p.feed("<a><b>x")
tb.data("y")
tb.start("c", {"n": "1"})
tb.end("c")
p.feed("</b>z</a>")
print(ET.tostring(p.close()))
