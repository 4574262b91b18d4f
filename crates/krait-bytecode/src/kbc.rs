//! The .kbc file format: a code object on disk.
//!
//! Layout (all integers LEB128 varints unless noted):
//!
//! ```text
//! file      = MAGIC (4 bytes) version (u16 LE) fingerprint (u32 LE) code
//! code      = str name, str qualname, str filename,
//!             first_line argcount posonlyargcount kwonlyargcount flags
//!             max_stackdepth,
//!             strs varnames, strs cellvars, strs freevars, strs names,
//!             count constant*, count instruction*,
//!             lines,
//!             count (start length target depth push_lasti:u8)*
//! lines     = 0:u8 count (run_length zigzag_line_delta)*
//!           | 1:u8 count (run_length zigzag_line_delta end_line_delta
//!                         column+1 end_column+1)*   (0: no column)
//! instruction = opcode:u8 [operand]      (operand iff the opcode has one)
//! constant  = tag:u8 payload             (see `Tag`)
//! str       = length utf8-bytes
//! ```
//!
//! The fingerprint identifies the instruction table (opcode numbers are
//! table positions), so a file from a build with a different table is
//! rejected. Decoding never trusts a length: every count is capped by the
//! bytes left, nesting is capped by [`MAX_NESTING`], and the result is
//! verified before it is returned.

use std::fmt;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::{CodeFlags, CodeObject};
use crate::constant::Constant;
use crate::exception_table::{ExceptionTable, ExceptionTableEntry};
use crate::instruction::{Instruction, Opcode, instruction_set_fingerprint};
use crate::line_table::{LineTable, Position};
use crate::operand::OperandKind;
use crate::verify::{MAX_NESTING, VerifyError, verify};

/// The first bytes of every .kbc file.
pub const MAGIC: [u8; 4] = *b"\x7fKBC";

/// The version of the container layout (not of the instruction set, which
/// the fingerprint covers).
pub const FORMAT_VERSION: u16 = 2;

/// Why a .kbc file could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KbcError {
    /// The file does not start with [`MAGIC`].
    BadMagic,
    /// A container version this build cannot read.
    UnsupportedVersion {
        /// Version in the file.
        found: u16,
        /// Version this build reads.
        expected: u16,
    },
    /// Written by a build with a different instruction table.
    InstructionSetMismatch {
        /// Fingerprint in the file.
        found: u32,
        /// Fingerprint of this build.
        expected: u32,
    },
    /// The file ends in the middle of something.
    UnexpectedEnd {
        /// Offset where more bytes were needed.
        offset: usize,
        /// What was being read.
        what: &'static str,
    },
    /// A varint that is too long, overflows, or is not minimally encoded.
    BadVarint {
        /// Offset of the varint.
        offset: usize,
    },
    /// A length or count larger than the bytes that remain.
    LengthTooLarge {
        /// Offset of the length.
        offset: usize,
        /// The length read.
        length: u64,
    },
    /// A string that is not UTF-8.
    InvalidUtf8 {
        /// Offset of the string.
        offset: usize,
    },
    /// An unknown constant tag.
    UnknownConstantTag {
        /// Offset of the tag.
        offset: usize,
        /// The tag.
        tag: u8,
    },
    /// An opcode byte outside the instruction table.
    UnknownOpcode {
        /// Offset of the opcode.
        offset: usize,
        /// The byte.
        byte: u8,
    },
    /// An operand value with no meaning for its instruction.
    InvalidOperand {
        /// Offset of the instruction.
        offset: usize,
        /// The instruction's name.
        instruction: &'static str,
        /// The raw operand.
        raw: u32,
    },
    /// A value that does not fit where it goes (a flag byte other than 0/1,
    /// a line number out of range...).
    BadValue {
        /// Offset of the value.
        offset: usize,
        /// What was being read.
        what: &'static str,
    },
    /// Constants nested deeper than [`MAX_NESTING`].
    TooDeeplyNested {
        /// Offset where the limit was hit.
        offset: usize,
    },
    /// Bytes after the code object.
    TrailingBytes {
        /// Offset of the first extra byte.
        offset: usize,
    },
    /// The file decoded, but the code object is not valid.
    Verify(VerifyError),
}

