# Captures bind in whatever scope the match statement runs in.

def outer(v):
    match v:
        case [a, b]:
            pass
    def inner():
        return a + b
    return inner()

print(outer([1, 2]))


class Config:
    match {"debug": True, "level": 3}:
        case {"debug": dbg, "level": lvl}:
            pass

print(Config.dbg, Config.lvl)

g = "global-before"

def rebinds_global(v):
    global g
    match v:
        case str(g):
            pass

rebinds_global("global-after")
print(g)


def gen(items):
    for item in items:
        match item:
            case ("emit", x):
                yield x
            case ("skip", _):
                continue
            case ("stop",):
                return
            case other:
                yield f"?{other}"

print(list(gen([("emit", 1), ("skip", 2), "odd", ("emit", 3), ("stop",), ("emit", 4)])))

# A lambda and a comprehension in a guard and a value position.
cases = [lambda: 1, 3, [4, 5, 6]]
for c in cases:
    match c:
        case f if callable(f):
            print("callable", f())
        case [*xs] if all(x > 3 for x in xs):
            print("all big", [x * 2 for x in xs])
        case n:
            print("n", n)

# Nested match statements, and one per line of a loop body.
def parse(tokens):
    out = []
    for tok in tokens:
        match tok.split(":"):
            case [kind, value]:
                match kind:
                    case "int":
                        out.append(int(value))
                    case "str":
                        out.append(value)
                    case _:
                        out.append(None)
            case [single]:
                out.append(single.upper())
    return out

print(parse(["int:5", "str:x", "bool:1", "word"]))

# The subject is evaluated once even when every case fails.
log = []
def subject():
    log.append("eval")
    return 42
match subject():
    case 1:
        pass
    case 2:
        pass
print(log)

# Walrus in the subject, starred subject items.
rest = [3, 4]
match (n := 2), *rest:
    case (2, 3, 4):
        print("walrus and star", n)

# Failed cases do not bind, earlier successful sub-patterns neither.
match (1, 2):
    case (first, 3):
        pass
    case _:
        print("first bound?", "first" in dir())
