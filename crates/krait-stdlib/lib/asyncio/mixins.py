"""The loop binding shared by locks and queues."""

from . import events


class _LoopBoundMixin:
    """Binds an object to the first loop that uses it."""

    _loop = None

    def _get_loop(self):
        running = events._get_running_loop()
        bound = self._loop
        if bound is None:
            self._loop = bound = running
        if running is bound:
            return running
        raise RuntimeError(f'{self!r} is bound to a different event loop')
