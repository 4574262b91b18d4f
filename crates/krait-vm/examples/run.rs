//! Compiles and runs a Python file (a development aid; the `krait` command
//! is the real entry point): `cargo run -p krait-vm --example run FILE [eval]`.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: run FILE [eval]");
    let mode = match args.next().as_deref() {
        Some("eval") => krait_compiler::Mode::Eval,
        _ => krait_compiler::Mode::Exec,
    };
    let source = std::fs::read_to_string(&path).expect("readable file");
    let code = match krait_compiler::compile(&source, &path, mode) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let mut vm = krait_vm::Vm::new();
    match vm.run_code(code) {
        Ok(value) => {
            if mode == krait_compiler::Mode::Eval {
                println!("{}", vm.repr(&value).unwrap_or_default());
            } else if let Some(globals) = vm.globals().as_dict_or_subclass()
                && let Ok(Some(result)) = globals.get_item(&krait_vm::Value::str("result"))
            {
                // Scripts without print() (before builtins land) leave `result`.
                println!("{}", vm.repr(&result).unwrap_or_default());
            }
        }
        Err(err) => {
            let lines: Vec<String> = source.lines().map(str::to_string).collect();
            let text = vm.format_exception(&err, &|_, line| lines.get(line as usize - 1).cloned());
            eprint!("{text}");
            std::process::exit(1);
        }
    }
}
