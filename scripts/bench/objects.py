# A small class-based particle simulation: instances with attributes,
# methods, inheritance with super(), special methods (__add__, __eq__,
# __repr__, __lt__ via sorted) and bound methods as values.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


class Body:
    count = 0

    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        Body.count += 1

    def step(self, dt):
        self.pos = self.pos + self.vel.scale(dt)

    def energy(self):
        return self.vel.x * self.vel.x + self.vel.y * self.vel.y


class Heavy(Body):
    def __init__(self, pos, vel, mass):
        super().__init__(pos, vel)
        self.mass = mass

    def energy(self):
        return self.mass * super().energy()

    def __lt__(self, other):
        return self.energy() < other.energy()


bodies = []
for i in range(40):
    p, v = Vec(i, -i), Vec(i % 3 - 1, i % 5 - 2)
    bodies.append(Heavy(p, v, i % 4 + 1) if i % 2 else Body(p, v))
heavies = [b for b in bodies if isinstance(b, Heavy)]
total = 0
for t in range(6000):
    for b in bodies:
        b.step(1)
    if t % 100 == 0:
        step = heavies[t % len(heavies)].step
        step(2)
        total += sum([b.energy() for b in bodies])
ranked = sorted(heavies)
print(Body.count, total, ranked[0].pos, ranked[-1].pos, bodies[3].pos == Vec(3 + 6000 * -1, -3 + 6000 * 1))
