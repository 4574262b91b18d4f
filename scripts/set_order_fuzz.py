#!/usr/bin/env python3
"""Differential fuzz of set and frozenset order: random programs run by
python3 and by krait, outputs compared.

Each program builds sets of ints, tuples, floats and bools (whose hashes
CPython does not randomize; None's is its address) and of instances with a
Python `__eq__`/`__hash__` by every path krait mirrors (displays, comprehensions,
`set()`/`frozenset()` of sets, dicts, views and other iterables, copies,
the operators and methods, adds, discards, pops, clears) and prints them,
so any difference in iteration order shows.

Usage:
    set_order_fuzz.py --krait PATH [--count N] [--seed S] [--keep DIR]

Prints one line per failing program (its seed) and a summary; with
`--keep`, failing programs are written to DIR. Exit status 1 on any
difference. Standard library only.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile

SETS = ["a", "b", "c"]
FROZEN = ["f", "g"]


def value(rng, k=True):
    kind = rng.random()
    if kind < 0.45:
        return str(rng.randrange(-20, 70))
    if kind < 0.65:
        step = rng.choice([8, 16, 32, 64, 128, 1024, 2 ** 16])
        return str(step * rng.randrange(-3, 6) + rng.choice([0, 0, 1, -1]))
    if kind < 0.72:
        return rng.choice(["2**61 - 1", "2**61", "2**63", "-(2**63)", "2**64 + 3", "10**20", "-1", "-2"])
    if kind < 0.87:
        return "(%s, %s)" % (rng.randrange(-3, 5), rng.randrange(-3, 5))
    if kind < 0.93:
        return rng.choice(["0.5", "1.5", "-2.25", "1e10", "2.0", "-0.0", "3.0"])
    if kind < 0.97 and k:
        # Equal to the int it holds, through Python `__eq__`/`__hash__`
        # (not as a dict key: krait's dicts do not ask a stored key's
        # `__eq__` when the key looked up is builtin).
        return "K(%d)" % rng.randrange(-5, 40)
    return rng.choice(["True", "False"])


def literal_value(rng):
    """A value written as CPython folds it to a constant."""
    kind = rng.random()
    if kind < 0.6:
        return str(rng.randrange(-20, 70))
    if kind < 0.8:
        step = rng.choice([8, 16, 32, 64, 1024])
        return str(step * rng.randrange(-3, 6))
    if kind < 0.9:
        return "(%s, %s)" % (rng.randrange(-3, 5), rng.randrange(-3, 5))
    return rng.choice(["0.5", "-1.5", "100000000000000000000", "-9223372036854775808"])


def items(rng, lo=0, hi=12, k=True):
    return [value(rng, k) for _ in range(rng.randrange(lo, hi))]


def iterable(rng):
    """Source text of something to build a set from or operate with."""
    kind = rng.randrange(10)
    if kind == 0:
        return "[%s]" % ", ".join(items(rng))
    if kind == 1:
        return "(%s)" % "".join(v + ", " for v in items(rng))
    if kind == 2:
        start = rng.randrange(-50, 50)
        return "range(%d, %d, %d)" % (start, start + rng.randrange(0, 300), rng.choice([1, 3, 8, 16, 64]))
    if kind == 3:
        return "{%s}" % ", ".join("%s: 0" % v for v in items(rng, k=False))
    if kind == 4:
        return "d.keys()"
    if kind == 5:
        return "d"
    if kind == 6:
        return rng.choice(SETS + FROZEN)
    if kind == 7:
        return "(x * %d for x in range(%d))" % (rng.choice([1, 8, 32, -5]), rng.randrange(0, 40))
    if kind == 8:
        return "d.items()"
    return rng.choice(SETS)


def any_set(rng):
    return rng.choice(SETS + FROZEN)


def build(rng):
    """An expression making a set or frozenset."""
    kind = rng.randrange(14)
    if kind == 0:
        vals = [literal_value(rng) for _ in range(rng.randrange(1, 12))]
        return "{%s}" % ", ".join(vals)
    if kind == 1:
        return "{x for x in %s}" % iterable(rng)
    if kind == 2:
        return "set(%s)" % iterable(rng)
    if kind == 3:
        return "frozenset(%s)" % iterable(rng)
    if kind == 4:
        return "%s.copy()" % any_set(rng)
    if kind == 5:
        return "%s %s %s" % (any_set(rng), rng.choice("|&-^"), any_set(rng))
    if kind == 6:
        method = rng.choice(["union", "intersection", "difference", "symmetric_difference"])
        n = 1 if method == "symmetric_difference" else rng.randrange(0, 3)
        return "%s.%s(%s)" % (any_set(rng), method, ", ".join(iterable(rng) for _ in range(n)))
    if kind == 7:
        return "d.keys() %s %s" % (rng.choice("|&-^"), rng.choice([any_set(rng), "e.keys()"]))
    if kind == 8:
        return "%s %s d.keys()" % (any_set(rng), rng.choice("|&-^"))
    if kind == 9:
        return "d.items() %s e.items()" % rng.choice("|&-^")
    if kind == 10:
        return "{*%s, *%s}" % (iterable(rng), iterable(rng))
    if kind == 11:
        return "set(range(%d))" % rng.choice([0, 5, 6, 19, 20, 100, 1000, 5000])
    if kind == 12:
        vals = [literal_value(rng) for _ in range(rng.randrange(3, 30))]
        return "{%s}" % ", ".join(vals)
    return "set(%s)" % any_set(rng)


def statement(rng):
    """One step: a change to a set (printed after) or something printed."""
    s = rng.choice(SETS)
    kind = rng.randrange(24)
    if kind < 4:
        target = rng.choice(SETS + FROZEN)
        # A set variable always holds a set: S() makes one of a frozenset.
        wrap = "frozenset" if target in FROZEN else "S"
        return ["%s = %s(%s)" % (target, wrap, build(rng)), "show(%s)" % target]
    if kind == 4:
        return ["for v in [%s]: %s.add(v)" % (", ".join(items(rng, 1, 20)), s), "show(%s)" % s]
    if kind == 5:
        return ["for v in [%s]: %s.discard(v)" % (", ".join(items(rng, 1, 20)), s), "show(%s)" % s]
    if kind == 6:
        return ["for _ in range(%d):\n    if %s: print(%s.pop())" % (rng.randrange(1, 12), s, s), "show(%s)" % s]
    if kind == 7:
        return ["%s.clear()" % s, "%s.update(%s)" % (s, iterable(rng)), "show(%s)" % s]
    if kind == 8:
        n = rng.randrange(0, 3)
        return ["%s.update(%s)" % (s, ", ".join(iterable(rng) for _ in range(n))), "show(%s)" % s]
    if kind == 9:
        return ["%s %s= %s" % (s, rng.choice("|&-^"), any_set(rng)), "show(%s)" % s]
    if kind == 10:
        method = rng.choice(["intersection_update", "difference_update"])
        n = rng.randrange(0, 3)
        return ["%s.%s(%s)" % (s, method, ", ".join(iterable(rng) for _ in range(n))), "show(%s)" % s]
    if kind == 11:
        return ["%s.symmetric_difference_update(%s)" % (s, iterable(rng)), "show(%s)" % s]
    if kind == 12:
        op = rng.choice(["issubset", "issuperset", "isdisjoint"])
        return ["print(%s.%s(%s))" % (any_set(rng), op, iterable(rng))]
    if kind == 13:
        op = rng.choice(["==", "!=", "<", "<=", ">", ">="])
        return ["print(%s %s %s)" % (any_set(rng), op, any_set(rng))]
    if kind == 14:
        vals = [literal_value(rng) for _ in range(rng.randrange(1, 15))]
        return ["print([x for x in {%s}])" % ", ".join(vals)]
    if kind == 15:
        vals = [literal_value(rng) for _ in range(rng.randrange(1, 15))]
        return ["for x in {%s}: print(x, end=' ')" % ", ".join(vals), "print()"]
    if kind == 16:
        return ["d = {%s}" % ", ".join("%s: %d" % (v, i % 3) for i, v in enumerate(items(rng, 0, 30, k=False))),
                "print(d)"]
    if kind == 17:
        return ["e = {%s}" % ", ".join("%s: %d" % (v, i % 3) for i, v in enumerate(items(rng, 0, 20, k=False))),
                "print(e)"]
    if kind == 18:
        return ["print(hash(%s) == hash(frozenset(%s)), hash(frozenset(%s)))" % (rng.choice(FROZEN), rng.choice(FROZEN), s)]
    if kind == 19:
        return ["%s.__init__(%s)" % (s, iterable(rng)), "show(%s)" % s]
    if kind == 20:
        # Grow then shrink by discards, then add again (dummies).
        n = rng.randrange(5, 200)
        step = rng.choice([1, 7, 8, 32, 1024])
        return ["for v in range(%d): %s.add(v * %d)" % (n, s, step),
                "for v in range(0, %d, %d): %s.discard(v * %d)" % (n, rng.randrange(1, 4), s, step),
                "for v in range(%d): %s.add(v * %d + %d)" % (rng.randrange(0, 50), s, step, rng.randrange(0, 3)),
                "show(%s)" % s]
    if kind == 21:
        return ["it = iter(%s); print(it.__length_hint__(), next(it, None), it.__length_hint__())" % any_set(rng)]
    if kind == 22:
        return ["print(list(%s), sorted(%s, key=repr) == sorted(list(%s), key=repr))" % (any_set(rng), s, s)]
    return ["print(%s in %s, {%s} in %s)" % (value(rng), any_set(rng), value(rng), any_set(rng))]


PRELUDE = """\
def S(x):
    return x if type(x) is set else set(x)

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return (other.v if isinstance(other, K) else other) == self.v
    def __repr__(self):
        return "K(%d)" % self.v

