print("plugin one loading as", __name__)
def run():
    return "plugin one ran"
