"""A collections-heavy word count: Counter, defaultdict, deque and
namedtuple over a generated text (no randomness: a linear congruential
generator picks the words)."""

from collections import Counter, defaultdict, deque, namedtuple, OrderedDict

WORDS = ("the quick brown fox jumps over lazy dog and then runs into forest "
         "where many other animals live together in peace while river flows "
         "past old trees under bright sky").split()

def generate(n):
    state = 42
    out = []
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        out.append(WORDS[state % len(WORDS)])
    return out

words = generate(100000)
counts = Counter(words)
print("distinct", len(counts))
print("top", counts.most_common(5))

by_letter = defaultdict(list)
for word in words[:40000]:
    by_letter[word[0]].append(word)
print("letters", sorted((k, len(v)) for k, v in by_letter.items())[:6])

pairs = Counter(zip(words, words[1:]))
print("pairs", pairs.most_common(3))

window = deque(maxlen=50)
longest = 0
for word in words:
    window.append(word)
    longest = max(longest, len(set(window)))
print("window", longest)

Stat = namedtuple("Stat", "word count share")
stats = [Stat(w, c, round(c / len(words), 5)) for w, c in counts.most_common(10)]
print("stats", stats[0], sum(s.count for s in stats))

order = OrderedDict()
for word in words[:20000]:
    order[word] = order.get(word, 0) + 1
    order.move_to_end(word)
print("order", list(order)[:5])
