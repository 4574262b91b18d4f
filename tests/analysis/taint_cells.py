# krait taint --source read_secret --sink leak
# Variables closures share (cells): a cell holds the label of what was last
# stored in it, by the cell itself, so two closures made by one factory
# keep their own. Each `leak(...)` says whether a labelled value reaches
# it (FLOW) or not (CLEAN).


def read_secret():
    return 7


def leak(*values):
    pass


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    def read():
        return count

    return bump, read


def make_holder(value):
    held = value

    def get():
        return held

    def put(new):
        nonlocal held
        held = new

    return get, put


secret = read_secret()
bump_a, read_a = make_counter()
bump_b, read_b = make_counter()
bump_a(secret)
bump_b(1)
leak(read_a())                          # FLOW: bumped by the secret
leak(read_b())                          # CLEAN: another counter's cell
get, put = make_holder(secret)
leak(get())                             # FLOW: made with the secret
put("plain")
leak(get())                             # CLEAN: replaced
get_clean, put_clean = make_holder("plain")
leak(get_clean())                       # CLEAN
put_clean(secret)
leak(get_clean())                       # FLOW: stored by another closure
for i in range(3):
    bump_b(i)
leak(read_b())                          # CLEAN


def captures(parameter):
    def inner():
        return parameter
    return inner()


leak(captures(secret))                  # FLOW: a parameter in a cell
leak(captures(1))                       # CLEAN
print(read_a(), read_b(), get(), get_clean())
