"""SQLite databases through the DB-API 2.0 interface (CPython's `sqlite3`).

Everything is defined in `sqlite3.dbapi2`, over the native `_sqlite3`
(SQLite itself); see that module for what is supported.
"""

from sqlite3.dbapi2 import *
