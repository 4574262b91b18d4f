# An expression spanning lines is marked from its start to the end of its
# first line.
def area(width, height):
    return (width *
            height)


area(3, "4" if False else None)
