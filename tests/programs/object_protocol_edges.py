print(None.__eq__(3), None.__ne__(3), None.__eq__(None), None.__ne__(None))
print((1).__eq__(1.0), (1).__eq__("a"), "a".__eq__(1), [].__eq__(()), (1.5).__eq__(1))
for target in ([], {}, 1, "s", object()):
    try:
        target.__setattr__("x", 1)
    except AttributeError as e:
        print("AttributeError", e)
    try:
        object.__setattr__(target, "x", 1)
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
for spec in ("z", "z5", "zd", "z.2f", "z.1%"):
    for v in (1, -0.0, 1.5):
        try:
            print(repr(format(v, spec)))
        except ValueError as e:
            print("ValueError", e)
