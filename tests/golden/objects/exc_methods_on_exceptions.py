# Tests exception classes with methods, class attributes, classmethod constructors and properties.
class APIError(Exception):
    default_code = 500
    retryable = False

    def __init__(self, message, code=None):
        super().__init__(message)
        self.code = code if code is not None else self.default_code

    @classmethod
    def from_response(cls, resp):
        return cls(resp["error"], resp.get("code"))

    @property
    def is_client_error(self):
        return 400 <= self.code < 500

    def describe(self):
        return f"{type(self).__name__}[{self.code}] {self} retry={self.retryable}"

class RateLimited(APIError):
    default_code = 429
    retryable = True

class NotFound(APIError):
    default_code = 404

responses = [
    {"error": "too many requests"},
    {"error": "no such user", "code": 410},
    {"error": "boom"},
]
kinds = [RateLimited, NotFound, APIError]

for kind, resp in zip(kinds, responses):
    try:
        raise kind.from_response(resp)
    except APIError as e:
        print(e.describe(), "| client error:", e.is_client_error)

print("-- retry loop driven by the exception attribute")
attempts = [RateLimited("slow down"), RateLimited("slow down"), None]
for i, failure in enumerate(attempts):
    try:
        if failure:
            raise failure
        print("attempt", i, "succeeded")
        break
    except APIError as e:
        if not e.retryable:
            raise
        print("attempt", i, "retrying after", e.code)
