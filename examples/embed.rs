//! Embedding krait in a few lines (the README's example).
//!
//!     cargo run --example embed

use krait::embed::{HostError, Interpreter};

fn main() -> Result<(), krait::Error> {
    let mut python = Interpreter::new();
    python.register_function("lookup", |sku: String| match sku.as_str() {
        "A1" => Ok(3.5),
        _ => Err(HostError::new("KeyError", sku)),
    })?;
    python.set("order", vec![("A1", 2), ("A1", 1)])?;
    python.exec("total = sum(lookup(sku) * n for sku, n in order)")?;
    let total: f64 = python.get("total")?;
    println!("total {total}");
    assert_eq!(total, 10.5);
    Ok(())
}
