# sqlite3: transactions, row and text factories, user functions,
# aggregates and collations, adapters and converters, files.
import datetime
import os
import sqlite3
import tempfile


def attempt(label, action):
    try:
        result = action()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", result)


# Implicit transactions: BEGIN before DML, none before DDL or SELECT.
conn = sqlite3.connect(":memory:")
conn.execute("create table t (k integer primary key, v text)")
print("after ddl", conn.in_transaction)
conn.execute("select * from t")
print("after select", conn.in_transaction)
conn.execute("insert into t (v) values ('one')")
print("after insert", conn.in_transaction)
conn.commit()
print("after commit", conn.in_transaction)

with conn:
    conn.execute("insert into t (v) values ('two')")
print("with ok", conn.in_transaction, conn.execute("select count(*) from t").fetchone())
try:
    with conn:
        conn.execute("insert into t (v) values ('three')")
        raise KeyError("stop")
except KeyError:
    pass
print("with raised", conn.in_transaction, conn.execute("select count(*) from t").fetchone())

attempt("bad level", lambda: setattr(conn, "isolation_level", "later"))
attempt("level type", lambda: setattr(conn, "isolation_level", 1))
conn.isolation_level = "exclusive"
print(repr(conn.isolation_level))
conn.execute("insert into t (v) values ('four')")
conn.isolation_level = None
print("autocommit", repr(conn.isolation_level), conn.in_transaction)
conn.execute("insert into t (v) values ('five')")
print("autocommit insert", conn.in_transaction)
conn.execute("begin")
conn.execute("delete from t")
print("explicit", conn.in_transaction)
conn.rollback()
print(conn.execute("select v from t order by k").fetchall())

# Rows.
conn.row_factory = sqlite3.Row
row = conn.execute("select k as Key, v as Value from t order by k").fetchone()
print(type(row).__name__, row.keys(), row["key"], row["VALUE"], row[0], row[-1], row[:1],
      tuple(row), len(row), list(row) == [1, "one"])
other = conn.execute("select k as Key, v as Value from t order by k").fetchone()
print(row == other, row != other, hash(row) == hash(other))
attempt("row key", lambda: row["nope"])
attempt("row index", lambda: row[5])
conn.row_factory = lambda cursor, values: {d[0]: v for d, v in zip(cursor.description, values)}
print(conn.execute("select 1 as a, 2 as b").fetchone())
conn.row_factory = None
cur = conn.cursor()
cur.row_factory = lambda cursor, values: values[0]
print(cur.execute("select v from t order by k").fetchall())

# Text factories.
conn.text_factory = bytes
print(conn.execute("select 'abc', 1").fetchone())
conn.text_factory = lambda data: data.decode().upper()
print(conn.execute("select 'abc'").fetchone())
conn.text_factory = str

# User functions, aggregates, collations.
conn.create_function("double", 1, lambda x: x * 2)
conn.create_function("join3", 3, lambda a, b, c: "%s-%s-%s" % (a, b, c), deterministic=True)
conn.create_function("nil", 0, lambda: None)
conn.create_function("fails", 0, lambda: 1 / 0)
conn.create_function("weird", 0, lambda: [1])
print(conn.execute("select double(21), double(1.5), double('ab'), join3(1, 'x', null), nil()").fetchone())
attempt("raising function", lambda: conn.execute("select fails()").fetchone())
attempt("bad result", lambda: conn.execute("select weird()").fetchone())
attempt("wrong arity", lambda: conn.execute("select double(1, 2)"))
attempt("not callable", lambda: conn.create_function("x", 1, 5))


class Spread:
    def __init__(self):
        self.low = None
        self.high = None

    def step(self, value):
        if value is not None:
            self.low = value if self.low is None else min(self.low, value)
            self.high = value if self.high is None else max(self.high, value)

    def finalize(self):
        if self.low is None:
            return None
        return self.high - self.low


