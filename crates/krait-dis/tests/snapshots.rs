//! Listings of small programs, compiled by krait-compiler. Each snapshot
//! was checked by eye against `python3 -m dis` on the same source: the
//! layout must match CPython 3.11's; the instructions are krait's.

use krait_compiler::{Mode, compile};

fn listing(source: &str) -> String {
    let code = compile(source, "x.py", Mode::Exec).expect("snapshot source compiles");
    krait_dis::disassemble(&code)
}

/// Snapshots the listing, with the source as the snapshot's description.
macro_rules! snapshot {
    ($name:ident, $source:expr) => {
        #[test]
        fn $name() {
            let source: &str = $source;
            insta::with_settings!({ description => source, omit_expression => true }, {
                insta::assert_snapshot!(listing(source));
            });
        }
    };
}

snapshot!(constant_folding, "x = 1 + 2\n");

snapshot!(
    function_with_loop_and_condition,
    "\
def count_positive(items):
    n = 0
    for item in items:
        if item > 0:
            n += 1
        elif item is None:
            break
    return n
"
);

snapshot!(
    while_loop,
    "\
i = 0
while i < 10:
    i = i * 2 + 1
else:
    print(i)
"
);

snapshot!(
    closure,
    "\
def outer(a):
    b = 2
    def inner(c):
        nonlocal b
        b += c
        return a + b
    return inner
"
);

snapshot!(
    class_with_method,
    "\
class Point(Base):
    '''A point.'''
    dims = 2

    def __init__(self, x, y=0):
        super().__init__()
        self.x = x
        self.y = y
"
);

snapshot!(
    try_except_finally,
    "\
try:
    risky()
except ValueError as e:
    print(e)
except (KeyError, IndexError):
    pass
else:
    ok()
finally:
    cleanup()
"
);

snapshot!(
    with_statement,
    "\
with open('f') as fh:
    data = fh.read()
"
);

snapshot!(
    comprehensions,
    "\
squares = [x * x for x in range(10) if x % 2]
table = {k: v for k, v in pairs}
"
);

snapshot!(
    fstring,
    "\
name = 'world'
width = 10
print(f'hello {name!r:>{width}} {3.5} {name}!')
"
);

snapshot!(
    keyword_arguments,
    "\
f(1, key='value', flag=True)
g(*args, **kwargs)
obj.method(a, b=2)
"
);

snapshot!(
    constants_of_every_kind,
    "\
values = (1, 2.5, 1e16, 1e-05, 2j, -0.0, 'it''s', \"it's\", b'\\x00\\n', None, True, ..., (1,), ())
big = 123456789012345678901234567890
text = 'tab\\there\\nnewline \\\\ quote\\''
"
);

snapshot!(
    generator_and_lambda,
    "\
def gen(n):
    yield from range(n)
    yield n

key = lambda item, *rest, reverse=False, **opts: item
"
);

snapshot!(
    unpacking_and_imports,
    "\
import os.path
from collections import OrderedDict as OD, deque
a, *b, c = range(5)
x, y = y, x
del a
"
);

// Checked against python3.11 -m dis: CPython's AST optimizer folds these
// (`ast_opt.c`), and leaves what would raise or grow large to run time.
snapshot!(
    folded_expressions,
    "\
x = -1
y = 2 ** 8, 'a' * 3, 1 << 10, 'ab' + 'cd', ~True, not 1, -0.0, 1 + 2j
z = 'abc'[1], (1, 2)[0], __debug__, (1, (2, -3))
w = 1 / 0
v = 'a' * 10 ** 9
u = 2 ** 10000
t = x in [1, 2, 3], x in {1, 2, 3}, not x in (y, z), not x is None
d = {1: x, -2: y}
s = [1, 2, -3]
"
);

// Checked against python3.11 -m dis: BUILD_TUPLE + UNPACK_SEQUENCE of up
// to three items is a SWAP, and stores to locals on one line take its
// place (`apply_static_swaps`).
snapshot!(
    swapping_assignments,
    "\
def swaps(a, b, c):
    a, b = b, a
    a, b, c = c, a, b
    (a,) = (b,)
    a, b = b, a + 1
    x.y, b = b, a
    return a, b
"
);
