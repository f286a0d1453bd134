# Tests a traffic-light state machine where states are instances with transition methods.
class State:
    def __init__(self, name, duration):
        self.name = name
        self.duration = duration
        self.next_state = None

    def __repr__(self):
        return f"<{self.name}:{self.duration}>"

class Light:
    def __init__(self):
        red = State("red", 3)
        green = State("green", 2)
        yellow = State("yellow", 1)
        red.next_state = green
        green.next_state = yellow
        yellow.next_state = red
        self.state = red
        self.remaining = red.duration
        self.log = []

    def tick(self):
        self.remaining -= 1
        if self.remaining == 0:
            self.state = self.state.next_state
            self.remaining = self.state.duration
            self.log.append(self.state.name)

    def run(self, n):
        seen = []
        for _ in range(n):
            seen.append(self.state.name[0])
            self.tick()
        return "".join(seen)

light = Light()
print("-- initial", light.state)
print("-- run", light.run(13))
print("-- transitions", light.log)
print("-- now", light.state, light.remaining)
