#!/usr/bin/env python3
"""CPython's own parser as krait's second front end.

Parses Python files with `ast.parse` and prints each tree as JSON in the shape
krait-ast's serde derives (see crates/krait-ast/src/json.rs):

* every node is an object with `_type` = its class name, its fields under
  CPython's names, and `lineno`/`col_offset`/`end_lineno`/`end_col_offset`
  where CPython has them;
* a Constant's (and a MatchSingleton's) `value` is tagged: `"none"`, `"ellipsis"`, `{"bool": true}`,
  `{"int": "123"}`, `{"float": "0.1"}` (the text of Rust's `{:?}`),
  `{"complex": {"real": "0.0", "imag": "2.0"}}`, `{"str": "..."}`,
  `{"bytes": [1, 2]}`.

Usage:
    cpython_ast.py [--mode exec|eval|single] [--] FILE...
    cpython_ast.py FILE MODE            (one file, mode given positionally)

`-` reads standard input. One JSON document per line is printed for each
FILE, in order. A file CPython rejects prints
`{"error": {"type": "SyntaxError", "msg": ..., "lineno": ..., "offset": ...}}`
(`type` is the exception's class: SyntaxError, IndentationError, TabError, or
another exception such as OSError or RecursionError for a file that cannot be
read or converted). The exit status is 0 unless the command line is wrong.

Standard library only. Files are read as bytes and handed to `ast.parse`
unchanged, so encoding declarations and BOMs are honoured as CPython does.
The limit on int-to-str digit conversions is lifted so that any int literal
can be written out.
"""

import ast
import json
import re
import sys
import threading
from decimal import Decimal

MODES = ("exec", "eval", "single")

# Per class: the fields to write (CPython's _fields then _attributes).
_LAYOUT = {}


def _layout(cls):
    names = _LAYOUT.get(cls)
    if names is None:
        names = tuple(cls._fields) + tuple(getattr(cls, "_attributes", ()))
        _LAYOUT[cls] = names
    return names


def float_text(x):
    """`x` as Rust's `{:?}` writes an f64 (both print the shortest digits that
    round-trip; only the exponent and the non-finite spellings differ)."""
    if x != x:
        return "NaN"
    if x == float("inf"):
        return "inf"
    if x == float("-inf"):
        return "-inf"
    text = _round_ties_up(x, repr(x))
    mantissa, e, exponent = text.partition("e")
    if e:
        return f"{mantissa}e{int(exponent)}"
    return text


def _round_ties_up(x, text):
    """When the exact value of `x` lies halfway between two shortest digit
    strings that both read back as `x`, Python's repr picks the even one and
    Rust the one further from zero (2.2250738585072014e14 is
    222507385850720.125: Python says ...720.12, Rust ...720.13)."""
    if len(text.replace("-", "").replace(".", "").partition("e")[0]) < 16:
        return text  # too few digits for a tie to be possible
    exact = Decimal(x)
    shown = Decimal(text)
    if exact == shown:
        return text
    unit = Decimal((0, (1,), shown.as_tuple().exponent))
    if abs(exact - shown) * 2 != unit or abs(exact) < abs(shown):
        return text
    sign = "-" if text.startswith("-") else ""
    body, e, exponent = text.lstrip("-").partition("e")
    whole, dot, frac = body.partition(".")
    digits = str(int(whole + frac) + 1).zfill(len(whole + frac))
    if len(digits) != len(whole + frac):
        return text  # the carry changes the layout: keep Python's choice
    other = sign + digits[: len(whole)] + dot + digits[len(whole):] + e + exponent
    return other if float(other) == x else text


# krait keeps a lone surrogate U+D800 + k of a str as U+10D800 + k (its
# strs are UTF-8; see krait_lexer::SURROGATE_STAND_INS): the same here,
# and JSON can carry it.
_SURROGATES = re.compile('[\ud800-\udfff]')


def _with_stand_ins(text):
    return _SURROGATES.sub(lambda m: chr(0x10D800 + ord(m.group()) - 0xD800), text)


def constant(value):
    if value is None:
        return "none"
    if value is Ellipsis:
        return "ellipsis"
    # bool before int: bool is a subclass of int.
    if isinstance(value, bool):
        return {"bool": value}
    if isinstance(value, int):
        return {"int": str(value)}
    if isinstance(value, float):
        return {"float": float_text(value)}
    if isinstance(value, complex):
        return {
            "complex": {
                "real": float_text(value.real),
                "imag": float_text(value.imag),
            }
        }
    if isinstance(value, str):
        return {"str": _with_stand_ins(value)}
    if isinstance(value, bytes):
        return {"bytes": list(value)}
    raise TypeError(f"unexpected constant of type {type(value).__name__}")


def node_json(node):
    cls = type(node)
    out = {"_type": cls.__name__}
    for name in _layout(cls):
        value = getattr(node, name, None)
        if cls in (ast.Constant, ast.MatchSingleton) and name == "value":
            out[name] = constant(value)
        elif isinstance(value, ast.AST):
            out[name] = node_json(value)
        elif isinstance(value, list):
            out[name] = [
                node_json(item) if isinstance(item, ast.AST) else item
                for item in value
            ]
        else:
            out[name] = value
    return out


def error_json(exc):
    return {
        "error": {
            "type": type(exc).__name__,
            "msg": getattr(exc, "msg", None) or str(exc),
            "lineno": getattr(exc, "lineno", None),
            "offset": getattr(exc, "offset", None),
        }
    }


def one_file(path, mode):
    try:
        if path == "-":
            source = sys.stdin.buffer.read()
            filename = "<stdin>"
        else:
            with open(path, "rb") as f:
                source = f.read()
            filename = path
        tree = ast.parse(source, filename=filename, mode=mode)
        return json.dumps(node_json(tree), check_circular=False)
    except Exception as exc:  # noqa: BLE001 - reported to the caller, per file
        # SyntaxError covers IndentationError and TabError; anything else
        # (OSError, RecursionError, MemoryError...) is reported the same way.
        return json.dumps(error_json(exc))


def main(argv):
    mode = "exec"
    paths = []
    args = iter(argv)
    for a in args:
        if a == "--":
            paths.extend(args)
        elif a == "--mode":
            mode = next(args, None)
        elif a.startswith("--mode="):
            mode = a[len("--mode="):]
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            paths.append(a)
    # The older single-file form: `cpython_ast.py FILE MODE`.
    if len(paths) == 2 and paths[1] in MODES:
        mode = paths.pop()
    if mode not in MODES or not paths:
        sys.stderr.write(
            "usage: cpython_ast.py [--mode exec|eval|single] FILE...\n"
        )
        return 2
    out = sys.stdout
    try:
        for path in paths:
            out.write(one_file(path, mode))
            out.write("\n")
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`, or ast-diff gave up): not an error.
        sys.stdout = None
        return 0
    return 0


def run_with_room(argv):
    """Runs `main` on a thread with a large stack: deep trees recurse deeply
    in `node_json` and in json's C encoder."""
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    sys.setrecursionlimit(200_000)
    threading.stack_size(512 * 1024 * 1024)
    result = []
    worker = threading.Thread(target=lambda: result.append(main(argv)))
    worker.start()
    worker.join()
    return result[0] if result else 1


if __name__ == "__main__":
    sys.exit(run_with_room(sys.argv[1:]))
