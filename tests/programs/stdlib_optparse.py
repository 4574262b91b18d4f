# optparse: actions, types, callbacks, errors and help text (COLUMNS=80).
import os, sys, io
os.environ['COLUMNS'] = '80'
sys.argv[0] = 'prog.py'
import optparse
from optparse import (OptionParser, OptionGroup, Option, make_option, Values,
                      OptionValueError, OptParseError, BadOptionError, OptionError,
                      OptionConflictError, SUPPRESS_HELP, SUPPRESS_USAGE,
                      IndentedHelpFormatter, TitledHelpFormatter)


def vals(v):
    return sorted(v.__dict__.items(), key=lambda kv: kv[0])

def run(label, parser, args):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    status = None
    res = None
    try:
        res = parser.parse_args(args)
    except SystemExit as e:
        status = e.code
    except Exception as e:
        status = 'EXC %s: %s' % (type(e).__name__, e)
    finally:
        sys.stdout, sys.stderr = old
    print('==', label, args)
    if res is not None:
        print('  values:', vals(res[0]))
        print('  args:', res[1])
    if status is not None:
        print('  exit:', status)
    if out.getvalue():
        print('  stdout:')
        print(out.getvalue(), end='')
    if err.getvalue():
        print('  stderr:')
        print(err.getvalue(), end='')

import re
def _mask(s):
    return re.sub(r'0x[0-9a-f]+', '0xADDR', s)
def t(label, f):
    label = _mask(label)
    try:
        r = f()
        print(label, '->', _mask(repr(r)))
    except SystemExit as e:
        print(label, 'SystemExit', e.code)
    except Exception as e:
        print(label, '!!', type(e).__name__, _mask(str(e)))

p = OptionParser(usage='%prog [options] file...', version='%prog 1.0',
                 description='A test program that does things with files. ' * 3,
                 epilog='Report bugs to nobody. This epilog is long enough that it has to be wrapped onto more lines.')
p.add_option('-f', '--file', dest='filename', help='write report to FILE', metavar='FILE')
p.add_option('-q', '--quiet', action='store_false', dest='verbose', default=True,
             help="don't print status messages to stdout")
p.add_option('-v', '--verbose', action='store_true', dest='verbose')
p.add_option('-n', '--num', type='int', default=3, help='number of things [default: %default]')
p.add_option('--ratio', type='float', help='a ratio (default %default)')
p.add_option('--cplx', type='complex')
p.add_option('--big', type='long')
p.add_option('-m', '--mode', choices=['fast', 'slow', 'medium'], help='mode to use')
p.add_option('-I', '--include', action='append', help='include dir; may be given multiple times and the help here is deliberately long to test wrapping')
p.add_option('-c', action='count', dest='level')
p.add_option('--const', action='store_const', const=42, dest='answer')
p.add_option('--aconst', action='append_const', const='x', dest='xs')
p.add_option('--point', nargs=2, type='int', metavar='X Y')
p.add_option('--secret', help=SUPPRESS_HELP)
p.add_option('--with-dashes-in-a-very-long-option-name', action='store_true', help='long option')
p.add_option('--nohelp')
g = OptionGroup(p, 'Dangerous Options', 'Caution: use these options at your own risk. It is believed that some of them bite.')
g.add_option('-g', action='store_true', help='Group option.')
g.add_option('--danger-level', type='int', default=0)
p.add_option_group(g)
g2 = p.add_option_group('Empty group')
g3 = p.add_option_group('Described only', description='nothing here')

