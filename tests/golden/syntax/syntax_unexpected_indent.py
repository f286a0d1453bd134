# Malformed: a line indented for no reason (unexpected indent).
total = 0
    total += 1
print(total)
