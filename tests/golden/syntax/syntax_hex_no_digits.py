# Malformed: hexadecimal literal with no digits (0x).
mask = 0xff
other = 0x
print(mask)
