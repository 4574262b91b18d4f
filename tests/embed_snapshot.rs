//! Snapshots of paused runs (`Interpreter::snapshot`, `Interpreter::restore`):
//! a run paused by the instruction budget or at an external call, written
//! out as bytes and taken up by a brand-new interpreter, must go on as if
//! it had never stopped — across a chain of fresh interpreters, one per
//! pause, the output put together is python3's. A snapshot is a copy (the
//! run it was taken from goes on too); external and host functions are
//! matched by name in the restoring interpreter; bad bytes are an
//! `Error::Snapshot`, never a panic.
//!
//! Every expected output is python3's (3.11.7), pasted from a run of the
//! program shown; where the program calls a function the host answers, the
//! python3 run defined it in Python (`FETCH_IN_PYTHON`, `HOST_IN_PYTHON`).

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use krait::Error;
use krait::embed::{HostCall, HostError, Interpreter, PyValue, RunState};

/// A program that goes through what a snapshot must carry: user classes
/// with dunders (instances as dict keys and set members), inheritance with
/// `super()`, a property, static and class methods, closures with
/// `nonlocal`, generators (one iterated by the program's own `for`, so
/// pauses fall inside it; one half consumed with `next()` and kept across
/// pauses), comprehensions, loops over every kind of iterator, a caught
/// exception kept in a variable, big ints, floats, bytes, tuples, nested
/// lists, a dict with tuple keys and a module used before and after the
/// pauses. It prints along the way, so its output is split between the
/// interpreters of a chain. About 2,400 instructions.
const WORKOUT: &str = r#"
import math

class Vec:
    made = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Vec.made += 1
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y
    @staticmethod
    def origin():
        return Vec(0, 0)
    @classmethod
    def diagonal(cls, n):
        return cls(n, n)

class Tagged(Vec):
    def __init__(self, x, y, tag='d'):
        super().__init__(x, y)
        self.tag = tag
    def __repr__(self):
        return f'Tagged({self.x}, {self.y}, {self.tag!r})'

def counter(start):
    n = start
    def bump(by=1):
        nonlocal n
        n += by
        return n
    return bump

def squares(limit):
    for i in range(limit):
        if i % 2:
            yield i * i
        else:
            yield -i

print('start', math.sqrt(16), math.gcd(12, 18))
bump = counter(10)
held = squares(6)
first = [next(held), next(held)]
points = [Vec(i, 3 - i) for i in range(4)]
total = Vec.origin()
for p in points:
    total = total + p
    bump()
print('points', total, total.norm2, min(points), Vec.diagonal(2) == Vec(2, 2), bump(0))
seen = {p: i for i, p in enumerate(points)}
members = {Vec(1, 2), Vec(1, 2), Tagged(1, 2, 'a'), Tagged(2, 1)}
print('keys', seen[Vec(2, 1)], Vec(9, 9) in seen, len(members), Tagged(5, 6, 'z'), Tagged.diagonal(3))
acc = 0
for v in squares(7):
    acc += v
grid = [[r * 3 + c for c in range(3)] for r in range(3)]
flat = [v for row in grid for v in row if v % 2 == 0]
table = {(r, c): grid[r][c] for r in range(3) for c in range(3) if r != c}
residues = {v % 4 for v in flat}
words = []
for ch in reversed('snake'):
    words.append(ch.upper())
for i, (a, b) in enumerate(zip('abc', [10, 20, 30])):
    words.append(f'{i}{a}{b}')
for key, value in table.items():
    if key[0] > key[1]:
        bump(value)
print('loops', acc, flat, sorted(residues), words, bump(0))
big = 2 ** 100
for k in range(3):
    big = big * 3 + k
ratio = 0.1 + 0.2
print('numbers', big, divmod(big, 10 ** 9), ratio, ratio * 3, math.floor(ratio * 10), (1, 2.5, 'x'))
data = b'krait' + bytes([0, 255])
check = 0
for byte in data:
    check = (check * 31 + byte) % 65521
