#!/usr/bin/env python3
"""Writes the class table of krait's `_ast.py` from CPython's own `_ast`.

Run with CPython 3.11:  python3 scripts/generate_ast_nodes.py [path/to/_ast.py]
(default: crates/krait-stdlib/lib/_ast.py)

The table lies between the `# BEGIN GENERATED TABLE` and
`# END GENERATED TABLE` lines of `_ast.py`; everything else in that file is
written by hand and left untouched.  For every node class the table records
its base class, its docstring, its fields with their ASDL types (read from
the docstring: `expr* args` is a sequence of expr, `expr? returns` an
optional expr), its own `_attributes` (None when inherited) and the names
whose class attribute is None (the optional fields of 3.11).
"""

import _ast
import os
import re
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("generate_ast.py must run under CPython 3.11")

BEGIN = "# BEGIN GENERATED TABLE\n"
END = "# END GENERATED TABLE\n"

SIGNATURE = re.compile(r"^(\w+)(?:\((.*)\))?$")


def node_classes():
    """The classes of `_ast` in hierarchy order (a base before its subclasses),
    keeping CPython's definition order otherwise (the ASDL order)."""
    found = [c for c in vars(_ast).values()
             if isinstance(c, type) and issubclass(c, _ast.AST)]
    # vars(_ast) is not in ASDL order; AST.__subclasses__ (recursively) is.
    ordered = []

    def visit(cls):
        ordered.append(cls)
        for sub in cls.__subclasses__():
            if sub.__module__ == "ast" and getattr(_ast, sub.__name__, None) is sub:
                visit(sub)

    visit(_ast.AST)
    assert set(ordered) == set(found), set(found) ^ set(ordered)
    return ordered


def fields_of(cls):
    """[(name, asdl_type, qualifier)] from the one-line docstring."""
    fields = cls.__dict__["_fields"]
    if not fields:
        return ()
    doc = cls.__doc__
    m = SIGNATURE.match(doc)
    assert m and m.group(1) == cls.__name__, doc
    out = []
    for part in m.group(2).split(", "):
        typ, name = part.split(" ")
        qual = ""
        if typ[-1] in "*?":
            typ, qual = typ[:-1], typ[-1]
        out.append((name, typ, qual))
    assert tuple(n for n, _, _ in out) == tuple(fields), (cls, out, fields)
    return tuple(out)


def row(cls):
    base = cls.__bases__[0].__name__ if cls is not _ast.AST else None
    d = cls.__dict__
    attrs = d.get("_attributes")
    none_defaults = tuple(k for k, v in d.items()
                          if v is None and not k.startswith("__"))
    assert d["__match_args__"] == d["_fields"]
    return (cls.__name__, base, cls.__doc__, fields_of(cls),
            None if attrs is None else tuple(attrs), none_defaults)


def render():
    lines = [BEGIN,
             "# Written by generate_ast.py from CPython %s's _ast: do not edit.\n"
             % sys.version.split()[0],
             "# (name, base, __doc__, ((field, asdl type, qualifier), ...),\n",
             "#  own _attributes or None when inherited, names defaulting to None)\n",
             "_TABLE = (\n"]
    for cls in node_classes():
        if cls is _ast.AST:
            continue  # written by hand
        lines.append("    %r,\n" % (row(cls),))
    lines.append(")\n")
    lines.append("PyCF_ONLY_AST = %d\n" % _ast.PyCF_ONLY_AST)
    lines.append("PyCF_TYPE_COMMENTS = %d\n" % _ast.PyCF_TYPE_COMMENTS)
    lines.append("PyCF_ALLOW_TOP_LEVEL_AWAIT = %d\n"
                 % _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    lines.append(END)
    return "".join(lines)


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "crates", "krait-stdlib", "lib", "_ast.py")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index(BEGIN)
    stop = text.index(END) + len(END)
    new = text[:start] + render() + text[stop:]
    if new != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(new)
        print("updated", path)
    else:
        print("unchanged", path)


if __name__ == "__main__":
    main(sys.argv)
