# pyexpat / xml.parsers.expat: handlers and their order, incremental
# feeding split at every byte, namespaces, errors (code, lineno, offset,
# messages), ordered_attributes, buffer_text, positions in handlers.
import io
import pyexpat
import xml.parsers.expat as expat
from xml.parsers.expat import errors, model

print(pyexpat.version_info, pyexpat.EXPAT_VERSION, pyexpat.native_encoding)
print(expat.error is expat.ExpatError, expat.ExpatError.__name__,
      issubclass(expat.ExpatError, Exception))
print(expat.ErrorString(4), expat.ErrorString(7), expat.ErrorString(27))
print(errors.XML_ERROR_TAG_MISMATCH, errors.codes[errors.XML_ERROR_SYNTAX],
      errors.messages[3])
print(model.XML_CTYPE_MIXED, model.XML_CQUANT_REP)
print(errors.__name__, model.__name__)

log = []


def make(ns=None, ordered=False, buffer=False, **kw):
    p = expat.ParserCreate(namespace_separator=ns, **kw)
    p.ordered_attributes = ordered
    p.buffer_text = buffer

    def h(name):
        return lambda *a: log.append((name,) + a)
    for name in ("StartElementHandler", "EndElementHandler",
                 "CharacterDataHandler", "CommentHandler",
                 "ProcessingInstructionHandler", "StartNamespaceDeclHandler",
                 "EndNamespaceDeclHandler", "XmlDeclHandler",
                 "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
                 "StartCdataSectionHandler", "EndCdataSectionHandler"):
        setattr(p, name, h(name[:-7]))
    return p


def show():
    for entry in log:
        print("  ", entry)
    del log[:]


DOC = ("<?xml version='1.0' encoding='utf-8'?>\n"
       "<!DOCTYPE r [<!ENTITY e 'ent\u00e9'>]>\n"
       "<r a='1' b=\"x&amp;y\">caf\u00e9 \u20ac &e; &#65;&#x42;\n"
       "<!-- c\u00f6mment --><?pi some data?><c/><![CDATA[<raw>]]>"
       "<d>\U0001f600</d>tail</r>")

p = make()
print(p.Parse(DOC, True))
show()

# The same document as UTF-8 bytes, split at every byte: the events,
# with character data merged, are always the same.
data = DOC.encode("utf-8")


def merged(p_log):
    out = []
    for e in p_log:
        if e[0] == "CharacterData" and out and out[-1][0] == "CharacterData":
            out[-1] = ("CharacterData", out[-1][1] + e[1])
        else:
            out.append(e)
    return out


p = make()
p.Parse(data, True)
reference = merged(log)
del log[:]
bad = 0
for i in range(len(data) + 1):
    p = make()
    p.Parse(data[:i])
    p.Parse(data[i:], True)
    if merged(log) != reference:
        bad += 1
        print("split", i, "differs")
    del log[:]
print("splits ok:", bad == 0, len(reference))
# str input split at every character
bad = 0
for i in range(len(DOC) + 1):
    p = make()
    p.Parse(DOC[:i])
    p.Parse(DOC[i:], True)
    if merged(log) != reference:
        bad += 1
    del log[:]
print("str splits ok:", bad == 0)

# buffer_text merges the pieces expat reports separately
p = make(buffer=True)
p.Parse("<a>one\ntwo &amp; three<b/>x\ny</a>", True)
show()
p = make()
p.Parse("<a>one\ntwo &amp; three<b/>x\ny</a>", True)
show()

# attributes: dict or ordered list
p = make(ordered=True)
p.Parse("<a z='1' y='2' x='3'><b/></a>", True)
show()
p = make()
p.Parse("<a z='1' y='2' x='3'><b/></a>", True)
show()

# namespaces
NS = ("<a xmlns='urn:d' xmlns:p='urn:p'><p:b p:x='1' y='2'/>"
      "<c xmlns=''/><xml:q xml:lang='en'/></a>")
for sep in ("}", " ", None):
    p = make(ns=sep)
    p.Parse(NS, True)
    print("sep", repr(sep))
    show()

