from email.message import EmailMessage
import email.policy as P
vals = ['text/plain; CharSet="utf-8"; Name="' + 'a'*80 + '"', 'text/plain;charset=utf-8;  format=flowed; x=' + 'b'*60,
        'multipart/alternative; boundary="===============8038210122566432016=="',
        'application/octet-stream; name="caf\u00e9 ' + 'long '*10 + '.txt"',
        'text/plain; a=1; b=2; c=3; d=4; e=5; f=6; g=7; h=8; i=9; j=10; k=11; l=12; m=13; n=14',
        'TEXT/PLAIN (comment); charset=us-ascii', "text/plain; title*=us-ascii'en'This%20is%20" + 'x'*70,
        'text/plain ; x=1', 'text/plain; charset', 'text/plain;', ' text/plain; a=b',
        'text/plain; A=B; a=c', "attachment; filename*=utf-8''caf%C3%A9.txt", 'text/plain; x=""', 'text/plain',
        'text/plain; name*0="abc"; name*1="def"', 'a/b; k=' + 'v' * 200, 'a/b; k="' + 'v w ' * 50 + '"',
        'application/x-' + 'q' * 70 + '; x=1; y=2']
dvals = ['attachment; filename="' + 'f' * 70 + '.txt"', 'inline', 'inline; filename=x.txt; size=12',
         "attachment; filename*=utf-8''caf%C3%A9.txt", 'attachment; filename="caf\u00e9 ' + 'long ' * 12 + '"',
         'attachment;filename=a;creation-date="Wed, 12 Feb 1997 16:29:51 -0500";modification-date="Wed, 12 Feb 1997 16:29:51 -0500"']
for v, name in [(v, 'Content-Type') for v in vals] + [(v, 'Content-Disposition') for v in dvals]:
    if 1:
        for pol in (P.default, P.default.clone(max_line_length=40), P.SMTPUTF8):
            m = EmailMessage(); m[name] = v
            print(repr(str(m[name])), repr(m.as_string(policy=pol)))
m = EmailMessage()
m.set_content('x\n')
m['Content-Disposition'] = 'inline'
m.set_param('filename', 'a very long file name with spaces and more text to make it really long.txt', header='Content-Disposition')
m.add_attachment(b'abc', 'application', 'octet-stream', filename='r\u00e9sum\u00e9 of a rather long name, with commas and more.pdf')
import re
print(re.sub(r'=====+\d+==', 'B', m.as_string()))
