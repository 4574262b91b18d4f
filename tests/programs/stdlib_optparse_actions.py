# optparse: every action, types, defaults, dest inference, nargs, callbacks,
# abbreviations, interspersed args and command-line errors (exit status 2,
# usage + message on stderr).
import io
import os
import re
import sys

os.environ['COLUMNS'] = '80'
sys.argv[0] = 'tool'
import optparse
from optparse import OptionParser, OptionValueError, Values


def mask(text):
    return re.sub(r'0x[0-9a-fA-F]+', '0xADDR', text)


def show_values(values):
    return sorted(vars(values).items())


def run(label, parser, args, values=None):
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    result = status = None
    try:
        result = parser.parse_args(args, values)
    except SystemExit as exc:
        status = exc.code
    except Exception as exc:
        status = 'EXC %s: %s' % (type(exc).__name__, mask(str(exc)))
    finally:
        sys.stdout, sys.stderr = saved
    print('--', label, args)
    if result is not None:
        print('   values', show_values(result[0]))
        print('   rest  ', result[1])
    if status is not None:
        print('   exit  ', status)
    if out.getvalue():
        print('   stdout', repr(out.getvalue()))
    if err.getvalue():
        print('   stderr', repr(err.getvalue()))


p = OptionParser()
p.add_option('-f', '--file', dest='filename', help='write to FILE')
p.add_option('-q', '--quiet', action='store_false', dest='verbose', default=True)
p.add_option('-v', action='store_true', dest='verbose')
p.add_option('-n', '--num', type='int', default=3)
p.add_option('--ratio', type='float')
p.add_option('--cplx', type='complex')
p.add_option('--big', type='long')
p.add_option('-c', '--count', action='count')
p.add_option('-a', '--add', action='append')
p.add_option('--const', action='store_const', const=42)
p.add_option('--tag', action='append_const', const='T', dest='tags')
p.add_option('--tag2', action='append_const', const='U', dest='tags')
p.add_option('--pair', nargs=2, type='int')
p.add_option('--mode', choices=['fast', 'slow'])
p.add_option('--kind', type='choice', choices=('a', 'b'))
p.add_option('--x-y-z')
p.add_option('-Z')
print('defaults', sorted(p.defaults.items()))
for opt in p.option_list:
    print('opt', str(opt), opt.action, opt.type, opt.dest, opt.nargs,
          opt.default, opt.const, opt.choices, opt.metavar)

run('empty', p, [])
run('basic', p, ['-f', 'out.txt', 'pos1', '-q', 'pos2'])
run('attached short', p, ['-fout.txt', '-n7'])
run('long equals', p, ['--file=a=b', '--num=0x1f'])
run('numbers', p, ['-n', '017', '--big', '0b101', '--ratio', '2.5',
                   '--cplx', '1+2j'])
run('octal-ish', p, ['-n', '0o17'])
run('bad int', p, ['-n', 'abc'])
run('bad int 08', p, ['-n', '08'])
run('bad float', p, ['--ratio', 'x'])
run('bad complex', p, ['--cplx', '1+'])
run('count', p, ['-ccc', '--count'])
run('cluster', p, ['-vcfname', 'x'])
run('cluster value end', p, ['-vcf', 'name'])
run('append', p, ['-a', '1', '--add', '2', '-a3'])
run('const', p, ['--const', '--tag', '--tag2', '--tag'])
run('pair', p, ['--pair', '1', '2', 'rest'])
run('pair short', p, ['--pair', '1'])
run('pair bad', p, ['--pair', '1', 'x'])
run('choice', p, ['--mode', 'fast', '--kind', 'b'])
run('bad choice', p, ['--mode', 'medium'])
run('bad choice2', p, ['--kind', 'z'])
run('dest dashes', p, ['--x-y-z', 'v', '-Z', 'w'])
run('abbrev', p, ['--fi', 'f', '--rat', '1', '--ki', 'a'])
run('ambiguous', p, ['--c', '1'])
run('unknown long', p, ['--nope'])
run('unknown short', p, ['-k'])
run('unknown in cluster', p, ['-vk'])
run('missing value', p, ['-f'])
run('missing long value', p, ['--file'])
run('no value allowed', p, ['--quiet=1'])
run('no value allowed abbrev', p, ['--qu=1'])
run('double dash', p, ['-v', '--', '-q', '--file'])
run('single dash', p, ['-', '-v'])
run('empty string arg', p, ['', '-v'])
run('value looks like opt', p, ['-f', '-q'])
run('long value looks like opt', p, ['--file', '--quiet'])
run('explicit empty', p, ['--file=', '-n', '5'])
run('help', p, ['-h'])
run('help long', p, ['--help', '-v'])

