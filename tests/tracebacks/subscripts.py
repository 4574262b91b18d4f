# Subscripts: ~ under the container, ^ under the brackets.
config = {"server": {"port": 8080}}


def lookup(section, key):
    return config[section][ key ]


def first(items):
    return items[0]


try:
    lookup("server", "host")
except KeyError:
    try:
        first([])
    except IndexError:
        grid = [[1, 2], [3, 4]]
        print(grid[1][2])
