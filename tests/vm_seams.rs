//! The VM's seams for what comes next: the host interface (output goes
//! where the host says), the per-instruction observer (sees every plain
//! instruction: fused fast paths switched off) and the instruction budget.

use std::cell::RefCell;
use std::rc::Rc;

use krait::Mode;
use krait_bytecode::Opcode;
use krait_vm::host::BufferHost;
use krait_vm::interpreter::observe::{Event, InstructionEvent, Interest, Observer};
use krait_vm::{PyErr, Value, Vm};

fn run(vm: &mut Vm, source: &str) -> Result<Value, PyErr> {
    let code = krait::compile(source, "<test>", Mode::Exec).expect("compiles");
    vm.run_code(code)
}

fn buffered_vm() -> Vm {
    Vm::with_host(Box::new(BufferHost::default()))
}

fn printed(vm: &mut Vm) -> String {
    vm.host_as::<BufferHost>()
        .expect("a buffer host")
        .stdout
        .clone()
}

#[test]
fn print_goes_to_the_host() {
    let mut vm = buffered_vm();
    run(
        &mut vm,
        "print('hello', 1 + 2)\nimport sys\nsys.stdout.write('x\\n')",
    )
    .unwrap();
    assert_eq!(printed(&mut vm), "hello 3\nx\n");
}

/// Records the instruction names of one code object and the two values
/// on top of the stack at each BINARY_OP.
struct Recorder {
    code_name: &'static str,
    names: Rc<RefCell<Vec<String>>>,
    operands: Rc<RefCell<Vec<(i64, i64)>>>,
}

impl Observer for Recorder {
    fn instruction(&mut self, event: &InstructionEvent) -> Result<(), PyErr> {
        if event.code_name != self.code_name {
            return Ok(());
        }
        let name = event.instruction.name();
        if name == "BINARY_OP"
            && let [.., Value::Int(a), Value::Int(b)] = event.stack
        {
            self.operands.borrow_mut().push((*a, *b));
        }
        self.names.borrow_mut().push(name.to_string());
        Ok(())
    }
}

#[test]
fn the_observer_sees_every_plain_instruction() {
    // Unwatched, `t = t + i` is one fused dispatch (LOAD_FAST, LOAD_FAST,
    // BINARY_OP, STORE_FAST) and JUMP_BACKWARD runs FOR_ITER: watched,
    // each appears on its own, as `dis` lists them.
    let source = "def f(n):\n    t = 0\n    for i in range(n):\n        t = t + i\n    return t\nprint(f(4))\n";
    let names = Rc::new(RefCell::new(Vec::new()));
    let operands = Rc::new(RefCell::new(Vec::new()));
    let mut vm = buffered_vm();
    vm.set_observer(Some(Box::new(Recorder {
        code_name: "f",
        names: names.clone(),
        operands: operands.clone(),
    })));
    run(&mut vm, source).unwrap();
    assert_eq!(printed(&mut vm), "6\n");
    let names = names.borrow();
    let count = |name: &str| names.iter().filter(|n| *n == name).count();
    assert_eq!(count("BINARY_OP"), 4);
    assert_eq!(count("FOR_ITER"), 5);
    assert_eq!(count("JUMP_BACKWARD"), 4);
    assert_eq!(count("STORE_FAST"), 1 + 4 + 4);
    assert_eq!(names.last().map(String::as_str), Some("RETURN_VALUE"));
    // The operands of each `t + i`, read from the observed stack.
    assert_eq!(*operands.borrow(), [(0, 0), (0, 1), (1, 2), (3, 3)]);
    // Detached: the same program runs (fused) and prints the same.
    vm.set_observer(None);
    run(&mut vm, "print(f(4))").unwrap();
    assert_eq!(printed(&mut vm), "6\n6\n");
}

/// Writes frame events as CPython's `sys.settrace` names them (`call`,
/// `line`, `return`, `exception`), with the function and line, leaving
/// out the module's frame (a tracer set inside a module does not see it).
struct SettraceLike(Rc<RefCell<Vec<String>>>);

