"""PEP 563: with `from __future__ import annotations`, annotations are kept
as the text CPython's unparser writes, and never evaluated."""
from __future__ import annotations

import dataclasses
import typing


def f(a: int, b: list[Node] = None, *args: tuple[int, ...], c: "quoted" = 1, **kw: dict[str, Any]) -> Optional[Node]:
    return a


print(f.__annotations__)


class Node:
    value: int
    children: list[Node]
    parent: Node | None = None
    weird: (lambda x, y=1, *a, k, **kw: x + y)
    ops: a + b * c - d / e // f % g ** h ** i
    logic: not a and b or c if d else e
    cmp: a < b <= c is not d not in e
    bits: a | b ^ c & d << e >> f
    unary: -a + ~b - +c
    calls: f(x, *y, z=1, **w)
    genarg: sum(x for x in y)
    comps: [x for x in y if x] + {k: v for k, v in items} + {s for s in t}
    subs: a[1:2, ::3, :] + b[c,] + d[()] + e[(1, 2)]
    consts: (1, 2.5, 1e100, -0.0, "s", 'q"', b"by", None, True, ..., 10**30)
    attr: a.b.c + (1).real + 1 .imag
    fstr: f"{x!r:>{width}} and {y}"
    nested: ((a, b), [c, (d,)])
    star: tuple[*Ts]
    powneg: (-1) ** 2 + -(1 ** 2)
    slices: x[a:b, c]
    empty: ()

    def method(self, other: Node) -> Node:
        return self


print(Node.__annotations__)
print(Node.method.__annotations__)
print(typing.get_type_hints(Node.method))


@dataclasses.dataclass
class Point:
    x: int
    y: float = 0.0
    tags: list[str] = dataclasses.field(default_factory=list)


print(Point(1), [(fl.name, fl.type) for fl in dataclasses.fields(Point)])

# Names only in annotations are never looked up.
undefined_in_module: ThisNameDoesNotExist = 3
print(__annotations__)


def g() -> Undefined:
    local: AlsoUndefined = 5
    return local


print(g(), g.__annotations__)
