//! Runs that pause and resume (`Interpreter::start`, `resume`,
//! `resume_with`): at external calls and when the instruction budget runs
//! out. A paused run resumed must print what an uninterrupted one prints
//! (the uninterrupted output is python3's, checked by hand where noted).

use krait::Error;
use krait::embed::{HostError, Interpreter, RunState};

/// A program that goes through the places a pause must survive: calls
/// with keywords (KW_NAMES before CALL), generators resumed in place,
/// dunder methods run from native code, `try`/`finally`, comprehensions,
/// closures and exceptions.
const WORKOUT: &str = r#"
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        total = 0
        for i in range(5):
            total += i
        return V(self.x + other.x + total - 10)
    def __lt__(self, other):
        return self.x < other.x

def scaled(x, *, factor=2, offset=0):
    return x * factor + offset

def gen(n):
    for i in range(n):
        yield scaled(i, factor=3, offset=1)

def outer():
    seen = []
    def inner(v):
        seen.append(v)
        return len(seen)
    return inner, seen

inner, seen = outer()
log = []
for k in range(4):
    try:
        acc = V(0)
        for v in [V(i) for i in range(6)]:
            acc = acc + v
        log.append(acc.x)
        log.append(sum(gen(5)))
        log.append(sorted([V(3), V(1), V(2)])[0].x)
        log.append(inner(scaled(k, offset=k)))
        if k == 2:
            raise ValueError(k)
    except ValueError as e:
        log.append(('caught', e.args))
    finally:
        log.append('finally')
print(log, seen)
"#;

/// python3's output for `WORKOUT`.
const WORKOUT_OUTPUT: &str = "[15, 35, 1, 1, 'finally', 15, 35, 1, 2, 'finally', 15, 35, 1, 3, ('caught', (2,)), 'finally', 15, 35, 1, 4, 'finally'] [0, 3, 6, 9]\n";

/// Runs `source` pausing every `step` instructions; returns the output
/// and how many times it paused.
fn run_in_steps(source: &str, step: u64) -> (String, usize) {
    let mut python = Interpreter::new();
    python.set_instruction_budget(Some(step));
    let mut state = python.start(source).unwrap();
    let mut pauses = 0;
    while let RunState::OutOfBudget = state {
        pauses += 1;
        assert!(python.is_paused());
        python.set_instruction_budget(Some(step));
        state = python.resume().unwrap();
    }
    assert!(matches!(state, RunState::Finished), "{state:?}");
    assert!(!python.is_paused());
    (python.take_stdout(), pauses)
}

#[test]
fn a_run_paused_at_every_budget_resumes_to_the_same_output() {
    let mut python = Interpreter::new();
    python.exec(WORKOUT).unwrap();
    assert_eq!(python.take_stdout(), WORKOUT_OUTPUT);
    // Every step from 1 (a pause before every instruction, so at every
    // position of the program, KW_NAMES included) to 64.
    for step in 1..=64 {
        let (output, pauses) = run_in_steps(WORKOUT, step);
        assert_eq!(output, WORKOUT_OUTPUT, "pausing every {step} instructions");
        assert!(pauses > 0);
    }
}

#[test]
fn pauses_fall_at_the_same_instructions_on_every_run() {
    let first = run_in_steps(WORKOUT, 97);
    let second = run_in_steps(WORKOUT, 97);
    assert_eq!(first, second);
    assert!(first.1 > 20, "{} pauses", first.1);
}

#[test]
fn an_external_call_pauses_the_run_until_the_host_answers() {
    let mut python = Interpreter::new();
    python.register_external("fetch").unwrap();
    let source = "results = []\n\
                  for key in ('a', 'b'):\n    \
                      results.append(fetch(key, retries=len(key) + 1))\n\
                  total = sum(results)\n";
    let RunState::Call(call) = python.start(source).unwrap() else {
        panic!("expected a call");
    };
    assert_eq!(call.name(), "fetch");
    assert_eq!(call.arg::<String>(0).unwrap(), "a");
    assert_eq!(call.keyword::<i64>("retries").unwrap(), Some(2));
    // Other work while the run waits: the namespace is there to read.
    assert!(python.is_paused());
    assert_eq!(
        python.get::<Vec<i64>>("results").unwrap(),
        Vec::<i64>::new()
    );
    assert_eq!(python.eval::<i64>("6 * 7").unwrap(), 42);
    let RunState::Call(call) = python.resume_with(40).unwrap() else {
        panic!("expected the second call");
    };
    assert_eq!(call.arg::<String>(0).unwrap(), "b");
    assert!(matches!(python.resume_with(2).unwrap(), RunState::Finished));
    assert_eq!(python.get::<i64>("total").unwrap(), 42);
    assert!(!python.is_paused());
}

#[test]
fn an_external_call_answered_with_an_error_raises_at_the_call() {
    let mut python = Interpreter::new();
    python.register_external("fetch").unwrap();
    let source = "try:\n    value = fetch('x')\nexcept KeyError as e:\n    value = ('missing', e.args[0])\n\
                  finally:\n    print('finally ran')\n\
                  other = fetch('y')\n";
    assert!(matches!(python.start(source).unwrap(), RunState::Call(_)));
    let state = python
        .resume_with_error(HostError::new("KeyError", "x"))
        .unwrap();
    assert!(matches!(state, RunState::Call(_)));
    assert_eq!(
        python.get::<(String, String)>("value").unwrap(),
        ("missing".to_string(), "x".to_string())
    );
    // Uncaught, it ends the run with the usual traceback.
    let err = python
        .resume_with_error(HostError::value_error("no y"))
        .unwrap_err();
    let Error::Exception {
        type_name,
        traceback,
        ..
    } = err
    else {
        panic!("expected an exception");
    };
    assert_eq!(type_name, "ValueError");
    assert!(traceback.contains("line 7"), "{traceback}");
    assert!(traceback.ends_with("ValueError: no y\n"), "{traceback}");
    assert_eq!(python.take_stdout(), "finally ran\n");
    assert!(!python.is_paused());
}

