//! The `krait` command: a thin shell over the facade in `lib.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "krait", version, about = "A Python bytecode virtual machine")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse a Python file and print its syntax tree.
    Ast {
        file: PathBuf,
        /// Print the tree as JSON in the shape of CPython's `ast` module.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Ast { file, json } => match krait::parse_file(&file) {
            Ok(module) => {
                if json {
                    println!("{}", krait::ast_json(&module));
                } else {
                    println!("{module:#?}");
                }
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprint!("{err}");
                ExitCode::FAILURE
            }
        },
    }
}