saved = None
events = []
for attempt in range(3):
    try:
        if attempt == 1:
            raise KeyError(('missing', attempt))
        events.append(10 // (attempt - 3))
    except KeyError as e:
        saved = e
        events.append('caught')
    finally:
        events.append(('finally', attempt))
rest = []
for v in held:
    rest.append(v)
print('bytes', data, data[1:3], check, data.hex())
print('saved', events, type(saved).__name__, saved.args, repr(saved))
print('end', first, rest, Vec.made, math.isqrt(big) % 1000, math.pi * 2)
"#;

/// python3's output for `WORKOUT`.
const WORKOUT_OUTPUT: &str = r#"start 4.0 6
points Vec(6, 6) 72 Vec(0, 3) True 14
keys 2 False 2 Tagged(5, 6, 'z') Tagged(3, 3, 'd')
loops 23 [0, 2, 4, 6, 8] [0, 2] ['E', 'K', 'A', 'N', 'S', '0a10', '1b20', '2c30'] 30
numbers 34226566206162193840410986545157 (34226566206162193840410, 986545157) 0.30000000000000004 0.9000000000000001 3 (1, 2.5, 'x')
bytes b'krait\x00\xff' b'ra' 1745 6b7261697400ff
saved [-4, ('finally', 0), 'caught', ('finally', 1), -10, ('finally', 2)] KeyError (('missing', 1),) KeyError(('missing', 1))
end [0, 1] [-2, 9, -4, 25] 19 471 6.283185307179586
"#;

/// The external function `fetch` written in Python: what [`answer`] gives
/// for a call of it. python3 ran it ahead of each program that calls
/// `fetch`; the tests run it in krait too, as a baseline.
const FETCH_IN_PYTHON: &str = r#"
def fetch(key, scale=1, *, tag=None):
    return len(key) * 100 + scale + (0 if tag is None else 1000)
"#;

/// The host's answer to a call of `fetch` (as `FETCH_IN_PYTHON`).
fn answer(call: &HostCall) -> i64 {
    let key: String = call.arg(0).unwrap();
    let scale: i64 = if call.len() > 1 {
        call.arg(1).unwrap()
    } else {
        call.keyword("scale").unwrap().unwrap_or(1)
    };
    let tagged = matches!(
        call.keyword::<Option<String>>("tag").unwrap(),
        Some(Some(_))
    );
    key.chars().count() as i64 * 100 + scale + if tagged { 1000 } else { 0 }
}

/// External calls from a function, from a generator consumed by a `for`
/// loop, from a method called in a comprehension, with keywords.
const CALLS: &str = r#"
def lookup(key):
    value = fetch(key, scale=2)
    return value + 1

def stream(keys):
    for k in keys:
        yield fetch(k, scale=len(k), tag='gen')

class Cache:
    def __init__(self):
        self.hits = {}
    def get(self, key):
        if key not in self.hits:
            self.hits[key] = fetch(key)
        return self.hits[key]

results = []
for key in ['a', 'bb', 'ccc']:
    results.append(lookup(key))
print('looked up', results)
streamed = []
for v in stream(('x', 'yy')):
    streamed.append(v * 10)
print('streamed', streamed)
cache = Cache()
hits = [cache.get(k) for k in ['a', 'bbb', 'a', 'bbb']]
direct = fetch('zz', 5, tag=None)
print('cached', hits, direct, sorted(cache.hits.items()))
"#;

/// python3's output for `FETCH_IN_PYTHON` followed by `CALLS`.
const CALLS_OUTPUT: &str = r#"looked up [103, 203, 303]
streamed [11010, 12020]
cached [101, 301, 101, 301] 205 [('a', 101), ('bbb', 301)]
"#;

/// The calls `CALLS` makes, in order, as [`describe`] writes them: python3's
/// (a `fetch` that logged each call in this form).
const CALLS_MADE: [&str; 8] = [
    "fetch('a', scale=2)",
    "fetch('bb', scale=2)",
    "fetch('ccc', scale=2)",
    "fetch('x', scale=1, tag='gen')",
    "fetch('yy', scale=2, tag='gen')",
    "fetch('a')",
    "fetch('bbb')",
    "fetch('zz', 5, tag=None)",
];

/// A run that waits at an external call three calls deep, with locals of
/// many kinds in every frame, after setting globals the test reads.
const NESTED: &str = r#"
class Box:
    def __init__(self, items):
        self.items = items
    def total(self):
        return sum(self.items)

def level3(box, scale, label):
    big = 2 ** 100 + scale
    ratio = scale / 4
    pair = (label, scale)
    kinds = {'ints': box.items[:2], 'none': None}
    bits = {scale, scale * 2}
    raw = bytes([scale, 65])
    answer = fetch(label, scale=3, tag=None)
    return [answer, big % 1000, ratio, pair, kinds, sorted(bits), raw, box.total()]

def level2(box, label):
    letters = [c for c in label]
    def tail(n):
        return letters[-n:]
    parts = level3(box, len(letters), label.upper())
    return parts + [tail(2)]

def level1(n):
    box = Box(list(range(n)))
    squares = {i: i * i for i in range(n)}
    flag = n > 3
    gen = (i * 3 for i in range(n))
    head = next(gen)
    out = level2(box, 'krait')
    return out + [squares[n - 1], flag, head, list(gen)]

x = 42
name = 'nested'
big = 3 ** 70
ratio = 2.5
pairs = [(1, 'one'), (2, 'two')]
table = {'a': 1, 'b': 2}
result = level1(5)
print(result)
print(x, name, big, ratio, pairs, table)
"#;

/// python3's output for `FETCH_IN_PYTHON` followed by `NESTED`.
const NESTED_OUTPUT: &str = r#"[503, 381, 1.25, ('KRAIT', 5), {'ints': [0, 1], 'none': None}, [5, 10], b'\x05A', 10, ['i', 't'], 16, True, 0, [3, 6, 9, 12]]
42 nested 2503155504993241601315571986085849 2.5 [(1, 'one'), (2, 'two')] {'a': 1, 'b': 2}
"#;

/// A small run holding values of every kind a snapshot writes out (a
/// module, a class and its instance, a closure, a suspended generator, big
/// ints, floats, str, bytes, containers), paused at the budget in its loop
/// or at its external call: the snapshots the bad-bytes test corrupts.
const HOLDINGS: &str = r#"
import math

class P:
    def __init__(self, v):
        self.v = v

def gen(n):
    for i in range(n):
        yield i * 2

def make():
    k = 0
    def inc():
        nonlocal k
        k += 1
        return k
    return inc

inc = make()
g = gen(5)
next(g)
values = [1, 2 ** 70, 1.5, 'text', b'\x00\x01', (1, 'a'), {'k': [P(3)]}, {4, 5}, None, True]
total = 0
for i in range(60):
    total += i * inc()
got = fetch('key', scale=len(values))
print(total, next(g), math.floor(2.5), len(values), got, values[6]['k'][0].v)
"#;

/// python3's output for `FETCH_IN_PYTHON` followed by `HOLDINGS`.
const HOLDINGS_OUTPUT: &str = "71980 2 2 10 310 3\n";

/// Waits at an external call; the tests answer it differently in the run
/// and in its copies.
const ONE_CALL: &str = "log = ['started']\nx = fetch('a')\nlog.append(x)\nprint(x * 2, log)\n";

/// python3's output for `ONE_CALL` with a `fetch` returning 1, 20 and 300.
const ONE_CALL_OUTPUTS: [(i64, &str); 3] = [
    (1, "2 ['started', 1]\n"),
    (20, "40 ['started', 20]\n"),
    (300, "600 ['started', 300]\n"),
];

/// Calls the host function `double` directly and through a reference
/// taken before the pause at the external `checkpoint`.
const HOST: &str = r#"
def work(values):
    out = []
    for v in values:
        out.append(double(v))
    return out

keep = double
first = work([1, 2])
print('before', first)
checkpoint()
print('after', first, work([1, 2, 3]), keep(10))
"#;

/// `double` and `checkpoint` in Python, as python3 ran them ahead of
/// `HOST`: the first interpreter's `double` doubles, the restoring
/// interpreter's (registered under the same name) triples, and the
/// snapshot is taken at `checkpoint`.
const HOST_IN_PYTHON: &str = r#"
factor = 2
def double(n):
    return n * factor
def checkpoint():
    global factor
    factor = 3
"#;

/// python3's output for `HOST_IN_PYTHON` followed by `HOST`.
const HOST_OUTPUT: &str = "before [2, 4]\nafter [2, 4] [3, 6, 9] 30\n";

/// python3's output for `HOST_IN_PYTHON` followed by `HOST` with a
/// `checkpoint` that leaves `factor` at 2: what the run the snapshot was
/// taken from, still with its doubling `double`, prints after the pause.
const HOST_OUTPUT_UNCHANGED: &str = "after [2, 4] [2, 4, 6] 20\n";

/// A run holding a `deque` when it waits at an external call.
const DEQUE: &str = "from collections import deque\nq = deque([1, 2])\nwait()\n\
                     for i in range(50):\n    q.append(i)\nprint(len(q), q[-1])\n";

/// python3's output for `DEQUE` (with a `wait` that does nothing).
const DEQUE_OUTPUT: &str = "52 49\n";

/// A brand-new interpreter with `externals` registered.
fn fresh_interpreter(externals: &[&str]) -> Interpreter {
    let mut python = Interpreter::new();
    for name in externals {
        python.register_external(name).unwrap();
    }
    python
}

/// An argument's value as Python's `repr` writes it, for the str, int and
/// `None` arguments of the tests' calls.
fn shown(
    as_text: Result<Option<String>, HostError>,
    as_int: Result<Option<i64>, HostError>,
) -> String {
    match (as_text, as_int) {
        (Ok(Some(text)), _) => format!("'{text}'"),
        (Ok(None), _) => "None".to_string(),
        (_, Ok(Some(n))) => n.to_string(),
        _ => "<other>".to_string(),
    }
}

/// A call as Python code: `fetch('a', 5, tag=None)`.
fn describe(call: &HostCall) -> String {
    let mut parts: Vec<String> = (0..call.len())
        .map(|index| shown(call.arg(index), call.arg(index)))
        .collect();
    for name in call.keyword_names() {
        let as_text = call.keyword::<Option<String>>(name).map(Option::flatten);
        let as_int = call.keyword::<Option<i64>>(name).map(Option::flatten);
        parts.push(format!("{name}={}", shown(as_text, as_int)));
    }
    format!("{}({})", call.name(), parts.join(", "))
}

/// The message of an `Error::Snapshot` (anything else fails the test).
fn snapshot_message<T: std::fmt::Debug>(result: Result<T, Error>) -> String {
    match result {
        Err(Error::Snapshot(message)) => message,
        other => panic!("expected Error::Snapshot, got {other:?}"),
    }
}

/// What a chain of interpreters did with a run.
struct Chain {
    /// The stdout of all the interpreters, one after another.
    output: String,
    /// The external calls, as [`describe`] writes them.
    calls: Vec<String>,
    /// How many times the run paused (so how many interpreters took it up).
    pauses: usize,
    /// How many of the interpreters printed something.
    printers: usize,
}

/// Runs `source` pausing every `step` instructions (never, for `None`) and
/// at every call of an external function; at each pause the run is
/// snapshotted and restored into a brand-new interpreter (with `externals`
/// registered), which goes on with it — answering calls with [`answer`] —
/// and is itself snapshotted at the next pause. The old one is dropped.
fn run_in_a_chain(source: &str, step: Option<u64>, externals: &[&str]) -> Chain {
    let mut python = fresh_interpreter(externals);
    python.set_instruction_budget(step);
    let mut state = python.start(source).unwrap();
    let mut chain = Chain {
        output: String::new(),
        calls: Vec::new(),
        pauses: 0,
        printers: 0,
    };
    loop {
        let reply = match &state {
            RunState::Finished => break,
            RunState::OutOfBudget => None,
            RunState::Call(call) => {
                chain.calls.push(describe(call));
                Some(answer(call))
            }
        };
        chain.pauses += 1;
        let pause = chain.pauses;
        let snapshot = python
            .snapshot()
            .unwrap_or_else(|err| panic!("snapshot at pause {pause} (every {step:?}): {err:?}"));
        let printed = python.take_stdout();
        if !printed.is_empty() {
            chain.printers += 1;
        }
        chain.output.push_str(&printed);
        let mut next = fresh_interpreter(externals);
        let restored = next
            .restore(&snapshot)
            .unwrap_or_else(|err| panic!("restore at pause {pause} (every {step:?}): {err:?}"));
        match (&state, &restored) {
            (RunState::OutOfBudget, RunState::OutOfBudget) => {}
            (RunState::Call(before), RunState::Call(after)) => {
                assert_eq!(describe(before), describe(after), "pause {pause}");
            }
            _ => panic!(
                "pause {pause} (every {step:?}): paused for {state:?}, restored as {restored:?}"
            ),
        }
        assert!(next.is_paused(), "pause {pause}");
        python = next;
        python.set_instruction_budget(step);
        state = match reply {
            None => python.resume(),
            Some(value) => python.resume_with(value),
        }
        .unwrap_or_else(|err| panic!("resuming after pause {pause} (every {step:?}): {err:?}"));
    }
    let printed = python.take_stdout();
    if !printed.is_empty() {
        chain.printers += 1;
    }
    chain.output.push_str(&printed);
    assert!(!python.is_paused());
    chain
}

/// Objects of many kinds held across pauses: subclasses of builtin types
/// (with their builtin value), an exception with a cause and attributes,
/// nested classes, a lambda sort key, dict views, ranges, slices, complex
/// and negative big numbers, and iterators part-way through (a list's,
/// `map`, `filter`, `zip`, `enumerate`, a dict's items, a set's), a bound
/// method and a frozenset of tuples.
const KINDS: &str = r#"
import math
class L(list):
    def total(self):
        return sum(self)
class D(dict):
    def __missing__(self, key):
        return key * 2
class S(str):
    def shout(self):
        return self.upper() + '!'
class Oops(Exception):
    def __init__(self, code):
        super().__init__(f'code {code}')
        self.code = code
class Outer:
    class Inner:
        level = 2
    def __init__(self):
        self.inner = Outer.Inner()
def chained():
    try:
        try:
            raise KeyError('k')
        except KeyError as e:
            raise Oops(7) from e
    except Oops as o:
        return o
l = L([1, 2, 3])
d = D(a=1)
s = S('hey')
o = chained()
key = lambda p: (-p[1], p[0])
pairs = sorted([('a', 2), ('b', 3), ('c', 2)], key=key)
view = d.keys()
rng = range(3, 30, 4)
sl = slice(1, None, 2)
c = complex(1.5, -2)
big = -(3 ** 80)
nested = Outer()
it = iter([10, 20, 30])
first = next(it)
m = map(lambda x: x * 3, [1, 2, 3])
f = filter(None, [0, 1, 0, 2])
z = zip('ab', 'cd')
en = enumerate('xyz', start=5)
next(en)
di = iter({'p': 1, 'q': 2, 'r': 3}.items())
next(di)
st = iter({5})
bm = l.total
fz = frozenset({(1, 2), (3, 4)})
for step in range(3):
    l.append(step)
    print(step, l.total(), d['zz'], d['a'], s.shout(), type(o).__name__, o.code, repr(o.__cause__), o.args)
print(pairs, list(view), list(rng), [0, 1, 2, 3, 4, 5][sl], c * 2, big % 1000, nested.inner.level)
print(next(it), list(it), list(m), list(f), list(z), list(en), list(di), list(st), bm(), sorted(fz), math.pi)
print(isinstance(l, list), isinstance(o, Exception), Outer.Inner.__qualname__, L.__mro__[1].__name__)
"#;

/// python3's output for [`KINDS`].
const KINDS_OUTPUT: &str = r#"0 6 zzzz 1 HEY! Oops 7 KeyError('k') ('code 7',)
1 7 zzzz 1 HEY! Oops 7 KeyError('k') ('code 7',)
2 9 zzzz 1 HEY! Oops 7 KeyError('k') ('code 7',)
[('b', 3), ('a', 2), ('c', 2)] ['a'] [3, 7, 11, 15, 19, 23, 27] [1, 3, 5] (3-4j) 399 2
20 [30] [3, 6, 9] [1, 2] [('a', 'c'), ('b', 'd')] [(6, 'y'), (7, 'z')] [('q', 2), ('r', 3)] [5] 9 [(1, 2), (3, 4)] 3.141592653589793
True True Outer.Inner list
"#;

#[test]
fn objects_of_every_kind_survive_a_snapshot() {
    let mut python = Interpreter::new();
    python.exec(KINDS).unwrap();
    assert_eq!(python.take_stdout(), KINDS_OUTPUT);
    for step in [1, 5] {
        let chain = run_in_a_chain(KINDS, Some(step), &[]);
        assert_eq!(
            chain.output, KINDS_OUTPUT,
            "pausing every {step} instructions"
        );
    }
}

/// Classes with `__slots__` (their member descriptors, values in the
/// instances, a subclass with a `__dict__`) and named tuples (their
/// `_tuplegetter` fields) held across pauses.
const SLOTS: &str = r#"
from collections import namedtuple
Point = namedtuple('Point', 'x y', defaults=[0])
class Cell:
    __slots__ = ('row', 'col', 'value')
    def __init__(self, row, col, value=None):
        self.row, self.col, self.value = row, col, value
    def __repr__(self):
        return f'Cell({self.row}, {self.col}, {self.value!r})'
class Tagged(Cell):
    __slots__ = ('tag',)
class Free(Cell):
    pass
points = [Point(i, i * i) for i in range(4)]
cells = [Cell(p.x, p.y) for p in points]
t = Tagged(1, 2, 'v')
t.tag = 'k'
f = Free(3, 4)
f.extra = [1]
for c in cells:
    c.value = c.row + c.col
total = sum(p.x * p.y for p in points)
print(points[2], points[3]._replace(y=-1), cells, t, t.tag, f, f.extra, total)
try:
    cells[0].other = 1
except AttributeError as e:
    print('AttributeError', e)
print(Point._fields, Point(5), Point.x.__doc__, hasattr(t, '__dict__'), vars(f))
"#;

/// python3's output for [`SLOTS`].
const SLOTS_OUTPUT: &str = r#"Point(x=2, y=4) Point(x=3, y=-1) [Cell(0, 0, 0), Cell(1, 1, 2), Cell(2, 4, 6), Cell(3, 9, 12)] Cell(1, 2, 'v') k Cell(3, 4, None) [1] 36
AttributeError 'Cell' object has no attribute 'other'
('x', 'y') Point(x=5, y=0) Alias for field number 0 False {'extra': [1]}
"#;

#[test]
fn slotted_classes_and_named_tuples_survive_a_snapshot() {
    let mut python = Interpreter::new();
    python.exec(SLOTS).unwrap();
    assert_eq!(python.take_stdout(), SLOTS_OUTPUT);
    for step in [1, 4] {
        let chain = run_in_a_chain(SLOTS, Some(step), &[]);
        assert_eq!(
            chain.output, SLOTS_OUTPUT,
            "pausing every {step} instructions"
        );
    }
}

/// Generators delegating with `yield from` (a generator resumed in place
/// by SEND, returning a value to the frame below), driven by `next`,
/// `send` (both resumed in place by CALL, a return raising StopIteration
/// at the call) and `for`: snapshots taken inside every part of it.
const DELEGATION: &str = r#"
def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print('got', got)
    return n * 10

def outer():
    total = yield from inner(3)
    print('inner returned', total)
    total += yield from inner(2)
    return total

def driver():
    g = outer()
    out = [next(g)]
    out.append(g.send('x'))
    for v in g:
        out.append(v)
    g = inner(1)
    next(g)
    try:
        g.send('y')
    except StopIteration as stop:
        out.append(stop.value)
    return out

print(driver())
for v in outer():
    print('v', v)
print(list(outer()))
"#;

/// python3's output for [`DELEGATION`].
const DELEGATION_OUTPUT: &str = r#"got x
inner returned 30
got y
[0, 1, 2, 0, 1, 10]
v 0
v 1
v 2
inner returned 30
v 0
v 1
inner returned 30
[0, 1, 2, 0, 1]
"#;

#[test]
fn delegating_generators_survive_a_snapshot() {
    let mut python = Interpreter::new();
    python.exec(DELEGATION).unwrap();
    assert_eq!(python.take_stdout(), DELEGATION_OUTPUT);
    for step in [1, 2, 3, 5] {
        let chain = run_in_a_chain(DELEGATION, Some(step), &[]);
        assert_eq!(
            chain.output, DELEGATION_OUTPUT,
            "pausing every {step} instructions"
        );
    }
}

#[test]
fn a_snapshot_taken_at_every_pause_resumes_to_pythons_output() {
    // Baseline: krait runs the program as python3 does.
    let mut python = Interpreter::new();
    python.exec(WORKOUT).unwrap();
    assert_eq!(python.take_stdout(), WORKOUT_OUTPUT);
    // A pause (and a new interpreter) before every instruction, so every
    // position of the program is snapshotted; then chains whose restored
    // runs live longer between snapshots. (Every step up to 40 was run
    // once by hand; these keep the test within seconds in a debug build.)
    let steps = [1, 3, 7, 97, 250];
    for step in steps {
        let chain = run_in_a_chain(WORKOUT, Some(step), &[]);
        assert_eq!(
            chain.output, WORKOUT_OUTPUT,
            "pausing every {step} instructions"
        );
        assert!(chain.pauses > 5, "every {step}: {} pauses", chain.pauses);
        assert!(chain.printers >= 2, "every {step}: output not split");
        assert!(chain.calls.is_empty());
    }
}

#[test]
fn external_calls_restored_in_fresh_interpreters_are_the_same_calls_and_take_their_answers() {
    let mut python = Interpreter::new();
    python.exec(&format!("{FETCH_IN_PYTHON}{CALLS}")).unwrap();
    assert_eq!(python.take_stdout(), CALLS_OUTPUT);
    // At the calls only, then at the calls and the budget.
    for step in [None, Some(1), Some(5), Some(23)] {
        let chain = run_in_a_chain(CALLS, step, &["fetch"]);
        assert_eq!(chain.output, CALLS_OUTPUT, "every {step:?}");
        assert_eq!(chain.calls, CALLS_MADE, "every {step:?}");
        assert!(chain.printers >= 2, "every {step:?}: output not split");
    }
}

#[test]
fn a_snapshot_is_a_copy_and_the_run_it_was_taken_from_goes_on() {
    let mut source = Interpreter::new();
    source.set_instruction_budget(Some(97));
    let mut state = source.start(WORKOUT).unwrap();
    let mut printed = String::new();
    // (what the run had printed, two snapshots taken one after the other)
    let mut taken = Vec::new();
    while let RunState::OutOfBudget = state {
        printed.push_str(&source.take_stdout());
        let first = source.snapshot().unwrap();
        let second = source.snapshot().unwrap();
        assert!(source.is_paused());
        taken.push((printed.clone(), first, second));
        source.set_instruction_budget(Some(97));
        state = source.resume().unwrap();
    }
    assert!(matches!(state, RunState::Finished), "{state:?}");
    printed.push_str(&source.take_stdout());
    // Taking snapshots did not change the run.
    assert_eq!(printed, WORKOUT_OUTPUT);
    assert!(taken.len() > 20, "{} pauses", taken.len());
    // Each snapshot, restored after the run it came from has finished,
    // goes on from where it was taken to the same end.
    for (index, (before, first, second)) in taken.iter().enumerate() {
        for snapshot in [first, second] {
            let mut copy = Interpreter::new();
            let restored = copy.restore(snapshot).unwrap();
            assert!(matches!(restored, RunState::OutOfBudget), "{restored:?}");
            copy.set_instruction_budget(None);
            assert!(matches!(copy.resume().unwrap(), RunState::Finished));
            assert_eq!(
                format!("{before}{}", copy.take_stdout()),
                WORKOUT_OUTPUT,
                "snapshot at pause {}",
                index + 1
            );
        }
    }
}

#[test]
fn copies_of_a_run_waiting_at_a_call_are_answered_independently() {
    let [
        (one, one_output),
        (twenty, twenty_output),
        (three_hundred, three_hundred_output),
    ] = ONE_CALL_OUTPUTS;
    let mut source = fresh_interpreter(&["fetch"]);
    let RunState::Call(call) = source.start(ONE_CALL).unwrap() else {
        panic!("expected a call");
    };
    assert_eq!(describe(&call), "fetch('a')");
    let snapshot = source.snapshot().unwrap();
    // Two copies of the one snapshot, both waiting at once.
    let mut first = fresh_interpreter(&["fetch"]);
    let mut second = fresh_interpreter(&["fetch"]);
    for copy in [&mut first, &mut second] {
        let RunState::Call(restored) = copy.restore(&snapshot).unwrap() else {
            panic!("expected the call");
        };
        assert_eq!(describe(&restored), "fetch('a')");
        assert_eq!(copy.get::<Vec<String>>("log").unwrap(), ["started"]);
    }
    assert!(matches!(
        second.resume_with(three_hundred).unwrap(),
        RunState::Finished
    ));
    assert!(matches!(
        source.resume_with(one).unwrap(),
        RunState::Finished
    ));
    assert!(matches!(
        first.resume_with(twenty).unwrap(),
        RunState::Finished
    ));
    assert_eq!(source.take_stdout(), one_output);
    assert_eq!(first.take_stdout(), twenty_output);
    assert_eq!(second.take_stdout(), three_hundred_output);
    assert_eq!(second.get::<i64>("x").unwrap(), three_hundred);
}

/// Restores `bytes` into a fresh interpreter (with `fetch` registered)
/// and, when that works, goes on with the run for up to 100,000
/// instructions; whatever the run does then is fine. The restore's error,
/// if any; a panic fails the test, naming `case`.
fn restore_and_go_on(bytes: &[u8], case: &str) -> Result<(), Error> {
    let outcome = catch_unwind(AssertUnwindSafe(|| -> Result<(), Error> {
        let mut python = fresh_interpreter(&["fetch"]);
        python.set_time_limit(Some(Duration::from_secs(10)));
        let state = python.restore(bytes)?;
        python.set_instruction_budget(Some(100_000));
        let _ = match state {
            RunState::OutOfBudget => python.resume(),
            RunState::Call(_) => python.resume_with(0),
            RunState::Finished => Ok(RunState::Finished),
        };
        Ok(())
    }));
    outcome.unwrap_or_else(|_| panic!("{case}: panicked"))
}

/// Positions in `0..len`: all of them when there are at most `max`, else
/// the first and last 64 and evenly spread ones between (an odd stride, so
/// they fall at every alignment).
fn positions(len: usize, max: usize) -> Vec<usize> {
    if len <= max {
        return (0..len).collect();
    }
    let mut stride = len / max + 1;
    if stride.is_multiple_of(2) {
        stride += 1;
    }
    let mut chosen: Vec<usize> = (0..64)
        .chain((0..len).step_by(stride))
        .chain(len - 64..len)
        .collect();
    chosen.sort_unstable();
    chosen.dedup();
    chosen
}

/// `snapshot` with its checksum made right again. The layout, from
/// `krait_vm::interpreter::snapshot`: an 8-byte magic, a 4-byte version,
/// the contents, and the contents' 64-bit FNV-1a hash, little-endian.
fn resealed(mut snapshot: Vec<u8>) -> Vec<u8> {
    let end = snapshot.len() - 8;
    let hash = snapshot[12..end]
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, &b| {
            (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3)
        });
    snapshot[end..].copy_from_slice(&hash.to_le_bytes());
    snapshot
}

