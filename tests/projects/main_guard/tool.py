print("tool imported as", __name__)
def describe():
    return "tool " + __name__
if __name__ == "__main__":
    print("never printed on import")
