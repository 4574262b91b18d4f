# Attributes of exception objects: their __dict__ (made when first
# needed), notes, the attributes builtin exceptions carry, and errors for
# missing ones.
e = ValueError("bad")
print(vars(e), e.__dict__, hasattr(e, "code"), getattr(e, "code", "none"))
try:
    del e.code
except AttributeError as err:
    print("AttributeError:", err)
try:
    e.code
except AttributeError as err:
    print("AttributeError:", err)
e.code = 7
print(e.code, vars(e), "code" in dir(e))
del e.code
print(vars(e))


class AppError(Exception):
    def __init__(self, message, status):
        super().__init__(message)
        self.status = status


for i in range(3):
    try:
        raise AppError("failed %d" % i, 500 + i)
    except AppError as err:
        print(err, err.status, err.args, sorted(vars(err)))

try:
    raise KeyError("k")
except KeyError as err:
    err.add_note("first note")
    err.add_note("second note")
    print(err.__notes__, vars(err))

oserr = OSError(2, "No such file or directory", "missing.txt")
print(oserr.errno, oserr.strerror, oserr.filename, oserr.filename2, str(oserr))
print(FileNotFoundError(2, "nope").filename)
imperr = ImportError("no module", name="mod", path="/x")
print(imperr.name, imperr.path, ImportError("plain").name)
try:
    import no_such_module_here
except ImportError as err:
    print(type(err).__name__, err.name)

plain = RuntimeError("x")
plain.__dict__["later"] = 1
print(plain.later, vars(plain))
print(vars(StopIteration(3)), StopIteration(3).value)


def raising(n):
    for k in range(n):
        try:
            raise IndexError(k)
        except IndexError as err:
            last = err
    return last


last = raising(1000)
print(last.args, vars(last))
