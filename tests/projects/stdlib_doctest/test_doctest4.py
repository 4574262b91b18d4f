"""Main-module doctests.

>>> square(3)
9
>>> square(-2)
5
"""
import sys, os
import doctest


def square(x):
    """
    >>> square(4)
    16
    >>> [square(i) for i in range(4)]   # doctest: +ELLIPSIS
    [0, 1, ..., 9]
    >>> square('a')
    Traceback (most recent call last):
    TypeError: can't multiply sequence by non-int of type 'str'
    """
    return x * x


class Thing:
    """
    >>> Thing().value()
    42
    """
    def value(self):
        """
        >>> Thing().value() + 1
        43
        """
        return 42


if __name__ == '__main__':
    print(doctest.testmod())
    sys.argv.append('-v')
    print(doctest.testmod())
    print(doctest.testmod(verbose=False, optionflags=doctest.REPORT_NDIFF))
