# Tests an exception raised in finally while another propagates (context chaining).
def close():
    raise OSError("close failed")

def process():
    try:
        raise ValueError("processing failed")
    finally:
        close()

process()
