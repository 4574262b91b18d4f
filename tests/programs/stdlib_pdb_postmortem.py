import io, os, sys, pdb

# This file's name as its code objects carry it (also when run from a
# compiled .kbc, whose __file__ differs).
HERE = os.path.abspath(sys._getframe().f_code.co_filename)


def boom(x):
    y = x - 1
    return 10 / y


def caller():
    return boom(1)


try:
    caller()
except ZeroDivisionError:
    tb = sys.exc_info()[2]

out = io.StringIO()
p = pdb.Pdb(stdin=io.StringIO("w\np y\nu\nu\nu\nd\nargs\nll\nq\n"), stdout=out,
            nosigint=True, readrc=False)
p.reset()
p.interaction(None, tb)
print(out.getvalue().replace(HERE, 'FILE'))
try:
    pdb.post_mortem(None)
except ValueError as e:
    print('ValueError', e)
print(pdb.Pdb().prompt, [n for n in ('run', 'runcall', 'pm', 'set_trace', 'main') if hasattr(pdb, n)])
