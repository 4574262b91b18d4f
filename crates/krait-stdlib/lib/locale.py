"""Locale services, for the one locale krait has: C (POSIX).

`setlocale` accepts 'C', 'POSIX' and '' (the user's default, which is C)
and reports 'C'; any other locale is `Error("unsupported locale setting")`.
Numbers format and parse as in C (decimal point '.', no grouping),
`currency` refuses as CPython does in the C locale, strings collate by code
point. Text I/O in krait is UTF-8, so the preferred encoding is 'UTF-8'.
`normalize` knows the aliases of common locale names, not CPython's whole
table; `nl_langinfo` answers with the C locale's values.
"""

import sys

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES"]

_builtin_str = str

# Linux (glibc) values.
LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
# glibc also has LC_PAPER .. LC_IDENTIFICATION (7-12), without names here.
_CATEGORIES = frozenset(range(13))

CHAR_MAX = 127


class Error(Exception):
    pass


def _check_category(category):
    if not isinstance(category, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(category).__name__)
    return category in _CATEGORIES


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of two '
                        'strings -- language code, encoding.') from None
    if language is None:
        language = 'C'
    if encoding is None:
        return language
    return language + '.' + encoding


def setlocale(category, locale=None):
    """Set the locale of `category` (a query if `locale` is None); returns
    the locale's name, always 'C'."""
    if locale is not None and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if not _check_category(category):
        raise Error("unsupported locale setting")
    if locale is None or locale in ('', 'C', 'POSIX'):
        return 'C'
    raise Error("unsupported locale setting")


def resetlocale(category=LC_ALL):
    """Set `category` to the default locale: C (deprecated in 3.11)."""
    import warnings
    warnings.warn('Use locale.setlocale(locale.LC_ALL, "") instead',
                  DeprecationWarning, stacklevel=2)
    setlocale(category, 'C')


def getlocale(category=LC_CTYPE):
    """(language code, encoding) of `category`'s locale: (None, None) for
    C."""
    if not _check_category(category):
        raise Error("locale query failed")
    return None, None


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    """(language code, encoding) named by the first of `envvars` that is
    set (deprecated in 3.11)."""
    import os
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for "
                  "removal in Python 3.15. Use setlocale(), getencoding() "
                  "and getlocale() instead.", DeprecationWarning, stacklevel=2)
    localename = 'C'
    for variable in envvars:
        value = os.environ.get(variable)
        if value:
            localename = value.split(':')[0] if variable == 'LANGUAGE' else value
            break
    return _parse_localename(localename)


def getencoding():
    """The locale's encoding: krait's text I/O is always UTF-8."""
    return 'UTF-8'


def getpreferredencoding(do_setlocale=True):
    """The encoding text files use by default: UTF-8."""
    return 'UTF-8'


def localeconv():
    """The C locale's numeric and monetary conventions."""
    return {
        'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
        'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
        'negative_sign': '', 'int_frac_digits': CHAR_MAX,
        'frac_digits': CHAR_MAX, 'p_cs_precedes': CHAR_MAX,
        'p_sep_by_space': CHAR_MAX, 'n_cs_precedes': CHAR_MAX,
        'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX,
        'n_sign_posn': CHAR_MAX, 'decimal_point': '.', 'thousands_sep': '',
        'grouping': [],
    }


def strcoll(os1, os2, /):
    """Compare two strings as the locale collates them: by code point."""
    if not isinstance(os1, _builtin_str):
        raise TypeError("strcoll() argument 1 must be str, not %s" % type(os1).__name__)
    if not isinstance(os2, _builtin_str):
        raise TypeError("strcoll() argument 2 must be str, not %s" % type(os2).__name__)
    return (os1 > os2) - (os1 < os2)


def strxfrm(string, /):
    """A key that compares as `strcoll` does: the string itself in C."""
    if not isinstance(string, _builtin_str):
        raise TypeError("strxfrm() argument must be str, not %s" % type(string).__name__)
    return string


# ---------------------------------------------------------------------------
# Numbers. The C locale has '.' for a decimal point and no grouping; only
# the monetary decimal point differs (it is empty).

_spec_pattern = None


