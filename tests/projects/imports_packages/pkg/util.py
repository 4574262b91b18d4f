x = "util x"
from . import sub
