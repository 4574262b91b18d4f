# Sorting: sorted() and list.sort() with key functions, tuples, reverse.


def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 18446744073709551616
        out.append(seed >> 33)
    return out


class Item:
    def __init__(self, name, price, qty):
        self.name = name
        self.price = price
        self.qty = qty

    def value(self):
        return self.price * self.qty


nums = lcg(42, 100000)
asc = sorted(nums)
desc = sorted(nums, reverse=True)
by_mod = sorted(nums, key=lambda n: (n % 1000, -n))
strs = sorted(str(n) for n in nums[:70000])
items = [Item("item%d" % (n % 5000), n % 997, n % 13) for n in nums[:90000]]
items.sort(key=Item.value)
items.sort(key=lambda it: it.name)
top = sorted(items, key=lambda it: (-it.qty, it.price, it.name))[:3]
records = [(n % 10, n % 7, n) for n in nums[:90000]]
records.sort()
stable = sorted(records, key=lambda r: r[1])

check = 0
for i in range(0, len(asc), 997):
    check = (check * 31 + asc[i] + desc[i] + by_mod[i]) % 1000000007

print("check", check)
print("strs", strs[0], strs[-1], strs[35000])
print("items", items[0].name, items[-1].name, [(t.name, t.price, t.qty) for t in top])
print("records", records[0], records[-1], stable[0], stable[-1])
