"""The DB-API 2.0 objects of `sqlite3`: connections, cursors, rows,
adapters and converters, over the native `_sqlite3` module (SQLite
itself: preparing, binding, stepping and reading rows happen there).

Behaviour follows CPython 3.11: implicit transactions (a BEGIN before
INSERT/UPDATE/DELETE/REPLACE unless `isolation_level` is None; no
implicit COMMIT before other statements; `executescript` commits
first), a cache of prepared statements per connection, `rowcount` and
`lastrowid` as CPython sets them, `row_factory`, `text_factory`,
`detect_types` with `PARSE_DECLTYPES`/`PARSE_COLNAMES`, adapters
(`register_adapter`, `__conform__`) and converters, user functions,
aggregates and collations, and the exception hierarchy with
`sqlite_errorcode`/`sqlite_errorname`.

Not provided: `backup`, `blobopen`, `set_authorizer`,
`set_progress_handler`, `set_trace_callback`, `enable_load_extension`,
`serialize`/`deserialize`.
"""

import datetime
import os
import time

import _sqlite3
from _sqlite3 import (
    DatabaseError,
    DataError,
    Error,
    IntegrityError,
    InterfaceError,
    InternalError,
    NotSupportedError,
    OperationalError,
    ProgrammingError,
    Warning,
    complete_statement,
    sqlite_version,
)

paramstyle = "qmark"
threadsafety = 3
apilevel = "2.0"
version = "2.6.0"
version_info = (2, 6, 0)
sqlite_version_info = tuple(int(part) for part in sqlite_version.split("."))

PARSE_DECLTYPES = 1
PARSE_COLNAMES = 2

SQLITE_OK = 0
SQLITE_DENY = 1
SQLITE_IGNORE = 2

Date = datetime.date
Time = datetime.time
Timestamp = datetime.datetime
Binary = memoryview


def DateFromTicks(ticks):
    return Date(*time.localtime(ticks)[:3])


def TimeFromTicks(ticks):
    return Time(*time.localtime(ticks)[3:6])


def TimestampFromTicks(ticks):
    return Timestamp(*time.localtime(ticks)[:6])


class PrepareProtocol:
    """The protocol object adapters are registered for (PEP 246)."""

    __module__ = "sqlite3"


adapters = {}
converters = {}
_callback_tracebacks = False


def register_adapter(type, adapter, /):
    adapters[(type, PrepareProtocol)] = adapter


def register_converter(name, converter, /):
    converters[name.upper()] = converter


_NO_ALTERNATIVE = object()


def adapt(obj, proto=PrepareProtocol, alt=_NO_ALTERNATIVE, /):
    adapter = adapters.get((type(obj), proto))
    if adapter is not None:
        return adapter(obj)
    hook = getattr(proto, "__adapt__", None)
    if hook is not None:
        adapted = hook(obj)
        if adapted is not None:
            return adapted
    hook = getattr(obj, "__conform__", None)
    if hook is not None:
        adapted = hook(proto)
        if adapted is not None:
            return adapted
    if alt is not _NO_ALTERNATIVE:
        return alt
    raise ProgrammingError("can't adapt")


def _adapt_parameter(value):
    """What a parameter of a type SQLite does not hold binds as: its
    adapter's result, else its `__conform__`'s, else itself (the
    native binding then names the type it cannot bind)."""
    adapter = adapters.get((type(value), PrepareProtocol))
    if adapter is not None:
        return adapter(value)
    hook = getattr(value, "__conform__", None)
    if hook is not None:
        adapted = hook(PrepareProtocol)
        if adapted is not None:
            return adapted
    return value


def enable_callback_tracebacks(flag, /):
    global _callback_tracebacks
    _callback_tracebacks = bool(flag)


def enable_shared_cache(enable):
    raise NotSupportedError("shared cache is not supported")


def _adapt_date(value):
    return value.isoformat()


def _adapt_datetime(value):
    return value.isoformat(" ")


def _convert_date(data):
    year, month, day = data.split(b"-")
    return datetime.date(int(year), int(month), int(day))


