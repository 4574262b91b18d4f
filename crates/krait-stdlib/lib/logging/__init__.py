"""Logging for krait: named loggers arranged by their dotted names,
handlers that send records somewhere, formatters that make text of them.
The API is CPython 3.11's.  krait runs Python code on one OS thread, so
the locks here do nothing.
"""

import sys
import os
import re
import io
import time
import traceback
import warnings
import weakref
import collections.abc
from string import Template, Formatter as _FieldParser
from types import GenericAlias

__all__ = """
    BASIC_FORMAT BufferingFormatter CRITICAL DEBUG ERROR FATAL FileHandler
    Filter Formatter Handler INFO LogRecord Logger LoggerAdapter NOTSET
    NullHandler StreamHandler WARN WARNING addLevelName basicConfig
    captureWarnings critical debug disable error exception fatal
    getLevelName getLogger getLoggerClass info log makeLogRecord
    setLoggerClass shutdown warn warning getLogRecordFactory
    setLogRecordFactory lastResort raiseExceptions getLevelNamesMapping
""".split()

# When the module was loaded: `relativeCreated` counts from here.
_startTime = time.time()

# Errors raised while a handler emits are printed on stderr while true.
raiseExceptions = True
# Whether records look up their thread, process name and process id.
logThreads = True
logMultiprocessing = True
logProcesses = True


# --------------------------------------------------------------- levels

NOTSET = 0
DEBUG = 10
INFO = 20
WARNING = WARN = 30
ERROR = 40
CRITICAL = FATAL = 50

# Names to numbers, and numbers to their main name (FATAL and WARN are
# second names of CRITICAL and WARNING).
_nameToLevel = {label: globals()[label] for label in
                'CRITICAL FATAL ERROR WARN WARNING INFO DEBUG NOTSET'.split()}
_levelToName = {number: label for label, number in _nameToLevel.items()
                if label not in ('FATAL', 'WARN')}


def getLevelNamesMapping():
    return dict(_nameToLevel)


def getLevelName(level):
    """The name registered for a level number (or the number registered
    for a name); otherwise the text 'Level <level>'."""
    for table in (_levelToName, _nameToLevel):
        found = table.get(level)
        if found is not None:
            return found
    return f"Level {level}"


def addLevelName(level, levelName):
    with _lock:
        _levelToName[level], _nameToLevel[levelName] = levelName, level


def _checkLevel(level):
    """A level number from a number or a registered level name."""
    if not isinstance(level, int):
        if str(level) != level:
            raise TypeError(
                f"Level not an integer or a valid string: {level!r}")
        if level in _nameToLevel:
            return _nameToLevel[level]
        raise ValueError(f"Unknown level: {level!r}")
    return level


def currentframe():
    return sys._getframe(1)


# This file's name as code objects carry it: frames running here are not
# "the caller" of a logging call.
_srcfile = os.path.normcase(getLevelName.__code__.co_filename)


def _is_internal_frame(frame):
    where = os.path.normcase(frame.f_code.co_filename)
    if where == _srcfile:
        return True
    return "importlib" in where and "_bootstrap" in where


def _in_package(filename):
    """Whether `filename` is one of this package's modules (on disk or
    frozen into krait)."""
    if _srcfile.startswith('<frozen'):
        return (filename == _srcfile
                or filename.startswith(_srcfile[:-1] + '.'))
    return os.path.dirname(filename) == os.path.dirname(_srcfile)


class _NoLock:
    """Stands in for an RLock: there is only ever one thread."""

    def acquire(self, *args, **kwargs):
        return True

    def release(self):
        return None

    def __enter__(self):
        return True

    def __exit__(self, *details):
        return False


_lock = _NoLock()


def _acquireLock():
    _lock.acquire()


def _releaseLock():
    _lock.release()


# -------------------------------------------------------------- records

def _process_name():
    name = 'MainProcess'
    procs = sys.modules.get('multiprocessing')
    if procs is not None:
        try:
            name = procs.current_process().name
        except Exception:
            pass
    return name


def _running_thread():
    threads = sys.modules.get('threading')
    if threads is None:
        return 1, 'MainThread'
    try:
        return threads.get_ident(), threads.current_thread().name
    except Exception:
        return 1, 'MainThread'


