"""The abstract classes of package resources (CPython's
`importlib.resources.abc`): Traversable, TraversableResources and
ResourceReader, the same classes as `importlib.abc`'s."""

from importlib.abc import ResourceReader, Traversable, TraversableResources

__all__ = ["ResourceReader", "Traversable", "TraversableResources"]
