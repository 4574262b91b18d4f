import email
from email.feedparser import FeedParser

state = 2024
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) % (2 ** 31)
    return state % n

NL = ['\n', '\r\n', '\r']
def header_block(depth):
    out = []
    for _ in range(rnd(4)):
        out.append(['Subject: hi', 'X-A: 1', 'From x', ' continued', 'Bad Header', ':empty', 'To: a@b',
                    'Content-Transfer-Encoding: base64', 'Content-Type: text/plain; charset=utf-8'][rnd(9)])
    if depth < 3 and rnd(3) == 0:
        b = 'b%d' % depth
        out.append('Content-Type: multipart/%s; boundary="%s"' % (['mixed', 'alternative', 'digest'][rnd(3)], b))
        return out, b
    if depth < 3 and rnd(6) == 0:
        out.append('Content-Type: message/rfc822')
        return out, 'msg'
    return out, None

def body(depth, nl):
    hdrs, kind = header_block(depth)
    text = nl.join(hdrs) + nl
    if rnd(5):
        text += nl
    if kind == 'msg':
        return text + body(depth + 1, nl)
    if kind:
        if rnd(2):
            text += 'preamble' + nl
        for _ in range(rnd(4)):
            text += '--' + kind + ['', '  ', '\t'][rnd(3)] + nl + body(depth + 1, nl)
            if rnd(3):
                text += nl
        r = rnd(5)
        if r:
            text += '--' + kind + '--' + ['', nl, nl + 'epilogue' + nl, nl + nl][rnd(4)]
        return text
    for _ in range(rnd(4)):
        text += ['line', 'From me', '--b0', '--b1--', 'aGVsbG8=', ''][rnd(6)] + nl
    return text

def dump(m, ind=0):
    out = ['%s%s %r %r %r %r' % (' ' * ind, m.get_content_type(), m.items(), m.get_unixfrom(), m.preamble, m.epilogue)]
    out.append(' ' * ind + repr([type(d).__name__ for d in m.defects]))
    if m.is_multipart():
        for p in m.get_payload():
            out.extend(dump(p, ind + 2))
    else:
        out.append(' ' * ind + repr(m.get_payload()))
    return out

for case in range(300):
    nl = NL[rnd(3)]
    text = body(0, nl)
    m = email.message_from_string(text)
    print(case, repr(text))
    print('\n'.join(dump(m)))
    print(repr(m.as_string()))
    fp = FeedParser()
    step = rnd(7) + 1
    for k in range(0, len(text), step):
        fp.feed(text[k:k + step])
    print(fp.close().as_string() == m.as_string())