run('empty', p, [])
run('basic', p, ['-f', 'out.txt', '-q', 'a', 'b'])
run('attached', p, ['-fout.txt', '-n5', '--num=7', 'x'])
run('long eq', p, ['--file=a=b', '--ratio', '1.5', '--cplx', '1+2j', '--big', '0x10'])
run('ints', p, ['-n', '0x1F'])
run('ints2', p, ['-n', '0b101'])
run('ints3', p, ['-n', '017'])
run('ints4', p, ['-n', '-12'])
run('ints5', p, ['-n', '0'])
run('bad int', p, ['-n', 'abc'])
run('bad int2', p, ['--num', '1.5'])
run('bad float', p, ['--ratio', 'x'])
run('bad complex', p, ['--cplx', 'x'])
run('choice', p, ['-m', 'slow'])
run('bad choice', p, ['--mode', 'warp'])
run('append', p, ['-I', 'a', '-Ib', '--include=c'])
run('count', p, ['-c', '-cc', '-ccc'])
run('const', p, ['--const', '--aconst', '--aconst'])
run('nargs', p, ['--point', '1', '2', 'rest'])
run('nargs short', p, ['--point', '1'])
run('nargs bad', p, ['--point', '1', 'y'])
run('missing arg', p, ['-f'])
run('missing arg long', p, ['--file'])
run('no value', p, ['--verbose=yes'])
run('unknown short', p, ['-z'])
run('unknown long', p, ['--zzz'])
run('abbrev', p, ['--fi', 'x', '--qu', '--rat=2'])
run('ambiguous', p, ['--c'])
run('abbrev with', p, ['--with', '--verb'])
run('double dash', p, ['-q', '--', '-v', '--file', 'x'])
run('single dash', p, ['-', '-v'])
run('interspersed', p, ['a', '-v', 'b', '-n', '2', 'c'])
run('combined', p, ['-vcn4', 'x'])
run('combined2', p, ['-cvf', 'file', 'x'])
run('combined bad', p, ['-cz'])
run('help', p, ['-h'])
run('help long', p, ['--he'])
run('version', p, ['--version'])
run('secret', p, ['--secret', 's'])

p.disable_interspersed_args()
run('no interspersed', p, ['a', '-v', 'b'])
run('no interspersed2', p, ['-v', 'a', '-q'])
p.enable_interspersed_args()

# defaults
p2 = OptionParser(prog='p2')
p2.add_option('-a', type='int', default='10')
p2.add_option('-b', type='float')
p2.add_option('-c', default='abc')
p2.add_option('-d', type='int', default='zz')
p2.set_defaults(b=2.5, extra='e')
p2.set_default('c', 'xyz')
run('defaults', p2, [])
t('get_default_values bad', lambda: p2.get_default_values())
p2.set_process_default_values(False)
run('no process defaults', p2, [])
p2.set_process_default_values(True)
p2.set_default('d', '5')
run('defaults2', p2, ['-a', '1'])
t('defaults dict', lambda: sorted(p2.defaults.items()))

# values
v = Values({'a': 1, 'b': [1, 2]})
print('Values str', str(v))
print('Values repr ok', repr(v).startswith('<Values at 0x') and repr(v).endswith(": {'a': 1, 'b': [1, 2]}>"))
print('ensure', v.ensure_value('a', 5), v.ensure_value('c', []), v.ensure_value('c', 7))
v.d = None
print('ensure none', v.ensure_value('d', 'x'))
print('eq', v == {'a': 1, 'b': [1, 2], 'c': [], 'd': 'x'}, v == Values({'a': 1}), v == 3, v != {'a': 1})
print('Values()', str(Values()), str(Values({})))
v2 = Values({'x': 1, 'y': None})
v2._update({'x': 5, 'y': None, 'z': 3}, 'careful')
print('careful', str(v2))
v2._update({'y': 9, 'z': 3}, 'loose')
print('loose', str(v2))
t('bad mode', lambda: v2._update({}, 'weird'))
t('values with', lambda: str(p.parse_args(['-v'], values=Values({'level': 10}))[0]))

# callbacks
def cb(option, opt_str, value, parser, *args, **kw):
    print('  callback:', str(option), opt_str, value, args, sorted(kw.items()),
          parser.largs, parser.rargs)
    setattr(parser.values, option.dest or 'cbval', value)
def cb_err(option, opt_str, value, parser):
    raise OptionValueError('bad thing with %s' % opt_str)
def cb_varargs(option, opt_str, value, parser):
    value = []
    while parser.rargs and not parser.rargs[0].startswith('-'):
        value.append(parser.rargs.pop(0))
    setattr(parser.values, option.dest, value)
