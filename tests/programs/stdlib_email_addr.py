from email.utils import parseaddr, getaddresses, formataddr, quote, unquote
cases = [
    '', ' ', 'a@b.c', '<a@b.c>', 'Joe <j@x.org>', '"Joe Q. Public" <j@x.org>', 'j@x.org (Joe Public)',
    'Joe (comment) <j@x.org>', '"quoted \\"name\\"" <q@x>', 'a@b, c@d', 'foo', 'foo bar', 'foo bar <>',
    '<>', '"" <a@b>', 'A Group: a@b, c@d;', 'Empty Group:;', 'Group: Joe <j@x>, k@y; , z@w',
    'a@b@c', 'a@b.c@d.e', '"a@b"@c', 'x <a@b@c>', '<@route1,@route2:user@domain>', 'user@[127.0.0.1]',
    'user@[IPv6:::1]', 'First.Last@example.com', 'first . last @ example . com', 'first.last@example.com.',
    'Mr. Smith <smith@x>', 'Mr.Smith <smith@x>', 'user@domain (with (nested) comment)', '(only comment)',
    '(c1) a@b (c2)', 'name (c) <a@b> (c2)', '"unterminated', '<unterminated@x', 'a@', '@b', 'a.@b', '.a@b',
    'a@b,', ',a@b', ',,', 'a@b,,c@d', 'Jöe <j@x>', 'a\r\n b@c', 'name\t<a@b>', '"a\\b" <x@y>',
    'foo@bar.com <foo@bar.com>', 'Alice <alice@example.org>, Bob <bob@example.org>', 'alice@example.org; bob@x',
    '"Smith, John" <js@x>', 'Smith, John <js@x>', 'a (b) c <d@e>', 'a <b> c', '<a@b> trailing', 'x:y',
    'x :y@z;', 'a@b c@d', 'a b@c', '"a"b <c@d>', 'a."b".c@d', 'a\\@b', '[x]@y', 'x@y [z]', 'a@(c)b', 'a@b(c).d',
    '<a@b', 'a@b>', 'name <a @ b . c>', 'name < a@b >', 'u@d (x\\)y)', '(a\\(b) u@d',
]
for c in cases:
    print(repr(c), parseaddr(c), getaddresses([c]))
print(getaddresses(['a@b', 'Joe <j@x>, k@y', 'G: x@y;']))
print(getaddresses([]))
print(getaddresses(['']))
print(getaddresses([' , ']))
class S:
    def __str__(self): return 'S <s@x>'
print(getaddresses([S()]))
for name, addr in parseaddr('"a\\"b" <c@d>'), parseaddr('x (a\\"b) <c@d>'):
    print(repr(name), repr(addr), repr(formataddr((name, addr))))
for s in ['a"b\\c', '', '\\\\', '"']:
    print(repr(quote(s)))
for s in ['"abc"', '<abc>', '"a\\"b\\\\c"', 'abc', '"abc', '<a', '', '""', '"', '<>', '<"x">', '"<x>"']:
    print(repr(s), repr(unquote(s)))
