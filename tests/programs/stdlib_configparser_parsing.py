# configparser: the INI reader - section headers, delimiters, comments
# (full-line and inline), empty lines in values, continuation lines, strict
# mode duplicates, allow_no_value, and the exact texts of ParsingError,
# MissingSectionHeaderError, DuplicateSectionError, DuplicateOptionError.
import configparser
from configparser import ConfigParser, RawConfigParser


def state(p):
    return ({name: dict(p._sections[name]) for name in p._sections},
            dict(p._defaults))


def case(label, text, cls=ConfigParser, **kwargs):
    p = cls(**kwargs)
    try:
        p.read_string(text)
    except Exception as exc:
        print(label, type(exc).__name__, repr(str(exc)))
        print('    args', exc.args)
        for attr in ('source', 'lineno', 'line', 'errors', 'section', 'option'):
            if hasattr(exc, attr):
                print('    %s = %r' % (attr, getattr(exc, attr)))
    else:
        print(label, 'OK')
    print('    state', state(p))
    return p


case('brackets in name', "[a]b]\nx=1\n")
case('text after header', "[sec] trailing\nx=1\n")
case('empty name header', "[]\nx=1\n")
case('spaces in header', "[ s ]\nx=1\n")
case('header not at column 0', "  [s]\nx=1\n")
case('empty option name', "[s]\n= v\n")
case('empty option name nv', "[s]\n= v\n", allow_no_value=True)
case('valueless continuation', "[s]\nkey\n  cont\n", allow_no_value=True)
case('valueless options', "[s]\nkey\nother = 1\nthird:\n", allow_no_value=True)
case('no value not allowed', "[s]\nkey\n")
case('comment ends value (no empty lines)', "[s]\nk = a\n# c\n b\n",
     empty_lines_in_values=False)
case('empty line ends value', "[s]\nk = a\n\n b\n", empty_lines_in_values=False)
case('empty lines kept', "[s]\nk = a\n\n b\n")
case('comment inside value', "[s]\nk = a\n  # c\n b\n")
case('inline comments', "[s]\nk = a ; x\n  ; c\n b\n", inline_comment_prefixes=";")
case('inline needs space', "[s]\nk = a;x ;y\n", inline_comment_prefixes=[";"])
case('first delimiter wins', "[s]\nk : a = b\nj = c : d\n")
case('empty value', "[s]\nk  =  \n")
case('indented first option', "[s]\n  k = 1\n    m = 2\n")
case('no header', "x=1\n")
case('no header after blanks', "\n\n  # c\nx=1\n")
case('several bad lines', "[s]\nbad line\nother\n[t]\nz\n")
case('duplicate section', "[s]\nk=1\n[s]\n")
case('duplicate option', "[s]\nk=1\nK=2\n")
case('duplicate section lax', "[s]\nk=1\n[s]\nk=2\n", strict=False)
case('duplicate default', "[DEFAULT]\na=1\n[DEFAULT]\nb=2\n")
case('trailing empty lines', "[s]\nk = a\n\n\n b\n\n\n[t]\n")
case('custom delimiter', "[s]\nk::v\nj :: w\n", delimiters=("::",))
case('space delimiter', "[s]\nk v\n", delimiters=(" ",))
case('regex chars delimiter', "[s]\nk.*v\nj|w\n", delimiters=(".*", "|"))
case('no comment prefixes', "[s]\n#k=v\n;x\n", comment_prefixes=())
case('mixed prefixes', "[s]\nk=v\n  ;x\n  #y\n", comment_prefixes=("#",),
     inline_comment_prefixes=(";",))
case('tabs and blanks', "[s]\nk=v\n\tcont\n  \t\n  more\n")
case('inline comment ends value', "[s]\nk=v\n  ;x\n  more\n",
     inline_comment_prefixes=(";",), empty_lines_in_values=False)
case('inline comment in value', "[s]\nk=v\n\n  more\n  ;x\n\n",
     inline_comment_prefixes=(";",))
case('two inline prefixes', "[s]\nk = v;x\nj = #y\n", inline_comment_prefixes=("#", ";"))
case('repeated inline prefix', "[s]\nk = a # b # c\n", inline_comment_prefixes=("#",))
case('inline prefix glued', "[s]\nk = a# b #c\n", inline_comment_prefixes=("#",))
case('inline rounds', "[s]\nk=a#b #c ;d\n", inline_comment_prefixes=("#", ";"))
case('inline rounds 2', "[s]\nk=a;b #c ;d\n", inline_comment_prefixes=("#", ";"))
case('inline on header', "[s] ; note\nk=1\n", inline_comment_prefixes=(";",))
case('comment prefix custom', "[s]\n// c\nk=1\n", comment_prefixes=("//",))
case('CRLF', "[s]\r\nk = v\r\n  w\r\n")
case('carriage return only', "[s]\rk=v\r")
case('DEFAULT merges', "[DEFAULT]\nd = 1\n[s]\nk = 2\n")
case('custom default section', "[common]\nd = 1\n[s]\nk = 2\n",
     default_section='common')
case('case of names', "[Sec]\nKey = Val\nOTHER = X\n")
case('raw parser', "[s]\nk = %(x)s\n", cls=RawConfigParser)
case('value with delimiters', "[s]\nurl = http://x:80/a=b\n")
case('continuation of continuation', "[s]\nk = 1\n  2\n    3\n  4\nj = 5\n")
case('dedent ends value', "[s]\n  k = 1\n   2\n  j = 3\n")
case('value only spaces lines', "[s]\nk =\n  a\n")
case('error then continuation', "[s]\nk=1\nbad\n  cont\n")
case('unicode', "[sección]\nclé = välue\n")

# errors constructed directly
for exc in (configparser.ParsingError('src'),
            configparser.ParsingError(filename='fn'),
            configparser.MissingSectionHeaderError('f.ini', 3, 'x = 1\n'),
            configparser.DuplicateSectionError('s'),
            configparser.DuplicateSectionError('s', 'f.ini'),
            configparser.DuplicateSectionError('s', 'f.ini', 7),
            configparser.DuplicateOptionError('s', 'o'),
            configparser.DuplicateOptionError('s', 'o', 'f.ini'),
            configparser.DuplicateOptionError('s', 'o', 'f.ini', 123),
            configparser.DuplicateOptionError('s', 'o', None, 5)):
    print(type(exc).__name__, repr(str(exc)), exc.args, repr(exc),
          exc.message == str(exc))
e = configparser.ParsingError('src')
e.append(1, "'a'")
e.append(100, "'b'")
print(repr(str(e)), e.errors, e.args)
for args in ((), ('a', 'b')):
    try:
        configparser.ParsingError(*args)
    except ValueError as exc:
        print('ValueError', exc)
print(issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError),
      hasattr(configparser.MissingSectionHeaderError('f', 1, 'l'), 'errors'))

# several reads accumulate; errors in a later read keep earlier data
p = ConfigParser()
p.read_string("[a]\nx = 1\n", source='first')
p.read_string("[b]\ny = 2\n[a]\nz = 3\n", source='second')
print(state(p))
try:
    p.read_string("[a]\nq = 1\n[a]\n", source='third')
except configparser.DuplicateSectionError as exc:
    print(exc)
print(state(p))
p.read_file(["[c]\n", "k = v\n", "  cont\n"], source='list')
print(state(p))
try:
    p.read_file(iter(["bad\n"]))
except configparser.MissingSectionHeaderError as exc:
    print(exc)


class Named(list):
    name = 'named-source'


try:
    p.read_file(Named(["[d]\n", "oops\n"]))
except configparser.ParsingError as exc:
    print(exc)
