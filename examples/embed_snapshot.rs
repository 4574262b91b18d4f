//! Snapshots: a Python workflow that waits for approvals, each given by
//! a different process. At every `approve(...)` call the run pauses; its
//! snapshot goes to a file, and a new process (this example run again
//! with `--step FILE`) takes the run up from that file, answers the call,
//! runs on to the next call and saves the run again — the way a service
//! keeps a long-running script between requests without keeping the
//! process.
//!
//!     cargo run --example embed_snapshot

use std::process::Command;

use krait::embed::{Interpreter, RunState};

/// The workflow, as a user of the program would write it.
const WORKFLOW: &str = r#"
class Order:
    def __init__(self, item, qty, price):
        self.item, self.qty, self.price = item, qty, price
    def cost(self):
        return self.qty * self.price

def batches(orders, size):
    for i in range(0, len(orders), size):
        yield orders[i:i + size]

orders = [Order(name, n, p) for name, n, p in
          [("bolt", 40, 0.25), ("nut", 40, 0.1), ("gear", 3, 12.5), ("belt", 2, 9.0)]]
shipped = []
for batch in batches(orders, 2):
    summary = {"items": [o.item for o in batch], "total": sum(o.cost() for o in batch)}
    if approve(summary["total"], reviewer="ops"):
        shipped.extend(summary["items"])
    print("batch", summary["items"], "total", summary["total"], "shipped", len(shipped))
print("done:", shipped)
"#;

/// What python3 prints for the workflow when `approve(total, reviewer=...)`
/// returns `total < 100`.
const EXPECTED: &str = "batch ['bolt', 'nut'] total 14.0 shipped 2\n\
                        batch ['gear', 'belt'] total 55.5 shipped 4\n\
                        done: ['bolt', 'nut', 'gear', 'belt']\n";

/// The exit code of a step that left the run paused at the next call.
const PAUSED_AGAIN: i32 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, file] = args.as_slice()
        && flag == "--step"
    {
        std::process::exit(step(file)?);
    }

    // The first process starts the run; it pauses at the first call.
    let mut python = Interpreter::new();
    python.register_external("approve")?;
    let RunState::Call(call) = python.start_named(WORKFLOW, "workflow.py")? else {
        return Err("the workflow should ask for an approval".into());
    };
    println!("process {} paused at {}()", std::process::id(), call.name());
    let file = std::env::temp_dir().join(format!("krait-workflow-{}.snapshot", std::process::id()));
    std::fs::write(&file, python.snapshot()?)?;
    let mut output = python.take_stdout();
    drop(python);

    // Each approval in a process of its own.
    let mut processes = 0;
    loop {
        let child = Command::new(std::env::current_exe()?)
            .arg("--step")
            .arg(&file)
            .output()?;
        processes += 1;
        output.push_str(&String::from_utf8(child.stdout)?);
        // The step's own report (which process answered what).
        print!("{}", String::from_utf8_lossy(&child.stderr));
        match child.status.code() {
            Some(0) => break,
            Some(PAUSED_AGAIN) => continue,
            other => return Err(format!("a step failed: exit {other:?}").into()),
        }
    }
    let _ = std::fs::remove_file(&file);
    print!("{output}");
    println!("{processes} processes took turns");
    assert_eq!(output, EXPECTED);
    assert_eq!(processes, 2);
    Ok(())
}

/// One process's turn: take the run up, answer its call, run it to the
/// next call (saving it again) or to its end. Prints what the run printed.
fn step(file: &str) -> Result<i32, Box<dyn std::error::Error>> {
    let mut python = Interpreter::new();
    python.register_external("approve")?;
    let RunState::Call(call) = python.restore(&std::fs::read(file)?)? else {
        return Err("the saved run should wait for an approval".into());
    };
    let total: f64 = call.arg(0)?;
    let reviewer: Option<String> = call.keyword("reviewer")?;
    eprintln!(
        "process {} approves {total} for {}",
        std::process::id(),
        reviewer.unwrap_or_default()
    );
    let state = python.resume_with(total < 100.0)?;
    print!("{}", python.take_stdout());
    match state {
        RunState::Finished => Ok(0),
        RunState::Call(_) => {
            std::fs::write(file, python.snapshot()?)?;
            Ok(PAUSED_AGAIN)
        }
        RunState::OutOfBudget => Err("no budget was set".into()),
    }
}
