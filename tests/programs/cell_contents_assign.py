def counter():
    c = 0
    def inc():
        nonlocal c
        c += 1
        return c
    return inc
i1 = counter()
cell = i1.__closure__[0]
cell.cell_contents = 100
print(i1(), cell.cell_contents)
del cell.cell_contents
try:
    i1()
except NameError as e:
    print(type(e).__name__, e)
try:
    cell.cell_contents
except ValueError as e:
    print("ValueError", e)
cell.cell_contents = "again"
print(cell.cell_contents)
import types
c2 = types.CellType()
try:
    c2.cell_contents
except ValueError as e:
    print(e)
c2.cell_contents = [1]
print(c2.cell_contents, types.CellType(5).cell_contents)
