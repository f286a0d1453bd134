# Tests negative zero: printing, equality, arithmetic producing -0.0.
z = -0.0
print(z, repr(z), str(z), abs(z), -z, 0.0 * -1, -1 * 0.0)
print(z == 0.0, z == 0, z < 0, 0.0 == -0.0)
print(round(-0.4), round(-0.4, 1), -0.0 + 0.0, -0.0 - 0.0, -0.0 + -0.0)
print([z, 0.0], (z,), f"{z}", f"{z:.2f}", f"{z:+.1f}")
print(int(z), -0, 0 * -1)
print(-1e-320 * 1e-10, round(-0.001, 2), -0.0 // 1, 0.0 // -1)
print(max(0.0, -0.0), max(-0.0, 0.0), min(0.0, -0.0))