def _specs():
    global _spec_pattern
    if _spec_pattern is None:
        import re
        _spec_pattern = re.compile(
            r'%(?:\((?P<key>[^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d*))?[hlL]?'
            r'[diouxXeEfFgGcrsa%]')
    return _spec_pattern


def _localize_number(formatted, conversion, monetary):
    # Grouping is a no-op in C (grouping and mon_grouping are empty).
    if conversion in 'eEfFgG' and monetary:
        return formatted.replace('.', localeconv()['mon_decimal_point'], 1)
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    """`f % val` with the locale's decimal point and grouping in each
    number."""
    args = val if isinstance(val, tuple) else (val,)
    pieces = []
    used = 0
    end = 0
    for match in _specs().finditer(f):
        literal = f[end:match.start()]
        pieces.append(literal % () if '%' in literal else literal)
        end = match.end()
        spec = match.group()
        conversion = spec[-1]
        if conversion == '%':
            pieces.append(spec % ())
            continue
        if match.group('key') is not None:
            piece = spec % val
        else:
            count = 1 + spec.count('*')
            piece = spec % tuple([args[used + i] for i in range(count)])
            used += count
        pieces.append(_localize_number(piece, conversion, monetary))
    literal = f[end:]
    pieces.append(literal % () if '%' in literal else literal)
    return ''.join(pieces)


def format(percent, value, grouping=False, monetary=False, *additional):
    """One %-specifier formatted as `format_string` would (deprecated)."""
    import warnings
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.",
                  DeprecationWarning, stacklevel=2)
    match = _specs().fullmatch(percent)
    if not match or len(match.group()) != len(percent):
        raise ValueError("format() must be given exactly one %%char "
                         "format specifier, %s not valid" % repr(percent))
    formatted = percent % ((value,) + additional if additional else value)
    return _localize_number(formatted, percent[-1], monetary)


def currency(val, symbol=True, grouping=False, international=False):
    """`val` as money in the locale's format; the C locale has none."""
    # The C locale has no currency conventions (frac_digits is CHAR_MAX).
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    """`val` (a float) as str() would show it, in the locale's format."""
    return '%.12g' % val


def delocalize(string):
    """`string` with the locale's separators made the ones float() reads."""
    conv = localeconv()
    if conv['thousands_sep']:
        string = string.replace(conv['thousands_sep'], '')
    if conv['decimal_point'] != '.':
        string = string.replace(conv['decimal_point'], '.')
    return string


def localize(string, grouping=False, monetary=False):
    """A number's string with the locale's decimal point (and grouping)."""
    point = localeconv()['mon_decimal_point' if monetary else 'decimal_point']
    return string.replace('.', point, 1) if point != '.' else string


def atof(string, func=float):
    """Parse a number written in the locale's format."""
    return func(delocalize(string))


def atoi(string):
    """Parse an integer written in the locale's format."""
    return int(delocalize(string))


# ---------------------------------------------------------------------------
# nl_langinfo, with glibc's item numbers and the C locale's answers.

CODESET = 14
RADIXCHAR = 65536
THOUSEP = 65537
ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7 = range(131072, 131079)
DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7 = range(131079, 131086)
(ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8,
 ABMON_9, ABMON_10, ABMON_11, ABMON_12) = range(131086, 131098)
(MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10,
 MON_11, MON_12) = range(131098, 131110)
AM_STR = 131110
PM_STR = 131111
D_T_FMT = 131112
D_FMT = 131113
T_FMT = 131114
T_FMT_AMPM = 131115
ERA = 131116
ERA_D_FMT = 131118
ALT_DIGITS = 131119
ERA_D_T_FMT = 131120
ERA_T_FMT = 131121
CRNCYSTR = 262159
YESEXPR = 327680
NOEXPR = 327681

_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
           'August', 'September', 'October', 'November', 'December']