class LogRecord:
    """One event that was logged: the message and its arguments, the
    level, where it came from, when, and any exception or stack."""

    def __init__(self, name, level, pathname, lineno, msg, args,
                 exc_info, func=None, sinfo=None, **kwargs):
        now = time.time()
        # A lone non-empty mapping argument supplies %(key)s fields.
        if args and len(args) == 1:
            only = args[0]
            if isinstance(only, collections.abc.Mapping) and only:
                args = only
        self.name = name
        self.msg = msg
        self.args = args
        self.levelname, self.levelno = getLevelName(level), level
        self.pathname = pathname
        try:
            base = os.path.basename(pathname)
            self.filename = base
            self.module = os.path.splitext(base)[0]
        except (AttributeError, TypeError, ValueError):
            self.filename, self.module = pathname, "Unknown module"
        self.exc_info = exc_info
        self.exc_text = None
        self.stack_info = sinfo
        self.lineno = lineno
        self.funcName = func
        self.created = now
        self.msecs = float(int((now - int(now)) * 1000))
        self.relativeCreated = 1000 * (now - _startTime)
        if logThreads:
            self.thread, self.threadName = _running_thread()
        else:
            self.thread = self.threadName = None
        self.processName = _process_name() if logMultiprocessing else None
        with_pid = logProcesses and hasattr(os, 'getpid')
        self.process = os.getpid() if with_pid else None

    def __repr__(self):
        parts = (self.name, self.levelno, self.pathname, self.lineno)
        return '<LogRecord: %s, %s, %s, %s, "%s">' % (parts + (self.msg,))

    def getMessage(self):
        text = str(self.msg)
        return text % self.args if self.args else text


_logRecordFactory = LogRecord


def setLogRecordFactory(factory):
    global _logRecordFactory
    _logRecordFactory = factory


def getLogRecordFactory():
    return _logRecordFactory


def makeLogRecord(dict):
    """A record whose attributes are set from a dictionary."""
    made = _logRecordFactory(None, None, "", 0, "", (), None, None)
    made.__dict__.update(dict)
    return made


# --------------------------------------------------------------- styles

_str_formatter = _FieldParser()
_NO_FIELDS = 'invalid format: no fields'


class PercentStyle:
    """'%(name)s' fields, filled by the % operator."""

    validation_pattern = re.compile(
        r'%\(\w+\)[#0+ -]*(\*|\d+)?(\.(\*|\d+))?[diouxefgcrsa%]', re.I)

    def __init__(self, fmt, *, defaults=None):
        self._fmt = fmt if fmt else self.default_format
        self._defaults = defaults

    def usesTime(self):
        return self.asctime_search in self._fmt

    def validate(self):
        found = self.validation_pattern.search(self._fmt)
        if found is None:
            style = self.default_format[0]
            raise ValueError(
                f"Invalid format '{self._fmt}' for '{style}' style")

    def _render(self, values):
        return self._fmt % values

    def _format(self, record):
        fields = record.__dict__
        if self._defaults:
            fields = self._defaults | fields
        return self._render(fields)

    def format(self, record):
        try:
            text = self._format(record)
        except KeyError as missing:
            raise ValueError(
                f'Formatting field not found in record: {missing}')
        return text


class StrFormatStyle(PercentStyle):
    """'{name}' fields, filled by str.format."""

    fmt_spec = re.compile(
        r'^(.?[<>=^])?[+ -]?#?0?(\d+|{\w+})?[,_]?'
        r'(\.(\d+|{\w+}))?[bcdefgnosx%]?$', re.I)
    field_spec = re.compile(
        r'^(\d+|\w+)'
        r'(\.\w+|\[[^]]+\])*$')

    def _render(self, values):
        return self._fmt.format(**values)

    def _check_piece(self, field, spec, conv):
        if field and not self.field_spec.match(field):
            raise ValueError(f'invalid field name/expression: {field!r}')
        if conv and conv not in 'rsa':
            raise ValueError(f'invalid conversion: {conv!r}')
        if spec and self.fmt_spec.match(spec) is None:
            raise ValueError(f'bad specifier: {spec!r}')

    def validate(self):
        named = 0
        try:
            for _text, field, spec, conv in _str_formatter.parse(self._fmt):
                self._check_piece(field, spec, conv)
                named += bool(field)
        except ValueError as problem:
            raise ValueError(f'invalid format: {problem}')
        if not named:
            raise ValueError(_NO_FIELDS)


class StringTemplateStyle(PercentStyle):
    """'$name' or '${name}' fields, filled by string.Template."""

    def __init__(self, *args, **kwargs):
        PercentStyle.__init__(self, *args, **kwargs)
        self._tpl = Template(self._fmt)

    def usesTime(self):
        text = self._fmt
        return '$asctime' in text or self.asctime_search in text

    def validate(self):
        named = 0
        for found in Template.pattern.finditer(self._fmt):
            groups = found.groupdict()
            if groups['named'] or groups['braced']:
                named += 1
            elif found.group(0) == '$':
                raise ValueError("invalid format: bare '$' not allowed")
        if not named:
            raise ValueError(_NO_FIELDS)

    def _render(self, values):
        return self._tpl.substitute(**values)