#[test]
fn truncated_or_corrupted_snapshots_are_refused_or_run_without_panicking() {
    let mut python = Interpreter::new();
    python
        .exec(&format!("{FETCH_IN_PYTHON}{HOLDINGS}"))
        .unwrap();
    assert_eq!(python.take_stdout(), HOLDINGS_OUTPUT);
    // One snapshot paused by the budget (in the loop), one at the call.
    let mut at_budget = fresh_interpreter(&["fetch"]);
    at_budget.set_instruction_budget(Some(300));
    assert!(matches!(
        at_budget.start(HOLDINGS).unwrap(),
        RunState::OutOfBudget
    ));
    let mut at_call = fresh_interpreter(&["fetch"]);
    assert!(matches!(
        at_call.start(HOLDINGS).unwrap(),
        RunState::Call(_)
    ));
    let snapshots = [
        ("budget", at_budget.snapshot().unwrap()),
        ("call", at_call.snapshot().unwrap()),
    ];
    for (kind, snapshot) in &snapshots {
        // The snapshot as it is runs to python3's output.
        let mut copy = fresh_interpreter(&["fetch"]);
        let mut state = copy.restore(snapshot).unwrap();
        loop {
            copy.set_instruction_budget(None);
            state = match state {
                RunState::Finished => break,
                RunState::OutOfBudget => copy.resume().unwrap(),
                RunState::Call(call) => copy.resume_with(answer(&call)).unwrap(),
            };
        }
        assert_eq!(copy.take_stdout(), HOLDINGS_OUTPUT, "the {kind} snapshot");

        let len = snapshot.len();
        // Every truncation (evenly spread ones, for a long snapshot): an
        // `Error::Snapshot`, or, if it happens to be a snapshot, a run.
        let mut refused = 0;
        for cut in positions(len, 1_200) {
            let case = format!("the {kind} snapshot cut to {cut} of {len} bytes");
            match restore_and_go_on(&snapshot[..cut], &case) {
                Ok(()) => {}
                Err(Error::Snapshot(_)) => refused += 1,
                Err(other) => panic!("{case}: {other:?}, not Error::Snapshot"),
            }
        }
        assert!(refused > 0, "the {kind} snapshot: no truncation refused");
        // A byte flipped, all its bits or the lowest one.
        for at in positions(len, 400) {
            for mask in [0xFF_u8, 0x01] {
                let mut corrupted = snapshot.clone();
                corrupted[at] ^= mask;
                let case = format!("the {kind} snapshot with byte {at} of {len} ^ {mask:#04x}");
                let _ = restore_and_go_on(&corrupted, &case);
            }
        }
        // The same, with the checksum made to match again: what the
        // reader checks of the contents themselves (every index, each
        // frame against its code) must hold without the checksum's help.
        for at in positions(len - 8, 400).into_iter().filter(|&at| at >= 12) {
            for mask in [0xFF_u8, 0x01, 0x80] {
                let mut corrupted = snapshot.clone();
                corrupted[at] ^= mask;
                let case =
                    format!("the {kind} snapshot with byte {at} of {len} ^ {mask:#04x}, resealed");
                let _ = restore_and_go_on(&resealed(corrupted), &case);
            }
        }
        // Bytes after the end, the snapshot twice over.
        let mut longer = snapshot.clone();
        longer.push(0);
        let _ = restore_and_go_on(&longer, &format!("the {kind} snapshot and a 0"));
        let twice = [snapshot.as_slice(), snapshot.as_slice()].concat();
        let _ = restore_and_go_on(&twice, &format!("the {kind} snapshot twice"));
        // Its beginning and then noise.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for keep in [4, 8, 16, 32, len / 2] {
            let mut noisy = snapshot[..keep.min(len)].to_vec();
            while noisy.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                noisy.push(seed as u8);
            }
            let _ = restore_and_go_on(
                &noisy,
                &format!("the {kind} snapshot's first {keep} bytes and noise"),
            );
        }
    }
    // Nothing at all, and bytes that were never a snapshot.
    assert!(matches!(
        restore_and_go_on(&[], "no bytes"),
        Err(Error::Snapshot(_))
    ));
    for garbage in [
        vec![0_u8; 64],
        vec![0xFF; 64],
        b"krait".to_vec(),
        (0..=255).collect(),
    ] {
        let _ = restore_and_go_on(&garbage, &format!("{garbage:?}"));
    }
}

