//! Pause and resume: a Python workflow that asks the host for data it
//! does not have yet (an external function: the run pauses at each call
//! and the host answers when it can), and that runs in slices of its
//! instruction budget so the host can do other work in between.
//!
//!     cargo run --example embed_pause

use std::collections::VecDeque;

use krait::embed::{HostError, Interpreter, RunState};

/// The workflow, as a user of the program would write it.
const WORKFLOW: &str = r#"
prices = {}
for item in ("apple", "pear", "plum"):
    try:
        prices[item] = lookup(item, currency="EUR")
    except KeyError:
        prices[item] = None

# Some work of its own between the lookups' answers.
checksum = 0
for i in range(20_000):
    checksum = (checksum * 31 + i) % 1_000_003

known = {k: v for k, v in prices.items() if v is not None}
print("prices:", known, "checksum:", checksum)
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut python = Interpreter::new();
    python.register_external("lookup")?;
    // Slices of 5,000 instructions: the host gets control back between.
    const SLICE: u64 = 5_000;
    python.set_instruction_budget(Some(SLICE));

    let mut answered: VecDeque<String> = VecDeque::new();
    let mut slices = 0;
    let mut state = python.start_named(WORKFLOW, "workflow.py")?;
    loop {
        state = match state {
            RunState::Finished => break,
            RunState::OutOfBudget => {
                slices += 1;
                python.set_instruction_budget(Some(SLICE));
                python.resume()?
            }
            RunState::Call(call) => {
                let item: String = call.arg(0)?;
                let currency: Option<String> = call.keyword("currency")?;
                answered.push_back(item.clone());
                // The host's own source of data; a missing item is a
                // KeyError in the workflow, which it handles.
                match item.as_str() {
                    "apple" => python.resume_with(1.25)?,
                    "plum" => python.resume_with(2.5)?,
                    _ => python.resume_with_error(HostError::new(
                        "KeyError",
                        format!("{item} ({})", currency.unwrap_or_default()),
                    ))?,
                }
            }
        };
    }

    let output = python.take_stdout();
    print!("{output}");
    println!("answered {answered:?}; paused {slices} times for the budget");
    // python3 prints the same line for the workflow with lookup() giving
    // these answers.
    assert_eq!(
        output,
        "prices: {'apple': 1.25, 'plum': 2.5} checksum: 667472\n"
    );
    assert_eq!(answered, ["apple", "pear", "plum"]);
    assert!(slices > 10);
    Ok(())
}
