# Tests a traceback through a classmethod alternate constructor calling a staticmethod that raises.
class Color:
    def __init__(self, r, g, b):
        self.rgb = (r, g, b)

    def __repr__(self):
        return f"Color{self.rgb}"

    @staticmethod
    def parse_hex(s):
        return int(s, 16)

    @classmethod
    def from_hex(cls, text):
        text = text.lstrip("#")
        return cls(cls.parse_hex(text[0:2]), cls.parse_hex(text[2:4]), cls.parse_hex(text[4:6]))

print(Color.from_hex("#ff8000"))
print(Color.from_hex("#12zz34"))
