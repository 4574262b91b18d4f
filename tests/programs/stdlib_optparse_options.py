# optparse: Option construction and its error messages, conflict handlers,
# option containers (add/get/has/remove), groups, Values, and Option
# subclasses that add types and actions (the documented extension API).
import copy
import io
import os
import re
import sys

os.environ['COLUMNS'] = '80'
sys.argv[0] = 'opts'
import optparse
from optparse import (Option, OptionParser, OptionGroup, Values, make_option,
                      OptionError, OptionConflictError, OptionValueError,
                      BadOptionError, OptParseError, check_choice)


def mask(text):
    return re.sub(r'0x[0-9a-fA-F]+', '0xADDR', text)


def attempt(label, func):
    try:
        result = func()
    except (Exception, SystemExit) as exc:
        print(label, '!', type(exc).__name__, mask(str(exc)))
    else:
        print(label, '->', mask(repr(result)))


# construction errors
attempt('no strings', lambda: Option())
attempt('empty strings', lambda: Option('', None))
attempt('too short', lambda: Option('-'))
attempt('bad short', lambda: Option('--'))
attempt('bad short 2', lambda: Option('ab'))
attempt('bad long', lambda: Option('-ab'))
attempt('bad long 2', lambda: Option('---x'))
attempt('bad kw', lambda: Option('-a', bogus=1, zed=2))
attempt('bad action', lambda: Option('-a', action='frob'))
attempt('bad type', lambda: Option('-a', type='frob'))
attempt('type for store_true', lambda: Option('-a', action='store_true', type='int'))
attempt('type class', lambda: Option('-a', type=int).type)
attempt('type str', lambda: Option('-a', type=str).type)
attempt('type float class', lambda: Option('-a', type=float).type)
attempt('bad type class', lambda: Option('-a', type=list))
attempt('choice no choices', lambda: Option('-a', type='choice'))
attempt('choices not list', lambda: Option('-a', type='choice', choices='ab'))
attempt('choices set', lambda: Option('-a', choices={'a'}))
attempt('choices for int', lambda: Option('-a', type='int', choices=['1']))
attempt('const for store', lambda: Option('-a', const=1))
attempt('nargs for count', lambda: Option('-a', action='count', nargs=2))
attempt('callback not callable', lambda: Option('-a', action='callback', callback=3))
attempt('callback_args not tuple', lambda: Option('-a', action='callback', callback=print, callback_args=[1]))
attempt('callback_kwargs not dict', lambda: Option('-a', action='callback', callback=print, callback_kwargs=[1]))
attempt('callback on store', lambda: Option('-a', callback=len))
attempt('callback_args on store', lambda: Option('-a', callback_args=(1,)))
attempt('callback_kwargs on store', lambda: Option('-a', callback_kwargs={}))
attempt('error attrs', lambda: (lambda e: (e.msg, e.option_id))(OptionError('m', Option('-a', '--bb'))))
attempt('OptionError empty id', lambda: str(OptionError('msg', '')))

# attributes and dest inference
for args, kw in [(('-a',), {}), (('--long-name',), {}), (('-b', '--bee'), {}),
                 (('--cee', '-c'), {'action': 'store_true'}),
                 (('-d',), {'action': 'callback', 'callback': len}),
                 (('-e',), {'action': 'callback', 'callback': len, 'type': 'int'}),
                 (('-f',), {'action': 'help'}), (('-g',), {'action': 'version'}),
                 (('-h',), {'action': 'append', 'choices': ['x']}),
                 (('-i',), {'dest': 'explicit', 'metavar': 'M', 'default': 0})]:
    o = Option(*args, **kw)
    print('attrs', args, o.action, o.type, o.dest, o.nargs, o.metavar,
          o.default, o._short_opts, o._long_opts, o.takes_value(),
          o.get_opt_string(), str(o))
print(mask(repr(Option('-x', '--ex'))))
print(make_option is Option)
o = Option('-n', type='int', nargs=3)
print('convert', o.convert_value('-n', ('1', '0x10', '010')), o.convert_value('-n', None))
attempt('check_value', lambda: Option('-n', type='int').check_value('-n', '1_0'))
attempt('check_value bad', lambda: Option('-n', type='float').check_value('-n', 'nan?'))
attempt('check_choice', lambda: check_choice(Option('-c', choices=['a', 'b']), '-c', 'c'))
attempt('check_choice ok', lambda: check_choice(Option('-c', choices=['a', 'b']), '-c', 'b'))
attempt('parse_num', lambda: [optparse._parse_num(s, int) for s in ('0', '00', '0x0', '0b', '0B11', '0XfF', '-5', ' 7 ')])
attempt('parse_num neg hex', lambda: optparse._parse_num('-0x5', int))
attempt('take_action unknown', lambda: Option('-a').take_action('weird', 'a', '-a', 1, Values(), None))

