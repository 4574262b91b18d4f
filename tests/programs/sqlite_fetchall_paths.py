# fetchall after fetchone, with row and text factories, converters, a
# user function failing mid-way, and the statement reused afterwards.
import sqlite3

con = sqlite3.connect(':memory:')
con.execute('create table t (n integer, s text, b blob)')
con.executemany('insert into t values (?, ?, ?)',
                [(i, 'row%d' % i, bytes([i])) for i in range(6)])

cur = con.execute('select n, s from t order by n')
print(cur.fetchone())
print(cur.fetchall())
print(cur.fetchall(), cur.fetchone())

cur = con.execute('select n from t where n > 100')
print(cur.fetchall())

cur = con.execute('select n, s from t order by n')
cur.row_factory = lambda cursor, row: (row[1], len(cursor.description))
print(cur.fetchall())

con.row_factory = sqlite3.Row
rows = con.execute('select n, s from t where n < 3').fetchall()
print([tuple(r) for r in rows], rows[0]['s'], rows[2].keys())
con.row_factory = None

con.text_factory = bytes
print(con.execute('select s from t where n < 2').fetchall())
con.text_factory = lambda b: b.decode().upper()
print(con.execute('select s from t where n >= 4').fetchall())
con.text_factory = str

cur = con.cursor()
print(cur.fetchall())
cur.execute('select n from t order by n desc')
print(cur.fetchmany(2), cur.fetchall())

def picky(n):
    if n == 3:
        raise ValueError('no three')
    return n * 10

con.create_function('picky', 1, picky)
cur = con.execute('select picky(n) from t')
print(cur.fetchone())
try:
    cur.fetchall()
except sqlite3.OperationalError as e:
    print('OperationalError', e)
print(con.execute('select picky(n) from t where n != 3 order by n').fetchall())

sqlite3.register_converter('twice', lambda b: int(b) * 2)
con2 = sqlite3.connect(':memory:', detect_types=sqlite3.PARSE_DECLTYPES)
con2.execute('create table u (x twice, y text)')
con2.executemany('insert into u values (?, ?)', [(1, 'a'), (2, 'b'), (3, 'c')])
cur = con2.execute('select x, y from u order by x')
print(cur.fetchone(), cur.fetchall())

for _ in range(3):
    cur = con.execute('select count(*), sum(n) from t')
    print(cur.fetchall())

cur = con.execute('select n from t order by n')
cur.close()
try:
    cur.fetchall()
except sqlite3.ProgrammingError as e:
    print('ProgrammingError', e)
cur = con.execute('select n from t order by n')
con.close()
try:
    cur.fetchall()
except sqlite3.ProgrammingError as e:
    print('ProgrammingError', e)
