import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, repr(arg) if event != 'exception' else arg[0].__name__)
    return tracer
def gen():
    yield 1
    yield 2
def f(x):
    y = x + 1
    if y > 2:
        y = 0
    return y
def g():
    try:
        1/0
    except ZeroDivisionError:
        pass
    for i in range(2): pass
sys.settrace(tracer)
f(1)
for v in gen(): pass
g()
sys.settrace(None)
