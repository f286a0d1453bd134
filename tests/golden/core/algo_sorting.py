# Tests hand-written bubble, insertion, merge and quick sort agreeing with sorted().
def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
def quick(a):
    if len(a) < 2:
        return a
    pivot, less, more, same = a[len(a) // 2], [], [], []
    for x in a:
        if x < pivot:
            less.append(x)
        elif x > pivot:
            more.append(x)
        else:
            same.append(x)
    return quick(less) + same + quick(more)
data = [38, 27, 43, 3, 9, 82, 10, -5, 27, 0, 100, -20]
for fn in (bubble, insertion, merge_sort, quick):
    r = fn(data)
    print(r, r == sorted(data))
print(data)
print(merge_sort(list("mergesort")), quick([3.5, -1, 2, 2.0, 0]))
