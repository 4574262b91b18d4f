answer = 42
def __getattr__(name):
    if name.startswith("dynamic"):
        return "made " + name
    raise AttributeError(f"module {__name__!r} has nothing called {name!r}")
