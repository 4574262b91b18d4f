# difflib: SequenceMatcher (exact blocks/opcodes/ratios incl. junk and the
# autojunk "popular" heuristic), get_close_matches, Differ/ndiff/restore,
# unified_diff, context_diff, diff_bytes.
import difflib
from difflib import SequenceMatcher, Match

s = SequenceMatcher(None, "abxcd", "abcd")
print(s.get_matching_blocks())
print(s.get_opcodes(), s.ratio(), s.quick_ratio(), s.real_quick_ratio())
s = SequenceMatcher(lambda x: x == " ", "private Thread currentThread;",
                    "private volatile Thread currentThread;")
print(round(s.ratio(), 6), s.get_matching_blocks(), sorted(s.bjunk))
print(s.find_longest_match(0, 29, 0, 38), s.find_longest_match())
s = SequenceMatcher(None, " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9))
s = SequenceMatcher(lambda x: x == " ", " abcd", "abcd abcd")
print(s.find_longest_match(0, 5, 0, 9), s.find_longest_match(1, 3, 0, 2))
s = SequenceMatcher(None, "qabxcd", "abycdf")
for op in s.get_opcodes():
    print("%7s a[%d:%d] (%s) b[%d:%d] (%s)" % (op[0], op[1], op[2],
          s.a[op[1]:op[2]], op[3], op[4], s.b[op[3]:op[4]]))
m = s.get_matching_blocks()[0]
print(m, m.a, m.size, isinstance(m, tuple), Match(1, 2, 3)._asdict())
s.set_seq1("abycdf")
print(s.ratio(), s.get_opcodes())
s.set_seqs("", "")
print(s.ratio(), s.get_opcodes(), s.get_matching_blocks(),
      list(s.get_grouped_opcodes()))

# Autojunk: in a sequence of 200+ items, elements occurring more than
# 1% + 1 times are "popular" and ignored for matching.
a = "x" * 100 + "abc" + "y" * 100
b = "x" * 150 + "abc" + "y" * 150
for auto in (True, False):
    s = SequenceMatcher(None, a, b, autojunk=auto)
    print(auto, sorted(s.bpopular), s.get_matching_blocks(), s.ratio())
words = [w for w in "the quick brown fox jumps over the lazy dog".split()]
a = [words[i * 7 % 9] for i in range(250)]
b = a[:100] + ["new", "lines"] + a[110:]
s = SequenceMatcher(None, a, b)
print(sorted(s.bpopular), s.get_opcodes()[:4], round(s.ratio(), 6))

# Grouped opcodes.
a = ["%d\n" % i for i in range(40)]
b = list(a)
b[5] = "five\n"
b[20:22] = []
b.insert(35, "extra\n")
s = SequenceMatcher(None, a, b)
for n in (0, 1, 3, 10):
    print(n, list(s.get_grouped_opcodes(n)))

# A deterministic sweep compared against CPython's results.
state = 12345


def rand(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    return (state >> 8) % n


def make(alphabet, longest):
    return "".join(alphabet[rand(len(alphabet))]
                   for _ in range(rand(longest + 1)))


junks = [None, lambda c: c == " ", lambda c: c in "ab"]
for t in range(300):
    alphabet = ["ab", "abc", "abcd ", "abcdefgh"][rand(4)]
    a, b = make(alphabet, 14), make(alphabet, 14)
    if rand(3) == 0:
        a, b = list(a), list(b)
    s = SequenceMatcher(junks[rand(3)], a, b)
    ops = " ".join("%s%d%d%d%d" % (tag[0], i1, i2, j1, j2)
                   for tag, i1, i2, j1, j2 in s.get_opcodes())
    print(t, ops, round(s.ratio(), 9), round(s.quick_ratio(), 9))
for t in range(8):
    a, b = make("abcdefgh", 400), make("abcdefgh", 400)
    s = SequenceMatcher(None, a, b)
    print(len(s.get_opcodes()), s.get_matching_blocks()[-2:], round(s.ratio(), 9))

# get_close_matches
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]))
import keyword
print(difflib.get_close_matches("wheel", keyword.kwlist))
print(difflib.get_close_matches("pineapple", keyword.kwlist))
print(difflib.get_close_matches("accept", keyword.kwlist))
print(difflib.get_close_matches("lamda", keyword.kwlist, n=1, cutoff=0.3))
print(difflib.get_close_matches("ab", ["ab", "abc", "ba", "ab"], n=10, cutoff=0))
for n, cutoff in ((0, 0.5), (2, 1.5), (2, -0.1)):
    try:
        difflib.get_close_matches("x", ["x"], n, cutoff)
    except ValueError as e:
        print(type(e).__name__, e)