impl Observer for SettraceLike {
    fn event(&mut self, event: Event, at: &InstructionEvent) -> Result<(), PyErr> {
        if at.code_name == "<module>" {
            return Ok(());
        }
        let name = at.code_name;
        let line = at.line;
        let text = match event {
            Event::Call => format!("call {name} {}", at.first_line),
            Event::Resume => format!("call {name} {line}"),
            Event::Line => format!("line {name} {line}"),
            Event::Return(value) | Event::Yield(value) => {
                format!("return {name} {line} {}", repr_of(value))
            }
            Event::Unwind(_) => format!("return {name} {line} None"),
            Event::Raise(exception) => {
                let text = PyErr::from_value(exception)
                    .map(|err| err.to_string())
                    .unwrap_or_default();
                let type_name = text.split(':').next().unwrap_or_default().to_string();
                format!("exception {name} {line} {type_name}")
            }
            Event::Branch(_) | Event::Handled(_) => return Ok(()),
        };
        self.0.borrow_mut().push(text);
        Ok(())
    }
}

fn repr_of(value: &Value) -> String {
    match value {
        Value::None => "None".into(),
        Value::Int(i) => i.to_string(),
        Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
        _ => "<object>".into(),
    }
}

#[test]
fn frame_events_follow_cpythons_settrace() {
    // Line 1 and the last line set and clear python3's tracer; krait runs
    // the same lines with an observer instead. (One difference is left:
    // CPython also reports an `exception` event in the caller when a
    // generator driven by `for` returns a value other than None, the
    // StopIteration its FOR_ITER clears; krait does not.)
    let body = "def gen(n):\n    for i in range(n):\n        yield i\n    pass\n\ndef f(x):\n    y = x + 1\n    if y > 2:\n        y = 0\n    while y < 3:\n        y += 1\n    return y\n\ndef fails(x):\n    return 10 // x\n\ndef g():\n    try:\n        fails(0)\n    except ZeroDivisionError:\n        pass\n    try:\n        try:\n            [] [1]\n        finally:\n            z = 1\n    except IndexError:\n        z = 2\n    total = 0\n    for v in gen(3): total += v\n    sq = [k * k for k in range(2)]\n    return total + len(sq)\n\nclass C:\n    a = 1\n    def m(self):\n        return (lambda: self.a)()\n\nf(1)\nf(5)\ng()\nC().m()\n";
    let tracer = "import sys; T = lambda f, e, a: (print(e, f.f_code.co_name, f.f_lineno, *([a[0].__name__] if e == 'exception' else [a if a is None or type(a) in (int, bool) else '<object>'] if e == 'return' else [])), T)[1]; sys.settrace(T)\n";
    let python_source = format!("{tracer}{body}sys.settrace(None)\n");
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg(&python_source)
        .output()
        .expect("python3 runs");
    assert!(output.status.success(), "{output:?}");
    let expected = String::from_utf8(output.stdout).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut vm = buffered_vm();
    vm.set_observer(Some(Box::new(SettraceLike(events.clone()))));
    run(&mut vm, &format!("pass\n{body}pass\n")).unwrap();
    let got = events.borrow().join("\n") + "\n";
    assert_eq!(got, expected);
}

/// Wants the hooks of CALL only, and no events, until it has seen three
/// calls; then everything.
struct CallsFirst(Rc<RefCell<Vec<String>>>);

impl Observer for CallsFirst {
    fn interest(&self) -> Interest {
        if self.0.borrow().len() < 3 {
            Interest::only(&[Opcode::Call])
        } else {
            Interest::ALL
        }
    }

    fn instruction(&mut self, event: &InstructionEvent) -> Result<(), PyErr> {
        self.0
            .borrow_mut()
            .push(event.instruction.name().to_string());
        Ok(())
    }

    fn event(&mut self, event: Event, at: &InstructionEvent) -> Result<(), PyErr> {
        if let Event::Call = event {
            self.0.borrow_mut().push(format!("call {}", at.code_name));
        }
        Ok(())
    }
}

