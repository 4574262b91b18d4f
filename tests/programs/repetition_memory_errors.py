# Repeating a sequence past what memory holds is a MemoryError (or an
# OverflowError past the largest size), never an abort of the interpreter.
# The sizes are past any machine's address space, so the outcome does not
# depend on the machine.
makers = [
    ("str", lambda: "x" * 10**15),
    ("str of two", lambda: "xy" * 2**62),
    ("str past the largest size", lambda: "xy" * 2**63),
    ("bytes", lambda: b"x" * 10**15),
    ("bytearray", lambda: bytearray(b"x") * 10**15),
    ("list", lambda: [0] * 10**15),
    ("list of two", lambda: [0, 1] * 10**15),
    ("tuple", lambda: (0,) * 10**15),
]
for name, make in makers:
    try:
        make()
        print(name, "made")
    except (MemoryError, OverflowError) as e:
        print(name, type(e).__name__, e)

s = "ab"
s *= 3
b = bytearray(b"cd")
b *= 2
print(s, b, "é" * 3, b"" * 10**15, "" * 10**15)
