"""The keywords of Python 3.11: `kwlist` (reserved words) and `softkwlist`
(words that are keywords only in some places, as in match statements),
with the tests iskeyword() and issoftkeyword().

krait writes the lists out by hand; they must follow krait's tokenizer
if that ever learns a new keyword.
"""

__all__ = ["iskeyword", "issoftkeyword"]
__all__ += ["kwlist", "softkwlist"]

kwlist = sorted("""
    False None True and as assert async await break class continue def
    del elif else except finally for from global if import in is lambda
    nonlocal not or pass raise return try while with yield
""".split())

softkwlist = ['_', 'case', 'match']

# Bound __contains__ of frozensets, as CPython has them: an unhashable
# argument raises TypeError; any other non-keyword gives False.
iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
