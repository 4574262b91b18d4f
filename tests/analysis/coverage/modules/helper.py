"""Helpers imported by main."""


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value


def unused():
    return "never"


class Counter:
    def __init__(self):
        self.count = 0

    @property
    def doubled(self):
        return self.count * 2

    @staticmethod
    def label(n):
        return f"n={n}"

    def bump(self, by=1):
        self.count += by
        return self
