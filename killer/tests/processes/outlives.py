import multiprocessing
import time

def late():
    time.sleep(0.2)
    print("the child ends after the parent's last line")

multiprocessing.Process(target=late).start()
print("parent's last line")
