"""Internationalization and localization support.

This module provides GNU gettext style message catalogs: the class-based
API (translation(), NullTranslations, GNUTranslations) and the global
functional API (gettext(), ngettext(), textdomain(), ...).
"""

import os
import re
import sys

__all__ = ['NullTranslations', 'GNUTranslations', 'Catalog',
           'bindtextdomain', 'find', 'translation', 'install',
           'textdomain', 'dgettext', 'dngettext', 'gettext',
           'ngettext', 'pgettext', 'dpgettext', 'npgettext',
           'dnpgettext',
           ]

_default_localedir = os.path.join(sys.base_prefix, 'share', 'locale')


# ---------------------------------------------------------------------------
# Plural-Forms expressions.  The C expression found in a catalog header is
# translated into an equivalent Python expression and compiled.

_token_re = re.compile(r"""
    (?P<SPACE>[ \t]+)
  | (?P<NUMBER>[0-9]+\b)
  | (?P<NAME>n\b)
  | (?P<PAREN>[()])
  | (?P<OP>[-*/%+?:]|[><!]=?|==|&&|\|\|)
  | (?P<BAD>\w+|.)
""", re.VERBOSE | re.DOTALL)

# binding strength of the C binary operators
_PRECEDENCE = {
    '||': 1,
    '&&': 2,
    '==': 3, '!=': 3,
    '<': 4, '>': 4, '<=': 4, '>=': 4,
    '+': 5, '-': 5,
    '*': 6, '/': 6, '%': 6,
}
_PY_OPERATOR = {'||': 'or', '&&': 'and', '/': '//'}


def _plural_tokens(expr):
    for m in _token_re.finditer(expr):
        kind = m.lastgroup
        if kind == 'SPACE':
            continue
        text = m.group(kind)
        if kind == 'BAD':
            raise ValueError('invalid token in plural form: %s' % text)
        yield text
    yield ''


def _unexpected(token):
    if token:
        return ValueError('unexpected token in plural form: %s' % token)
    return ValueError('unexpected end of plural form')


class _PluralTranslator:
    """Recursive descent over the tokens, producing Python source text."""

    def __init__(self, expr):
        self._tokens = _plural_tokens(expr)

    def _next(self):
        return next(self._tokens)

    def expression(self, level=-1):
        tok = self._next()
        negations = 0
        while tok == '!':
            negations += 1
            tok = self._next()
        # only the parity matters (plus the coercion to bool)
        prefix = '' if not negations else ('not ' if negations % 2 else 'not not ')
        if tok == '(':
            inner, tok = self.expression()
            if tok != ')':
                raise ValueError('unbalanced parenthesis in plural form')
            text = '%s(%s)' % (prefix, inner)
        elif tok == 'n':
            text = prefix + 'n'
        else:
            try:
                number = int(tok, 10)
            except ValueError:
                raise _unexpected(tok) from None
            text = '%s%d' % (prefix, number)
        tok = self._next()

        previous = 100
        while tok in _PRECEDENCE:
            strength = _PRECEDENCE[tok]
            if strength < level:
                break
            # C comparisons do not chain the way Python's do
            if strength in (3, 4) and previous in (3, 4):
                text = '(%s)' % text
            right, following = self.expression(strength + 1)
            text = '%s %s %s' % (text, _PY_OPERATOR.get(tok, tok), right)
            tok = following
            previous = strength
        if previous == level == 4:
            text = '(%s)' % text

        if tok == '?' and level <= 0:
            when_true, tok = self.expression(0)
            if tok != ':':
                raise _unexpected(tok)
            when_false, tok = self.expression()
            text = '%s if %s else %s' % (when_true, text, when_false)
            if level == 0:
                text = '(%s)' % text
        return text, tok


def _as_int(n):
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s' %
                        (n.__class__.__name__,)) from None
    import warnings
    warnings.warn('Plural value must be an integer, got %s' %
                  (n.__class__.__name__,),
                  DeprecationWarning, 4)
    return n


