class ValidationError(ValueError):
    def __init__(self, field):
        super().__init__(f"invalid field: {field}")
        self.field = field


def validate(record):
    for key, value in record.items():
        if value is None:
            raise ValidationError(key)


validate({"name": "x", "age": None})
