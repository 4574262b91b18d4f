import io, os, re, sys, pdb, bdb

# This file's name as its code objects carry it (also when run from a
# compiled .kbc, whose __file__ differs).
HERE = os.path.abspath(sys._getframe().f_code.co_filename)


def helper(a, b=2):
    total = a + b
    total *= 2
    return total


def work(n):
    acc = []
    for i in range(n):
        acc.append(helper(i))
    label = 'done'
    return acc


def session(commands, func, *args, **kw):
    bdb.Breakpoint.clearBreakpoints()
    out = io.StringIO()
    dbg = pdb.Pdb(stdin=io.StringIO(commands), stdout=out, nosigint=True,
                  readrc=False)
    res = dbg.runcall(func, *args, **kw)
    text = out.getvalue().replace(HERE, 'FILE')
    # The debugger's own frame: CPython's bdb.py with its source line,
    # krait's frozen bdb without one.
    text = re.sub(r'(\S*bdb\.py|<frozen bdb>)\(\d+\)runcall\(\)(\n-> .*)?', 'BDB-RUNCALL', text)
    print('=' * 20)
    print(text)
    print('result:', res)


session("n\nn\np acc\nwhere\nc\n", work, 2)
session("s\ns\ns\ns\nargs\np a, b\nr\nretval\nc\n", work, 1)
session("b helper\nc\nwhere\nup\np acc\nl\ndown\ndown\nc\nc\n", work, 2)
session("b 9\nb\nc\np total\ncl 1\nc\n", work, 2)
session("tbreak 16\nc\np label\np acc\nc\n", work, 3)
session("b 8, a == 1\nc\np a\nb\nc\n", work, 3)
session("b 7\nignore 1 2\nc\np a\nc\n", work, 4)
session("b 7\ndisable 1\nenable 1\ndisable 1\nc\n", work, 2)
session("b 7\ncondition 1 a > 2\nc\np a\ncondition 1\nc\nc\nq\n", work, 4)
session("ll\nl 1, 4\nl\nq\n", work, 1)
session("whatis work\nwhatis acc\nwhatis pdb.Pdb\nwhatis 3\npp list(range(3))\n"
        "x = 42\np x\n!acc.append(7)\nacc\nundefined_name\np 1/0\n"
        "unt 16\np acc\nq\n", work, 2)
session("b 100\nb nosuchfunc\nb foo:3\nb 4\nb 1\ncl 9\ndisable 9\nenable x\n"
        "ignore\ncondition 7 x\nup\ndown\nu x\nunt 2\nunt a\nq\n", work, 1)
session("display len(acc)\nn\nn\nn\nn\ndisplay\nundisplay len(acc)\nundisplay zz\nn\nn\nq\n", work, 2)
session("s\nn\nn\nn\nn\nn\nn\n", helper, 5)
session("n\nn\nn\nEOF\n", helper, 5)
session("p 1;; p 2\nalias pa p a\npa\nq\n", helper, 5)
