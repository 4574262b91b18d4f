# An uncaught SyntaxError raised by compile(): the traceback shows the
# compiled text's file and line with a caret, then the error.
print("before")
code = compile("x = 1\nif x\n    pass\n", "<generated>", "exec")
