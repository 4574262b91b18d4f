# krait taint --source read_secret --sink leak
# Values Python code gives back to a frame by a way that is not a call the
# tracker looked at: a frame called before the first source call returning
# it up the recursion, a property, an operator's dunder, native code
# calling Python back (a sort key, `map` under `str.join`, `list` over a
# generator), a generator driven by a comprehension. Each `leak(...)` says
# whether a labelled value reaches it (FLOW) or not (CLEAN).


def read_secret(*args):
    return "s3cret"


def leak(*values):
    pass


def deep(n):
    # The first source call, 30 frames down: the frames above it were
    # called before anything was labelled.
    if n == 0:
        return read_secret()
    return deep(n - 1)


first = deep(30)
leak("FLOW first", first)


class Config:
    @property
    def secret(self):
        return read_secret()

    def __add__(self, other):
        return read_secret() + other


c = Config()
y = c.secret
z = 5
leak("CLEAN z", z)
leak("FLOW y", y)
w = c + "!"
leak("FLOW w", w)
q = sorted([3, 1, 2], key=lambda k: read_secret())
leak("FLOW q (over-approximated: the keys only ordered it)", q)
r = "".join(map(lambda k: read_secret() + k, ["a"]))
leak("FLOW r", r)


def lines():
    for i in range(2):
        yield read_secret()


data = list(lines())
leak("FLOW data", data)


def gather():
    # A frame with no labelled slot until the generator yields.
    return [s for s in lines()]


leak("FLOW gathered", gather())
n = len([1, 2])
leak("CLEAN n", n)
