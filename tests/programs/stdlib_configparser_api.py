# configparser: the parser API - sections/options/items/get*/has_*/set/
# remove, defaults, read/read_file/read_dict, converters, the SectionProxy
# and parser mapping protocols, optionxform, dict_type, write() output and
# the deprecated 3.11 names (SafeConfigParser, readfp, ParsingError.filename).
import io
import os
import tempfile
import warnings
import configparser
from configparser import (ConfigParser, RawConfigParser, SectionProxy,
                          NoSectionError, NoOptionError, DEFAULTSECT)


def attempt(label, func):
    try:
        result = func()
    except Exception as exc:
        print(label, '!', type(exc).__name__, repr(str(exc)), exc.args)
    else:
        if isinstance(result, SectionProxy):
            result = 'proxy ' + repr(result)
        print(label, '->', repr(result))


def written(p, **kwargs):
    buf = io.StringIO()
    p.write(buf, **kwargs)
    return buf.getvalue()


TEXT = """
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes

[bitbucket.org]
User = hg

[topsecret.server.com]
Port = 50022
ForwardX11 = no
ratio = 0.75
flag = On
bad_flag = maybe
empty =
multi = first
    second

    fourth
"""

p = ConfigParser()
p.read_string(TEXT)
print('sections', p.sections())
print('defaults', dict(p.defaults()))
print('options', p.options('topsecret.server.com'))
attempt('options missing', lambda: p.options('nope'))
attempt('options DEFAULT', lambda: p.options('DEFAULT'))
print('has_section', p.has_section('bitbucket.org'), p.has_section('DEFAULT'),
      p.has_section('nope'))
for sect, opt in (('bitbucket.org', 'user'), ('bitbucket.org', 'USER'),
                  ('bitbucket.org', 'compression'), ('nope', 'user'),
                  ('', 'compression'), (None, 'compression'),
                  ('DEFAULT', 'user'), ('DEFAULT', 'forwardx11')):
    print('has_option', sect, opt, p.has_option(sect, opt))
attempt('get', lambda: p.get('topsecret.server.com', 'Port'))
attempt('get default', lambda: p.get('topsecret.server.com', 'compressionlevel'))
attempt('get multi', lambda: p.get('topsecret.server.com', 'multi'))
attempt('get empty', lambda: p.get('topsecret.server.com', 'empty'))
attempt('get no option', lambda: p.get('bitbucket.org', 'port'))
attempt('get no section', lambda: p.get('nope', 'port'))
attempt('get fallback opt', lambda: p.get('bitbucket.org', 'port', fallback='fb'))
attempt('get fallback sect', lambda: p.get('nope', 'port', fallback=None))
attempt('getint', lambda: p.getint('topsecret.server.com', 'port'))
attempt('getint bad', lambda: p.getint('topsecret.server.com', 'flag'))
attempt('getint fallback', lambda: p.getint('topsecret.server.com', 'nope', fallback=-1))
attempt('getint fallback bad value', lambda: p.getint('topsecret.server.com', 'flag', fallback=-1))
attempt('getfloat', lambda: p.getfloat('topsecret.server.com', 'ratio'))
attempt('getboolean', lambda: [p.getboolean('topsecret.server.com', k) for k in ('flag', 'forwardx11', 'compression')])
attempt('getboolean bad', lambda: p.getboolean('topsecret.server.com', 'bad_flag'))
attempt('getboolean empty', lambda: p.getboolean('topsecret.server.com', 'empty'))
attempt('getboolean vars', lambda: p.getboolean('bitbucket.org', 'x', vars={'X': 'off'}))
attempt('items section', lambda: p.items('bitbucket.org'))
attempt('items DEFAULT', lambda: p.items('DEFAULT'))
attempt('items missing', lambda: p.items('nope'))
attempt('items all', lambda: [(k, repr(v)) for k, v in p.items()])
attempt('BOOLEAN_STATES', lambda: sorted(ConfigParser.BOOLEAN_STATES.items()))

