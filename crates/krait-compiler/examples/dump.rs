//! Prints the raw instructions of a compiled file (a debugging aid until
//! krait-dis lands): `cargo run -p krait-compiler --example dump FILE`.

fn dump(code: &krait_bytecode::CodeObject) {
    println!("== {} (stack {})", code.qualname, code.max_stackdepth);
    for (i, instruction) in code.instructions.iter().enumerate() {
        let line = code.line_of(i).unwrap_or(0);
        println!("{line:>4} {i:>4} {instruction}");
    }
    for entry in &code.exception_table.entries {
        println!("  handler {entry:?}");
    }
    for nested in code.nested_code() {
        dump(nested);
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: dump FILE");
    let source = std::fs::read_to_string(&path).expect("readable file");
    let mut code = None;
    match krait_compiler::compile(&source, &path, krait_compiler::Mode::Exec) {
        Ok(c) => code = Some(c),
        Err(e) => println!("{e}"),
    }
    if let Some(code) = code {
        dump(&code);
    }
}
