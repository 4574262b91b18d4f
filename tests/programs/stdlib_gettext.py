# gettext: catalogs written as .mo files, plural forms, fallbacks, c2py.
import sys, os
import os, sys, struct, shutil, io, builtins
import gettext

import tempfile
print(gettext.__name__, sorted(gettext.__all__))
BASE = os.path.join(tempfile.mkdtemp(), '_gt_work')
shutil.rmtree(BASE, ignore_errors=True)
os.makedirs(BASE)


def make_mo(entries, order='<', version=0, magic=None):
    """entries: list of (msgid_bytes, msgstr_bytes); sorted like msgfmt."""
    entries = sorted(entries)
    n = len(entries)
    header = 28
    orig_tab = header
    trans_tab = orig_tab + 8 * n
    data_start = trans_tab + 8 * n
    data = b''
    otable = b''
    ttable = b''
    offs = []
    for k, v in entries:
        offs.append((len(k), data_start + len(data)))
        data += k + b'\0'
    toffs = []
    for k, v in entries:
        toffs.append((len(v), data_start + len(data)))
        data += v + b'\0'
    for l, o in offs:
        otable += struct.pack(order + 'II', l, o)
    for l, o in toffs:
        ttable += struct.pack(order + 'II', l, o)
    if magic is None:
        magic = 0x950412de
    head = struct.pack(order + 'Iiiiiii', magic, version, n, orig_tab, trans_tab, 0, 0)
    return head + otable + ttable + data


HEADER_DE = (b'Project-Id-Version: test 1.0\n'
             b'Language: de\n'
             b'MIME-Version: 1.0\n'
             b'Content-Type: text/plain; charset=UTF-8\n'
             b'Content-Transfer-Encoding: 8bit\n'
             b'Plural-Forms: nplurals=2; plural=(n != 1);\n'
             b'X-Long: first\n'
             b' continued line\n'
             b'#-#-#-#-#  x.po  #-#-#-#-#\n')

DE = [
    (b'', HEADER_DE),
    (b'Hello', 'Hallo'.encode()),
    (b'Cheese', 'K\xe4se'.encode('utf-8') if False else 'Käse'.encode('utf-8')),
    (b'%d file\0%d files', '%d Datei\0%d Dateien'.encode()),
    (b'menu\x04Open', 'Öffnen'.encode()),
    (b'verb\x04%d open\0%d opens', b'%d offen\0%d offene'),
    (b'only plural\0plurals', b'nur eins\0viele'),
]

HEADER_PL = (b'Content-Type: text/plain; charset=ISO-8859-1\n'
             b'Plural-Forms: nplurals=3; plural=n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2;\n')
PL = [
    (b'', HEADER_PL),
    (b'%d file\0%d files', '%d plik\0%d pliki\0%d plikøw'.encode('iso-8859-1')),
    (b'Hello', 'Cze¿¢'.encode('latin-1')),
]

FALLBACK = [
    (b'', b'Content-Type: text/plain; charset=ASCII\n'),
    (b'Bye', b'Tschuess'),
    (b'Hello', b'Servus'),
    (b'ctx\x04Bye', b'CtxBye'),
]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)


loc = os.path.join(BASE, 'locale')
write(os.path.join(loc, 'de', 'LC_MESSAGES', 'app.mo'), make_mo(DE))
write(os.path.join(loc, 'de_AT', 'LC_MESSAGES', 'app.mo'), make_mo(FALLBACK))
write(os.path.join(loc, 'pl', 'LC_MESSAGES', 'app.mo'), make_mo(PL, order='>', magic=0x950412de))
write(os.path.join(loc, 'fr', 'LC_MESSAGES', 'bad.mo'), b'\x00\x01\x02\x03' + b'\0' * 30)
write(os.path.join(loc, 'fr', 'LC_MESSAGES', 'ver.mo'), make_mo(DE, version=5 << 16))
write(os.path.join(loc, 'fr', 'LC_MESSAGES', 'minor.mo'), make_mo([(b'a', b'b')], version=1))
write(os.path.join(loc, 'fr', 'LC_MESSAGES', 'corrupt.mo'), make_mo(DE)[:200])
write(os.path.join(loc, 'en_US', 'LC_MESSAGES', 'app.mo'), make_mo([(b'Hello', b'Howdy')]))


def rel(p):
    if p is None:
        return None
    if isinstance(p, list):
        return [rel(x) for x in p]
    return os.path.relpath(p, BASE)


def show(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__, e.args if not isinstance(e, OSError) else (e.errno, e.strerror, rel(e.filename) if e.filename and os.sep in str(e.filename) else e.filename))
        return None
    print(label, '->', repr(r))
    return r


for var in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
    os.environ.pop(var, None)

