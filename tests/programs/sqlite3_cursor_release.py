# Cursors over the same SQL: one dropped with rows unread gives its
# statement back (the next execute reads from the first row), two alive
# at once each read their own rows, and a cursor re-executed or closed
# mid-read starts over cleanly.
import sqlite3

conn = sqlite3.connect(":memory:")
conn.execute("create table t(a integer, b text)")
conn.executemany("insert into t values (?, ?)", [(i, "v%d" % i) for i in range(6)])

for _ in range(3):
    print(conn.execute("select a, b from t order by a").fetchone())
print(conn.execute("select count(*) from t").fetchone()[0])

first = conn.execute("select a from t order by a")
second = conn.execute("select a from t order by a")
print(first.fetchone(), second.fetchone(), first.fetchone(), second.fetchmany(2))
print(first.fetchall(), second.fetchall())

cur = conn.cursor()
cur.execute("select a from t where a > ? order by a", (2,))
print(cur.fetchone())
cur.execute("select a from t where a > ? order by a", (3,))
print(cur.fetchall())
cur.execute("select b from t order by a desc")
print(cur.fetchone())
cur.close()
print(conn.execute("select b from t order by a desc").fetchone())


def partial():
    c = conn.execute("select a, b from t where a >= ? order by a", (4,))
    return c.fetchone()


print([partial() for _ in range(3)])
conn.execute("update t set b = 'changed' where a = 0")
print(conn.execute("select b from t where a = 0").fetchone())
conn.close()
