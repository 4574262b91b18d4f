# krait taint --source read_secret --sink leak --implicit
# Implicit flows: values a branch on a labelled condition decides. Each
# `leak(...)` says whether the report names it (FLOW) or not (CLEAN);
# without --implicit only the EXPLICIT one is reported (checked by
# `tests/analysis.rs`).


def read_secret():
    return "s3cret"


def leak(*values):
    pass


def is_admin(name):
    if name == "root":
        return True
    return False


def check(value):
    if value == "x":
        raise ValueError("bad")
    return "ok"


secret = read_secret()

# A value chosen by a branch on the secret.
if secret.startswith("s"):
    guess = 1
else:
    guess = 0
leak(guess)  # FLOW

# Once the branch's ways have joined, stores carry nothing.
after = 42
leak(after)  # CLEAN

# A function's result decided by its labelled argument.
leak(is_admin(secret))  # FLOW
leak(is_admin("root"))  # CLEAN

# A loop whose number of passes is the secret's length.
count = 0
for ch in secret:
    count += 1
leak(count)  # FLOW

# A sink called inside the branch, and after it.
if len(secret) > 3:
    leak("long")  # FLOW
leak("done")  # CLEAN

# A while loop on a labelled condition.
n = 0
while n < len(secret):
    n += 1
leak(n)  # FLOW

# Returning at all says the check passed: the result carries its label.
status = check(secret)
leak(status)  # FLOW
leak(check("y"))  # CLEAN

# The explicit flow is reported as always.
leak(secret)  # FLOW EXPLICIT

# A conditional expression: the value either way leaves on the stack.
label = "long" if len(secret) > 3 else "short"
leak(label)  # FLOW
