from .. import util
from ..util import x
public = 1
_private = 2
def name():
    return "leaf " + x