p3 = OptionParser(prog='p3')
p3.add_option('--cb', action='callback', callback=cb, callback_args=(1, 2), callback_kwargs={'k': 'v'})
p3.add_option('--cbv', action='callback', callback=cb, type='int', dest='cbv')
p3.add_option('--cb2', action='callback', callback=cb, type='string', nargs=2, dest='pair')
p3.add_option('--err', action='callback', callback=cb_err)
p3.add_option('--list', action='callback', callback=cb_varargs, dest='lst')
run('callback', p3, ['a', '--cb', 'b', '--cbv', '7', '--cb2', 'x', 'y', 'z'])
run('callback err', p3, ['--err'])
run('callback varargs', p3, ['--list', 'a', 'b', '-', 'c', '--cb'])
run('callback bad type', p3, ['--cbv', 'q'])

# option construction errors
for args, kw in [((), {}), (('',), {}), (('x',), {}), (('-',), {}), (('--',), {}), (('-x', 'foo'), {}),
                 (('-xy',), {}), (('---x',), {}), (('--x',), {}), (('-x',), {'action': 'bogus'}),
                 (('-x',), {'type': 'bogus'}), (('-x',), {'type': int}), (('-x',), {'type': str}),
                 (('-x',), {'type': float, 'action': 'store_true'}), (('-x',), {'type': 'choice'}),
                 (('-x',), {'choices': 'abc'}), (('-x',), {'choices': ('a',), 'type': 'int'}),
                 (('-x',), {'const': 1}), (('-x',), {'nargs': 2, 'action': 'count'}),
                 (('-x',), {'action': 'callback'}), (('-x',), {'action': 'callback', 'callback': cb, 'callback_args': [1]}),
                 (('-x',), {'action': 'callback', 'callback': cb, 'callback_kwargs': [1]}),
                 (('-x',), {'callback': cb}), (('-x',), {'callback_args': (1,)}), (('-x',), {'callback_kwargs': {}}),
                 (('-x', '--ex'), {'foo': 1, 'bar': 2}), (('-x', '--long-name'), {}), (('-x',), {'action': 'store_true'}),
                 (('--long-name',), {'action': 'help'}), (('-x',), {'type': 'choice', 'choices': {'a': 1}}),
                 (('-x',), {'choices': ['a']}), (('-x',), {'action': 'append_const', 'const': 1}),
                 (('-x',), {'action': 'count'}), (('-x',), {'type': 'complex', 'action': 'callback', 'callback': cb})]:
    def mk():
        o = Option(*args, **kw)
        return (str(o), o.action, o.type, o.dest, o.nargs, o.default is optparse.NO_DEFAULT if hasattr(optparse, 'NO_DEFAULT') else None, o.takes_value(), o.get_opt_string())
    t('Option%r %r' % (args, sorted(kw.items(), key=str)), mk)
print('make_option is Option', make_option is Option)
print('option repr', repr(Option('-x')).startswith('<Option at 0x'), repr(Option('-x')).endswith(': -x>'))

# conflicts
p4 = OptionParser(prog='p4')
p4.add_option('-a', '--alpha')
t('conflict', lambda: p4.add_option('-a', '--beta'))
t('conflict2', lambda: p4.add_option('-b', '--alpha'))
t('conflict help', lambda: p4.add_option('-h'))
p5 = OptionParser(prog='p5', conflict_handler='resolve')
p5.add_option('-a', '--alpha', help='first')
p5.add_option('-a', '--apple', help='second')
p5.add_option('--alpha', help='third')
p5.add_option('-h', '--hat', action='store_true', help='hat')
print(p5.format_help())
t('bad conflict handler', lambda: OptionParser(conflict_handler='x'))
t('has_option', lambda: (p5.has_option('-a'), p5.has_option('--alpha'), p5.has_option('--zzz')))
t('get_option', lambda: str(p5.get_option('--apple')))
t('get_option none', lambda: p5.get_option('--nope'))
p5.remove_option('--apple')
t('removed', lambda: (p5.has_option('-a'), p5.has_option('--apple')))
t('remove missing', lambda: p5.remove_option('--apple'))
t('add_option bad', lambda: p5.add_option(5))
t('add_option bad2', lambda: p5.add_option(Option('-q'), help='x'))
t('add_option_group bad', lambda: p5.add_option_group(5))
t('add_option_group wrong parser', lambda: p5.add_option_group(OptionGroup(p4, 'x')))
t('add_option_group bad2', lambda: p5.add_option_group(OptionGroup(p5, 'x'), 3))
t('add_option obj', lambda: str(p5.add_option(make_option('-z', action='count'))))
t('get_option_group', lambda: (p.get_option_group('-g').title, p.get_option_group('-f'), p.get_option_group('--nope')))
t('add_options', lambda: p5.add_options([Option('--o1'), Option('--o2', type='int')]))
run('p5', p5, ['--o1', 'x', '--o2', '3', '-zz', '--alpha', 'A'])

