# Small objects and float arithmetic: a recursive ray tracer. A vector class
# with operator dunders, spheres and a checkered plane, two point lights,
# Lambert and Phong shading, shadow rays and mirror reflections, rendering a
# small image whose pixels are summed into checksums.
#
# Checked results: the ray straight down the middle hits the centre sphere at
# the distance worked out by hand, and every pixel channel is in 0..255.

EPSILON = 1e-6


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y, self.z - other.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def cross(self, other):
        return Vec(self.y * other.z - self.z * other.y,
                   self.z * other.x - self.x * other.z,
                   self.x * other.y - self.y * other.x)

    def length(self):
        return self.dot(self) ** 0.5

    def normalized(self):
        return self * (1.0 / self.length())

    def reflect(self, normal):
        return self - normal * (2.0 * self.dot(normal))


class Color:
    __slots__ = ("r", "g", "b")

    def __init__(self, r, g, b):
        self.r = r
        self.g = g
        self.b = b

    def __add__(self, other):
        return Color(self.r + other.r, self.g + other.g, self.b + other.b)

    def __mul__(self, k):
        return Color(self.r * k, self.g * k, self.b * k)

    def tint(self, other):
        return Color(self.r * other.r, self.g * other.g, self.b * other.b)

    def to_bytes(self):
        return tuple(max(0, min(255, int(c * 255.0 + 0.5))) for c in (self.r, self.g, self.b))


BLACK = Color(0.0, 0.0, 0.0)
WHITE = Color(1.0, 1.0, 1.0)


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, other, *args):
        Material.__init__(self, *args)
        self.other = other

    def color_at(self, point):
        if (int(point.x + 1000.0) + int(point.z + 1000.0)) % 2 == 0:
            return self.color
        return self.other


class Sphere:
    def __init__(self, centre, radius, material):
        self.centre = centre
        self.radius = radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0.0:
            return None
        root = disc ** 0.5
        t = -b - root
        if t > EPSILON:
            return t
        t = -b + root
        if t > EPSILON:
            return t
        return None

    def normal_at(self, point):
        return (point - self.centre).normalized()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.normalized()
        self.material = material

    def intersect(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < EPSILON:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > EPSILON else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self, objects, lights, ambient):
        self.objects = objects
        self.lights = lights
        self.ambient = ambient

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def in_shadow(self, point, light):
        to_light = light.position - point
        distance = to_light.length()
        ray = Ray(point, to_light * (1.0 / distance))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < distance:
                return True
        return False

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            fade = 0.5 * (ray.direction.y + 1.0)
            return Color(0.2, 0.3, 0.5) * fade + Color(0.9, 0.9, 1.0) * (1.0 - fade)
        point = ray.at(t)
        normal = obj.normal_at(point)
        if normal.dot(ray.direction) > 0.0:
            normal = -normal
        material = obj.material
        base = material.color_at(point)
        result = base * self.ambient
        nudged = point + normal * 1e-4
        for light in self.lights:
            if self.in_shadow(nudged, light):
                continue
            to_light = (light.position - point).normalized()
            lambert = normal.dot(to_light)
            if lambert > 0.0:
                result = result + base.tint(light.color) * (lambert * material.diffuse)
            reflected = (-to_light).reflect(normal)
            spec = reflected.dot(-ray.direction)
            if spec > 0.0:
                result = result + light.color * (material.specular * spec ** material.shininess)
        if depth > 0 and material.reflect > 0.0:
            bounce = Ray(nudged, ray.direction.reflect(normal))
            result = result * (1.0 - material.reflect) + self.trace(bounce, depth - 1) * material.reflect
        return result


class Camera:
    def __init__(self, eye, target, up, width, height):
        self.eye = eye
        self.width = width
        self.height = height
        self.forward = (target - eye).normalized()
        self.right = self.forward.cross(up).normalized()
        self.up = self.right.cross(self.forward)

    def ray(self, px, py):
        aspect = self.width / self.height
        sx = (2.0 * (px + 0.5) / self.width - 1.0) * aspect * 0.6
        sy = (1.0 - 2.0 * (py + 0.5) / self.height) * 0.6
        direction = self.forward + self.right * sx + self.up * sy
        return Ray(self.eye, direction.normalized())


def build_scene():
    shiny = Material(Color(0.9, 0.2, 0.2), 0.7, 0.5, 30, 0.3)
    matte = Material(Color(0.2, 0.8, 0.3), 0.9, 0.1, 8, 0.0)
    mirror = Material(Color(0.8, 0.8, 0.9), 0.3, 0.9, 60, 0.6)
    floor = Checker(Color(0.1, 0.1, 0.1), Color(0.9, 0.9, 0.9), 0.8, 0.2, 10, 0.2)
    objects = [
        Sphere(Vec(0.0, 1.0, 0.0), 1.0, shiny),
        Sphere(Vec(-2.2, 0.7, 1.0), 0.7, matte),
        Sphere(Vec(2.0, 1.2, -1.5), 1.2, mirror),
        Sphere(Vec(0.8, 0.35, 2.0), 0.35, matte),
        Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor),
    ]
    lights = [
        Light(Vec(-5.0, 8.0, 6.0), Color(0.8, 0.8, 0.8)),
        Light(Vec(6.0, 5.0, 4.0), Color(0.4, 0.35, 0.3)),
    ]
    return Scene(objects, lights, 0.1)


def render(scene, camera):
    rows = []
    for py in range(camera.height):
        row = []
        for px in range(camera.width):
            row.append(scene.trace(camera.ray(px, py), 3).to_bytes())
        rows.append(row)
    return rows


def main():
    scene = build_scene()
    # A ray from (0, 1, 5) towards -z meets the unit sphere at (0, 1, 0)
    # after 5 - 1 = 4 units.
    obj, t = scene.nearest(Ray(Vec(0.0, 1.0, 5.0), Vec(0.0, 0.0, -1.0)))
    print("centre hit", obj is scene.objects[0], t == 4.0)
    camera = Camera(Vec(0.0, 2.0, 7.0), Vec(0.0, 0.8, 0.0), Vec(0.0, 1.0, 0.0), 168, 126)
    image = render(scene, camera)
    in_range = all(0 <= c <= 255 for row in image for pixel in row for c in pixel)
    print("size", len(image[0]), "x", len(image), "channels in range:", in_range)
    sums = [0, 0, 0]
    digest = 0
    for row in image:
        for pixel in row:
            for i in range(3):
                sums[i] += pixel[i]
            digest = (digest * 257 + pixel[0] * 65536 + pixel[1] * 256 + pixel[2]) % 2147483647
    print("channel sums", sums)
    print("centre pixel", image[63][84], "corner pixel", image[0][0])
    print("checksum", digest)


main()
