import io

f = io.StringIO(newline=None)
f.write("\r")
f.__init__("x\n", newline=None)
print(repr(f.newlines), f.line_buffering, f.closed)
f.close()
for name in ['newlines', 'line_buffering', 'closed', 'encoding', 'errors']:
    try:
        print(name, repr(getattr(f, name)))
    except ValueError as e:
        print(name, 'ValueError', e)


class Sub(io.StringIO):
    pass


s = Sub('a\r\nb')
s.readlines()
print(repr(s.newlines))
s.close()
try:
    s.newlines
except ValueError as e:
    print('ValueError', e)
