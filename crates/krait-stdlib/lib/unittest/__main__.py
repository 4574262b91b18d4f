"""`python -m unittest`: runs the tests named on the command line, or
discovers them (`discover` or no arguments)."""

import os
import sys

if sys.argv[0].endswith("__main__.py") or sys.argv[0] == "-m":
    sys.argv[0] = os.path.basename(sys.executable) + " -m unittest"

__unittest = True

from .main import main

main(module=None)
