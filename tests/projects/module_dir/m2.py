a = 1
def __dir__():
    return ["z", "a"]