#[test]
fn snapshot_is_an_error_when_no_run_is_paused() {
    let mut python = Interpreter::new();
    snapshot_message(python.snapshot());
    python.exec("x = 1").unwrap();
    snapshot_message(python.snapshot());
    assert!(matches!(python.start("y = 2").unwrap(), RunState::Finished));
    snapshot_message(python.snapshot());
    python.register_external("fetch").unwrap();
    assert!(matches!(
        python.start("z = fetch('a')").unwrap(),
        RunState::Call(_)
    ));
    python.abandon();
    snapshot_message(python.snapshot());
    // The interpreter is as usable as before.
    assert_eq!(python.eval::<i64>("x + y").unwrap(), 3);
}

#[test]
fn restore_into_an_interpreter_with_a_paused_run_is_an_error_and_keeps_that_run() {
    let mut waiting = fresh_interpreter(&["fetch"]);
    assert!(matches!(
        waiting.start(ONE_CALL).unwrap(),
        RunState::Call(_)
    ));
    let snapshot = waiting.snapshot().unwrap();

    let mut busy = fresh_interpreter(&["fetch"]);
    busy.set_instruction_budget(Some(200));
    assert!(matches!(
        busy.start(WORKOUT).unwrap(),
        RunState::OutOfBudget
    ));
    assert!(busy.restore(&snapshot).is_err());
    assert!(busy.is_paused());
    busy.set_instruction_budget(None);
    assert!(matches!(busy.resume().unwrap(), RunState::Finished));
    assert_eq!(busy.take_stdout(), WORKOUT_OUTPUT);

    // Nor into the interpreter it was taken from, while it waits.
    assert!(waiting.restore(&snapshot).is_err());
    assert!(waiting.is_paused());
    let (value, output) = ONE_CALL_OUTPUTS[0];
    assert!(matches!(
        waiting.resume_with(value).unwrap(),
        RunState::Finished
    ));
    assert_eq!(waiting.take_stdout(), output);
}

