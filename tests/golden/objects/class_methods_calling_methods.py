# Tests methods calling other methods on self, recursion through methods, and chained method calls.
class Text:
    def __init__(self, s):
        self.s = s

    def words(self):
        return self.s.split()

    def word_count(self):
        return len(self.words())

    def longest(self):
        best = ""
        for w in self.words():
            if len(w) > len(best):
                best = w
        return best

    def summary(self):
        return f"{self.word_count()} words, longest {self.longest()!r}"

    def upper(self):
        return Text(self.s.upper())

    def strip_vowels(self):
        return Text("".join(ch for ch in self.s if ch.lower() not in "aeiou"))

    def get(self):
        return self.s

class Math:
    def fact(self, n):
        if n <= 1:
            return 1
        return n * self.fact(n - 1)

    def fib(self, n):
        return n if n < 2 else self.fib(n - 1) + self.fib(n - 2)

    def table(self, n):
        return [(i, self.fact(i), self.fib(i)) for i in range(n)]

print("-- methods using other methods")
t = Text("the quick brown fox jumped")
print(t.words())
print(t.summary())

print("-- chained calls")
print(t.upper().strip_vowels().get())
print(Text("a b c").upper().upper().get())

print("-- recursion through self")
m = Math()
print(m.fact(10), m.fib(15))
for row in m.table(6):
    print(row)
