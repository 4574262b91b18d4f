# Formatters: the three styles, validation and its messages, defaults,
# times, exceptions and stacks, BufferingFormatter.
import logging
import time


def rec(msg='hello %s', args=('world',), **extra):
    r = logging.LogRecord('fmt.test', logging.WARNING, '/some/dir/mod.py', 42,
                          msg, args, None, 'func')
    r.created = 1700000000.123456
    r.msecs = 123.0
    r.__dict__.update(extra)
    return r


for fmt, style in [
    ('%(levelname)s:%(name)s:%(message)s', '%'),
    ('%(levelno)03d %(filename)s %(module)s %(lineno)d %(funcName)s', '%'),
    ('{levelname:>8}|{name}|{message!r}', '{'),
    ('{lineno:05d} {pathname}', '{'),
    ('${levelname} $name ${message}', '$'),
    ('$$ ${name}', '$'),
    (None, '%'), (None, '{'), (None, '$'),
]:
    f = logging.Formatter(fmt, style=style)
    print(repr(f._fmt), '->', repr(f.format(rec())), f.usesTime())

for fmt, style in [
    ('no fields', '%'), ('%(x)y', '%'), ('{}', '{'), ('{0!x}', '{'),
    ('{a:zz}', '{'), ('{a.b[1]}', '{'), ('{a-b}', '{'), ('plain', '{'),
    ('$', '$'), ('nothing', '$'), ('{a', '{'), ('$a $', '$'),
]:
    try:
        f = logging.Formatter(fmt, style=style)
        print(repr(fmt), 'ok', repr(f._fmt))
    except ValueError as e:
        print(repr(fmt), 'ValueError', e)
for style in ['#', '']:
    try:
        logging.Formatter('%(message)s', style=style)
    except ValueError as e:
        print('ValueError', e)

f = logging.Formatter('%(missing)s', validate=True)
try:
    f.format(rec())
except ValueError as e:
    print('ValueError', e)
f = logging.Formatter('{missing}', style='{')
try:
    f.format(rec())
except Exception as e:
    print(type(e).__name__, e)
f = logging.Formatter('no fields at all', validate=False)
print(f.format(rec()))

f = logging.Formatter('%(app)s %(message)s', defaults={'app': 'demo'})
print(f.format(rec()), '|', f.format(rec(app='mine')))
f = logging.Formatter('{app} {message}', style='{', defaults={'app': 'x'})
print(f.format(rec()))
f = logging.Formatter('$app $message', style='$', defaults={'app': 'y'})
print(f.format(rec()))

f = logging.Formatter('%(asctime)s %(message)s', datefmt='%Y/%m/%d %H:%M:%S')
f.converter = time.gmtime
print(f.usesTime(), f.format(rec()))
f = logging.Formatter('%(asctime)s|%(msecs)03d')
f.converter = time.gmtime
print(f.format(rec()), f.formatTime(rec()), f.formatTime(rec(), '%H'))
f.default_msec_format = None
print(f.formatTime(rec()))
f.default_msec_format = '%s.%03d'
f.default_time_format = '%d %b %Y %H:%M:%S'
print(f.formatTime(rec()))
for fmt, style in [('{asctime}', '{'), ('${asctime}', '$'), ('$asctime', '$'),
                   ('%(asctime)-20s', '%'), ('{asctime:>30}', '{')]:
    print(fmt, logging.Formatter(fmt, style=style).usesTime())


class UTC(logging.Formatter):
    converter = time.gmtime


print(UTC('%(asctime)s').format(rec()))

try:
    raise KeyError('boom')
except KeyError as e:
    import sys
    info = sys.exc_info()
r = rec(exc_info=info)
f = logging.Formatter('%(message)s')
text = f.format(r)
print(text.splitlines()[0], '...', text.splitlines()[-1])
print(r.exc_text.splitlines()[-1], r.exc_text.endswith('\n'))
r.exc_text = 'cached'
print(repr(f.format(r)))
r2 = rec(stack_info='Stack line 1\nStack line 2')
print(repr(f.format(r2)))
r3 = rec(msg='ends with newline\n', args=(), stack_info='S', exc_text='E')
print(repr(f.format(r3)))


class Upper(logging.Formatter):
    def formatMessage(self, record):
        return super().formatMessage(record).upper()

    def formatStack(self, stack_info):
        return '<' + stack_info + '>'

    def formatException(self, ei):
        return 'EXC ' + ei[0].__name__


print(repr(Upper('%(message)s').format(rec(stack_info='s', exc_info=info))))

bf = logging.BufferingFormatter()
print(repr(bf.format([])), repr(bf.format([rec(), rec(msg='two', args=())])))


class Framed(logging.BufferingFormatter):
    def formatHeader(self, records):
        return '[%d:' % len(records)

    def formatFooter(self, records):
        return ']'


print(Framed(logging.Formatter('<%(message)s>')).format([rec(), rec()]))
print(Framed().format(()))
print(logging.BASIC_FORMAT, [(k, v[0].__name__, v[1]) for k, v in logging._STYLES.items()])
for cls in (logging.PercentStyle, logging.StrFormatStyle, logging.StringTemplateStyle):
    print(cls.__name__, cls.default_format, cls.asctime_format, cls.asctime_search)
    s = cls(None)
    print(s._fmt, s.usesTime(), s.format(rec(message='m')))
print(logging.PercentStyle.validation_pattern.pattern)
print(logging.StrFormatStyle.fmt_spec.pattern, logging.StrFormatStyle.field_spec.pattern)
st = logging.StrFormatStyle('{message}', defaults={'message': 'dflt'})
print(st.format(rec()), st.format(rec(message='own')), st._defaults)
print(logging.Formatter.default_time_format, logging.Formatter.default_msec_format,
      logging.Formatter.converter is time.localtime)
