# exec/eval in a namespace with its own __builtins__: what the code (and the
# functions it defines) can reach is what that mapping holds.
try:
    exec("print(1)", {"__builtins__": None})
except Exception as e: print(type(e).__name__, e)
try:
    exec("print(1)", {"__builtins__": {}})
except Exception as e: print(type(e).__name__, e)
exec("print(len([1]))", {"__builtins__": {"print": print, "len": len}})
g = {"__builtins__": {"print": print}}
exec("def f(): print(\"in f\"); return len", g)
try: g["f"]()
except Exception as e: print(type(e).__name__, e)
import builtins
exec("print(abs(-2))", {"__builtins__": builtins})
print(eval("x+1", {"__builtins__": {}, "x": 2}))
try: eval("abs(1)", {"__builtins__": {}}, {"q": 1})
except Exception as e: print(type(e).__name__, e)
def outer(): print("outer sees print", len("ab"))
exec("f()", {"__builtins__": {}, "f": outer})
g = {"__builtins__": {}}
exec("x = 5", g)
print(sorted(g), g["x"])