def show(s):
    if len(s) > 60:
        print(type(s).__name__, len(s), hash(tuple(s)))
    else:
        print(s)

a, b, c = set(), {1, 2, 3}, {8, 16, 24, 2048, 1000, 3, 5}
f, g = frozenset(), frozenset(range(10))
d = {1: 1, 9: 2, 17: 3}
e = {9: 2, 4: 4}
"""


def program(seed):
    rng = random.Random(seed)
    lines = [PRELUDE]
    for _ in range(rng.randrange(10, 40)):
        step = statement(rng)
        lines.append("try:")
        for line in step:
            lines.append("    " + line.replace("\n", "\n    "))
        lines.append("except (KeyError, TypeError) as exc:\n    print(type(exc).__name__)")
    return "\n".join(lines) + "\n"


def run(cmd, path):
    try:
        done = subprocess.run(cmd + [path], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "TIMEOUT"
    return done.stdout + ("" if done.returncode == 0 else "\nEXIT %d\n%s" % (done.returncode, done.stderr[-2000:]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--krait", required=True)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep")
    args = parser.parse_args()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.count):
            path = os.path.join(tmp, "p%d.py" % seed)
            with open(path, "w") as out:
                out.write(program(seed))
            expected = run([sys.executable], path)
            got = run([args.krait, "run"], path)
            if expected != got:
                failures += 1
                print("seed %d differs" % seed)
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    with open(os.path.join(args.keep, "p%d.py" % seed), "w") as out:
                        out.write(program(seed))
    print("%d programs, %d differ" % (args.count, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
