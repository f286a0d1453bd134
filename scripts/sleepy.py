# A script killed while it sleeps: time.sleep waits on the VM's attention
# word, so a kill wakes it at once instead of after 30 seconds.
#   vm run scripts/sleepy.py --kill-after 500ms   (ends ~0.5 s later, status 124)
import time

print("going to sleep for 30 seconds", flush=True)
try:
    time.sleep(30)
    print("slept the full 30 seconds")
finally:
    print("cleanup: woken up by the kill")