# exception classes
for exc in (OptParseError('plain'), OptionValueError('bad value'),
            BadOptionError('--zz'), optparse.AmbiguousOptionError('--a', ['--ab', '--ac']),
            OptionConflictError('clash', Option('-q'))):
    print(type(exc).__name__, str(exc), mask(repr(exc.args)), isinstance(exc, OptParseError))
print(issubclass(optparse.AmbiguousOptionError, BadOptionError),
      issubclass(OptionConflictError, OptionError))
attempt('match_abbrev', lambda: optparse._match_abbrev('--fo', {'--foo': 1, '--bar': 2}))
attempt('match_abbrev exact', lambda: optparse._match_abbrev('--fo', {'--fo': 1, '--foo': 2}))
attempt('match_abbrev amb', lambda: optparse._match_abbrev('--f', {'--fz': 1, '--fa': 2}))
attempt('match_abbrev none', lambda: optparse._match_abbrev('--q', {'--fz': 1}))

# conflicts
p = OptionParser(prog='c')
p.add_option('-a', '--alpha')
attempt('conflict', lambda: p.add_option('-a', '--beta'))
attempt('conflict both', lambda: p.add_option('-a', '--alpha', '-h'))
attempt('bad handler', lambda: p.set_conflict_handler('ignore'))
attempt('bad handler ctor', lambda: OptionParser(conflict_handler='x'))
r = OptionParser(conflict_handler='resolve', prog='r')
first = r.add_option('-a', '--alpha', help='first')
second = r.add_option('-a', help='second')
print('resolved', first._short_opts, first._long_opts, second._short_opts,
      [str(o) for o in r.option_list])
third = r.add_option('--alpha', help='third')
print('removed fully', [str(o) for o in r.option_list], first.container is r)
g = OptionGroup(r, 'G')
g.add_option('-b', help='in group')
r.add_option_group(g)
r.add_option('-b', help='top level')
print('group after resolve', [str(o) for o in g.option_list],
      [str(o) for o in r.option_list])

# container operations
p = OptionParser(prog='ops', add_help_option=False)
o1 = p.add_option('-x', '--ex', dest='ex')
p.add_options([make_option('-y'), Option('--zed', type='int')])
print('has', p.has_option('-x'), p.has_option('--ex'), p.has_option('--nope'))
print('get', str(p.get_option('--zed')), p.get_option('-q'))
attempt('add non-option', lambda: p.add_option(42))
attempt('add option plus kw', lambda: p.add_option(Option('-w'), help='x'))
attempt('add two options', lambda: p.add_option(Option('-w'), Option('-v')))
p.remove_option('--ex')
print('after remove', p.has_option('-x'), [str(o) for o in p.option_list],
      sorted(p.defaults))
attempt('remove missing', lambda: p.remove_option('-x'))
g = p.add_option_group('Group', 'describes')
g.add_option('-g', '--gee', default='G')
print('group', g.title, g.description, g.parser is p, [str(o) for o in g.option_list])
print('shared maps', g._short_opt is p._short_opt, g.defaults is p.defaults)
print('get_option_group', p.get_option_group('--gee') is g, p.get_option_group('-y'),
      p.get_option_group('--zzz'))
g.set_title('Renamed')
g.set_description('new desc')
print(g.title, g.get_description())
attempt('parser description None', lambda: p.get_description())
attempt('add group wrong parser', lambda: p.add_option_group(OptionGroup(OptionParser(), 'X')))
attempt('add group non-group', lambda: p.add_option_group(3))
attempt('add group extra', lambda: p.add_option_group(g, 'x'))
print('add same group', p.add_option_group(g) is g, len(p.option_groups))
attempt('group conflict', lambda: g.add_option('-y'))
g.remove_option('-g')
print('group remove', p.has_option('--gee'), g.option_list)
print('all options', [str(o) for o in p._get_all_options()])
attempt('destroy twice-added group', p.destroy)
print('destroyed', hasattr(p, 'option_list'), hasattr(p, 'formatter'), hasattr(g, 'option_list'))

