"""Extra handlers (CPython 3.11's `logging.handlers`, the ones that need
no network): files rotated by size or by time, a file reopened when it is
moved away, buffers, and a queue with its listener."""

import copy
import io
import os
import re
import time
import logging
from stat import ST_MTIME, ST_DEV, ST_INO

# Well-known ports (the network handlers themselves are not provided).
DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = SYSLOG_TCP_PORT = 514

_MIDNIGHT = 24 * 60 * 60


def _text_encoding(mode, encoding):
    """The encoding a text-mode file handler records ('locale' when none
    is given); binary modes keep what they were given."""
    if "b" in mode:
        return encoding
    return io.text_encoding(encoding)


def _special_file(path):
    """Whether `path` exists but is not a regular file (a device, a pipe):
    such files are never rolled over."""
    return os.path.exists(path) and not os.path.isfile(path)


class BaseRotatingHandler(logging.FileHandler):
    """A file handler that may start a new file before writing a record:
    subclasses decide when (`shouldRollover`) and do it (`doRollover`).
    Set `namer` and `rotator` to change how old files are named and
    moved."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None,
                 delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode, encoding, delay,
                                     errors)
        self.mode, self.encoding, self.errors = mode, encoding, errors

    def emit(self, record):
        try:
            due = self.shouldRollover(record)
            if due:
                self.doRollover()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        namer = self.namer
        return namer(default_name) if callable(namer) else default_name

    def rotate(self, source, dest):
        mover = self.rotator
        if callable(mover):
            mover(source, dest)
        elif os.path.exists(source):
            os.rename(source, dest)

    def _close_stream(self):
        current, self.stream = self.stream, None
        if current:
            current.close()

    def _open_stream(self):
        opened = self._open()
        self.stream = opened
        return opened

    def _reopen_unless_delayed(self):
        if not self.delay:
            self._open_stream()


class RotatingFileHandler(BaseRotatingHandler):
    """Starts a new file whenever the next record would take the current
    one to `maxBytes`; keeps `backupCount` old ones as name.1 (newest),
    name.2 and so on."""

    def __init__(self, filename, mode='a', maxBytes=0,
                 backupCount=0, encoding=None, delay=False, errors=None):
        # A size limit only makes sense when appending.
        if maxBytes > 0:
            mode = 'a'
        BaseRotatingHandler.__init__(self, filename, mode,
                                     _text_encoding(mode, encoding),
                                     delay, errors)
        self.maxBytes, self.backupCount = maxBytes, backupCount

    def _backup_name(self, number):
        return self.rotation_filename(f"{self.baseFilename}.{number:d}")

    def doRollover(self):
        self._close_stream()
        if self.backupCount > 0:
            # Shift name.N-1 to name.N, ..., name.1 to name.2.
            for number in reversed(range(1, self.backupCount)):
                older = self._backup_name(number)
                newer = self._backup_name(number + 1)
                if not os.path.exists(older):
                    continue
                if os.path.exists(newer):
                    os.remove(newer)
                os.rename(older, newer)
            first = self.rotation_filename(self.baseFilename + ".1")
            if os.path.exists(first):
                os.remove(first)
            self.rotate(self.baseFilename, first)
        self._reopen_unless_delayed()

    def shouldRollover(self, record):
        if _special_file(self.baseFilename):
            return False
        if self.stream is None:
            self._open_stream()
        if self.maxBytes <= 0:
            return False
        text = "%s\n" % self.format(record)
        self.stream.seek(0, 2)
        return self.stream.tell() + len(text) >= self.maxBytes


# when (upper case) -> (seconds per unit, strftime suffix, suffix pattern)
_TIMED_UNITS = {
    'S': (1, "%Y-%m-%d_%H-%M-%S",
          r"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(\.\w+)?$"),
    'M': (60, "%Y-%m-%d_%H-%M",
          r"^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(\.\w+)?$"),
    'H': (3600, "%Y-%m-%d_%H",
          r"^\d{4}-\d{2}-\d{2}_\d{2}(\.\w+)?$"),
    'D': (_MIDNIGHT, "%Y-%m-%d", r"^\d{4}-\d{2}-\d{2}(\.\w+)?$"),
}
_TIMED_UNITS['MIDNIGHT'] = _TIMED_UNITS['D']
_WEEK = (7 * _MIDNIGHT, "%Y-%m-%d", r"^\d{4}-\d{2}-\d{2}(\.\w+)?$")


def _dst_shift(dst_before, dst_after):
    """Seconds to add to a local-time instant computed across a change
    of daylight saving time."""
    if dst_before == dst_after:
        return 0
    return 3600 if dst_before else -3600


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Starts a new file at fixed times: every `interval` seconds,
    minutes, hours or days (`when` 'S', 'M', 'H', 'D'), at midnight
    ('midnight') or on a weekday ('W0' Monday ... 'W6' Sunday), at
    `atTime` for the last two."""

    def __init__(self, filename, when='h', interval=1,
                 backupCount=0, encoding=None, delay=False, utc=False,
                 atTime=None, errors=None):
        BaseRotatingHandler.__init__(self, filename, 'a',
                                     io.text_encoding(encoding), delay,
                                     errors)
        kind = when.upper()
        self.when = kind
        self.backupCount, self.utc, self.atTime = backupCount, utc, atTime
        if kind in _TIMED_UNITS:
            unit, self.suffix, pattern = _TIMED_UNITS[kind]
        elif kind.startswith('W'):
            if len(kind) != 2:
                raise ValueError(
                    "You must specify a day for weekly rollover from 0 to 6"
                    f" (0 is Monday): {kind}")
            if not '0' <= kind[1] <= '6':
                raise ValueError(
                    f"Invalid day specified for weekly rollover: {kind}")
            self.dayOfWeek = int(kind[1])
            unit, self.suffix, pattern = _WEEK
        else:
            raise ValueError(f"Invalid rollover interval specified: {kind}")
        self.extMatch = re.compile(pattern, re.ASCII)
        self.interval = unit * interval
        if os.path.exists(self.baseFilename):
            start = os.stat(self.baseFilename)[ST_MTIME]
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _at_fixed_time(self):
        return self.when == 'MIDNIGHT' or self.when.startswith('W')

    def computeRollover(self, currentTime):
        if not self._at_fixed_time():
            return currentTime + self.interval
        parts = (time.gmtime if self.utc else time.localtime)(currentTime)
        hour, minute, second, weekday = parts[3], parts[4], parts[5], parts[6]
        at = self.atTime
        if at is None:
            target = _MIDNIGHT
        else:
            target = (at.hour * 60 + at.minute) * 60 + at.second
        wait = target - ((hour * 60 + minute) * 60 + second)
        if wait < 0:
            # Today's moment has passed: the next one is tomorrow.
            wait += _MIDNIGHT
            weekday = (weekday + 1) % 7
        moment = currentTime + wait
        if not self.when.startswith('W') or weekday == self.dayOfWeek:
            return moment
        days = (self.dayOfWeek - weekday) % 7
        moment += days * _MIDNIGHT
        if not self.utc:
            moment += _dst_shift(parts[-1], time.localtime(moment)[-1])
        return moment

    def shouldRollover(self, record):
        if _special_file(self.baseFilename):
            return False
        return int(time.time()) >= self.rolloverAt

    def getFilesToDelete(self):
        folder, base = os.path.split(self.baseFilename)
        stem, extension = os.path.splitext(base)
        prefix = stem + '.'
        size = len(prefix)
        candidates = []
        for entry in os.listdir(folder):
            if self.namer is None:
                if not entry.startswith(base):
                    continue
            elif (not entry.startswith(base) and entry.endswith(extension)
                  and len(entry) > size + 1
                  and not entry[size + 1].isdigit()):
                continue
            if entry[:size] != prefix:
                continue
            pieces = entry[size:].split('.')
            if any(self.extMatch.match(piece) for piece in pieces):
                candidates.append(os.path.join(folder, entry))
        if len(candidates) < self.backupCount:
            return []
        candidates.sort()
        return candidates[:len(candidates) - self.backupCount]

    def doRollover(self):
        self._close_stream()
        now = int(time.time())
        dst_now = time.localtime(now)[-1]
        began = self.rolloverAt - self.interval
        if self.utc:
            stamp = time.gmtime(began)
        else:
            stamp = time.localtime(began)
            shift = _dst_shift(dst_now, stamp[-1])
            if shift:
                stamp = time.localtime(began + shift)
        target = self.rotation_filename(
            self.baseFilename + "." + time.strftime(self.suffix, stamp))
        if os.path.exists(target):
            os.remove(target)
        self.rotate(self.baseFilename, target)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        self._reopen_unless_delayed()
        upcoming = self.computeRollover(now)
        while upcoming <= now:
            upcoming += self.interval
        if self._at_fixed_time() and not self.utc:
            upcoming += _dst_shift(dst_now, time.localtime(upcoming)[-1])
        self.rolloverAt = upcoming


