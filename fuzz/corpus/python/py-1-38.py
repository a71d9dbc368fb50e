def bounds(values):
    lo = values[0]
    hi = values[0]
    for v in values:
        if v < lo:
            lo = v
        if v > hi:
            hi = v
    return lo, hi

print(bounds([-20, 18, -13, 1]))
lo, hi = bounds((1, -13, 18, -20))
print(hi - lo)

grid = [[-8, 9, -5], [-9, -1, 3], [-1, -6, 5]]
grid[2][0] = 45
grid[0].append(2.1)
print(grid)
print(grid[1], grid[-1][0], len(grid), len(grid[0]))

point = (-9, -1.9)
single = (18,)
empty = ()
print(point, single, empty)
print(len(point), point[0], point[-1], len(single))
x, y = point
print(x, y)
pair = 7, "plum"
print(pair, pair[1])
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested[0], len(nested))
