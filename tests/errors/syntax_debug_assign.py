# __debug__ is never assigned: a compile-time SyntaxError.
print("never runs")
__debug__ = False
