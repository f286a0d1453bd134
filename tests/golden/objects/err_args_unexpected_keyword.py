# Tests the uncaught TypeError for an unexpected keyword passed through a **kwargs-forwarding wrapper.
def forward(fn):
    def wrapper(*args, **kwargs):
        print("forwarding", args, kwargs)
        return fn(*args, **kwargs)
    return wrapper

@forward
def resize(width, height, *, keep_ratio=True):
    return (width, height, keep_ratio)

print(resize(10, 20))
print(resize(10, height=5, keep_ratio=False))
print(resize(10, 20, ratio=False))
