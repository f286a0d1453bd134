# Tests for-else: else runs after exhaustion, not after break; searching idiom.
def find_first_even(nums):
    for n in nums:
        if n % 2 == 0:
            print("found", n)
            break
    else:
        print("no even number in", nums)
find_first_even([1, 3, 4, 5])
find_first_even([1, 3, 5])
find_first_even([])
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for ch in "abc":
    continue
else:
    print("else after all-continue loop, ch =", ch)
