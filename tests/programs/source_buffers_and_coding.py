# exec(), eval() and compile() take any buffer as source; bytes are decoded
# as their PEP 263 comment declares (an unknown encoding is a SyntaxError).
print(eval(bytearray(b'1 + 1')))
print(eval(memoryview(b'2 + 2')))
exec(bytearray(b'print(1)'))
print(eval(compile(bytearray(b'3 * 3'), 'f', 'eval')))
for src in [b'# -*- coding: latin-1 -*-\nx = \'\xe9\'\n', b'# coding: badencoding\nx=1\n',
            b'\xef\xbb\xbfx = "bom"\n', b'#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\nx = "\xa4"\n']:
    try:
        ns = {}; exec(compile(src, 'f', 'exec'), ns); print(repr(ns['x']))
    except SyntaxError as e: print('SyntaxError', e, e.lineno)
try: eval(5)
except TypeError as e: print(e)
try: exec([1])
except TypeError as e: print(e)