class WatchedFileHandler(logging.FileHandler):
    """A file handler that notices when its file was moved or deleted
    (by a log rotation tool, say) and opens the file by its name again
    before writing."""

    def __init__(self, filename, mode='a', encoding=None,
                 delay=False, errors=None):
        logging.FileHandler.__init__(
            self, filename, mode, _text_encoding(mode, encoding), delay,
            errors)
        self.dev = self.ino = -1
        self._statstream()

    def _statstream(self):
        if not self.stream:
            return
        facts = os.fstat(self.stream.fileno())
        self.dev, self.ino = facts[ST_DEV], facts[ST_INO]

    def reopenIfNeeded(self):
        try:
            facts = os.stat(self.baseFilename)
        except FileNotFoundError:
            facts = None
        same = (facts is not None and facts[ST_DEV] == self.dev
                and facts[ST_INO] == self.ino)
        if same or self.stream is None:
            return
        self.stream.flush()
        self.stream.close()
        self.stream = None
        self.stream = self._open()
        self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BufferingHandler(logging.Handler):
    """Collects records in `buffer`, flushing it whenever `shouldFlush`
    says so (by default once it holds `capacity` records); this class's
    flush just empties it."""

    def __init__(self, capacity):
        super().__init__()
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        pending = self.buffer
        pending.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        with self.lock or logging._lock:
            del self.buffer[:]

    def close(self):
        try:
            self.flush()
        finally:
            super().close()


