"""The remains of `distutils` (deprecated in CPython 3.11, gone in
3.12) that code still imports: only `distutils.version`, with its
LooseVersion and StrictVersion classes. The build and install commands
are not here (krait builds no extension modules); use setuptools-style
tools with CPython for those.

Importing the package gives CPython 3.11's DeprecationWarning.
"""

import sys
import warnings

__version__ = sys.version.split(" ", 1)[0]

_DEPRECATION_MESSAGE = ("The distutils package is deprecated and slated for "
                        "removal in Python 3.12. Use setuptools or check "
                        "PEP 632 for potential alternatives")
warnings.warn(_DEPRECATION_MESSAGE, DeprecationWarning, 2)
