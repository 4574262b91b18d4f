# os.cpu_count() answers a positive int on a host that knows (the krait
# command's does), as CPython's; concurrent.futures sizes pools from it.
import os
n = os.cpu_count()
print(type(n).__name__, n >= 1)
import concurrent.futures
with concurrent.futures.ThreadPoolExecutor() as pool:
    print(sorted(pool.map(abs, [-3, 1, -2])))
