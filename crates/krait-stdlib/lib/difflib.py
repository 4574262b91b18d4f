"""Helpers for computing deltas between sequences (CPython's `difflib`).

SequenceMatcher finds the longest contiguous matching blocks that contain
no "junk" (Ratcliff/Obershelp "gestalt pattern matching", with CPython's
tie-breaking, junk handling and the automatic "popular element" junk for
sequences of 200 or more items), so its matching blocks, opcodes and ratios
are CPython's exactly. On top of it: get_close_matches, Differ/ndiff (with
the intraline `?` hint lines), restore, unified_diff, context_diff,
diff_bytes, IS_LINE_JUNK, IS_CHARACTER_JUNK and the Match named tuple.

Left out: HtmlDiff (side-by-side HTML tables) and its private helper
`_mdiff`.
"""

import re as _re
from collections import namedtuple as _namedtuple
from heapq import nlargest as _nlargest
from types import GenericAlias

__all__ = ["get_close_matches", "ndiff", "restore", "SequenceMatcher",
           "Differ", "IS_CHARACTER_JUNK", "IS_LINE_JUNK", "context_diff",
           "unified_diff", "diff_bytes", "Match"]

Match = _namedtuple("Match", "a b size")


def _calculate_ratio(matches, length):
    if length:
        return 2.0 * matches / length
    return 1.0