def c2py(plural):
    """Return a function computing the plural form index for the C
    expression *plural* (the 'plural=' part of a Plural-Forms header)."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        source, rest = _PluralTranslator(plural).expression()
        if rest:
            raise _unexpected(rest)
        depth = 0
        for ch in source:
            if ch == '(':
                depth += 1
                if depth > 20:
                    raise ValueError('plural form expression is too complex')
            elif ch == ')':
                depth -= 1
        namespace = {'_as_int': _as_int}
        exec('def func(n):\n'
             '    if not isinstance(n, int):\n'
             '        n = _as_int(n)\n'
             '    return int(%s)\n' % source, namespace)
        return namespace['func']
    except RecursionError:
        raise ValueError('plural form expression is too complex')


# ---------------------------------------------------------------------------
# Locating catalogs

def _expand_lang(loc):
    import locale
    loc = locale.normalize(loc)
    # split "language_territory.codeset@modifier"
    modifier = codeset = territory = ''
    at = loc.find('@')
    if at >= 0:
        loc, modifier = loc[:at], loc[at:]
    dot = loc.find('.')
    if dot >= 0:
        loc, codeset = loc[:dot], loc[dot:]
    under = loc.find('_')
    if under >= 0:
        loc, territory = loc[:under], loc[under:]
    language = loc
    # every combination of the optional parts that are present, the most
    # specific first
    found = []
    for use_territory in (True, False):
        if use_territory and not territory:
            continue
        for use_modifier in (True, False):
            if use_modifier and not modifier:
                continue
            for use_codeset in (True, False):
                if use_codeset and not codeset:
                    continue
                name = language
                if use_territory:
                    name += territory
                if use_codeset:
                    name += codeset
                if use_modifier:
                    name += modifier
                found.append(name)
    return found


def find(domain, localedir=None, languages=None, all=False):
    """Return the path of the .mo file for *domain*, or None.

    With all=True, return the list of all the matching files instead.
    """
    if localedir is None:
        localedir = _default_localedir
    if languages is None:
        languages = []
        for var in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            value = os.environ.get(var)
            if value:
                languages = value.split(':')
                break
        if 'C' not in languages:
            languages.append('C')
    expanded = []
    for lang in languages:
        for name in _expand_lang(lang):
            if name not in expanded:
                expanded.append(name)
    result = [] if all else None
    for lang in expanded:
        if lang == 'C':
            break
        mofile = os.path.join(localedir, lang, 'LC_MESSAGES', '%s.mo' % domain)
        if os.path.exists(mofile):
            if not all:
                return mofile
            result.append(mofile)
    return result


# ---------------------------------------------------------------------------
# Translation classes

class NullTranslations:
    """A translation that translates nothing (but can have fallbacks)."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._output_charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        if self._fallback:
            self._fallback.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return msgid1 if n == 1 else msgid2

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        import builtins
        builtins.__dict__['_'] = self.gettext
        if names is not None:
            for name in {'gettext', 'ngettext', 'npgettext', 'pgettext'} & set(names):
                builtins.__dict__[name] = getattr(self, name)


