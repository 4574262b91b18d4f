import os
import pstats
import re
import tempfile
from io import StringIO
from pstats import SortKey


class FixedProfile:
    """Stands for a profiler: create_stats() provides fixed statistics."""

    def __init__(self, stats):
        self.given = stats

    def create_stats(self):
        self.stats = dict(self.given)

    def __repr__(self):
        return "<FixedProfile>"


MAIN = ("/src/app/main.py", 1, "<module>")
RUN = ("/src/app/main.py", 10, "run")
LOAD = ("/src/app/io.py", 5, "load")
PARSE = ("/src/lib/parse.py", 20, "parse")
WALK = ("/src/lib/parse.py", 42, "walk")
LEN = ("~", 0, "<built-in method builtins.len>")
APPEND = ("~", 0, "<method 'append' of 'list' objects>")

# cProfile-style statistics: callers map to (nc, cc, tt, ct).
C_STATS = {
    MAIN: (1, 1, 0.001, 2.5, {}),
    RUN: (1, 1, 0.25, 2.499, {MAIN: (1, 1, 0.25, 2.499)}),
    LOAD: (3, 3, 0.75, 1.0, {RUN: (3, 3, 0.75, 1.0)}),
    PARSE: (2, 2, 0.5, 1.2, {RUN: (2, 2, 0.5, 1.2)}),
    WALK: (2, 9, 0.4, 0.6, {PARSE: (2, 2, 0.2, 0.6), WALK: (7, 0, 0.2, 0.5)}),
    LEN: (12, 12, 0.012, 0.012, {LOAD: (6, 6, 0.006, 0.006), WALK: (6, 6, 0.006, 0.006)}),
    APPEND: (30, 30, 0.03, 0.03, {WALK: (30, 30, 0.03, 0.03)}),
}
# profile-style statistics: callers map to call counts.
P_STATS = {
    ("profile", 0, "profiler"): (0, 0, 0.0, 0.0, {}),
    ("profile", 0, "main()"): (1, 1, 0.0, 1.5, {("profile", 0, "profiler"): 1}),
    ("/x/a.py", 3, "main"): (1, 1, 0.5, 1.5, {("profile", 0, "main()"): 1}),
    ("/x/a.py", 9, "helper"): (4, 4, 1.0, 1.0, {("/x/a.py", 3, "main"): 4}),
    ("", 0, "len"): (4, 4, 0.0, 0.0, {("/x/a.py", 9, "helper"): 4}),
}


def report(stats, method, *args):
    stream = StringIO()
    stats.stream = stream
    getattr(stats, method)(*args)
    print(stream.getvalue(), end="")


stats = pstats.Stats(FixedProfile(C_STATS))
print(stats.total_calls, stats.prim_calls, round(stats.total_tt, 6), stats.max_name_len)
report(stats, "print_stats")
report(stats.sort_stats(SortKey.CUMULATIVE), "print_stats")
report(stats.sort_stats("time"), "print_stats", 3)
report(stats.sort_stats("calls", "name"), "print_stats", 0.5)
report(stats.sort_stats("pcalls"), "print_stats", "parse", 1)
report(stats.sort_stats("nfl"), "print_stats", "(", ".4")
report(stats.sort_stats(2), "print_stats", 1.0, 99, "nothing-matches")
report(stats.sort_stats(-1).reverse_order(), "print_stats")
report(stats.sort_stats("file", "line"), "print_callers")
report(stats, "print_callees", "walk|run")
report(stats.sort_stats(SortKey.NAME), "print_callers", "len")
report(stats.strip_dirs().sort_stats("module"), "print_stats")
print(sorted(stats.stats)[:3])

profile_stats = pstats.Stats(FixedProfile(P_STATS))
report(profile_stats.sort_stats("cumtime", "ncalls"), "print_stats")
report(profile_stats, "print_callers")
report(profile_stats, "print_callees")

# add() merges statistics, also of the same functions.
merged = pstats.Stats(FixedProfile(P_STATS))
merged.add(FixedProfile(P_STATS), pstats.Stats(FixedProfile({("", 0, "len"): (1, 1, 0.0, 0.0, {})})))
report(merged.sort_stats("stdname"), "print_stats")
report(merged, "print_callers", "helper|len")

# Files written by dump_stats load back (the first line is a time stamp).
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "prof.out")
    stats.dump_stats(path)
    loaded = pstats.Stats(path, stream=StringIO())
    print(loaded.stats == stats.stats, len(loaded.files))
    loaded.sort_stats("stdname").print_stats(2)
    text = loaded.stream.getvalue().replace(folder, "FOLDER")
    print(re.sub(r"^.*    FOLDER", "DATE    FOLDER", text, flags=re.M), end="")
    both = pstats.Stats(path, path)
    print(both.total_calls, both.stats[("parse.py", 42, "walk")][:2], both.stats[("parse.py", 42, "walk")][4][("parse.py", 20, "parse")][:2])

# get_stats_profile
profile = stats.sort_stats("tottime").get_stats_profile()
print(profile.total_tt)
for name, fp in profile.func_profiles.items():
    print(name, fp)
print(pstats.Stats(FixedProfile(P_STATS)).get_stats_profile().func_profiles["profiler"])
print(pstats.StatsProfile(1.0, {}) == pstats.StatsProfile(1.0, {}))

# SortKey and the key names.
print(list(SortKey))
print(SortKey("ncalls"), SortKey("cumtime") is SortKey.CUMULATIVE, SortKey.TIME == "time",
      str(SortKey.FILENAME), SortKey("module").value)
defs = pstats.Stats().get_sort_arg_defs()
print(sorted(defs))
print([defs[key][1] for key in ("cu", "na", "nf", "tot", "s", "m")])
print(pstats.Stats().sort_stats("stdname", "line").sort_type)

for call in [lambda: stats.sort_stats("bogus"), lambda: stats.sort_stats("calls", SortKey.NAME),
             lambda: stats.sort_stats("c"), lambda: stats.sort_stats(5),
             lambda: pstats.Stats(FixedProfile({})), lambda: pstats.Stats("no-such-file.prof")]:
    try:
        call()
        print("no error")
    except Exception as exc:
        print(type(exc).__name__, exc)

empty = pstats.Stats(stream=StringIO())
empty.print_stats()
empty.print_callers()
print(repr(empty.stream.getvalue()))
print(pstats.func_std_string(("~", 0, "<x>")), pstats.func_std_string(("~", 0, "y")),
      pstats.func_std_string(("a.py", 3, "f")), pstats.func_strip_path(("/a/b/c.py", 1, "g")),
      pstats.f8(1 / 3), pstats.add_callers({"a": 1, "b": (1, 2)}, {"a": 2, "b": (3, 4), "c": 5}))
