"""Specs and modules made by hand (CPython's `importlib.util`)."""

from _imp import find_spec, spec_from_file_location, module_from_spec

__all__ = ["find_spec", "spec_from_file_location", "module_from_spec"]
