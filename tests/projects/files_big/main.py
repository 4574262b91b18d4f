# A big file written line by line and read back in several ways.
N = 200000
with open('big.txt', 'w') as f:
    for i in range(N):
        f.write(f'{i} line number {i * 7 % 1000}\n')

count = 0
total = 0
with open('big.txt') as f:
    for line in f:
        count += 1
        total += int(line.split()[0])
print(count, total)

with open('big.txt') as f:
    lengths = 0
    while True:
        line = f.readline()
        if not line:
            break
        lengths += len(line)
    print(lengths, f.tell())

with open('big.txt') as f:
    text = f.read()
print(len(text), text.count('\n'), text[-25:])

with open('big.txt', 'rb') as f:
    n = sum(1 for _ in f)
print(n)

with open('big.txt') as f:
    chunks = 0
    while f.read(1000):
        chunks += 1
print(chunks)

with open('big.txt', 'a') as f:
    f.write('tail without newline')
with open('big.txt') as f:
    lines = f.readlines()
print(len(lines), repr(lines[-1]), repr(lines[-2]))
