# Fixed-point float formatting (f-strings, format(), %, round()) on short
# values, ties, near-ties, huge and tiny magnitudes and negative zero.
values = [0.0, -0.0, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.1, 1 / 3, 1e15 + 0.5,
          1e16, 1e22, 1e23, 123456789.125, 9.995, 5e-324, 1e-7, 3.0, -7.25, 1e300]
for x in values:
    print(f"{x:.2f}|{x:.0f}|{x:.5f}|{x:+.1f}|{x:10.3f}|{x:,.2f}|{x:.3%}|{x:g}|{x:.3g}|{x:#.0f}")
    print("%.2f %.0f %8.4f %-8.1f| %e" % (x, x, x, x, x))
    print(round(x, 2), round(x, 1), round(x), format(x, ".1f"), format(x, "z.1f"))
for k in range(-20, 21):
    x = k / 8
    print(f"{x:.3f}", f"{x:.1f}", round(x, 1), end="  ")
print()
print([f"{i / 100:.2f}" for i in range(0, 300, 7)])
print([f"{i * 0.1:.1f}" for i in range(30)])
