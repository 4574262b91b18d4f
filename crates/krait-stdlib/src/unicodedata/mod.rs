//! `unicodedata`: the Unicode character database, as CPython 3.11 has it
//! (Unicode 14.0.0): categories, bidirectional classes, East Asian widths,
//! mirroring, combining classes, decimal/digit/numeric values and
//! decompositions come from `ucd.txt`, generated from CPython's own module
//! (`generate.py`), so the answers are CPython's; names come from the
//! `unicode_names2` crate (limited to characters assigned in 14.0.0) and
//! normalization from `unicode-normalization`. `ucd_3_2_0` is left out.

use std::collections::HashMap;
use std::sync::OnceLock;

use krait_vm::{Args, PyErr, PyResult, Value, Vm};
use unicode_normalization::UnicodeNormalization;

use crate::util::function;

const UNIDATA_VERSION: &str = "14.0.0";

/// One code point's properties: (category, bidirectional, east asian
/// width, mirrored, combining class).
struct Record {
    category: &'static str,
    bidirectional: &'static str,
    east_asian_width: &'static str,
    mirrored: bool,
    combining: u8,
}

struct Database {
    records: Vec<Record>,
    /// (first code point, record): runs of code points sharing a record.
    runs: Vec<(u32, u16)>,
    /// Code point -> (decimal, digit, numeric).
    numbers: HashMap<u32, (Option<u8>, Option<u8>, f64)>,
    decompositions: HashMap<u32, &'static str>,
}

fn database() -> &'static Database {
    static DATABASE: OnceLock<Database> = OnceLock::new();
    DATABASE.get_or_init(|| parse(include_str!("ucd.txt")))
}

fn parse(text: &'static str) -> Database {
    let mut database = Database {
        records: Vec::new(),
        runs: Vec::new(),
        numbers: HashMap::new(),
        decompositions: HashMap::new(),
    };
    let hex = |s: &str| u32::from_str_radix(s, 16).unwrap_or(0);
    for line in text.lines() {
        let mut fields = line.split(' ');
        match fields.next() {
            Some("P") => {
                let parts: Vec<&'static str> = fields.collect();
                if let [category, bidirectional, width, mirrored, combining] = parts[..] {
                    database.records.push(Record {
                        category,
                        bidirectional: if bidirectional == "-" {
                            ""
                        } else {
                            bidirectional
                        },
                        east_asian_width: width,
                        mirrored: mirrored == "1",
                        combining: combining.parse().unwrap_or(0),
                    });
                }
            }
            Some("R") => {
                if let (Some(start), Some(record)) = (fields.next(), fields.next()) {
                    database
                        .runs
                        .push((hex(start), record.parse().unwrap_or(0)));
                }
            }
            Some("N") => {
                let parts: Vec<&str> = fields.collect();
                if let [cp, decimal, digit, numeric] = parts[..] {
                    database.numbers.insert(
                        hex(cp),
                        (
                            decimal.parse().ok(),
                            digit.parse().ok(),
                            numeric.parse().unwrap_or(0.0),
                        ),
                    );
                }
            }
            Some("D") => {
                if let Some((cp, decomposition)) = line[2..].split_once(' ') {
                    database.decompositions.insert(hex(cp), decomposition);
                }
            }
            _ => {}
        }
    }
    database
}

fn record(cp: u32) -> &'static Record {
    let database = database();
    let at = database.runs.partition_point(|&(start, _)| start <= cp);
    let index = database.runs[at.saturating_sub(1)].1 as usize;
    &database.records[index]
}

/// The one-character argument of `name()`, with CPython's TypeError.
fn character(args: &Args, name: &str, max: usize) -> PyResult<char> {
    args.check(name, 1, max)?;
    let value = &args.pos[0];
    match value.as_str_or_subclass() {
        Some(s) => {
            let mut chars = s.as_str().chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(PyErr::type_error(format!(
                    "{name}() argument must be a unicode character, not str"
                ))),
            }
        }
        None => Err(PyErr::type_error(format!(
            "{name}() argument must be a unicode character, not {}",
            value.type_name()
        ))),
    }
}

/// The default argument, or ValueError(`message`).
fn or_default(args: &Args, message: &str) -> PyResult {
    match args.pos.get(1) {
        Some(default) => Ok(default.clone()),
        None => Err(PyErr::value_error(message)),
    }
}

fn category(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "category", 1)?;
    Ok(Value::str(record(c as u32).category))
}

fn bidirectional(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "bidirectional", 1)?;
    Ok(Value::str(record(c as u32).bidirectional))
}

fn east_asian_width(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "east_asian_width", 1)?;
    Ok(Value::str(record(c as u32).east_asian_width))
}

fn mirrored(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "mirrored", 1)?;
    Ok(Value::Int(i64::from(record(c as u32).mirrored)))
}