# set / remove
attempt('set', lambda: p.set('bitbucket.org', 'NewKey', 'nv'))
attempt('set default', lambda: p.set('DEFAULT', 'dk', 'dv'))
attempt('set empty-name section', lambda: p.set('', 'dk2', 'dv2'))
attempt('set missing section', lambda: p.set('nope', 'k', 'v'))
attempt('set non-str value', lambda: p.set('bitbucket.org', 'k', 5))
attempt('set non-str option', lambda: p.set('bitbucket.org', 5, 'v'))
attempt('set None', lambda: p.set('bitbucket.org', 'k', None))
attempt('add_section', lambda: p.add_section('new'))
attempt('add_section dup', lambda: p.add_section('new'))
attempt('add_section default', lambda: p.add_section('DEFAULT'))
attempt('add_section non-str', lambda: p.add_section(5))
attempt('remove_option', lambda: p.remove_option('bitbucket.org', 'NEWKEY'))
attempt('remove_option again', lambda: p.remove_option('bitbucket.org', 'newkey'))
attempt('remove_option default', lambda: p.remove_option('DEFAULT', 'dk'))
attempt('remove_option no section', lambda: p.remove_option('nope', 'x'))
attempt('remove_section', lambda: p.remove_section('new'))
attempt('remove_section again', lambda: p.remove_section('new'))
print(written(p), end='')
print(repr(written(p, space_around_delimiters=False)))

# raw parser accepts non-strings
r = RawConfigParser()
r.add_section(5)
r.set(5, 'n', 10)
r.set(5, 'k')
print('raw', r.sections(), r.items(5), r.get(5, 'n'))
attempt('raw add default', lambda: r.add_section('DEFAULT'))

# allow_no_value and write
nv = ConfigParser(allow_no_value=True)
nv.read_string("[mysqld]\nskip-bdb\nuser = mysql\nempty =\n")
nv.set('mysqld', 'flag')
nv['mysqld']['other'] = None
attempt('nv get', lambda: nv.get('mysqld', 'skip-bdb'))
attempt('nv items', lambda: nv.items('mysqld'))
attempt('nv proxy items', lambda: list(nv['mysqld'].items()))
attempt('nv getint none', lambda: nv.getint('mysqld', 'skip-bdb'))
print(written(nv), end='')
attempt('set None not allowed', lambda: ConfigParser().__setitem__('s', {'k': None}))

# read_dict
d = ConfigParser()
attempt('read_dict None value', lambda: ConfigParser().read_dict({'s': {'c': None}}))
d.read_dict({'one': {'a': 1, 'B': 2.5, 'd': True},
             2: {'x': 'y'}, 'DEFAULT': {'def': 'D'}})
print('read_dict', d.sections(), d.items('one'), d.items('2'))
attempt('read_dict dup section', lambda: d.read_dict({'z': {}, 'Z': {}, 'z ': {}}))
attempt('read_dict dup option', lambda: ConfigParser().read_dict({'s': {'a': 1, 'A': 2}}))
attempt('read_dict dup option source', lambda: ConfigParser().read_dict({'s': {'a': 1, 'A': 2}}, source='src'))
lax = ConfigParser(strict=False)
lax.read_dict({'s': {'a': 1, 'A': 2}})
print('lax', lax.items('s'))
attempt('read_dict existing section', lambda: (d.read_dict({'one': {'e': 'new'}}), d.items('one'))[1])

# defaults argument, dict_type, default_section, optionxform
dp = ConfigParser(defaults={'Pct': '50%', 'n': 3})
print('defaults arg', dict(dp.defaults()), dp.get('DEFAULT', 'pct', raw=True))
attempt('defaults interpolated', lambda: dp.get('DEFAULT', 'pct'))


class OrderedRev(dict):
    pass


dt = ConfigParser(dict_type=OrderedRev, default_section='general')
dt.read_string("[general]\ng = 1\n[a]\nk = v\n[DEFAULT]\nx = 1\n")
print('dict_type', type(dt._sections).__name__, type(dt._sections['a']).__name__,
      dt.sections(), dt.default_section, dict(dt.defaults()), list(dt))
print(written(dt), end='')


class CaseKeeping(ConfigParser):
    def optionxform(self, optionstr):
        return optionstr


ck = CaseKeeping()
ck.read_string("[S]\nKey = 1\nkey = 2\n")
print('optionxform', ck.items('S'), ck.has_option('S', 'KEY'))
ck2 = ConfigParser()
ck2.optionxform = str
ck2.read_string("[S]\nKey = 1\n")
print('optionxform attr', ck2.options('S'))