def _convert_timestamp(data):
    day_part, _, time_part = data.partition(b" ")
    year, month, day = (int(part) for part in day_part.split(b"-"))
    clock, _, fraction = time_part.partition(b".")
    hour, minute, second = (int(part) for part in clock.split(b":"))
    # Up to six digits of fraction, padded on the right: microseconds.
    micro = int((fraction.decode()[:6]).ljust(6, "0")) if fraction else 0
    return datetime.datetime(year, month, day, hour, minute, second, micro)


register_adapter(datetime.date, _adapt_date)
register_adapter(datetime.datetime, _adapt_datetime)
register_converter("date", _convert_date)
register_converter("timestamp", _convert_timestamp)


_DML = ("insert", "update", "delete", "replace")


def _is_dml(sql):
    """Whether the statement starts with INSERT, UPDATE, DELETE or
    REPLACE (after blanks and comments): what opens a transaction."""
    i = 0
    n = len(sql)
    while i < n:
        ch = sql[i]
        if ch in " \t\n\r\f":
            i += 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            if end < 0:
                return False
            i = end + 1
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            if end < 0:
                return False
            i = end + 2
        else:
            return sql[i:i + 7].lower().startswith(_DML)
    return False


_ISOLATION_LEVELS = ("", "DEFERRED", "IMMEDIATE", "EXCLUSIVE")


class Connection:
    """An open SQLite database."""

    __module__ = "sqlite3"

    Warning = Warning
    Error = Error
    InterfaceError = InterfaceError
    DatabaseError = DatabaseError
    DataError = DataError
    OperationalError = OperationalError
    IntegrityError = IntegrityError
    InternalError = InternalError
    ProgrammingError = ProgrammingError
    NotSupportedError = NotSupportedError

    def __init__(self, database, timeout=5.0, detect_types=0, isolation_level="",
                 check_same_thread=True, factory=None, cached_statements=128, uri=False):
        database = os.fspath(database)
        if isinstance(database, bytes):
            database = os.fsdecode(database)
        self._db = _sqlite3.open(database, float(timeout), bool(uri))
        self._statements = {}
        self._cache_size = cached_statements
        self._detect_types = detect_types
        self._isolation_level = None
        self.isolation_level = isolation_level
        self.row_factory = None
        self.text_factory = str

    def _check(self):
        if not self._db.is_open():
            raise ProgrammingError("Cannot operate on a closed database.")

    def _prepare(self, sql):
        """The cache entry for `sql` — (statement, whether it is DML,
        the cursor's `description`) — with a statement no cursor is
        reading (the cached one, or a new one), or None for SQL that
        holds no statement."""
        entry = self._statements.get(sql)
        if entry is not None and not entry[0].busy():
            return entry
        statement = self._db.prepare(sql)
        if statement is None:
            return None
        names = statement.columns()
        if names is None:
            description = None
        else:
            if self._detect_types & PARSE_COLNAMES:
                names = [n.split(" [")[0] if n is not None else n for n in names]
            description = tuple((name, None, None, None, None, None, None) for name in names)
        entry = (statement, _is_dml(sql), description)
        if self._cache_size > 0:
            if len(self._statements) >= self._cache_size:
                del self._statements[next(iter(self._statements))]
            self._statements[sql] = entry
        return entry

    def _begin(self):
        self._db.execute_script("BEGIN " + self._isolation_level)

    @property
    def isolation_level(self):
        return self._isolation_level

    @isolation_level.setter
    def isolation_level(self, level):
        if level is None:
            self._check()
            if self._db.in_transaction():
                self._db.execute_script("COMMIT")
            self._isolation_level = None
            return
        if not isinstance(level, str):
            raise TypeError("isolation_level must be str or None")
        if level.upper() not in _ISOLATION_LEVELS:
            raise ValueError(
                "isolation_level string must be '', 'DEFERRED', 'IMMEDIATE', or 'EXCLUSIVE'"
            )
        self._isolation_level = level.upper()

    @property
    def in_transaction(self):
        self._check()
        return self._db.in_transaction()

    @property
    def total_changes(self):
        self._check()
        return self._db.total_changes()

    def cursor(self, factory=None):
        self._check()
        cursor = Cursor(self) if factory is None else factory(self)
        if not isinstance(cursor, Cursor):
            raise TypeError("factory must return a cursor, not %s" % type(cursor).__name__)
        if self.row_factory is not None:
            cursor.row_factory = self.row_factory
        return cursor

    def execute(self, sql, parameters=(), /):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, parameters, /):
        return self.cursor().executemany(sql, parameters)

    def executescript(self, sql_script, /):
        return self.cursor().executescript(sql_script)

    def commit(self):
        self._check()
        if self._db.in_transaction():
            self._db.execute_script("COMMIT")

    def rollback(self):
        self._check()
        if self._db.in_transaction():
            for entry in self._statements.values():
                entry[0].reset()
            self._db.execute_script("ROLLBACK")

    def _forget_statements(self):
        for entry in self._statements.values():
            entry[0].finalize()
        self._statements.clear()

    def close(self):
        if self._db.is_open():
            self._forget_statements()
            self._db.close()

    def interrupt(self):
        self._check()
        self._db.interrupt()

    def create_function(self, name, narg, func, *, deterministic=False):
        self._check()
        self._db.create_function(name, narg, func, bool(deterministic))

    def create_aggregate(self, name, n_arg, aggregate_class):
        self._check()
        self._db.create_aggregate(name, n_arg, aggregate_class)

    def create_collation(self, name, callable_, /):
        self._check()
        if callable_ is not None and not callable(callable_):
            raise TypeError("parameter must be callable")
        self._db.create_collation(name, callable_)

    def iterdump(self):
        """The database as SQL statements (a transaction that rebuilds it):
        each table's CREATE and one INSERT per row, then its indexes,
        triggers and views, in CPython's order and text."""
        self._check()
        return _dump(self)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
        return False

    def __call__(self, sql):
        raise NotSupportedError("calling a connection to prepare a statement is not supported")


