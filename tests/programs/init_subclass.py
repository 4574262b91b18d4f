class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.registry[key or cls.__name__.lower()] = cls

class Csv(Plugin, key="csv"):
    pass

class Json(Plugin):
    pass

class Pretty(Json, key="pretty"):
    pass

print(sorted(Plugin.registry), Plugin.registry["csv"].__name__)
try:
    class Bad(key=1):
        pass
except TypeError as e:
    print("TypeError:", e)
