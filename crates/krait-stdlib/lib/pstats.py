"""Reports on profiler statistics (CPython's `pstats`).

Stats gathers the statistics of profile.Profile or cProfile.Profile
objects and of files written by their dump_stats (or Stats.dump_stats),
merges several with add(), and prints them: print_stats with restrictions
(a count, a fraction or a regular expression, applied in order),
print_callers and print_callees, in CPython's layout; sort_stats takes
SortKey members, the key names and their unambiguous prefixes, or the
legacy integers -1, 0, 1, 2.  get_stats_profile returns the
StatsProfile/FunctionProfile dataclasses.

Difference from CPython: krait has no marshal, so statistics files are
written and read with pickle (the same dictionary CPython marshals:
(file, line, name) -> (cc, nc, tt, ct, callers)); files are therefore not
interchangeable with CPython's.  Left out: the interactive browser that
`python -m pstats` starts.
"""

import os
import pickle
import re
import sys
from dataclasses import dataclass
from enum import Enum
from functools import cmp_to_key
from typing import Dict

__all__ = ["Stats", "SortKey", "FunctionProfile", "StatsProfile"]


class SortKey(str, Enum):
    """The sort keys of Stats.sort_stats; some have a second name."""

    CALLS = 'calls', 'ncalls'
    CUMULATIVE = 'cumulative', 'cumtime'
    FILENAME = 'filename', 'module'
    LINE = 'line'
    NAME = 'name'
    NFL = 'nfl'
    PCALLS = 'pcalls'
    STDNAME = 'stdname'
    TIME = 'time', 'tottime'

    def __new__(cls, *values):
        member = str.__new__(cls, values[0])
        member._value_ = values[0]
        # The second name looks up the same member: SortKey('ncalls').
        for alias in values[1:]:
            cls._value2member_map_[alias] = member
        member._all_values = values
        return member

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


# Positions in the rows that sort_stats sorts: (cc, nc, tt, ct, file,
# line, name, standard name, key).
_PRIMITIVE, _CALLS, _TOTTIME, _CUMTIME = 0, 1, 2, 3
_FILE, _LINE, _NAME, _STDNAME = 4, 5, 6, 7
_ASCENDING, _DESCENDING = 1, -1


