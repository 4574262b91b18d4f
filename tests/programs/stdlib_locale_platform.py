# locale in the C locale, and platform facts that do not depend on the
# interpreter.
import locale
import platform
import sys


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print("-- locale: setlocale")
print(locale.LC_CTYPE, locale.LC_NUMERIC, locale.LC_TIME, locale.LC_COLLATE,
      locale.LC_MONETARY, locale.LC_MESSAGES, locale.LC_ALL, locale.CHAR_MAX)
show(lambda: locale.setlocale(locale.LC_ALL, 'C'))
show(lambda: locale.setlocale(locale.LC_NUMERIC))
show(lambda: locale.setlocale(locale.LC_ALL))
show(lambda: locale.setlocale(locale.LC_NUMERIC, 'POSIX'))
show(lambda: locale.setlocale(locale.LC_TIME, None))
show(lambda: type(locale.setlocale(locale.LC_ALL, '')).__name__)
locale.setlocale(locale.LC_ALL, 'C')
show(lambda: locale.setlocale(locale.LC_ALL, 'xx_YY.NOPE-8'))
show(lambda: locale.setlocale(locale.LC_ALL, 'no_such_locale'))
show(lambda: locale.setlocale(locale.LC_ALL, ('C', None)))
show(lambda: locale.setlocale(locale.LC_ALL, (None, None)))
show(lambda: locale.setlocale(locale.LC_ALL, ('xx_YY', 'UTF-8')))
show(lambda: locale.setlocale(locale.LC_ALL, 5))
show(lambda: locale.setlocale(locale.LC_ALL, ('C',)))
show(lambda: locale.setlocale(99, 'C'))
show(lambda: locale.setlocale('LC_ALL', 'C'))
print(issubclass(locale.Error, Exception), locale.Error.__name__)

print("-- getlocale, encodings")
show(lambda: locale.getlocale())
show(lambda: locale.getlocale(locale.LC_NUMERIC))
show(lambda: locale.getlocale(99))
show(lambda: locale.getpreferredencoding())

print("-- localeconv")
conv = locale.localeconv()
for key in sorted(conv):
    print(key, repr(conv[key]))
conv['decimal_point'] = ','
print(locale.localeconv()['decimal_point'])

print("-- numbers")
show(lambda: locale.str(3.14))
show(lambda: locale.str(1.0))
show(lambda: locale.str(1e20))
show(lambda: locale.str(12345678901234.5))
show(lambda: locale.str(-0.1))
show(lambda: locale.atof('3.5'))
show(lambda: locale.atof('  -1.5e3 '))
show(lambda: locale.atof('1,000'))
show(lambda: locale.atof('3.5', int))
show(lambda: locale.atof('2.5', str))
show(lambda: locale.atoi('42'))
show(lambda: locale.atoi(' -7 '))
show(lambda: locale.atoi('4.2'))
show(lambda: locale.delocalize('1,234.5'))
show(lambda: locale.localize('1234.5'))
show(lambda: locale.localize('1234.5', grouping=True))
show(lambda: locale.localize('-1234.5678', True, True))

print("-- format_string")
show(lambda: locale.format_string('%d items, %.2f', (1234567, 1234.5678)))
show(lambda: locale.format_string('%d', 1234567, grouping=True))
show(lambda: locale.format_string('%.1f%%', 12.34))
show(lambda: locale.format_string('%(a)s=%(b)05.1f', {'a': 'x', 'b': 2.25}))
show(lambda: locale.format_string('%s', 'x', monetary=True))
show(lambda: locale.format_string('%.2f', 1.5, monetary=True))
show(lambda: locale.format_string('%.2f and %e and %g and %d', (1.5, 2.5, 3.5, 4), monetary=True))
show(lambda: locale.format_string('%(x).2f|%(y)s', {'x': 1.5, 'y': 2.5}, monetary=True))
show(lambda: locale.format_string('%*.*f|%5.1f%%', (8, 2, 1.5, 2.25), monetary=True))
show(lambda: locale.format_string('%s %s', (1,)))
show(lambda: locale.format_string('%s', (1, 2)))
show(lambda: locale.format_string('no specs', ()))
show(lambda: locale.format_string('%s', {'a': 1}))
show(lambda: locale.format_string('%(a)s %s', {'a': 1}))
show(lambda: locale.format_string('%ld %5.3Lf', (1, 2.0)))
show(lambda: locale.format_string('%x|%o|%X|%c|%r', (255, 8, 171, 'q', 'r')))
show(lambda: locale.format_string('%d', 'x'))
show(lambda: locale.format_string('%.2f', [1.5]))
show(lambda: locale.format_string('%', 1))
show(lambda: locale.currency(5))
show(lambda: locale.currency(5, symbol=False, grouping=True, international=True))