#[test]
fn an_observer_hears_what_its_interest_names() {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let mut vm = buffered_vm();
    vm.set_observer(Some(Box::new(CallsFirst(seen.clone()))));
    run(&mut vm, "def f():\n    return 1\nf()\nf()\nf()\nf()\n").unwrap();
    let seen = seen.borrow();
    // Three CALL hooks, nothing else; then (from the third call's frame
    // on) every instruction and event, but no `call` for the module's
    // frame, which was already running.
    assert_eq!(
        *seen,
        [
            "CALL",
            "CALL",
            "CALL",
            "call f",
            "LOAD_CONST",
            "RETURN_VALUE",
            "POP_TOP",
            "PUSH_NULL",
            "LOAD_NAME",
            "CALL",
            "call f",
            "LOAD_CONST",
            "RETURN_VALUE",
            "POP_TOP",
            "LOAD_CONST",
            "RETURN_VALUE"
        ]
    );
}

#[test]
fn the_budget_counts_and_stops_a_run() {
    let mut vm = buffered_vm();
    vm.set_instruction_budget(Some(1_000_000));
    run(&mut vm, "x = 1\ny = x + 2\n").unwrap();
    // LOAD_CONST, STORE_NAME, LOAD_NAME, LOAD_CONST, BINARY_OP,
    // STORE_NAME, LOAD_CONST, RETURN_VALUE.
    assert_eq!(vm.instructions_executed(), 8);

    // A loop that never ends, even one that catches everything, stops.
    let mut vm = buffered_vm();
    vm.set_instruction_budget(Some(10_000));
    let source = "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n";
    let err = run(&mut vm, source).unwrap_err();
    assert_eq!(
        err.to_string(),
        "RuntimeError: instruction budget exhausted"
    );
    assert_eq!(vm.instructions_executed(), 10_000);
}

/// Counts every instruction it sees.
struct Counter(Rc<RefCell<u64>>);

impl Observer for Counter {
    fn instruction(&mut self, _: &InstructionEvent) -> Result<(), PyErr> {
        *self.0.borrow_mut() += 1;
        Ok(())
    }
}