impl fmt::Display for KbcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use KbcError::*;
        match self {
            BadMagic => write!(f, "not a .kbc file (bad magic number)"),
            UnsupportedVersion { found, expected } => {
                write!(
                    f,
                    "unsupported .kbc version {found} (this build reads version {expected})"
                )
            }
            InstructionSetMismatch { found, expected } => write!(
                f,
                ".kbc file was written for another instruction set \
                 (fingerprint {found:#010x}, expected {expected:#010x})"
            ),
            UnexpectedEnd { offset, what } => {
                write!(f, "truncated .kbc file: {what} at offset {offset}")
            }
            BadVarint { offset } => write!(f, "malformed integer at offset {offset}"),
            LengthTooLarge { offset, length } => write!(
                f,
                "length {length} at offset {offset} exceeds the remaining input"
            ),
            InvalidUtf8 { offset } => write!(f, "string at offset {offset} is not valid UTF-8"),
            UnknownConstantTag { offset, tag } => {
                write!(f, "unknown constant tag {tag} at offset {offset}")
            }
            UnknownOpcode { offset, byte } => {
                write!(f, "unknown opcode {byte} at offset {offset}")
            }
            InvalidOperand {
                offset,
                instruction,
                raw,
            } => {
                write!(
                    f,
                    "invalid operand {raw} for {instruction} at offset {offset}"
                )
            }
            BadValue { offset, what } => write!(f, "invalid {what} at offset {offset}"),
            TooDeeplyNested { offset } => write!(
                f,
                "constants nested deeper than {MAX_NESTING} levels at offset {offset}"
            ),
            TrailingBytes { offset } => {
                write!(
                    f,
                    "unexpected bytes after the code object at offset {offset}"
                )
            }
            Verify(err) => write!(f, "invalid code object: {err}"),
        }
    }
}

impl std::error::Error for KbcError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            KbcError::Verify(err) => Some(err),
            _ => None,
        }
    }
}

impl From<VerifyError> for KbcError {
    fn from(err: VerifyError) -> Self {
        KbcError::Verify(err)
    }
}

/// Constant tags.
mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const COMPLEX: u8 = 6;
    pub const STR: u8 = 7;
    pub const BYTES: u8 = 8;
    pub const TUPLE: u8 = 9;
    pub const ELLIPSIS: u8 = 10;
    pub const CODE: u8 = 11;
    pub const FROZENSET: u8 = 12;
}

// ---- Encoding ------------------------------------------------------------

/// Encodes a code object (and everything nested in it) as a .kbc file.
///
/// Encoding does not verify; [`decode`] does. A code object that does not
/// verify encodes fine but will not load.
pub fn encode(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&instruction_set_fingerprint().to_le_bytes());
    write_code(&mut out, code);
    out
}

/// The instruction stream as bytes, as a .kbc file stores it (and as
/// `co_code` shows it): each instruction is its opcode byte, followed by
/// its operand as an unsigned LEB128 varint when it has one.
pub fn encode_instructions(instructions: &[Instruction]) -> Vec<u8> {
    let mut out = Vec::new();
    write_instructions(&mut out, instructions);
    out
}

/// Reads an instruction stream written by [`encode_instructions`]. Each
/// instruction is checked on its own (known opcode, valid operand); whether
/// the stream makes a valid code object is the verifier's business.
pub fn decode_instructions(bytes: &[u8]) -> Result<Vec<Instruction>, KbcError> {
    let mut reader = Reader { bytes, pos: 0 };
    let mut instructions = Vec::new();
    while reader.remaining() > 0 {
        instructions.push(reader.instruction()?);
    }
    Ok(instructions)
}

/// The line table: line runs alone when the table has no columns, else
/// position runs.
fn write_line_table(out: &mut Vec<u8>, table: &LineTable) {
    let mut previous = 0i64;
    let mut line_delta = |out: &mut Vec<u8>, line: u32| {
        write_zigzag(out, line as i64 - previous);
        previous = line as i64;
    };
    if !table.has_columns() {
        out.push(0);
        let runs = table.runs();
        write_varint(out, runs.len() as u64);
        for (count, line) in runs {
            write_varint(out, count as u64);
            line_delta(out, line);
        }
        return;
    }
    out.push(1);
    let runs = table.position_runs();
    write_varint(out, runs.len() as u64);
    for (count, position) in runs {
        write_varint(out, count as u64);
        line_delta(out, position.line);
        write_varint(out, position.end_line.saturating_sub(position.line) as u64);
        write_varint(out, position.col.map_or(0, |c| c as u64 + 1));
        write_varint(out, position.end_col.map_or(0, |c| c as u64 + 1));
    }
}

