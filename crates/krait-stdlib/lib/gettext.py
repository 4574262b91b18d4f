"""Message catalogs in the manner of GNU gettext: the class-based API
(translation(), NullTranslations, GNUTranslations read from .mo files)
and the global one (textdomain(), gettext(), ngettext(), ...)."""

import os
import re
import sys

__all__ = [
    'NullTranslations', 'GNUTranslations', 'Catalog', 'bindtextdomain',
    'find', 'translation', 'install', 'textdomain',
    'dgettext', 'dngettext', 'gettext', 'ngettext',
    'pgettext', 'dpgettext', 'npgettext', 'dnpgettext',
]

_default_localedir = os.path.join(sys.base_prefix, 'share', 'locale')


# -- Plural-Forms: the C expression of a catalog's header becomes a Python
# function of n, through Python source text made by a small parser.

_LEXEME = re.compile(r"""
    (?P<blank>[ \t]+)
  | (?P<num>[0-9]+\b)
  | (?P<var>n\b)
  | (?P<paren>[()])
  | (?P<op>[-*/%+?:]|[><!]=?|==|&&|\|\|)
  | (?P<junk>\w+|.)
""", re.VERBOSE | re.DOTALL)

# How tightly each binary operator binds, and its spelling in Python.
_BINDING = {'||': 1, '&&': 2, '==': 3, '!=': 3,
            '<': 4, '>': 4, '<=': 4, '>=': 4,
            '+': 5, '-': 5, '*': 6, '/': 6, '%': 6}
_SPELLING = {'||': 'or', '&&': 'and', '/': '//'}
_COMPARING = (3, 4)


def _lexemes(text):
    for match in _LEXEME.finditer(text):
        kind = match.lastgroup
        if kind == 'blank':
            continue
        word = match.group(kind)
        if kind == 'junk':
            raise ValueError('invalid token in plural form: %s' % word)
        yield word
    yield ''


def _stray(word):
    if not word:
        return ValueError('unexpected end of plural form')
    return ValueError('unexpected token in plural form: %s' % word)


def _translate(pull, floor=-1):
    """Python text for the C expression whose lexemes pull() gives, up to
    the first operator binding less than `floor`; returns (text, the
    lexeme after it)."""
    word = pull()
    bangs = 0
    while word == '!':
        bangs += 1
        word = pull()
    # Only the parity of the '!'s counts, and that the result is a bool.
    negation = ('not ', 'not not ')[bangs % 2 == 0] if bangs else ''
    if word == '(':
        inside, word = _translate(pull)
        if word != ')':
            raise ValueError('unbalanced parenthesis in plural form')
        text = '%s(%s)' % (negation, inside)
    elif word == 'n':
        text = negation + 'n'
    else:
        try:
            text = negation + str(int(word, 10))
        except ValueError:
            raise _stray(word) from None
    word = pull()

    last = 100
    while word in _BINDING:
        binding = _BINDING[word]
        if binding < floor:
            break
        # C comparisons nest left to right; Python's would chain.
        if binding in _COMPARING and last in _COMPARING:
            text = '(%s)' % text
        right, after = _translate(pull, binding + 1)
        text = '%s %s %s' % (text, _SPELLING.get(word, word), right)
        word = after
        last = binding
    if last == floor == 4:
        text = '(%s)' % text

    if word == '?' and floor <= 0:
        chosen, word = _translate(pull, 0)
        if word != ':':
            raise _stray(word)
        other, word = _translate(pull)
        text = '%s if %s else %s' % (chosen, text, other)
        if floor == 0:
            text = '(%s)' % text
    return text, word


def _as_int(n):
    kind = n.__class__.__name__
    try:
        round(n)
    except TypeError:
        raise TypeError('Plural value must be an integer, got %s'
                        % (kind,)) from None
    import warnings
    warnings.warn('Plural value must be an integer, got %s' % (kind,),
                  DeprecationWarning, 4)
    return n


