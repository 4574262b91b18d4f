# BaseException.__str__/__repr__ are in its namespace (called unbound they
# format as BaseException does: a KeyError's key unquoted); KeyError,
# OSError, SyntaxError, ImportError keep their own __str__. SyntaxError and
# ImportError made in Python have their fields.
print(Exception.__repr__(ValueError("a")), BaseException.__repr__(KeyError("k", 2)))
print("__repr__" in BaseException.__dict__, "__str__" in KeyError.__dict__, "__str__" in ValueError.__dict__)


class E(Exception):
    def __repr__(self):
        return "E!" + Exception.__repr__(self)

    def __str__(self):
        return "E:" + super().__str__()


print(repr(E(1, 2)), str(E(1, 2)), str(E("x")))


class MyKeyError(KeyError):
    def __str__(self):
        return "plain " + Exception.__str__(self) + " own " + super().__str__()


print(str(MyKeyError("k")))
print(str(KeyError("k")), repr(KeyError("k")), str(OSError(2, "No such file")))


class MyOSError(OSError):
    def __str__(self):
        return "<" + super().__str__() + ">"


print(MyOSError(13, "denied", "f.txt"))
try:
    {}["missing"]
except KeyError as e:
    print(Exception.__str__(e), KeyError.__str__(e))
try:
    Exception.__str__(5)
except TypeError as e:
    print("TypeError")

e = SyntaxError("bad thing", ("f.py", 3, 4, "abc\n", 3, 5))
print(e, repr(e.msg), repr(e.filename), e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
e = SyntaxError("only message")
print(repr(e.msg), e.lineno, e.filename, e.print_file_and_line)
print(SyntaxError().msg, SyntaxError("m", ("f", 1, 2, "t")).end_lineno)
try:
    SyntaxError("m", ("f", 1))
except TypeError as e:
    print("TypeError:", e)
print(ImportError("hello", name="n").msg, ImportError("a", "b").msg, ImportError().msg)
try:
    import no_such_module_here
except ImportError as e:
    print(e.msg, e.name)