# option_list / standard_option_list constructor arguments
class Std(OptionParser):
    standard_option_list = [make_option('--std', action='store_true')]


s = Std(option_list=[make_option('--extra', default='e')], version='1',
        prog='std')
print('std order', [str(o) for o in s.option_list])
vals, rest = s.parse_args(['--std', 'x'])
print(vals, rest)

# Values
v = Values({'a': 1, 'b': None})
print('values', v, v == {'a': 1, 'b': None}, v == Values({'a': 1, 'b': None}),
      v != {'a': 2}, v == 5, mask(repr(v)))
print('ensure', v.ensure_value('b', []), v.ensure_value('a', 9), v.ensure_value('new', 'N'))
v._update({'a': 10, 'zz': 3, 'b': None}, 'careful')
print('careful', sorted(vars(v).items()))
v._update({'zz': 3, 'b': None}, 'loose')
print('loose', sorted(vars(v).items()))
attempt('bad mode', lambda: v._update({}, 'sloppy'))
tmpname = 'opts_values_tmp.py'
with open(tmpname, 'w') as fh:
    fh.write('a = 77\nnewname = 5\nb = "bee"\n')
try:
    v.read_file(tmpname)
    print('read_file careful', sorted(vars(v).items()))
    v.read_file(tmpname, mode='loose')
    print('read_file loose', sorted((k, val) for k, val in vars(v).items() if k != '__builtins__'))
finally:
    os.remove(tmpname)
w = Values()
w.read_module('string')
print('read_module careful', sorted(vars(w)))
w.read_module('keyword', 'loose')
print('read_module loose', 'iskeyword' in vars(w), callable(w.iskeyword))
print(Values(None).__dict__, Values({}).__dict__)
print('unhashable', Values.__hash__)


# subclass adding a type and an action (documented extension pattern)
def check_mylist(option, opt, value):
    try:
        return [int(x) for x in value.split(',')]
    except ValueError:
        raise OptionValueError('option %s: bad list: %r' % (opt, value))


class MyOption(Option):
    TYPES = Option.TYPES + ('mylist',)
    TYPE_CHECKER = copy.copy(Option.TYPE_CHECKER)
    TYPE_CHECKER['mylist'] = check_mylist
    ACTIONS = Option.ACTIONS + ('extend',)
    STORE_ACTIONS = Option.STORE_ACTIONS + ('extend',)
    TYPED_ACTIONS = Option.TYPED_ACTIONS + ('extend',)
    ALWAYS_TYPED_ACTIONS = Option.ALWAYS_TYPED_ACTIONS + ('extend',)

    def take_action(self, action, dest, opt, value, values, parser):
        if action == 'extend':
            values.ensure_value(dest, []).extend(value.split(','))
        else:
            Option.take_action(self, action, dest, opt, value, values, parser)


m = OptionParser(option_class=MyOption, prog='my')
m.add_option('--nums', type='mylist')
m.add_option('--names', action='extend')
buf = io.StringIO()
saved = sys.stderr
sys.stderr = buf
try:
    print(mask(repr(m.parse_args(['--nums', '1,2,3', '--names', 'a,b', '--names', 'c']))))
    try:
        m.parse_args(['--nums', '1,x'])
    except SystemExit as exc:
        print('exit', exc.code)
finally:
    sys.stderr = saved
print(repr(buf.getvalue()))


class CheckedOption(Option):
    def _check_positive(self):
        if self.default is not optparse.NO_DEFAULT and self.default < 0:
            raise OptionError('default must be >= 0', self)
    CHECK_METHODS = Option.CHECK_METHODS + [_check_positive]


attempt('custom check ok', lambda: CheckedOption('-n', type='int', default=1).default)
attempt('custom check bad', lambda: CheckedOption('-n', type='int', default=-1))
print('NO_DEFAULT', optparse.NO_DEFAULT, optparse.SUPPRESS_HELP, optparse.SUPPRESS_USAGE)
print(sorted(optparse.__all__))
print([m for m in Option.CHECK_METHODS if callable(m)] and
      [m.__name__ for m in Option.CHECK_METHODS])
print(Option.ATTRS, Option.TYPED_ACTIONS, sorted(Option.TYPE_CHECKER))
