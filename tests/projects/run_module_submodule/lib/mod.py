# `-m package.module`: the parent is imported first, the module runs as __main__.
import sys
print("mod", __name__, __package__, __spec__.name, sys.argv[1:])
from . import other
print(other.value)
if __name__ == "__main__":
    print("as a script")