class Broken:
    def step(self, value):
        raise ValueError("no")

    def finalize(self):
        return 0


conn.execute("create table nums (g, n)")
conn.executemany("insert into nums values (?, ?)", [(1, 5), (1, 9), (2, 4), (2, 4), (3, None)])
conn.create_aggregate("spread", 1, Spread)
conn.create_aggregate("broken", 1, Broken)
print(conn.execute("select g, spread(n) from nums group by g order by g").fetchall())
print(conn.execute("select spread(n) from nums where 0").fetchone())
attempt("raising aggregate", lambda: conn.execute("select broken(n) from nums").fetchone())

conn.create_collation("reverse", lambda a, b: (a < b) - (a > b))
conn.execute("create table words (w)")
conn.executemany("insert into words values (?)", [("pear",), ("apple",), ("fig",)])
print(conn.execute("select w from words order by w collate reverse").fetchall())
attempt("no collation", lambda: conn.execute("select w from words order by w collate nope"))

# Adapters, __conform__ and converters.


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "%d;%d" % (self.x, self.y)


class Money:
    def __init__(self, cents):
        self.cents = cents


sqlite3.register_adapter(Money, lambda m: "$%d.%02d" % divmod(m.cents, 100))
sqlite3.register_converter("point", lambda data: tuple(int(p) for p in data.split(b";")))
print(conn.execute("select ?, ?", (Point(3, 4), Money(1234))).fetchone())
attempt("unadaptable", lambda: conn.execute("select ?", (object(),)))

typed = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
typed.execute("create table shapes (p point, d date, ts timestamp, n integer)")
typed.execute("insert into shapes values (?, ?, ?, ?)",
              (Point(1, 2), datetime.date(2024, 2, 29), datetime.datetime(2024, 2, 29, 13, 5, 7, 250000), 8))
print(typed.execute("select * from shapes").fetchone())
print(typed.execute('select p as "p [point]", n as "n [point]" from shapes').fetchone())
print(typed.execute('select n as "n [unknown]" from shapes').description)
plain = sqlite3.connect(":memory:")
print(plain.execute("select ?, ?", (datetime.date(2001, 2, 3), datetime.datetime(2001, 2, 3, 4, 5, 6))).fetchone())
print(sqlite3.adapt(Money(5)), sqlite3.adapt(Point(7, 8)))
attempt("adapt", lambda: sqlite3.adapt(object()))
print(sqlite3.adapt(object(), sqlite3.PrepareProtocol, "alt"))

# A database in a file, seen from two connections.
folder = tempfile.mkdtemp()
path = os.path.join(folder, "data.db")
first = sqlite3.connect(path)
first.execute("create table kv (k text primary key, v)")
first.executemany("insert into kv values (?, ?)", [("a", 1), ("b", 2)])
second = sqlite3.connect(path, timeout=0.1)
print("uncommitted", second.execute("select count(*) from kv").fetchone())
first.commit()
print("committed", second.execute("select count(*) from kv").fetchone())
first.close()
second.close()
third = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
print(third.execute("select * from kv order by k").fetchall())
attempt("read only", lambda: third.execute("insert into kv values ('c', 3)"))
third.close()
os.remove(path)
os.rmdir(folder)
attempt("cannot open", lambda: sqlite3.connect(os.path.join(folder, "missing", "x.db")))
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 'a;"))

# A function replaced by None stays registered (calling it fails); a
# collation set to None is removed.
again = sqlite3.connect(":memory:")
again.create_function("inc", 1, lambda x: x + 1)
print(again.execute("select inc(1)").fetchone())
again.create_function("inc", 1, None)
attempt("function None", lambda: again.execute("select inc(1)").fetchone())
again.create_collation("rev", lambda a, b: (a < b) - (a > b))
again.create_collation("rev", None)
attempt("collation None", lambda: again.execute("select 'a' < 'b' collate rev"))
