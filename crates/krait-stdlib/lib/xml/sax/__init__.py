"""Simple API for XML (SAX), version 2 (krait implementation).

make_parser() returns a reader (by default the expat driver); parse()
and parseString() are shortcuts that run one over a whole document with
a given ContentHandler and ErrorHandler."""

from . import _exceptions, handler as _handler, xmlreader as _xmlreader

InputSource = _xmlreader.InputSource
ContentHandler = _handler.ContentHandler
ErrorHandler = _handler.ErrorHandler
SAXException = _exceptions.SAXException
SAXNotRecognizedException = _exceptions.SAXNotRecognizedException
SAXParseException = _exceptions.SAXParseException
SAXNotSupportedException = _exceptions.SAXNotSupportedException
SAXReaderNotAvailable = _exceptions.SAXReaderNotAvailable


def _run(source, handler, errorHandler):
    reader = make_parser()
    reader.setContentHandler(handler)
    reader.setErrorHandler(
        _handler.ErrorHandler() if errorHandler is None else errorHandler)
    reader.parse(source)


def parse(source, handler, errorHandler=ErrorHandler()):
    """Parse source (file name, URL, file object or InputSource),
    reporting content to handler and errors to errorHandler."""
    _run(source, handler, errorHandler)


def parseString(string, handler, errorHandler=ErrorHandler()):
    """Like parse(), for a document held in a str or bytes object."""
    import io
    source = InputSource()
    if isinstance(string, str):
        source.setCharacterStream(io.StringIO(string))
    else:
        source.setByteStream(io.BytesIO(string))
    _run(source, handler, errorHandler)


def _parser_modules():
    """The driver modules make_parser() tries after the ones it is given:
    those named (comma separated) by PY_SAX_PARSER, else the expat one."""
    import os
    import sys
    chosen = None
    if not sys.flags.ignore_environment:
        chosen = os.environ.get("PY_SAX_PARSER")
    return chosen.split(",") if chosen else ["xml.sax.expatreader"]


default_parser_list = _parser_modules()

# Key under which Java-style registries name the parser (unused here).
_key = "python.xml.sax.parser"


def make_parser(parser_list=()):
    """Return a new SAX reader from the first driver module, among
    parser_list and then default_parser_list, able to provide one.
    Raises SAXReaderNotAvailable when none is."""
    import sys
    for module_name in [*parser_list, *default_parser_list]:
        try:
            return _create_parser(module_name)
        except ImportError:
            # The module exists but something it needs is missing.
            if module_name in sys.modules:
                raise
        except SAXReaderNotAvailable:
            continue
    raise SAXReaderNotAvailable("No parsers found", None)


def _create_parser(parser_name):
    driver = __import__(parser_name, {}, {}, ["create_parser"])
    return driver.create_parser()
