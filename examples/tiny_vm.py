"""A tiny stack VM, written in Python, that runs Python functions' bytecode.

In the spirit of the write-ups on implementing a small Python VM: take a
function's code object, walk its instructions with dis.get_instructions,
and execute them on a value stack of our own: constants, names, fast
locals, arithmetic and comparison operators, conditional and backward
jumps (loops), calls of builtins and of Python functions (run by this VM
too, recursively), returns.

Under krait it runs krait's instructions; under CPython 3.11 it runs
CPython's (they share names and conventions: PUSH_NULL + CALL, BINARY_OP,
COMPARE_OP), so the same file runs on both: `krait run examples/tiny_vm.py`.
"""

import dis

NULL = object()  # what PUSH_NULL pushes below a callable

BINARY_OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "**": lambda a, b: a ** b,
    "<<": lambda a, b: a << b,
    ">>": lambda a, b: a >> b,
    "&": lambda a, b: a & b,
    "|": lambda a, b: a | b,
    "^": lambda a, b: a ^ b,
}

COMPARE_OPS = {
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def builtin(name):
    """A builtin by name (`__builtins__` is a module in CPython's
    `__main__`, a dict elsewhere)."""
    if isinstance(__builtins__, dict):
        return __builtins__[name]
    return getattr(__builtins__, name)


class Frame:
    """One function call: its instructions, locals and value stack."""

    def __init__(self, function, args):
        code = function.__code__
        if len(args) != code.co_argcount:
            raise TypeError(f"{code.co_name}() takes {code.co_argcount} arguments")
        self.function = function
        self.code = code
        self.instructions = list(dis.get_instructions(function))
        self.index_of = {ins.offset: i for i, ins in enumerate(self.instructions)}
        self.locals = dict(zip(code.co_varnames, args))
        self.stack = []

    def jump(self, offset):
        return self.index_of[offset]


class TinyVM:
    def __init__(self):
        self.executed = 0
        self.depth = 0

    def call(self, function, args):
        """Calls `function`: Python functions run here, others natively."""
        if hasattr(function, "__code__"):
            return self.run(Frame(function, args))
        return function(*args)

    def run(self, frame):
        self.depth += 1
        if self.depth > 200:
            raise RecursionError("tiny VM recursion too deep")
        try:
            return self.execute(frame)
        finally:
            self.depth -= 1

    def execute(self, frame):
        stack = frame.stack
        pc = 0
        while True:
            ins = frame.instructions[pc]
            pc += 1
            self.executed += 1
            op = ins.opname
            if op in ("RESUME", "PRECALL", "NOP", "CACHE"):
                pass
            elif op == "LOAD_CONST":
                stack.append(ins.argval)
            elif op == "LOAD_FAST":
                if ins.argval not in frame.locals:
                    raise UnboundLocalError(ins.argval)
                stack.append(frame.locals[ins.argval])
            elif op == "STORE_FAST":
                frame.locals[ins.argval] = stack.pop()
            elif op == "LOAD_GLOBAL":
                if ins.argrepr.startswith("NULL + "):
                    stack.append(NULL)  # CPython folds PUSH_NULL in here
                name = ins.argval
                globals_ = frame.function.__globals__
                stack.append(globals_[name] if name in globals_ else builtin(name))
            elif op == "PUSH_NULL":
                stack.append(NULL)
            elif op == "POP_TOP":
                stack.pop()
            elif op == "COPY":
                stack.append(stack[-ins.arg])
            elif op == "SWAP":
                stack[-1], stack[-ins.arg] = stack[-ins.arg], stack[-1]
            elif op == "BINARY_OP":
                right = stack.pop()
                left = stack.pop()
                stack.append(BINARY_OPS[ins.argrepr.rstrip("=")](left, right))
            elif op == "COMPARE_OP":
                right = stack.pop()
                left = stack.pop()
                stack.append(COMPARE_OPS[ins.argval](left, right))
            elif op == "UNARY_NEGATIVE":
                stack.append(-stack.pop())
            elif op == "UNARY_NOT":
                stack.append(not stack.pop())
            elif op == "BUILD_TUPLE":
                items = stack[len(stack) - ins.arg:]
                del stack[len(stack) - ins.arg:]
                stack.append(tuple(items))
            elif op == "UNPACK_SEQUENCE":
                items = list(stack.pop())
                stack.extend(reversed(items))
            elif op in ("POP_JUMP_IF_FALSE", "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_FALSE"):
                if not stack.pop():
                    pc = frame.jump(ins.argval)
            elif op in ("POP_JUMP_IF_TRUE", "POP_JUMP_FORWARD_IF_TRUE", "POP_JUMP_BACKWARD_IF_TRUE"):
                if stack.pop():
                    pc = frame.jump(ins.argval)
            elif op == "JUMP_IF_FALSE_OR_POP":
                if not stack[-1]:
                    pc = frame.jump(ins.argval)
                else:
                    stack.pop()
            elif op == "JUMP_IF_TRUE_OR_POP":
                if stack[-1]:
                    pc = frame.jump(ins.argval)
                else:
                    stack.pop()
            elif op in ("JUMP_FORWARD", "JUMP_BACKWARD", "JUMP_ABSOLUTE"):
                pc = frame.jump(ins.argval)
            elif op == "CALL":
                argc = ins.arg
                args = stack[len(stack) - argc:]
                del stack[len(stack) - argc:]
                callable_ = stack.pop()
                below = stack.pop()
                if below is not NULL:
                    # [callable, self, args...]: a method and its receiver.
                    args = [callable_] + args
                    callable_ = below
                stack.append(self.call(callable_, args))
            elif op == "RETURN_VALUE":
                return stack.pop()
            else:
                raise NotImplementedError(f"tiny VM: no {op} yet")


def factorial(n):
    result = 1
    while n > 1:
        result = result * n
        n -= 1
    return result


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def collatz_steps(n):
    steps = 0
    while n != 1 and steps < 1000:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def spread(a, b, c):
    return max(a, b, c) - min(a, b, c) + abs(-len("xyz"))


def main():
    vm = TinyVM()
    examples = [
        (factorial, (10,)),
        (factorial, (25,)),
        (fib, (15,)),
        (gcd, (1071, 462)),
        (gcd, (2 ** 40, 6 ** 10)),
        (collatz_steps, (27,)),
        (spread, (3, 9, -4)),
    ]
    for function, args in examples:
        result = vm.call(function, list(args))
        real = function(*args)
        shown = ", ".join(repr(a) for a in args)
        mark = "ok" if result == real else "MISMATCH"
        print(f"{function.__name__}({shown}) = {result}  (real call: {real}) {mark}")
    print("instructions executed:", "many" if vm.executed > 1000 else vm.executed)


if __name__ == "__main__":
    main()
