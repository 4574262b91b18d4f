"""Interface to the Expat non-validating XML parser: krait's native
`pyexpat` module under its standard name, with its `errors` and `model`
submodules importable as `xml.parsers.expat.errors` and `.model`."""

import sys

from pyexpat import *

sys.modules['xml.parsers.expat.model'] = model
sys.modules['xml.parsers.expat.errors'] = errors