#[test]
fn an_external_function_called_from_native_code_raises() {
    let mut python = Interpreter::new();
    python.register_external("fetch").unwrap();
    // Through `map`, as a sort key, from a dunder and from a run that
    // cannot pause: RuntimeError, which the program can catch.
    let source = "class K:\n    def __eq__(self, other):\n        return fetch(1)\n\
                  caught = []\n\
                  for attempt in (lambda: list(map(fetch, [1])), lambda: sorted([2, 1], key=fetch), lambda: K() == K()):\n    \
                      try:\n        attempt()\n    except RuntimeError as e:\n        caught.append(str(e))\n";
    assert!(matches!(python.start(source).unwrap(), RunState::Finished));
    let caught: Vec<String> = python.get("caught").unwrap();
    assert_eq!(caught.len(), 3);
    assert!(
        caught[0].starts_with("fetch() can only be called directly"),
        "{caught:?}"
    );
    let err = python.exec("fetch(1)").unwrap_err();
    assert!(
        err.to_string()
            .contains("fetch() can only be called directly"),
        "{err}"
    );
}

#[test]
fn a_paused_run_can_be_abandoned_and_another_started() {
    let mut python = Interpreter::new();
    python.register_external("ask").unwrap();
    let source = "started = True\ntry:\n    answer = ask()\nfinally:\n    print('cleanup')\n";
    assert!(matches!(python.start(source).unwrap(), RunState::Call(_)));
    // A second pausable run waits for the first.
    let err = python.start("x = 1").unwrap_err();
    assert!(err.to_string().contains("cannot start"), "{err}");
    python.abandon();
    assert!(!python.is_paused());
    assert!(python.get::<bool>("started").unwrap());
    assert!(python.get::<i64>("answer").is_err());
    // No `finally` of the abandoned run ran.
    assert_eq!(python.take_stdout(), "");
    assert!(matches!(python.start("x = 1").unwrap(), RunState::Finished));
    assert_eq!(python.get::<i64>("x").unwrap(), 1);
    // Resuming with nothing paused is an error, not a panic.
    assert!(python.resume().is_err());
    assert!(python.resume_with(1).is_err());
}

#[test]
fn a_budget_that_runs_out_where_the_run_cannot_pause_still_ends_it() {
    // An endless loop inside a dunder run from native code: the grace runs
    // out and the budget ends the run as a limit (no exception).
    let mut python = Interpreter::new();
    python.set_instruction_budget(Some(10_000));
    let source = "class Forever:\n    def __eq__(self, other):\n        while True:\n            pass\n\
                  Forever() == Forever()\n";
    let err = python.start(source).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Limit {
                limit: krait::Limit::Instructions,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!python.is_paused());
    python.set_instruction_budget(None);
    assert_eq!(python.eval::<i64>("6 * 7").unwrap(), 42);
}

#[test]
fn a_budget_pause_inside_a_dunder_waits_until_the_run_is_back_in_its_own_code() {
    // The budget runs out inside `__add__` (run from native code): the run
    // finishes the dunder and pauses after it.
    let mut python = Interpreter::new();
    python
        .exec(
            "done = []\n\
             class A:\n    def __add__(self, other):\n        n = 0\n        for i in range(100):\n            n += i\n        done.append(n)\n        return n\n",
        )
        .unwrap();
    python.set_instruction_budget(Some(20));
    let state = python.start("x = A() + A()\ny = x + 1\n").unwrap();
    assert!(matches!(state, RunState::OutOfBudget), "{state:?}");
    // Paused in the module's code, after the dunder returned.
    assert_eq!(python.get::<Vec<i64>>("done").unwrap(), [4950]);
    assert!(python.get::<i64>("y").is_err());
    python.set_instruction_budget(Some(1_000));
    assert!(matches!(python.resume().unwrap(), RunState::Finished));
    assert_eq!(python.eval::<(i64, i64)>("(x, y)").unwrap(), (4950, 4951));
}

#[test]
fn a_generator_running_when_its_run_is_abandoned_is_finished() {
    let mut python = Interpreter::new();
    python.register_external("ask").unwrap();
    let source = "def gen():\n    yield 1\n    yield ask()\n    yield 3\n\
                  g = gen()\nfirst = []\nfor x in g:\n    first.append(x)\n";
    // Paused inside the generator's frame (resumed in place by the loop).
    assert!(matches!(python.start(source).unwrap(), RunState::Call(_)));
    python.abandon();
    // python3 would say the same of a generator that raised and ended.
    assert_eq!(python.eval::<Vec<i64>>("first").unwrap(), [1]);
    assert_eq!(
        python.eval::<Vec<i64>>("list(g)").unwrap(),
        Vec::<i64>::new()
    );
}

#[test]
fn the_exception_being_handled_stays_with_the_paused_run() {
    let mut python = Interpreter::new();
    python.register_external("ask").unwrap();
    let source = "import sys\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    ask()\n    \
                  inside = sys.exc_info()[0].__name__\nafter = sys.exc_info()[0]\n";
    assert!(matches!(python.start(source).unwrap(), RunState::Call(_)));
    // Another run meanwhile handles nothing.
    assert!(
        python
            .eval::<bool>("__import__('sys').exc_info()[0] is None")
            .unwrap()
    );
    assert!(matches!(
        python.resume_with(()).unwrap(),
        RunState::Finished
    ));
    assert_eq!(python.get::<String>("inside").unwrap(), "ZeroDivisionError");
    assert!(python.eval::<bool>("after is None").unwrap());
}
