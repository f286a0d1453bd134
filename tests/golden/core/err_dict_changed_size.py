# Tests uncaught RuntimeError for a dict changing size during iteration.
stock = {"apples": 0, "pears": 3, "plums": 0}
for fruit in stock:
    print("checking", fruit)
    if stock[fruit] == 0:
        del stock[fruit]