#[test]
fn restoring_a_run_that_refers_to_an_unregistered_external_function_is_an_error_naming_it() {
    // Waiting at a call of it, and paused by the budget with it only in
    // the namespace.
    let waiting_source = "price = fetch_price('tea')\nprint(price)\n";
    let budget_source =
        "total = 0\nfor i in range(100):\n    total += i\nprice = fetch_price('tea')\n";
    let mut waiting = fresh_interpreter(&["fetch_price"]);
    assert!(matches!(
        waiting.start(waiting_source).unwrap(),
        RunState::Call(_)
    ));
    let mut budgeted = fresh_interpreter(&["fetch_price"]);
    budgeted.set_instruction_budget(Some(50));
    assert!(matches!(
        budgeted.start(budget_source).unwrap(),
        RunState::OutOfBudget
    ));
    for snapshot in [waiting.snapshot().unwrap(), budgeted.snapshot().unwrap()] {
        let mut bare = Interpreter::new();
        let message = snapshot_message(bare.restore(&snapshot));
        assert!(message.contains("fetch_price"), "{message}");
        assert!(!bare.is_paused());
        // An external of another name does not stand in for it.
        let mut other = fresh_interpreter(&["fetch"]);
        let message = snapshot_message(other.restore(&snapshot));
        assert!(message.contains("fetch_price"), "{message}");
        assert!(!other.is_paused());
        // Registered, it is found.
        let mut ready = fresh_interpreter(&["fetch_price"]);
        assert!(ready.restore(&snapshot).is_ok());
        assert!(ready.is_paused());
    }
    // The waiting one, restored, takes its answer (python3 prints 12 for
    // `print(12)`).
    let mut ready = fresh_interpreter(&["fetch_price"]);
    let RunState::Call(call) = ready.restore(&waiting.snapshot().unwrap()).unwrap() else {
        panic!("expected the call");
    };
    assert_eq!(describe(&call), "fetch_price('tea')");
    assert!(matches!(ready.resume_with(12).unwrap(), RunState::Finished));
    assert_eq!(ready.take_stdout(), "12\n");
}

