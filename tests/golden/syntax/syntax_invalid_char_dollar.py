# Malformed: '$' is not a valid character in Python source.
price = 5
total = $price * 2
print(total)
