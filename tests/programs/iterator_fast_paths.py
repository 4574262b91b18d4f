# Fast paths of FOR_ITER, zip and tuple unpacking keep CPython's results:
# exhausted list iterators stay exhausted, zip pairs kept by the program
# stay distinct, tuple items go to the right targets (including the
# tuple's own variable).
def f():
    t = (1, 2, 3)
    a, b, c = t
    print(a, b, c)
    t = (t, 5)
    t, d = t
    print(t, d)
    class O: pass
    o = O()
    x, o.y = (7, 8)
    print(x, o.y)
    a, (b, c) = (1, (2, 3))
    print(a, b, c)
    for i, (j, k) in enumerate(zip("ab", "cd")):
        print(i, j, k)
    z = zip([1,2],[3,4]); p = next(z); q = next(z); print(p, q, p is q)
    z = zip([1,2],[3,4]); ps = list(z); print(ps)
    l = [1]; it = iter(l); print(list(it)); l.append(2); print(list(it))
    l = [1]; it = iter(l)
    for x in it: pass
    l.append(2)
    for x in it: print("again", x)
    try:
        a, b = (1, 2, 3)
    except ValueError as e: print(e)
    print(list(zip(range(3), "abc", [0.5, 1.5])))
    try: zip(1, [])
    except TypeError as e: print(e)
    print(list(zip([1, 2], strict=True)))
    try: list(zip([1, 2], [1], strict=True))
    except ValueError as e: print(e)
f()
