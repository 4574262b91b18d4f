class Broken:
    def __exit__(self, *args):
        return False

    def __enter__(self):
        return self


def handler():
    try:
        [][0]
    except IndexError:
        print(undefined)


handler()
