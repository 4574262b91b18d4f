import re
import email
import email.errors as errors
from email.utils import (make_msgid, decode_rfc2231, encode_rfc2231, collapse_rfc2231_value,
                         quote, unquote, decode_params)
m = make_msgid()
print(bool(re.fullmatch(r'<\d+\.\d+\.\d+@[^>]+>', m)))
print(bool(re.fullmatch(r'<\d+\.\d+\.\d+\.hello@example\.com>', make_msgid('hello', 'example.com'))))
print(bool(re.fullmatch(r'<\d+\.\d+\.\d+@dom>', make_msgid(domain='dom'))), make_msgid() != make_msgid())
for s in ["us-ascii'en'hello", "utf-8''%E2%82%AC", "abc", "a'b", "a'b'c'd", "''", "'''"]:
    print(repr(s), decode_rfc2231(s))
for args in [('hello world',), ('hé', 'utf-8'), ('hé', 'utf-8', 'fr'), ('abc', None, 'en'), ('a/b;c=d', 'us-ascii'), ('é', 'latin-1')]:
    print(args, encode_rfc2231(*args))
try:
    encode_rfc2231('é')
except Exception as e:
    print(type(e).__name__)
for v in [('utf-8', 'en', 'caf\xc3\xa9'), ('iso-8859-1', '', 'caf\xe9'), (None, None, 'plain'), ('no-such-charset', '', '"q"'),
          '"quoted"', 'plain', ('us-ascii', '', 'caf\xe9'), ('a', 'b')]:
    try:
        print(repr(v), repr(collapse_rfc2231_value(v)))
    except Exception as e:
        print(repr(v), type(e).__name__)
print(repr(collapse_rfc2231_value(('us-ascii', '', 'caf\xe9'), errors='ignore')))
print(repr(collapse_rfc2231_value((None, '', 'caf\xe9'), fallback_charset='latin-1')))
print(decode_params([('text/plain', ''), ('charset', '"us-ascii"'), ('title*', "us-ascii'en'This%20is%20%2A%2A%2Afun%2A%2A%2A")]))
print(decode_params([('a', ''), ('name*0', 'foo'), ('name*1', 'bar'), ('x', 'y')]))
print(decode_params([('a', ''), ('name*1*', '%41'), ('name*0*', "utf-8''%C3%A9")]))
names = ['MessageError', 'MessageParseError', 'HeaderParseError', 'BoundaryError', 'MultipartConversionError',
         'CharsetError', 'MessageDefect', 'NoBoundaryInMultipartDefect', 'StartBoundaryNotFoundDefect',
         'CloseBoundaryNotFoundDefect', 'FirstHeaderLineIsContinuationDefect', 'MisplacedEnvelopeHeaderDefect',
         'MissingHeaderBodySeparatorDefect', 'MalformedHeaderDefect', 'MultipartInvariantViolationDefect',
         'InvalidMultipartContentTransferEncodingDefect', 'UndecodableBytesDefect', 'InvalidBase64PaddingDefect',
         'InvalidBase64CharactersDefect', 'InvalidBase64LengthDefect', 'HeaderDefect', 'InvalidHeaderDefect',
         'HeaderMissingRequiredValue', 'NonPrintableDefect', 'ObsoleteHeaderDefect', 'NonASCIILocalPartDefect',
         'InvalidDateDefect']
for n in names:
    c = getattr(errors, n)
    print(n, c.__name__, [b.__name__ for b in c.__mro__[1:]])
d = errors.MessageDefect(); print(d.line, d.args)
d = errors.MessageDefect('ln'); print(d.line, d.args, str(d))
d = errors.NonPrintableDefect('\x00'); print(str(d), d.non_printables, d.line)
d = errors.InvalidHeaderDefect('bad'); print(str(d), d.line)
print(issubclass(errors.MultipartConversionError, TypeError))
print(callable(email.message_from_string))