/// Programs through every fused path (`FusedPath::ALL`), each shape a
/// few times with operands that take the fused path and that do not.
const FUSED_PROGRAMS: &[&str] = &[
    // LoadOperatorInPlace, FastPairOperator (+ STORE_FAST, + jumps),
    // LoadFastPair, ConstFastOperator, CompareJump, IsJump.
    "def f(n):\n    t = 0\n    x = 1.5\n    w = None\n    for i in range(n):\n        if w is None or x is not w:\n            t += 1\n        t = t + i\n        t = t * 2 % 1000\n        if i < 3:\n            t += 1\n        if t > 500:\n            t -= 7\n        y = 2.0 * x + i\n        z = (i, t)\n        if i == 'a' or x != x:\n            t = 0\n        w = x * y + 1.0 > 4.0\n        while i > 2 and t < 0:\n            pass\n    return t, w\nprint(f(40), f(0))\n",
    // CopySubscript, SwapStoreSubscript (lists, tuples, dicts), slicing.
    "xs = [1, 2, 3, 4]\nd = {0: 1}\ndef g():\n    for i in range(4):\n        xs[i] += i\n        xs[i - 4] *= 2\n        d[0] += 1\n        s = xs[1:3]\n        t = xs[::2]\n        xs[0:1] = [9]\n        u = 'hello'[i:]\n    return xs, d, s, t, u\nprint(g())\n",
    // PushNullLoadGlobal, ListAppendCall, ForIterStore, JumpBackwardForIter.
    "def h(n):\n    out = []\n    for x in [3, 1, 2] * n:\n        out.append(abs(x))\n        out.append(x) or len(out)\n    for c in 'abc':\n        out.append(c)\n    for k in (1, 2):\n        pass\n    return sorted(out, key=str)\nprint(h(5))\n",
    // UnpackStoreFast, short and longer than the longest fusion.
    "def u(pairs):\n    total = 0\n    for a, b in pairs:\n        total += a * b\n    a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20 = range(20)\n    t = tuple(range(20))\n    b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15, b16, b17, b18, b19, b20 = t\n    x, y = [1, 2]\n    return total + a20 + b20 + x + y\nprint(u([(1, 2), [3, 4], (5, 6)] * 10))\n",
    // ForIterUnpackPair: enumerate, zip and dict items into locals, into
    // other targets (module names, a subscript), and their exhaustion.
    "def p(xs, d):\n    t = 0\n    for i, x in enumerate(xs):\n        t += i * x\n    for a, b in zip(xs, range(100)):\n        t += a - b\n    for k, v in d.items():\n        t += k * v\n    out = [0]\n    for i, out[0] in enumerate(xs):\n        t += out[0]\n    for a, b in zip(xs, xs[:2]):\n        t += a\n    return t\nprint(p([3, 1, 2] * 4, {1: 2, 3: 4}))\nfor k, v in {5: 6}.items():\n    print(k, v)\nfor i, c in enumerate('ab'):\n    print(i, c)\n",
    // Keyword calls: the hand-over never falls between KW_NAMES and CALL.
    "def kw(a, b=0, *, c=0):\n    return a + b + c\nt = 0\nfor i in range(20):\n    t += kw(i, b=1, c=2) + kw(a=1) + kw(1, c=i)\nprint(t)\n",
    // Finalizers run at JUMP_BACKWARD and CALL, before a fusion there:
    // they may spend what is left of the budget.
    "class D:\n    def __del__(self):\n        t = 0\n        for i in range(3):\n            t += i\ndef f():\n    out = []\n    for i in range(40):\n        d = D()\n        out.append(i)\n    return out\nprint(f())\n",
    // Python code run from native code (dunders, a property, a legacy
    // iteration, sort keys, map): the counted loop charges its straight
    // run before and goes on after.
    "class V:\n    def __init__(self, x):\n        self.x = x\n    def __add__(self, other):\n        return V(self.x + other.x)\n    def __bool__(self):\n        return self.x % 3 != 0\n    def __len__(self):\n        return self.x\n    @property\n    def double(self):\n        return self.x * 2\n    def __getitem__(self, i):\n        if i >= 3:\n            raise IndexError(i)\n        return i * self.x\ndef f():\n    t = V(0)\n    n = 0\n    for i in range(12):\n        t = t + V(i)\n        if t:\n            n += t.double\n        n += sum(V(i))\n        n += len(t) if t else 0\n    s = sorted(range(10), key=lambda k: -k)\n    m = list(map(lambda k: V(k).double, range(5)))\n    try:\n        V(1) + 5\n    except AttributeError:\n        n += 1\n    return n, s, m\nprint(f())\n",
    // Generators, exceptions, classes, closures: no fusion of their own.
    "class A:\n    def __init__(self, v):\n        self.v = v\n    def m(self):\n        return self.v + 1\ndef gen(n):\n    for i in range(n):\n        yield A(i).m()\ndef k():\n    c = 0\n    def inc():\n        nonlocal c\n        c += 1\n    for v in gen(30):\n        try:\n            if v % 7 == 0:\n                raise ValueError(v)\n        except ValueError:\n            inc()\n    return c, sum(x for x in gen(10))\nprint(k())\n",
];

/// The budget counts the plain instruction stream (`dis`'s) while the
/// fused paths run: a budgeted run spends what an observer (which switches
/// them off) sees, and it stops exactly where the budget ends.
#[test]
fn the_budget_counts_fused_paths_as_their_plain_instructions() {
    for source in FUSED_PROGRAMS {
        let seen = Rc::new(RefCell::new(0));
        let mut vm = buffered_vm();
        vm.set_observer(Some(Box::new(Counter(seen.clone()))));
        run(&mut vm, source).unwrap();
        let watched_output = printed(&mut vm);
        let observed = *seen.borrow();

        let budget = 1_000_000_000;
        let mut vm = buffered_vm();
        vm.set_instruction_budget(Some(budget));
        run(&mut vm, source).unwrap();
        assert_eq!(printed(&mut vm), watched_output);
        let spent = budget - vm.instruction_budget().unwrap();
        assert_eq!(spent, observed, "{source}");
        assert_eq!(vm.instructions_executed(), observed, "{source}");

        // Exactly enough runs it to the end; any less stops it with the
        // budget's error, wherever the counted loop handed over to the
        // watched one (never between KW_NAMES and its CALL, never inside
        // a fusion).
        for given in 1..=observed {
            let mut vm = buffered_vm();
            vm.set_instruction_budget(Some(given));
            let result = run(&mut vm, source);
            match result {
                Ok(_) => assert_eq!(given, observed, "{source} with {given}"),
                Err(err) => assert_eq!(
                    err.to_string(),
                    "RuntimeError: instruction budget exhausted",
                    "{source} with {given}"
                ),
            }
            assert_eq!(vm.instruction_budget(), Some(0), "{source} with {given}");
        }
    }
}

