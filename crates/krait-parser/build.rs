//! Generates the parser from `src/python.lalrpop` into OUT_DIR.

fn main() {
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .emit_rerun_directives(true)
        .process_file("src/python.lalrpop")
        .expect("lalrpop failed to generate the parser");
}
