# configparser: value interpolation - BasicInterpolation (the ConfigParser
# default), ExtendedInterpolation, interpolation=None, RawConfigParser,
# LegacyInterpolation (deprecated in 3.11), custom Interpolation subclasses,
# vars=, and every interpolation error with its exact message.
import warnings
import configparser
from configparser import (ConfigParser, RawConfigParser, BasicInterpolation,
                          ExtendedInterpolation, Interpolation)


def attempt(label, func):
    try:
        result = func()
    except Exception as exc:
        print(label, '!', type(exc).__name__, repr(str(exc)))
        print('      args', exc.args)
        for attr in ('option', 'section', 'reference'):
            if hasattr(exc, attr):
                print('      %s=%r' % (attr, getattr(exc, attr)))
    else:
        print(label, '->', repr(result))


BASIC = """
[DEFAULT]
home = /home/%(user)s
user = nobody
[paths]
user = alice
base = %(home)s/base
pct = 100%%
chain1 = %(chain2)s!
chain2 = %(chain3)s?
chain3 = end
Mixed = %(USER)s
missing = %(nowhere)s
bad = %(user)
lone = 50%
loop = %(loop)s
deep1 = %(deep2)s
deep2 = %(deep3)s
deep3 = %(deep4)s
deep4 = %(deep5)s
deep5 = %(deep6)s
deep6 = %(deep7)s
deep7 = %(deep8)s
deep8 = %(deep9)s
deep9 = %(deep10)s
deep10 = %(deep11)s
deep11 = x
multi = line1
  %(user)s line2
"""

p = ConfigParser()
p.read_string(BASIC)
for key in ('home', 'user', 'base', 'pct', 'chain1', 'mixed', 'missing',
            'bad', 'lone', 'loop', 'deep1', 'deep2', 'multi'):
    attempt('basic get ' + key, lambda: p.get('paths', key))
    attempt('basic raw ' + key, lambda: p.get('paths', key, raw=True))
attempt('vars', lambda: p.get('paths', 'base', vars={'HOME': '/override', 'x': 1}))
attempt('vars none', lambda: p.get('paths', 'base', vars={'home': None}))
attempt('vars new key', lambda: p.get('paths', 'NewKey', vars={'newkey': '%(user)s!'}))
attempt('default section get', lambda: p.get('DEFAULT', 'home'))
attempt('items raw', lambda: p.items('paths', raw=True)[:4])
attempt('items vars', lambda: [kv for kv in p.items('paths', vars={'user': 'v'}) if kv[0] in ('home', 'base', 'user')])
attempt('items bad', lambda: p.items('paths'))
attempt('proxy get', lambda: p['paths']['base'])
attempt('proxy missing', lambda: p['paths']['missing'])
attempt('set bad syntax', lambda: p.set('paths', 'x', '100%'))
attempt('set bad syntax 2', lambda: p.set('paths', 'x', '%(a)s %(b) %%'))
attempt('set good', lambda: p.set('paths', 'x', '%(a)s %% done'))
attempt('set empty', lambda: p.set('paths', 'y', ''))
attempt('proxy set bad', lambda: p['paths'].__setitem__('z', '5%'))
print(p._sections['paths'].get('x'), repr(p._sections['paths'].get('y')))
attempt('optionxform in reference', lambda: p.get('paths', 'Mixed'))

EXT = """
[DEFAULT]
root = /srv
[common]
name = app
path = ${root}/${name}
dollar = $$5
[other]
ref = ${common:path}/bin
self = ${name}
colon2 = ${a:b:c}
missing_sect = ${nosect:key}
missing_opt = ${common:nokey}
bad = ${oops
lone = cost $
loop = ${loop}
cross = ${common:loopy}
up = ${Common:Name}
[common2]
loopy = ${loopy}
"""
e = ConfigParser(interpolation=ExtendedInterpolation())
e.read_string(EXT)
for sect, key in (('common', 'path'), ('common', 'dollar'), ('other', 'ref'),
                  ('other', 'self'), ('other', 'colon2'), ('other', 'missing_sect'),
                  ('other', 'missing_opt'), ('other', 'bad'), ('other', 'lone'),
                  ('other', 'loop'), ('other', 'cross'), ('other', 'up'),
                  ('other', 'root')):
    attempt('ext %s.%s' % (sect, key), lambda: e.get(sect, key))
