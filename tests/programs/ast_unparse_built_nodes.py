# ast.unparse of nodes built by hand, with the optional list fields left
# out where CPython's unparse does not read them (chameleon builds such
# nodes).
import ast

fn = ast.FunctionDef(
    name="f",
    args=ast.arguments(posonlyargs=[], args=[ast.arg(arg="a")], kwonlyargs=[], defaults=[]),
    body=[ast.Pass()],
    decorator_list=[],
    lineno=1,
)
print(ast.unparse(ast.Module(body=[fn], type_ignores=[])))
lam = ast.Lambda(
    args=ast.arguments(posonlyargs=[], args=[], vararg=ast.arg(arg="rest"), kwonlyargs=[], defaults=[]),
    body=ast.Constant(1),
)
print(ast.unparse(lam))
kw = ast.arguments(
    posonlyargs=[ast.arg(arg="p")],
    args=[ast.arg(arg="a")],
    kwonlyargs=[ast.arg(arg="k"), ast.arg(arg="j")],
    kw_defaults=[None, ast.Constant(2)],
    defaults=[ast.Constant(1)],
    kwarg=ast.arg(arg="kw"),
)
print(ast.unparse(ast.FunctionDef(name="g", args=kw, body=[ast.Pass()], decorator_list=[], lineno=1)))
