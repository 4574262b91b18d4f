"""Module docstring.

>>> 1 + 1
2
>>> print("hello")
hello
"""

__test__ = {
    'extra': """
    >>> x = 5
    >>> x * 2
    10
    >>> x * 3
    16
    """,
}


def add(a, b):
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add('a', 'b')
    'ab'
    >>> add(1, 1)   # wrong on purpose
    3
    """
    return a + b


def divide(a, b):
    """
    >>> divide(1, 0)
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    >>> divide(4, 2)
    2.0
    >>> divide(1, 0)
    >>> divide(1, 'x')
    Traceback (most recent call last):
    ValueError: nope
    >>> divide(1, 'x')  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    builtins.TypeError: something else
    """
    return a / b


def ellipsis():
    """
    >>> list(range(20))  # doctest: +ELLIPSIS
    [0, 1, ..., 19]
    >>> list(range(20))
    [0, 1, ..., 19]
    >>> print('a   b\\n  c')  # doctest: +NORMALIZE_WHITESPACE
    a b c
    >>> print('x\\n\\ny')
    x
    <BLANKLINE>
    y
    >>> True
    1
    >>> False  # doctest: +DONT_ACCEPT_TRUE_FOR_1
    0
    >>> print('')  # doctest: +DONT_ACCEPT_BLANKLINE
    <BLANKLINE>
    >>> raise RuntimeError('skip me')  # doctest: +SKIP
    >>> for i in range(3):
    ...     print(i)
    0
    1
    2
    >>> print('trailing ')
    trailing
    >>> print('no newline', end='')
    no newline
    """


class Widget:
    """A widget.

    >>> w = Widget(3)
    >>> w.size
    3
    """

    def __init__(self, size):
        self.size = size

    def grow(self):
        """
        >>> w = Widget(1); w.grow(); w.size
        2
        >>> w.grow(); w.size
        4
        """
        self.size += 1

    @staticmethod
    def smeth():
        """
        >>> Widget.smeth()
        'static'
        """
        return 'static'

    @classmethod
    def cmeth(cls):
        """
        >>> Widget.cmeth()
        'Widget'
        """
        return cls.__name__

    @property
    def prop(self):
        """
        >>> Widget(2).prop
        4
        """
        return self.size * 2

    class Inner:
        """
        >>> Widget.Inner.__name__
        'Inner'
        """


def diffs():
    """
    >>> print('a\\nb\\nc\\nd\\ne')  # doctest: +REPORT_UDIFF
    a
    B
    c
    d
    E
    >>> print('a\\nb\\nc\\nd\\ne')  # doctest: +REPORT_CDIFF
    a
    B
    c
    d
    E
    >>> print('a\\nb\\nc\\nd\\ne')  # doctest: +REPORT_NDIFF
    a
    B
    c
    d
    E
    >>> print('one line')  # doctest: +REPORT_UDIFF
    two line
    >>> print('x', 'y')
    >>> None
    0
    """


def nested_exc():
    """
    >>> def boom():
    ...     raise KeyError('k')
    >>> boom()
    >>> try:
    ...     boom()
    ... except KeyError as e:
    ...     raise ValueError('wrapped') from e
    Traceback (most recent call last):
    ValueError: wrapped
    >>> int('z')
    Traceback (most recent call last):
      File "<stdin>", line 1
    ValueError: invalid literal for int() with base 10: 'zz'
    >>> 1/0
    """


def no_doctests():
    """Just prose, no examples."""


def unicode_out():
    """
    >>> print('caf\\xe9')
    café
    >>> 'caf\\xe9'
    'café'
    >>> print('\\u20ac')
    x
    """
