import sys, os
import io, re, doctest
import dt_misc
def norm(s):
    return re.sub(r'( *)File "[^"]*doctest(?:\.py|>)", line \d+, in (\S+)\n(?:\1  +\S.*\n)?(?:\1  +[\^~]+\n)?',
                  r'\1File "DOCTEST", line N, in \2\n', s)
for v in (False, True):
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        r = doctest.testmod(dt_misc, verbose=v)
    except BaseException as e:
        r = repr(e)
    sys.stdout = old
    print(norm(buf.getvalue()))
    print(r)
