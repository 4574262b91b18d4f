# List slicing: fannkuch-redux. For every permutation of 1..n (generated in
# the benchmark's rotation order), count the prefix reversals ("pancake
# flips", done by slice assignment) until 1 comes first; report the maximum
# and an alternating-sign checksum of the counts.
#
# Checked results: the published values, checksum 228 / 16 flips for n = 7,
# 1616 / 22 for n = 8 and 8629 / 30 for n = 9.

KNOWN = {7: (228, 16), 8: (1616, 22), 9: (8629, 30)}


def fannkuch(n):
    perm = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    odd = False
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        first = perm[0]
        if first:
            flipped = perm[:]
            flips = 0
            while first:
                flipped[:first + 1] = flipped[first::-1]
                flips += 1
                first = flipped[0]
            if flips > max_flips:
                max_flips = flips
            checksum += -flips if odd else flips
        # Next permutation: rotate the first r + 1 elements left until a
        # counter does not run out.
        while True:
            if r == n:
                return checksum, max_flips
            head = perm[0]
            perm[:r] = perm[1:r + 1]
            perm[r] = head
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        odd = not odd


def main():
    for n in (7, 8, 9):
        checksum, flips = fannkuch(n)
        print("n", n, "checksum", checksum, "max flips", flips, "known:", KNOWN[n] == (checksum, flips))


main()
