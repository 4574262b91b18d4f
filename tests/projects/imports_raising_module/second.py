def fail(n):
    return {}["key %d" % n]
fail(3)
