# Sizes a program asks for that no memory holds: each is a Python
# exception (MemoryError, OverflowError, struct.error) as in CPython,
# never an abort of the process.
import hashlib
import os
import random
import struct

CASES = [
    'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 2**62)',
    'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 1, 2**64)',
    'hashlib.pbkdf2_hmac("sha256", b"p", b"s", 2**31, 1)',
    'hashlib.shake_128(b"").digest(2**62)',
    'hashlib.shake_256(b"").hexdigest(2**62)',
    "os.urandom(2**62)",
    'struct.pack("%dx" % 2**60)',
    'struct.pack("%ds" % 2**62, b"")',
    'struct.calcsize("%dq" % 2**61)',
    'struct.calcsize("%dx%dx" % (2**62, 2**62))',
    'b"x" * 2**62',
    'b"ab" * 2**62',
    '"x" * 2**62',
    '"ab" * 2**62',
    "bytearray(2**62)",
    "bytes(2**62)",
    "[0] * 2**62",
    "[1, 2] * 2**62",
    "(1,) * 2**62",
    '"x" * 2**100',
    '"\\ta".expandtabs(2**31)',
    'b"\\ta".expandtabs(2**31)',
    '"x".ljust(2**62)',
    '"x".center(2**62, "y")',
    '"x".zfill(2**62)',
    'b"x".zfill(2**62)',
    '"%*d" % (2**62, 1)',
    '"%*d" % (2**63, 1)',
    '"%.*f" % (2**31, 1.0)',
    '"%2000000000000d" % 1',
    'format(1, "2000000000000d")',
    '"{:2000000000000}".format(1)',
    '"{:>{}}".format("a", 2**62)',
    'format(1.0, ".2147483648f")',
    'format(1.5j, ".2147483648e")',
    'format(1.0, ".99999999999999999999")',
    "random.getrandbits(2**62)",
    "random.randbytes(2**62)",
    "1 << 2**40",
    "1 << 2**70",
    "(1).to_bytes(2**62, 'big')",
    "list(range(2**62))",
    "[*range(2**62)]",
    "x = []; x += range(2**62)",
    "x = [1, 2]; x[0:0] = range(2**62)",
]

for case in CASES:
    try:
        exec(case)
        print("no error:", case)
    except (MemoryError, OverflowError, ValueError, struct.error) as e:
        print(f"{type(e).__name__}: {e} <- {case}")

# Large precisions still give every digit, past what a double holds.
print(len(format(1.5, ".70000f")), format(1.5, ".70000f")[-3:])
print(len(format(1.5, ".70000e")), format(1.5, ".70000e")[-6:])
print(len(format(1.5, "#.70000g")), format(1.5, ".70000g"))
print(len("%.70000f" % 0.1), ("%.70000f" % 0.1)[:30])
print(format(2.0 ** -1074, ".1100f")[-20:], len(format(2.0 ** -1074, ".2000e")))
print(format(1e300, ".1200g")[:20], format(0.1, ".1200g")[-5:])
# Nested fields are numbered after the field's own value.
print("{:>{}}|{:{}{}}".format("a", 5, "b", "^", 5))
