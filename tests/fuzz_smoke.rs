//! A short, fixed run of every fuzz target's body (fuzz/src/bodies.rs)
//! on stable: each seed (the project's test programs) and a fixed set of
//! mutations of it. The long runs are `cargo +nightly fuzz run TARGET`
//! (README, "Fuzzing"); this keeps the bodies compiling and catches the
//! crashes that shallow mutations find. `FUZZ_SMOKE_SHOW=1` prints each
//! seed's start before it runs, to tell which one crashed the process.

#[path = "../fuzz/src/bodies.rs"]
mod bodies;

/// As in the fuzz crate: the bodies run under a memory limit.
#[global_allocator]
static ALLOCATOR: krait::memory::Accounting = krait::memory::Accounting(std::alloc::System);

use std::path::Path;

/// Mutations per seed and target: ~7,000 runs of each target in all.
const MUTATIONS_PER_SEED: usize = 16;

/// Pieces of Python a mutation may splice in.
const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "\n",
    "    ",
    "\\\n",
    "'",
    "\"\"\"",
    "f'{",
    "}'",
    "lambda",
    "yield",
    "await ",
    "async ",
    "*",
    "**",
    "=",
    ":=",
    "@",
    "0x",
    "1e",
    "j",
    "#",
    "if ",
    "else",
    "for ",
    "in ",
    "while ",
    "try:",
    "except",
    "finally:",
    "with ",
    "class ",
    "def ",
    "return",
    "global ",
    "nonlocal ",
    "del ",
    ";",
    ",",
    ".",
    "...",
    "\t",
    "\r",
    "\u{feff}",
    "é",
    "\0",
];

fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds = Vec::new();
    for folder in ["tests/programs", "tests/errors", "examples"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(folder))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
            .collect();
        paths.sort();
        seeds.extend(paths.iter().map(|path| std::fs::read(path).unwrap()));
    }
    assert!(seeds.len() > 100, "the seed programs are missing");
    seeds
}

/// xorshift64: the same mutations on every run and machine.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

fn mutate(seed: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(data.len() + 1);
        match rng.below(5) {
            0 if at < data.len() => data[at] ^= 1 << rng.below(8),
            1 => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at..end);
            }
            2 => {
                let end = (at + rng.below(64)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
            3 => data.truncate(at),
            _ => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())].as_bytes();
                data.splice(at..at, fragment.iter().copied());
            }
        }
    }
    data
}

fn run(body: fn(&[u8]), to_bytes: fn(Vec<u8>) -> Vec<u8>) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for seed in seeds() {
        if std::env::var_os("FUZZ_SMOKE_SHOW").is_some() {
            eprintln!(
                "seed {}",
                String::from_utf8_lossy(&seed[..seed.len().min(60)]).replace('\n', " ")
            );
        }
        let seed = to_bytes(seed);
        body(&seed);
        for _ in 0..MUTATIONS_PER_SEED {
            body(&mutate(&seed, &mut rng));
        }
    }
}

fn source(seed: Vec<u8>) -> Vec<u8> {
    seed
}

/// Compiled seeds, as the `.kbc` body takes them (marked raw by a 0).
fn kbc(seed: Vec<u8>) -> Vec<u8> {
    let mut bytes = vec![0];
    if let Ok(code) = std::str::from_utf8(&seed)
        .map_err(drop)
        .and_then(|text| krait::compile(text, "<seed>", krait::Mode::Exec).map_err(drop))
    {
        bytes.extend(krait_bytecode::encode(&code));
    }
    bytes
}

#[test]
fn lexer() {
    run(bodies::lexer, source);
}

#[test]
fn parser() {
    run(bodies::parser, source);
}

#[test]
fn compiler() {
    run(bodies::compiler, source);
}

#[test]
fn kbc_loader() {
    run(bodies::kbc_loader, kbc);
}

#[test]
fn vm_limits() {
    run(bodies::vm_limits, source);
}
