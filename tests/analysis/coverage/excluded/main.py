import sys


def debug_only():  # pragma: no cover
    print("debugging")
    return 1


def choose(flag):
    if flag:
        return "yes"
    else:  # pragma: no cover
        return "no"


def partly(x):
    y = x + 1
    if y > 100:  # pragma: no cover
        y = 0
        y += 1
    z = y * 2  # pragma: no cover
    return z


class Legacy:  # pragma: no cover
    def old(self):
        return None


print(choose(True), partly(1))
if sys.version_info < (3,):  # pragma: no cover
    print("python 2")
