# complex numbers: literals, arithmetic with every numeric type, powers,
# comparisons, hashing, truthiness and the errors, as CPython 3.11 does.


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", repr(r))


print(3j, 1 + 2j, -2j, 0j, -0j, 1.5j, 1e300j, 1e-7j, 2.5e16j, 0.1j)
print(type(3j), type(1 + 2j).__name__, isinstance(1j, complex))
z = 3 + 4j
w = 1 - 2j
print(z + w, z - w, z * w, z / w, -z, +z, abs(z), z ** 2, z ** -1)
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z / 2, 2 / z)
print(z + 1.5, 1.5 + z, z - 0.5, 0.5 - z, z * 0.5, 0.5 * z, z / 0.25, 0.25 / z)
print(z + True, True + z, z * False, False * z)
big = 10 ** 20
print(z + big, big + z, z * big, big / z, z / big)
show("complex + huge int", lambda: z + 10 ** 400)
show("huge int * complex", lambda: 10 ** 400 * z)
print(z.real, z.imag, z.conjugate(), (1j).real, (1j).imag, type(z.real))
print((2j).conjugate(), (-0j).conjugate(), complex(1, -0.0).conjugate())

# Signed zeros and the mixed-type conversions that give them.
print(-0j + 1, 0j - 0j, -(0j), -0.0 + -0j, (-0.0) * 1j, 1j * -0.0)
print(complex(-0.0, -0.0), complex(0.0, -0.0), complex(-0.0, 0.0))
print(1j * 1j, 1j ** 2, (1 + 1j) ** 3, (1 + 1j) ** 0, 0j ** 0, (2 + 0j) ** 0.5)
print((1 + 2j) ** (3 + 4j), 2 ** (1 + 1j), 2.5 ** 1j, 1j ** 1j, (-1) ** 0.5)
print((-8) ** (1 / 3), (-2.0) ** 1.5, (-1.5) ** -0.5, pow(-4, 0.5), pow(1j, 3))
print((1.0000001 + 1e-7j) ** 150, (1.0000001 + 1e-7j) ** 50, (1 + 1j) ** -3)
print((1 + 1j) ** 100, (1 + 1j) ** 101, (1 + 1j) ** -100, (1 + 1j) ** 100.5)
print((3 + 4j) ** 0.5, (1e200 + 1e200j) ** 0.5, (1 + 1j) ** 1e-3)

