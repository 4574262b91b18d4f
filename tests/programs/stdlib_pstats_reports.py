# pstats: reports over fixed statistics (deterministic) and over a real
# cProfile/profile run (times masked, only this file's functions shown).
import cProfile
import io
import os
import profile
import pstats
import re
import sys
import tempfile
from pstats import SortKey


class Fixed:
    def __init__(self, stats):
        self.given = stats

    def create_stats(self):
        self.stats = {k: (v[0], v[1], v[2], v[3], dict(v[4])) for k, v in self.given.items()}

    def __repr__(self):
        return "<Fixed>"


A = ("/proj/pkg/alpha.py", 3, "alpha")
B = ("/proj/pkg/beta.py", 14, "beta")
B2 = ("/other/beta.py", 14, "beta")
G = ("/proj/pkg/alpha.py", 30, "gamma")
M = ("/proj/main.py", 1, "<module>")
SORTED = ("~", 0, "<built-in method builtins.sorted>")
RAW = ("~", 0, "plain")
C = {
    M: (1, 1, 0.0005, 3.0, {}),
    A: (4, 6, 1.25, 2.5, {M: (1, 1, 0.5, 2.0), A: (5, 3, 0.75, 0.5)}),
    B: (2, 2, 0.125, 0.5, {A: (2, 2, 0.125, 0.5)}),
    B2: (1, 1, 0.0625, 0.0625, {G: (1, 1, 0.0625, 0.0625)}),
    G: (3, 3, 0.3, 0.4, {M: (3, 3, 0.3, 0.4)}),
    SORTED: (8, 8, 0.008, 0.009, {A: (5, 5, 0.005, 0.006), B: (3, 3, 0.003, 0.003)}),
    RAW: (1, 1, 0.0, 0.0, {B: (1, 1, 0.0, 0.0)}),
}
P = {
    ("profile", 0, "profiler"): (0, 0, 0.0, 0.0, {}),
    M: (1, 1, 0.0, 2.0, {("profile", 0, "profiler"): 1}),
    A: (2, 5, 1.0, 1.5, {M: 2, A: 3}),
    B: (1, 1, 0.5, 0.5, {A: 1}),
}


def show(stats, method, *args):
    out = io.StringIO()
    stats.stream = out
    result = getattr(stats, method)(*args)
    print(out.getvalue(), end="")
    return result


s = pstats.Stats(Fixed(C))
print(s.total_calls, s.prim_calls, round(s.total_tt, 6), s.max_name_len, s.files, s.top_level)
show(s, "print_stats")
for key in ("calls", "ncalls", "cumulative", "cumtime", "filename", "module", "line", "name",
            "nfl", "pcalls", "stdname", "time", "tottime", "cumu", "tott", "p", "std", "cumt"):
    s.sort_stats(key)
    print(key, "|", s.sort_type, "|", [f[2] for f in s.fcn_list])
for key in SortKey:
    s.sort_stats(key)
    print(key.name, [f[2] for f in s.fcn_list])
for args in [(-1,), (0,), (1,), (2,), ("name", "line"), (SortKey.FILENAME, SortKey.LINE),
             ("time", "name", "file")]:
    s.sort_stats(*args)
    print(args, s.sort_type, [f[1] for f in s.fcn_list])
print(s.sort_stats() is s, s.fcn_list)
for bad in [("bogus",), ("calls", SortKey.NAME), ("c",), (7,), ("f", "l"), ("n",)]:
    try:
        s.sort_stats(*bad)
        print(bad, "ok", s.sort_type)
    except Exception as e:
        print(bad, type(e).__name__, e)

s.sort_stats("cumulative")
show(s, "print_stats", 3)
show(s, "print_stats", 0.5)
show(s, "print_stats", "beta", 1)
show(s, "print_stats", "[bad", "alpha")
show(s, "print_stats", "nothing matches")
show(s, "print_stats", 0, 1.0, 100, 0.0)
show(s.reverse_order(), "print_stats", 2)
show(s, "print_callers")
show(s, "print_callees")
show(s, "print_callers", "beta")
show(s, "print_callees", 2)
s.strip_dirs()
print(sorted(s.stats), s.max_name_len, s.fcn_list)
print(s.stats[("beta.py", 14, "beta")])
show(s.sort_stats("name"), "print_stats")
show(s, "print_callers")

p = pstats.Stats(Fixed(P))
show(p.sort_stats("calls"), "print_stats")
show(p, "print_callers")
show(p, "print_callees")
p.add(Fixed(P), pstats.Stats(Fixed(P)))
print(p.total_calls, p.prim_calls, len(p.stats), p.stats[A][:4], p.stats[A][4][A])
merged = pstats.Stats(Fixed(C), Fixed(C), Fixed(C))
print(merged.total_calls, merged.stats[A][4][M], merged.add() is merged)
show(merged.sort_stats("pcalls"), "print_callers", 2)

