# SQLite leaves foreign keys unenforced until PRAGMA foreign_keys = ON,
# per connection; the bundled library must not change that default.
import sqlite3

def setup(con):
    con.execute("CREATE TABLE person (id INTEGER PRIMARY KEY)")
    con.execute("CREATE TABLE address (id INTEGER PRIMARY KEY, "
                "person_id INTEGER REFERENCES person(id))")
    con.execute("INSERT INTO person VALUES (1)")
    con.execute("INSERT INTO address VALUES (1, 1)")

con = sqlite3.connect(":memory:")
print(con.execute("PRAGMA foreign_keys").fetchone())
setup(con)
con.execute("DELETE FROM person")
print("rows left:", con.execute("SELECT count(*) FROM person").fetchone())
con.execute("INSERT INTO address VALUES (2, 99)")
print("dangling insert allowed")

strict = sqlite3.connect(":memory:")
strict.execute("PRAGMA foreign_keys = ON")
print(strict.execute("PRAGMA foreign_keys").fetchone())
setup(strict)
try:
    strict.execute("DELETE FROM person")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e)
try:
    strict.execute("INSERT INTO address VALUES (3, 42)")
except sqlite3.IntegrityError as e:
    print("IntegrityError:", e)
print(con.execute("PRAGMA foreign_keys").fetchone())
