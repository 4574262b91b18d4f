# Float loops and function calls: the spectral norm of the infinite matrix
# A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by ten
# rounds of the power method on A^T A.
#
# Checked result: the published 1.274219991 for n = 100 (the limit is
# 1.2742241528...).


def entry(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def times(u):
    n = len(u)
    return [sum([entry(i, j) * u[j] for j in range(n)]) for i in range(n)]


def times_transposed(u):
    n = len(u)
    return [sum([entry(j, i) * u[j] for j in range(n)]) for i in range(n)]


def times_ata(u):
    return times_transposed(times(u))


def spectral_norm(n):
    u = [1.0] * n
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


def main():
    norm = spectral_norm(100)
    print("n 100: %.9f" % norm, "known:", "%.9f" % norm == "1.274219991")
    for n in (120, 140, 160):
        print("n %d: %.9f" % (n, spectral_norm(n)))


main()
