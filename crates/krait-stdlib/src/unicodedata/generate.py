"""Writes `ucd.txt`, the Unicode character database krait's `unicodedata`
reads, from python3's own `unicodedata` (Unicode 14.0.0 for CPython 3.11),
so krait answers as CPython does.

Run from this folder: `python3 generate.py > ucd.txt`.

Format (one record per line, fields separated by spaces):
  `P cat bidi eaw mirrored combining`  a property record (numbered from 0)
  `R start record`                     from code point `start` (hex) on,
                                       the characters have property record
                                       `record` (until the next R line)
  `N cp decimal digit numeric`         numeric values (`-` when absent;
                                       numeric as a float literal)
  `D cp decomposition...`              the decomposition mapping
"""
import unicodedata

assert unicodedata.unidata_version == "14.0.0", unicodedata.unidata_version

records = {}
runs = []
for cp in range(0x110000):
    c = chr(cp)
    record = (unicodedata.category(c), unicodedata.bidirectional(c) or "-",
              unicodedata.east_asian_width(c), unicodedata.mirrored(c),
              unicodedata.combining(c))
    number = records.setdefault(record, len(records))
    if not runs or runs[-1][1] != number:
        runs.append((cp, number))

print(f"# Unicode {unicodedata.unidata_version}, from CPython's unicodedata (generate.py)")
for record, number in sorted(records.items(), key=lambda item: item[1]):
    print("P", *record)
for start, number in runs:
    print(f"R {start:x} {number}")
for cp in range(0x110000):
    c = chr(cp)
    decimal = unicodedata.decimal(c, None)
    digit = unicodedata.digit(c, None)
    numeric = unicodedata.numeric(c, None)
    if numeric is not None:
        print(f"N {cp:x} {'-' if decimal is None else decimal} "
              f"{'-' if digit is None else digit} {numeric!r}")
for cp in range(0x110000):
    decomposition = unicodedata.decomposition(chr(cp))
    if decomposition:
        print(f"D {cp:x} {decomposition}")
