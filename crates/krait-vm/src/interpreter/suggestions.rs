//! "Did you mean" for an uncaught NameError or AttributeError, as CPython
//! 3.11 adds it to the exception's line (`NameError: name 'prnt' is not
//! defined. Did you mean: 'print'?`): the candidate names nearest to the
//! missing one by an edit distance in which changing a letter's case
//! costs half of any other edit.

use crate::PyErr;
use crate::interpreter::Vm;
use crate::typeobject::ExcType;
use crate::value::Value;

/// More candidates than this and no suggestion is looked for.
const MAX_CANDIDATES: usize = 750;
/// Names longer than this (in UTF-8 bytes, after their common prefix and
/// suffix) never match.
const MAX_NAME_LENGTH: usize = 40;
/// The cost of inserting, deleting or replacing a byte.
const EDIT_COST: usize = 2;
/// The cost of replacing an ASCII letter by itself in the other case.
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        EDIT_COST
    }
}

/// The edit distance between `a` and `b`, or anything above `max_cost`
/// once it is sure to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * EDIT_COST;
    }
    if a.len() > MAX_NAME_LENGTH || b.len() > MAX_NAME_LENGTH {
        return max_cost + 1;
    }
    // The shorter one indexes the row.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * EDIT_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance table, updated in place: row[i] is the cost
    // of turning b's prefix so far into a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * EDIT_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diagonal = j * EDIT_COST;
        result = diagonal;
        let mut smallest = usize::MAX;
        for (i, &other) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, other);
            diagonal = row[i];
            let insert_or_delete = result.min(diagonal) + EDIT_COST;
            result = insert_or_delete.min(substitute);
            row[i] = result;
            smallest = smallest.min(result);
        }
        if smallest > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate nearest to `name` within a third of their lengths, the
/// first one on a tie; none among too many candidates.
fn nearest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for candidate in candidates {
        let mut max_cost = (name.len() + candidate.len() + 3) * EDIT_COST / 6;
        if let Some((_, best_cost)) = best {
            max_cost = max_cost.min(best_cost.saturating_sub(1));
        }
        let cost = distance(name.as_bytes(), candidate.as_bytes(), max_cost);
        if cost > max_cost {
            continue;
        }
        if best.is_none_or(|(_, best_cost)| cost < best_cost) {
            best = Some((candidate, cost));
        }
    }
    best.map(|(candidate, _)| candidate.clone())
}

/// The str items of a list (or the keys of a dict), in order.
fn names_of(vm: &mut Vm, value: &Value) -> Vec<String> {
    let items: Vec<Value> = match value.as_dict_or_subclass() {
        Some(dict) => dict.keys(),
        None => match value.as_list_or_subclass() {
            Some(list) => list.snapshot(),
            None => return Vec::new(),
        },
    };
    let _ = vm;
    items
        .iter()
        .filter_map(|item| item.as_str_or_subclass().map(|s| s.as_str().to_string()))
        .collect()
}

impl Vm {
    /// The name to suggest for `err`, an uncaught NameError (the names of
    /// the frame it was raised in: its locals, globals, then builtins) or
    /// AttributeError (`dir()` of its `obj`), as CPython's traceback
    /// display finds it; `None` when there is nothing near.
    pub(crate) fn suggestion_for(&mut self, err: &PyErr) -> Option<String> {
        let value = err.value();
        let attribute = err.matches(ExcType::AttributeError);
        // (CPython gives UnboundLocalError no `name`.)
        if !attribute
            && (!err.matches(ExcType::NameError) || err.matches(ExcType::UnboundLocalError))
        {
            return None;
        }
        let name = self.get_attr(&value, "name").ok()?;
        let name = name.as_str_or_subclass()?.as_str().to_string();
        if attribute {
            let object = self.get_attr(&value, "obj").ok()?;
            if object.is_none() {
                return None;
            }
            let listing = self.dir(Some(&object)).ok()?;
            let candidates = names_of(self, &listing);
            return nearest(&name, &candidates);
        }
        // The frame the error was raised in: the traceback's last.
        let mut traceback = self.get_attr(&value, "__traceback__").ok()?;
        loop {
            match self.get_attr(&traceback, "tb_next") {
                Ok(next) if !next.is_none() => traceback = next,
                _ => break,
            }
        }
        let frame = self.get_attr(&traceback, "tb_frame").ok()?;
        for scope in ["f_locals", "f_globals", "f_builtins"] {
            let namespace = match self.get_attr(&frame, scope) {
                Ok(namespace) if !namespace.is_none() => namespace,
                // (A finished frame may not keep its builtins: the VM's.)
                _ if scope == "f_builtins" => self.builtins.clone(),
                _ => continue,
            };
            let candidates = names_of(self, &namespace);
            if let Some(found) = nearest(&name, &candidates) {
                return Some(found);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn nearest_names_as_cpython_finds_them() {
        assert_eq!(
            nearest("prnt", &names(&["print", "int", "repr"])),
            Some("print".into())
        );
        assert_eq!(
            nearest(
                "ZeroDivisionErrrrr",
                &names(&["ZeroDivisionError", "Exception"])
            ),
            Some("ZeroDivisionError".into())
        );
        // A case change is cheaper than any other edit.
        assert_eq!(nearest("Abc", &names(&["abd", "abc"])), Some("abc".into()));
        // Nothing within a third of the lengths.
        assert_eq!(nearest("abcdefgh", &names(&["xyz", "print"])), None);
        // The first of equally near candidates.
        assert_eq!(nearest("ab", &names(&["ac", "ad"])), Some("ac".into()));
        let many: Vec<String> = (0..MAX_CANDIDATES).map(|i| format!("name{i}")).collect();
        assert_eq!(nearest("name1x", &many), None);
    }

    #[test]
    fn distance_counts_edits_and_case() {
        assert_eq!(distance(b"kitten", b"sitting", 100), 3 * EDIT_COST);
        assert_eq!(distance(b"abc", b"ABC", 100), 3 * CASE_COST);
        assert_eq!(distance(b"same", b"same", 0), 0);
        assert!(distance(b"abcdef", b"uvwxyz", 3) > 3);
    }
}
