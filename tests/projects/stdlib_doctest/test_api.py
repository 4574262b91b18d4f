import sys, os
import doctest, tokenize, token
print(doctest.__all__)
print(tokenize.__all__)
for n in doctest.__all__ + tokenize.__all__:
    assert hasattr(doctest if n in doctest.__all__ else tokenize, n), n
print(sorted(n for n in dir(doctest) if not n.startswith('_') and n[0].isupper() and n not in ('StringIO', 'IncrementalNewlineDecoder')))
print(doctest.BLANKLINE_MARKER, doctest.ELLIPSIS_MARKER, doctest.DocTestRunner.DIVIDER)
