# struct.pack of ints out of range: CPython's message differs per code and
# byte order (on a little-endian machine `<` and `=` share the native
# packers where the sizes agree; `>` and `!` have their own).
import struct

values = [-1, -2**15 - 1, 2**16, 2**32, -2**63 - 1, 2**64]
for prefix in ["", "<", "=", ">", "!"]:
    for code in "bBhHiIlLqQ" + ("nNP" if prefix == "" else ""):
        outcomes = []
        for value in values:
            try:
                outcomes.append(list(struct.pack(prefix + code, value)))
            except struct.error as err:
                outcomes.append(f"error: {err}")
            except OverflowError as err:
                outcomes.append(f"OverflowError: {err}")
        print(repr(prefix + code), outcomes)
print(list(struct.pack("P", -1)), struct.unpack("P", struct.pack("P", -2))[0])