# Each style's format for the message alone, for the time, and the text
# whose presence means a format uses the time.
for _style, _marks in (
        (PercentStyle, ('%(message)s', '%(asctime)s', '%(asctime)')),
        (StrFormatStyle, ('{message}', '{asctime}', '{asctime')),
        (StringTemplateStyle, ('${message}', '${asctime}', '${asctime}'))):
    (_style.default_format, _style.asctime_format,
     _style.asctime_search) = _marks

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"

# style character -> (style class, basicConfig's default format)
_STYLES = {}
for _mark, _style, _field in (('%', PercentStyle, '%({})s'),
                              ('{', StrFormatStyle, '{{{}}}'),
                              ('$', StringTemplateStyle, '${{{}}}')):
    _STYLES[_mark] = (_style, ':'.join(
        _field.format(part) for part in ('levelname', 'name', 'message')))
del _mark, _style, _field, _marks


def _style_error():
    return ValueError('Style must be one of: ' + ','.join(_STYLES))


def _joined(text, tail):
    """`text` and then `tail` on a line of its own."""
    if not text.endswith("\n"):
        text += "\n"
    return text + tail


# ----------------------------------------------------------- formatters

class Formatter:
    """Makes the text of a record from a format string in the '%', '{'
    or '$' style, filling in the record's attributes."""

    converter = time.localtime
    default_time_format, default_msec_format = '%Y-%m-%d %H:%M:%S', '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%',
                 validate=True, *, defaults=None):
        if style not in _STYLES:
            raise _style_error()
        chosen = _STYLES[style][0](fmt, defaults=defaults)
        self._style = chosen
        if validate:
            chosen.validate()
        self._fmt = chosen._fmt
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        when = self.converter(record.created)
        if datefmt:
            return time.strftime(datefmt, when)
        text = time.strftime(self.default_time_format, when)
        with_msecs = self.default_msec_format
        if with_msecs:
            text = with_msecs % (text, record.msecs)
        return text

    def formatException(self, ei):
        out = io.StringIO()
        traceback.print_exception(ei[0], ei[1], ei[2], None, out)
        text = out.getvalue()
        out.close()
        return text[:-1] if text.endswith("\n") else text

    def usesTime(self):
        return self._style.usesTime()

    def formatMessage(self, record):
        return self._style.format(record)

    def formatStack(self, stack_info):
        return stack_info

    def format(self, record):
        message = record.getMessage()
        record.message = message
        if self.usesTime():
            stamp = self.formatTime(record, self.datefmt)
            record.asctime = stamp
        text = self.formatMessage(record)
        # The exception's text is kept on the record for other handlers.
        failure = record.exc_info
        if failure and not record.exc_text:
            record.exc_text = self.formatException(failure)
        if record.exc_text:
            text = _joined(text, record.exc_text)
        if record.stack_info:
            text = _joined(text, self.formatStack(record.stack_info))
        return text


_defaultFormatter = Formatter()


class BufferingFormatter:
    """Formats a list of records, between a header and a footer."""

    def __init__(self, linefmt=None):
        self.linefmt = linefmt or _defaultFormatter

    def formatHeader(self, records):
        return ""

    def formatFooter(self, records):
        return ""

    def format(self, records):
        if not len(records):
            return ""
        text = self.formatHeader(records)
        for one in records:
            text += self.linefmt.format(one)
        return text + self.formatFooter(records)


# -------------------------------------------------------------- filters

class Filter:
    """Passes the records of the logger called `name` and of the loggers
    below it; the empty name passes everything."""

    def __init__(self, name=''):
        self.name = name
        self.nlen = len(name)

    def filter(self, record):
        size = self.nlen
        if size == 0 or record.name == self.name:
            return True
        other = record.name
        return other.startswith(self.name) and other[size] == "."


class Filterer:
    """A list of filters, each an object with a `filter` method or a
    plain callable; a record passes if none of them says no."""

    def __init__(self):
        self.filters = []

    def addFilter(self, filter):
        known = self.filters
        if filter not in known:
            known.append(filter)

    def removeFilter(self, filter):
        known = self.filters
        if filter in known:
            known.remove(filter)

    def filter(self, record):
        for check in self.filters:
            verdict = getattr(check, 'filter', check)(record)
            if not verdict:
                return False
        return True


# ------------------------------------------------------------- handlers

# Handlers by name, and weak references to every handler made (in the
# order they were made): `shutdown` closes these.
_handlers = weakref.WeakValueDictionary()
_handlerList = []


def _removeHandlerRef(wr):
    # Called by the weak reference when its handler goes away (perhaps
    # while the interpreter is shutting down and globals are unset).
    known = _handlerList
    if known and wr in known:
        known.remove(wr)


