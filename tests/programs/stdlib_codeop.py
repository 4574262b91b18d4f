# Golden test for codeop: complete / incomplete / error verdicts.
import codeop
from codeop import compile_command, Compile, CommandCompiler

SINGLE = [
    "", "\n", "# c", "  ", "x = 1", "x = 1\n",
    "def f():", "def f():\n", "def f():\n\n", "def f():\n  return 1",
    "def f():\n  return 1\n", "def f():\n\n  return 1",
    "if x:", "if x:\n  pass", "if x:\n  pass\n", "if x:\n  pass\nelse:",
    "if x: pass", "if x: pass\n", "if x:\n  pass\n  ", "if x:\n  # c\n",
    "for x in y:", "for x in y:\n  print(x)", "while 1:", "class A:",
    "class A: pass", "with open(f) as g:", "with (a as b,\n c as d):",
    "try:", "try:\n  pass", "try:\n  pass\n", "try:\n  pass\n\n",
    "try:\n  pass\nexcept:", "try:\n  pass\nfinally:\n  pass\n",
    "try:\n  pass\ny = 1\n",
    "(1,", "(1,\n", "[1, 2", "{1: 2", "f(\n1,\n", "(1, 2)", "((1)", "(1))",
    "]", "(1 2", "(]", "x[", "def f(", "f(**", "from x import (a,",
    "x = (1 +\n 2)", "x = [1,\n 2,\n 3", "x = (1 # c\n",
    "x = \\", "x = \\\n", "x = 1 + \\\n 2", "x = 1 + \\", "x = 1 \\\n", "\\",
    "'''abc", "x = '''abc\ndef", "x = '''abc'''", "s = (1, '''x", "'abc",
    "x = 'abc", "f'{x}'", "f'''{x",
    "@dec", "@dec\n", "@dec\ndef f():", "@dec\ndef f(): pass",
    "@dec\ndef f(): pass\n", "@dec\n\n", "@property\n@dec",
    "a b", "1+", "1 +\n", "x =", "if", "if x", "def", "def f()",
    "lambda x:", "print 1", "return", "break", "yield 1", "1 = 2",
    "del 1", "x = 1\ny = 2", "x = 1; y", "3 4 5", "import", "$", "0x", "09",
    "1_", " x = 1", "if 1:\n pass\n  pass\n", "if 1:\n  x\n y\n", "*a",
    "nonlocal x", "a := 1", "(a := 1)", "match x:", "match x:\n  case 1:",
    "match x:\n  case 1:\n    pass\n", "async def f():", "class A:\n  x = 1\n\n  def f(self):",
    "class A:\n  x = 1\n\n  def f(self):\n    pass",
    "class A:\n  x = 1\n\n  def f(self):\n    pass\n",
    "def f():\n  return 1\nf()\n", "print(1)\nprint(2)", "pass pass",
    "if a:\n  pass\nelif b:", "while True:\n  pass\nelse",
]

EXEC = ["if x:\n  pass", "x = 1\ny = 2", "def f():\n  return 1\nf()",
        "def f():", "(1,", "try:\n  pass\n", "a b", "class A: pass"]

EVAL = ["", "# c", "(1,", "1 +", "x[1", "(1, 2)", "'''abc", "\\", " x",
        "1 2", "f(x for x in y", "lambda: ("]


def verdict(source, symbol="single"):
    try:
        code = compile_command(source, "<input>", symbol)
    except SyntaxError as err:
        return "%s: %s (line %s)" % (type(err).__name__, err.msg, err.lineno)
    except (ValueError, OverflowError) as err:
        return "%s: %s" % (type(err).__name__, err)
    if code is None:
        return "None"
    return "code (%s)" % type(code).__name__


for source in SINGLE:
    print("single", repr(source), "->", verdict(source))
for source in EXEC:
    print("exec", repr(source), "->", verdict(source, "exec"))
for source in EVAL:
    print("eval", repr(source), "->", verdict(source, "eval"))

# The code objects run: "single" mode prints expression values.
namespace = {}
exec(compile_command("x = 40 + 2"), namespace)
print("x =", namespace["x"])
exec(compile_command("x * 2"), namespace)
exec(compile_command("for i in range(3):\n  print(i)\n"), namespace)
print(eval(compile_command("x - 2", symbol="eval"), namespace))

# The filename is the one given.
code = compile_command("y = 1", "myfile")
print(code.co_filename)
try:
    compile_command("1 +\n", "myfile")
except SyntaxError as err:
    print(err.filename, err.lineno)

# Bad symbols are rejected by compile().
try:
    compile_command("x", symbol="bogus")
except ValueError as err:
    print("ValueError:", err)

# CommandCompiler and Compile
cc = CommandCompiler()
print(cc("if 1:") is None, type(cc("if 1:\n  pass\n")).__name__)
try:
    cc("a b")
except SyntaxError as err:
    print("SyntaxError:", err.msg)
c = Compile()
print(hex(c.flags))
print(type(c("x = 1", "<s>", "exec")).__name__)
try:
    c("if 1:\n  pass", "<s>", "single")
except SyntaxError as err:
    print("needs more input")
else:
    print("compiled")
print(type(c("if 1:\n  pass", "<s>", "single", incomplete_input=False)).__name__)
print(sorted(codeop.__all__))
