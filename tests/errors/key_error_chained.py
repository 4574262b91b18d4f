config = {"host": "localhost"}
try:
    port = config["port"]
except KeyError:
    raise RuntimeError("port is not configured")
