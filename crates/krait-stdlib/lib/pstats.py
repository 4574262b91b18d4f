"""Reports on profiler statistics.

Stats collects what profile.Profile or cProfile.Profile measured (or what
a dump_stats file holds), merges several sets with add(), orders them
with sort_stats() (SortKey members, key names or their unambiguous
prefixes, or the old integers -1, 0, 1, 2) and prints them in CPython's
layout: print_stats() with restrictions (a count, a fraction or a
regular expression, applied in turn), print_callers(), print_callees().
get_stats_profile() gives the StatsProfile/FunctionProfile dataclasses.

Stats.dump_stats writes CPython's marshal format; files that krait's
profile and cProfile modules write with pickle load as well. Left out:
the interactive browser of `python -m pstats`.
"""

import marshal
import os
import re
import sys
from dataclasses import dataclass
from enum import Enum
from functools import cmp_to_key
from typing import Dict

__all__ = ["Stats", "SortKey", "FunctionProfile", "StatsProfile"]


class SortKey(str, Enum):
    """The keys sort_stats understands; some have a second spelling."""

    CALLS = 'calls', 'ncalls'
    CUMULATIVE = 'cumulative', 'cumtime'
    FILENAME = 'filename', 'module'
    LINE = 'line'
    NAME = 'name'
    NFL = 'nfl'
    PCALLS = 'pcalls'
    STDNAME = 'stdname'
    TIME = 'time', 'tottime'

    def __new__(cls, *spellings):
        key = str.__new__(cls, spellings[0])
        key._value_ = spellings[0]
        key._all_values = spellings
        # SortKey('ncalls') finds CALLS too.
        for other in spellings[1:]:
            cls._value2member_map_[other] = key
        return key

    __str__ = str.__str__


@dataclass(unsafe_hash=True)
class FunctionProfile:
    ncalls: str
    tottime: float
    percall_tottime: float
    cumtime: float
    percall_cumtime: float
    file_name: str
    line_number: int


@dataclass(unsafe_hash=True)
class StatsProfile:
    """Class for keeping track of an item in inventory."""
    total_tt: float
    func_profiles: Dict[str, FunctionProfile]


# The rows sort_stats orders: (cc, nc, tt, ct, file, line, name,
# standard name, key); a sort definition is ((column, direction), ...).
def _rule(*pairs):
    return tuple(pairs)


_BY_CALLS = _rule((1, -1))
_BY_CUMULATIVE = _rule((3, -1))
_BY_FILE = _rule((4, 1))
_BY_TIME = _rule((2, -1))


