import shlex
import io

def show(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, "!", type(e).__name__, e)

for pc in (True, "|", "();", False, ""):
    for c in ['a && b || c', 'ls|grep x>out', 'echo (x);y', 'a>>b<<c',
              'cmd --flag=val ~/x.txt', '"q|x" y|z', 'a # c | d\ne']:
        for ws in (False, True):
            for posix in (False, True):
                def go():
                    lex = shlex.shlex(c, posix=posix, punctuation_chars=pc)
                    lex.whitespace_split = ws
                    return list(lex)
                show("pc=%r ws=%s posix=%s %r:" % (pc, ws, posix, c), go)
    print("punct attr", repr(shlex.shlex("x", punctuation_chars=pc).punctuation_chars))

for s in ['', 'abc', 'a b', "it's", 'x@y%z+1=2:,./-', 'a$b', 'a"b', 'tab\t',
          'ünï', '-', "'", "''", 'a\nb', '*', 'A_9']:
    print("quote", repr(s), shlex.quote(s))
print(shlex.join(['echo', 'hello world', "it's", '', '$x']))
print(shlex.split(shlex.join(['a b', "c'd", 'e"f', ''])))
show("quote bytes", lambda: shlex.quote(b"ab c"))
show("quote int", lambda: shlex.quote(5))
show("join bad", lambda: shlex.join([1]))

# customised lexers
lex = shlex.shlex("a,b;c d", posix=True)
lex.whitespace = " ,;"
print(list(lex))
lex = shlex.shlex("%x y% z", posix=True)
lex.quotes = "%"
print(list(lex))
lex = shlex.shlex("a^ b ^^c", posix=True)
lex.escape = "^"
lex.whitespace_split = True
print(list(lex))
lex = shlex.shlex("'a\\'b' \"c\\\"d\"", posix=True)
lex.escapedquotes = "'\""
print(list(lex))
lex = shlex.shlex("x ; comment\ny", posix=True)
lex.commenters = ";"
print(list(lex))
lex = shlex.shlex("one two three")
print(lex.get_token(), lex.get_token())
lex.push_token("pushed")
lex.push_token("second")
print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()))
lex = shlex.shlex("first\nsecond\nthird", infile="f.txt")
print(lex.get_token(), lex.error_leader(), lex.error_leader("g", 9))
lex.push_source("inner stream", "inner.txt")
print(lex.infile, lex.lineno, list(lex))
print(lex.infile)
lex = shlex.shlex(io.StringIO("a b"))
print(lex.infile, list(lex), lex.state)
print(shlex.shlex("x").instream.__class__.__name__)
lex = shlex.shlex("tok1 tok2", posix=True)
lex.debug = 3
print(list(lex))
lex = shlex.shlex("'x", posix=False)
lex.debug = 2
show("debug err", lambda: list(lex))
lex = shlex.shlex("a\\", posix=True)
lex.debug = 2
show("debug esc", lambda: list(lex))
class Named(io.StringIO):
    def __repr__(self):
        return "<Named>"
lex = shlex.shlex(Named("a b"))
lex.debug = 1
lex.push_source(Named("zz"))
print(list(lex))
lex = shlex.shlex(Named("a b"))
lex.debug = 1
lex.push_source(Named("zz"), "file.z")
print(list(lex))
class Up(shlex.shlex):
    def get_token(self):
        t = super().get_token()
        return t.upper() if t else t
print(list(Up("abc def")))
class Src(shlex.shlex):
    def sourcehook(self, name):
        return (name, io.StringIO("inc1 inc2 # c\ninc3"))
lex = Src("a source foo b source bar")
lex.source = "source"
print(list(lex), lex.lineno)
import os, tempfile
d = tempfile.mkdtemp()
with open(os.path.join(d, "inc_txt"), "w") as f:
    f.write("from file")
lex = shlex.shlex("x include inc_txt y", infile=os.path.join(d, "main"))
lex.source = "include"
print(list(lex))
lex = shlex.shlex('x include "%s" y' % os.path.join(d, "inc_txt"))
lex.source = "include"
print(list(lex))
import shutil; shutil.rmtree(d)