/// A VM whose host has no compiler (the VM crate alone) runs code objects
/// but refuses source strings with a clear error, never a crash.
#[test]
fn a_host_without_a_compiler_refuses_source_strings() {
    let mut vm = buffered_vm();
    run(
        &mut vm,
        "try:\n    exec('x = 1')\nexcept RuntimeError as e:\n    print(type(e).__name__, e)\n\
         try:\n    compile('1', '<s>', 'eval')\nexcept RuntimeError as e:\n    print(e)\n\
         def f():\n    return 'code objects still run'\nprint(eval(f.__code__))\n",
    )
    .unwrap_or_else(|err| panic!("{}", err.exception().str()));
    assert_eq!(
        printed(&mut vm),
        "RuntimeError this krait build has no compiler\nthis krait build has no compiler\ncode objects still run\n"
    );
}

/// Files go through the host only: a host that grants nothing turns
/// `open()` for reading and for writing into PermissionError.
#[test]
fn a_host_that_denies_files_refuses_open() {
    let mut vm = Vm::with_host(Box::new(krait_vm::host::DenyAll));
    for source in [
        "open('x')",
        "open('x', 'w')",
        "open('x', 'rb')",
        "open('x', 'x')",
    ] {
        let err = run(&mut vm, source).expect_err("open() is refused");
        assert!(
            err.matches(krait_vm::typeobject::ExcType::PermissionError),
            "{source}: {}",
            err.exception().str()
        );
        assert_eq!(
            err.exception().str(),
            "the host does not allow opening files"
        );
    }
}

/// `input()` and `sys.stdin` share the host's input: what one read ahead
/// the other still gets.
#[test]
fn input_and_sys_stdin_share_the_input() {
    let mut host = BufferHost::default();
    host.input
        .extend(["one", "two", "three", "four"].map(String::from));
    let mut vm = Vm::with_host(Box::new(host));
    run(
        &mut vm,
        "import sys\nprint(input())\nprint(repr(sys.stdin.readline()))\nprint(input())\n\
         print(sys.stdin.readlines())\ntry:\n    input()\nexcept EOFError as e:\n    print(e)\n",
    )
    .unwrap_or_else(|err| panic!("{}", err.exception().str()));
    assert_eq!(
        printed(&mut vm),
        "one\n'two\\n'\nthree\n['four\\n']\nEOF when reading a line\n"
    );
}

/// Code built by hand rather than compiled: the dispatch loop fetches
/// instructions unchecked, so code whose control flow leaves its
/// instructions is refused when loaded, with SystemError, not run.
#[test]
fn code_that_jumps_falls_or_indexes_out_of_range_is_refused() {
    use krait_bytecode::{ConstIdx, Instruction, Label, LineTable};
    let mut vm = buffered_vm();
    let mut code = krait::compile("pass", "<test>", Mode::Exec).expect("compiles");
    code.instructions = vec![
        Instruction::LoadConst(ConstIdx(0)),
        Instruction::PopJumpIfTrue(Label(40)),
        Instruction::ReturnValue,
    ];
    code.line_table = LineTable::from_lines(vec![1; 3]);
    let err = vm.run_code(code.clone()).expect_err("refused");
    assert!(err.matches(krait_vm::typeobject::ExcType::SystemError));
    assert!(err.exception().str().contains("index 40 out of range"));
    code.instructions = vec![Instruction::LoadConst(ConstIdx(0))];
    code.line_table = LineTable::from_lines(vec![1]);
    let err = vm.run_code(code).expect_err("refused");
    assert!(err.matches(krait_vm::typeobject::ExcType::SystemError));
    assert!(
        err.exception().str().contains("fall off the end"),
        "{}",
        err.exception().str()
    );
    // A local the code does not have (the dispatch reads locals unchecked).
    let mut code = krait::compile("pass", "<test>", Mode::Exec).expect("compiles");
    code.instructions = vec![
        Instruction::LoadFast(krait_bytecode::LocalIdx(5)),
        Instruction::ReturnValue,
    ];
    code.line_table = LineTable::from_lines(vec![1; 2]);
    let err = vm.run_code(code).expect_err("refused");
    assert!(err.matches(krait_vm::typeobject::ExcType::SystemError));
    assert!(
        err.exception().str().contains("varnames"),
        "{}",
        err.exception().str()
    );
    // The VM is still usable.
    run(&mut vm, "print(1 + 1)").expect("runs");
    assert_eq!(printed(&mut vm), "2\n");
}

