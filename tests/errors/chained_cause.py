def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"no setting {key!r}") from e


load("b")
