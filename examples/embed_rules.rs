//! A rules evaluator: pricing rules written in Python by the users of a
//! Rust program, run in a sandboxed interpreter against the program's own
//! data, with Rust functions the rules may call.
//!
//!     cargo run --example embed_rules

use std::collections::HashMap;

use krait::embed::{HostError, HostModule, Interpreter};

/// The rules, as a user of the program would write them.
const RULES: &str = r#"
from shop import tier, note

def discount(customer, items, total):
    """Percent off an order."""
    percent = 0
    if tier(customer) == "gold":
        percent += 10
    if len(items) >= 3:
        percent += 5
    if total > 1000:
        note(f"large order for {customer}")
        percent = max(percent, 12)
    return min(percent, 20)
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tiers: HashMap<String, String> = [("ada", "gold"), ("bob", "silver")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();

    let mut python = Interpreter::new();
    let shop = HostModule::new("shop")
        .function("tier", move |customer: String| {
            tiers
                .get(&customer)
                .cloned()
                .ok_or_else(|| HostError::new("KeyError", customer))
        })
        .function("note", |message: String| {
            println!("  rule note: {message}");
        });
    python.register_module(shop)?;
    python.exec_named(RULES, "rules.py")?;

    let orders = [
        ("ada", vec!["pen", "ink", "paper"], 30.0),
        ("bob", vec!["desk"], 1200.0),
        ("bob", vec!["pen"], 4.5),
    ];
    let mut percents = Vec::new();
    for (customer, items, total) in orders {
        let percent: i64 = python.call("discount", (customer, items, total))?;
        println!("{customer}: {percent}% off {total}");
        percents.push(percent);
    }
    assert_eq!(percents, [15, 12, 0]);

    // A rule that fails names the Python line; the program goes on.
    let unknown = python.call::<i64>("discount", ("eve", Vec::<String>::new(), 1.0));
    match unknown {
        Err(krait::Error::Exception {
            type_name,
            message,
            traceback,
        }) => {
            println!("rule failed: {type_name}: {message}");
            assert_eq!(
                (type_name.as_str(), message.as_str()),
                ("KeyError", "'eve'")
            );
            assert!(traceback.contains("File \"rules.py\", line 7, in discount"));
        }
        other => panic!("expected a KeyError, got {other:?}"),
    }
    Ok(())
}