class SequenceMatcher:
    """Compare pairs of sequences of hashable elements.

    `isjunk` is None or a one-argument predicate telling which elements of
    the second sequence are junk (never start or extend a match on their
    own). With `autojunk` true, elements of a second sequence of 200 or
    more items that occur in more than 1% of it (plus one) are treated as
    "popular" and ignored when looking for matches.
    """

    def __init__(self, isjunk=None, a="", b="", autojunk=True):
        self.isjunk = isjunk
        self.autojunk = autojunk
        self.a = self.b = None
        self.set_seqs(a, b)

    def set_seqs(self, a, b):
        """Set the two sequences to be compared."""
        self.set_seq1(a)
        self.set_seq2(b)

    def set_seq1(self, a):
        """Set the first sequence to be compared (the second is kept, with
        its index, so comparing many sequences to one is cheap)."""
        if a is self.a:
            return
        self.a = a
        self.matching_blocks = self.opcodes = None

    def set_seq2(self, b):
        """Set the second sequence to be compared and index it."""
        if b is self.b:
            return
        self.b = b
        self.matching_blocks = self.opcodes = None
        self.fullbcount = None
        self._index_b()

    def _index_b(self):
        # b2j maps each element of b to the increasing list of positions
        # where it occurs; junk and popular elements are dropped from it so
        # the matcher never starts a match on them.
        b = self.b
        b2j = {}
        for position, element in enumerate(b):
            positions = b2j.get(element)
            if positions is None:
                b2j[element] = [position]
            else:
                positions.append(position)
        self.b2j = b2j

        junk = set()
        isjunk = self.isjunk
        if isjunk:
            for element in b2j:
                if isjunk(element):
                    junk.add(element)
            for element in junk:
                del b2j[element]
        self.bjunk = junk

        popular = set()
        n = len(b)
        if self.autojunk and n >= 200:
            limit = n // 100 + 1
            for element, positions in b2j.items():
                if len(positions) > limit:
                    popular.add(element)
            for element in popular:
                del b2j[element]
        self.bpopular = popular

    def find_longest_match(self, alo=0, ahi=None, blo=0, bhi=None):
        """Find the longest matching block in a[alo:ahi] and b[blo:bhi].

        Among the longest blocks free of junk, the one starting earliest in
        a wins, then the one starting earliest in b; the block is then
        widened by adjacent equal non-junk (but possibly popular) elements
        and after that by adjacent equal junk elements. Returns a Match;
        its size is 0 when nothing matches.
        """
        a, b, b2j = self.a, self.b, self.b2j
        if ahi is None:
            ahi = len(a)
        if bhi is None:
            bhi = len(b)
        best_i, best_j, best_size = alo, blo, 0
        # run_at[j] is the length of the junk-free match ending at a[i-1]
        # and b[j]; only the previous row is needed.
        run_at = {}
        no_positions = ()
        positions_of = b2j.get
        for i in range(alo, ahi):
            run_get = run_at.get
            new_run_at = {}
            for j in positions_of(a[i], no_positions):
                if j < blo:
                    continue
                if j >= bhi:
                    break
                k = new_run_at[j] = run_get(j - 1, 0) + 1
                if k > best_size:
                    best_i = i - k + 1
                    best_j = j - k + 1
                    best_size = k
            run_at = new_run_at

        junk = self.bjunk
        # Popular elements are not in b2j, so widen the block over them
        # (and over anything else equal that is not junk) ...
        while (best_i > alo and best_j > blo
               and b[best_j - 1] not in junk
               and a[best_i - 1] == b[best_j - 1]):
            best_i -= 1
            best_j -= 1
            best_size += 1
        while (best_i + best_size < ahi and best_j + best_size < bhi
               and b[best_j + best_size] not in junk
               and a[best_i + best_size] == b[best_j + best_size]):
            best_size += 1
        # ... then let equal junk on either side join it, so that a run of
        # blanks between two matches is not reported as a change.
        if junk:
            while (best_i > alo and best_j > blo
                   and b[best_j - 1] in junk
                   and a[best_i - 1] == b[best_j - 1]):
                best_i -= 1
                best_j -= 1
                best_size += 1
            while (best_i + best_size < ahi and best_j + best_size < bhi
                   and b[best_j + best_size] in junk
                   and a[best_i + best_size] == b[best_j + best_size]):
                best_size += 1
        return Match(best_i, best_j, best_size)

    def get_matching_blocks(self):
        """Return the list of Match triples (i, j, n) with a[i:i+n] ==
        b[j:j+n], increasing in i and j, adjacent blocks merged, ending
        with the dummy (len(a), len(b), 0)."""
        if self.matching_blocks is not None:
            return self.matching_blocks
        len_a, len_b = len(self.a), len(self.b)
        # The recursion of the algorithm, done with an explicit stack of
        # regions still to search.
        pending = [(0, len_a, 0, len_b)]
        found = []
        longest = self.find_longest_match
        while pending:
            alo, ahi, blo, bhi = pending.pop()
            i, j, k = match = longest(alo, ahi, blo, bhi)
            if k:
                found.append(match)
                if alo < i and blo < j:
                    pending.append((alo, i, blo, j))
                if i + k < ahi and j + k < bhi:
                    pending.append((i + k, ahi, j + k, bhi))
        found.sort()

        merged = []
        cur_i = cur_j = cur_k = 0
        for i, j, k in found:
            if cur_i + cur_k == i and cur_j + cur_k == j:
                cur_k += k
            else:
                if cur_k:
                    merged.append(Match(cur_i, cur_j, cur_k))
                cur_i, cur_j, cur_k = i, j, k
        if cur_k:
            merged.append(Match(cur_i, cur_j, cur_k))
        merged.append(Match(len_a, len_b, 0))
        self.matching_blocks = merged
        return merged

    def get_opcodes(self):
        """Return a list of 5-tuples (tag, i1, i2, j1, j2) describing how
        to turn a into b; tag is 'replace', 'delete', 'insert' or 'equal'."""
        if self.opcodes is not None:
            return self.opcodes
        i = j = 0
        opcodes = []
        for ai, bj, size in self.get_matching_blocks():
            if i < ai:
                if j < bj:
                    opcodes.append(("replace", i, ai, j, bj))
                else:
                    opcodes.append(("delete", i, ai, j, bj))
            elif j < bj:
                opcodes.append(("insert", i, ai, j, bj))
            i = ai + size
            j = bj + size
            if size:
                opcodes.append(("equal", ai, i, bj, j))
        self.opcodes = opcodes
        return opcodes

    def get_grouped_opcodes(self, n=3):
        """Generate groups of opcodes with up to `n` lines of context,
        as needed for unified and context diffs."""
        codes = self.get_opcodes()
        if not codes:
            codes = [("equal", 0, 1, 0, 1)]
        # Trim the leading and trailing equal runs to the context size.
        # Like CPython, this edits the cached opcode list in place, so
        # later get_opcodes() calls see the trimmed runs.
        tag, i1, i2, j1, j2 = codes[0]
        if tag == "equal":
            codes[0] = tag, max(i1, i2 - n), i2, max(j1, j2 - n), j2
        tag, i1, i2, j1, j2 = codes[-1]
        if tag == "equal":
            codes[-1] = tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)

        twice = n + n
        group = []
        for tag, i1, i2, j1, j2 in codes:
            # An equal run longer than two contexts ends one group and
            # starts the next.
            if tag == "equal" and i2 - i1 > twice:
                group.append((tag, i1, min(i2, i1 + n), j1, min(j2, j1 + n)))
                yield group
                group = []
                i1 = max(i1, i2 - n)
                j1 = max(j1, j2 - n)
            group.append((tag, i1, i2, j1, j2))
        if group and not (len(group) == 1 and group[0][0] == "equal"):
            yield group

    def ratio(self):
        """Similarity in [0, 1]: 2.0*M/T, M matched elements, T total."""
        matches = 0
        for block in self.get_matching_blocks():
            matches += block[2]
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def quick_ratio(self):
        """An upper bound on ratio() from the element counts alone."""
        fullbcount = self.fullbcount
        if fullbcount is None:
            fullbcount = self.fullbcount = {}
            for element in self.b:
                fullbcount[element] = fullbcount.get(element, 0) + 1
        # left[x] is how many x of b are still unmatched.
        left = {}
        matches = 0
        for element in self.a:
            if element in left:
                count = left[element]
            else:
                count = fullbcount.get(element, 0)
            left[element] = count - 1
            if count > 0:
                matches += 1
        return _calculate_ratio(matches, len(self.a) + len(self.b))

    def real_quick_ratio(self):
        """An upper bound on ratio() from the lengths alone."""
        len_a, len_b = len(self.a), len(self.b)
        return _calculate_ratio(min(len_a, len_b), len_a + len_b)

    def __class_getitem__(cls, item):
        # krait cannot yet make a GenericAlias of a Python class; the class
        # itself stands in for SequenceMatcher[...] there.
        try:
            return GenericAlias(cls, item)
        except TypeError:
            return cls