class Cursor:
    """Runs statements on a connection and reads their rows."""

    __module__ = "sqlite3"

    # Defaults read from the class until an instance sets its own (a
    # cursor per `connection.execute` call stores only its connection).
    arraysize = 1
    row_factory = None
    description = None
    rowcount = -1
    lastrowid = None
    _statement = None
    _row = None
    _converters = None
    _closed = False

    def __init__(self, connection, /):
        if not isinstance(connection, Connection):
            raise TypeError(
                "argument 1 must be sqlite3.Connection, not %s" % type(connection).__name__
            )
        self.connection = connection

    def _check(self):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        self.connection._check()


    def _release(self):
        statement = self._statement
        if statement is not None:
            self._statement = None
            statement.reset()
        self._row = None

    def _column_converters(self, statement, names):
        """The converter of each column (None where there is none), or
        None when no column has one."""
        detect = self.connection._detect_types
        found = []
        any_found = False
        decltypes = statement.decltypes() if detect & PARSE_DECLTYPES else None
        for i, name in enumerate(names):
            converter = None
            if detect & PARSE_COLNAMES and name is not None:
                start = name.find("[")
                if start >= 0:
                    end = name.find("]", start)
                    if end > start:
                        converter = converters.get(name[start + 1:end].upper())
            if converter is None and decltypes is not None and decltypes[i] is not None:
                declared = decltypes[i].split("(")[0].split(" ")[0]
                converter = converters.get(declared.upper())
            if converter is not None:
                any_found = True
            found.append(converter)
        return found if any_found else None

    def _step(self):
        """The statement's next row, converted, or None at its end (the
        statement is then reset, its rows read)."""
        statement = self._statement
        factory = self.connection.text_factory
        row = statement.step(None if factory is str else factory)
        if row is None:
            self._statement = None
            statement.reset()
            return None
        if self._converters is not None:
            row = self._convert(row)
        return row

    def _convert(self, row):
        values = list(row)
        for i, converter in enumerate(self._converters):
            value = values[i]
            if converter is not None and value is not None:
                if isinstance(value, str):
                    value = value.encode()
                elif not isinstance(value, bytes):
                    value = str(value).encode()
                values[i] = converter(value)
        return tuple(values)

    def execute(self, sql, parameters=(), /):
        if self._closed:
            raise ProgrammingError("Cannot operate on a closed cursor.")
        if not isinstance(sql, str):
            raise TypeError("execute() argument 1 must be str, not %s" % type(sql).__name__)
        if self._statement is not None:
            self._release()
        connection = self.connection
        db = connection._db
        entry = connection._prepare(sql)
        if entry is None:
            self.description = None
            self.rowcount = -1
            return self
        statement, dml, description = entry
        if dml and connection._isolation_level is not None and not db.in_transaction():
            connection._begin()
        self.description = description
        if connection._detect_types and description is not None:
            self._converters = self._column_converters(statement, statement.columns())
        else:
            self._converters = None
        factory = connection.text_factory
        row = statement.start(parameters, _adapt_parameter, None if factory is str else factory)
        if row is None:
            statement.reset()
        else:
            # A lease, not the statement: a cursor dropped with rows unread
            # (`conn.execute("select ...").fetchone()`) resets it, as
            # CPython's cursor does when freed, so the connection's cache
            # can hand it out again instead of preparing the SQL anew.
            self._statement = statement.lease()
            if self._converters is not None:
                row = self._convert(row)
        self._row = row
        self.rowcount = db.changes() if dml else -1
        self.lastrowid = db.last_insert_rowid()
        return self

    def executemany(self, sql, seq_of_parameters, /):
        self._check()
        if not isinstance(sql, str):
            raise TypeError(
                "executemany() argument 1 must be str, not %s" % type(sql).__name__
            )
        self._release()
        connection = self.connection
        db = connection._db
        entry = connection._prepare(sql)
        self.description = None
        self.rowcount = -1
        if entry is None:
            return self
        statement, dml, _ = entry
        if not dml:
            raise ProgrammingError("executemany() can only execute DML statements.")
        if connection._isolation_level is not None and not db.in_transaction():
            connection._begin()
        total = 0
        for parameters in seq_of_parameters:
            statement.reset()
            statement.bind(parameters, _adapt_parameter)
            if statement.run():
                statement.reset()
                raise ProgrammingError("executemany() can only execute DML statements.")
            total += db.changes()
        statement.reset()
        self.rowcount = total
        return self

    def executescript(self, sql_script, /):
        self._check()
        if not isinstance(sql_script, str):
            raise TypeError(
                "executescript() argument must be str, not %s" % type(sql_script).__name__
            )
        self._release()
        db = self.connection._db
        if db.in_transaction():
            db.execute_script("COMMIT")
        db.execute_script(sql_script)
        return self

    def fetchone(self):
        if self._closed or not self.connection._db.is_open():
            self._check()
        row = self._row
        if row is None:
            return None
        self._row = self._step() if self._statement is not None else None
        factory = self.row_factory
        return row if factory is None else factory(self, row)

    def fetchmany(self, size=None):
        if size is None:
            size = self.arraysize
        rows = []
        while len(rows) < size:
            row = self.fetchone()
            if row is None:
                break
            rows.append(row)
        return rows

    def fetchall(self):
        statement = self._statement
        if statement is not None and self._converters is None:
            # The rows left, read natively in one call.
            if self._closed or not self.connection._db.is_open():
                self._check()
            rows = [self._row]
            self._row = self._statement = None
            factory = self.connection.text_factory
            rows += statement.rest(None if factory is str else factory)
            factory = self.row_factory
            if factory is not None:
                rows = [factory(self, row) for row in rows]
            return rows
        rows = []
        fetch = self.fetchone
        row = fetch()
        while row is not None:
            rows.append(row)
            row = fetch()
        return rows

    def __iter__(self):
        return self

    def __next__(self):
        if self._closed or not self.connection._db.is_open():
            self._check()
        row = self._row
        if row is None:
            raise StopIteration
        self._row = self._step() if self._statement is not None else None
        factory = self.row_factory
        return row if factory is None else factory(self, row)

    def close(self):
        self.connection._check()
        self._release()
        self._closed = True

    def setinputsizes(self, sizes, /):
        pass

    def setoutputsize(self, size, column=None, /):
        pass


