//! The VM's seams for what comes next: the host interface (output goes
//! where the host says), the per-instruction observer (sees every plain
//! instruction: fused fast paths switched off) and the instruction budget.

use std::cell::RefCell;
use std::rc::Rc;

use krait::Mode;
use krait_vm::host::BufferHost;
use krait_vm::interpreter::observe::{InstructionEvent, Observer};
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
