"""The import system from Python (CPython's `importlib`): the functions
live in the VM (`_imp`); this package gives them CPython's names."""

from _imp import import_module, reload, invalidate_caches

__all__ = ["import_module", "reload", "invalidate_caches"]
