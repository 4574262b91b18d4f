# krait taint --source read_secret --sink leak
# Labels across a generator's suspension (its locals, its loop's iterator
# and the value `send` gives it keep their labels from one `yield` to the
# next resumption), and Python functions that lazy native iterators (`map`,
# `filter`) call back while a loop runs them. Each `leak(...)` says whether
# a labelled value reaches it (FLOW) or not (CLEAN).


def read_secret():
    return "s3cret"


def leak(*values):
    pass


SHELF = []


def keeps_a_local():
    value = SHELF[0]
    yield "first"
    yield "second"
    leak(value)                         # FLOW: a local kept across yields
    yield "done"


def keeps_a_clean_local():
    value = "public"
    yield "first"
    leak(value)                         # CLEAN: nothing labelled in it
    yield "done"


def receives():
    got = yield "ready"
    kept = got + "?"
    yield "stored"
    leak(kept)                          # FLOW: what send() gave it
    yield "done"


def receives_clean():
    got = yield "ready"
    kept = "fixed"
    yield "stored"
    leak(kept, got)                     # CLEAN: send() gave a clean value
    yield "done"


def walks(items):
    for item in items:
        yield item
        leak(item)                      # FLOW: its loop's labelled item


def shout(text):
    leak(text)                          # FLOW: called back by map()
    return text.upper()


def whisper(text):
    leak(text)                          # CLEAN: map() over clean items
    return text.lower()


def is_long(text):
    leak(text)                          # FLOW: called back by filter()
    return len(text) > 3


SHELF.append(read_secret())
for step in keeps_a_local():
    pass
for step in keeps_a_clean_local():
    pass
g = receives()
next(g)
g.send(SHELF[0])
next(g)
c = receives_clean()
next(c)
c.send("plain")
next(c)
for value in walks([SHELF[0]]):
    pass
for word in map(shout, [SHELF[0]]):
    leak(word)                          # FLOW: map()'s result
for word in map(whisper, ["A", "B"]):
    leak(word)                          # CLEAN
for word in filter(is_long, SHELF):
    pass
print("done")