fn combining(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "combining", 1)?;
    Ok(Value::Int(i64::from(record(c as u32).combining)))
}

fn decomposition(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "decomposition", 1)?;
    let found = database().decompositions.get(&(c as u32)).copied();
    Ok(Value::str(found.unwrap_or("")))
}

fn decimal(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "decimal", 2)?;
    match database().numbers.get(&(c as u32)).and_then(|n| n.0) {
        Some(value) => Ok(Value::Int(i64::from(value))),
        None => or_default(&args, "not a decimal"),
    }
}

fn digit(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "digit", 2)?;
    match database().numbers.get(&(c as u32)).and_then(|n| n.1) {
        Some(value) => Ok(Value::Int(i64::from(value))),
        None => or_default(&args, "not a digit"),
    }
}

fn numeric(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "numeric", 2)?;
    match database().numbers.get(&(c as u32)) {
        Some(&(_, _, value)) => Ok(Value::float(value)),
        None => or_default(&args, "not a numeric character"),
    }
}

/// Whether `c` is assigned in Unicode 14.0.0 (the names crate may know
/// newer characters).
fn assigned(c: char) -> bool {
    record(c as u32).category != "Cn"
}

fn name(_: &mut Vm, args: Args) -> PyResult {
    let c = character(&args, "name", 2)?;
    let found = match assigned(c) {
        true => unicode_names2::name(c).map(|name| name.to_string()),
        false => None,
    };
    match found {
        Some(name) => Ok(Value::str(name)),
        None => or_default(&args, "no such name"),
    }
}

fn lookup(_: &mut Vm, args: Args) -> PyResult {
    args.check("lookup", 1, 1)?;
    let text = match args.pos[0].as_str_or_subclass() {
        Some(s) => s.as_str().to_string(),
        None => match krait_vm::buffer::bytes_like(&args.pos[0])? {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => {
                return Err(PyErr::type_error(format!(
                    "lookup() argument must be str, not {}",
                    args.pos[0].type_name()
                )));
            }
        },
    };
    match unicode_names2::character(&text).filter(|&c| assigned(c)) {
        Some(c) => Ok(Value::str(c.to_string())),
        None => Err(PyErr::new(
            krait_vm::typeobject::ExcType::KeyError,
            format!("undefined character name '{text}'"),
        )),
    }
}

/// The normalization form argument and the string.
fn form_and_text(args: &Args, name: &str) -> PyResult<(&'static str, String)> {
    args.check(name, 2, 2)?;
    let form = match args.pos[0].as_str_or_subclass() {
        Some(s) => s.as_str().to_string(),
        None => {
            return Err(PyErr::type_error(format!(
                "{name}() argument 1 must be str, not {}",
                args.pos[0].type_name()
            )));
        }
    };
    let Some(text) = args.pos[1].as_str_or_subclass() else {
        return Err(PyErr::type_error(format!(
            "{name}() argument 2 must be str, not {}",
            args.pos[1].type_name()
        )));
    };
    let form = match form.as_str() {
        "NFC" => "NFC",
        "NFD" => "NFD",
        "NFKC" => "NFKC",
        "NFKD" => "NFKD",
        _ => return Err(PyErr::value_error("invalid normalization form")),
    };
    Ok((form, text.as_str().to_string()))
}

fn normalized(form: &str, text: &str) -> String {
    match form {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        _ => text.nfkd().collect(),
    }
}

fn normalize(_: &mut Vm, args: Args) -> PyResult {
    let (form, text) = form_and_text(&args, "normalize")?;
    // An ASCII string is every form already: the same object comes back.
    if text.is_ascii() {
        return Ok(args.pos[1].clone());
    }
    Ok(Value::str(normalized(form, &text)))
}

fn is_normalized(_: &mut Vm, args: Args) -> PyResult {
    let (form, text) = form_and_text(&args, "is_normalized")?;
    Ok(Value::bool(
        text.is_ascii() || normalized(form, &text) == text,
    ))
}

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("unidata_version", Value::str(UNIDATA_VERSION)),
        ("category", function("category", category)),
        ("bidirectional", function("bidirectional", bidirectional)),
        (
            "east_asian_width",
            function("east_asian_width", east_asian_width),
        ),
        ("mirrored", function("mirrored", mirrored)),
        ("combining", function("combining", combining)),
        ("decomposition", function("decomposition", decomposition)),
        ("decimal", function("decimal", decimal)),
        ("digit", function("digit", digit)),
        ("numeric", function("numeric", numeric)),
        ("name", function("name", name)),
        ("lookup", function("lookup", lookup)),
        ("normalize", function("normalize", normalize)),
        ("is_normalized", function("is_normalized", is_normalized)),
    ])
}
