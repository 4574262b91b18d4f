# Constant folding (CPython's AST optimizer): folded expressions give the
# values python3 gives, and what must not fold still runs and raises.

print(-1, +1, ~1, not 1, not 0, -0.0, +(-0.0), ~True, -True, +True, not ())
print(2 ** 8, 'a' * 3, 3 * 'b', 1 << 10, 'ab' + 'cd', b'x' * 2, (1, 2) * 2)
print(7 // -2, 7 % -2, -7.5 // 2, -7.5 % 2, 2 ** -1, 1 >> 100, -1 >> 100)
print(True & False, True | False, True ^ True, True + True, True * 3)
print(1 + 2j, -2j, 1 - 2j, (1 + 2j) * 2, 2.5 * (1 - 1j), 1 / 3, 2 / 3)
print(10 ** 32, 10 ** 38, 2 ** 64, 2 ** 65, 2 ** 128 == 1 << 128)
print(len('ab' * 2048), len('ab' * 2049), len((1, 2) * 128), len((1, 2) * 129))
print((1, (2, 3), -4), (1, 2)[0], 'abc'[1], 'abc'[-1], b'ab'[0], 'é'[0])
print(1e308 * 10, -1e308 * 10, 0.1 + 0.2, 7.0 // 0.5, -0.0 * 1)
print(__debug__, not __debug__, 0 ** 0, 0 << 5, 5 << 0, 3 ** 0)
print(123456789012345678901234567890 + 1, -123456789012345678901234567890 // 7)
print((-8) ** 0.5, (-8) ** 2.0, 2.0 ** -2, 4 ** 0.5)
print(() * 5, '' * -1, (1,) * -1, (1, 2, 3)[-3], ((1, 2), 3)[0][1])

x = 3
print(x in [1, 2, 3], x not in (4, 5), x in {1, 2, 3}, x not in {-1, -2})
print(not x in [1, 2], not x is None, not (x is not None))
for item in [1, 'two', (3,)]:
    print(item, end=' ')
for item in [x, x + 1]:
    print(item, end=' ')
print([y * 2 for y in [1, 2, 3]], [y for y in {-1}])
print([1, 2, 3], [x, 2, 3], {-1: 'a', -2: 'b'}, {1: x, 2: x}, {1, 2, -3})
if not x in [1, 2]:
    print('not in')
while not 0:
    break
print(type(-1), type(not 1), type(~True), type(2 ** -1), type(True & True))


def must_raise(source):
    try:
        eval(source)
    except Exception as e:
        print(source, '->', type(e).__name__, e)


for source in ["1/0", "1//0", "1%0", "1.0/0", "0**-1", "-'a'", "~1.5",
               "'a' % 5", "(1,)[5]", "'abc'[10]", "1 << -1", "1 >> -1",
               "(1, 2) @ (3, 4)", "'a' + 1", "None + 1", "2 ** 0.5j ** 'x'",
               "'x'[1.5]", "(1, [2])[1][5]", "b'a'[3]"]:
    must_raise(source)

# Large results are computed at run time, not folded.
print(len('a' * 10 ** 6), (2 ** 10000) % 1000, len((0,) * 1000), (1 << 1000) >> 999)
print(len(b'ab' * 5000), 2 ** 200 // 2 ** 199, 10 ** 40 * 10 ** 40 == 10 ** 80)


def f():
    return (1, 2) + (3,), -5, 'x' * 2


print(f(), f.__code__.co_consts.count((1, 2, 3)) == 1, -5 in f.__code__.co_consts)
print(f.__code__.co_consts)
