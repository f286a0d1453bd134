# Tests a bare `raise` in a method's handler re-raising a user exception, keeping the original traceback.
class RetryError(Exception):
    pass

class Client:
    def __init__(self):
        self.attempts = 0

    def request(self):
        self.attempts += 1
        raise RetryError(f"attempt {self.attempts} failed")

    def call(self):
        try:
            self.request()
        except RetryError as e:
            print("logging:", e)
            raise

c = Client()
c.call()
