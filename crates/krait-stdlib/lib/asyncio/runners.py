"""asyncio.run() and Runner.  krait has no signals: Ctrl-C is not turned
into a cancellation of the main task."""

__all__ = ('Runner', 'run')

from . import coroutines
from . import events
from . import exceptions
from . import tasks

# A Runner's life: made, with a loop, closed.
_NEW, _OPEN, _DONE = 'created', 'initialized', 'closed'


def _refuse_nested(what):
    if events._get_running_loop() is None:
        return
    raise RuntimeError(f'{what} cannot be called from a running event loop')


class Runner:
    """Runs coroutines, one run() at a time, in a loop it makes on first
    use and closes at close() (or at the end of a `with` block)."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._debug, self._loop_factory = debug, loop_factory
        self._loop = self._context = None
        self._state = _NEW
        self._interrupt_count = 0
        # Whether our loop was made the current one (undone at close()).
        self._made_current = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def get_loop(self):
        """The runner's loop (made now if need be)."""
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        """Run `coro` to its end in the runner's loop; return its
        result."""
        if coroutines.iscoroutine(coro):
            _refuse_nested('Runner.run()')
        else:
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        self._lazy_init()
        loop = self._loop
        if context is None:
            context = self._context
        main = loop.create_task(coro, context=context)
        self._interrupt_count = 0
        return loop.run_until_complete(main)

    def close(self):
        """Cancel the tasks left, then close the loop."""
        if self._state != _OPEN:
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            for finish in (loop.shutdown_asyncgens,
                           loop.shutdown_default_executor):
                loop.run_until_complete(finish())
        finally:
            if self._made_current:
                events.set_event_loop(None)
            loop.close()
            self._loop, self._state = None, _DONE

    def _lazy_init(self):
        if self._state == _OPEN:
            return
        if self._state == _DONE:
            raise RuntimeError('Runner is closed')
        factory = self._loop_factory
        if factory is None:
            loop = events.new_event_loop()
            if not self._made_current:
                events.set_event_loop(loop)
                self._made_current = True
        else:
            loop = factory()
        if self._debug is not None:
            loop.set_debug(self._debug)
        self._loop, self._state = loop, _OPEN


def run(main, *, debug=None):
    """Run the coroutine `main` in a new loop and return its result; the
    tasks left are cancelled and the loop closed at the end."""
    _refuse_nested('asyncio.run()')
    runner = Runner(debug=debug)
    with runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    leftovers = tasks.all_tasks(loop)
    if not leftovers:
        return
    for task in leftovers:
        task.cancel()
    loop.run_until_complete(tasks.gather(*leftovers, return_exceptions=True))
    for task in leftovers:
        if task.cancelled():
            continue
        error = task.exception()
        if error is not None:
            loop.call_exception_handler(dict(
                message='unhandled exception during asyncio.run() shutdown',
                exception=error, task=task))
