# `s += t` on a local str grows it in place only when nothing else holds
# it: every other reference keeps seeing the old text.


def aliases():
    s = "ab" * 30
    t = s
    s += "x"
    held = [s]
    s += "y"
    key = {s: 1}
    s += "z"
    s = s + "w"
    s += s
    return s, t, held, list(key)


s, t, held, keys = aliases()
print(len(s), s[-6:], len(t), held[0][-3:], keys[0][-3:])


def grow(n, piece):
    s = ""
    lengths = []
    for i in range(n):
        s += piece
        if i % 1000 == 0:
            lengths.append(len(s))
    return s, lengths


s, lengths = grow(5000, "é€")
print(len(s), lengths[:3], s[:4], s[-4:], s.count("€"), hash(s) == hash("é€" * 5000))
s, _ = grow(100000, "x")
print(len(s), s == "x" * 100000, s.isascii())


def inline_to_heap():
    s = "a"
    out = []
    for i in range(60):
        s += str(i % 10)
        out.append(s)
    return out


out = inline_to_heap()
print(out[0], out[30], out[-1], len(out[-1]), out[-1].upper()[:5])


def mixed():
    s = "k"
    d = {}
    for i in range(5):
        s += "ey"
        d[s] = i
    return d, s


print(mixed())


def generator():
    s = "g"
    for i in range(3):
        s += str(i)
        yield s


print(list(generator()))
