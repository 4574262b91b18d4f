# Containers that hold themselves compare to a RecursionError, never a
# crash: dicts, lists, tuples through lists, and mixed nestings.
import operator

x = {}
x['foo'] = x
y = {}
y['foo'] = y
a = []
a.append(a)
b = []
b.append(b)
t1 = ([],)
t1[0].append(t1)
t2 = ([],)
t2[0].append(t2)
m1 = {'k': [None]}
m1['k'][0] = m1
m2 = {'k': [None]}
m2['k'][0] = m2
for left, right in [(x, y), (a, b), (t1, t2), (m1, m2)]:
    for op in (operator.eq, operator.ne):
        try:
            print(op(left, right))
        except RecursionError as e:
            print('RecursionError', e)
print(x == x, a == a, [x] == [x])
try:
    print(a < b)
except RecursionError as e:
    print('RecursionError', e)
for op in (operator.lt, operator.ge):
    try:
        op(x, y)
    except TypeError as e:
        print('TypeError', e)
