# html.parser against CPython's: whole documents and the same fed in pieces.
import sys, os
import sys
from html.parser import HTMLParser


class Tracer(HTMLParser):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.events = []

    def handle_starttag(self, tag, attrs):
        self.events.append(('start', tag, attrs, self.get_starttag_text(), self.getpos()))

    def handle_endtag(self, tag):
        self.events.append(('end', tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.events.append(('startend', tag, attrs, self.get_starttag_text()))

    def handle_data(self, data):
        self.events.append(('data', data, self.getpos()))

    def handle_comment(self, data):
        self.events.append(('comment', data))

    def handle_decl(self, data):
        self.events.append(('decl', data))

    def handle_pi(self, data):
        self.events.append(('pi', data))

    def handle_entityref(self, name):
        self.events.append(('entityref', name))

    def handle_charref(self, name):
        self.events.append(('charref', name))

    def unknown_decl(self, data):
        self.events.append(('unknown_decl', data))


def collapse(events):
    # merge adjacent data events (without positions) for chunked comparisons
    out = []
    for e in events:
        if e[0] == 'data' and out and out[-1][0] == 'data':
            out[-1] = ('data', out[-1][1] + e[1])
        elif e[0] == 'data':
            out.append(('data', e[1]))
        elif e[0] in ('start', 'end'):
            out.append(e[:-1])
        else:
            out.append(e)
    return out


def run(src, chunks=None, close=True, **kw):
    p = Tracer(**kw)
    try:
        if chunks:
            for i in range(0, len(src), chunks):
                p.feed(src[i:i + chunks])
        else:
            p.feed(src)
        if close:
            p.close()
    except Exception as e:
        p.events.append(('EXC', type(e).__name__, str(e)))
    return p


CASES = [
    "<html><head><title>Test</title></head><body><p>Hello, world!</p></body></html>",
    "<a href='x.html' class=\"big\" id=foo disabled>link</a>",
    "<A HREF='X' Data-Foo=Bar>upper</A>",
    "<br/><br /><img src=a.png />",
    "<a href=foo/>text",
    "<!DOCTYPE html><html></html>",
    "<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">",
    "<!-- a comment --><!--x--><!---->",
    "<!-- multi\nline\ncomment -- >after",
    "<?xml version='1.0'?><?php echo 1 ?>",
    "<![CDATA[some <cdata> here]]>",
    "<![if !supportLists]>x<![endif]>",
    "<!bogus comment>",
    "</>empty end",
    "</ bogus>",
    "</a b c>",
    "</div  >",
    "<script>if (a < b && c > d) { x = '</p>'; }</script>after",
    "<style>p > a { color: red }</style>",
    "<SCRIPT type='text/javascript'>var x = 1;</ScRiPt >",
    "<script><!-- document.write('<b>'); --></script>",
    "&amp; &lt; &gt; &quot; &#65; &#x42; &#X43; &nosuch; &copy &amp",
    "a &amp b &#1234 c &#xZZ; d & e &; f &#; g",
    "<p title='&amp;&lt;&#65;'>x</p>",
    "<p title=\"a &copy b\">x</p>",
    "text with < lt and > gt",
    "a < b",
    "<a b='x>",
    "<a b= 'x>",
    "<a b=='x>",
    "<a b='x'c=d>",
    "<a =b>",
    "<a b\"c=d>",
    "<a\vb>",
    "<a\nhref='x'\n>",
    "<p\n>line1\nline2\n<b>bold</b>\n</p>",
    "<div class=\"a\" class='b'>dup</div>",
    "<input value=''><input value=\"\"><input value=>",
    "<a href = 'spaced' >x</a>",
    "<a/b/c>",
    "<a / >",
    "<a foo='bar' / >",
    "<1abc>",
    "<>",
    "< a>",
    "<",
    "&",
    "&#",
    "&#x",
    "&am",
    "unfinished <a href='x",
    "unfinished <!-- comment",
    "unfinished <?pi",
    "unfinished <!DOCTYPE",
    "unfinished </a",
    "<script>never closed",
    "<textarea><b>not cdata</b></textarea>",
    "<p>&lt;script&gt;</p>",
    "<![CDATA[x",
    "<![if x",
    "<![foo[x]]>",
    "<![ 1]>",
    "<title>caf&eacute; &euro;5 &#x1F600;</title>",
    "<p>&#0;&#128;&#x110000;&#xD800;</p>",
    "<x:y a:b='1'>ns</x:y>",
    "<a\x00b>",
    "<p>a</p\n>",
    "<a b=\"1\"/><c d='2'/>",
    "<a b=c/d>",
]

for convert in (True, False):
    print("==== convert_charrefs =", convert)
    for src in CASES:
        p = run(src, convert_charrefs=convert)
        print(repr(src))
        for e in p.events:
            print('   ', e)
        print('    pos', p.getpos(), 'rest', repr(p.rawdata), 'lasttag', p.lasttag)

print("==== chunked")
for src in CASES:
    whole = collapse(run(src).events)
    for size in (1, 2, 3, 7):
        ev = collapse(run(src, chunks=size).events)
        if ev != whole:
            print(repr(src), size, ev)
    for size in (1, 3):
        ev = collapse(run(src, chunks=size, convert_charrefs=False).events)
        print(repr(src), size, 'noconv', ev)

print("==== no close")
for src in ["abc &amp", "abc &amp;", "<a href='x", "text", "<script>x</scr", "x &#6", "&"]:
    p = run(src, close=False)
    print(repr(src), p.events, repr(p.rawdata))
    p = run(src, close=False, convert_charrefs=False)
    print(repr(src), p.events, repr(p.rawdata))

print("==== reset/getpos")
p = Tracer()
p.feed("<a>\nline two <b>x")
print(p.getpos(), p.rawdata, p.lasttag)
p.reset()
print(p.getpos(), repr(p.rawdata), p.lasttag, p.get_starttag_text(), p.cdata_elem)
p.feed("<script>")
print(p.cdata_elem, p.interesting.pattern if hasattr(p.interesting, 'pattern') else None)
p.close()

print("==== defaults")
h = HTMLParser()
h.feed("<a href=1>x<br/>&amp;<!--c--><!DOCTYPE x><?pi>")
h.close()
print(h.convert_charrefs, HTMLParser.CDATA_CONTENT_ELEMENTS)
h2 = HTMLParser(convert_charrefs=False)
h2.feed("&amp;&#65;")
h2.close()
try:
    HTMLParser(False)
except TypeError as e:
    print("TypeError", e)


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            self.links.append(dict(attrs).get('href'))

    def handle_data(self, data):
        self.text.append(data)


c = Collector()
c.feed("""<ul>
<li><a href="/one">One &amp; only</a></li>
<li><a href='/two?x=1&amp;y=2'>Two</a></li>
<li><a>none</a></li>
</ul>""")
c.close()
print(c.links)
print(repr(''.join(c.text)))