# help formatting
print(p.format_help())
print('----usage')
print(repr(p.get_usage()))
print(repr(p.get_version()))
print(repr(p.get_prog_name()))
print(repr(p.expand_prog_name('%prog is %prog')))
print(p.format_option_help())
print('----titled')
print(p.format_help(TitledHelpFormatter()))
p.formatter = TitledHelpFormatter()
p.formatter.set_parser(p)
print(p.format_help())
print('----narrow')
p.formatter = IndentedHelpFormatter(width=40, max_help_position=30)
p.formatter.set_parser(p)
print(p.format_help())
print('----wide')
p.formatter = IndentedHelpFormatter(indent_increment=4, max_help_position=40, width=120, short_first=0)
p.formatter.set_parser(p)
print(p.format_help())
f = IndentedHelpFormatter()
t('short delim', lambda: f.set_short_opt_delimiter('x'))
t('long delim', lambda: f.set_long_opt_delimiter('x'))
f.set_short_opt_delimiter('')
f.set_long_opt_delimiter(' ')
p.formatter = f
f.set_parser(p)
print(p.format_help())
f.default_tag = None
print(p.format_help())
t('dedent', lambda: f.dedent())
t('formatter attrs', lambda: (f.width, f.max_help_position, f.help_position, f.indent_increment, f.current_indent, f.level))
os.environ['COLUMNS'] = '50'
t('formatter cols', lambda: (IndentedHelpFormatter().width, TitledHelpFormatter().width))
os.environ['COLUMNS'] = 'abc'
t('formatter cols bad', lambda: IndentedHelpFormatter().width)
del os.environ['COLUMNS']
t('formatter cols none', lambda: IndentedHelpFormatter().width)
os.environ['COLUMNS'] = '80'

# misc parser configs
p6 = OptionParser(usage=SUPPRESS_USAGE, add_help_option=False, prog='p6')
print(repr(p6.format_help()))
run('p6 help', p6, ['-h'])
p6.add_option('-x', action='store_true')
print(repr(p6.format_help()))
p7 = OptionParser(usage='Usage: %prog [opts] arg', prog='seven', version='7.0')
print(repr(p7.format_help()))
run('p7 version', p7, ['--version'])
run('p7 error', p7, ['--bogus'])
p7.set_usage('USAGE: %prog stuff')
print(repr(p7.get_usage()))
p7.set_usage(None)
print(repr(p7.get_usage()))
p8 = OptionParser(prog='p8', description='%prog does things', epilog='%prog epilog')
print(repr(p8.format_help()))
g8 = p8.add_option_group('Grp', '%prog grp desc')
g8.add_option('--gg', help='%default x', default=[1])
print(repr(p8.format_help()))
g8.set_title('New title')
g8.set_description('new desc')
print(p8.format_help())
t('group description', lambda: (g8.get_description(), p8.get_description()))
t('error direct', lambda: p8.error('custom failure'))
t('exit direct', lambda: p8.exit(3, 'bye\n'))
t('exit 0', lambda: p8.exit())
class MyParser(OptionParser):
    def check_values(self, values, args):
        if not args:
            self.error('need at least one arg')
        return values, args
mp = MyParser(prog='mine')
run('check_values', mp, [])
run('check_values ok', mp, ['a'])
# standard_option_list, option_list
class P9(OptionParser):
    standard_option_list = [make_option('--std', action='store_true', help='standard')]
p9 = P9(prog='p9', option_list=[make_option('-l', '--listed', help='listed')])
print(p9.format_help())
run('p9', p9, ['--std', '-l', 'x'])

# custom type
from copy import copy
def check_upper(option, opt, value):
    if not value.isupper():
        raise OptionValueError('option %s: %r is not upper' % (opt, value))
    return value.lower()
