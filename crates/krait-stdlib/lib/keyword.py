"""Python's keywords (CPython's `keyword`): kwlist and softkwlist as
Python 3.11 has them, and iskeyword / issoftkeyword to test a string.

CPython generates this module from its grammar; krait's list is written
out here and must follow krait's tokenizer if that ever grows a keyword.
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False',
    'None',
    'True',
    'and',
    'as',
    'assert',
    'async',
    'await',
    'break',
    'class',
    'continue',
    'def',
    'del',
    'elif',
    'else',
    'except',
    'finally',
    'for',
    'from',
    'global',
    'if',
    'import',
    'in',
    'is',
    'lambda',
    'nonlocal',
    'not',
    'or',
    'pass',
    'raise',
    'return',
    'try',
    'while',
    'with',
    'yield',
]

# Keywords only in some places (match statements, the wildcard pattern).
softkwlist = [
    '_',
    'case',
    'match',
]

# Bound methods of frozensets, as in CPython: an unhashable argument is a
# TypeError, anything else that is not a keyword is False.
iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
