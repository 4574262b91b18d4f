# logging.handlers: size-rotated files, buffering and memory handlers,
# a queue handler.
import io
import logging
import logging.handlers
import os

base = "logging_more_handlers_tmp.log"
for name in [base, base + ".1", base + ".2", base + ".3"]:
    if os.path.exists(name):
        os.remove(name)

rot = logging.handlers.RotatingFileHandler(base, maxBytes=60, backupCount=2)
rot.setFormatter(logging.Formatter("%(message)s"))
log = logging.getLogger("rotating")
log.propagate = False
log.addHandler(rot)
for i in range(12):
    log.warning("line %02d of the rotating log", i)
rot.close()
for name in [base, base + ".1", base + ".2", base + ".3"]:
    if os.path.exists(name):
        with open(name) as f:
            print(name[len(base):] or "(current)", f.read().splitlines())
        os.remove(name)
    else:
        print(name[len(base):], "absent")

out = io.StringIO()
target = logging.StreamHandler(out)
target.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
mem = logging.handlers.MemoryHandler(3, flushLevel=logging.ERROR, target=target)
ml = logging.getLogger("memory")
ml.propagate = False
ml.addHandler(mem)
ml.warning("one")
ml.warning("two")
print(repr(out.getvalue()), len(mem.buffer))
ml.warning("three")
print(repr(out.getvalue()), len(mem.buffer))
ml.warning("four")
ml.error("five")
print(out.getvalue().splitlines(), len(mem.buffer))
ml.warning("six")
mem.close()
print(out.getvalue().splitlines()[-1], mem.target)

buf = logging.handlers.BufferingHandler(2)
buf.handle(logging.makeLogRecord({"msg": "a"}))
print(len(buf.buffer), buf.shouldFlush(logging.makeLogRecord({})))
buf.handle(logging.makeLogRecord({"msg": "b"}))
print(len(buf.buffer))


class ListQueue:
    def __init__(self):
        self.items = []

    def put_nowait(self, item):
        self.items.append(item)


q = ListQueue()
qh = logging.handlers.QueueHandler(q)
qh.setFormatter(logging.Formatter("%(name)s: %(message)s"))
ql = logging.getLogger("queued")
ql.propagate = False
ql.addHandler(qh)
ql.warning("hello %s", "queue")
try:
    1 / 0
except ZeroDivisionError:
    ql.exception("failed")
first, second = q.items
print(first.msg, first.args, first.message, first.getMessage())
print(second.msg.splitlines()[0], second.msg.splitlines()[-1], second.exc_info, second.exc_text)
