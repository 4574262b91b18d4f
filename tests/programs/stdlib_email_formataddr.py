from email.utils import *
import email.utils as u
for pair in [('', 'a@b.c'), ('Joe', 'j@x.org'), ('Joe Q. Public', 'j@x.org'), ('a"b\\c', 'x@y'), ('Ærøskøbing', 'a@b'), ('日本語の名前です', 'n@x'), ('x'*60+'é', 'long@x'), (None, 'a@b'), ('A, B', 'ab@x'), ('[x]', 'y@z'), ('é', 'a@b')]:
    print(repr(formataddr(pair)))
for cs in ['iso-8859-1', 'utf-8', 'us-ascii', 'latin-1', 'ascii', 'LATIN-1']:
    try: print(cs, repr(formataddr(('Ærø é', 'a@b'), cs)))
    except Exception as e: print(cs, type(e).__name__, e)
try: formataddr(('x', 'é@b'))
except Exception as e: print(type(e).__name__, e)
class Charset:
    def __init__(self, cs): self.cs = cs
    def header_encode(self, s): return '=?' + self.cs + '?custom?=' 
print(repr(formataddr(('Ærø', 'a@b'), Charset('iso-8859-1'))))
print(repr(formataddr(('aaaa é', 'a@b'))), repr(formataddr(('éééé a', 'a@b'))), repr(formataddr(('a'*40+' é', 'a@b'))))

for cs in ['UTF-8', 'Latin_1', b'utf-8', 'ascii', 'utf8', 'us-ascii']:
    for name in ['é', 'Ærø a b', 'aaaaaa é', 'ﾃｽﾄ', '日本']:
        try: print(cs, repr(name), repr(formataddr((name, 'a@b'), cs)))
        except Exception as e: print(cs, repr(name), type(e).__name__)
print(repr(formataddr(('', ''))), repr(formataddr(('x', ''))))
for name in ['a.b', 'a;b', 'a:b', 'a@b', 'a<b', 'a(b', 'a\\b', 'plain name', "o'neil", 'tab\tname']:
    print(repr(formataddr((name, 'x@y'))))