class MemoryHandler(BufferingHandler):
    """Collects records and passes them to `target` once the buffer is
    full or a record at `flushLevel` or above arrives (and when closed,
    if `flushOnClose`)."""

    def __init__(self, capacity, flushLevel=logging.ERROR,
                 target=None, flushOnClose=True):
        super().__init__(capacity)
        self.flushLevel, self.target = flushLevel, target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        if len(self.buffer) >= self.capacity:
            return True
        return record.levelno >= self.flushLevel

    def setTarget(self, target):
        with self.lock or logging._lock:
            self.target = target

    def flush(self):
        with self.lock or logging._lock:
            receiver = self.target
            if not receiver:
                return
            for item in self.buffer:
                receiver.handle(item)
            self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock or logging._lock:
                self.target = None
                super().close()


class QueueHandler(logging.Handler):
    """Puts records on a queue (anything with `put_nowait`), each one
    first formatted and stripped of what may not pickle."""

    def __init__(self, queue):
        super().__init__()
        self.queue = queue

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of `record` whose message is its formatted text, with
        no arguments, exception or stack left (the original is unchanged
        for the other handlers)."""
        text = self.format(record)
        ready = copy.copy(record)
        ready.message = ready.msg = text
        ready.args = ready.exc_info = ready.exc_text = None
        ready.stack_info = None
        return ready

    def emit(self, record):
        try:
            ready = self.prepare(record)
            self.enqueue(ready)
        except Exception:
            self.handleError(record)


class QueueListener:
    """Takes records off a queue in a background thread and hands them
    to `handlers` (each only records at or above its level, with
    `respect_handler_level`)."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        import threading
        worker = threading.Thread(target=self._monitor)
        worker.daemon = True
        self._thread = worker
        worker.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        item = self.prepare(record)
        picky = self.respect_handler_level
        for hdlr in self.handlers:
            if not picky or item.levelno >= hdlr.level:
                hdlr.handle(item)

    def _monitor(self):
        import queue as _queue_module
        source = self.queue
        acknowledge = hasattr(source, 'task_done')
        while True:
            try:
                item = self.dequeue(True)
                finished = item is self._sentinel
                if not finished:
                    self.handle(item)
                if acknowledge:
                    source.task_done()
            except _queue_module.Empty:
                return
            if finished:
                return

    def enqueue_sentinel(self):
        marker = self._sentinel
        self.queue.put_nowait(marker)

    def stop(self):
        self.enqueue_sentinel()
        self._thread.join()
        self._thread = None
