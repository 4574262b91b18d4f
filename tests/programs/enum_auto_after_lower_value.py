# enum.auto() after explicit values: one more than the last value while the
# values ascend; otherwise, as 3.11 does, one more than the largest, with a
# DeprecationWarning pointing at the member's line in the class body.
import os
import warnings
from enum import Enum, IntEnum, auto

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")

    class Ascending(Enum):
        A = auto()
        B = 10
        C = auto()

    class Lower(Enum):
        A = auto()
        B = 100
        C = auto()
        D = 50
        E = auto()

    class Ints(IntEnum):
        X = 5
        Y = auto()
        Z = 2
        W = auto()

    class Text(Enum):
        A = "x"
        B = auto()

for cls in (Ascending, Lower, Ints, Text):
    print(cls.__name__, [(m.name, m.value) for m in cls])
for w in caught:
    print(w.category.__name__, os.path.basename(w.filename), w.lineno)
    print(" ", str(w.message).splitlines()[0][:40])
