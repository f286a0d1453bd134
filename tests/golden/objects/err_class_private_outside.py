# Tests the AttributeError when reading a mangled private attribute by its unmangled name from outside.
class Safe:
    def __init__(self, code):
        self.__code = code

    def check(self, guess):
        return guess == self.__code

s = Safe(1234)
print(s.check(1), s.check(1234), s._Safe__code)
print(s.__code)
