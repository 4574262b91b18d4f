# Floats in a tight loop: the chaos game. Iterated function systems of
# weighted affine maps (Barnsley's fern, Sierpinski's triangle, a Heighway
# dragon) are played with a linear congruential generator written here,
# and the visited points are counted into a coarse raster.
#
# Checked results: the fern stays inside its known bounding box, no
# Sierpinski point lands inside the triangle's empty middle once the start
# point has been pulled onto the attractor, and the dragon keeps the
# mean its two maps imply: with z -> (1+i)z/2 and z -> 1 - (1-i)z/2 taken
# equally often, the mean m solves m = 1/2 + i m/2, so m = 0.4 + 0.2i.


class Lcg:
    """x' = (1664525 x + 1013904223) mod 2**32; uniform floats in [0, 1)."""

    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (1664525 * self.state + 1013904223) & 0xFFFFFFFF
        return self.state / 4294967296.0


class AffineMap:
    def __init__(self, a, b, c, d, e, f, weight):
        self.a = a
        self.b = b
        self.c = c
        self.d = d
        self.e = e
        self.f = f
        self.weight = weight

    def apply(self, x, y):
        return self.a * x + self.b * y + self.e, self.c * x + self.d * y + self.f


class Ifs:
    def __init__(self, name, maps):
        self.name = name
        self.maps = maps
        total = sum(m.weight for m in maps)
        self.cumulative = []
        acc = 0.0
        for m in maps:
            acc += m.weight / total
            self.cumulative.append(acc)
        self.cumulative[-1] = 1.0

    def pick(self, u):
        for i, bound in enumerate(self.cumulative):
            if u < bound:
                return self.maps[i]
        return self.maps[-1]


class Raster:
    def __init__(self, width, height, x0, y0, x1, y1):
        self.width = width
        self.height = height
        self.x0 = x0
        self.y0 = y0
        self.sx = width / (x1 - x0)
        self.sy = height / (y1 - y0)
        self.cells = [[0] * width for _ in range(height)]
        self.outside = 0

    def plot(self, x, y):
        col = int((x - self.x0) * self.sx)
        row = int((y - self.y0) * self.sy)
        if 0 <= col < self.width and 0 <= row < self.height:
            self.cells[row][col] += 1
        else:
            self.outside += 1

    def summary(self):
        lit = 0
        digest = 0
        for row in self.cells:
            for count in row:
                if count:
                    lit += 1
                digest = (digest * 131 + count) % 1000000007
        return lit, digest


def play(ifs, raster, rng, steps, burn_in, visit=None):
    x, y = 0.3, 0.3
    for i in range(steps):
        x, y = ifs.pick(rng.next()).apply(x, y)
        if i >= burn_in:
            raster.plot(x, y)
            if visit is not None:
                visit(x, y)
    return x, y


class Bounds:
    def __init__(self):
        self.lo_x = self.lo_y = float("inf")
        self.hi_x = self.hi_y = float("-inf")
        self.n = 0
        self.sum_x = 0.0
        self.sum_y = 0.0

    def __call__(self, x, y):
        self.n += 1
        self.sum_x += x
        self.sum_y += y
        if x < self.lo_x:
            self.lo_x = x
        if x > self.hi_x:
            self.hi_x = x
        if y < self.lo_y:
            self.lo_y = y
        if y > self.hi_y:
            self.hi_y = y


def fern(rng, steps):
    ifs = Ifs("fern", [
        AffineMap(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 0.01),
        AffineMap(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 0.85),
        AffineMap(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 0.07),
        AffineMap(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 0.07),
    ])
    raster = Raster(60, 100, -2.5, 0.0, 3.0, 10.5)
    bounds = Bounds()
    play(ifs, raster, rng, steps, 20, bounds)
    inside = (-2.2 < bounds.lo_x and bounds.hi_x < 2.7
              and 0.0 <= bounds.lo_y and bounds.hi_y < 10.0)
    print("fern inside its box:", inside, "x range %.2f %.2f y range %.2f %.2f"
          % (bounds.lo_x, bounds.hi_x, bounds.lo_y, bounds.hi_y))
    return raster


def sierpinski(rng, steps):
    ifs = Ifs("sierpinski", [
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.0, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.5, 0.0, 1.0),
        AffineMap(0.5, 0.0, 0.0, 0.5, 0.25, 0.5, 1.0),
    ])
    raster = Raster(64, 64, 0.0, 0.0, 1.0, 1.0)
    hole = [0]
    margin = 1e-6

    def visit(x, y):
        # The middle triangle (0.5, 0), (0.25, 0.5), (0.75, 0.5) is empty.
        if y < 0.5 - margin and y > 2.0 * (x - 0.5) + margin and y > 2.0 * (0.5 - x) + margin:
            hole[0] += 1

    play(ifs, raster, rng, steps, 40, visit)
    print("sierpinski points in the middle hole:", hole[0])
    return raster


def dragon(rng, steps):
    ifs = Ifs("dragon", [
        AffineMap(0.5, -0.5, 0.5, 0.5, 0.0, 0.0, 1.0),
        AffineMap(-0.5, -0.5, 0.5, -0.5, 1.0, 0.0, 1.0),
    ])
    raster = Raster(80, 56, -0.4, -0.45, 1.25, 0.75)
    bounds = Bounds()
    play(ifs, raster, rng, steps, 40, bounds)
    print("dragon mean %.2f %.2f, outside raster %d"
          % (bounds.sum_x / bounds.n, bounds.sum_y / bounds.n, raster.outside))
    return raster


def main():
    rng = Lcg(20240601)
    total = 0
    for raster in (fern(rng, 225000), sierpinski(rng, 135000), dragon(rng, 135000)):
        lit, digest = raster.summary()
        print("lit cells", lit, "digest", digest)
        total = (total * 7 + digest) % 1000000007
    print("checksum", total)


main()