def get_close_matches(word, possibilities, n=3, cutoff=0.6):
    """Return up to `n` of `possibilities` whose similarity to `word` is at
    least `cutoff`, best first."""
    if not n > 0:
        raise ValueError("n must be > 0: %r" % (n,))
    if not 0.0 <= cutoff <= 1.0:
        raise ValueError("cutoff must be in [0.0, 1.0]: %r" % (cutoff,))
    scored = []
    matcher = SequenceMatcher()
    matcher.set_seq2(word)
    for candidate in possibilities:
        matcher.set_seq1(candidate)
        if (matcher.real_quick_ratio() >= cutoff
                and matcher.quick_ratio() >= cutoff):
            score = matcher.ratio()
            if score >= cutoff:
                scored.append((score, candidate))
    return [candidate for score, candidate in _nlargest(n, scored)]


def _keep_original_ws(text, tags):
    """Replace blank tags by the whitespace they mark, so that tabs in the
    compared line stay aligned in the `?` line."""
    return "".join(
        ch if tag == " " and ch.isspace() else tag
        for ch, tag in zip(text, tags))


class Differ:
    """Human-readable deltas between sequences of lines: each output line
    starts with '- ', '+ ', '  ' or '? ' (intraline hints)."""

    def __init__(self, linejunk=None, charjunk=None):
        self.linejunk = linejunk
        self.charjunk = charjunk

    def compare(self, a, b):
        """Compare two sequences of lines; generate the delta lines."""
        matcher = SequenceMatcher(self.linejunk, a, b)
        for tag, alo, ahi, blo, bhi in matcher.get_opcodes():
            if tag == "replace":
                lines = self._fancy_replace(a, alo, ahi, b, blo, bhi)
            elif tag == "delete":
                lines = self._dump("-", a, alo, ahi)
            elif tag == "insert":
                lines = self._dump("+", b, blo, bhi)
            elif tag == "equal":
                lines = self._dump(" ", a, alo, ahi)
            else:
                raise ValueError("unknown tag %r" % (tag,))
            yield from lines

    def _dump(self, tag, x, lo, hi):
        for i in range(lo, hi):
            yield "%s %s" % (tag, x[i])

    def _plain_replace(self, a, alo, ahi, b, blo, bhi):
        assert alo < ahi and blo < bhi
        # The shorter block goes first (insertions on a tie lose).
        if bhi - blo < ahi - alo:
            first = self._dump("+", b, blo, bhi)
            second = self._dump("-", a, alo, ahi)
        else:
            first = self._dump("-", a, alo, ahi)
            second = self._dump("+", b, blo, bhi)
        yield from first
        yield from second

    def _fancy_replace(self, a, alo, ahi, b, blo, bhi):
        # Find the most similar pair of lines (ratio above 0.74, the first
        # such pair scanning b then a wins ties) and synch up on it; fall
        # back to the first identical pair, then to a plain replace.
        best_ratio = 0.74
        cutoff = 0.75
        best_i = best_j = None
        same_i = same_j = None
        matcher = SequenceMatcher(self.charjunk)
        for j in range(blo, bhi):
            bline = b[j]
            matcher.set_seq2(bline)
            for i in range(alo, ahi):
                aline = a[i]
                if aline == bline:
                    if same_i is None:
                        same_i, same_j = i, j
                    continue
                matcher.set_seq1(aline)
                if (matcher.real_quick_ratio() > best_ratio
                        and matcher.quick_ratio() > best_ratio):
                    score = matcher.ratio()
                    if score > best_ratio:
                        best_ratio, best_i, best_j = score, i, j
        if best_ratio < cutoff:
            if same_i is None:
                yield from self._plain_replace(a, alo, ahi, b, blo, bhi)
                return
            best_i, best_j = same_i, same_j
        else:
            same_i = None

        yield from self._fancy_helper(a, alo, best_i, b, blo, best_j)

        aline, bline = a[best_i], b[best_j]
        if same_i is None:
            atags = []
            btags = []
            matcher.set_seqs(aline, bline)
            for tag, ai1, ai2, bj1, bj2 in matcher.get_opcodes():
                len_a, len_b = ai2 - ai1, bj2 - bj1
                if tag == "replace":
                    atags.append("^" * len_a)
                    btags.append("^" * len_b)
                elif tag == "delete":
                    atags.append("-" * len_a)
                elif tag == "insert":
                    btags.append("+" * len_b)
                elif tag == "equal":
                    atags.append(" " * len_a)
                    btags.append(" " * len_b)
                else:
                    raise ValueError("unknown tag %r" % (tag,))
            yield from self._qformat(aline, bline, "".join(atags),
                                     "".join(btags))
        else:
            yield "  " + aline

        yield from self._fancy_helper(a, best_i + 1, ahi, b, best_j + 1, bhi)

    def _fancy_helper(self, a, alo, ahi, b, blo, bhi):
        if alo < ahi:
            if blo < bhi:
                yield from self._fancy_replace(a, alo, ahi, b, blo, bhi)
            else:
                yield from self._dump("-", a, alo, ahi)
        elif blo < bhi:
            yield from self._dump("+", b, blo, bhi)

    def _qformat(self, aline, bline, atags, btags):
        atags = _keep_original_ws(aline, atags).rstrip()
        btags = _keep_original_ws(bline, btags).rstrip()
        yield "- " + aline
        if atags:
            yield "? %s\n" % atags
        yield "+ " + bline
        if btags:
            yield "? %s\n" % btags


