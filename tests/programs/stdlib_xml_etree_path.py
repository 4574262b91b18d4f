# xml.etree.ElementTree: the ElementPath subset of find/findall/findtext/
# iterfind, on plain and namespaced trees.
import xml.etree.ElementTree as ET

doc = """<r>
  <a x="1">t1<b>bt</b></a>
  <a x="2"><c/><b>second</b></a>
  <b y="z">t2</b>
  <d><a x="3"><b>deep</b></a></d>
  <!--c-->
</r>"""
r = ET.fromstring(doc)


def describe(e):
    return "%s%s" % (e.tag, "".join("[%s=%s]" % kv for kv in sorted(e.attrib.items())))


paths = [
    "a", "*", ".", "./a", "a/b", ".//b", "a[@x]", "a[@x='2']", 'a[@x!="2"]',
    "a[b]", "a[b='bt']", "a[b!='bt']", "a[c]", "a[1]", "a[2]", "a[3]",
    "a[last()]", "a[last()-1]", "..", "a/..", "a/", "a//", ".//", "",
    "{*}a", "{}a", "*[.='t2']", "*[.!='t2']", "a[@x='1']/b", "*[@y]",
    "a[2]/c", ".//a[1]", ".//a/b", "d//b", "d/a/b/..", ".//b/..", "*/*",
    "a[@x][b]", "zz", "x:a", "d/*[1]", ".//*[@x='3']",
    "//b", "/a", "a[0]", "a[-1]", "a[", "a[@x='1'", "a[foo()]", "a[last()+1]",
    "a[@x=1]", "a[last()-0]",
]
for p in paths:
    try:
        print(repr(p), [describe(e) for e in r.findall(p)])
    except Exception as e:
        print(repr(p), "->", type(e).__name__, e)

print(describe(r.find("a")), r.find("zz"), r.find(".//b").text)
print(repr(r.findtext("a")), repr(r.findtext("a/b")), repr(r.findtext("zz")),
      repr(r.findtext("zz", "D")), repr(r.findtext("a[2]")))
print([describe(e) for e in r.iterfind(".//a")])
print(type(r.iterfind("a")).__name__ != "list")

nsdoc = """<root xmlns="http://default" xmlns:p="http://p">
  <item id="1"><p:name>one</p:name></item>
  <p:item id="2"><name>two</name></p:item>
  <item id="3" p:flag="yes"/>
</root>"""
n = ET.fromstring(nsdoc)
print([e.tag for e in n])
nsmap = {"d": "http://default", "p": "http://p"}
for p in ["d:item", "p:item", "d:item/p:name", ".//d:name", "{*}item", "{http://p}*",
          "{http://default}*", "{*}*", "{}*", ".//{*}name", "d:item[@p:flag]",
          "d:item[@p:flag='yes']", "d:item[p:name='one']", "q:item"]:
    try:
        print(repr(p), [(e.tag, e.get("id")) for e in n.findall(p, nsmap)])
    except Exception as e:
        print(repr(p), "->", type(e).__name__, e)
print([(e.tag, e.get("id")) for e in n.findall("item", {"": "http://default"})])
print([(e.tag, e.get("id")) for e in n.findall("{http://default}item")])
print(n.findtext("d:item/p:name", namespaces=nsmap))

tree = ET.ElementTree(r)
print([describe(e) for e in tree.findall("./a")], describe(tree.find("b")))
print(tree.findtext("b"), [describe(e) for e in tree.iterfind("d/a")])
