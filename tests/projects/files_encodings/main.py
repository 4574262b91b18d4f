# Encodings, errors= and newline= of text files.
text = 'naïve café — 10€\n'
for encoding in ['utf-8', 'latin-1', 'ascii']:
    try:
        with open('enc.txt', 'w', encoding=encoding) as f:
            print(encoding, f.encoding, f.write(text))
    except UnicodeEncodeError as e:
        print(encoding, 'UnicodeEncodeError:', e)
    with open('enc.txt', 'rb') as f:
        print(f.read())

with open('enc.txt', 'w', encoding='ascii', errors='replace') as f:
    f.write(text)
print(open('enc.txt', 'rb').read())
with open('enc.txt', 'w', encoding='latin-1', errors='ignore') as f:
    f.write(text)
print(open('enc.txt', 'rb').read())

# A file that is not UTF-8.
with open('latin.txt', 'wb') as f:
    f.write(b'caf\xe9\nna\xefve\n')
try:
    with open('latin.txt') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
    print(isinstance(e, ValueError), e.__class__.__mro__[1].__name__)
try:
    with open('latin.txt', encoding='utf-8') as f:
        f.readline()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
with open('latin.txt', encoding='latin-1') as f:
    print(f.readlines())
with open('latin.txt', encoding='utf-8', errors='replace') as f:
    print(repr(f.read()))
with open('latin.txt', encoding='utf-8', errors='ignore') as f:
    print(repr(f.read()))
with open('latin.txt', encoding='ascii', errors='replace') as f:
    print(repr(f.read()))
with open('bad.txt', 'wb') as f:
    f.write(b'\xff\xfe')
try:
    open('bad.txt').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
with open('bad.txt', 'wb') as f:
    f.write(b'ok then \xc3')
try:
    open('bad.txt').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

# Multi-byte characters read one by one.
with open('chars.txt', 'w', encoding='utf-8') as f:
    f.write('a€b😀c\n')
with open('chars.txt', encoding='utf-8') as f:
    out = []
    while True:
        c = f.read(1)
        if not c:
            break
        out.append((c, f.tell()))
    print(out)

# newline= on writing.
for newline in [None, '', '\n', '\r', '\r\n']:
    with open('nl.txt', 'w', newline=newline) as f:
        f.write('a\nb\r\nc\rd\n')
    with open('nl.txt', 'rb') as f:
        print(repr(newline), f.read())

# newline= on reading.
with open('nl.txt', 'wb') as f:
    f.write(b'one\ntwo\r\nthree\rfour\r\n\r\nend')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open('nl.txt', newline=newline) as f:
        print(repr(newline), f.readlines())
with open('nl.txt') as f:
    print(repr(f.read()))
with open('nl.txt') as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell(), repr(f.readline()))
    f.seek(9)
    print(repr(f.read(6)))
