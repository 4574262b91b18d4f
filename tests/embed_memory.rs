//! Many sandboxed runs in one process leave its memory flat (issue 17's
//! acceptance). Alone in its own test binary, so that no other test's
//! allocations show in the process's resident memory while it measures.

use krait::embed::Interpreter;

/// Resident memory of this process, from /proc (Linux); `None` elsewhere.
fn resident_kb() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

#[test]
fn ten_thousand_sandboxed_runs_leave_memory_flat() {
    let run = |i: i64| {
        let mut python = Interpreter::new();
        python.set_instruction_budget(Some(2_000));
        python.set("i", i).unwrap();
        // A cycle, containers holding it, a denied file, a limit reached.
        python
            .exec("class A:\n    pass\na = A()\na.me = a\nx = [a, {'k': [a]}]\ny = sum(range(i % 100))")
            .unwrap();
        assert!(python.exec("open('/etc/passwd')").is_err());
        assert!(python.exec("while True:\n    pass").is_err());
    };
    for i in 0..1000 {
        run(i);
    }
    let Some(before) = resident_kb() else {
        return;
    };
    for i in 0..9000 {
        run(i);
    }
    let after = resident_kb().unwrap_or(before);
    // Flat: what 9,000 more runs add is noise, not ~9,000 namespaces.
    assert!(
        after < before + 4096,
        "resident memory grew from {before} KB to {after} KB"
    );
}
