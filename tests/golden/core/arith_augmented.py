# Tests augmented assignment operators on ints, floats, strings, lists, tuples.
x = 10
x += 5; print("+=", x)
x -= 3; print("-=", x)
x *= 4; print("*=", x)
x //= 5; print("//=", x)
x %= 7; print("%=", x)
x **= 3; print("**=", x)
x /= 4; print("/=", x)
n = 0b1111
n &= 0b1010; print("&=", n)
n |= 0b0101; print("|=", n)
n ^= 0b0011; print("^=", n)
n <<= 2; print("<<=", n)
n >>= 3; print(">>=", n)
s = "ab"
s += "cd"; print(s)
s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