print('--- find')
print(rel(gettext.find('app', loc, ['de'])))
print(rel(gettext.find('app', loc, ['de_DE'])))
print(rel(gettext.find('app', loc, ['de_AT'])))
print(rel(gettext.find('app', loc, ['de_AT'], all=True)))
print(rel(gettext.find('app', loc, ['de_AT.UTF-8@euro', 'pl'], all=True)))
print(rel(gettext.find('app', loc, ['xx'])))
print(rel(gettext.find('app', loc, ['xx'], all=True)))
print(rel(gettext.find('app', loc, ['C', 'de'])))
print(rel(gettext.find('nosuch', loc, ['de'], all=True)))
print(rel(gettext.find('app', loc, ['en'])))
print(rel(gettext.find('app', loc, [])))
os.environ['LANG'] = 'de_DE.UTF-8'
print('LANG', rel(gettext.find('app', loc)))
os.environ['LC_MESSAGES'] = 'pl_PL'
print('LC_MESSAGES', rel(gettext.find('app', loc)))
os.environ['LANGUAGE'] = 'xx:de_AT:pl'
print('LANGUAGE', rel(gettext.find('app', loc, all=True)))
os.environ['LANGUAGE'] = ''
print('empty LANGUAGE', rel(gettext.find('app', loc, all=True)))
for var in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
    os.environ.pop(var, None)
print('no env', rel(gettext.find('app', loc)), rel(gettext.find('app', loc, all=True)))
print('expand', gettext._expand_lang('de'), gettext._expand_lang('de_AT.UTF-8@euro'), gettext._expand_lang('en_US'))

print('--- GNUTranslations')
t = gettext.translation('app', loc, ['de'])
print(type(t).__name__, t.charset(), sorted(t.info().items()))
for m in ['Hello', 'Cheese', 'Missing', '', 'only plural', '%d file']:
    show('gettext %r' % m, lambda: t.gettext(m))
for n in [0, 1, 2, 5, -1]:
    print('ngettext', n, t.ngettext('%d file', '%d files', n) % n, t.ngettext('x', 'xs', n))
print(t.pgettext('menu', 'Open'), t.pgettext('other', 'Open'), t.pgettext('menu', 'Hello'))
for n in [1, 2]:
    print(t.npgettext('verb', '%d open', '%d opens', n), t.npgettext('noun', '%d open', '%d opens', n))
print(t.plural(1), t.plural(3))
show('ngettext float', lambda: t.ngettext('%d file', '%d files', 1.0))
show('ngettext str', lambda: t.ngettext('%d file', '%d files', 'x'))
show('ngettext None', lambda: t.ngettext('%d file', '%d files', None))

pl = gettext.translation('app', loc, ['pl'])
print('pl', pl.charset(), pl.gettext('Hello'))
for n in [1, 2, 3, 4, 5, 12, 14, 21, 22, 25, 102, 112, 0]:
    print('pl', n, pl.ngettext('%d file', '%d files', n) % n)

print('--- fallbacks')
both = gettext.translation('app', loc, ['de', 'de_AT'])
print(both.gettext('Hello'), both.gettext('Bye'), both.pgettext('ctx', 'Bye'), both.gettext('zzz'))
print(type(both._fallback).__name__)
at = gettext.translation('app', loc, ['de_AT'])
print('de_AT', at.gettext('Hello'), at.gettext('Cheese'), at.charset())
t2 = gettext.translation('app', loc, ['de'])
print(t2 is t, t2._catalog is t._catalog)
t2.add_fallback(gettext.NullTranslations())
print(t._fallback, type(t2._fallback).__name__)
nt = gettext.NullTranslations()
nt.add_fallback(t)
print(nt.gettext('Hello'), nt.ngettext('%d file', '%d files', 3), nt.pgettext('menu', 'Open'), nt.npgettext('verb', '%d open', '%d opens', 1))

print('--- translation errors')
show('missing', lambda: gettext.translation('app', loc, ['xx']))
r = gettext.translation('app', loc, ['xx'], fallback=True)
print(type(r).__name__)
show('bad magic', lambda: gettext.translation('bad', loc, ['fr']))
show('bad version', lambda: gettext.translation('ver', loc, ['fr']))
m = show('minor version', lambda: gettext.translation('minor', loc, ['fr']).gettext('a'))
show('corrupt', lambda: gettext.translation('corrupt', loc, ['fr']))
try:
    gettext.translation('app', loc, ['xx'])
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, str(e))
try:
    gettext.GNUTranslations(io.BytesIO(b'abcdefgh' * 4))
except OSError as e:
    print(repr(e.errno), e.strerror, repr(e.filename), str(e))


class MyTrans(gettext.GNUTranslations):
    def gettext(self, message):
        return '<' + super().gettext(message) + '>'


mt = gettext.translation('app', loc, ['de'], class_=MyTrans)
print(type(mt).__name__, mt.gettext('Hello'))

print('--- from BytesIO')
g = gettext.GNUTranslations(io.BytesIO(make_mo(DE)))
print(g.gettext('Hello'), g.info()['x-long'])
g = gettext.GNUTranslations(io.BytesIO(make_mo([(b'a', b'b')], order='>')))
print(g.gettext('a'), g.charset(), g.info())