class Stats:
    """Profiler statistics and the reports made from them.

    Stats(arg, *more, stream=None): each argument is a file name written by
    dump_stats, a profiler object (its create_stats() is called) or a Stats.
    """

    sort_arg_dict_default = {
        "calls": (((_CALLS, _DESCENDING),), "call count"),
        "ncalls": (((_CALLS, _DESCENDING),), "call count"),
        "cumtime": (((_CUMTIME, _DESCENDING),), "cumulative time"),
        "cumulative": (((_CUMTIME, _DESCENDING),), "cumulative time"),
        "filename": (((_FILE, _ASCENDING),), "file name"),
        "line": (((_LINE, _ASCENDING),), "line number"),
        "module": (((_FILE, _ASCENDING),), "file name"),
        "name": (((_NAME, _ASCENDING),), "function name"),
        "nfl": (((_NAME, _ASCENDING), (_FILE, _ASCENDING),
                 (_LINE, _ASCENDING)), "name/file/line"),
        "pcalls": (((_PRIMITIVE, _DESCENDING),), "primitive call count"),
        "stdname": (((_STDNAME, _ASCENDING),), "standard name"),
        "time": (((_TOTTIME, _DESCENDING),), "internal time"),
        "tottime": (((_TOTTIME, _DESCENDING),), "internal time"),
    }

    def __init__(self, *args, stream=None):
        self.stream = stream or sys.stdout
        first = args[0] if args else None
        self.init(first)
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
        self.get_top_level_stats()

    def load_stats(self, arg):
        if arg is None:
            self.stats = {}
            return
        if isinstance(arg, str):
            with open(arg, 'rb') as file:
                self.stats = pickle.load(file)
            try:
                import time
                arg = time.ctime(os.stat(arg).st_mtime) + "    " + arg
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
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            self.total_calls += nc
            self.prim_calls += cc
            self.total_tt += tt
            # Statistics from the long-gone "jprofile" mark their roots so.
            if ("jprofile", 0, "profiler") in callers:
                self.top_level.add(func)
            self.max_name_len = max(self.max_name_len,
                                    len(func_std_string(func)))

    def add(self, *arg_list):
        if not arg_list:
            return self
        for item in reversed(arg_list):
            if type(self) != type(item):
                item = Stats(item)
            self.files += item.files
            self.total_calls += item.total_calls
            self.prim_calls += item.prim_calls
            self.total_tt += item.total_tt
            self.top_level.update(item.top_level)
            self.max_name_len = max(self.max_name_len, item.max_name_len)
            self.fcn_list = None
            for func, stat in item.stats.items():
                old = self.stats.get(func, (0, 0, 0, 0, {}))
                self.stats[func] = add_func_stats(old, stat)
        return self

    def dump_stats(self, filename):
        """Write the statistics to filename (with pickle; see the module doc)."""
        with open(filename, 'wb') as file:
            pickle.dump(self.stats, file)

    def get_sort_arg_defs(self):
        """The sort keys, with every prefix that names only one of them."""
        if not self.sort_arg_dict:
            self.sort_arg_dict = keys = {}
            ambiguous = set()
            for word, definition in self.sort_arg_dict_default.items():
                fragment = word
                # Shorter prefixes were claimed by the word that met this
                # one first, so stop at the first clash (as CPython does).
                while fragment:
                    if fragment in keys:
                        ambiguous.add(fragment)
                        break
                    keys[fragment] = definition
                    fragment = fragment[:-1]
            for fragment in ambiguous:
                del keys[fragment]
        return self.sort_arg_dict

    def sort_stats(self, *field):
        if not field:
            self.fcn_list = 0
            return self
        if len(field) == 1 and isinstance(field[0], int):
            field = [{-1: "stdname", 0: "calls", 1: "time",
                      2: "cumulative"}[field[0]]]
        elif len(field) >= 2:
            for arg in field[1:]:
                if type(arg) != type(field[0]):
                    raise TypeError("Can't have mixed argument type")
        definitions = self.get_sort_arg_defs()
        order = ()
        descriptions = []
        for word in field:
            if isinstance(word, SortKey):
                word = word.value
            order += definitions[word][0]
            descriptions.append(definitions[word][1])
        self.sort_type = ", ".join(descriptions)
        rows = [(cc, nc, tt, ct) + func + (func_std_string(func), func)
                for func, (cc, nc, tt, ct, callers) in self.stats.items()]
        rows.sort(key=cmp_to_key(TupleComp(order).compare))
        self.fcn_list = [row[-1] for row in rows]
        return self

    def reverse_order(self):
        if self.fcn_list:
            self.fcn_list.reverse()
        return self

    def strip_dirs(self):
        old_stats = self.stats
        self.stats = new_stats = {}
        max_name_len = 0
        for func, (cc, nc, tt, ct, callers) in old_stats.items():
            new_func = func_strip_path(func)
            max_name_len = max(max_name_len, len(func_std_string(new_func)))
            new_callers = {func_strip_path(caller): value
                           for caller, value in callers.items()}
            if new_func in new_stats:
                new_stats[new_func] = add_func_stats(
                    new_stats[new_func], (cc, nc, tt, ct, new_callers))
            else:
                new_stats[new_func] = (cc, nc, tt, ct, new_callers)
        self.top_level = {func_strip_path(func) for func in self.top_level}
        self.max_name_len = max_name_len
        self.fcn_list = None
        self.all_callees = None
        return self

    def calc_callees(self):
        if self.all_callees:
            return
        self.all_callees = all_callees = {}
        for func, (cc, nc, tt, ct, callers) in self.stats.items():
            all_callees.setdefault(func, {})
            for caller, value in callers.items():
                all_callees.setdefault(caller, {})[func] = value

    # The reports.

    def eval_print_amount(self, sel, funcs, msg):
        """Apply one restriction of print_stats & co. to the list funcs."""
        selected = funcs
        if isinstance(sel, str):
            try:
                pattern = re.compile(sel)
            except re.error:
                msg += "   <Invalid regular expression %r>\n" % sel
                return selected, msg
            selected = [func for func in funcs
                        if pattern.search(func_std_string(func))]
        else:
            count = len(funcs)
            if isinstance(sel, float) and 0.0 <= sel < 1.0:
                count = int(count * sel + .5)
                selected = funcs[:count]
            elif isinstance(sel, int) and 0 <= sel < count:
                selected = funcs[:sel]
        if len(funcs) != len(selected):
            msg += ("   List reduced from %r to %r due to restriction <%r>\n"
                    % (len(funcs), len(selected), sel))
        return selected, msg

    def get_stats_profile(self):
        funcs = self.fcn_list[:] if self.fcn_list else list(self.stats)
        if not funcs:
            return StatsProfile(0, {})
        profiles = {}
        for func in funcs:
            cc, nc, tt, ct, callers = self.stats[func]
            file_name, line_number, func_name = func
            ncalls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
            profiles[func_name] = FunctionProfile(
                ncalls, float(f8(tt)),
                -1 if nc == 0 else float(f8(tt / nc)),
                float(f8(ct)),
                -1 if cc == 0 else float(f8(ct / cc)),
                file_name, line_number)
        return StatsProfile(float(f8(self.total_tt)), profiles)

    def get_print_list(self, sel_list):
        width = self.max_name_len
        if self.fcn_list:
            funcs = self.fcn_list[:]
            msg = "   Ordered by: " + self.sort_type + '\n'
        else:
            funcs = list(self.stats)
            msg = "   Random listing order was used\n"
        for selection in sel_list:
            funcs, msg = self.eval_print_amount(selection, funcs, msg)
        if not funcs:
            return 0, funcs
        print(msg, file=self.stream)
        if len(funcs) < len(self.stats):
            width = max(len(func_std_string(func)) for func in funcs)
        return width + 2, funcs

    def print_stats(self, *amount):
        for filename in self.files:
            print(filename, file=self.stream)
        if self.files:
            print(file=self.stream)
        indent = ' ' * 8
        for func in self.top_level:
            print(indent, func_get_function_name(func), file=self.stream)
        print(indent, self.total_calls, "function calls", end=' ',
              file=self.stream)
        if self.total_calls != self.prim_calls:
            print("(%d primitive calls)" % self.prim_calls, end=' ',
                  file=self.stream)
        print("in %.3f seconds" % self.total_tt, file=self.stream)
        print(file=self.stream)
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.print_title()
            for func in funcs:
                self.print_line(func)
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callees(self, *amount):
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.calc_callees()
            self.print_call_heading(width, "called...")
            for func in funcs:
                self.print_call_line(width, func,
                                     self.all_callees.get(func, {}))
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_callers(self, *amount):
        width, funcs = self.get_print_list(amount)
        if funcs:
            self.print_call_heading(width, "was called by...")
            for func in funcs:
                callers = self.stats[func][4]
                self.print_call_line(width, func, callers, "<-")
            print(file=self.stream)
            print(file=self.stream)
        return self

    def print_call_heading(self, name_size, column_title):
        print("Function ".ljust(name_size) + column_title, file=self.stream)
        # cProfile's callers carry (nc, cc, tt, ct) and get column titles;
        # profile's carry a bare count.
        detailed = False
        for cc, nc, tt, ct, callers in self.stats.values():
            if callers:
                detailed = isinstance(next(iter(callers.values())), tuple)
                break
        if detailed:
            print(" " * name_size + "    ncalls  tottime  cumtime",
                  file=self.stream)

    def print_call_line(self, name_size, source, call_dict, arrow="->"):
        print(func_std_string(source).ljust(name_size) + arrow, end=' ',
              file=self.stream)
        if not call_dict:
            print(file=self.stream)
            return
        indent = ""
        for func in sorted(call_dict):
            name = func_std_string(func)
            value = call_dict[func]
            if isinstance(value, tuple):
                nc, cc, tt, ct = value
                counts = '%d/%d' % (nc, cc) if nc != cc else '%d' % nc
                text = '%s %s %s  %s' % (counts.rjust(7 + 2 * len(indent)),
                                         f8(tt), f8(ct), name)
                left_width = name_size + 1
            else:
                text = '%s(%r) %s' % (name, value, f8(self.stats[func][3]))
                left_width = name_size + 3
            print(indent * left_width + text, file=self.stream)
            indent = " "

    def print_title(self):
        print('   ncalls  tottime  percall  cumtime  percall', end=' ',
              file=self.stream)
        print('filename:lineno(function)', file=self.stream)

    def print_line(self, func):
        cc, nc, tt, ct, callers = self.stats[func]
        calls = str(nc) if nc == cc else "%d/%d" % (nc, cc)
        print(calls.rjust(9), end=' ', file=self.stream)
        print(f8(tt), end=' ', file=self.stream)
        print(' ' * 8 if nc == 0 else f8(tt / nc), end=' ', file=self.stream)
        print(f8(ct), end=' ', file=self.stream)
        print(' ' * 8 if cc == 0 else f8(ct / cc), end=' ', file=self.stream)
        print(func_std_string(func), file=self.stream)