class Row:
    """A row whose columns are also found by name (case-insensitive)."""

    __module__ = "sqlite3"
    __slots__ = ("_values", "_names")

    def __new__(cls, cursor, data, /):
        if not isinstance(cursor, Cursor):
            raise TypeError(
                "argument 1 must be sqlite3.Cursor, not %s" % type(cursor).__name__
            )
        if not isinstance(data, tuple):
            raise TypeError("argument 2 must be tuple, not %s" % type(data).__name__)
        row = object.__new__(cls)
        row._values = data
        description = cursor.description
        row._names = tuple(column[0] for column in description) if description else ()
        return row

    def keys(self):
        return list(self._names)

    def __getitem__(self, key):
        if isinstance(key, str):
            folded = key.lower()
            for i, name in enumerate(self._names):
                if name.lower() == folded:
                    return self._values[i]
            raise IndexError("No item with that key")
        return self._values[key]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __eq__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return self._names == other._names and self._values == other._values

    def __ne__(self, other):
        if not isinstance(other, Row):
            return NotImplemented
        return not self == other

    def __hash__(self):
        return hash(self._names) ^ hash(self._values)


def _quoted(name):
    return '"%s"' % name.replace('"', '""')


def _dump(connection):
    cursor = connection.cursor()
    writable_schema = False
    sequence = []
    yield "BEGIN TRANSACTION;"
    tables = cursor.execute(
        "SELECT name, type, sql FROM sqlite_master "
        "WHERE sql NOT NULL AND type == 'table' ORDER BY name").fetchall()
    for name, _, sql in tables:
        if name == "sqlite_sequence":
            rows = cursor.execute('SELECT * FROM "sqlite_sequence";').fetchall()
            sequence.append('DELETE FROM "sqlite_sequence";')
            sequence.extend(
                "INSERT INTO \"sqlite_sequence\" VALUES('%s',%s);"
                % (row[0].replace("'", "''"), row[1]) for row in rows)
            continue
        if name == "sqlite_stat1":
            yield 'ANALYZE "sqlite_master";'
            continue
        if name.startswith("sqlite_"):
            continue
        if sql.startswith("CREATE VIRTUAL TABLE"):
            if not writable_schema:
                writable_schema = True
                yield "PRAGMA writable_schema=ON;"
            yield ("INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)"
                   "VALUES('table','%s','%s',0,'%s');"
                   % tuple(part.replace("'", "''") for part in (name, name, sql)))
            continue
        yield "%s;" % sql
        columns = [row[1] for row in cursor.execute("PRAGMA table_info(%s)" % _quoted(name))]
        select = "SELECT 'INSERT INTO %s VALUES(' || %s || ')' FROM %s;" % (
            _quoted(name).replace("'", "''"),
            " || ',' || ".join("quote(%s)" % _quoted(column) for column in columns),
            _quoted(name),
        )
        for (line,) in cursor.execute(select).fetchall():
            yield "%s;" % line
    others = cursor.execute(
        "SELECT name, type, sql FROM sqlite_master "
        "WHERE sql NOT NULL AND type IN ('index', 'trigger', 'view')").fetchall()
    for _, _, sql in others:
        yield "%s;" % sql
    if writable_schema:
        yield "PRAGMA writable_schema=OFF;"
    yield from sequence
    yield "COMMIT;"


def connect(database, timeout=5.0, detect_types=0, isolation_level="",
            check_same_thread=True, factory=Connection, cached_statements=128, uri=False):
    return factory(database, timeout, detect_types, isolation_level,
                   check_same_thread, factory, cached_statements, uri)
