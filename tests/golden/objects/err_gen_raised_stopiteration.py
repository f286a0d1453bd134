# Tests the RuntimeError traceback when StopIteration escapes a generator body (chained with the StopIteration).
def first_items(iterables):
    for it in iterables:
        yield next(iter(it))

print(list(first_items([[1, 2], "ab"])))
print(list(first_items([[1], [], [3]])))
