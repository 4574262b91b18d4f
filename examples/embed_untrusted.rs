//! Running a snippet nobody vetted: the sandbox denies the machine, and
//! the instruction budget stops a script that would run forever.
//!
//!     cargo run --example embed_untrusted

use krait::embed::Interpreter;

fn run(snippet: &str) -> String {
    let mut python = Interpreter::new();
    python.set_instruction_budget(Some(1_000_000));
    match python.exec(snippet) {
        Ok(()) => format!("ok, printed {:?}", python.take_stdout()),
        Err(err) => format!("stopped: {}", err.to_string().lines().last().unwrap_or("")),
    }
}

fn main() {
    let snippets = [
        "print(sum(range(10)))",
        "open('/etc/passwd').read()",
        "import os\nprint(dict(os.environ))",
        "while True:\n    pass",
    ];
    let outcomes: Vec<String> = snippets.iter().map(|s| run(s)).collect();
    for (snippet, outcome) in snippets.iter().zip(&outcomes) {
        println!("{:<40} -> {outcome}", snippet.replace('\n', "; "));
    }
    assert_eq!(outcomes[0], "ok, printed \"45\\n\"");
    assert!(outcomes[1].contains("PermissionError"));
    assert_eq!(outcomes[2], "ok, printed \"{}\\n\"");
    assert!(outcomes[3].contains("instruction budget"));
}
