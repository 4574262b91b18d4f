# sys.setprofile and sys.settrace see a generator resumed by throw() or close()
# start ('call') before its exception and return, as CPython reports it.
import sys
def gen():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "caught"
def gen2(): yield 1
for mode in ("profile", "trace"):
    ev = []
    def hook(f, e, a):
        if e in ('call', 'return', 'exception') and f.f_code.co_name.startswith('gen'):
            ev.append((e, f.f_code.co_name))
        return hook if mode == "trace" else None
    (sys.setprofile if mode == "profile" else sys.settrace)(hook)
    g = gen2(); next(g); g.close()
    g = gen(); next(g); r = g.throw(ValueError); g.close()
    g = gen(); next(g)
    try: g.throw(KeyError)
    except KeyError: pass
    (sys.setprofile if mode == "profile" else sys.settrace)(None)
    print(mode, r, ev)
