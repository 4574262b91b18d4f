# optparse: help output (print_help/format_help) byte for byte: wrapping at
# COLUMNS, option groups, descriptions, epilogs, metavars, %default,
# SUPPRESS_HELP/SUPPRESS_USAGE, both formatters, custom widths.
import io
import os
import sys

os.environ['COLUMNS'] = '80'
sys.argv[0] = '/usr/bin/helpdemo'
import optparse
from optparse import (OptionParser, OptionGroup, IndentedHelpFormatter,
                      TitledHelpFormatter, SUPPRESS_HELP, SUPPRESS_USAGE,
                      make_option)


def dump(label, text):
    print('=====', label)
    print(text.replace(' \n', '~\n'), end='')
    print('=====')


def build(**kwargs):
    p = OptionParser(**kwargs)
    p.add_option('-f', '--file', dest='filename', metavar='FILE',
                 help='write report to FILE [default: %default]',
                 default='out.txt')
    p.add_option('-q', '--quiet', action='store_false', dest='verbose',
                 default=True, help="don't print status messages to stdout")
    p.add_option('-n', type='int', default=5,
                 help='number of items to process, a fairly long '
                      'explanation that must certainly wrap onto a few '
                      'lines when the terminal is only eighty columns wide '
                      '(default %default)')
    p.add_option('--a-very-long-option-name-indeed', metavar='SOMETHING',
                 help='long option strings push the help to the next line')
    p.add_option('--nohelp')
    p.add_option('--hidden', help=SUPPRESS_HELP)
    p.add_option('--none-default', help='default is %default here')
    p.add_option('--pair', nargs=2, type='int', help='two ints')
    p.add_option('-c', action='count', help='count things')
    p.add_option('--mode', choices=['x', 'y'], help='pick one of %default',
                 default='x')
    g = OptionGroup(p, 'Dangerous Options',
                    'Caution: use these options at your own risk.  It is '
                    'believed that some of them bite, and this description '
                    'is long enough to need wrapping as well.')
    g.add_option('-g', action='store_true', help='Group option.')
    g.add_option('--gee-whiz', metavar='LEVEL', type='int',
                 help='another grouped option with a longer help text that '
                      'wraps around')
    p.add_option_group(g)
    g2 = p.add_option_group('Empty Group')
    g3 = p.add_option_group('Debug', 'Only a description.')
    g3.add_option('--debug', action='store_true')
    return p


p = build(usage='%prog [options] arg1 arg2', version='%prog 2.0',
          description='A demonstration of %prog whose description is long '
                      'enough that it is wrapped at the terminal width by '
                      'the help formatter, like any other paragraph.',
          epilog='Epilog text that also wraps when it is long enough, '
                 'which this sentence is meant to be, more or less.')
buf = io.StringIO()
p.print_help(buf)
dump('indented', buf.getvalue())
dump('usage', p.get_usage())
buf = io.StringIO()
p.print_usage(buf)
dump('print_usage', buf.getvalue())
print('format_option_help ==', p.format_option_help() in p.format_help())

# print_help to stdout (captured)
saved = sys.stdout
sys.stdout = cap = io.StringIO()
try:
    p.print_help()
finally:
    sys.stdout = saved
print('stdout help same', cap.getvalue() == buf.getvalue() or
      cap.getvalue() == p.format_help())

# titled formatter
t = build(formatter=TitledHelpFormatter(), prog='titled',
          description='Titled description.')
dump('titled', t.format_help())

# explicit widths and positions
for width, pos in ((40, 24), (60, 30), (100, 40), (30, 10)):
    f = IndentedHelpFormatter(width=width, max_help_position=pos)
    q = build(formatter=f, prog='w%d' % width)
    dump('width %d pos %d' % (width, pos), q.format_help())
    print('attrs', f.width, f.max_help_position, f.help_position,
          f.help_width, f.current_indent, f.level)

# short_first=0, indent_increment=4, delimiters
f = IndentedHelpFormatter(indent_increment=4, short_first=0)
f.set_short_opt_delimiter('')
f.set_long_opt_delimiter(' ')
dump('custom delimiters', build(formatter=f, prog='d').format_help())
for setter, bad in ((f.set_short_opt_delimiter, '='),
                    (f.set_long_opt_delimiter, '')):
    try:
        setter(bad)
    except ValueError as exc:
        print('ValueError', exc)

# default_tag disabled / changed, NO_DEFAULT_VALUE changed
f = IndentedHelpFormatter()
f.default_tag = None
dump('no default tag', build(formatter=f, prog='nt').format_help())
f = IndentedHelpFormatter()
f.NO_DEFAULT_VALUE = '<unset>'
dump('NO_DEFAULT_VALUE', build(formatter=f, prog='nd').format_help())

# usage variants
for usage in (None, 'usage: %prog FILE', 'USAGE: custom', SUPPRESS_USAGE,
              'Usage:no-space', ''):
    q = OptionParser(usage=usage, prog='u', add_help_option=False)
    q.add_option('-x', help='ex')
    print(repr(usage), '->', repr(q.usage), repr(q.get_usage()))
    dump('usage %r' % (usage,), q.format_help())

# no options at all
bare = OptionParser(add_help_option=False, prog='bare')
dump('bare', bare.format_help())
bare.add_option_group('Lonely')
dump('bare with empty group', bare.format_help())
dump('bare option help', bare.format_option_help())
only_hidden = OptionParser(add_help_option=False, prog='oh')
only_hidden.add_option('--h1', help=SUPPRESS_HELP)
dump('only hidden', only_hidden.format_help())

# COLUMNS variants read at formatter creation
for cols in ('50', 'junk', '200'):
    os.environ['COLUMNS'] = cols
    q = build(prog='cols')
    print('COLUMNS', cols, q.formatter.width)
    dump('COLUMNS %s' % cols, q.format_help())
os.environ['COLUMNS'] = '80'
del os.environ['COLUMNS']
print('no COLUMNS', IndentedHelpFormatter().width)
os.environ['COLUMNS'] = '80'

# prog from argv[0], %prog in description and version
q = OptionParser(description='%prog does things', version='%prog v1')
dump('argv prog', q.format_help())
print(q.get_prog_name(), q.get_description(), q.get_version())

# option help helpers on the formatter
f = q.formatter
opt = make_option('-z', '--zed', metavar='Z', help='zed help %default')
print(repr(f.format_option_strings(opt)))
print(repr(f.format_heading('Head')), repr(f.format_usage('u')))
print(repr(f.format_description('desc')), repr(f.format_description('')))
print(repr(f.format_epilog('epi')), repr(f.format_epilog(None)))
tf = TitledHelpFormatter()
print(repr(tf.format_heading('Head')), repr(tf.format_usage('u')))
tf.indent()
print(repr(tf.format_heading('Sub')), tf.current_indent, tf.level)
tf.dedent()
base = optparse.HelpFormatter(2, 24, 80, 1)
for name in ('format_usage', 'format_heading'):
    try:
        getattr(base, name)('x')
    except NotImplementedError as exc:
        print('NotImplementedError', exc)
try:
    base.dedent()
except AssertionError as exc:
    print('AssertionError', exc, base.current_indent, base.level)

# conflict resolve changes help
r = OptionParser(conflict_handler='resolve', prog='res')
r.add_option('-n', '--dry-run', action='store_true', help='do no harm')
r.add_option('-n', '--noisy', action='store_true', help='be noisy')
r.add_option('--dry-run', action='store_true', help='new dry run')
dump('resolved', r.format_help())
