# OSError and ImportError constructed by programs: errno, strerror, filename,
# filename2 and the subclass an errno picks; ImportError's name= and path=.
e = OSError(2, 'No such file', 'f.txt'); print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e))
e = OSError('plain'); print(type(e).__name__, e.args, e.errno, e.strerror, e.filename, str(e))
e = OSError(17, 'exists'); print(type(e).__name__, e.args, str(e))
e = FileNotFoundError(2, 'nope', 'a', None, 'b'); print(e.args, str(e), e.filename2)
e = OSError(1, 2, 3, 4, 5, 6); print(type(e).__name__, e.args, e.errno)
e = ImportError('m', name='x', path='p'); print(e.args, e.name, e.path, ImportError('q').name)
try: ImportError('m', bad=1)
except TypeError as t: print(t)
try: ValueError('m', bad=1)
except TypeError as t: print(t)
class MyErr(OSError): pass
e = MyErr(2, 'x', 'y'); print(type(e).__name__, e.errno, e.filename, str(e))
class Custom(Exception):
    def __init__(self, msg, *, code=0):
        super().__init__(msg)
        self.code = code
e = Custom('m', code=3); print(e.args, e.code)
try:
    raise FileNotFoundError(2, 'No such file or directory', 'cfg.ini')
except OSError as e:
    print(repr(e), e)
import types
for bad in [(), (1,)]:
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print(e)
