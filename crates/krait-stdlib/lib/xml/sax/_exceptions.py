"""Exception classes raised by the SAX interfaces (krait implementation)."""


class SAXException(Exception):
    """Base of every SAX error: a message plus, optionally, the exception
    that caused it.  Applications may raise it from their handlers too,
    and readers wrap lower-level errors in it."""

    def __init__(self, msg, exception=None):
        super().__init__(msg)
        self._msg, self._cause = msg, exception

    def getMessage(self):
        """The message carried by this exception."""
        return self._msg

    def getException(self):
        """The wrapped (causing) exception, or None."""
        return self._cause

    def __str__(self):
        return self._msg

    def __getitem__(self, index):
        # Old SAX code indexed its exceptions; make that fail loudly.
        raise AttributeError("__getitem__")


class SAXParseException(SAXException):
    """An error or warning found while parsing.  The position (system
    id, line and column) is copied from the locator when the exception is
    made, since the locator moves on as parsing continues; the public id
    is asked of the locator when wanted."""

    def __init__(self, msg, exception, locator):
        super().__init__(msg, exception)
        self._locator = locator
        self._where = (locator.getSystemId(), locator.getLineNumber(),
                       locator.getColumnNumber())

    def getColumnNumber(self):
        """The column where the problem was found (may be None)."""
        return self._where[2]

    def getLineNumber(self):
        """The line where the problem was found (may be None)."""
        return self._where[1]

    def getPublicId(self):
        """The public identifier of the entity, if the locator knows it."""
        source = self._locator
        return source.getPublicId()

    def getSystemId(self):
        """The system identifier of the entity (may be None)."""
        return self._where[0]

    def __str__(self):
        sysid, line, column = self._where
        pieces = ["<unknown>" if sysid is None else sysid,
                  "?" if line is None else line,
                  "?" if column is None else column]
        return "%s:%s:%s: %s" % (*pieces, self._msg)


class SAXNotRecognizedException(SAXException):
    """Raised for a feature or property name that the reader does not
    know at all."""


class SAXNotSupportedException(SAXException):
    """Raised for a known feature or property that the reader cannot
    honour, or cannot change at this moment."""


class SAXReaderNotAvailable(SAXNotSupportedException):
    """Raised when a driver module cannot provide a working reader (for
    instance when the underlying parser is missing)."""