def c2py(plural):
    """A function of n giving the index of the plural form, made from the
    C expression `plural` (what follows 'plural=' in a Plural-Forms
    header)."""
    if len(plural) > 1000:
        raise ValueError('plural form expression is too long')
    try:
        source, rest = _translate(_lexemes(plural).__next__)
        if rest:
            raise _stray(rest)
        open_now = 0
        for char in source:
            if char == '(':
                open_now += 1
                if open_now > 20:
                    raise ValueError('plural form expression is too complex')
            elif char == ')':
                open_now -= 1
        scope = {'_as_int': _as_int}
        exec('def func(n):\n'
             '    if not isinstance(n, int):\n'
             '        n = _as_int(n)\n'
             '    return int(%s)\n' % source, scope)
        return scope['func']
    except RecursionError:
        raise ValueError('plural form expression is too complex')


# -- Finding catalogs

def _expand_lang(loc):
    import locale
    name = locale.normalize(loc)
    # language[_territory][.codeset][@modifier]
    name, at, modifier = name.partition('@')
    modifier = at + modifier
    name, dot, codeset = name.partition('.')
    codeset = dot + codeset
    language, under, territory = name.partition('_')
    territory = under + territory
    # Most specific first: the modifier counts most, then the territory,
    # then the codeset; parts the name lacks are never tried.
    variants = []
    for mod in ((modifier, '') if modifier else ('',)):
        for terr in ((territory, '') if territory else ('',)):
            for code in ((codeset, '') if codeset else ('',)):
                variants.append(language + terr + code + mod)
    return variants


def find(domain, localedir=None, languages=None, all=False):
    """The path of the .mo file of `domain` for the first of `languages`
    that has one, or None; with all=True, the list of every such path."""
    folder = _default_localedir if localedir is None else localedir
    if languages is None:
        wanted = []
        for variable in ('LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG'):
            setting = os.environ.get(variable)
            if setting:
                wanted = setting.split(':')
                break
        if 'C' not in wanted:
            wanted.append('C')
    else:
        wanted = languages
    candidates = []
    for language in wanted:
        for variant in _expand_lang(language):
            if variant not in candidates:
                candidates.append(variant)
    found = []
    for variant in candidates:
        if variant == 'C':
            break
        path = os.path.join(folder, variant, 'LC_MESSAGES', domain + '.mo')
        if os.path.exists(path):
            if not all:
                return path
            found.append(path)
    return found if all else None


# -- Translation objects

def _by_count(singular, plural, n):
    return singular if n == 1 else plural