class GNUTranslations(NullTranslations):
    """A translation read from a GNU .mo file."""

    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495

    # msgid of a message with a context: context EOT message
    CONTEXT = "%s\x04%s"

    VERSIONS = (0, 1)

    def _get_versions(self, version):
        """Split a .mo revision number into (major, minor)."""
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        from struct import unpack
        filename = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        buf = fp.read()
        size = len(buf)
        magic = unpack('<I', buf[:4])[0]
        if magic == self.LE_MAGIC:
            order = '<'
        elif magic == self.BE_MAGIC:
            order = '>'
        else:
            raise OSError(0, 'Bad magic number', filename)
        version, count, orig_table, trans_table = unpack(order + '4I', buf[4:20])
        major, minor = self._get_versions(version)
        if major not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major), filename)
        pair = order + 'II'
        for _ in range(count):
            olen, ooff = unpack(pair, buf[orig_table:orig_table + 8])
            tlen, toff = unpack(pair, buf[trans_table:trans_table + 8])
            oend = ooff + olen
            tend = toff + tlen
            if oend < size and tend < size:
                msg = buf[ooff:oend]
                tmsg = buf[toff:tend]
            else:
                raise OSError(0, 'File is corrupt', filename)
            if olen == 0:
                self._parse_header(tmsg)
            charset = self._charset or 'ascii'
            if b'\x00' in msg:
                # plural entry: msgid NUL msgid_plural -> forms split by NUL
                singular, _plural = msg.split(b'\x00')
                key = str(singular, charset)
                for index, form in enumerate(tmsg.split(b'\x00')):
                    catalog[(key, index)] = str(form, charset)
            else:
                catalog[str(msg, charset)] = str(tmsg, charset)
            orig_table += 8
            trans_table += 8

    def _parse_header(self, data):
        last = None
        for raw_line in data.split(b'\n'):
            line = raw_line.decode().strip()
            if not line:
                continue
            # msgcat's separators between merged headers
            if line.startswith('#-#-#-#-#') and line.endswith('#-#-#-#-#'):
                continue
            key = value = None
            if ':' in line:
                key, value = line.split(':', 1)
                key = key.strip().lower()
                value = value.strip()
                self._info[key] = value
                last = key
            elif last:
                self._info[last] += '\n' + line
            if key == 'content-type':
                self._charset = value.split('charset=')[1]
            elif key == 'plural-forms':
                expr = value.split(';')[1].split('plural=')[1]
                self.plural = c2py(expr)

    def _lookup(self, key):
        catalog = self._catalog
        if key in catalog:
            return catalog[key]
        return catalog.get((key, self.plural(1)), None)

    def gettext(self, message):
        found = self._lookup(message)
        if found is not None:
            return found
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        try:
            return self._catalog[(msgid1, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.ngettext(msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2

    def pgettext(self, context, message):
        found = self._lookup(self.CONTEXT % (context, message))
        if found is not None:
            return found
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        key = self.CONTEXT % (context, msgid1)
        try:
            return self._catalog[(key, self.plural(n))]
        except KeyError:
            if self._fallback:
                return self._fallback.npgettext(context, msgid1, msgid2, n)
            return msgid1 if n == 1 else msgid2


# cache of parsed catalogs: (class, absolute path) -> translations object
_translations = {}


def translation(domain, localedir=None, languages=None,
                class_=None, fallback=False):
    if class_ is None:
        class_ = GNUTranslations
    mofiles = find(domain, localedir, languages, all=True)
    if not mofiles:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT,
                                'No translation file found for domain', domain)
    import copy
    result = None
    for mofile in mofiles:
        key = (class_, os.path.abspath(mofile))
        t = _translations.get(key)
        if t is None:
            with open(mofile, 'rb') as fp:
                t = _translations.setdefault(key, class_(fp))
        # a shallow copy, so that fallbacks added later stay private
        t = copy.copy(t)
        if result is None:
            result = t
        else:
            result.add_fallback(t)
    return result


def install(domain, localedir=None, *, names=None):
    translation(domain, localedir, fallback=True).install(names)


# ---------------------------------------------------------------------------
# The global (GNU gettext-like) API

_localedirs = {}
_current_domain = 'messages'


def textdomain(domain=None):
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _domain_translation(domain):
    return translation(domain, _localedirs.get(domain, None))


def dgettext(domain, message):
    try:
        t = _domain_translation(domain)
    except OSError:
        return message
    return t.gettext(message)


def dngettext(domain, msgid1, msgid2, n):
    try:
        t = _domain_translation(domain)
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.ngettext(msgid1, msgid2, n)


def dpgettext(domain, context, message):
    try:
        t = _domain_translation(domain)
    except OSError:
        return message
    return t.pgettext(context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    try:
        t = _domain_translation(domain)
    except OSError:
        return msgid1 if n == 1 else msgid2
    return t.npgettext(context, msgid1, msgid2, n)


def gettext(message):
    return dgettext(_current_domain, message)


def ngettext(msgid1, msgid2, n):
    return dngettext(_current_domain, msgid1, msgid2, n)


def pgettext(context, message):
    return dpgettext(_current_domain, context, message)


def npgettext(context, msgid1, msgid2, n):
    return dnpgettext(_current_domain, context, msgid1, msgid2, n)


# An alias kept for compatibility with very old code.
Catalog = translation