def _addHandlerRef(handler):
    ref = weakref.ref(handler, _removeHandlerRef)
    with _lock:
        _handlerList.append(ref)


def _catching_frame(tb):
    """The running frame that caught the exception whose traceback is
    `tb` (found by its code: krait's traceback frames are not linked to
    their callers); the caller of handleError when there is none."""
    start = sys._getframe(3)
    if tb is not None:
        wanted = tb.tb_frame.f_code
        frame = start
        while frame is not None:
            if frame.f_code is wanted:
                return frame
            frame = frame.f_back
    return start


def _print_call_stack(record, tb):
    stream = sys.stderr
    stream.write('Call stack:\n')
    # From the frame that caught the error outwards, without the frames
    # of this package.
    frame = _catching_frame(tb)
    while frame is not None and _in_package(frame.f_code.co_filename):
        frame = frame.f_back
    if frame is None:
        stream.write(f'Logged from file {record.filename}, '
                     f'line {record.lineno}\n')
    else:
        traceback.print_stack(frame, file=stream)


_UNPRINTABLE = ('Unable to print the message and arguments - possible '
                'formatting error.\nUse the traceback above to help find '
                'the error.\n')


class Handler(Filterer):
    """Sends records somewhere; subclasses say where with `emit`."""

    def __init__(self, level=NOTSET):
        Filterer.__init__(self)
        self._name = None
        self.level = _checkLevel(level)
        self.formatter = None
        self._closed = False
        _addHandlerRef(self)
        self.createLock()

    def get_name(self):
        return self._name

    def set_name(self, name):
        with _lock:
            _handlers.pop(self._name, None)
            self._name = name
            if name:
                _handlers[name] = self

    name = property(get_name, set_name)

    def createLock(self):
        self.lock = _NoLock()

    def _at_fork_reinit(self):
        pass

    def acquire(self):
        if self.lock:
            self.lock.acquire()

    def release(self):
        if self.lock:
            self.lock.release()

    def setLevel(self, level):
        self.level = _checkLevel(level)

    def format(self, record):
        chosen = self.formatter or _defaultFormatter
        return chosen.format(record)

    def emit(self, record):
        raise NotImplementedError(
            'emit must be implemented by Handler subclasses')

    def handle(self, record):
        passed = self.filter(record)
        if passed:
            self.acquire()
            try:
                self.emit(record)
            finally:
                self.release()
        return passed

    def setFormatter(self, fmt):
        self.formatter = fmt

    def flush(self):
        pass

    def close(self):
        with _lock:
            self._closed = True
            if self._name:
                _handlers.pop(self._name, None)

    def handleError(self, record):
        """Prints the exception being handled (raised while emitting
        `record`) on stderr, when `raiseExceptions` is set."""
        err = sys.stderr
        if not (raiseExceptions and err):
            return
        kind, value, tb = sys.exc_info()
        try:
            err.write('--- Logging error ---\n')
            traceback.print_exception(kind, value, tb, None, err)
            _print_call_stack(record, tb)
            try:
                detail = 'Message: %r\nArguments: %s\n' % (record.msg,
                                                          record.args)
            except RecursionError:
                raise
            except Exception:
                detail = _UNPRINTABLE
            err.write(detail)
        except OSError:
            pass
        finally:
            kind = value = tb = None

    def __repr__(self):
        return f'<{self.__class__.__name__} ({getLevelName(self.level)})>'


class StreamHandler(Handler):
    """Writes each record's text, then `terminator`, to a stream
    (sys.stderr by default)."""

    terminator = '\n'

    def __init__(self, stream=None):
        Handler.__init__(self)
        self.stream = sys.stderr if stream is None else stream

    def flush(self):
        with self.lock or _lock:
            target = self.stream
            if target and hasattr(target, "flush"):
                target.flush()

    def emit(self, record):
        try:
            line = self.format(record) + self.terminator
            self.stream.write(line)
            self.flush()
        except RecursionError:
            raise
        except Exception:
            self.handleError(record)

    def setStream(self, stream):
        """Switches to `stream`; returns the one replaced (None when it
        is the same stream)."""
        if stream is self.stream:
            return None
        previous = self.stream
        with self.lock or _lock:
            self.flush()
            self.stream = stream
        return previous

    def __repr__(self):
        label = str(getattr(self.stream, 'name', ''))
        if label:
            label += ' '
        return (f'<{self.__class__.__name__} {label}'
                f'({getLevelName(self.level)})>')

    __class_getitem__ = classmethod(GenericAlias)


