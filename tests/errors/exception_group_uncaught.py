def inner():
    raise TypeError("t")
try:
    inner()
except TypeError as e:
    t = e
e = ValueError("v")
e.add_note("a note\nsecond line")
raise ExceptionGroup("many", [e, t, ExceptionGroup("nested", [KeyError("k")])])
