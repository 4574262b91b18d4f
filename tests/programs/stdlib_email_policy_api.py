import email
import email.policy as P
from email._policybase import Policy, Compat32, compat32
from email.message import Message, EmailMessage

for pol in (P.compat32, P.default, P.SMTP, P.SMTPUTF8, P.HTTP, P.strict):
    print(repr(pol), pol.max_line_length, repr(pol.linesep), pol.cte_type, pol.raise_on_defect,
          pol.mangle_from_, getattr(pol, 'utf8', '-'), getattr(pol, 'refold_source', '-'),
          pol.message_factory.__name__ if pol.message_factory else None)
print(P.compat32 is compat32, P.Compat32 is Compat32, P.Policy is Policy)
print(isinstance(P.default, Policy), isinstance(compat32, Policy), issubclass(P.EmailPolicy, Policy))
c = compat32.clone(linesep='\r\n', max_line_length=40)
print(repr(c), c.linesep, c.max_line_length, repr(compat32))
print(repr(P.default + P.SMTP), repr(P.SMTP + compat32), repr(compat32 + P.SMTP))
print(repr(P.default.clone(utf8=True, refold_source='none')))
for f in (lambda: compat32.clone(foo=1), lambda: P.default.clone(bar=2), lambda: setattr(compat32, 'linesep', 'x'),
          lambda: setattr(P.default, 'nosuch', 1), lambda: Compat32(bad=1), lambda: P.EmailPolicy(bad=1),
          lambda: Policy(), lambda: P.default + 1):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(P.EmailPolicy(linesep='\r\n').__dict__), repr(Compat32(max_line_length=10)))

class MyPolicy(Compat32):
    extra = 5
mp = MyPolicy(extra=6)
print(repr(mp), mp.extra, repr(mp.clone(extra=7)))

print(compat32.header_source_parse(['Subject:  hi there\r\n', ' more\r\n']))
print(compat32.header_source_parse(['Subject:hi\n']))
print(compat32.header_source_parse(['Subject:\t\tx\n', '\ty\n']))
print(P.default.header_source_parse(['Subject:  hi there\r\n', ' more\r\n']))
print(compat32.header_store_parse('A', 'b'), compat32.header_fetch_parse('A', 'b\n c'))
print(compat32.fold('Subject', 'hello'), repr(compat32.fold_binary('Subject', 'hello')))
print(repr(compat32.fold('Subject', 'w ' * 50)))
print(repr(compat32.clone(linesep='\r\n').fold('Subject', 'w ' * 50)))
print(compat32.header_max_count('to'), P.default.header_max_count('To'), P.default.header_max_count('X-Foo'))
print([n for n in ['to', 'from', 'subject', 'date', 'cc', 'bcc', 'message-id', 'sender', 'reply-to', 'content-type',
      'resent-to', 'received', 'x-a', 'mime-version', 'content-transfer-encoding', 'content-disposition', 'orig-date']
       if P.default.header_max_count(n)])

class Obj:
    def __init__(self): self.defects = []
o = Obj()
compat32.handle_defect(o, email.errors.MessageDefect('x'))
print(o.defects)
try:
    P.strict.handle_defect(o, email.errors.StartBoundaryNotFoundDefect())
except Exception as e:
    print(type(e).__name__)
try:
    email.message_from_string('Content-Type: multipart/mixed; boundary=X\n\nno\n', policy=P.strict)
except Exception as e:
    print('strict', type(e).__name__)
m = email.message_from_string('Subject: a\n\nb\n', policy=compat32.clone(raise_on_defect=True))
print(type(m).__name__)

# parse with default policy
m = email.message_from_string('Subject: hello  there\nTo: a@b.c\nX-Folded: one\n two\n\nbody\n', policy=P.default)
print(type(m).__name__, type(m.policy).__name__, str(m['subject']), repr(str(m['x-folded'])), m['to'] == 'a@b.c')
print(isinstance(m['subject'], str), m['subject'].name if hasattr(m['subject'], 'name') else None)
print(repr(m.as_string()))
print(repr(m.as_bytes()))
print(repr(str(m)))
m2 = email.message_from_string('Subject: hi\n\nb\n', policy=P.SMTP)
print(repr(m2.as_string()), repr(bytes(m2)))
em = EmailMessage()
em['Subject'] = 'hi'
try:
    em['Subject'] = 'again'
except ValueError as e:
    print(type(e).__name__, e)
try:
    em['X-Bad'] = 'a\nb'
except ValueError as e:
    print(type(e).__name__, e)
em['X-Many'] = '1'
em['X-Many'] = '2'
print(em.get_all('x-many'), repr(em.as_string()))
em2 = Message(policy=P.default)
em2['To'] = 'x'
print(type(em2).__name__, repr(em2.as_string()))
