from email.message import Message
import email.policy

state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

ALPH = ['a', 'bb', 'word', 'longerword', 'x' * 30, 'y' * 80, ';', ',', ' ', ' ', ' ', '  ', '\t', '; ', ', ', '=', '"q"', '\n ', '\n\t', '(c)']
pol = email.policy.compat32
out = []
for case in range(400):
    n = rnd(40)
    v = ''.join(ALPH[rnd(len(ALPH))] for _ in range(n))
    name = ['Subject', 'X', 'A-Very-Long-Header-Name-Indeed', 'To'][rnd(4)]
    maxlen = [78, 40, 20, 0, 100, 10][rnd(6)]
    p = pol.clone(max_line_length=maxlen, linesep=['\n', '\r\n'][rnd(2)])
    try:
        r = p.fold(name, v)
    except Exception as e:
        r = type(e).__name__ + str(e)
    print(case, repr(v), maxlen, repr(r))