class MyOption(Option):
    TYPES = Option.TYPES + ('upper',)
    TYPE_CHECKER = copy(Option.TYPE_CHECKER)
    TYPE_CHECKER['upper'] = check_upper
p10 = OptionParser(option_class=MyOption, prog='p10')
p10.add_option('-u', type='upper')
run('custom type', p10, ['-u', 'ABC'])
run('custom type bad', p10, ['-u', 'abc'])
t('custom type on plain', lambda: Option('-u', type='upper'))

# exceptions
t('OptParseError', lambda: (str(OptParseError('m')), OptParseError('m').msg))
t('OptionError', lambda: str(OptionError('m', Option('-x', '--xx'))))
t('BadOptionError', lambda: (str(BadOptionError('--q')), BadOptionError('--q').opt_str))
t('Ambiguous', lambda: str(optparse.AmbiguousOptionError('--a', ['--ab', '--ac'])))
t('OptionValueError', lambda: str(OptionValueError('vv')))
t('issubclass', lambda: [issubclass(c, OptParseError) for c in (OptionError, OptionConflictError, OptionValueError, BadOptionError, optparse.AmbiguousOptionError)])
t('check_choice', lambda: optparse.check_choice(Option('-x', choices=['a', 'b']), '-x', 'c'))
t('check_builtin', lambda: optparse.check_builtin(Option('-x', type='int'), '-x', '0x'))
t('SUPPRESS', lambda: (SUPPRESS_HELP, SUPPRESS_USAGE))
t('parse sys.argv', lambda: (sys.argv.__setitem__(slice(1, None), ['-v', 'pos']), vals(p.parse_args()[0])[-1], p.parse_args()[1]))
t('parse tuple', lambda: p.parse_args(('-v', 'x'))[1])
t('largs rargs', lambda: (p.largs, p.rargs, str(p.values)[:20]))
p.destroy()
t('destroyed', lambda: p.option_list)
print('done')
# extra edge cases
q = OptionParser(prog='q', formatter=IndentedHelpFormatter(width=15))
q.add_option('-a', '--alpha-option', help='some help text that wraps a lot')
bb = q.add_option('-b', help='   ')
t('whitespace help', lambda: q.format_help())
q.remove_option('-b')
g = q.add_option_group('G', 'description of group that wraps')
g.add_option('-c', help='x' * 30)
print(q.format_help())
q2 = OptionParser(prog='q2', formatter=TitledHelpFormatter(width=60), description='desc', epilog='epi')
q2.add_option('-a', '--alpha', type='int', help='alpha %default', default=5)
g = q2.add_option_group('Group', 'gd')
g.add_option('-b', action='store_true', help='bee')
print(q2.format_help())
print(q2.get_usage())
import tempfile, os
_cfg_dir = tempfile.mkdtemp()
_cfg = os.path.join(_cfg_dir, '_vals_cfg.py')
with open(_cfg, 'w') as fh:
    fh.write('alpha = 7\nbeta = None\ngamma = "g"\n')
v = Values({'alpha': 1, 'beta': 2})
v.read_file(_cfg)
print('read_file careful', str(v))
v.read_file(_cfg, 'loose')
print('read_file loose', sorted(k for k in v.__dict__ if not k.startswith('__')), v.gamma)
buf = io.StringIO()
q2.print_help(buf)
print('print_help file len', len(buf.getvalue()))
buf = io.StringIO()
q2.print_usage(buf)
print('print_usage', repr(buf.getvalue()))
p11 = OptionParser(prog='p11', version='v%prog')
buf = io.StringIO()
p11.print_version(buf)
print('print_version', repr(buf.getvalue()))
p12 = OptionParser(prog='p12')
p12.add_option('--aa'); p12.add_option('--ab'); p12.add_option('--b', action='store_true')
run('ambig2', p12, ['--a', 'x'])
run('exact prefix', p12, ['--b'])
run('eq empty', p12, ['--aa='])
run('dash value', p12, ['--aa', '-x'])
run('dashdash value', p12, ['--aa', '--', 'z'])
run('only dashdash', p12, ['--'])
run('empty string arg', p12, ['', '--b'])
run('ambig eq', p12, ['--a=1'])
print('done2')
