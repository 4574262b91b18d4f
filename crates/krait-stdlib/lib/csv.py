"""Reading and writing CSV records in krait.

The record parser and writer are the native `_csv` module's; dialect
validation, the dialect registry and the dict-based reader and writer
live here.  There is no Sniffer.
"""

__all__ = """QUOTE_MINIMAL QUOTE_ALL QUOTE_NONNUMERIC QUOTE_NONE Error __doc__
    Dialect excel excel_tab field_size_limit reader writer register_dialect
    get_dialect list_dialects unregister_dialect DictReader DictWriter
    unix_dialect __version__""".split()

__version__ = "1.0"

from _csv import (Error, QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC,
                  QUOTE_NONE, field_size_limit)
import _csv

_dialects = {}


_ABSENT = object()
_QUOTING_MODES = (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE)


def _one_char(name, value, nullable):
    """Validate a single-character setting, as _csv does."""
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        if nullable:
            raise TypeError('"%s" must be string or None, not %s'
                            % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s'
                        % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """A checked set of reader/writer parameters (what _csv consumes)."""

    __slots__ = ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                 'skipinitialspace', 'lineterminator', 'quoting', 'strict')

    def __init__(self, dialect=None, **kwargs):
        for key in kwargs:
            if key not in _Dialect.__slots__:
                raise TypeError("'%s' is an invalid keyword argument for "
                                "this function" % key)
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def given(key):
            value = kwargs.get(key, _ABSENT)
            if value is _ABSENT and dialect is not None:
                value = getattr(dialect, key, _ABSENT)
            return value

        def setting(key, default):
            value = given(key)
            return default if value is _ABSENT else value

        # Type checks, in _csv's order.
        delimiter = _one_char('delimiter', setting('delimiter', ','), False)
        doublequote = bool(setting('doublequote', True))
        escapechar = _one_char('escapechar', setting('escapechar', None),
                               True)
        terminator = setting('lineterminator', '\r\n')
        if terminator is not None and not isinstance(terminator, str):
            raise TypeError('"lineterminator" must be a string')
        quotechar = _one_char('quotechar', setting('quotechar', '"'), True)
        quoting = given('quoting')
        quoting_given = quoting is not _ABSENT
        if not quoting_given:
            quoting = QUOTE_MINIMAL
        elif type(quoting) is not int:
            raise TypeError('"quoting" must be an integer')
        skip = bool(setting('skipinitialspace', False))
        strict = bool(setting('strict', False))

        # Consistency checks.
        if quoting not in _QUOTING_MODES:
            raise TypeError('bad "quoting" value')
        if quotechar is None:
            if not quoting_given:
                quoting = QUOTE_NONE
            elif quoting != QUOTE_NONE:
                raise TypeError('quotechar must be set if quoting enabled')
        if terminator is None:
            raise TypeError('lineterminator must be set')

        self.delimiter, self.quotechar = delimiter, quotechar
        self.escapechar, self.doublequote = escapechar, doublequote
        self.skipinitialspace, self.lineterminator = skip, terminator
        self.quoting, self.strict = quoting, strict


class Dialect:
    """Base for dialect descriptions: subclass and set the attributes."""
    _name = ""
    _valid = False
    delimiter = quotechar = escapechar = doublequote = None
    skipinitialspace = lineterminator = quoting = strict = None

    def __init__(self):
        if type(self) is not Dialect:
            self._valid = True
        try:
            _Dialect(self)
        except TypeError as problem:
            raise Error(str(problem))


class excel(Dialect):
    """Excel's comma-separated format."""
    delimiter, quotechar, lineterminator = ',', '"', '\r\n'
    doublequote, skipinitialspace = True, False
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """Excel's tab-separated format."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """CSV as UNIX tools write it: every field quoted, '\\n' endings."""
    delimiter, quotechar, lineterminator = ',', '"', '\n'
    doublequote, skipinitialspace = True, False
    quoting = QUOTE_ALL


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **kwargs)


def unregister_dialect(name):
    if _dialects.pop(name, _dialects) is _dialects:
        raise Error("unknown dialect")


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


for _label, _kind in (("excel", excel), ("excel-tab", excel_tab),
                      ("unix", unix_dialect)):
    register_dialect(_label, _kind)
del _label, _kind


def reader(csvfile, dialect='excel', **fmtparams):
    """Iterate over the records of `csvfile` (any iterable of lines)."""
    return _csv.reader(iter(csvfile), _Dialect(dialect, **fmtparams))


def writer(csvfile, dialect='excel', **fmtparams):
    """A record writer over `csvfile` (anything with a write method)."""
    return _csv.writer(csvfile, _Dialect(dialect, **fmtparams))


class DictReader:
    """Records as dicts keyed by `fieldnames` (the first record when not
    given); extra values go under `restkey`, missing ones get `restval`."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        self._fieldnames = fieldnames
        self.restkey, self.restval = restkey, restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        source = self.reader
        if self._fieldnames is None:
            self._fieldnames = next(source, None)
        self.line_num = source.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if not self.line_num:
            self.fieldnames
        source = self.reader
        record = next(source)
        self.line_num = source.line_num
        while not record:
            record = next(source)
        keys = self.fieldnames
        result = dict(zip(keys, record))
        surplus = len(record) - len(keys)
        if surplus > 0:
            result[self.restkey] = record[len(keys):]
        elif surplus < 0:
            filler = self.restval
            for key in keys[len(record):]:
                result[key] = filler
        return result


class DictWriter:
    """Writes dicts as records, values ordered by `fieldnames`; keys not
    in it raise ValueError unless extrasaction='ignore'."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ('raise', 'ignore'):
            raise ValueError(
                f"extrasaction ({extrasaction}) must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        names = self.fieldnames
        return self.writerow({name: name for name in names})

    def _dict_to_list(self, rowdict):
        order = self.fieldnames
        if self.extrasaction == 'raise':
            unknown = rowdict.keys() - order
            if unknown:
                listed = ', '.join(map(repr, unknown))
                raise ValueError(
                    'dict contains fields not in fieldnames: ' + listed)
        missing = self.restval
        return (rowdict.get(name, missing) for name in order)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        convert = self._dict_to_list
        return self.writer.writerows(convert(row) for row in rowdicts)
