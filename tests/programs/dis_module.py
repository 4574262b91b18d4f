# The dis module's API, where krait and CPython agree (the instructions
# themselves differ: krait has its own instruction set).
import dis


def f(a, b=2):
    c = a + b
    if c > 3:
        return c
    return -c


print(dis.cmp_op, len(dis.opname), type(dis.opmap).__name__)
print(all(dis.opname[code] == name for name, code in dis.opmap.items()))
for name in ["POP_TOP", "LOAD_CONST", "LOAD_FAST", "STORE_FAST", "RETURN_VALUE", "BINARY_OP", "COMPARE_OP"]:
    print(name, name in dis.opmap)
print(dis.opmap["LOAD_CONST"] in dis.hasconst, dis.opmap["LOAD_FAST"] in dis.haslocal)
print(dis.opmap["LOAD_GLOBAL"] in dis.hasname, dis.opmap["COMPARE_OP"] in dis.hascompare)
print(dis.stack_effect(dis.opmap["POP_TOP"]), dis.stack_effect(dis.opmap["LOAD_CONST"], 0))
print(dis.stack_effect(dis.opmap["STORE_FAST"], 1), dis.stack_effect(dis.opmap["BINARY_OP"], 0))
for bad in [lambda: dis.stack_effect(dis.opmap["POP_TOP"], 1), lambda: dis.stack_effect(dis.opmap["LOAD_CONST"])]:
    try:
        bad()
    except ValueError as e:
        print("ValueError", e)
instructions = list(dis.get_instructions(f))
print(instructions[0].opname in dis.opmap, all(i.opcode == dis.opmap[i.opname] for i in instructions))
print([i.offset for i in instructions] == sorted(i.offset for i in instructions))
loads = [(i.argval, i.argrepr) for i in instructions if i.opname == "LOAD_FAST"]
print(sorted(set(loads)))
print(sorted({i.argval for i in instructions if i.opname == "STORE_FAST"}))
print([i.argval for i in instructions if i.opname == "COMPARE_OP"])
print([i.argval for i in instructions if i.opname == "LOAD_CONST" and i.argval is not None])
print(any(i.is_jump_target for i in instructions), sorted({i.starts_line for i in instructions if i.starts_line} - {6}))
print(sorted({line for _, line in dis.findlinestarts(f.__code__)} - {6}))
bc = dis.Bytecode(f)
print(type(bc).__name__, bc.codeobj == f.__code__, bc.first_line, [i.opname for i in bc] == [i.opname for i in instructions])
print(isinstance(bc.dis(), str), "c" in bc.dis())
print(repr(instructions[0]).startswith("Instruction(opname="))
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError", e)

# An Instruction is a named tuple: it indexes, unpacks and lists its fields.
last = list(dis.get_instructions(f))[-1]
opname, opcode, arg, argval, argrepr, offset, starts_line, is_jump_target, positions = last
print(opname == last.opname, len(last), last[0] == last.opname, last[-4] == last.offset)
print(last._fields)
print(sorted(last._asdict()) == sorted(last._fields), last[1:3] == (last.opcode, last.arg))
