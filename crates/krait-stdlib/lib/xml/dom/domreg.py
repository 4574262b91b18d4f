"""The registry of DOM implementations behind
xml.dom.getDOMImplementation() (krait implementation)."""

import os
import sys

# Implementations that can always be loaded, by name: module to import.
well_known_implementations = {
    'minidom': 'xml.dom.minidom',
    '4DOM': 'xml.dom.DOMImplementation',
}

# Implementations registered by applications: name -> factory.
registered = {}


def registerDOMImplementation(name, factory):
    """Make factory(), returning a DOMImplementation, available under
    name to getDOMImplementation()."""
    registered[name] = factory


def _has_features(impl, features):
    return all(impl.hasFeature(f, v) for f, v in features)


def _feature_pairs(features):
    """Parse a feature string such as 'core 2.0 xml' into pairs."""
    pairs = []
    words = features.split()
    i = 0
    while i < len(words):
        name = words[i]
        version = None
        if i + 1 < len(words) and words[i + 1][:1].isdigit():
            version = words[i + 1]
            i += 1
        pairs.append((name, version))
        i += 1
    return tuple(pairs)


def getDOMImplementation(name=None, features=()):
    """Return a DOM implementation: the one called name if given, else
    the first known one that has all the features asked for."""
    if isinstance(features, str):
        features = _feature_pairs(features)
    from_env = None
    if not sys.flags.ignore_environment:
        from_env = os.environ.get("PYTHON_DOM")
    if name is not None:
        if name in registered:
            return registered[name]()
        module = __import__(well_known_implementations.get(name, name),
                            {}, {}, ['getDOMImplementation'])
        return module.getDOMImplementation()
    if from_env:
        return getDOMImplementation(name=from_env)

    for factory in registered.values():
        impl = factory()
        if _has_features(impl, features):
            return impl
    for known in well_known_implementations:
        try:
            impl = getDOMImplementation(name=known)
        except Exception:
            continue
        if _has_features(impl, features):
            return impl
    raise ImportError("no suitable DOM implementation found")