class FileHandler(StreamHandler):
    """A stream handler on a file it opens itself: at once, or when the
    first record comes if `delay` is true."""

    def __init__(self, filename, mode='a', encoding=None, delay=False,
                 errors=None):
        self.baseFilename = os.path.abspath(os.fspath(filename))
        self.mode = mode
        if "b" not in mode and encoding is None:
            encoding = "locale"
        self.encoding = encoding
        self.errors = errors
        self.delay = delay
        # Kept so that closing at interpreter exit still finds `open`.
        self._builtin_open = open
        if delay:
            Handler.__init__(self)
            self.stream = None
        else:
            opened = self._open()
            StreamHandler.__init__(self, opened)

    def close(self):
        with self.lock or _lock:
            current = self.stream
            try:
                if current:
                    try:
                        self.flush()
                    finally:
                        self.stream = None
                        if hasattr(current, "close"):
                            current.close()
            finally:
                StreamHandler.close(self)

    def _open(self):
        opener = self._builtin_open
        binary = "b" in self.mode
        if binary and self.encoding is None and self.errors is None:
            return opener(self.baseFilename, self.mode)
        encoding = self.encoding
        if encoding == "locale":
            encoding = None
        return opener(self.baseFilename, self.mode, encoding=encoding,
                      errors=self.errors)

    def emit(self, record):
        if self.stream is None and (self.mode != 'w' or not self._closed):
            self.stream = self._open()
        if self.stream:
            super().emit(record)

    def __repr__(self):
        return (f'<{self.__class__.__name__} {self.baseFilename} '
                f'({getLevelName(self.level)})>')


class _StderrHandler(StreamHandler):
    """The handler of last resort: writes to whatever sys.stderr is at
    the time."""

    def __init__(self, level=NOTSET):
        Handler.__init__(self, level)

    @property
    def stream(self):
        return sys.stderr


lastResort = _defaultLastResort = _StderrHandler(WARNING)


class NullHandler(Handler):
    """Drops every record: a library adds one so that its records do
    not reach the handler of last resort."""

    def handle(self, record):
        """Does nothing."""

    def emit(self, record):
        """Does nothing."""

    def createLock(self):
        self.lock = None

    def _at_fork_reinit(self):
        pass


# ------------------------------------------------------ the hierarchy

class PlaceHolder:
    """Holds the place of a logger nobody asked for yet (but whose name
    is an ancestor of asked-for ones) and remembers those below it."""

    def __init__(self, alogger):
        self.loggerMap = {alogger: None}

    def append(self, alogger):
        self.loggerMap.setdefault(alogger, None)


def _check_logger_class(klass):
    if klass != Logger and not issubclass(klass, Logger):
        raise TypeError(
            f"logger not derived from logging.Logger: {klass.__name__}")


def setLoggerClass(klass):
    global _loggerClass
    _check_logger_class(klass)
    _loggerClass = klass


def getLoggerClass():
    return _loggerClass


def _ancestor_names(name):
    """'a.b.c' -> 'a.b', 'a' (nearest first)."""
    cut = name.rfind(".")
    while cut > 0:
        yield name[:cut]
        cut = name.rfind(".", 0, cut - 1)


class Manager:
    """The registry of loggers by name; links each logger to its closest
    existing ancestor."""

    def __init__(self, rootnode):
        self.root = rootnode
        self.disable, self.emittedNoHandlerWarning = 0, False
        self.loggerDict = {}
        self.loggerClass = self.logRecordFactory = None

    @property
    def disable(self):
        return self._disable

    @disable.setter
    def disable(self, value):
        self._disable = _checkLevel(value)

    def _new_logger(self, name):
        made = (self.loggerClass or _loggerClass)(name)
        made.manager = self
        self.loggerDict[name] = made
        return made

    def getLogger(self, name):
        if not isinstance(name, str):
            raise TypeError('A logger name must be a string')
        with _lock:
            existing = self.loggerDict.get(name)
            if existing is not None and not isinstance(existing,
                                                       PlaceHolder):
                return existing
            made = self._new_logger(name)
            if existing is not None:
                self._fixupChildren(existing, made)
            self._fixupParents(made)
            return made

    def setLoggerClass(self, klass):
        _check_logger_class(klass)
        self.loggerClass = klass

    def setLogRecordFactory(self, factory):
        self.logRecordFactory = factory

    def _fixupParents(self, alogger):
        parent = None
        for prefix in _ancestor_names(alogger.name):
            entry = self.loggerDict.get(prefix)
            if entry is None:
                self.loggerDict[prefix] = PlaceHolder(alogger)
            elif isinstance(entry, Logger):
                parent = entry
                break
            else:
                entry.append(alogger)
        alogger.parent = parent or self.root

    def _fixupChildren(self, ph, alogger):
        name = alogger.name
        for child in ph.loggerMap:
            # A child already linked below this name keeps its parent.
            if not child.parent.name.startswith(name):
                alogger.parent = child.parent
                child.parent = alogger

    def _clear_cache(self):
        with _lock:
            for entry in self.loggerDict.values():
                if isinstance(entry, Logger):
                    entry._cache.clear()
            self.root._cache.clear()


