from email.message import Message
import email.errors

m = Message()
print(len(m), m['x'], 'x' in m, m.keys(), m.items(), m.get_all('x'), m.get_all('x', 'dflt'))
m['Subject'] = 'one'
m['subject'] = 'two'
m['To'] = 'a@b'
m['X-Empty'] = ''
print(len(m), m['SUBJECT'], m.get_all('Subject'), 'SUBJECT' in m, 'nope' in m)
print(list(m), m.keys(), m.values(), m.items())
print(list(m.raw_items()))
del m['subject']
print(m.keys(), m.get('subject', 'missing'))
del m['not-there']
m.replace_header('TO', 'c@d')
print(m.items())
try:
    m.replace_header('cc', 'x')
except KeyError as e:
    print(type(e).__name__, e)
m.add_header('Content-Disposition', 'attachment', filename='bud.gif')
m.add_header('X-Flag', 'v', flag=None, other_thing='yes')
m.add_header('X-Spec', 'v', a='a b', b='a;b', c='x"y\\z', d='', e='plain')
m.add_header('X-Uni', 'v', title='café')
m.add_header('X-Tuple', 'v', title=('iso-8859-1', 'fr', 'caf\xe9'))
m.add_header('X-NoVal', None, k='v')
for k, v in m.items():
    print(repr(k), repr(v))
print(m.get_params(header='x-spec'))
print(m.get_params(header='x-spec', unquote=False))
print(m.get_param('title', header='x-uni'))
print(m.get_param('title', header='x-tuple'))
print(m.get_param('TITLE', header='x-tuple', unquote=False))
print(m.get_param('missing', 'fail', header='x-tuple'))
print(m.get_param('missing', 'fail', header='no-header'))
print(m.get_params('fail', header='no-header'))
print(m.get_filename())
print(m.get_content_type(), m.get_default_type())
m.set_default_type('message/rfc822')
print(m.get_content_type(), m.get_content_maintype(), m.get_content_subtype())
m['Content-Type'] = 'TEXT/HTML; charset=UTF-8'
print(m.get_content_type(), m.get_content_charset(), m.get_charsets())
m.replace_header('content-type', 'bogus')
print(m.get_content_type())
m.replace_header('content-type', 'a/b/c')
print(m.get_content_type())
m.replace_header('content-type', '  Multipart/Mixed ; boundary = "abc " ; x=y')
print(m.get_content_type(), repr(m.get_boundary()), m.get_params())
print(m.get_content_disposition())
print(Message().get_content_disposition())
print(m.get_unixfrom())
m.set_unixfrom('From x')
print(m.get_unixfrom())
print(m.is_multipart(), m.get_payload(), m.preamble, m.epilogue, m.defects)

# params parsing edge cases
for ct in ['text/plain', 'text/plain;', 'text/plain; charset', 'text/plain; charset=us-ascii; format=flowed',
           'text/plain; name="a;b"; x=1', 'text/plain; name="a\\";b"; x=1', 'text/plain; NAME=Foo',
           'text/plain; title*=us-ascii\'en-us\'This%20is%20%2A%2A%2Afun%2A%2A%2A',
           'application/x-stuff; title*0*=us-ascii\'en\'This%20is%20even%20more%20; title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2="isn\'t it!"',
           'text/plain; filename*0="foo"; filename*1="bar.txt"',
           'text/plain; charset*=utf-8\'\'%C3%A9',
           'text/plain; a=1;; b=2', '; a=1', 'text/plain ; a = "x y" ; b=""']:
    mm = Message()
    mm['Content-Type'] = ct
    print(repr(ct), mm.get_params(), mm.get_params(unquote=False), mm.get_param('title'), mm.get_filename(), mm.get_content_charset('F'))

mm = Message()
mm['Content-Disposition'] = 'attachment; filename*=utf-8\'\'%E2%82%AC%20rates.txt'
print(repr(mm.get_filename()))
mm = Message()
mm['Content-Type'] = 'text/plain; name="  spaced.txt  "'
print(repr(mm.get_filename()), mm.get_filename('x'))
print(Message().get_filename('dflt'), Message().get_boundary('dflt'), Message().get_content_charset('dflt'))
