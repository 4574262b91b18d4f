import builtins
print(list(globals())[:9])
print(repr(builtins), globals()['__builtins__'] is builtins)
print(__annotations__, __name__, __doc__, __package__, __spec__)
x: int = 5
print(__annotations__)
