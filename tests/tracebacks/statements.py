# Statements: assert with a comparison marks the comparison; augmented
# assignments mark the target or the operation; unpacking marks the
# targets; del marks its target; a raise is the whole line.
counts = {}


def bump(key):
    counts[key] += 1


def check(n):
    assert n < 10, f"{n} is too big"


class Counter:
    def __init__(self):
        self.total = None

    def add(self, n):
        self.total += n


try:
    bump("x")
except KeyError:
    try:
        check(12)
    except AssertionError:
        try:
            Counter().add(1)
        except TypeError:
            try:
                first, second = range(3)
            except ValueError:
                try:
                    del counts["missing"]
                except KeyError:
                    raise RuntimeError("the end")
