# Tests an event bus storing bound methods and lambdas as callbacks, then dispatching with *args/**kwargs.
class EventBus:
    def __init__(self):
        self.handlers = {}

    def on(self, event, handler):
        self.handlers.setdefault(event, []).append(handler)

    def emit(self, event, *args, **kwargs):
        results = []
        for h in self.handlers.get(event, []):
            results.append(h(*args, **kwargs))
        return results

class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []

    def log(self, msg, level="info"):
        line = f"{self.prefix}[{level}] {msg}"
        self.lines.append(line)
        return line

class Stats:
    def __init__(self):
        self.count = 0

    def bump(self, *args, **kwargs):
        self.count += 1
        return self.count

bus = EventBus()
log_a = Logger("A")
log_b = Logger("B")
stats = Stats()
bus.on("msg", log_a.log)
bus.on("msg", log_b.log)
bus.on("msg", stats.bump)
bus.on("other", lambda *a, **k: f"lambda got {a} {k}")

print("-- emit with positional")
print(bus.emit("msg", "hello"))
print("-- emit with keyword")
print(bus.emit("msg", "disk low", level="warn"))
print("-- other events")
print(bus.emit("other", 1, x=2))
print(bus.emit("none"))
print("-- state in the instances")
print(log_a.lines)
print(log_b.lines[-1], stats.count)