# Division and power errors.
show("z / 0", lambda: z / 0)
show("z / 0j", lambda: z / 0j)
show("z / 0.0", lambda: z / 0.0)
show("1 / 0j", lambda: 1 / 0j)
show("0j ** -1", lambda: 0j ** -1)
show("0j ** 1j", lambda: 0j ** 1j)
show("0j ** -1.5", lambda: 0j ** (-1.5))
show("0 ** -1j", lambda: 0 ** (-1j))
show("0j ** 2", lambda: 0j ** 2)
show("big ** 1.5", lambda: (1e200 + 1e200j) ** 1.5)
show("big ** 3", lambda: (1e200 + 1j) ** 3)
show("inf ** 2", lambda: complex("inf") ** 2)
show("z // 2", lambda: z // 2)
show("2 // z", lambda: 2 // z)
show("z % 2", lambda: z % 2)
show("2.5 % z", lambda: 2.5 % z)
show("divmod(z, 2)", lambda: divmod(z, 2))
show("divmod(2, z)", lambda: divmod(2, z))
show("z << 1", lambda: z << 1)
show("z & 1", lambda: z & 1)
show("~z", lambda: ~z)
show("z @ z", lambda: z @ z)
show("z + 'a'", lambda: z + "a")
show("'a' + z", lambda: "a" + z)
show("[1] * z", lambda: [1] * z)
show("z * [1]", lambda: z * [1])
show("z + None", lambda: z + None)
show("pow(z, 2, 3)", lambda: pow(z, 2, 3))
show("pow(2, z, 3)", lambda: pow(2, z, 3))
show("pow(2, 3, z)", lambda: pow(2, 3, z))
show("pow(1.5, 2, z)", lambda: pow(1.5, 2, z))
show("pow(1.5, z, 2)", lambda: pow(1.5, z, 2))
show("pow(z, 'a', 2)", lambda: pow(z, "a", 2))
show("abs(huge)", lambda: abs(complex(1e308, 1e308)))
print(abs(complex(3e307, 4e307)), abs(complex("inf", "nan".replace("n", "n")) if False else 1j), abs(-0j))
print(abs(complex(float("inf"), float("nan"))), abs(complex(float("nan"), float("-inf"))), abs(complex(float("nan"), 1)))
x = 2 + 3j
x += 1
x *= 1j
x -= 2.5
x /= 2
x **= 2
print(x)
show("x //= 2", lambda: exec("y = 1j\ny //= 2"))

# Comparisons.
print(1 + 0j == 1, 1 == 1 + 0j, 1j == 1, 1.5 + 0j == 1.5, 1.5 == 1.5 + 0j, 1 + 0j != 1)
print(2 ** 53 + 1 + 0j == 2 ** 53 + 1, 2 ** 53 + 0j == 2 ** 53 + 1, complex(2.0 ** 80) == 2 ** 80)
print(complex(1e300) == 10 ** 300, 10 ** 400 == complex(1e300), True == 1 + 0j, 0j == False)
print(1j == 1j, 1j != 1j, 1j == "1j", 1j != None, (1 + 2j) == (1 + 2j), complex("nan") == complex("nan"))
print(1j in [1, 1j], [1j, 2] == [1j, 2], (1j,) == (1j,), {1j: "a"}[1j], 1j in {1j, 2})
for op in ["<", "<=", ">", ">="]:
    show("1j " + op + " 2j", lambda: eval("1j " + op + " 2j"))
    show("1j " + op + " 2", lambda: eval("1j " + op + " 2"))
    show("2.5 " + op + " 1j", lambda: eval("2.5 " + op + " 1j"))
show("sorted", lambda: sorted([1j, 2j]))
show("max", lambda: max(1j, 2j))

# Hashing: equal numbers hash alike.
print(hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(0j), hash(-0j))
print(hash(1j), hash(-1j), hash(1 + 1j), hash(2.5 - 3.25j), hash(complex(-1, 0)), hash(complex(1e300, -1e-300)))
print(hash(complex("inf")), hash(complex(0, float("-inf"))), hash(complex(-1, -1)))
print(len({1, 1 + 0j, 1.0, 2j, 2j, complex(0, 2)}), {0: "zero"}[0j])

# Truth.
print(bool(0j), bool(-0j), bool(1j), bool(1e-300 + 0j), bool(complex("nan")), not 0j, 0j or "empty")
print(sum([1j, 2, 3.5, 1 - 1j]), sum([1j, 2j], 1), sum([0.5, 1j]), sum([], 0j))
print(complex.__add__(1j, 2), complex.__radd__(1j, 2), complex.__mul__(2j, 1j), complex.__truediv__(1j, 2))
print(complex.__eq__(1j, 1j), complex.__ne__(1j, 2), complex.__lt__(1j, 2j), complex.__eq__(1j, "a"))
print(complex.__add__(1j, "a"), complex.__mul__(1j, [1]), complex.__rtruediv__(2j, 1), complex.__req__ if 0 else "")
print((1j).__add__(1), (1j).__rsub__(1), (2j).__pow__(2), (2j).__rpow__(2), (1j).__neg__(), (1j).__abs__())
print((3 + 4j).__bool__(), (0j).__bool__(), (1j).__hash__() == hash(1j), (1j).__repr__(), (1j).__str__())
print((1 + 2j).__getnewargs__(), (1j).__complex__(), complex.__complex__(2j))

# Powers with infinite and huge parts (CPython reports the C library's
# EDOM of cos/sin of an infinite phase as its ZeroDivisionError).
inf = float("inf")
nan = float("nan")
for a in [1j, 1 + 0j, 2 + 0j, 0.5 + 0.5j, -1 + 0j, complex(inf, 1), complex(nan, 1), complex(1e-300, 0)]:
    for b in [complex(inf, 0), complex(-inf, 0), complex(0, inf), complex(nan, 0), complex(0, nan),
              complex(1e308, 0), complex(0.5, 1e308), 150.5, complex(1, inf), 3, -2, 0]:
        show("%r ** %r" % (a, b), lambda: a ** b)
for a in [(1 + 1j) / complex(inf, 1), (1 + 1j) / complex(nan, 1), 1j / 1e-320, (1e300j) * (1e300j),
          complex(inf, 0) * 2, complex(inf, 1) * 1j, 1 / complex(inf, inf), complex(nan, 0) + 1]:
    print(a, end=" ")
print()
show("(-8.0).__pow__(0.5)", lambda: (-8.0).__pow__(0.5))
show("(0.5).__rpow__(-8.0)", lambda: (0.5).__rpow__(-8.0))
show("(-1e308) ** 1.5", lambda: (-1e308) ** 1.5)
show("(-inf) ** 0.5", lambda: (-inf) ** 0.5)
show("math.pow(-8, 1 / 3)", lambda: __import__("math").pow(-8, 1 / 3))


class MC(complex):
    pass


show("divmod(1j, MC(1))", lambda: divmod(1j, MC(1)))
show("MC(1) // 2", lambda: MC(1) // 2)
show("2 % MC(1)", lambda: 2 % MC(1))
show("MC(1) < 2", lambda: MC(1) < 2)
show("MC(1) >= MC(2)", lambda: MC(1) >= MC(2))
show("MC(1) + 'a'", lambda: MC(1) + "a")
show("complex.__format__(1j, 5)", lambda: complex.__format__(1j, 5))
y = MC(1, 2)
y += 1
y **= 2
print(type(y).__name__, y, -MC(1), type(-MC(1)).__name__, abs(MC(3, 4)), hash(MC(1)) == hash(1))
