import sys, os
import io, re, doctest
import dt_exc

def norm(s):
    return re.sub(r'( *)File "[^"]*doctest(?:\.py|>)", line \d+, in (\S+)\n(?:\1  +\S.*\n)?(?:\1  +[\^~]+\n)?',
                  r'\1File "DOCTEST", line N, in \2\n', s)

old = sys.stdout
sys.stdout = buf = io.StringIO()
r = doctest.testmod(dt_exc)
sys.stdout = old
print(norm(buf.getvalue()))
print(r)
