# A syntax error in an imported module: the traceback shows the importing
# line, then the module's file, line and caret.
print("before")
import broken
print("not reached")