print('--- NullTranslations')
n = gettext.NullTranslations()
print(n.gettext('x'), n.ngettext('a', 'b', 1), n.ngettext('a', 'b', 2), n.ngettext('a', 'b', 0))
print(n.pgettext('c', 'm'), n.npgettext('c', 'a', 'b', 1), n.npgettext('c', 'a', 'b', 7))
print(n.info(), n.charset(), n._fallback)
n2 = gettext.NullTranslations(io.BytesIO(b'ignored'))
print(n2.gettext('y'))

print('--- install')
for name in ('_', 'gettext', 'ngettext', 'pgettext', 'npgettext', 'lgettext'):
    builtins.__dict__.pop(name, None)
t.install()
print(_('Hello'), 'ngettext' in builtins.__dict__)
t.install(names=['ngettext', 'pgettext', 'bogus', 'lgettext'])
print(sorted(k for k in ('_', 'gettext', 'ngettext', 'pgettext', 'npgettext', 'lgettext', 'bogus') if k in builtins.__dict__))
print(builtins.ngettext('%d file', '%d files', 2), builtins.pgettext('menu', 'Open'))
gettext.install('app', loc)
print(_('Hello'))
os.environ['LANGUAGE'] = 'de'
gettext.install('app', loc, names=('gettext', 'npgettext'))
print(_('Hello'), builtins.gettext('Cheese'), builtins.npgettext('verb', '%d open', '%d opens', 2))
for name in ('_', 'gettext', 'ngettext', 'pgettext', 'npgettext'):
    builtins.__dict__.pop(name, None)

print('--- global API')
print(gettext.textdomain(), gettext.textdomain(None))
print(gettext.gettext('Hello'), gettext.ngettext('a', 'b', 2), gettext.pgettext('c', 'Hello'), gettext.npgettext('c', 'a', 'b', 1))
print(gettext.textdomain('app'))
print(gettext.gettext('Hello'))
print(rel(gettext.bindtextdomain('app', loc)), rel(gettext.bindtextdomain('app')))
print(gettext.gettext('Hello'), gettext.ngettext('%d file', '%d files', 1), gettext.pgettext('menu', 'Open'), gettext.npgettext('verb', '%d open', '%d opens', 5))
print(gettext.dgettext('app', 'Cheese'), gettext.dngettext('app', '%d file', '%d files', 2), gettext.dpgettext('app', 'menu', 'Open'), gettext.dnpgettext('app', 'verb', '%d open', '%d opens', 1))
print(gettext.dgettext('other', 'Cheese'), gettext.dngettext('other', 'a', 'b', 1), gettext.dngettext('other', 'a', 'b', 3), gettext.dpgettext('other', 'c', 'm'), gettext.dnpgettext('other', 'c', 'a', 'b', 2))
gettext.bindtextdomain('fr', loc)
os.environ['LANGUAGE'] = 'fr'
print(gettext.dgettext('bad', 'x'), gettext.dgettext('minor', 'a'))
gettext.textdomain('messages')
print(gettext.Catalog is gettext.translation)
os.environ.pop('LANGUAGE')

print('--- c2py')
EXPRS = ['n!=1', 'n != 1', '(n != 1)', 'n>1', '0', 'n==1 ? 0 : 1',
         'n==1 ? 0 : n==2 ? 1 : 2', 'n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2',
         'n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5',
         '(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2', 'n/2', 'n*2-1', 'n+1*2', '(n+1)*2', '!n', '!!n', '!n+1', '!(n+1)',
         'n==1==0', 'n<2<3', 'n == (n < 2)', 'n<2 == 1', 'n ? 1 : 2', 'n ? n ? 1 : 2 : 3',
         '1 ? 2 : 3 ? 4 : 5', 'n||0', 'n&&0', '  n  ', '\tn',
         'n+', 'n n', '(n', 'n)', 'x', 'n?1', '1 2', 'n&1', '', '-n', 'n ? 1', 'n ? 1 ; 2', '1n', 'nn', 'n1',
         '((((((((((((((((((((((n))))))))))))))))))))))', '(((((n)))))', 'n/0', 'n%0', '0x10', '010', '٣', 'n\n',
         'n' + ' ' * 1000, '(' * 500 + 'n' + ')' * 500, '(' * 300 + 'n' + ')' * 300, '!' * 990 + 'n', 'n+' * 400 + 'n', 'n?' * 300 + '1' + ':1' * 300, 'n?' * 150 + '1' + ':1' * 150, '!' * 3 + 'n+1 == 2', '!!n+1==2', '!n || !!n && n-1']
for e in EXPRS:
    try:
        f = gettext.c2py(e)
    except Exception as ex:
        print(repr(e)[:40], 'ERR', type(ex).__name__, ex)
        continue
    vals = []
    for i in [0, 1, 2, 3, 5, 11, 21, 101, 111, -1]:
        try:
            vals.append(f(i))
        except Exception as ex:
            vals.append(type(ex).__name__)
    print(repr(e)[:40], vals)
f = gettext.c2py('n != 1')
for v in [True, 'x', None, [1]]:
    try:
        print(repr(v), f(v))
    except Exception as ex:
        print(repr(v), type(ex).__name__, ex)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(f(1.0), f(2.5))
    print([(str(x.message), x.category.__name__) for x in w])

shutil.rmtree(BASE)
print('done')
