"""How much of each of krait's Python modules is CPython's text.

usage: python3 scripts/similarity_to_cpython.py [DIR] [--over PERCENT]

For each `.py` under DIR (default: crates/krait-stdlib/lib) with a
counterpart in the running CPython's standard library, prints the share of
its long (over 25 characters) non-comment lines that appear verbatim in
CPython's file. krait's library is written fresh, not copied: public names,
signatures and exact messages must match, bodies should not. New modules
stay at or below 25%; `--over` lists only the files above a share.
"""

import os
import sys
import sysconfig


def lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        stripped = (line.strip() for line in f)
        return [line for line in stripped if line and not line.startswith("#")]


def main(argv):
    over = None
    if "--over" in argv:
        at = argv.index("--over")
        over = float(argv[at + 1])
        del argv[at:at + 2]
    root = argv[0] if argv else os.path.join(
        os.path.dirname(__file__), "..", "crates", "krait-stdlib", "lib")
    cpython = sysconfig.get_paths()["stdlib"]
    for folder, _, files in sorted(os.walk(root)):
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root)
            theirs_path = os.path.join(cpython, relative)
            if not os.path.exists(theirs_path):
                continue
            theirs = set(lines(theirs_path))
            long_lines = [line for line in lines(path) if len(line) > 25]
            same = sum(line in theirs for line in long_lines)
            share = 100 * same / max(len(long_lines), 1)
            if over is None or share > over:
                print(f"{relative:45s} {same:5d}/{len(long_lines):<5d} {share:5.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
