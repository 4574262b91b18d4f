# krait taint --source read_secret --sink leak --sanitizer redact
# Each `leak(...)` call says in its comment whether a labelled value
# reaches it (FLOW) or not (CLEAN); the expected report lists exactly the
# FLOW lines.


def read_secret():
    return "s3cret"


def leak(*values):
    pass


def redact(text):
    return "*" * len(text)


def identity(value):
    return value


def first(items):
    for item in items:
        return item


def evens(values):
    for value in values:
        yield value


class Holder:
    def __init__(self, value):
        self.value = value


secret = read_secret()
public = "hello"

leak(secret)                                # FLOW: direct
leak(public)                                # CLEAN
copy = secret
leak(copy)                                  # FLOW: through a local
leak(identity(secret))                      # FLOW: argument and return
leak(identity(public))                      # CLEAN
leak(secret.upper()[1:])                    # FLOW: str method, slicing
leak(f"<{secret}>", public + "!")           # FLOW: f-string
leak("%s!" % public)                        # CLEAN
items = [public, secret]
leak(items[1])                              # FLOW: list item
leak([p for p in [public]])                 # CLEAN
table = {"key": secret}
leak(table["key"])                          # FLOW: dict value
bag = []
bag.append(secret)
leak(first(bag))                            # FLOW: list.append, iteration
holder = Holder(public)
holder.extra = secret
leak(holder.extra)                          # FLOW: attribute
leak(Holder(public).value)                  # CLEAN
leak(list(evens([secret])))                 # FLOW: generator
leak(redact(secret))                        # CLEAN: sanitizer


def make_reader():
    captured = read_secret()

    def reader():
        return captured

    return reader


leak(make_reader()())                       # FLOW: closure
try:
    raise ValueError(secret)
except ValueError as error:
    leak(error)                             # FLOW: exception
leak(len(public))                           # CLEAN