class TupleComp:
    """Compares rows by a list of (index, direction) pairs, in turn."""

    def __init__(self, comp_select_list):
        self.comp_select_list = comp_select_list

    def compare(self, left, right):
        for index, direction in self.comp_select_list:
            if left[index] < right[index]:
                return -direction
            if left[index] > right[index]:
                return direction
        return 0


# Helpers on function keys (file, line, name) and statistics tuples.

def func_strip_path(func_name):
    filename, line, name = func_name
    return os.path.basename(filename), line, name


def func_get_function_name(func):
    return func[2]


def func_std_string(func_name):
    if func_name[:2] == ('~', 0):
        # cProfile's built-in functions: "<...>" is shown as "{...}".
        name = func_name[2]
        if name.startswith('<') and name.endswith('>'):
            return '{%s}' % name[1:-1]
        return name
    return "%s:%d(%s)" % func_name


def add_func_stats(target, source):
    """The statistics of one function merged from two sets."""
    cc, nc, tt, ct, callers = source
    t_cc, t_nc, t_tt, t_ct, t_callers = target
    return (cc + t_cc, nc + t_nc, tt + t_tt, ct + t_ct,
            add_callers(t_callers, callers))


def add_callers(target, source):
    """Merge two callers dictionaries (counts or cProfile's tuples)."""
    merged = dict(target)
    for func, value in source.items():
        if func in merged:
            if isinstance(value, tuple):
                merged[func] = tuple(a + b for a, b in zip(value, merged[func]))
            else:
                merged[func] += value
        else:
            merged[func] = value
    return merged


def count_calls(callers):
    """The total number of calls in a callers dictionary."""
    total = 0
    for calls in callers.values():
        total += calls
    return total


def f8(x):
    return "%8.3f" % x
