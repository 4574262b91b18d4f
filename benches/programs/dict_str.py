# Dicts and strings: word frequencies, joins, splits, methods, formatting.

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_text(n):
    seed = 7
    parts = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        word = WORDS[seed % len(WORDS)]
        if seed % 5 == 0:
            word = word.upper()
        parts.append(word)
        if seed % 11 == 0:
            parts.append(str(i))
    return " ".join(parts)


def count_words(text):
    counts = {}
    for word in text.split():
        key = word.lower()
        counts[key] = counts.get(key, 0) + 1
    return counts


def index_by_letter(words):
    index = {}
    for w in words:
        first = w[0]
        if first in index:
            index[first].append(w)
        else:
            index[first] = [w]
    return index


text = make_text(400000)
counts = count_words(text)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
index = index_by_letter(list(counts.keys()))

lines = []
for i in range(150000):
    w = WORDS[i % len(WORDS)]
    lines.append(f"{i:05d}:{w.capitalize()}:{w[::-1]}|" + "%s=%d" % (w, len(w)))
blob = "\n".join(lines)
total = 0
for line in blob.split("\n"):
    head, name, rev, tail = line.replace("|", ":").split(":")
    if name.startswith("O") or rev.endswith("a"):
        total += int(head)
    total += len(tail.strip()) + tail.find("=")

merged = {}
for k, v in counts.items():
    merged[k[:2]] = merged.get(k[:2], 0) + v
digits = sum(1 for k in counts if k.isdigit())

print("distinct", len(counts), "digits", digits)
print("top", top)
print("letters", "".join(sorted(index)), len(index["a"]))
print("lines", len(lines), total)
print("merged", len(merged), max(merged.values()))
