# Tests a small closure-based "object" system with dict state and error handling.
def make_account(owner, balance=0):
    state = {"owner": owner, "balance": balance, "history": []}
    def deposit(amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        state["balance"] += amount
        state["history"].append(("dep", amount))
        return state["balance"]
    def withdraw(amount):
        if amount > state["balance"]:
            raise RuntimeError(f"insufficient funds: {state['balance']} < {amount}")
        state["balance"] -= amount
        state["history"].append(("wd", amount))
        return state["balance"]
    return {"deposit": deposit, "withdraw": withdraw, "state": state}
acct = make_account("ann", 100)
ops = [("deposit", 50), ("withdraw", 30), ("withdraw", 500), ("deposit", -5), ("deposit", 1)]
for name, amount in ops:
    try:
        result = acct[name](amount)
        print(f"{name:<8} {amount:>4} -> balance {result}")
    except (ValueError, RuntimeError) as e:
        print(f"{name:<8} {amount:>4} -> {type(e).__name__}: {e}")
print(acct["state"])
