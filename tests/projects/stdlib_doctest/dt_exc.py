def helper(x):
    return [1, 2][x]

def carets():
    """
    >>> 1/0
    >>> x = 1 /  0
    >>> d = {}; d['missing']
    >>> [1,2][5]
    >>> helper(7)
    >>> y = helper(7)
    >>> helper(7) + helper(8)
    >>> for i in range(2):
    ...     print(i)
    ...     z = 1 // (i - 1 + 1)
    >>> int('é')
    >>> 'é' + helper(9)
    >>> raise ValueError('multi\\nline')
    >>> def f():
    ...     return g()
    >>> def g():
    ...     raise KeyError(1)
    >>> f()
    >>> try:
    ...     f()
    ... except KeyError:
    ...     1/0
    >>> def rec(n):
    ...     return rec(n + 1) if n < 30 else 1/0
    >>> rec(0)
    >>> helper(
    ...   9)
    >>> (helper
    ...   )(9)
    >>> assert 1 == 2, 'msg'
    >>> class E(Exception):
    ...     pass
    >>> raise E
    >>> undefined_name
    >>> 1 + (2 * [])
    """