# converters
cv = ConfigParser(converters={'list': lambda v: [x.strip() for x in v.split(',')]})
cv.read_string("[s]\nitems = a, b ,c\nn = 5\n")
print('converters', sorted(cv.converters), cv.converters['list'] is not None,
      cv.converters['int'], len(cv.converters), 'list' in cv.converters)
attempt('getlist', lambda: cv.getlist('s', 'items'))
attempt('getlist fallback', lambda: cv.getlist('s', 'missing', fallback=['z']))
attempt('proxy getlist', lambda: cv['s'].getlist('items'))
attempt('proxy getlist missing', lambda: cv['s'].getlist('missing'))
cv.converters['upper'] = str.upper
attempt('added converter', lambda: (cv.getupper('s', 'items'), cv['s'].getupper('n')))
cv.add_section('later')
attempt('converter on new proxy', lambda: cv['later'].getupper('x', 'dflt'))
attempt('converter attr', lambda: cv.getupper.converter is str.upper)
del cv.converters['upper']
attempt('deleted converter', lambda: hasattr(cv, 'getupper') or hasattr(cv['s'], 'getupper'))
attempt('delete missing', lambda: cv.converters.__delitem__('nothing'))
attempt('delete None', lambda: cv.converters.__delitem__(None))
attempt('delete empty', lambda: cv.converters.__delitem__(''))
attempt('bad converter key', lambda: cv.converters.__setitem__(5, int))
attempt('empty converter key', lambda: cv.converters.__setitem__('', int))
del cv.converters['int']
attempt('builtin getter after delete', lambda: cv.getint('s', 'n'))
attempt('proxy getter after delete', lambda: hasattr(cv['s'], 'getint'))


class WithGetter(ConfigParser):
    def getdecimal(self, section, option, **kwargs):
        return 'decimal:' + self.get(section, option, **kwargs)


wg = WithGetter()
wg.read_string("[s]\nv = 1.5\n")
print('class getter', sorted(wg.converters), wg.converters['decimal'])
attempt('proxy class getter', lambda: wg['s'].getdecimal('v'))

# parser mapping protocol
m = ConfigParser()
m.read_string("[a]\nx = 1\n[b]\ny = 2\n[DEFAULT]\nd = 0\n")
print('len/iter', len(m), list(m), 'a' in m, 'DEFAULT' in m, 'zz' in m, 5 in m)
attempt('getitem', lambda: m['a'])
attempt('getitem default', lambda: m['DEFAULT'])
attempt('getitem missing', lambda: m['zz'])
m['c'] = {'k': 'v', 'n': 1}
m['a'] = {'fresh': 'yes'}
print('after setitem', m.sections(), m.items('a'))
m['DEFAULT'] = {'newdef': 'nd'}
print('default replaced', dict(m.defaults()))
same = m['b']
m['b'] = same
print('self-assign', m.items('b'))
attempt('setitem proxy of other parser', lambda: m.__setitem__('e', m['c']) or m.items('e'))
attempt('delitem', lambda: m.__delitem__('c'))
attempt('delitem missing', lambda: m.__delitem__('c'))
attempt('delitem default', lambda: m.__delitem__('DEFAULT'))
attempt('popitem', lambda: m.popitem())
attempt('keys', lambda: list(m.keys()))
attempt('get via Mapping', lambda: m.get('a', 'fresh'))
m.clear()
print('cleared', list(m), dict(m.defaults()))
attempt('popitem empty', lambda: m.popitem())
m.update({'u': {'k': 'v'}})
print('update', m.sections(), m == m, dict(m['u']))

# SectionProxy protocol
s = ConfigParser(defaults={'dflt': 'D'})
s.read_string("[sec]\na = 1\nB = %(dflt)s-x\nflag = yes\nnum = 7\nfl = 2.5\n")
sec = s['sec']
print('proxy', repr(sec), sec.name, sec.parser is s, len(sec), list(sec))
print('proxy items', list(sec.items()), 'a' in sec, 'A' in sec, 'dflt' in sec,
      'nope' in sec, sec['b'])
attempt('proxy missing key', lambda: sec['nope'])
attempt('proxy get', lambda: (sec.get('a'), sec.get('nope'), sec.get('nope', 'fb'),
                              sec.get('b', raw=True), sec.get('b', vars={'dflt': 'V'})))
