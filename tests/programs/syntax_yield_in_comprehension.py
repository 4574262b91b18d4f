import sys
cases = [
    "def f():\n    return [(yield x) for x in range(2)] if False else 0\n",
    "def f():\n    return {(yield x) for x in range(2)}\n",
    "def f():\n    return {x: (yield x) for x in range(2)}\n",
    "def f():\n    return ((yield x) for x in range(2))\n",
    "def f():\n    return [(yield from x) for x in range(2)]\n",
    "def f():\n    return [x for x in (yield)]\n",
    "def f():\n    return [[(yield) for y in x] for x in range(2)]\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