#[test]
fn a_run_holding_an_object_that_cannot_be_written_out_is_not_snapshotted_and_goes_on() {
    let mut python = fresh_interpreter(&["wait"]);
    assert!(matches!(python.start(DEQUE).unwrap(), RunState::Call(_)));
    let message = snapshot_message(python.snapshot());
    assert!(message.contains("deque"), "{message}");
    assert!(python.is_paused());
    assert!(matches!(
        python.resume_with(()).unwrap(),
        RunState::Finished
    ));
    assert_eq!(python.take_stdout(), DEQUE_OUTPUT);
}

#[test]
fn a_run_restored_three_calls_deep_shows_the_snapshots_globals_before_it_resumes() {
    let mut python = Interpreter::new();
    python.exec(&format!("{FETCH_IN_PYTHON}{NESTED}")).unwrap();
    assert_eq!(python.take_stdout(), NESTED_OUTPUT);

    let mut source = fresh_interpreter(&["fetch"]);
    let RunState::Call(call) = source.start(NESTED).unwrap() else {
        panic!("expected a call");
    };
    let snapshot = source.snapshot().unwrap();
    drop(source);

    let mut python = fresh_interpreter(&["fetch"]);
    python.set("stale", 1).unwrap();
    let RunState::Call(restored) = python.restore(&snapshot).unwrap() else {
        panic!("expected the call");
    };
    assert_eq!(describe(&restored), "fetch('KRAIT', scale=3, tag=None)");
    assert_eq!(describe(&restored), describe(&call));
    assert!(python.is_paused());
    // `__main__`'s namespace is the snapshot's.
    assert_eq!(python.get::<i64>("x").unwrap(), 42);
    assert_eq!(python.get::<String>("name").unwrap(), "nested");
    assert_eq!(python.get::<u128>("big").unwrap(), 3_u128.pow(70));
    assert_eq!(python.get::<f64>("ratio").unwrap(), 2.5);
    assert_eq!(
        python.get::<Vec<(i64, String)>>("pairs").unwrap(),
        [(1_i64, "one".to_string()), (2, "two".to_string())]
    );
    assert_eq!(
        python.get::<BTreeMap<String, i64>>("table").unwrap(),
        BTreeMap::from([("a".to_string(), 1_i64), ("b".to_string(), 2)])
    );
    assert!(python.get::<PyValue>("result").is_err());
    assert!(python.get::<PyValue>("stale").is_err());
    assert_eq!(python.eval::<i64>("Box([1, 2, 3]).total()").unwrap(), 6);
    assert!(python.is_paused());
    // Then the three frames finish.
    assert!(matches!(
        python.resume_with(answer(&restored)).unwrap(),
        RunState::Finished
    ));
    assert_eq!(python.take_stdout(), NESTED_OUTPUT);
    assert_eq!(python.get::<i64>("x").unwrap(), 42);
    assert!(!python.is_paused());
}

