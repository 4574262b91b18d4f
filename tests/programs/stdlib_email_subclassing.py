import io, email
from email.generator import Generator, BytesGenerator
from email.message import Message, EmailMessage
from email._policybase import Compat32, compat32
import email.policy

class UpperGen(Generator):
    def _write_headers(self, msg):
        for h, v in msg.raw_items():
            self.write('%s: %s%s' % (h.upper(), v, self._NL))
        self.write(self._NL)
    def _handle_text_html(self, msg):
        self.write('<<html omitted>>' + self._NL)

src = 'Subject: s\nContent-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/html\n\n<b>x</b>\n--B\nContent-Type: text/plain\n\nplain\n--B--\n'
m = email.message_from_string(src)
buf = io.StringIO()
UpperGen(buf).flatten(m)
print(buf.getvalue())

class SelfWriting(Message):
    def _write_headers(self, generator):
        generator.write('X-Custom: yes' + generator._NL + generator._NL)
sw = SelfWriting()
sw['A'] = 'b'
sw.set_payload('body\n')
print(repr(sw.as_string()))

class CountingPolicy(Compat32):
    def header_max_count(self, name):
        return 2 if name.lower() == 'x-limited' else None
    def register_defect(self, obj, defect):
        obj.defects.append(('custom', type(defect).__name__))
cp = CountingPolicy()
mm = Message(policy=cp)
mm['X-Limited'] = '1'
mm['x-limited'] = '2'
try:
    mm['X-LIMITED'] = '3'
except ValueError as e:
    print(e)
d = email.message_from_string('Content-Type: multipart/mixed; boundary=Q\n\nnothing\n', policy=cp)
print(d.defects)
try:
    email.message_from_string('Content-Type: multipart/mixed\n\nx', policy=email.policy.strict)
except Exception as e:
    print(type(e).__name__, type(e).__mro__[1].__name__)

class MyEmail(EmailMessage):
    pass
pol = email.policy.default.clone(message_factory=MyEmail)
x = email.message_from_string('Content-Type: multipart/mixed; boundary=Q\n\n--Q\n\na\n--Q--\n', policy=pol)
print([type(p).__name__ for p in x.walk()])
x = email.message_from_string('Subject: z\n\nb', MyEmail, policy=email.policy.default)
print(type(x).__name__)
print(repr(Message().as_string()), repr(EmailMessage().as_string()), repr(bytes(EmailMessage())))
g = Generator(io.StringIO(), policy=email.policy.SMTP)
m2 = Message(); m2['A'] = 'b'; m2.set_payload('l1\nl2\n')
g.flatten(m2)
print(repr(g._fp.getvalue()))
g2 = Generator(io.StringIO(), maxheaderlen=0)
m2['B'] = 'word ' * 30
g2.flatten(m2, linesep='\r\n')
print(repr(g2._fp.getvalue()))
bg = BytesGenerator(io.BytesIO(), policy=email.policy.default)
bg.flatten(m2)
print(repr(bg._fp.getvalue()))
