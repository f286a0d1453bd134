# Tests iterative and recursive binary search, including absent values and boundaries.
def bsearch(a, target):
    lo, hi = 0, len(a) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if a[mid] == target:
            return mid, steps
        if a[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
def bsearch_rec(a, target, lo, hi):
    if lo > hi:
        return -(lo + 1)
    mid = (lo + hi) // 2
    if a[mid] == target:
        return mid
    if a[mid] < target:
        return bsearch_rec(a, target, mid + 1, hi)
    return bsearch_rec(a, target, lo, mid - 1)
arr = list(range(0, 100, 3))
for t in (0, 3, 51, 99, 4, -1, 1000):
    print(t, bsearch(arr, t), bsearch_rec(arr, t, 0, len(arr) - 1))
print(bsearch([], 1), bsearch([5], 5))