def IS_LINE_JUNK(line, pat=_re.compile(r"\s*(?:#\s*)?$").match):
    """True for a blank line or one holding only a '#' and whitespace."""
    return pat(line) is not None


def IS_CHARACTER_JUNK(ch, ws=" \t"):
    """True for a space or tab."""
    return ch in ws


def _format_range_unified(start, stop):
    beginning = start + 1
    length = stop - start
    if length == 1:
        return "%d" % beginning
    if not length:
        beginning -= 1
    return "%d,%d" % (beginning, length)


def _format_range_context(start, stop):
    beginning = start + 1
    length = stop - start
    if not length:
        beginning -= 1
    if length <= 1:
        return "%d" % beginning
    return "%d,%d" % (beginning, beginning + length - 1)


def _check_types(a, b, *args):
    if a and not isinstance(a[0], str):
        raise TypeError("lines to compare must be str, not %s (%r)"
                        % (type(a[0]).__name__, a[0]))
    if b and not isinstance(b[0], str):
        raise TypeError("lines to compare must be str, not %s (%r)"
                        % (type(b[0]).__name__, b[0]))
    for arg in args:
        if not isinstance(arg, str):
            raise TypeError("all arguments must be str, not: %r" % (arg,))


def unified_diff(a, b, fromfile="", tofile="", fromfiledate="",
                 tofiledate="", n=3, lineterm="\n"):
    """Generate the lines of a unified diff of two lists of lines, with
    `n` lines of context."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            fromdate = "\t" + fromfiledate if fromfiledate else ""
            todate = "\t" + tofiledate if tofiledate else ""
            yield "--- %s%s%s" % (fromfile, fromdate, lineterm)
            yield "+++ %s%s%s" % (tofile, todate, lineterm)
        first, last = group[0], group[-1]
        yield "@@ -%s +%s @@%s" % (_format_range_unified(first[1], last[2]),
                                   _format_range_unified(first[3], last[4]),
                                   lineterm)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in a[i1:i2]:
                    yield " " + line
                continue
            if tag != "insert":
                for line in a[i1:i2]:
                    yield "-" + line
            if tag != "delete":
                for line in b[j1:j2]:
                    yield "+" + line


_context_prefix = {"insert": "+ ", "delete": "- ", "replace": "! ",
                   "equal": "  "}


def context_diff(a, b, fromfile="", tofile="", fromfiledate="",
                 tofiledate="", n=3, lineterm="\n"):
    """Generate the lines of a context diff of two lists of lines, with
    `n` lines of context."""
    _check_types(a, b, fromfile, tofile, fromfiledate, tofiledate, lineterm)
    prefix = _context_prefix
    started = False
    for group in SequenceMatcher(None, a, b).get_grouped_opcodes(n):
        if not started:
            started = True
            fromdate = "\t" + fromfiledate if fromfiledate else ""
            todate = "\t" + tofiledate if tofiledate else ""
            yield "*** %s%s%s" % (fromfile, fromdate, lineterm)
            yield "--- %s%s%s" % (tofile, todate, lineterm)
        first, last = group[0], group[-1]
        yield "***************" + lineterm

        yield "*** %s ****%s" % (_format_range_context(first[1], last[2]),
                                 lineterm)
        for code in group:
            if code[0] == "replace" or code[0] == "delete":
                for tag, i1, i2, _, _ in group:
                    if tag != "insert":
                        for line in a[i1:i2]:
                            yield prefix[tag] + line
                break

        yield "--- %s ----%s" % (_format_range_context(first[3], last[4]),
                                 lineterm)
        for code in group:
            if code[0] == "replace" or code[0] == "insert":
                for tag, _, _, j1, j2 in group:
                    if tag != "delete":
                        for line in b[j1:j2]:
                            yield prefix[tag] + line
                break


# CPython decodes with ("ascii", "surrogateescape"); krait's str holds no
# lone surrogates (the handler raises the decoding error), so there
# latin-1 stands in: it is just as lossless, and the diff functions only
# compare lines.
try:
    b"\xff".decode("ascii", "surrogateescape")
    _BYTES_CODEC = ("ascii", "surrogateescape")
except (LookupError, UnicodeDecodeError):
    _BYTES_CODEC = ("latin-1", "strict")


def diff_bytes(dfunc, a, b, fromfile=b"", tofile=b"", fromfiledate=b"",
               tofiledate=b"", n=3, lineterm=b"\n"):
    """Run the str diff function `dfunc` (unified_diff, context_diff) on
    lists of bytes, decoding and re-encoding them losslessly."""
    def decode(value):
        try:
            return value.decode(*_BYTES_CODEC)
        except AttributeError as err:
            raise TypeError("all arguments must be bytes, not %s (%r)"
                            % (type(value).__name__, value)) from err

    a = list(map(decode, a))
    b = list(map(decode, b))
    lines = dfunc(a, b, decode(fromfile), decode(tofile),
                  decode(fromfiledate), decode(tofiledate), n,
                  decode(lineterm))
    for line in lines:
        yield line.encode(*_BYTES_CODEC)


def ndiff(a, b, linejunk=None, charjunk=IS_CHARACTER_JUNK):
    """Compare two lists of lines with Differ; return the delta generator."""
    return Differ(linejunk, charjunk).compare(a, b)


def restore(delta, which):
    """Recover sequence 1 or 2 from an ndiff/Differ delta."""
    try:
        tag = {1: "- ", 2: "+ "}[int(which)]
    except KeyError:
        raise ValueError("unknown delta choice (must be 1 or 2): %r"
                         % which) from None
    for line in delta:
        prefix = line[:2]
        if prefix == "  " or prefix == tag:
            yield line[2:]