/// Wants the hooks of CALL and CALL_FUNCTION_EX, filtered: only from the
/// first call of a function named `wanted` on. Records what each hooked
/// call calls (the callable's `repr`) and what `wants_call` was asked.
struct FirstCallOf {
    wanted: &'static str,
    hooked: Rc<RefCell<Vec<(String, u32)>>>,
    asked: Rc<RefCell<usize>>,
}

impl Observer for FirstCallOf {
    fn interest(&self) -> Interest {
        Interest::only(&[Opcode::Call, Opcode::CallFunctionEx]).filtering_calls()
    }

    fn wants_call(&mut self, callable: &Value) -> bool {
        *self.asked.borrow_mut() += 1;
        krait_vm::interpreter::observe::callable_names(callable).contains(&self.wanted.to_string())
    }

    fn instruction(&mut self, event: &InstructionEvent) -> Result<(), PyErr> {
        self.hooked
            .borrow_mut()
            .push((event.instruction.name().to_string(), event.line));
        Ok(())
    }
}

/// A filtering observer leaves the fused loop running (its fused paths
/// give the same results) and is asked at every call until it accepts
/// one; that call and every CALL after it are hooked (the run is watched
/// from then on), whichever way it was made: plainly, with keywords
/// (the hand-over starts at KW_NAMES), with `*args`, from a nested run.
#[test]
fn a_filtering_observer_is_hooked_from_the_first_call_it_wants() {
    let prelude = "def warm(n, *, step=1):\n    out = []\n    for i in range(0, n, step):\n        out.append(i)\n    return sum(out)\ndef target(*a, **k):\n    return 1\ndef after():\n    return 2\nt = 0\nfor k in range(30):\n    t += warm(k, step=2) + warm(*(k,))\n";
    let shapes = [
        ("target()", 13),
        ("target(1, flag=2)", 13),
        ("target(*(1, 2))", 13),
        ("target(*(1,), **{'a': 1})", 13),
        ("sorted([2, 1], key=lambda x: target())", 13),
    ];
    for (shape, line) in shapes {
        let source = format!("{prelude}{shape}\nafter()\nprint(t)\n");
        let hooked = Rc::new(RefCell::new(Vec::new()));
        let asked = Rc::new(RefCell::new(0));
        let mut vm = buffered_vm();
        vm.set_observer(Some(Box::new(FirstCallOf {
            wanted: "target",
            hooked: hooked.clone(),
            asked: asked.clone(),
        })));
        run(&mut vm, &source).unwrap();
        assert_eq!(printed(&mut vm), "6090\n", "{shape}");
        let hooked = hooked.borrow();
        // Nothing before the wanted call; the wanted call first; the
        // calls after it (`after()`, `print(t)`) too.
        let first = hooked.first().expect("the wanted call is hooked");
        assert!(
            first.0.starts_with("CALL") && first.1 == line,
            "{shape}: {hooked:?}"
        );
        let later: Vec<u32> = hooked
            .iter()
            .map(|(_, line)| *line)
            .filter(|l| *l > line)
            .collect();
        assert_eq!(later, [14, 15], "{shape}: {hooked:?}");
        // Asked at each call of the warm-up (60 `warm` calls and their
        // `range`, `append`, `sum` calls), not once per instruction.
        let asked = *asked.borrow();
        assert!((60..2000).contains(&asked), "{shape}: asked {asked}");
    }
}