class NullTranslations:
    """Translates nothing: every message is given back (or asked of the
    fallback). The base of the catalog classes."""

    def __init__(self, fp=None):
        self._info = {}
        self._charset = None
        self._fallback = None
        if fp is not None:
            self._parse(fp)

    def _parse(self, fp):
        pass

    def add_fallback(self, fallback):
        """Ask `fallback` for what this catalog does not translate (after
        the fallbacks already added)."""
        current = self._fallback
        if current:
            current.add_fallback(fallback)
        else:
            self._fallback = fallback

    def gettext(self, message):
        if self._fallback:
            return self._fallback.gettext(message)
        return message

    def ngettext(self, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        return _by_count(msgid1, msgid2, n)

    def pgettext(self, context, message):
        if self._fallback:
            return self._fallback.pgettext(context, message)
        return message

    def npgettext(self, context, msgid1, msgid2, n):
        if self._fallback:
            return self._fallback.npgettext(context, msgid1, msgid2, n)
        return _by_count(msgid1, msgid2, n)

    def info(self):
        return self._info

    def charset(self):
        return self._charset

    def install(self, names=None):
        """Make `_` (and those of gettext, ngettext, pgettext and npgettext
        listed in `names`) builtins bound to this catalog."""
        import builtins
        space = builtins.__dict__
        space['_'] = self.gettext
        if names is not None:
            for name in ('gettext', 'ngettext', 'pgettext', 'npgettext'):
                if name in names:
                    space[name] = getattr(self, name)


_MISSING = object()


class GNUTranslations(NullTranslations):
    """A catalog read from a GNU .mo file (either byte order)."""

    LE_MAGIC = 0x950412de
    BE_MAGIC = 0xde120495

    # The msgid stored for a message with a context: context EOT msgid.
    CONTEXT = "%s\x04%s"

    VERSIONS = (0, 1)

    def _get_versions(self, version):
        """(major, minor) of a .mo format revision number."""
        return (version >> 16, version & 0xffff)

    def _parse(self, fp):
        import struct
        name = getattr(fp, 'name', '')
        self._catalog = catalog = {}
        self.plural = lambda n: int(n != 1)
        data = fp.read()
        end = len(data)
        first = struct.unpack('<I', data[:4])[0]
        if first == self.LE_MAGIC:
            order = '<'
        elif first == self.BE_MAGIC:
            order = '>'
        else:
            raise OSError(0, 'Bad magic number', name)
        revision, count, ids_at, strs_at = struct.unpack(
            order + '4I', data[4:20])
        major = self._get_versions(revision)[0]
        if major not in self.VERSIONS:
            raise OSError(0, 'Bad version number ' + str(major), name)
        size = 8 * count
        id_table = data[ids_at:ids_at + size]
        str_table = data[strs_at:strs_at + size]
        if len(id_table) == len(str_table) == size:
            # Both tables whole: read them in one go.
            layout = '%s%dI' % (order, 2 * count)
            id_table = struct.unpack(layout, id_table)
            str_table = struct.unpack(layout, str_table)
        else:
            id_table = str_table = None
        pair = order + 'II'
        for index in range(0, 2 * count, 2):
            if id_table is not None:
                id_len, id_at = id_table[index], id_table[index + 1]
                str_len, str_at = str_table[index], str_table[index + 1]
            else:
                # A cut table: fail on the first short entry, as a reader
                # going entry by entry does.
                at = 4 * index
                id_len, id_at = struct.unpack(
                    pair, data[ids_at + at:ids_at + at + 8])
                str_len, str_at = struct.unpack(
                    pair, data[strs_at + at:strs_at + at + 8])
            if id_at + id_len >= end or str_at + str_len >= end:
                raise OSError(0, 'File is corrupt', name)
            msgid = data[id_at:id_at + id_len]
            text = data[str_at:str_at + str_len]
            if not id_len:
                self._read_header(text)
            encoding = self._charset or 'ascii'
            if b'\x00' in msgid:
                # msgid NUL msgid_plural -> the forms, NUL-separated
                singular, _ = msgid.split(b'\x00')
                singular = singular.decode(encoding)
                for form, translated in enumerate(text.split(b'\x00')):
                    catalog[(singular, form)] = translated.decode(encoding)
            else:
                catalog[msgid.decode(encoding)] = text.decode(encoding)

    def _read_header(self, text):
        previous = None
        for raw in text.split(b'\n'):
            line = raw.decode().strip()
            # msgcat puts "#-#-#-#-#  name  #-#-#-#-#" between merged
            # headers.
            if not line or (line.startswith('#-#-#-#-#')
                            and line.endswith('#-#-#-#-#')):
                continue
            if ':' not in line:
                if previous:
                    self._info[previous] += '\n' + line
                continue
            key, value = line.split(':', 1)
            key = key.strip().lower()
            value = value.strip()
            previous = key
            self._info[key] = value
            if key == 'content-type':
                self._charset = value.split('charset=')[1]
            elif key == 'plural-forms':
                formula = value.split(';')[1].split('plural=')[1]
                self.plural = c2py(formula)

    def _find(self, key):
        catalog = self._catalog
        found = catalog.get(key, _MISSING)
        if found is _MISSING:
            found = catalog.get((key, self.plural(1)), _MISSING)
        return found

    # On a miss, NullTranslations' methods ask the fallback or give the
    # untranslated text.

    def gettext(self, message):
        found = self._find(message)
        if found is _MISSING:
            return NullTranslations.gettext(self, message)
        return found

    def ngettext(self, msgid1, msgid2, n):
        found = self._catalog.get((msgid1, self.plural(n)), _MISSING)
        if found is _MISSING:
            return NullTranslations.ngettext(self, msgid1, msgid2, n)
        return found

    def pgettext(self, context, message):
        found = self._find(self.CONTEXT % (context, message))
        if found is _MISSING:
            return NullTranslations.pgettext(self, context, message)
        return found

    def npgettext(self, context, msgid1, msgid2, n):
        key = (self.CONTEXT % (context, msgid1), self.plural(n))
        found = self._catalog.get(key, _MISSING)
        if found is _MISSING:
            return NullTranslations.npgettext(self, context, msgid1,
                                              msgid2, n)
        return found


# Catalogs already read: (class, absolute path) -> translations object.
_translations = {}


def translation(domain, localedir=None, languages=None,
                class_=None, fallback=False):
    """The catalog of `domain` for `languages`: the first .mo file found,
    with the others as its fallbacks."""
    paths = find(domain, localedir, languages, all=True)
    if not paths:
        if fallback:
            return NullTranslations()
        from errno import ENOENT
        raise FileNotFoundError(ENOENT,
                                'No translation file found for domain', domain)
    maker = GNUTranslations if class_ is None else class_
    import copy
    head = None
    for path in paths:
        key = (maker, os.path.abspath(path))
        loaded = _translations.get(key)
        if loaded is None:
            with open(path, 'rb') as stream:
                loaded = _translations.setdefault(key, maker(stream))
        # A shallow copy: fallbacks added to it stay its own.
        loaded = copy.copy(loaded)
        if head is None:
            head = loaded
        else:
            head.add_fallback(loaded)
    return head


def install(domain, localedir=None, *, names=None):
    """Install `_` (and `names`) as builtins for `domain`."""
    translation(domain, localedir, fallback=True).install(names)


# -- The global API, after GNU gettext's C functions

_localedirs = {}
_current_domain = 'messages'
_untranslated = NullTranslations()


def textdomain(domain=None):
    """Set the global domain when one is given; return the global domain."""
    global _current_domain
    if domain is not None:
        _current_domain = domain
    return _current_domain


def bindtextdomain(domain, localedir=None):
    """Set where `domain`'s catalogs are when `localedir` is given; return
    that folder."""
    if localedir is not None:
        _localedirs[domain] = localedir
    return _localedirs.get(domain, _default_localedir)


def _ask(domain, method, *args):
    # A domain without a catalog answers as NullTranslations does.
    try:
        catalog = translation(domain, _localedirs.get(domain, None))
    except OSError:
        catalog = _untranslated
    return getattr(catalog, method)(*args)


def dgettext(domain, message):
    return _ask(domain, 'gettext', message)


def dngettext(domain, msgid1, msgid2, n):
    return _ask(domain, 'ngettext', msgid1, msgid2, n)


def dpgettext(domain, context, message):
    return _ask(domain, 'pgettext', context, message)


def dnpgettext(domain, context, msgid1, msgid2, n):
    return _ask(domain, 'npgettext', context, msgid1, msgid2, n)


def gettext(message):
    return _ask(_current_domain, 'gettext', message)


def ngettext(msgid1, msgid2, n):
    return _ask(_current_domain, 'ngettext', msgid1, msgid2, n)


def pgettext(context, message):
    return _ask(_current_domain, 'pgettext', context, message)


def npgettext(context, msgid1, msgid2, n):
    return _ask(_current_domain, 'npgettext', context, msgid1, msgid2, n)


# The name of translation() in very old code.
Catalog = translation
