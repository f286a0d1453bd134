# Tests the uncaught TypeError from sorting instances that define no ordering methods.
class Task:
    def __init__(self, name, prio):
        self.name = name
        self.prio = prio

    def __repr__(self):
        return f"Task({self.name!r}, {self.prio})"

tasks = [Task("b", 2), Task("a", 1)]
print(sorted(tasks, key=lambda t: t.prio))
print(max(tasks, key=lambda t: t.name))
print(sorted(tasks))
