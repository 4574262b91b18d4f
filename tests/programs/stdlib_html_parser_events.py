from html.parser import HTMLParser
import html


class Log(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []
    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs, self.get_starttag_text()))
    def handle_endtag(self, tag):
        self.events.append(("end", tag))
    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))
    def handle_data(self, data):
        self.events.append(("data", data))
    def handle_charref(self, name):
        self.events.append(("charref", name))
    def handle_entityref(self, name):
        self.events.append(("entityref", name))
    def handle_comment(self, data):
        self.events.append(("comment", data))
    def handle_decl(self, decl):
        self.events.append(("decl", decl))
    def handle_pi(self, data):
        self.events.append(("pi", data))
    def unknown_decl(self, data):
        self.events.append(("unknown_decl", data))


def run(doc, chunks=None, **kw):
    p = Log(**kw)
    if chunks:
        for i in range(0, len(doc), chunks):
            p.feed(doc[i:i + chunks])
    else:
        p.feed(doc)
    p.close()
    return p.events, p.getpos()


docs = [
    "<html><head><title>T &amp; t</title></head><body class=main id='x' data-v=\"1 2\">Hi &lt;there&gt; &#65;&#x42;&copy; &nosuch; &amp</body></html>",
    "<!DOCTYPE html><p>para<br/><img src=a.png alt=\"A &quot;b&quot;\" / ><input disabled>",
    "<script>if (a < b && c > d) { x = '</div>'; }</script><style>p > a { }</style>after",
    "<SCRIPT type='text/javascript'>var s = \"<b>\";</SCRIPT  ><p>",
    "<!-- a comment -- with dashes --><!--x--><!----><!-->text",
    "<?xml version='1.0'?><?php echo 1 ?>",
    "<![CDATA[raw <stuff>]]><![if !IE]>x<![endif]>",
    "<a href=\"x?a=1&b=2\" title='&lt;t&gt;' empty= noval>link</a>",
    "<div\n  class=\"multi\nline\"\n>text\nmore</div\n>",
    "a < b and c > d; 5 &lt 6 & 7",
    "</>, </ >, </a b c>, </3>",
    "<p/><br /><hr/ >",
    "<a b='c' d=\"e\" f=g h>",
    "<tag attr=\"unterminated",
    "<!bogus comment><!DOCTYPEhtml>",
    "&#0; &#x110000; &#128; &#xd800; &#65",
    "<textarea><b>not bold</b></textarea><title><i>t</i></title>",
    "text with &unknown; and &amp;amp;",
    "<img src='a'/><img src=b/>",
    "<a =x>", "<a\x00b>", "<ScRiPt>x</sCrIpT>", "<style></style><script></script>",
    "<p attr=\"a&#39;b\" other='&#x27;'>",
]
for d in docs:
    for kw in ({}, {"convert_charrefs": False}):
        ev, pos = run(d, **kw)
        print(repr(d)[:50], kw, pos)
        for e in ev:
            print("   ", e)
        ev2, _ = run(d, chunks=3, **kw)
        if ev2 != ev:
            print("  chunked:", ev2)

p = Log()
p.feed("<p>unfinished &am")
print(p.events, repr(p.rawdata))
p.close()
print(p.events)
p = Log(convert_charrefs=False)
p.feed("x &#12")
print(p.events)
p.close()
print(p.events)
p.reset()
print(p.getpos(), p.rawdata == "", p.lasttag)
print(html.unescape("&lt;&gt;&amp;&quot;&#39;&eacute;&notin;&notit;&#x41;&#65;&#0;&#x80;&amp"))
print(HTMLParser.CDATA_CONTENT_ELEMENTS)
h = HTMLParser()
h.feed("<a>x</a>")
h.close()
print(h.get_starttag_text(), h.lasttag, h.getpos())
