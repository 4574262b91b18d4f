//! Prints the tokens of a file (or stdin): `cargo run -p krait-lexer --example tokens FILE`.

use std::io::Read;

fn main() {
    let mut source = String::new();
    match std::env::args().nth(1) {
        Some(path) => source = std::fs::read_to_string(path).expect("readable UTF-8 file"),
        None => {
            std::io::stdin()
                .read_to_string(&mut source)
                .expect("UTF-8 input");
        }
    }
    let index = krait_lexer::LineIndex::new(&source);
    for item in krait_lexer::lex(&source) {
        match item {
            Ok((start, tok, end)) => {
                println!(
                    "{:?} {:?} {:?}",
                    tok,
                    index.line_col(start),
                    index.line_col(end)
                )
            }
            Err(error) => println!("error: {error:?} at {:?}", index.line_col(error.offset)),
        }
    }
}
