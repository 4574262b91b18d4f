def g():
    try:
        yield 1
    except ValueError as e:
        print("caught", type(e).__name__, e.args)
        yield 2
for args in [(ValueError, ValueError("v"), None), (ValueError, ValueError("v")), (ValueError, "x"), (ValueError,), (ValueError("inst"),),
             (ValueError, ("a", "b")), (ValueError, None), (ValueError("i"), "x"), (ValueError, TypeError("t")), (3,), (ValueError, 1, 2),
             (KeyError, KeyError("k"), None)]:
    it = g(); next(it)
    try: print(it.throw(*args))
    except Exception as e: print(type(e).__name__, e)
