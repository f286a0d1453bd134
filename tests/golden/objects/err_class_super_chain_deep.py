# Tests a traceback through a three-level super() call chain where the base method fails.
class Base:
    def process(self, data):
        return data["value"] * 2

class Middle(Base):
    def process(self, data):
        print("Middle.process")
        return super().process(data) + 1

class Top(Middle):
    def process(self, data):
        print("Top.process")
        return super().process(data) * 10

t = Top()
print(t.process({"value": 3}))
print(t.process({"val": 3}))
