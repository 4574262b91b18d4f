# token: the token numbers and names of CPython 3.11.
import sys, os
import token
print(token.__all__)
print(sorted((k, v) for k, v in vars(token).items() if isinstance(v, int)))
print(sorted(token.tok_name.items()))
print(sorted(token.EXACT_TOKEN_TYPES.items()))
print(token.ISTERMINAL(5), token.ISTERMINAL(256), token.ISNONTERMINAL(300), token.ISEOF(0), token.ISEOF(1))
print(sorted(k for k in dir(token) if not k.startswith('__')))
