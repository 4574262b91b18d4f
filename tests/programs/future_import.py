from __future__ import annotations
import __future__
def f(x: int) -> int: return x
print(f(2), __future__.annotations)
