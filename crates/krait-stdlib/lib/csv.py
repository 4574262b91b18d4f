"""CSV files: reading and writing records in the dialects spreadsheets use.

The reader is a state machine over the characters of each line (the one
CPython's `_csv` runs); the writer quotes and escapes by the dialect's
`quoting` rules. No `Sniffer`.
"""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "excel", "excel_tab", "field_size_limit",
           "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "unregister_dialect", "DictReader",
           "DictWriter", "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)


class Error(Exception):
    pass


_field_limit = 128 * 1024
_dialects = {}


def field_size_limit(*args):
    """The largest field the reader accepts; with an argument, sets it and
    returns the old limit."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit expected at most 1 argument, got %d" % len(args))
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


def _char(name, value, allow_none):
    if value is None:
        if allow_none:
            return None
        raise TypeError('"%s" must be a 1-character string' % name)
    if not isinstance(value, str):
        raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__)
                        if allow_none else
                        '"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Dialect:
    """The validated parameters of a reader or writer."""

    __slots__ = ('delimiter', 'quotechar', 'escapechar', 'doublequote',
                 'skipinitialspace', 'lineterminator', 'quoting', 'strict')

    def __init__(self, dialect=None, **kwargs):
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)

        def pick(name, default):
            if name in kwargs:
                return kwargs[name]
            if dialect is not None and hasattr(dialect, name):
                return getattr(dialect, name)
            return default

        for name in kwargs:
            if name not in _Dialect.__slots__:
                raise TypeError("'%s' is an invalid keyword argument for this function" % name)
        quoting = pick('quoting', QUOTE_MINIMAL)
        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        self.quoting = quoting
        self.delimiter = _char('delimiter', pick('delimiter', ','), False)
        quotechar = pick('quotechar', '"')
        if quotechar is None and quoting != QUOTE_NONE:
            raise TypeError('quotechar must be set if quoting enabled')
        self.quotechar = _char('quotechar', quotechar, True)
        self.escapechar = _char('escapechar', pick('escapechar', None), True)
        self.doublequote = bool(pick('doublequote', True))
        self.skipinitialspace = bool(pick('skipinitialspace', False))
        lineterminator = pick('lineterminator', '\r\n')
        if not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        self.lineterminator = lineterminator
        self.strict = bool(pick('strict', False))


class Dialect:
    """Describe a CSV dialect: subclass it and set the attributes."""
    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None
    strict = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e))


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\r\n'
    quoting = QUOTE_MINIMAL


class excel_tab(excel):
    """The usual properties of an Excel-generated TAB-delimited file."""
    delimiter = '\t'


class unix_dialect(Dialect):
    """The usual properties of a CSV file made on UNIX."""
    delimiter = ','
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = QUOTE_ALL


def register_dialect(name, dialect=None, **kwargs):
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **kwargs)


def unregister_dialect(name):
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    return list(_dialects)


register_dialect("excel", excel)
register_dialect("excel-tab", excel_tab)
register_dialect("unix", unix_dialect)

(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL,
 _AFTER_ESCAPED_CRNL) = range(9)


class _Reader:
    """Iterates over the records of the lines of `source`."""

    def __init__(self, source, dialect='excel', **kwargs):
        self._lines = iter(source)
        self.dialect = _Dialect(dialect, **kwargs)
        self.line_num = 0
        d = self.dialect
        # Whether a line without quote or escape characters is just split.
        self._plain = not d.skipinitialspace and d.quoting != QUOTE_NONNUMERIC

    def __iter__(self):
        return self

    def _save_field(self):
        field = ''.join(self._field)
        self._field = []
        if self._numeric_field:
            self._numeric_field = False
            field = float(field)
        self._fields.append(field)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        d = self.dialect
        self._fields = []
        self._field = []
        self._numeric_field = False
        state = _START_RECORD
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                if self._field or state == _IN_QUOTED_FIELD:
                    if d.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    return self._fields
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)"
                            % type(line).__name__)
            self.line_num += 1
            if state == _START_RECORD and self._plain:
                # A line with nothing to unquote or unescape: split it
                # (the machine would make the same fields).
                body = line
                if body.endswith('\n'):
                    body = body[:-1]
                if body.endswith('\r'):
                    body = body[:-1]
                if (d.quotechar is None or d.quotechar not in body) and \
                        (d.escapechar is None or d.escapechar not in body) and \
                        '\r' not in body and '\n' not in body:
                    if not body:
                        return []
                    fields = body.split(d.delimiter)
                    for field in fields:
                        if len(field) > _field_limit:
                            raise Error("field larger than field limit (%d)" % _field_limit)
                    return fields
            for c in line:
                state = self._process(state, c)
            state = self._process(state, None)
            if state == _START_RECORD:
                return self._fields

    def _process(self, state, c):
        """One step of the machine: `c` is a character or None (the end of
        a line)."""
        d = self.dialect
        if state == _START_RECORD:
            if c is None:
                return _START_RECORD
            if c == '\n' or c == '\r':
                return _EAT_CRNL
            state = _START_FIELD
        if state == _START_FIELD:
            if c is None or c == '\n' or c == '\r':
                self._save_field()
                return _START_RECORD if c is None else _EAT_CRNL
            if c == d.quotechar and d.quoting != QUOTE_NONE:
                return _IN_QUOTED_FIELD
            if c == d.escapechar:
                return _ESCAPED_CHAR
            if c == ' ' and d.skipinitialspace:
                return _START_FIELD
            if c == d.delimiter:
                self._save_field()
                return _START_FIELD
            if d.quoting == QUOTE_NONNUMERIC:
                self._numeric_field = True
            self._add_char(c)
            return _IN_FIELD
        if state == _ESCAPED_CHAR:
            if c is None:
                self._add_char('\n')
                return _IN_FIELD
            if c == '\n' or c == '\r':
                self._add_char(c)
                return _AFTER_ESCAPED_CRNL
            self._add_char(c)
            return _IN_FIELD
        if state == _AFTER_ESCAPED_CRNL:
            if c is None:
                return _AFTER_ESCAPED_CRNL
            return self._process(_IN_FIELD, c)
        if state == _IN_FIELD:
            if c is None or c == '\n' or c == '\r':
                self._save_field()
                return _START_RECORD if c is None else _EAT_CRNL
            if c == d.escapechar:
                return _ESCAPED_CHAR
            if c == d.delimiter:
                self._save_field()
                return _START_FIELD
            self._add_char(c)
            return _IN_FIELD
        if state == _IN_QUOTED_FIELD:
            if c is None:
                return _IN_QUOTED_FIELD
            if c == d.escapechar:
                return _ESCAPE_IN_QUOTED_FIELD
            if c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    return _QUOTE_IN_QUOTED_FIELD
                return _IN_FIELD
            self._add_char(c)
            return _IN_QUOTED_FIELD
        if state == _ESCAPE_IN_QUOTED_FIELD:
            if c is None:
                c = '\n'
            self._add_char(c)
            return _IN_QUOTED_FIELD
        if state == _QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                self._add_char(c)
                return _IN_QUOTED_FIELD
            if c == d.delimiter:
                self._save_field()
                return _START_FIELD
            if c is None or c == '\n' or c == '\r':
                self._save_field()
                return _START_RECORD if c is None else _EAT_CRNL
            if not d.strict:
                self._add_char(c)
                return _IN_FIELD
            raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        if state == _EAT_CRNL:
            if c is None:
                return _START_RECORD
            if c == '\n' or c == '\r':
                return _EAT_CRNL
            raise Error("new-line character seen in unquoted field - "
                        "do you need to open the file with newline=''?")
        raise Error("unknown state")


def reader(csvfile, dialect='excel', **fmtparams):
    """A reader over the lines of `csvfile` (any iterable of str)."""
    return _Reader(csvfile, dialect, **fmtparams)


class _Writer:
    def __init__(self, fileobj, dialect='excel', **kwargs):
        self._write = fileobj.write
        self.dialect = _Dialect(dialect, **kwargs)
        d = self.dialect
        self._specials = [c for c in (d.delimiter, d.quotechar, d.escapechar)
                          if c is not None] + list(d.lineterminator)

    def _quoted(self, field, quoted):
        d = self.dialect
        for special in self._specials:
            if special in field:
                break
        else:
            # Nothing to escape or double (the common field).
            return d.quotechar + field + d.quotechar if quoted else field
        out = []
        for c in field:
            want_escape = False
            if (c == d.delimiter or c == d.escapechar or c == d.quotechar
                    or c in d.lineterminator):
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        text = ''.join(out)
        if quoted:
            text = d.quotechar + text + d.quotechar
        return text

    def writerow(self, row):
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error("iterable expected, not %s" % type(row).__name__) from None
        pieces = []
        count = 0
        for field in fields:
            count += 1
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not isinstance(field, (int, float))
            else:
                quoted = d.quoting == QUOTE_ALL
            if field is None:
                text = ''
            elif isinstance(field, str):
                text = field
            elif isinstance(field, float):
                text = repr(field)
            else:
                text = str(field)
            pieces.append(self._quoted(text, quoted))
        if count == 1 and pieces[0] == '':
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            pieces[0] = d.quotechar * 2
        return self._write(d.delimiter.join(pieces) + d.lineterminator)

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(csvfile, dialect='excel', **fmtparams):
    """A writer of records to `csvfile` (anything with `write`)."""
    return _Writer(csvfile, dialect, **fmtparams)


class DictReader:
    """Reads records as dicts keyed by `fieldnames` (by default the first
    record)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as records in the order of `fieldnames`."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        if extrasaction.lower() not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'"
                             % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = rowdict.keys() - self.fieldnames
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))