attempt('ext set bad', lambda: e.set('common', 'v', '$x'))
attempt('ext set bad 2', lambda: e.set('common', 'v', '${ok} $$ ${'))
attempt('ext set ok', lambda: e.set('common', 'v', '${ok} $$'))
attempt('ext vars', lambda: e.get('common', 'path', vars={'name': 'other'}))
attempt('ext items', lambda: e.items('common'))
e2 = ConfigParser(interpolation=ExtendedInterpolation())
e2.read_string("[a]\nx = ${b:y}\n[b]\ny = ${z}\nz = ${c:w}\n[c]\nw = deep $$ value\n")
attempt('ext nested sections', lambda: e2.get('a', 'x'))

# no interpolation
for label, parser in (('none', ConfigParser(interpolation=None)),
                      ('raw', RawConfigParser()),
                      ('base', ConfigParser(interpolation=Interpolation()))):
    parser.read_string("[s]\na = %(b)s ${c} %\nb = 1\n")
    attempt(label + ' get', lambda: parser.get('s', 'a'))
    attempt(label + ' set', lambda: parser.set('s', 'n', '100%'))
    attempt(label + ' items', lambda: parser.items('s'))
raw = RawConfigParser()
raw.add_section('t')
raw.set('t', 'num', 5)
raw.set('t', 'lst', [1, 2])
print('raw non-str', raw.get('t', 'num'), raw.get('t', 'lst'), raw.items('t'))
attempt('raw getint non-str', lambda: raw.getint('t', 'num'))
attempt('bad interpolation type', lambda: ConfigParser(interpolation=BasicInterpolation))
attempt('bad interpolation type 2', lambda: RawConfigParser(interpolation='x'))


class Upper(Interpolation):
    def before_get(self, parser, section, option, value, defaults):
        return value.upper() + '|' + ','.join(sorted(defaults))

    def before_set(self, parser, section, option, value):
        return value.strip()

    def before_read(self, parser, section, option, value):
        return value + '+read'

    def before_write(self, parser, section, option, value):
        return '<' + value + '>'


u = ConfigParser(interpolation=Upper(), defaults={'d': 'dv'})
u.read_string("[s]\nk = val\n")
u.set('s', 'j', '  spaced  ')
attempt('custom get', lambda: u.get('s', 'k'))
attempt('custom get vars', lambda: u.get('s', 'k', vars={'V': 1}))
attempt('custom items', lambda: u.items('s'))
attempt('custom raw', lambda: u.get('s', 'j', raw=True))
import io
buf = io.StringIO()
u.write(buf)
print(repr(buf.getvalue()))


class Noisy(BasicInterpolation):
    def before_get(self, parser, section, option, value, defaults):
        print('   before_get', section, option, value, type(defaults).__name__)
        return super().before_get(parser, section, option, value, defaults)


n = ConfigParser(interpolation=Noisy())
n.read_string("[s]\na = %(b)s\nb = x\n")
attempt('noisy get', lambda: n.get('s', 'a'))
attempt('noisy items', lambda: n.items('s'))

# LegacyInterpolation is deprecated but present in 3.11
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    legacy = configparser.LegacyInterpolation()
print([(w.category.__name__, str(w.message)) for w in caught])
lp = ConfigParser(interpolation=legacy)
lp.read_string("[s]\na = %(B)s/%(c)s\nb = bee\nc = %(b)s%%\nbad = %(nope)s\nloop = %(loop)s\nplain = 5%%\n")
for key in ('a', 'c', 'bad', 'loop', 'plain'):
    attempt('legacy ' + key, lambda: lp.get('s', key))
attempt('legacy set', lambda: lp.set('s', 'x', '100%'))
print(configparser.MAX_INTERPOLATION_DEPTH)

# errors constructed directly
for exc in (configparser.InterpolationError('o', 's', 'msg'),
            configparser.InterpolationMissingOptionError('o', 's', 'raw', 'ref'),
            configparser.InterpolationSyntaxError('o', 's', 'syntax'),
            configparser.InterpolationDepthError('o', 's', 'raw')):
    print(type(exc).__name__, repr(str(exc)), exc.args, exc.option, exc.section)
