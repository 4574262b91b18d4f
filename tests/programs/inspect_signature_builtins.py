# inspect.signature of builtins reads their __text_signature__ (CPython's
# text): module functions, unbound and bound methods of builtin types.
import inspect
for f in (len, sorted, print, dict.get, {}.get, list.append, [].append, str.split, 'a'.split, max, min, iter, next, getattr, int.to_bytes, (5).to_bytes, bytes.hex, divmod, round, sum, isinstance, str.join, dict.pop, list.sort, range.index):
    try:
        print(getattr(f, '__qualname__', f), inspect.signature(f))
    except ValueError as e:
        print(getattr(f, '__qualname__', f), 'ValueError', e)
sig = inspect.signature(sorted)
print([(p.name, p.kind.name, p.default) for p in sig.parameters.values()])
print(inspect.signature(dict.get).bind({}, 'k'))
print(len.__text_signature__, dict.get.__text_signature__)
print(inspect.signature(len).parameters["obj"].kind, inspect.signature([].append))
