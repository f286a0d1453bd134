# Tests using lists as a stack and a queue (append/pop/pop(0)/insert).
stack = []
for ch in "abc":
    stack.append(ch)
    print("push", ch, stack)
while stack:
    print("pop", stack.pop(), stack)
queue = []
for n in range(1, 5):
    queue.append(n * 10)
print("queue", queue)
while len(queue) > 0:
    front = queue.pop(0)
    print("serve", front, "left", queue)
    if front == 20:
        queue.insert(0, 15)
