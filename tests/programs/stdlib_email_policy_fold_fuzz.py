from email.message import EmailMessage
import email.policy

state = 999
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

ALPH = ['a', 'bb', 'word', 'longerword', 'x' * 30, ' ', ' ', ' ']
for case in range(300):
    n = rnd(40)
    v = ''.join(ALPH[rnd(len(ALPH))] for _ in range(n)).strip()
    name = ['Subject', 'X-Thing', 'Comments'][rnd(3)]
    m = EmailMessage()
    m[name] = v
    pol = email.policy.default.clone(max_line_length=[78, 40, 30][rnd(3)])
    try:
        r = m.as_string(policy=pol)
    except Exception as e:
        r = type(e).__name__
    print(case, repr(r))
