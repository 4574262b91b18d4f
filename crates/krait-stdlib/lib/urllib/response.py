"""File-like wrappers returned by urllib.request.urlopen (krait)."""

__all__ = ['addbase', 'addclosehook', 'addinfo', 'addinfourl']


class addbase:
    """Wrap a file object; unknown attributes are looked up on it."""

    def __init__(self, fp):
        self.fp = fp
        self.file = fp
        self._is_closed = False

    def __getattr__(
            self, name):
        # only reached for attributes not found normally
        wrapped = self.__dict__.get('fp')
        if wrapped is None:
            raise AttributeError(name)
        return getattr(wrapped, name)

    @property
    def closed(self):
        return self._is_closed

    def read(self, *args):
        return self.fp.read(*args)

    def readline(
            self, *args):
        return self.fp.readline(*args)

    def readlines(
            self, *args):
        return self.fp.readlines(*args)

    def readinto(self, b):
        return self.fp.readinto(b)

    def __iter__(self):
        while True:
            line = self.fp.readline()
            if not line:
                break
            yield line

    def close(self):
        if not self._is_closed:
            self._is_closed = True
            fp = self.fp
            if fp is not None and hasattr(fp, 'close'):
                fp.close()

    def __enter__(self):
        if self._is_closed:
            raise ValueError("I/O operation on closed file")
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return '<%s at %r whose fp = %r>' % (type(self).__name__,
                                             id(self), self.fp)


class addclosehook(addbase):
    """addbase that calls closehook(*hookargs) once when closed."""

    def __init__(
            self, fp, closehook, *hookargs):
        addbase.__init__(self, fp)
        self.closehook = closehook
        self.hookargs = hookargs

    def close(self):
        hook, args = self.closehook, self.hookargs
        self.closehook = None
        self.hookargs = None
        try:
            if hook is not None:
                hook(*args)
        finally:
            addbase.close(self)


class addinfo(addbase):
    """addbase with an info() method returning the headers."""

    def __init__(
            self, fp, headers):
        addbase.__init__(self, fp)
        self.headers = headers

    def info(self):
        return self.headers


class addinfourl(addinfo):
    """addinfo that also knows its URL and status code."""

    def __init__(
            self, fp, headers, url, code=None):
        addinfo.__init__(self, fp, headers)
        self.url = url
        self.code = code

    @property
    def status(self):
        return self.code

    def getcode(self):
        return self.code

    def geturl(self):
        return self.url
