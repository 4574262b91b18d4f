import sys
class Replacement:
    def __repr__(self):
        return "<the replacement>"
sys.modules[__name__] = Replacement()
