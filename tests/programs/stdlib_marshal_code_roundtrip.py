import marshal

orig = compile("1 + 1", "", "eval")
dumped = marshal.dumps(orig)
loaded = marshal.loads(dumped)
print(eval(loaded) == eval(orig), type(loaded).__name__)

source = "def f(x, *, y=2):\n    return [x * y for _ in range(2)]\nresult = f(3)\n"
code = compile(source, "<m>", "exec")
again = marshal.loads(marshal.dumps((code, code, "tail")))
print(again[0] is again[1], again[2])
namespace = {}
exec(again[0], namespace)
print(namespace["result"], namespace["f"].__code__.co_name, again[0].co_filename)
print(marshal.loads(marshal.dumps([orig]))[0].co_consts == orig.co_consts)
