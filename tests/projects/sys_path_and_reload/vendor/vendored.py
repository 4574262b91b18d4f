print("vendored runs")
NAME = "vendored"
_hidden = 1
_count = 0
def counter():
    global _count
    _count += 1
    return _count
