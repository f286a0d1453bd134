# Tests caret placement for a failing subscript in a chain of subscripts.
data = {"users": [{"name": "ann", "tags": ["x"]}, {"name": "bob", "tags": []}]}
print(data["users"][0]["tags"][0])
print(data["users"][1]["tags"][0])
