"""Exceptions raised by urllib.request (krait)."""

import io
from urllib import response as _resp

__all__ = "URLError HTTPError ContentTooShortError".split()


class URLError(OSError):
    """Raised when a URL cannot be opened; .reason says why."""

    def __init__(self, reason, filename=None):
        self.args = (reason,)
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return f'<urlopen error {self.reason}>'


class HTTPError(URLError, _resp.addinfourl):
    """An HTTP error status; it doubles as the (error) response."""

    def __init__(self, url, code, msg, hdrs, fp):
        self.code, self.msg, self.hdrs = code, msg, hdrs
        self.fp = fp
        self.filename = url
        body = io.BytesIO() if fp is None else fp
        _resp.addinfourl.__init__(self, body, hdrs, url, code)

    def __str__(self):
        return f'HTTP Error {self.code}: {self.msg}'

    def __repr__(self):
        return f'<HTTPError {self.code}: {self.msg!r}>'

    # CPython exposes these two as read-only-ish aliases
    reason = property(lambda self: self.msg)

    @property
    def headers(self):
        return self.hdrs

    @headers.setter
    def headers(self, value):
        self.hdrs = value


class ContentTooShortError(URLError):
    """urlretrieve got fewer bytes than Content-Length announced."""

    def __init__(self, message, content):
        super().__init__(message)
        self.content = content