#[test]
fn host_functions_are_matched_by_name_in_the_restoring_interpreter() {
    let mut python = Interpreter::new();
    python.exec(&format!("{HOST_IN_PYTHON}{HOST}")).unwrap();
    assert_eq!(python.take_stdout(), HOST_OUTPUT);

    let mut source = fresh_interpreter(&["checkpoint"]);
    source.register_function("double", |n: i64| n * 2).unwrap();
    let RunState::Call(call) = source.start(HOST).unwrap() else {
        panic!("expected a call");
    };
    assert_eq!(describe(&call), "checkpoint()");
    let snapshot = source.snapshot().unwrap();
    let before = source.take_stdout();

    let mut python = fresh_interpreter(&["checkpoint"]);
    python.register_function("double", |n: i64| n * 3).unwrap();
    let RunState::Call(restored) = python.restore(&snapshot).unwrap() else {
        panic!("expected the call");
    };
    assert_eq!(describe(&restored), "checkpoint()");
    assert!(matches!(
        python.resume_with(()).unwrap(),
        RunState::Finished
    ));
    assert_eq!(format!("{before}{}", python.take_stdout()), HOST_OUTPUT);

    // Without it registered: an error naming it.
    let mut bare = fresh_interpreter(&["checkpoint"]);
    let message = snapshot_message(bare.restore(&snapshot));
    assert!(message.contains("double"), "{message}");

    // The run the snapshot came from keeps its own.
    assert!(matches!(
        source.resume_with(()).unwrap(),
        RunState::Finished
    ));
    assert_eq!(source.take_stdout(), HOST_OUTPUT_UNCHANGED);
}
