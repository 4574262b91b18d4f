import io
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, 'data.bin')
    with open(path, 'wb') as out:
        out.write(b'abc')
    f = io.FileIO(path)
    print(f.read(), f.closefd, f.mode)
    f.close()
    print(f.closefd, f.closed)
    fd = os.open(path, os.O_RDONLY)
    g = io.FileIO(fd, closefd=False)
    print(g.closefd, g.read())
    g.close()
    print(os.read(fd, 1) == b'', os.lseek(fd, 0, 0))
    os.close(fd)
    raw = open(path, 'rb', buffering=0)
    print(type(raw).__name__, raw.closefd)
    raw.close()
    buffered = open(path, 'rb')
    print(hasattr(buffered, 'closefd'), buffered.raw.closefd)
    buffered.close()
