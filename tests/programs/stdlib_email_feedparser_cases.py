import email
from email.parser import Parser, HeaderParser, BytesParser, BytesHeaderParser
from email.feedparser import FeedParser, BytesFeedParser
from email.iterators import _structure
import io

CASES = [
 "Subject: hi\n\nbody\n",
 "Subject: hi\n\nbody",
 "Subject: hi\n",
 "Subject: hi",
 "",
 "\n",
 "\nbody only\n",
 "no header here\nSubject: x\n\nbody\n",
 "Subject: hi\nthis is not a header\n\nbody\n",
 " continuation first\nSubject: x\n\nb\n",
 "Subject: a\n  b\n\tc\nTo: x\n\nbody\n",
 "Subject: hi\r\nTo: y\r\n\r\nbody\r\nline2\r\n",
 "Subject: hi\rTo: y\r\rbody\r",
 "From nobody Mon Jan  1 00:00:00 2001\nSubject: x\n\nFrom the body\n",
 "Subject: x\nFrom nobody in the middle\nTo: y\n\nb\n",
 "Subject: x\nFrom nobody at end\n\nb\n",
 ":no name\nSubject: x\n\nb\n",
 "Subject:no space\nX-Empty:\nX-Sp:   \n\nb\n",
 "Content-Type: multipart/mixed; boundary=BB\n\npre\n--BB\n\npart1\n--BB\nContent-Type: text/html\n\n<p>2</p>\n--BB--\nepi\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\n\npart1\n--BB--",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\n\npart1\n--BB--\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\n\npart1\n--BB--\n\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\n\npart1\n",
 "Content-Type: multipart/mixed; boundary=BB\n\nno boundaries at all\n",
 "Content-Type: multipart/mixed\n\n--BB\n\npart1\n--BB--\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n",
 "Content-Type: multipart/mixed; boundary=BB\n",
 "Content-Type: multipart/mixed; boundary=BB\nContent-Transfer-Encoding: base64\n\n--BB\n\nx\n--BB--\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\n--BB\n\nx\n--BB  \n\ny\n--BB--  \n",
 "Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\nContent-Type: multipart/alternative; boundary=inner\n\n--inner\n\nplain\n--inner\nContent-Type: text/html\n\nhtml\n--inner--\n\n--outer\nContent-Type: message/rfc822\n\nSubject: inner msg\n\ninner body\n--outer--\n",
 "Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\nContent-Type: multipart/alternative; boundary=inner\n\n--inner\n\nplain\n--inner--\ninner epi\n--outer--\n",
 "Content-Type: message/rfc822\n\nSubject: nested\nTo: x\n\nnested body\n",
 "Content-Type: message/rfc822\n\n",
 "Content-Type: multipart/digest; boundary=D\n\n--D\n\nSubject: d1\n\nb1\n--D\nContent-Type: text/plain\n\nb2\n--D--\n",
 "Content-Type: message/delivery-status\n\nReporting-MTA: dns; x\n\nFinal-Recipient: rfc822; a@b\nAction: failed\n\n",
 "Content-Type: message/delivery-status\n\nA: 1\n\nB: 2\n",
 "Content-Type: multipart/mixed; boundary=BB\r\n\r\npre\r\n--BB\r\n\r\npart1\r\n--BB--\r\nepi\r\n",
 "Content-Type: text/plain\n\n--BB\n",
 "X: 1\x0c\nY: 2\n\nbody\x0cmore\x1cstuff\u2028x\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\nContent-Type: multipart/mixed; boundary=CC\n\n--CC\n\nx\n--CC--\n--BB--\n",
 "Content-Type: multipart/mixed; boundary=BB\n\n--BB\nContent-Type: multipart/mixed; boundary=CC\n\n--CC\n\nx\n--CC--\n\n\n--BB--\n",
]

def dump(m, ind=''):
    print(ind + repr(m.get_unixfrom()), m.items())
    print(ind + ' defects', [(type(d).__name__, str(d)) for d in m.defects])
    print(ind + ' pre/epi', repr(m.preamble), repr(m.epilogue), m.get_default_type())
    if m.is_multipart():
        for p in m.get_payload():
            dump(p, ind + '   ')
    else:
        print(ind + ' payload', repr(m.get_payload()))

for i, text in enumerate(CASES):
    print('=== case', i)
    m = email.message_from_string(text)
    dump(m)
    _structure(m, include_default=True)
    print(repr(m.as_string()))
    # incremental one char at a time must give the same result
    fp = FeedParser()
    for ch in text:
        fp.feed(ch)
    m2 = fp.close()
    print(m2.as_string() == m.as_string(), len(m2.defects) == len(m.defects))
    h = HeaderParser().parsestr(text)
    print('hdr', h.items(), repr(h.get_payload()), [type(d).__name__ for d in h.defects])
    b = BytesParser().parsebytes(text.encode('utf-8'))
    print('bytes', b.as_string() == m.as_string())
    b2 = BytesParser().parse(io.BytesIO(text.encode('utf-8')))
    print('bfile', repr(b2.as_string()))
    b3 = BytesHeaderParser().parse(io.BytesIO(text.encode('utf-8')))
    print('bhdr', b3.items())