# Differ / ndiff / restore
text1 = """  1. Beautiful is better than ugly.
  2. Explicit is better than implicit.
  3. Simple is better than complex.
  4. Complex is better than complicated.
""".splitlines(keepends=True)
text2 = """  1. Beautiful is better than ugly.
  3.   Simple is better than complex.
  4. Complicated is better than complex.
  5. Flat is better than nested.
""".splitlines(keepends=True)
result = list(difflib.Differ().compare(text1, text2))
print("".join(result), end="")
diff = list(difflib.ndiff("one\ntwo\nthree\n".splitlines(keepends=True),
                          "ore\ntree\nemu\n".splitlines(keepends=True)))
print("".join(diff), end="")
print("".join(difflib.restore(diff, 1)), end="")
print("".join(difflib.restore(diff, 2)), end="")
for bad in (3, "x"):
    try:
        list(difflib.restore(diff, bad))
    except ValueError as e:
        print(type(e).__name__, e)
print("".join(difflib.ndiff(["\tif x == 1:\n", "a b c\n", "# comment\n", "\n"],
                            ["\tif  x == 2:\n", "a  b c\n", "\n", "#\n"],
                            linejunk=difflib.IS_LINE_JUNK)), end="")
print(list(difflib.ndiff(["abcdefgh", "same"], ["same", "xbcdefgx", "zzz"])))
print(list(difflib.ndiff(["aaa", "bbb"], ["ccc", "ddd", "eee"])))
print(list(difflib.ndiff(["aaa", "bbb", "ccc"], ["xxx", "yyy"])))
print(difflib.IS_LINE_JUNK("\n"), difflib.IS_LINE_JUNK("  #   \n"),
      difflib.IS_LINE_JUNK("hello\n"), difflib.IS_CHARACTER_JUNK(" "),
      difflib.IS_CHARACTER_JUNK("\t"), difflib.IS_CHARACTER_JUNK("\n"),
      difflib.IS_CHARACTER_JUNK("x"))

# unified_diff / context_diff
a = ["one\n", "two\n", "three\n", "four\n", "five\n", "six\n", "seven\n",
     "eight\n", "nine\n", "ten\n", "eleven\n"]
b = ["zero\n", "one\n", "tree\n", "four\n", "five\n", "six\n", "seven\n",
     "eight\n", "nine\n", "ten\n", "eleven\n", "twelve\n"]
print("".join(difflib.unified_diff(a, b, "before.py", "after.py",
                                   "2005-01-26 23:30:50", "2010-04-02 10:20:52")),
      end="")
print("".join(difflib.context_diff(a, b, "before.py", "after.py",
                                   "Mon Jan 26 23:30:50 2005", "")), end="")
print(list(difflib.unified_diff(["a", "b", "c"], ["a", "B", "c"], lineterm="")))
print(list(difflib.context_diff(["a", "b", "c"], ["a", "c"], n=0, lineterm="")))
print(list(difflib.context_diff(["a", "c"], ["a", "b", "c"], n=0, lineterm="")))
print(list(difflib.unified_diff(["a", "c"], ["a", "b", "c"], n=0, lineterm="")))
print(list(difflib.unified_diff(["a"], [], lineterm="")),
      list(difflib.unified_diff([], ["a"], lineterm="")),
      list(difflib.unified_diff(["a"], ["a"])), list(difflib.context_diff([], [])))
print(list(difflib.unified_diff("abcdefghij", "abXdefghiYj", n=1, lineterm="")))
print(list(difflib.context_diff("abcdefghij", "abXdefghiYj", n=1, lineterm="")))
for args in ((["a"], [b"b"]), ([1], ["a"]), (["a"], ["b"], 1)):
    try:
        list(difflib.unified_diff(*args))
    except TypeError as e:
        print(type(e).__name__, e)

# diff_bytes
print(list(difflib.diff_bytes(difflib.unified_diff, [b"a\xff\n", b"b\n"],
                              [b"a\xff\n", b"c\n"], b"x", b"y", b"d1", b"d2")))
print(list(difflib.diff_bytes(difflib.context_diff, [b"a", b"b"], [b"c"],
                              lineterm=b"")))
try:
    list(difflib.diff_bytes(difflib.unified_diff, ["a"], [b"b"]))
except TypeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


class Tokens(SequenceMatcher):
    pass


t = Tokens(None, "kitten", "sitting")
print(type(t).__name__, t.get_opcodes(), round(t.ratio(), 6))
print([name for name in difflib.__all__ if name != "HtmlDiff"])  # no HtmlDiff in krait