p.disable_interspersed_args()
run('no interspersed', p, ['-v', 'pos', '-q'])
p.enable_interspersed_args()
run('interspersed again', p, ['-v', 'pos', '-q'])

# defaults: set_default(s), string defaults pass through the type checker
d = OptionParser()
d.add_option('-n', type='int', default='12')
d.add_option('-x', type='float')
d.add_option('--s', default='text')
d.set_defaults(x='1.5', extra='E')
d.set_default('s', 'other')
run('string defaults checked', d, [])
d.set_process_default_values(False)
run('defaults unprocessed', d, [])
d.set_process_default_values(True)
d.set_default('n', 'zz')
run('bad default', d, [])
v = Values({'n': 100, 'mine': 1})
run('explicit values', d, ['-n', '5'], v)
print('same object', v.mine, v.n)

# callbacks
log = []


def cb(option, opt_str, value, parser, *args, **kwargs):
    log.append((str(option), opt_str, value, args, sorted(kwargs.items()),
                list(parser.rargs), list(parser.largs)))
    setattr(parser.values, option.dest or 'cbdest', value)


def eat_rest(option, opt_str, value, parser):
    parser.values.rest = list(parser.rargs)
    del parser.rargs[:]


def complain(option, opt_str, value, parser):
    raise OptionValueError('%s is not welcome' % opt_str)


c = OptionParser(prog='cbprog')
c.add_option('--cb', action='callback', callback=cb)
c.add_option('--cbv', action='callback', callback=cb, type='int', dest='cbv',
             callback_args=(1, 2), callback_kwargs={'k': 'v'})
c.add_option('--cb2', action='callback', callback=cb, nargs=2, type='string',
             dest='two')
c.add_option('--eat', action='callback', callback=eat_rest)
c.add_option('--bad', action='callback', callback=complain)
run('callbacks', c, ['a', '--cb', 'b', '--cbv', '7', '--cb2', 'x', 'y', 'z'])
for entry in log:
    print('  cb', entry)
run('callback eats', c, ['--eat', '-x', '--y', 'z'])
run('callback error', c, ['--bad'])
run('callback bad int', c, ['--cbv', 'q'])

# version
ver = OptionParser(version='%prog 1.2.3', prog='vprog')
run('version', ver, ['--version'])
print('get_version', ver.get_version())
ver.print_version(sys.stdout)
nov = OptionParser()
print('no version', repr(nov.get_version()), nov.has_option('--version'))

# error() and exit() directly
e = OptionParser(usage='%prog [opts] FILE', prog='eprog')
run('error direct', type('P', (), {'parse_args': lambda self, a, v: e.error('boom')})(), [])
run('exit direct', type('P', (), {'parse_args': lambda self, a, v: e.exit(3, 'bye\n')})(), [])
run('exit quiet', type('P', (), {'parse_args': lambda self, a, v: e.exit()})(), [])
nousage = OptionParser(usage=optparse.SUPPRESS_USAGE, prog='nu')
run('error no usage', nousage, ['--zzz'])


# subclass overriding error / check_values
class Lenient(OptionParser):
    def error(self, msg):
        raise ValueError('lenient: ' + msg)

    def check_values(self, values, args):
        return values, [a.upper() for a in args]


run('subclass error', Lenient(), ['--what'])
run('subclass check_values', Lenient(), ['a', 'b'])

# sys.argv defaults
sys.argv[1:] = ['-v', 'from-argv']
vv, rest = p.parse_args()
print('argv parse', vv.verbose, rest)
del sys.argv[1:]
print('prog name', p.get_prog_name(), p.expand_prog_name('%prog-x %prog'))
print('parser state', p.largs, p.rargs, show_values(p.values)[:3])
