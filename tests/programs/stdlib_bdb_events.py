import os, sys, bdb

# This file's name as its code objects carry it (also when run from a
# compiled .kbc, whose __file__ differs).
HERE = os.path.abspath(sys._getframe().f_code.co_filename)


def inner(v):
    w = v * 3
    return w


def outer(n):
    s = 0
    for k in range(n):
        s += inner(k)
    try:
        raise KeyError(n)
    except KeyError:
        s += 1
    return s


def gen(n):
    for i in range(n):
        yield i


def use_gen():
    t = 0
    for x in gen(3):
        t += x
    return t


class Logger(bdb.Bdb):
    def __init__(self, plan, **kw):
        super().__init__(**kw)
        self.plan = list(plan)
        self.log = []

    def _act(self, frame):
        act = self.plan.pop(0) if self.plan else 'continue'
        if act == 'step':
            self.set_step()
        elif act == 'next':
            self.set_next(frame)
        elif act == 'return':
            self.set_return(frame)
        elif act == 'until':
            self.set_until(frame)
        elif act == 'quit':
            self.set_quit()
        else:
            self.set_continue()

    def _rec(self, *what):
        self.log.append(' '.join(str(w) for w in what))

    def user_call(self, frame, args):
        self._rec('call', frame.f_code.co_name, frame.f_lineno)
        self._act(frame)

    def user_line(self, frame):
        if os.path.abspath(frame.f_code.co_filename) != HERE:
            # the debugger's own runcall frame (not traced on krait)
            self._act(frame)
            return
        self._rec('line', frame.f_code.co_name, frame.f_lineno)
        self._act(frame)

    def user_return(self, frame, value):
        self._rec('return', frame.f_code.co_name, frame.f_lineno, repr(value))
        self._act(frame)

    def user_exception(self, frame, info):
        self._rec('exception', frame.f_code.co_name, frame.f_lineno,
                  info[0].__name__)
        self._act(frame)

    def do_clear(self, arg):
        self._rec('do_clear', arg)
        self.clear_bpbynumber(arg)


def trial(title, plan, func, *args, breaks=(), **kw):
    bdb.Breakpoint.clearBreakpoints()
    dbg = Logger(plan, **kw)
    for b in breaks:
        line, extra = b[0], b[1] if len(b) > 1 else {}
        err = dbg.set_break(HERE, line, **extra)
        if err:
            print('set_break error:', err.replace(HERE, 'FILE'))
    res = dbg.runcall(func, *args)
    print('==', title, '->', res)
    for entry in dbg.log:
        print('  ', entry)


trial('step all', ['step'] * 40, outer, 2)
trial('next', ['next'] * 20, outer, 2)
trial('step then return', ['step', 'step', 'step', 'step', 'return', 'next', 'next'], outer, 2)
trial('until', ['next', 'next', 'next', 'until', 'until', 'continue'], outer, 3)
trial('break', ['continue'] * 10, outer, 3, breaks=[(7,)])
trial('cond break', ['continue'] * 10, outer, 4, breaks=[(7, {'cond': 'v % 2 == 1'})])
trial('temp break', ['continue'] * 10, outer, 3, breaks=[(8, {'temporary': True})])
trial('func break', ['continue'] * 10, outer, 2, breaks=[(6, {'funcname': 'inner'})])
trial('bad cond', ['continue'] * 10, outer, 2, breaks=[(7, {'cond': 'nope +'})])
trial('quit', ['next', 'quit'], outer, 2)
trial('gen next', ['next'] * 20, use_gen)
trial('gen step', ['step'] * 40, use_gen)
trial('skip', ['step'] * 30, outer, 1, skip=['__main__'])
trial('bad line', [], outer, 1, breaks=[(9999,)])

# breakpoint API
bdb.Breakpoint.clearBreakpoints()
d = Logger([])
d.set_break(HERE, 7)
d.set_break(HERE, 7, cond='v')
d.set_break(HERE, 12, temporary=True)
print(sorted(d.get_all_breaks()[HERE]))
print(d.get_break(HERE, 7), d.get_break(HERE, 8))
print([b.number for b in d.get_breaks(HERE, 7)], d.get_breaks(HERE, 99))
print(d.get_file_breaks(HERE), d.get_file_breaks('/nonexist.py'))
for b in bdb.Breakpoint.bpbynumber:
    if b:
        print(b.bpformat().replace(HERE, 'FILE'))
        print(str(b).replace(HERE, 'FILE'))
bp = d.get_bpbynumber('2'); bp.disable(); bp.ignore = 3; bp.hits = 1
print(bp.bpformat().replace(HERE, 'FILE'))
for arg in ('', 'x', '99', '2'):
    try:
        print(d.get_bpbynumber(arg).number)
    except ValueError as e:
        print('ValueError', e)
print(d.clear_bpbynumber('2'), d.clear_bpbynumber('2'))
print(d.clear_break(HERE, 8).replace(HERE, 'FILE'), d.clear_break('/x.py', 1))
print(d.clear_break(HERE, 7), d.get_file_breaks(HERE))
print(d.clear_all_file_breaks(HERE), d.clear_all_file_breaks(HERE).replace(HERE, 'FILE'))
print(d.clear_all_breaks())
d.set_break(HERE, 7)
print(d.clear_all_breaks(), d.breaks, bdb.Breakpoint.bplist)
print(d.canonic('<string>'), d.canonic('x.py') == os.path.abspath('x.py'))
print(Logger([], skip=['x']).is_skipped_module(None), Logger([], skip=['foo.*']).is_skipped_module('foo.bar'))
print(issubclass(bdb.BdbQuit, Exception))
# runeval / run
e = Logger(['next'] * 5)
print(e.runeval('1 + 2', {}), e.log)
g = {}
e.run('x = 5\ny = x * 2\n', g)
print(g['y'], e.log)
