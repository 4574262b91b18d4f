from email.message import EmailMessage
import email.policy

state = 4242
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

ALPH = ['a', 'bb', 'word', 'longerword', 'x' * 30, 'y' * 90, ' ', ' ', ' ', '  ', '\t', 'café', 'ü', 'straße', '日本語', 'é' * 40, '€']
for case in range(400):
    n = rnd(30)
    v = ''.join(ALPH[rnd(len(ALPH))] for _ in range(n))
    name = ['Subject', 'X-Thing', 'Comments', 'X-' + 'n' * 50][rnd(4)]
    m = EmailMessage()
    m[name] = v
    pol = email.policy.default.clone(max_line_length=[78, 40, 30, 100, None][rnd(5)], utf8=[False, False, True][rnd(3)],
                                     linesep=['\n', '\r\n'][rnd(2)])
    try:
        r = m.as_string(policy=pol)
    except Exception as e:
        r = type(e).__name__ + ': ' + str(e)
    print(case, repr(v), repr(r))
    print(repr(str(m[name])) == repr(v))