class Stats:
    """Profiler statistics and the reports made from them.

    Stats(*sources, stream=None), each source a file written by
    dump_stats, a profiler (its create_stats() is called) or a Stats.
    """

    sort_arg_dict_default = {
        "calls": (_BY_CALLS, "call count"),
        "ncalls": (_BY_CALLS, "call count"),
        "cumtime": (_BY_CUMULATIVE, "cumulative time"),
        "cumulative": (_BY_CUMULATIVE, "cumulative time"),
        "filename": (_BY_FILE, "file name"),
        "line": (_rule((5, 1)), "line number"),
        "module": (_BY_FILE, "file name"),
        "name": (_rule((6, 1)), "function name"),
        "nfl": (_rule((6, 1), (4, 1), (5, 1)), "name/file/line"),
        "pcalls": (_rule((0, -1)), "primitive call count"),
        "stdname": (_rule((7, 1)), "standard name"),
        "time": (_BY_TIME, "internal time"),
        "tottime": (_BY_TIME, "internal time"),
    }

    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        self.init(args[0] if args else None)
        self.add(*args[1:])

    def init(self, arg):
        self.all_callees = None
        self.files = []
        self.fcn_list = None
        self.total_tt = 0
        self.total_calls = 0
        self.prim_calls = 0
        self.max_name_len = 0
        self.top_level = set()
        self.stats = {}
        self.sort_arg_dict = {}
        self.load_stats(arg)
        try:
            self.get_top_level_stats()
        except Exception:
            source = self.files[-1] if self.files else ''
            print("Invalid timing data %s" % source, file=self.stream)
            raise

    def load_stats(self, arg):
        if arg is None:
            self.stats = {}
            return
        if isinstance(arg, str):
            with open(arg, 'rb') as handle:
                data = handle.read()
            if data[:1] == b'\x80':
                # written with pickle by krait's profile/cProfile
                import pickle
                self.stats = pickle.loads(data)
            else:
                self.stats = marshal.loads(data)
            try:
                import time
                stamp = time.ctime(os.stat(arg).st_mtime)
                arg = stamp + "    " + arg
            except Exception:
                pass
            self.files = [arg]
        elif hasattr(arg, 'create_stats'):
            arg.create_stats()
            self.stats = arg.stats
            arg.stats = {}
        if not self.stats:
            raise TypeError("Cannot create or construct a %r object from %r"
                            % (self.__class__, arg))

    def get_top_level_stats(self):
        calls = primitive = 0
        spent = 0
        longest = self.max_name_len
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            calls += nc
            primitive += cc
            spent += tt
            # the mark of the roots in the long-gone "jprofile" format
            if ("jprofile", 0, "profiler") in callers:
                self.top_level.add(func)
            width = len(func_std_string(func))
            if width > longest:
                longest = width
        self.total_calls += calls
        self.prim_calls += primitive
        self.total_tt += spent
        self.max_name_len = longest

    def add(self, *arg_list):
        for other in arg_list[::-1]:
            if type(self) != type(other):
                other = Stats(other)
            self.files += other.files
            self.total_calls += other.total_calls
            self.prim_calls += other.prim_calls
            self.total_tt += other.total_tt
            self.top_level.update(other.top_level)
            self.max_name_len = max(self.max_name_len, other.max_name_len)
            self.fcn_list = None
            mine = self.stats
            for func, entry in other.stats.items():
                mine[func] = add_func_stats(mine.get(func, (0, 0, 0, 0, {})),
                                            entry)
        return self

    def dump_stats(self, filename):
        """Write the statistics to `filename` (marshal format)."""
        with open(filename, 'wb') as handle:
            # Format 2 has no back-references: simpler, and what any
            # CPython reads.
            marshal.dump(self.stats, handle, 2)

    def get_sort_arg_defs(self):
        """The sort keys, each with every prefix no other key shares."""
        if not self.sort_arg_dict:
            table = {}
            clashes = []
            for word, definition in self.sort_arg_dict_default.items():
                # Longest prefix first; the first clash ends the walk
                # (the shorter ones were claimed by an earlier key).
                for end in range(len(word), 0, -1):
                    prefix = word[:end]
                    if prefix in table:
                        clashes.append(prefix)
                        break
                    table[prefix] = definition
            for prefix in clashes:
                table.pop(prefix, None)
            self.sort_arg_dict = table
        return self.sort_arg_dict

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            legacy = {-1: "stdname", 0: "calls", 1: "time", 2: "cumulative"}
            field = [legacy[field[0]]]
        elif len(field) > 1:
            kind = type(field[0])
            for other in field[1:]:
                if type(other) != kind:
                    raise TypeError("Can't have mixed argument type")
        table = self.get_sort_arg_defs()
        rules = ()
        names = []
        for word in field:
            if isinstance(word, SortKey):
                word = word.value
            order, description = table[word]
            rules += order
            names.append(description)
        self.sort_type = ", ".join(names)
        rows = [(cc, nc, tt, ct) + func + (func_std_string(func), func)
                for func, (cc, nc, tt, ct, _) in self.stats.items()]
        rows.sort(key=cmp_to_key(TupleComp(rules).compare))
        self.fcn_list = [row[-1] for row in rows]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        stripped = {}
        longest = 0
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            short = func_strip_path(func)
            longest = max(longest, len(func_std_string(short)))
            short_callers = {}
            for caller, value in callers.items():
                short_callers[func_strip_path(caller)] = value
            entry = (cc, nc, tt, ct, short_callers)
            if short in stripped:
                entry = add_func_stats(stripped[short], entry)
            stripped[short] = entry
        self.stats = stripped
        self.top_level = set(map(func_strip_path, self.top_level))
        self.max_name_len = longest
        self.fcn_list = None
        self.all_callees = None
        return self

    def calc_callees(self):
        if self.all_callees:
            return
        callees = {}
        for func, entry in self.stats.items():
            callees.setdefault(func, {})
            for caller, value in entry[4].items():
                callees.setdefault(caller, {})[func] = value
        self.all_callees = callees

    # -- reports

    def eval_print_amount(self, sel, list, msg):
        """Apply one restriction (count, fraction or pattern) to `list`."""
        kept = list
        if isinstance(sel, str):
            try:
                pattern = re.compile(sel)
            except re.error:
                return kept, msg + "   <Invalid regular expression %r>\n" % sel
            kept = [func for func in list
                    if pattern.search(func_std_string(func))]
        elif isinstance(sel, float):
            if 0.0 <= sel < 1.0:
                kept = list[:int(len(list) * sel + .5)]
        elif isinstance(sel, int) and 0 <= sel < len(list):
            kept = list[:sel]
        if len(kept) != len(list):
            msg += ("   List reduced from %r to %r due to restriction <%r>\n"
                    % (len(list), len(kept), sel))
        return kept, msg

    def get_stats_profile(self):
        """The statistics as a StatsProfile, functions in listing order."""
        order = self.fcn_list[:] if self.fcn_list else list(self.stats)
        if not order:
            return StatsProfile(0, {})
        functions = {}
        for func in order:
            cc, nc, tt, ct = self.stats[func][:4]
            calls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
            functions[func[2]] = FunctionProfile(
                calls,
                float(f8(tt)),
                float(f8(tt / nc)) if nc else -1,
                float(f8(ct)),
                float(f8(ct / cc)) if cc else -1,
                func[0],
                func[1])
        return StatsProfile(float(f8(self.total_tt)), functions)

    def get_print_list(self, sel_list):
        if self.fcn_list:
            chosen = self.fcn_list[:]
            msg = "   Ordered by: %s\n" % self.sort_type
        else:
            chosen = list(self.stats)
            msg = "   Random listing order was used\n"
        for selection in sel_list:
            chosen, msg = self.eval_print_amount(selection, chosen, msg)
        if not chosen:
            return 0, chosen
        print(msg, file=self.stream)
        width = self.max_name_len
        if len(chosen) < len(self.stats):
            width = max([len(func_std_string(func)) for func in chosen])
        return width + 2, chosen

    def print_stats(self, *amount):
        out = self.stream
        for name in self.files:
            print(name, file=out)
        if self.files:
            print(file=out)
        pad = " " * 8
        for func in self.top_level:
            print(pad, func_get_function_name(func), file=out)
        summary = "%s %s function calls " % (pad, self.total_calls)
        if self.total_calls != self.prim_calls:
            summary += "(%d primitive calls) " % self.prim_calls
        print(summary + "in %.3f seconds\n" % self.total_tt, file=out)
        _, chosen = self.get_print_list(amount)
        if chosen:
            self.print_title()
            for func in chosen:
                self.print_line(func)
            print("\n", file=out)
        return self

    def print_callees(self, *amount):
        width, chosen = self.get_print_list(amount)
        if chosen:
            self.calc_callees()
            self.print_call_heading(width, "called...")
            callees = self.all_callees
            for func in chosen:
                self.print_call_line(width, func, callees.get(func, {}))
            print("\n", file=self.stream)
        return self

    def print_callers(self, *amount):
        width, chosen = self.get_print_list(amount)
        if chosen:
            self.print_call_heading(width, "was called by...")
            for func in chosen:
                self.print_call_line(width, func, self.stats[func][4], "<-")
            print("\n", file=self.stream)
        return self

    def print_call_heading(self, name_size, column_title):
        print("Function ".ljust(name_size) + column_title, file=self.stream)
        # cProfile's callers hold (nc, cc, tt, ct) and get column titles;
        # profile's hold a bare count. The first non-empty one decides.
        for entry in self.stats.values():
            callers = entry[4]
            if callers:
                if isinstance(next(iter(callers.values())), tuple):
                    print(" " * name_size + "    ncalls  tottime  cumtime",
                          file=self.stream)
                break

    def print_call_line(self, name_size, source, call_dict, arrow="->"):
        out = self.stream
        print(func_std_string(source).ljust(name_size) + arrow, end=' ',
              file=out)
        if not call_dict:
            print(file=out)
            return
        first = True
        for func in sorted(call_dict):
            label = func_std_string(func)
            value = call_dict[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                counts = "%d" % nc if nc == cc else "%d/%d" % (nc, cc)
                width = 7 if first else 9
                text = "%s %s %s  %s" % (counts.rjust(width), f8(tt), f8(ct),
                                         label)
                lead = 0 if first else name_size + 1
            else:
                text = "%s(%r) %s" % (label, value, f8(self.stats[func][3]))
                lead = 0 if first else name_size + 3
            print(" " * lead + text, file=out)
            first = False

    def print_title(self):
        print("   ncalls  tottime  percall  cumtime  percall "
              "filename:lineno(function)", file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, _ = self.stats[func]
        calls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
        print("%9s %s %s %s %s %s" % (
            calls, f8(tt), f8(tt / nc) if nc else " " * 8,
            f8(ct), f8(ct / cc) if cc else " " * 8,
            func_std_string(func)), file=self.stream)


class TupleComp:
    """Compares rows column by column, by (index, direction) pairs."""

    def __init__(self, comp_select_list):
        self.comp_select_list = comp_select_list

    def compare(self, left, right):
        for column, direction in self.comp_select_list:
            a = left[column]
            b = right[column]
            if a < b:
                return -direction
            if a > b:
                return direction
        return 0


# -- helpers on function keys (file, line, name) and statistics tuples

def func_strip_path(func_name):
    return (os.path.basename(func_name[0]),) + tuple(func_name[1:])


def func_get_function_name(func):
    return func[2]


def func_std_string(func_name):
    if func_name[:2] != ('~', 0):
        return "%s:%d(%s)" % func_name
    # a built-in (cProfile): "<...>" is shown as "{...}"
    label = func_name[2]
    if label[:1] == '<' and label[-1:] == '>':
        return '{' + label[1:-1] + '}'
    return label


def add_func_stats(target, source):
    """Two functions' statistics added together."""
    return (source[0] + target[0], source[1] + target[1],
            source[2] + target[2], source[3] + target[3],
            add_callers(target[4], source[4]))


def add_callers(target, source):
    """Two callers dictionaries merged: counts, or cProfile's tuples,
    added."""
    merged = dict(target)
    for func, value in source.items():
        if func not in merged:
            merged[func] = value
        elif isinstance(value, tuple):
            merged[func] = tuple([a + b for a, b in zip(value, merged[func])])
        else:
            merged[func] += value
    return merged


def count_calls(callers):
    """The number of calls a callers dictionary records."""
    total = 0
    for value in callers.values():
        total += value
    return total


def f8(x):
    return "%8.3f" % x
