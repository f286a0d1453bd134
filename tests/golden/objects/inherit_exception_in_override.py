# Tests exception handling across overridden methods: subclass catches base errors, base catches subclass errors.
class ParseError(Exception):
    pass

class Parser:
    def parse(self, text):
        try:
            return self.convert(text)
        except ParseError as e:
            return f"<{type(self).__name__} could not parse: {e}>"

    def convert(self, text):
        return text

class IntParser(Parser):
    def convert(self, text):
        if not text.lstrip("-").isdigit():
            raise ParseError(repr(text))
        return int(text)

class PositiveParser(IntParser):
    def convert(self, text):
        value = super().convert(text)
        if value <= 0:
            raise ParseError(f"{value} is not positive")
        return value

for parser in [Parser(), IntParser(), PositiveParser()]:
    print(type(parser).__name__, [parser.parse(t) for t in ["12", "-3", "x"]])