fn write_instructions(out: &mut Vec<u8>, instructions: &[Instruction]) {
    for instr in instructions {
        out.push(instr.opcode() as u8);
        if let Some(raw) = instr.raw_operand() {
            write_varint(out, raw as u64);
        }
    }
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_zigzag(out: &mut Vec<u8>, value: i64) {
    write_varint(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn write_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    write_varint(out, bytes.len() as u64);
    out.extend_from_slice(bytes);
}

fn write_strs(out: &mut Vec<u8>, strs: &[String]) {
    write_varint(out, strs.len() as u64);
    for s in strs {
        write_bytes(out, s.as_bytes());
    }
}

fn write_code(out: &mut Vec<u8>, code: &CodeObject) {
    write_bytes(out, code.name.as_bytes());
    write_bytes(out, code.qualname.as_bytes());
    write_bytes(out, code.filename.as_bytes());
    for value in [
        code.first_line,
        code.argcount,
        code.posonlyargcount,
        code.kwonlyargcount,
        code.flags.0,
        code.max_stackdepth,
    ] {
        write_varint(out, value as u64);
    }
    write_strs(out, &code.varnames);
    write_strs(out, &code.cellvars);
    write_strs(out, &code.freevars);
    write_strs(out, &code.names);

    write_varint(out, code.constants.len() as u64);
    for constant in &code.constants {
        write_constant(out, constant);
    }

    write_varint(out, code.instructions.len() as u64);
    write_instructions(out, &code.instructions);

    write_line_table(out, &code.line_table);

    write_varint(out, code.exception_table.entries.len() as u64);
    for e in &code.exception_table.entries {
        write_varint(out, e.start as u64);
        write_varint(out, e.end.wrapping_sub(e.start) as u64);
        write_varint(out, e.target as u64);
        write_varint(out, e.depth as u64);
        out.push(e.push_lasti as u8);
    }
}

fn write_constant(out: &mut Vec<u8>, constant: &Constant) {
    match constant {
        Constant::None => out.push(tag::NONE),
        Constant::Bool(false) => out.push(tag::FALSE),
        Constant::Bool(true) => out.push(tag::TRUE),
        Constant::Int(value) => {
            out.push(tag::INT);
            write_zigzag(out, *value);
        }
        Constant::BigInt(value) => {
            out.push(tag::BIG_INT);
            write_bytes(out, &value.to_signed_bytes_le());
        }
        Constant::Float(value) => {
            out.push(tag::FLOAT);
            out.extend_from_slice(&value.to_bits().to_le_bytes());
        }
        Constant::Complex { real, imag } => {
            out.push(tag::COMPLEX);
            out.extend_from_slice(&real.to_bits().to_le_bytes());
            out.extend_from_slice(&imag.to_bits().to_le_bytes());
        }
        Constant::Str(s) => {
            out.push(tag::STR);
            write_bytes(out, s.as_bytes());
        }
        Constant::Bytes(b) => {
            out.push(tag::BYTES);
            write_bytes(out, b);
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            out.push(if matches!(constant, Constant::Tuple(_)) {
                tag::TUPLE
            } else {
                tag::FROZENSET
            });
            write_varint(out, items.len() as u64);
            for item in items {
                write_constant(out, item);
            }
        }
        Constant::Ellipsis => out.push(tag::ELLIPSIS),
        Constant::Code(code) => {
            out.push(tag::CODE);
            write_code(out, code);
        }
    }
}

// ---- Decoding ------------------------------------------------------------

/// Decodes and verifies a .kbc file. Any input gives a code object or an
/// error; never a panic.
pub fn decode(bytes: &[u8]) -> Result<CodeObject, KbcError> {
    let mut reader = Reader { bytes, pos: 0 };
    if reader.take(MAGIC.len(), "magic number").ok() != Some(&MAGIC[..]) {
        return Err(KbcError::BadMagic);
    }
    let version = u16::from_le_bytes(reader.array("format version")?);
    if version != FORMAT_VERSION {
        return Err(KbcError::UnsupportedVersion {
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    let fingerprint = u32::from_le_bytes(reader.array("instruction set fingerprint")?);
    let expected = instruction_set_fingerprint();
    if fingerprint != expected {
        return Err(KbcError::InstructionSetMismatch {
            found: fingerprint,
            expected,
        });
    }
    let code = reader.code(0)?;
    if reader.pos != bytes.len() {
        return Err(KbcError::TrailingBytes { offset: reader.pos });
    }
    verify(&code)?;
    Ok(code)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], KbcError> {
        if n > self.remaining() {
            return Err(KbcError::UnexpectedEnd {
                offset: self.pos,
                what,
            });
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], KbcError> {
        let slice = self.take(N, what)?;
        let mut array = [0u8; N];
        array.copy_from_slice(slice);
        Ok(array)
    }

    fn byte(&mut self, what: &'static str) -> Result<u8, KbcError> {
        Ok(self.take(1, what)?[0])
    }

    fn varint(&mut self, what: &'static str) -> Result<u64, KbcError> {
        let start = self.pos;
        let mut value = 0u64;
        for i in 0..10 {
            let byte = self.byte(what)?;
            let bits = (byte & 0x7f) as u64;
            // The tenth byte may only carry the 64th bit.
            if i == 9 && bits > 1 {
                return Err(KbcError::BadVarint { offset: start });
            }
            value |= bits << (7 * i);
            if byte & 0x80 == 0 {
                // A zero final byte after others means a padded encoding;
                // rejecting it keeps the encoding of each value unique.
                if i > 0 && byte == 0 {
                    return Err(KbcError::BadVarint { offset: start });
                }
                return Ok(value);
            }
        }
        Err(KbcError::BadVarint { offset: start })
    }

    fn u32(&mut self, what: &'static str) -> Result<u32, KbcError> {
        let offset = self.pos;
        let value = self.varint(what)?;
        u32::try_from(value).map_err(|_| KbcError::BadValue { offset, what })
    }

    fn zigzag(&mut self, what: &'static str) -> Result<i64, KbcError> {
        let raw = self.varint(what)?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    /// A count of items each at least `min_item_size` bytes long, capped by
    /// the remaining input so a bogus count cannot cause a huge allocation.
    fn count(&mut self, what: &'static str, min_item_size: usize) -> Result<usize, KbcError> {
        let offset = self.pos;
        let length = self.varint(what)?;
        if length > (self.remaining() / min_item_size) as u64 {
            return Err(KbcError::LengthTooLarge { offset, length });
        }
        Ok(length as usize)
    }

    fn bytes_field(&mut self, what: &'static str) -> Result<&'a [u8], KbcError> {
        let n = self.count(what, 1)?;
        self.take(n, what)
    }

    fn string(&mut self, what: &'static str) -> Result<String, KbcError> {
        let offset = self.pos;
        let bytes = self.bytes_field(what)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| KbcError::InvalidUtf8 { offset })
    }

    fn strings(&mut self, what: &'static str) -> Result<Vec<String>, KbcError> {
        let n = self.count(what, 1)?;
        (0..n).map(|_| self.string(what)).collect()
    }

    fn f64(&mut self) -> Result<f64, KbcError> {
        Ok(f64::from_bits(u64::from_le_bytes(self.array("float")?)))
    }

    fn code(&mut self, nesting: usize) -> Result<CodeObject, KbcError> {
        if nesting > MAX_NESTING {
            return Err(KbcError::TooDeeplyNested { offset: self.pos });
        }
        let name = self.string("name")?;
        let qualname = self.string("qualname")?;
        let filename = self.string("filename")?;
        let first_line = self.u32("first line")?;
        let argcount = self.u32("argcount")?;
        let posonlyargcount = self.u32("posonlyargcount")?;
        let kwonlyargcount = self.u32("kwonlyargcount")?;
        let flags = CodeFlags(self.u32("flags")?);
        let max_stackdepth = self.u32("max_stackdepth")?;
        let varnames = self.strings("varnames")?;
        let cellvars = self.strings("cellvars")?;
        let freevars = self.strings("freevars")?;
        let names = self.strings("names")?;

        let n = self.count("constants", 1)?;
        let constants = (0..n)
            .map(|_| self.constant(nesting + 1))
            .collect::<Result<Vec<_>, _>>()?;

        let n = self.count("instructions", 1)?;
        let mut instructions = Vec::with_capacity(n);
        for _ in 0..n {
            instructions.push(self.instruction()?);
        }

        let line_table = self.line_table(instructions.len())?;
        let exception_table = self.exception_table()?;

        Ok(CodeObject {
            name,
            qualname,
            filename,
            first_line,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            varnames,
            cellvars,
            freevars,
            names,
            constants,
            instructions,
            line_table,
            exception_table,
            max_stackdepth,
        })
    }

    fn instruction(&mut self) -> Result<Instruction, KbcError> {
        let offset = self.pos;
        let byte = self.byte("opcode")?;
        let opcode = Opcode::from_byte(byte).ok_or(KbcError::UnknownOpcode { offset, byte })?;
        let raw = match opcode.operand_kind() {
            OperandKind::None => 0,
            _ => self.u32("operand")?,
        };
        Instruction::from_raw(opcode, raw).ok_or(KbcError::InvalidOperand {
            offset,
            instruction: opcode.name(),
            raw,
        })
    }

    fn line_table(&mut self, instruction_count: usize) -> Result<LineTable, KbcError> {
        let offset = self.pos;
        let with_columns = match self.byte("line table kind")? {
            0 => false,
            1 => true,
            _ => {
                return Err(KbcError::BadValue {
                    offset,
                    what: "line table kind",
                });
            }
        };
        let runs = self.count("line table", if with_columns { 5 } else { 2 })?;
        let mut positions: Vec<Position> = Vec::with_capacity(instruction_count);
        let mut previous = 0i64;
        for _ in 0..runs {
            let offset = self.pos;
            let length = self.varint("line run length")?;
            // Runs are capped by the instruction count, which is itself
            // capped by the input size: no allocation beyond that.
            if length == 0 || length > (instruction_count - positions.len()) as u64 {
                return Err(KbcError::BadValue {
                    offset,
                    what: "line run length",
                });
            }
            let offset = self.pos;
            let delta = self.zigzag("line delta")?;
            let line = previous
                .checked_add(delta)
                .filter(|l| (0..=u32::MAX as i64).contains(l))
                .ok_or(KbcError::BadValue {
                    offset,
                    what: "line number",
                })?;
            previous = line;
            let line = line as u32;
            let position = if with_columns {
                let offset = self.pos;
                let bad = KbcError::BadValue {
                    offset,
                    what: "position",
                };
                let end_line = self.varint("end line delta")?;
                let end_line = u32::try_from(end_line)
                    .ok()
                    .and_then(|d| line.checked_add(d))
                    .ok_or(bad.clone())?;
                let mut column = |what| -> Result<Option<u32>, KbcError> {
                    let raw = self.varint(what)?;
                    let raw = u32::try_from(raw).map_err(|_| bad.clone())?;
                    Ok(raw.checked_sub(1))
                };
                let col = column("column")?;
                let end_col = column("end column")?;
                Position {
                    line,
                    end_line,
                    col,
                    end_col,
                }
            } else {
                Position {
                    line,
                    end_line: line,
                    col: None,
                    end_col: None,
                }
            };
            positions.extend(std::iter::repeat_n(position, length as usize));
        }
        Ok(if with_columns {
            LineTable::from_positions(positions)
        } else {
            LineTable::from_lines(positions.iter().map(|p| p.line).collect())
        })
    }

    fn exception_table(&mut self) -> Result<ExceptionTable, KbcError> {
        let n = self.count("exception table", 5)?;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let offset = self.pos;
            let start = self.u32("handler start")?;
            let length = self.u32("handler length")?;
            let end = start.checked_add(length).ok_or(KbcError::BadValue {
                offset,
                what: "handler range",
            })?;
            let target = self.u32("handler target")?;
            let depth = self.u32("handler depth")?;
            let offset = self.pos;
            let push_lasti = match self.byte("handler lasti flag")? {
                0 => false,
                1 => true,
                _ => {
                    return Err(KbcError::BadValue {
                        offset,
                        what: "handler lasti flag",
                    });
                }
            };
            entries.push(ExceptionTableEntry {
                start,
                end,
                target,
                depth,
                push_lasti,
            });
        }
        Ok(ExceptionTable { entries })
    }

    fn constant(&mut self, nesting: usize) -> Result<Constant, KbcError> {
        let offset = self.pos;
        if nesting > MAX_NESTING {
            return Err(KbcError::TooDeeplyNested { offset });
        }
        let tag = self.byte("constant tag")?;
        Ok(match tag {
            tag::NONE => Constant::None,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::INT => Constant::Int(self.zigzag("int")?),
            tag::BIG_INT => {
                let bytes = self.bytes_field("big int")?;
                match Constant::from_bigint(BigInt::from_signed_bytes_le(bytes)) {
                    big @ Constant::BigInt(_) => big,
                    _ => {
                        return Err(KbcError::BadValue {
                            offset,
                            what: "big int (fits in 64 bits)",
                        });
                    }
                }
            }
            tag::FLOAT => Constant::Float(self.f64()?),
            tag::COMPLEX => Constant::Complex {
                real: self.f64()?,
                imag: self.f64()?,
            },
            tag::STR => Constant::Str(self.string("str")?),
            tag::BYTES => Constant::Bytes(self.bytes_field("bytes")?.to_vec()),
            tag::TUPLE => {
                let n = self.count("tuple", 1)?;
                let items = (0..n)
                    .map(|_| self.constant(nesting + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                Constant::Tuple(items)
            }
            tag::FROZENSET => {
                let n = self.count("frozenset", 1)?;
                let items = (0..n)
                    .map(|_| self.constant(nesting + 1))
                    .collect::<Result<Vec<_>, _>>()?;
                Constant::FrozenSet(items)
            }
            tag::ELLIPSIS => Constant::Ellipsis,
            tag::CODE => Constant::Code(Arc::new(self.code(nesting)?)),
            tag => return Err(KbcError::UnknownConstantTag { offset, tag }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file may give an instruction without a line an end line or
    /// columns: they are dropped on load, so the loaded table re-encodes
    /// to what loads the same (found by `corrupted_bytes_never_panic`).
    #[test]
    fn positions_without_a_line_are_dropped() {
        let odd = Position {
            line: 0,
            end_line: 119,
            col: Some(3),
            end_col: None,
        };
        let table = LineTable::from_positions([odd, odd]);
        let plain = LineTable::from_positions(
            [Position {
                line: 0,
                end_line: 0,
                col: None,
                end_col: None,
            }; 2],
        );
        assert_eq!(table, plain);
    }

    #[test]
    fn varint_round_trip_and_rejections() {
        for value in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            write_varint(&mut out, value);
            let mut r = Reader {
                bytes: &out,
                pos: 0,
            };
            assert_eq!(r.varint("x"), Ok(value));
            assert_eq!(r.pos, out.len());
        }
        for bad in [&[0x80u8, 0x00][..], &[0xff; 11][..], &[0x80][..]] {
            let mut r = Reader { bytes: bad, pos: 0 };
            assert!(r.varint("x").is_err());
        }
    }

    #[test]
    fn zigzag_round_trip() {
        for value in [0i64, -1, 1, i64::MIN, i64::MAX, -12345] {
            let mut out = Vec::new();
            write_zigzag(&mut out, value);
            assert_eq!(
                Reader {
                    bytes: &out,
                    pos: 0
                }
                .zigzag("x"),
                Ok(value)
            );
        }
    }

    #[test]
    fn header_errors() {
        assert_eq!(decode(b""), Err(KbcError::BadMagic));
        assert_eq!(decode(b"PK\x03\x04...."), Err(KbcError::BadMagic));
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&99u16.to_le_bytes());
        assert!(matches!(
            decode(&bytes),
            Err(KbcError::UnsupportedVersion { found: 99, .. })
        ));
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(instruction_set_fingerprint() ^ 1).to_le_bytes());
        assert!(matches!(
            decode(&bytes),
            Err(KbcError::InstructionSetMismatch { .. })
        ));
    }

    #[test]
    fn huge_count_is_rejected_without_allocating() {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend_from_slice(&instruction_set_fingerprint().to_le_bytes());
        write_varint(&mut bytes, u64::MAX >> 1); // name length
        assert!(matches!(
            decode(&bytes),
            Err(KbcError::LengthTooLarge { .. })
        ));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let mut constant = Constant::None;
        for _ in 0..(MAX_NESTING + 5) {
            constant = Constant::Tuple(vec![constant]);
        }
        let mut code = CodeObject::new("m", "m", "m.py");
        code.constants.push(constant);
        code.instructions = vec![
            Instruction::LoadConst(crate::operand::ConstIdx(0)),
            Instruction::ReturnValue,
        ];
        code.line_table = LineTable::from_lines(vec![1, 1]);
        code.max_stackdepth = 1;
        let bytes = encode(&code);
        assert!(matches!(
            decode(&bytes),
            Err(KbcError::TooDeeplyNested { .. })
        ));
        assert!(crate::verify(&code).is_err());
    }
}
