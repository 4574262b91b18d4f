# enumerate and zip over lists, tuples and ranges stepped by FOR_ITER
# without the general protocol: their items, the pair reused or kept,
# a zip that stops without stepping its second iterator, lists growing
# under the loop, and the same iterator taken up again.
letters = ['a', 'b', 'c']
for i, ch in enumerate(letters, start=10):
    print(i, ch)
    if ch == 'a':
        letters.append('d')
kept = []
for pair in enumerate((5, 6)):
    kept.append(pair)
print(kept, kept[0] is kept[1])
rest = iter([1, 2, 3, 4, 5])
for x, y in zip(range(2), rest):
    print('zip', x, y)
print('rest', list(rest))
e = enumerate(range(100, 106))
for i, v in e:
    if i == 2:
        break
print('next', next(e))
for i, v in e:
    print('again', i, v)
print(list(e), [p for p in zip((1, 2), [3])])
z = zip([1, 2, 3], (4, 5, 6))
print(next(z), [a * b for a, b in z], list(z))
big = enumerate(range(-3, 3, 2), -1)
print([(i, v) for i, v in big])
