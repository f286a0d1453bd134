# Tests uncaught KeyError deep inside nested dicts, reached from a loop in a function.
inventory = {"fruit": {"apple": 3, "pear": 0}, "veg": {"leek": 2}}

def count(category, item):
    return inventory[category][item]

def report(requests):
    for cat, item in requests:
        print(cat, item, count(cat, item))

report([("fruit", "apple"), ("veg", "leek"), ("veg", "onion")])
