# defaultdict: its factory is a member (no instance __dict__), made empty
# or from a mapping and keywords; copies, pickles, merges and misses as
# CPython's.
import collections, copy, pickle
d = collections.defaultdict(list, {'a': [1]}, b=[2])
d['c'].append(3)
print(d, d.default_factory, type(collections.defaultdict.default_factory).__name__)
for attempt in ("vars(d)",):
    try:
        exec(attempt)
        print(attempt, 'ok')
    except (AttributeError, TypeError) as e:
        print(attempt, type(e).__name__, e)
class Sub(collections.defaultdict):
    pass
s = Sub(int)
s.extra = 5
s['z'] += 1
print(s, s.extra)
print(copy.copy(d), copy.deepcopy(d), pickle.loads(pickle.dumps(d)))
print(pickle.loads(pickle.dumps(s)), collections.defaultdict(None)['x'] if False else 'skip')
try:
    collections.defaultdict(5)
except TypeError as e:
    print(e)
dd = collections.defaultdict()
try:
    dd['missing']
except KeyError as e:
    print('KeyError', e)
print(collections.defaultdict(int, [(1, 2)]), d | {'q': 1}, {'q': 1} | d)
d.default_factory = set
print(d['new'], d.__reduce__()[:2])