# positions inside handlers
p = expat.ParserCreate()
pos = []
p.StartElementHandler = lambda n, a: pos.append(
    (n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.EndElementHandler = lambda n: pos.append(
    ("/" + n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
p.Parse("<a>\n  <b>x</b>\n\u00e9<c\n  k='v'/></a>", True)
print(pos)

# errors
bad_docs = ["", "<a>", "<a></b>", "<a x=1/>", "<a x='1' x='2'/>", "<a/><b/>",
            "<a>&foo;</a>", "<a>&#0;</a>", "<a>\n<b>\n</c></a>", "<p:a/>",
            "<a><![CDATA[x</a>", "<?xml?><a/>", "<a>\u00e9\u00e9</a></b>",
            "<a xmlns:p=''/>", " <?xml version='1.0'?><a/>"]
for d in bad_docs:
    for ns in (None, "}"):
        p = expat.ParserCreate(namespace_separator=ns)
        try:
            p.Parse(d, True)
            print(repr(d), ns, "ok")
        except expat.ExpatError as e:
            print(repr(d), ns, "!!", e, e.code, e.lineno, e.offset,
                  p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber,
                  errors.messages[e.code] == expat.ErrorString(e.code))
for d in [b"<a>\xff</a>", b"<a>\xc3"]:
    p = expat.ParserCreate()
    try:
        p.Parse(d, True)
    except expat.ExpatError as e:
        print(d, "!!", e, e.code, e.lineno, e.offset)

# an incremental error: the events before it were reported
p = make()
try:
    p.Parse("<a><b>t</b>")
    p.Parse("</c>", True)
except expat.ExpatError as e:
    print("incremental:", e)
show()

# exceptions from handlers propagate out of Parse
p = expat.ParserCreate()


def boom(name, attrs):
    if name == "b":
        raise KeyError("from handler")
    log.append(("start", name))


p.StartElementHandler = boom
try:
    p.Parse("<a><b/><c/></a>", True)
except KeyError as e:
    print("handler raised", e)
show()

# Parse after the end, ParseFile, encodings
p = expat.ParserCreate()
p.Parse("<a/>", True)
try:
    p.Parse("<b/>", True)
except expat.ExpatError as e:
    print("after end:", e, e.code)
p = make()
p.ParseFile(io.BytesIO(b"<?xml version='1.0' encoding='iso-8859-1'?><a>\xe9</a>"))
show()
p = make(encoding="latin-1")
p.Parse(b"<a x='\xe9'>\xff</a>", True)
show()
p = make()
p.Parse("<a>x</a>".encode("utf-16"), True)
show()

# a handler set while parsing applies to what follows
p = expat.ParserCreate()


def first(name, attrs):
    log.append(("first", name))
    p.StartElementHandler = lambda n, a: log.append(("second", n))


p.StartElementHandler = first
p.Parse("<a><b/><c/></a>", True)
show()
print(p.buffer_size, p.buffer_text, p.ordered_attributes, p.specified_attributes)
# DefaultHandler sees what has no handler of its own
p = expat.ParserCreate()
p.DefaultHandler = lambda s: log.append(("default", s))
p.StartElementHandler = lambda n, a: log.append(("start", n))
p.Parse("<a>x<!--c--><?p d?></a>", True)
show()

# incomplete documents: the error depends on where the input stops
for chunks in [("<a><![CDATA[x", ""), ("<a><![CDATA[x]", ""), ("<a><![CDATA[x\n", ""),
               ("<a><![CDA", ""), ("<a><!-- x", ""), ("<a>x", ""), ("<a", ""),
               ("<a>\r", ""), ("\r", ""), ("abc",), ("<a/>x",), ("<a/>x=",),
               ("'q'x",), ("<a/><?xml version='1.0'?>",), ("<a/><1/>",)]:
    p = make()
    try:
        for c in chunks[:-1]:
            p.Parse(c)
        p.Parse(chunks[-1], True)
    except expat.ExpatError as e:
        log.append(("error", e.code, e.lineno, e.offset))
    print(chunks)
    show()

# CDATA sections are reported as they arrive
p = make()
for piece in ["<a><![CDATA[one", "\ntwo]", "]", "]>tail</a>"]:
    p.Parse(piece)
    log.append("--")
p.Parse("", True)
show()
