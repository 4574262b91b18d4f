# A message ending in a newline prints a blank line after it (CPython
# writes the message, then a newline); a multi-line message prints as is,
# in a chain too.
def fail(message):
    raise ValueError(message)


try:
    fail("first\nsecond")
except ValueError as inner:
    try:
        raise KeyError("key\n") from inner
    except KeyError:
        fail("ends in a newline\n")
