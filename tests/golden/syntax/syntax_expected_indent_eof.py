# Malformed: file ends right after a block opener (no body at all).
print("start")
def unfinished():
