# Tests uncaught TypeError from str.join on a list of ints.
nums = [1, 2, 3]
print(len(nums))
print(",".join([1, 2]))