def _named(function, name, owner=None):
    """Gives a function made by a factory below its public name."""
    function.__name__ = name
    function.__qualname__ = f'{owner}.{name}' if owner else name
    try:
        function.__code__ = function.__code__.replace(co_name=name)
    except (AttributeError, TypeError, ValueError):
        pass
    return function


def _logging_method(levelno, name):
    def method(self, msg, *args, **kwargs):
        if self.isEnabledFor(levelno):
            self._log(levelno, msg, args, **kwargs)
    return _named(method, name, 'Logger')


def _deprecated_warn(what):
    warnings.warn(f"The 'warn' {what} is deprecated, use 'warning' instead",
                  DeprecationWarning, 3)


def _warn_method(owner):
    def method(self, msg, *args, **kwargs):
        _deprecated_warn('method')
        self.warning(msg, *args, **kwargs)
    return _named(method, 'warn', owner)


def _as_exc_info(given):
    """An exc_info argument as a (type, value, traceback) triple."""
    if isinstance(given, BaseException):
        return type(given), given, given.__traceback__
    if isinstance(given, tuple):
        return given
    return sys.exc_info()


# (file name, line number, function name, stack) when it is not known.
_UNKNOWN_CALLER = ("(unknown file)", 0, "(unknown function)", None)


class Logger(Filterer):
    """A named source of records.  A record at or above the logger's
    effective level goes to its handlers, then (while `propagate` is
    true) to those of its ancestors."""

    def __init__(self, name, level=NOTSET):
        Filterer.__init__(self)
        self.name = name
        self.level = _checkLevel(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False
        self._cache = {}

    def setLevel(self, level):
        self.level = _checkLevel(level)
        self.manager._clear_cache()

    debug = _logging_method(DEBUG, 'debug')
    info = _logging_method(INFO, 'info')
    warning = _logging_method(WARNING, 'warning')
    warn = _warn_method('Logger')
    error = _logging_method(ERROR, 'error')

    def exception(self, msg, *args, exc_info=True, **kwargs):
        kwargs['exc_info'] = exc_info
        self.error(msg, *args, **kwargs)

    critical = _logging_method(CRITICAL, 'critical')

    def fatal(self, msg, *args, **kwargs):
        self.critical(msg, *args, **kwargs)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            if raiseExceptions:
                raise TypeError("level must be an integer")
        elif self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def findCaller(self, stack_info=False, stacklevel=1):
        """(file name, line number, function name, stack text or None)
        of the frame `stacklevel` levels out of the logging code."""
        frame = currentframe()
        if frame is None:
            return _UNKNOWN_CALLER
        remaining = stacklevel
        while remaining > 0 and frame.f_back is not None:
            frame = frame.f_back
            if not _is_internal_frame(frame):
                remaining -= 1
        stack_text = None
        if stack_info:
            out = io.StringIO()
            out.write("Stack (most recent call last):\n")
            traceback.print_stack(frame, file=out)
            stack_text = out.getvalue()
            out.close()
            if stack_text.endswith('\n'):
                stack_text = stack_text[:-1]
        code = frame.f_code
        return code.co_filename, frame.f_lineno, code.co_name, stack_text

    def makeRecord(self, name, level, fn, lno, msg, args,
                   exc_info, func=None, extra=None, sinfo=None):
        made = _logRecordFactory(name, level, fn, lno, msg, args, exc_info,
                                 func, sinfo)
        if extra is not None:
            attrs = made.__dict__
            for key in extra:
                if key in ("message", "asctime") or key in attrs:
                    raise KeyError(
                        "Attempt to overwrite %r in LogRecord" % key)
                attrs[key] = extra[key]
        return made

    def _log(self, level, msg, args, exc_info=None, extra=None,
             stack_info=False, stacklevel=1):
        where = _UNKNOWN_CALLER
        if _srcfile:
            try:
                where = self.findCaller(stack_info, stacklevel)
            except ValueError:
                pass
        path, line, func, stack_text = where
        if exc_info:
            exc_info = _as_exc_info(exc_info)
        record = self.makeRecord(self.name, level, path, line, msg, args,
                                 exc_info, func, extra, stack_text)
        self.handle(record)

    def handle(self, record):
        if not self.disabled and self.filter(record):
            self.callHandlers(record)

    def addHandler(self, hdlr):
        with _lock:
            present = self.handlers
            if hdlr not in present:
                present.append(hdlr)

    def removeHandler(self, hdlr):
        with _lock:
            present = self.handlers
            if hdlr in present:
                present.remove(hdlr)

    def _lineage(self):
        """This logger and the ancestors its records propagate to."""
        node = self
        while node:
            yield node
            if not node.propagate:
                return
            node = node.parent

    def hasHandlers(self):
        return any(node.handlers for node in self._lineage())

    def callHandlers(self, record):
        seen = 0
        level = record.levelno
        # The lineage walked inline (as `_lineage` does): every record
        # comes here, and a generator per record cost a third of the call.
        node = self
        while node:
            for hdlr in node.handlers:
                seen += 1
                if level >= hdlr.level:
                    hdlr.handle(record)
            node = node.parent if node.propagate else None
        if seen:
            return
        manager = self.manager
        if lastResort:
            if level >= lastResort.level:
                lastResort.handle(record)
        elif raiseExceptions and not manager.emittedNoHandlerWarning:
            sys.stderr.write(
                f'No handlers could be found for logger "{self.name}"\n')
            manager.emittedNoHandlerWarning = True

    def getEffectiveLevel(self):
        node = self
        while node:
            if node.level:
                return node.level
            node = node.parent
        return NOTSET

    def isEnabledFor(self, level):
        if self.disabled:
            return False
        # One lookup when the answer is known (every call but the first).
        try:
            return self._cache[level]
        except KeyError:
            with _lock:
                enabled = self._cache[level] = (
                    self.manager.disable < level
                    and level >= self.getEffectiveLevel())
            return enabled

    def getChild(self, suffix):
        if self.root is not self:
            suffix = '.'.join([self.name, suffix])
        return self.manager.getLogger(suffix)

    def __repr__(self):
        return (f'<{self.__class__.__name__} {self.name} '
                f'({getLevelName(self.getEffectiveLevel())})>')

    def __reduce__(self):
        if getLogger(self.name) is self:
            return getLogger, (self.name,)
        import pickle
        raise pickle.PicklingError('logger cannot be pickled')


class RootLogger(Logger):
    """The top of the hierarchy; its name is "root"."""

    def __init__(self, level):
        super().__init__("root", level)

    def __reduce__(self):
        return getLogger, ()


_loggerClass = Logger


def _relay(name, argument=None):
    """A LoggerAdapter method that asks the wrapped logger."""
    if argument is None:
        def method(self):
            return getattr(self.logger, name)()
    else:
        def method(self, level):
            return getattr(self.logger, name)(level)
    return _named(method, name, 'LoggerAdapter')


def _adapter_method(levelno, name):
    def method(self, msg, *args, **kwargs):
        self.log(levelno, msg, *args, **kwargs)
    return _named(method, name, 'LoggerAdapter')


class LoggerAdapter:
    """Wraps a logger, passing `extra` (contextual values) with every
    record logged through it."""

    def __init__(self, logger, extra=None):
        self.logger = logger
        self.extra = extra

    def process(self, msg, kwargs):
        kwargs["extra"] = self.extra
        return msg, kwargs

    debug = _adapter_method(DEBUG, 'debug')
    info = _adapter_method(INFO, 'info')
    warning = _adapter_method(WARNING, 'warning')
    warn = _warn_method('LoggerAdapter')
    error = _adapter_method(ERROR, 'error')

    def exception(self, msg, *args, exc_info=True, **kwargs):
        kwargs['exc_info'] = exc_info
        self.log(ERROR, msg, *args, **kwargs)

    critical = _adapter_method(CRITICAL, 'critical')

    def log(self, level, msg, *args, **kwargs):
        if self.isEnabledFor(level):
            text, options = self.process(msg, kwargs)
            self.logger.log(level, text, *args, **options)

    # Asked of the wrapped logger.
    isEnabledFor = _relay('isEnabledFor', 'level')
    setLevel = _relay('setLevel', 'level')
    getEffectiveLevel = _relay('getEffectiveLevel')
    hasHandlers = _relay('hasHandlers')

    def _log(self, level, msg, args, exc_info=None, extra=None,
             stack_info=False):
        inner = self.logger
        return inner._log(level, msg, args, exc_info=exc_info, extra=extra,
                          stack_info=stack_info)

    manager = property(
        lambda self: self.logger.manager,
        lambda self, value: setattr(self.logger, 'manager', value))

    @property
    def name(self):
        return self.logger.name

    def __repr__(self):
        inner = self.logger
        level = getLevelName(inner.getEffectiveLevel())
        return f'<{self.__class__.__name__} {inner.name} ({level})>'

    __class_getitem__ = classmethod(GenericAlias)


Logger.root = root = RootLogger(WARNING)
Logger.manager = Manager(root)


# ------------------------------------------ configuration, module calls

def _default_handlers(options, encoding, errors):
    """The one handler basicConfig makes when given no `handlers`."""
    if "stream" in options and "filename" in options:
        raise ValueError("'stream' and 'filename' "
                         "should not be specified together")
    filename = options.pop("filename", None)
    mode = options.pop("filemode", 'a')
    if not filename:
        return [StreamHandler(options.pop("stream", None))]
    if 'b' in mode:
        errors = None
    return [FileHandler(filename, mode, encoding=encoding, errors=errors)]


def basicConfig(**kwargs):
    """Sets the root logger up with a handler and a formatter, unless it
    already has handlers (and `force` is not given)."""
    with _lock:
        options = dict(kwargs)
        force = options.pop('force', False)
        encoding = options.pop('encoding', None)
        errors = options.pop('errors', 'backslashreplace')
        if force:
            for old in list(root.handlers):
                root.removeHandler(old)
                old.close()
        if root.handlers:
            return
        chosen = options.pop("handlers", None)
        if chosen is None:
            chosen = _default_handlers(options, encoding, errors)
        elif "stream" in options or "filename" in options:
            raise ValueError("'stream' or 'filename' should not be specified"
                             " together with 'handlers'")
        datefmt = options.pop("datefmt", None)
        style = options.pop("style", '%')
        if style not in _STYLES:
            raise _style_error()
        fmt_text = options.pop("format", _STYLES[style][1])
        formatter = Formatter(fmt_text, datefmt, style)
        for hdlr in chosen:
            if hdlr.formatter is None:
                hdlr.setFormatter(formatter)
            root.addHandler(hdlr)
        level = options.pop("level", None)
        if level is not None:
            root.setLevel(level)
        if options:
            raise ValueError('Unrecognised argument(s): '
                             + ', '.join(options))


def getLogger(name=None):
    """The logger called `name`, made on first use; the root logger when
    no name is given."""
    if not name or (isinstance(name, str) and name == root.name):
        return root
    return Logger.manager.getLogger(name)


def _module_function(method_name, name=None):
    def function(msg, *args, **kwargs):
        if not root.handlers:
            basicConfig()
        getattr(root, method_name)(msg, *args, **kwargs)
    return _named(function, name or method_name)


critical = _module_function('critical')
fatal = _module_function('critical', 'fatal')
error = _module_function('error')


def exception(msg, *args, exc_info=True, **kwargs):
    kwargs['exc_info'] = exc_info
    error(msg, *args, **kwargs)


warning = _module_function('warning')


def warn(msg, *args, **kwargs):
    _deprecated_warn('function')
    warning(msg, *args, **kwargs)


info = _module_function('info')
debug = _module_function('debug')


def log(level, msg, *args, **kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def disable(level=CRITICAL):
    """Drops every record at `level` or below, whatever the loggers'
    own levels say."""
    manager = root.manager
    manager.disable = level
    manager._clear_cache()


def shutdown(handlerList=_handlerList):
    """Flushes and closes the handlers in `handlerList` (weak references),
    newest first.  Runs at exit."""
    for ref in handlerList[::-1]:
        try:
            hdlr = ref()
            if not hdlr:
                continue
            try:
                hdlr.acquire()
                hdlr.flush()
                hdlr.close()
            except (ValueError, OSError):
                # The stream may be gone already; nothing to do about it.
                pass
            finally:
                hdlr.release()
        except:  # noqa: E722 - shutdown itself must not fail
            if raiseExceptions:
                raise


import atexit
atexit.register(shutdown)


# --------------------------------------------------- captured warnings

_warnings_showwarning = None


def _showwarning(message, category, filename, lineno,
                 file=None, line=None):
    """Stands in for warnings.showwarning while warnings are captured:
    logs the warning on "py.warnings" (or writes it to `file`, if given,
    through the original function)."""
    if file is not None:
        original = _warnings_showwarning
        if original is not None:
            original(message, category, filename, lineno, file, line)
        return
    text = warnings.formatwarning(message, category, filename, lineno, line)
    target = getLogger("py.warnings")
    if not target.handlers:
        target.addHandler(NullHandler())
    target.warning(str(text))


def captureWarnings(capture):
    """Routes warnings into logging (true) or back to the warnings
    module's own display (false)."""
    global _warnings_showwarning
    saved = _warnings_showwarning
    if capture and saved is None:
        _warnings_showwarning, warnings.showwarning = (
            warnings.showwarning, _showwarning)
    elif not capture and saved is not None:
        warnings.showwarning, _warnings_showwarning = saved, None
