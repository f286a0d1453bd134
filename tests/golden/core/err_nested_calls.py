# Tests a traceback through three nested function frames ending in an IndexError.
def get_item(items, index):
    return items[index]

def middle(items):
    first = get_item(items, 0)
    last = get_item(items, len(items))
    return first, last

def outer():
    data = [1, 2, 3]
    print("calling middle")
    return middle(data)

print("start")
outer()
print("never printed")