prof = pstats.Stats(Fixed(C)).sort_stats("tottime").get_stats_profile()
print(prof.total_tt, list(prof.func_profiles))
for name, fp in prof.func_profiles.items():
    print(name, fp)
print(pstats.Stats(Fixed(P)).get_stats_profile().func_profiles["profiler"])
print(pstats.Stats().get_stats_profile())
print(pstats.FunctionProfile("1", 0.0, 0.0, 0.0, 0.0, "f", 1) == pstats.FunctionProfile("1", 0.0, 0.0, 0.0, 0.0, "f", 1))
print(hash(pstats.StatsProfile(1.0, None)) == hash(pstats.StatsProfile(1.0, None)))

print(list(SortKey), SortKey("ncalls"), SortKey("tottime") is SortKey.TIME, SortKey.NFL == "nfl",
      str(SortKey.PCALLS), repr(SortKey.LINE), SortKey.CALLS._all_values, SortKey.LINE._all_values)
try:
    SortKey("nope")
except ValueError as e:
    print("ValueError", e)
print(sorted(pstats.Stats().get_sort_arg_defs()))
print(sorted(pstats.Stats.sort_arg_dict_default.items()))

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "run.prof")
    pstats.Stats(Fixed(C)).dump_stats(path)
    back = pstats.Stats(path, path, stream=io.StringIO())
    print(back.total_calls, len(back.files), back.files[0].endswith("    " + path))
    back.strip_dirs().sort_stats("stdname").print_stats(3)
    text = back.stream.getvalue().replace(folder, "F")
    print(re.sub(r"^.*    F", "DATE    F", text, flags=re.M), end="")
    with open(path, "rb") as f:
        import marshal
        print(marshal.load(f) == pstats.Stats(Fixed(C)).stats)
    cp = cProfile.Profile()
    cp.enable()
    sorted([3, 1, 2])
    cp.disable()
    cpath = os.path.join(folder, "c.prof")
    cp.dump_stats(cpath)
    print(type(pstats.Stats(cpath, stream=io.StringIO()).stats).__name__)

for bad in [lambda: pstats.Stats(Fixed({})), lambda: pstats.Stats("/no/such/file.prof"),
            lambda: pstats.Stats(42)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, str(e).replace("<class 'pstats.Stats'>", "<Stats>"))
empty = pstats.Stats(stream=io.StringIO())
empty.print_stats()
empty.print_callers()
empty.print_callees()
print(repr(empty.stream.getvalue()))
print(pstats.func_std_string(("~", 0, "<x>")), pstats.func_std_string(("~", 0, "y")),
      pstats.func_std_string(("a.py", 3, "f")), pstats.func_strip_path(("/a/b/c.py", 1, "g")),
      pstats.func_get_function_name(A), pstats.f8(1 / 3), pstats.f8(12345.6789),
      pstats.count_calls({"a": 2, "b": 5}),
      pstats.add_callers({"a": 1, "b": (1, 2)}, {"a": 2, "b": (3, 4), "c": 5}),
      pstats.add_func_stats((1, 2, 0.5, 1.0, {"x": 1}), (3, 4, 0.25, 0.5, {"x": 2, "y": 1})))
tc = pstats.TupleComp(((0, 1), (1, -1)))
print(tc.compare((1, 2), (1, 3)), tc.compare((2, 0), (1, 9)), tc.compare((1, 1), (1, 1)))


# a real run: only this file's functions, times masked
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def work():
    total = 0
    for i in range(5):
        total += fib(i)
    return total


def masked(text):
    text = re.sub(r"\d+\.\d{3}", "T.TTT", re.sub(r" at 0x[0-9a-f]+", "", text))
    return text.replace(os.path.basename(sys._getframe().f_code.co_filename), "THIS.py")


for maker in (cProfile.Profile, profile.Profile):
    pr = maker()
    pr.runcall(work)
    st = pstats.Stats(pr, stream=io.StringIO()).strip_dirs().sort_stats("name", "line")
    st.print_stats("fib|work")
    st.print_callers("fib")
    out = st.stream.getvalue()
    lines = [l for l in out.splitlines() if "fib" in l or "work" in l or "ncalls" in l
             or "Ordered" in l or "List reduced" in l or "Function" in l]
    print(maker.__module__, "\n".join(masked(l) for l in lines))
    sp = st.get_stats_profile()
    print(sp.func_profiles["fib"].ncalls, sp.func_profiles["work"].ncalls,
          sp.func_profiles["fib"].line_number)