_LANGINFO = {
    CODESET: 'UTF-8', RADIXCHAR: '.', THOUSEP: '', AM_STR: 'AM', PM_STR: 'PM',
    D_T_FMT: '%a %b %e %H:%M:%S %Y', D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S',
    T_FMT_AMPM: '%I:%M:%S %p', ERA: '', ERA_D_FMT: '', ALT_DIGITS: '',
    ERA_D_T_FMT: '', ERA_T_FMT: '', CRNCYSTR: '-', YESEXPR: '^[yY]',
    NOEXPR: '^[nN]',
}
for _i in range(7):
    _LANGINFO[DAY_1 + _i] = _DAYS[_i]
    _LANGINFO[ABDAY_1 + _i] = _DAYS[_i][:3]
for _i in range(12):
    _LANGINFO[MON_1 + _i] = _MONTHS[_i]
    _LANGINFO[ABMON_1 + _i] = _MONTHS[_i][:3]
del _i


def nl_langinfo(key, /):
    """The C locale's value for a langinfo item (CODESET is UTF-8, as
    krait's text I/O)."""
    if not isinstance(key, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(key).__name__)
    try:
        return _LANGINFO[key]
    except KeyError:
        raise ValueError("unsupported langinfo constant") from None


# ---------------------------------------------------------------------------
# normalize: locale names to the form setlocale takes, for common names
# (CPython's alias table, abridged).

locale_alias = {
    'c': 'C', 'c.ascii': 'C', 'c.en': 'C', 'c.iso88591': 'en_US.ISO8859-1',
    'c.utf8': 'en_US.UTF-8', 'posix': 'C',
    'ar': 'ar_AA.ISO8859-6', 'ar_sa': 'ar_SA.ISO8859-6',
    'cs': 'cs_CZ.ISO8859-2', 'cs_cz': 'cs_CZ.ISO8859-2',
    'da': 'da_DK.ISO8859-1', 'da_dk': 'da_DK.ISO8859-1',
    'de': 'de_DE.ISO8859-1', 'de_at': 'de_AT.ISO8859-1',
    'de_ch': 'de_CH.ISO8859-1', 'de_de': 'de_DE.ISO8859-1',
    'de_de@euro': 'de_DE.ISO8859-15', 'de_at@euro': 'de_AT.ISO8859-15',
    'el': 'el_GR.ISO8859-7', 'el_gr': 'el_GR.ISO8859-7',
    'el_gr@euro': 'el_GR.ISO8859-15',
    'en': 'en_US.ISO8859-1', 'en_au': 'en_AU.ISO8859-1',
    'en_ca': 'en_CA.ISO8859-1', 'en_gb': 'en_GB.ISO8859-1',
    'en_ie': 'en_IE.ISO8859-1', 'en_in': 'en_IN.ISO8859-1',
    'en_nz': 'en_NZ.ISO8859-1', 'en_us': 'en_US.ISO8859-1',
    'en_za': 'en_ZA.ISO8859-1', 'english': 'en_EN.ISO8859-1',
    'es': 'es_ES.ISO8859-1', 'es_ar': 'es_AR.ISO8859-1',
    'es_es': 'es_ES.ISO8859-1', 'es_mx': 'es_MX.ISO8859-1',
    'es_es@euro': 'es_ES.ISO8859-15',
    'fi': 'fi_FI.ISO8859-15', 'fi_fi': 'fi_FI.ISO8859-15',
    'fr': 'fr_FR.ISO8859-1', 'fr_be': 'fr_BE.ISO8859-1',
    'fr_ca': 'fr_CA.ISO8859-1', 'fr_ch': 'fr_CH.ISO8859-1',
    'fr_fr': 'fr_FR.ISO8859-1', 'fr_fr@euro': 'fr_FR.ISO8859-15',
    'french': 'fr_FR.ISO8859-1', 'german': 'de_DE.ISO8859-1',
    'he': 'he_IL.ISO8859-8', 'he_il': 'he_IL.ISO8859-8',
    'hi': 'hi_IN.ISCII-DEV', 'hi_in': 'hi_IN.ISCII-DEV',
    'id': 'id_ID.ISO8859-1', 'id_id': 'id_ID.ISO8859-1',
    'it': 'it_IT.ISO8859-1', 'it_it': 'it_IT.ISO8859-1',
    'it_it@euro': 'it_IT.ISO8859-15', 'italian': 'it_IT.ISO8859-1',
    'ja': 'ja_JP.eucJP', 'ja_jp': 'ja_JP.eucJP', 'japanese': 'ja_JP.eucJP',
    'ko': 'ko_KR.eucKR', 'ko_kr': 'ko_KR.eucKR',
    'nb_no': 'nb_NO.ISO8859-1', 'nl': 'nl_NL.ISO8859-1',
    'nl_be': 'nl_BE.ISO8859-1', 'nl_nl': 'nl_NL.ISO8859-1',
    'nl_nl@euro': 'nl_NL.ISO8859-15', 'no': 'no_NO.ISO8859-1',
    'pl': 'pl_PL.ISO8859-2', 'pl_pl': 'pl_PL.ISO8859-2',
    'pt': 'pt_PT.ISO8859-1', 'pt_br': 'pt_BR.ISO8859-1',
    'pt_pt': 'pt_PT.ISO8859-1', 'pt_pt@euro': 'pt_PT.ISO8859-15',
    'ru': 'ru_RU.UTF-8', 'ru_ru': 'ru_RU.UTF-8',
    'spanish': 'es_ES.ISO8859-1', 'sr_rs@latin': 'sr_RS.UTF-8@latin',
    'sv': 'sv_SE.ISO8859-1', 'sv_se': 'sv_SE.ISO8859-1',
    'th': 'th_TH.ISO8859-11', 'th_th': 'th_TH.ISO8859-11',
    'tr': 'tr_TR.ISO8859-9', 'tr_tr': 'tr_TR.ISO8859-9',
    'uk': 'uk_UA.KOI8-U', 'uk_ua': 'uk_UA.KOI8-U',
    'vi': 'vi_VN.TCVN', 'vi_vn': 'vi_VN.TCVN',
    'zh': 'zh_CN.eucCN', 'zh_cn': 'zh_CN.gb2312', 'zh_hk': 'zh_HK.big5hkscs',
    'zh_tw': 'zh_TW.big5',
}

