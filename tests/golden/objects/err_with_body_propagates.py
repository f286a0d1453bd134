# Tests an uncaught exception from a with body: __exit__ runs (prints) before the traceback.
class Session:
    def __init__(self, user):
        self.user = user

    def __enter__(self):
        print(f"login {self.user}")
        return self

    def __exit__(self, exc_type, exc, tb):
        print(f"logout {self.user} (error: {exc_type.__name__ if exc_type else None})")
        return False

    def query(self, table):
        if table != "users":
            raise PermissionError(f"{self.user} may not read {table}")
        return ["ann", "bob"]

with Session("guest") as s:
    print(s.query("users"))
    print(s.query("salaries"))
print("unreachable")
