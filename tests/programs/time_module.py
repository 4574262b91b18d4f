# The time module: clocks that only move forward, their types, and
# sleep's argument checks. Only relations between readings are printed,
# never the readings themselves.
import time

start = time.perf_counter()
start_ns = time.perf_counter_ns()
mono = time.monotonic()
mono_ns = time.monotonic_ns()
total = 0
for i in range(10000):
    total += i
print(total)
print(time.perf_counter() >= start, time.perf_counter_ns() >= start_ns)
print(time.monotonic() >= mono, time.monotonic_ns() >= mono_ns)
print(type(start).__name__, type(start_ns).__name__)
print(type(time.time()).__name__, type(time.time_ns()).__name__)

# Wall-clock time is past 2020 and the two forms agree to within a second.
now = time.time()
now_ns = time.time_ns()
print(now > 1.6e9, abs(now_ns / 1e9 - now) < 1.0)

before = time.monotonic()
print(time.sleep(0.01))
print(time.monotonic() - before >= 0.009)
time.sleep(0)

for bad in [-1, float("nan"), "1"]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

try:
    time.perf_counter(1)
except TypeError as e:
    print("TypeError")
for bad in (float("inf"), 1e10, 10**10):
    try:
        time.sleep(bad)
    except OverflowError as e:
        print("OverflowError", e)
for f in (time.time, time.monotonic_ns, time.perf_counter):
    try:
        f(1)
    except TypeError as e:
        print("TypeError", e)
