# sqlite3: Connection.iterdump, and a dump loaded into a new database.
import sqlite3

source = sqlite3.connect(":memory:")
source.executescript("""
    create table people (id integer primary key autoincrement, name text, score real, photo blob, note);
    create table "odd name" ("we""ird" text, x);
    create index people_name on people (name);
    create view adults as select * from people where score > 1;
    create trigger t1 after insert on people begin update people set note = 'new' where id = new.id; end;
    insert into people (name, score, photo, note) values
        ('ann', 1.5, x'00ff', null), ('b''ob', -2, null, 'it''s'), (null, 1e100, x'', 3);
    insert into "odd name" values ('q"uote', 7), (null, 2.5);
""")
lines = list(source.iterdump())
for line in lines:
    print(line)

copy = sqlite3.connect(":memory:")
copy.executescript("\n".join(lines))
print(copy.execute("select * from people order by id").fetchall())
print(copy.execute('select * from "odd name"').fetchall())
print(copy.execute("select name from sqlite_master order by name").fetchall())
print(list(copy.iterdump()) == lines)
print(list(sqlite3.connect(":memory:").iterdump()))
