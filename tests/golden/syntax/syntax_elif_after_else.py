# Malformed: 'elif' following 'else'.
x = 1
if x == 1:
    print("one")
else:
    print("other")
elif x == 2:
    print("two")
