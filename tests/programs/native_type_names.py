# Declared native types of modules are named with their module in messages,
# as CPython's C types are (tp_name), while __name__ stays bare.
import collections, array, re, itertools, operator, functools
for f in [lambda: collections.deque() + 1, lambda: array.array('i') + 1, lambda: re.compile('a') + 1, lambda: itertools.count() + 1, lambda: operator.itemgetter(1) + 1, lambda: len(itertools.count()), lambda: collections.deque()(), lambda: hash(collections.deque())]:
    try: f()
    except TypeError as e: print(e)
import collections, decimal
print(collections.deque.__name__, decimal.Decimal.__name__, decimal.Decimal.__qualname__, collections.deque, decimal.Context)
try:
    decimal.Decimal(1).foo
except AttributeError as e:
    print(e)
