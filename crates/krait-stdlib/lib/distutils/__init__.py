"""What krait keeps of `distutils` (deprecated in 3.11, removed in 3.12):
the package itself and `distutils.version`. Importing it warns."""

import sys
import warnings

__version__ = sys.version.split(" ", 1)[0]

_DEPRECATION_MESSAGE = (
    "The distutils package is deprecated and slated for removal in "
    "Python 3.12. Use setuptools or check PEP 632 for potential "
    "alternatives")

# Level 2: the warning points at the module doing the import.
warnings.warn(_DEPRECATION_MESSAGE, DeprecationWarning, 2)
