"""
>>> 1 +
>>> x = 'ok'  # trailing
>>> x
'ok'
>>> print(  'tab\there')
tab	here
>>> raise SystemExit(3)
>>> import sys; sys.stdout.write('partial')
partial7
>>> class Err(Exception): pass
>>> raise Err('a\\nb')
Traceback (most recent call last):
Err: a
b
>>> raise Err('a\\nb')
Traceback (most recent call last):
Err: a
c
>>> raise Err()
Traceback (most recent call last):
Err
>>> raise Err('detail') # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
my.module.Err: other
>>> raise Err('detail') # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (innermost last):
my.module.Err
>>> raise KeyError('x')   # doctest: +ELLIPSIS
Traceback (most recent call last):
KeyError: ...
>>> _
'ok'
"""

def helper():
    """doc
    >>> helper()
    'h'
    """
    return 'h'

def other():
    """
	>>> 1 + 1
	2
    """

__test__ = {'func': helper, 'cls': type('Dyn', (), {'__doc__': '>>> 2\n2\n', '__module__': __name__}),
            'str2': '>>> 3\n4\n'}