print("-- collation")
show(lambda: locale.strcoll('a', 'b'))
show(lambda: locale.strcoll('b', 'a'))
show(lambda: locale.strcoll('same', 'same'))
show(lambda: locale.strcoll('B', 'a'))
show(lambda: locale.strcoll('é', 'z'))
show(lambda: locale.strcoll(1, 'a'))
show(lambda: locale.strcoll('a', 1))
show(lambda: locale.strxfrm('abc'))
show(lambda: locale.strxfrm(1))
print(sorted(['b', 'A', 'a', 'B', 'é'], key=locale.strxfrm))

print("-- normalize")
for name in ['C', 'POSIX', 'c.ascii', 'C.UTF-8', 'C.utf8', 'en', 'en_US', 'en_US.utf8',
             'en_us.UTF-8', 'en_US.ISO8859-1', 'en_GB', 'en_US.foo', 'en_US@foo',
             'de', 'de_DE@euro', 'de_DE.utf8@euro', 'fr', 'fr_CA', 'fr_FR@euro',
             'es_ES.ISO-8859-15', 'it_IT.latin1', 'en_US.ascii', 'pt_br', 'ja_JP',
             'ja', 'ja_JP.eucjp', 'ko_KR.euckr', 'ru_RU', 'ru_RU.koi8r', 'zh_CN',
             'sr_RS@latin', 'english', 'xx', 'xx_YY', 'xx.utf8', 'UTF-8']:
    print(repr(name), repr(locale.normalize(name)))

print("-- platform")
print(platform.system())
print(platform.system() == platform.uname().system == platform.uname()[0])
uname = platform.uname()
print(type(uname).__name__, len(uname), uname._fields)
print(all(isinstance(part, str) for part in uname))
print(tuple(uname)[:5] == (platform.system(), platform.node(), platform.release(),
                           platform.version(), platform.machine()))
print(uname.processor == uname[5] == uname[-1] == platform.processor())
print(repr(uname).startswith("uname_result(system='Linux', node="), 'processor' in repr(uname))
system, node, release, version, machine, processor = uname
print(system, uname[:1])
print(platform.python_version() == '%d.%d.%d' % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(str(part) for part in sys.version_info[:3]))
print(type(platform.python_version_tuple()).__name__, len(platform.python_version_tuple()))
print(type(platform.python_implementation()).__name__, platform.python_implementation() != '')
print(platform.architecture()[0], platform.architecture('/nonexistent/file'))
print(platform.platform().startswith('Linux-' + platform.release()))
print(platform.platform(terse=True) == platform.platform(aliased=True) == platform.platform())
print(platform.mac_ver(), platform.win32_ver(), platform.win32_edition(), platform.win32_is_iot())
print(platform.java_ver())
print(platform.system_alias('Linux', '5.0', '#1'))
print(type(platform.python_build()).__name__, len(platform.python_build()))
print(type(platform.python_compiler()).__name__, platform.python_branch(), platform.python_revision())
print(isinstance(platform.libc_ver(), tuple), len(platform.libc_ver()))
print(platform.uname() is platform.uname() or platform.uname() == platform.uname())
