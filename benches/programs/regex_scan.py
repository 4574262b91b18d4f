# Regular expressions: scans of a large generated text (words, numbers,
# dates, e-mail addresses) with findall, finditer, sub, split and search.
# Imports `re` (the module it measures).
import re

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu "
         "nu xi omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_text(n):
    seed = 11
    parts = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        word = WORDS[seed % len(WORDS)]
        kind = seed % 17
        if kind == 0:
            word = word.capitalize()
        elif kind == 1:
            word = "%s.%s@%s.org" % (word, WORDS[(seed >> 5) % len(WORDS)], WORDS[(seed >> 9) % len(WORDS)])
        elif kind == 2:
            word = "%04d-%02d-%02d" % (1990 + seed % 35, 1 + seed % 12, 1 + seed % 28)
        elif kind == 3:
            word = str(seed % 100000)
        parts.append(word)
        if seed % 13 == 0:
            parts.append("\n")
    return " ".join(parts)


def checksum(items):
    total = 0
    for item in items:
        total = (total * 31 + len(item)) % 1000000007
    return total


def main():
    text = make_text(120000)
    print(len(text))
    words = re.findall(r"\b[a-z]+\b", text)
    print("words", len(words), checksum(words))
    numbers = [int(m.group()) for m in re.finditer(r"\b\d+\b", text)]
    print("numbers", len(numbers), sum(numbers) % 1000003)
    emails = re.findall(r"([\w.]+)@(\w+)\.org", text)
    print("emails", len(emails), checksum([a + b for a, b in emails]))
    dates = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
    swapped = dates.sub(r"\3/\2/\1", text)
    print("dates", len(swapped), swapped.count("/"))
    caps = re.findall(r"(?i)\b(?:alpha|omega|theta)\b", text)
    print("caps", len(caps))
    lines = re.split(r"\s*\n\s*", text)
    print("lines", len(lines), checksum(lines))
    greek = re.compile(r"(\w+)a\b")
    count = 0
    for line in lines:
        if greek.search(line):
            count += 1
    print("search", count)
    doubled = re.sub(r"(\w)\1", lambda m: m.group(1).upper(), text[:200000])
    print("doubled", len(doubled), checksum(doubled.split()))


main()
