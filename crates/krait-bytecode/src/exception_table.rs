//! The exception table: where an exception raised by an instruction goes.
//!
//! Like CPython 3.11, there is no SETUP_FINALLY/POP_BLOCK at run time: the
//! compiler records, per range of instructions, the handler to jump to and
//! the stack depth to unwind to. Code that raises nothing pays nothing.

use crate::verify::VerifyErrorKind;

/// Handler for the instructions `start..end` (indices, `end` exclusive).
///
/// When an instruction in the range raises, the VM pops the value stack
/// down to `depth` values, pushes the index of the raising instruction if
/// `push_lasti` (as an int; RERAISE uses it), then pushes the exception and
/// continues at `target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionTableEntry {
    /// First covered instruction.
    pub start: u32,
    /// One past the last covered instruction.
    pub end: u32,
    /// The handler's first instruction.
    pub target: u32,
    /// Stack depth to unwind to before pushing.
    pub depth: u32,
    /// Push the raising instruction's index below the exception.
    pub push_lasti: bool,
}

/// What handles one instruction; the compiler's per-instruction view,
/// which [`ExceptionTable::from_handlers`] turns into ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Handler {
    /// The handler's first instruction.
    pub target: u32,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Push the raising instruction's index below the exception.
    pub push_lasti: bool,
}

/// The entries of a code object, sorted by `start` and not overlapping, so
/// the innermost handler of an instruction is found by binary search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExceptionTable {
    /// The entries, sorted and disjoint (checked by the verifier).
    pub entries: Vec<ExceptionTableEntry>,
}

impl ExceptionTable {
    /// Builds the table from the innermost handler of each instruction
    /// (`handlers[i]` for instruction `i`), merging equal neighbours. This
    /// is how nested `try` blocks are flattened into disjoint ranges.
    pub fn from_handlers(handlers: &[Option<Handler>]) -> Self {
        let mut entries: Vec<ExceptionTableEntry> = Vec::new();
        for (i, handler) in handlers.iter().enumerate() {
            let Some(h) = handler else { continue };
            let i = i as u32;
            match entries.last_mut() {
                Some(last)
                    if last.end == i
                        && last.target == h.target
                        && last.depth == h.depth
                        && last.push_lasti == h.push_lasti =>
                {
                    last.end = i + 1;
                }
                _ => entries.push(ExceptionTableEntry {
                    start: i,
                    end: i + 1,
                    target: h.target,
                    depth: h.depth,
                    push_lasti: h.push_lasti,
                }),
            }
        }
        ExceptionTable { entries }
    }

    /// The entry covering instruction `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionTableEntry> {
        // Entries are sorted and disjoint: the candidate is the last one
        // starting at or before `index`.
        let after = self.entries.partition_point(|e| e.start <= index);
        let entry = self.entries.get(after.checked_sub(1)?)?;
        (index < entry.end).then_some(entry)
    }

    /// Checks ranges and targets against a code length of `len`
    /// instructions, and that entries are sorted and disjoint.
    pub fn validate(&self, len: usize) -> Result<(), VerifyErrorKind> {
        let mut previous_end = 0u32;
        for (i, e) in self.entries.iter().enumerate() {
            let bad =
                |reason: &'static str| VerifyErrorKind::BadExceptionEntry { entry: i, reason };
            if e.start >= e.end {
                return Err(bad("empty range (start >= end)"));
            }
            if e.end as usize > len {
                return Err(bad("range ends past the last instruction"));
            }
            if e.target as usize >= len {
                return Err(bad("handler target out of range"));
            }
            if i > 0 && e.start < previous_end {
                return Err(bad("entries overlap or are not sorted"));
            }
            previous_end = e.end;
        }
        Ok(())
    }

    /// True if there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_handlers_merges_runs_and_lookup_finds_them() {
        let outer = Some(Handler {
            target: 9,
            depth: 0,
            push_lasti: false,
        });
        let inner = Some(Handler {
            target: 7,
            depth: 1,
            push_lasti: true,
        });
        let table = ExceptionTable::from_handlers(&[None, outer, outer, inner, inner, outer, None]);
        assert_eq!(table.entries.len(), 3);
        assert_eq!(table.validate(10), Ok(()));
        assert_eq!(table.handler_for(0), None);
        assert_eq!(table.handler_for(1).map(|e| e.target), Some(9));
        assert_eq!(table.handler_for(4).map(|e| e.target), Some(7));
        assert_eq!(table.handler_for(5).map(|e| e.target), Some(9));
        assert_eq!(table.handler_for(6), None);
    }

    #[test]
    fn validate_rejects_overlap() {
        let e = |start, end| ExceptionTableEntry {
            start,
            end,
            target: 0,
            depth: 0,
            push_lasti: false,
        };
        let table = ExceptionTable {
            entries: vec![e(0, 3), e(2, 4)],
        };
        assert!(table.validate(5).is_err());
        let table = ExceptionTable {
            entries: vec![e(2, 2)],
        };
        assert!(table.validate(5).is_err());
    }
}
