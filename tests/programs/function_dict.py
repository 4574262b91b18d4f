# A function's __dict__ is its attributes, live.
def f():
    return f.calls


f.calls = 1
print(f.__dict__, f())
f.__dict__["calls"] = 5
print(f(), vars(f))
f.__dict__.update({"tag": "x"})
print(f.tag, sorted(f.__dict__))
del f.tag
print(hasattr(f, "tag"), f.__dict__)
f.__dict__ = {"calls": 9}
print(f())
try:
    f.__dict__ = 3
except TypeError as e:
    print("TypeError", e)
try:
    del f.missing
except AttributeError as e:
    print("AttributeError", e)
print((lambda: 0).__annotations__)
