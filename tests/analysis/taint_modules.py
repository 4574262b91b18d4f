# krait taint --source read_secret --sink leak
# A module's attributes are its names: a name its code labelled is
# labelled when read as an attribute or imported from it. The first
# source call of the run happens inside the import (the importing frame
# goes on watched from the import on). Each `leak(...)` says whether a
# labelled value reaches it (FLOW) or not (CLEAN).

from taint_support import settings
from taint_support.settings import PUBLIC, TOKEN


def leak(*values):
    pass


def token_of(module):
    # A frame with no labelled slot reading a module's attribute.
    return module.TOKEN


leak(TOKEN)                     # FLOW: imported name
leak(PUBLIC)                    # CLEAN
leak(settings.TOKEN)            # FLOW: module attribute
leak(settings.PUBLIC)           # CLEAN
leak(token_of(settings))        # FLOW
leak(settings.read_secret)      # CLEAN: the function itself