# Encoding names (lower case, without '-' and '_') as locale names spell
# them.
locale_encoding_alias = {
    'utf8': 'UTF-8', 'utf': 'UTF-8', 'latin1': 'ISO8859-1',
    'iso88591': 'ISO8859-1', 'ascii': 'ISO8859-1', 'usascii': 'ISO8859-1',
    '646': 'ISO8859-1', 'iso885915': 'ISO8859-15', 'latin9': 'ISO8859-15',
    'iso88592': 'ISO8859-2', 'iso88595': 'ISO8859-5', 'iso88597': 'ISO8859-7',
    'iso88599': 'ISO8859-9', 'koi8r': 'KOI8-R', 'koi8u': 'KOI8-U',
    'eucjp': 'eucJP', 'euckr': 'eucKR', 'sjis': 'SJIS', 'shiftjis': 'SJIS',
    'cp1251': 'CP1251', 'cp1255': 'CP1255', 'cp1256': 'CP1256',
}


def _with_encoding(code, encoding):
    """`code` (an alias's value) with its encoding replaced."""
    language, at, modifier = code.partition('@')
    language = language.split('.')[0]
    encoding = locale_encoding_alias.get(encoding.replace('-', '').replace('_', ''), encoding)
    return language + '.' + encoding + at + modifier


def normalize(localename):
    """The full name ('en_US.UTF-8') of a locale name ('en_us.utf8'), or
    the name unchanged if it is not known."""
    code = localename.lower().replace(':', '.')
    base, _, modifier = code.partition('@')
    language, _, encoding = base.partition('.')
    if '.' in encoding:
        encoding = encoding.split('.')[0]
    with_encoding = language
    if encoding:
        with_encoding += '.' + encoding.replace('-', '').replace('_', '')
    found = locale_alias.get(with_encoding + '@' + modifier if modifier else with_encoding)
    if found is not None:
        return found
    if modifier:
        found = locale_alias.get(with_encoding)
        if found is not None:
            if '@' not in found:
                if modifier == 'euro' and '.' not in found:
                    return found + '.ISO8859-15'
                return found + '@' + modifier
            if found.split('@', 1)[1].lower() == modifier:
                return found
    if encoding:
        found = locale_alias.get(language + '@' + modifier if modifier else language)
        if found is not None:
            return _with_encoding(found, encoding)
    return localename
