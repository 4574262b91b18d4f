# sqlite3: connections, cursors, parameters, rows, counts and errors.
import sqlite3


def attempt(label, action):
    try:
        result = action()
    except Exception as e:
        print(label, "->", type(e).__name__, e,
              getattr(e, "sqlite_errorcode", None), getattr(e, "sqlite_errorname", None))
    else:
        print(label, "=", result)


print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES)
print(sqlite3.Connection.__module__, sqlite3.Cursor.__name__, sqlite3.Row.__module__)
print([c.__name__ for c in sqlite3.IntegrityError.__mro__])
print(issubclass(sqlite3.ProgrammingError, sqlite3.DatabaseError),
      issubclass(sqlite3.Warning, sqlite3.Error), sqlite3.Error.__module__)
print(isinstance(sqlite3.sqlite_version_info, tuple), len(sqlite3.sqlite_version_info))

conn = sqlite3.connect(":memory:")
print(type(conn).__name__, conn.isolation_level == "", conn.in_transaction, conn.total_changes)
cur = conn.cursor()
print(cur.rowcount, cur.lastrowid, cur.description, cur.arraysize, cur.connection is conn)

cur.execute("create table people (id integer primary key, name text not null, age integer, score real, photo blob)")
print("ddl", cur.rowcount, cur.description)
cur.execute("insert into people (name, age, score) values (?, ?, ?)", ("ann", 31, 4.5))
print("insert", cur.rowcount, cur.lastrowid, conn.in_transaction)
cur.executemany("insert into people (name, age, score, photo) values (?, ?, ?, ?)",
                [("bob", 25, None, b"\x00\x01"), ("cy", None, 2.25, None), ("dee", 40, -1.0, bytearray(b"z"))])
print("many", cur.rowcount, cur.lastrowid)
cur.executemany("insert into people (name, age) values (:n, :a)",
                ({"n": "e%d" % i, "a": i} for i in range(3)))
print("many-named", cur.rowcount)
conn.commit()
print("committed", conn.in_transaction, conn.total_changes)

cur.execute("select * from people order by id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.fetchall())

rows = conn.execute("select name, age from people where age > ? order by age desc", (20,)).fetchall()
print(rows)
for name, age in conn.execute("select name, age from people where name like 'e%' order by name"):
    print("row", name, age)
print(conn.execute("select count(*), sum(age), avg(score), max(name) from people").fetchone())
print(conn.execute("select typeof(1), typeof(1.5), typeof('x'), typeof(x'00'), typeof(null)").fetchone())
print(conn.execute("select ?, ?, ?, ?, ?, ?", (None, True, 2**62, -7, "é\u4e2d", b"\xff")).fetchone())
print(conn.execute("select :b, :a, :b", {"a": 1, "b": "two"}).fetchone())
print(conn.execute("select 1 where 0").fetchone(), conn.execute("select 1 where 0").fetchall())

cur = conn.execute("update people set age = age + 1 where age is not null")
print("update", cur.rowcount, cur.lastrowid, cur.description)
print("delete", conn.execute("delete from people where name = 'cy'").rowcount)
conn.rollback()
print("rolled back", conn.execute("select count(*) from people").fetchone()[0],
      conn.execute("select age from people where name = 'ann'").fetchone())

cur = conn.execute("select id from people order by id")
print(cur.fetchone(), next(cur), list(cur))
cur.arraysize = 3
print(conn.execute("select id from people order by id").fetchmany())

attempt("syntax", lambda: conn.execute("selec 1"))
attempt("no table", lambda: conn.execute("select * from nope"))
attempt("not null", lambda: conn.execute("insert into people (name) values (null)"))
attempt("unique", lambda: conn.execute("insert into people (id, name) values (1, 'x')"))
attempt("bad type", lambda: conn.execute("select ?", ([1],)))
attempt("too many", lambda: conn.execute("select ?", (1, 2)))
attempt("too few", lambda: conn.execute("select ?, ?", (1,)))
attempt("missing name", lambda: conn.execute("select :a, :b", {"a": 1}))
attempt("unnamed with dict", lambda: conn.execute("select ?", {"a": 1}))
attempt("two statements", lambda: conn.execute("select 1; select 2"))
attempt("trailing", lambda: conn.execute("select 1; -- done").fetchone())
attempt("overflow", lambda: conn.execute("select ?", (2**63,)))
attempt("params type", lambda: conn.execute("select ?", 5))
attempt("sql type", lambda: conn.execute(42))
attempt("many select", lambda: conn.executemany("select ?", [(1,)]))
attempt("script type", lambda: conn.executescript(5))
attempt("empty", lambda: conn.execute("").description)
attempt("comment", lambda: conn.execute("-- nothing").rowcount)

conn.executescript("""
    create table log (msg text);
    insert into log values ('a');
    /* a comment */
    insert into log values ('b');
""")
print(conn.execute("select group_concat(msg, ',') from log").fetchone())
attempt("script error", lambda: conn.executescript("insert into log values ('c'); bogus;"))
print(conn.execute("select count(*) from log").fetchone())

closed = conn.cursor()
closed.close()
attempt("closed cursor", lambda: closed.execute("select 1"))
conn.close()
conn.close()
attempt("closed conn", lambda: conn.execute("select 1"))
attempt("closed commit", lambda: conn.commit())
attempt("closed cursor()", lambda: conn.cursor())
