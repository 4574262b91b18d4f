X = 5
def twice(n):
    return 2 * n
