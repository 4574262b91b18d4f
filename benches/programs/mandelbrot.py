# Float arithmetic: count the points of a grid inside the Mandelbrot set.


def mandel(width, height, limit):
    inside = 0
    total_iter = 0
    for y in range(height):
        ci = 2.0 * y / height - 1.0
        for x in range(width):
            cr = 2.5 * x / width - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < limit:
                tr = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = tr
                if zr * zr + zi * zi > 4.0:
                    break
                i += 1
            total_iter += i
            if i == limit:
                inside += 1
    return inside, total_iter


inside, iters = mandel(400, 300, 100)
print(f"inside {inside} iterations {iters}")
