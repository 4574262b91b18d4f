class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def validate(record):
    if "name" not in record:
        raise ValidationError("name", "missing")
    return record


print(validate({"name": "ok"}))
validate({})