attempt('proxy typed', lambda: (sec.getint('num'), sec.getfloat('fl'), sec.getboolean('flag'),
                                sec.getint('nope'), sec.getint('nope', 3), sec.getboolean('nope', fallback=False)))
attempt('proxy typed bad', lambda: sec.getint('flag'))
sec['new'] = 'n'
attempt('proxy set non-str', lambda: sec.__setitem__('bad', 5))
attempt('proxy set non-str key', lambda: sec.__setitem__(5, 'x'))
attempt('proxy del', lambda: sec.__delitem__('NEW'))
attempt('proxy del missing', lambda: sec.__delitem__('new'))
attempt('proxy del inherited', lambda: sec.__delitem__('dflt'))
attempt('proxy pop', lambda: (sec.pop('a'), list(sec)))
attempt('proxy update', lambda: (sec.update({'u': '1'}), sorted(sec))[1])
attempt('proxy setdefault', lambda: sec.setdefault('sd', 'x'))
dflt = s['DEFAULT']
print('default proxy', repr(dflt), list(dflt), len(dflt), dflt['dflt'])
attempt('default proxy del', lambda: dflt.__delitem__('dflt'))
print('after default del', list(dflt), sorted(sec))
attempt('removed section proxy', lambda: (s.remove_section('sec'), sec['num'])[1])
attempt('removed section proxy len', lambda: len(sec))
print('SectionProxy attrs', sorted(k for k in vars(s['DEFAULT']) if k.startswith('get')))
print('proxy is cached', s['DEFAULT'] is s['DEFAULT'])

# read() with files
tmp = tempfile.mkdtemp()
old = os.getcwd()
os.chdir(tmp)
try:
    with open('one.ini', 'w', encoding='utf-8') as fh:
        fh.write('[f]\nk = 1\n')
    with open('two.ini', 'w', encoding='utf-8') as fh:
        fh.write('[g]\nk = ü\n')
    with open('bad.ini', 'w', encoding='utf-8') as fh:
        fh.write('[f]\nk = 2\n[f]\n')
    fp = ConfigParser()
    print('read', fp.read(['one.ini', 'missing.ini', 'two.ini'], encoding='utf-8'))
    print('read str', fp.read('one.ini'), fp.items('g'))
    import pathlib
    print('read path', fp.read(pathlib.Path('one.ini')), fp.read([pathlib.Path('two.ini')]))
    print('read bytes', fp.read(b'one.ini'))
    attempt('read bad', lambda: fp.read('bad.ini'))
    attempt('read bad path', lambda: ConfigParser().read(pathlib.Path('bad.ini')))
    with open('one.ini', encoding='utf-8') as fh:
        fp.read_file(fh)
    with open('bad.ini', encoding='utf-8') as fh:
        attempt('read_file name', lambda: ConfigParser().read_file(fh))
    with open('bad.ini', encoding='utf-8') as fh:
        attempt('read_file source', lambda: ConfigParser().read_file(fh, source='given'))
    print('sections', fp.sections())
    with open('out.ini', 'w') as fh:
        fp.write(fh)
    with open('out.ini') as fh:
        print(repr(fh.read()))
finally:
    for name in os.listdir(tmp):
        os.remove(os.path.join(tmp, name))
    os.chdir(old)
    os.rmdir(tmp)

# deprecated names in 3.11
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    safe = configparser.SafeConfigParser()
    safe.readfp(io.StringIO('[x]\na = %(b)s\nb = 1\n'))
    safe.readfp(io.StringIO('[y]\n'), 'fname')
    err = configparser.ParsingError('src')
    print('filename', err.filename)
    err.filename = 'changed'
    print('source', err.source)
for w in caught:
    print('warning', w.category.__name__, str(w.message))
print('safe', isinstance(safe, ConfigParser), safe.get('x', 'a'), safe.sections())
print('module', DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH,
      sorted(configparser.__all__))
print('errors', [c.__name__ for c in configparser.Error.__subclasses__()])
print(NoSectionError('s').section, NoOptionError('o', 's').option, repr(NoSectionError('q')))
print(configparser.Error('m').message, configparser.Error().args, str(configparser.Error('x')))
