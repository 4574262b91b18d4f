# Binary files read into a writable buffer: readinto and readinto1.
import array
import os
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "data.bin")
    with open(path, "wb") as f:
        f.write(bytes(range(10)))
    with open(path, "rb") as f:
        b = bytearray(4)
        print(f.readinto(b), b)
        m = memoryview(bytearray(8))
        print(f.readinto1(m), bytes(m))
        print(f.readinto(b), f.read())
        try:
            f.readinto(b"xx")
        except TypeError as e:
            print(e)
    with open(path, "r+b", buffering=0) as f:
        b = bytearray(3)
        print(f.readinto(b), b)
    with open(path, "rb") as f:
        a = array.array("b", [0] * 5)
        print(f.readinto(a), a)
    with open(path, "w") as f:
        f.write("text")
    with open(path) as f:
        try:
            f.readinto(bytearray(2))
        except AttributeError as e:
            print("AttributeError")
