//! Arguments of a call from native code: positional values and keyword
//! pairs, with CPython's arity and keyword checks and messages.

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::value::Value;

/// Positional and keyword arguments of a call. Cheap to copy.
#[derive(Clone, Copy, Default)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(&'a str, Value)],
}

impl<'a> Args<'a> {
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args { pos, kw: &[] }
    }

    pub fn with_kw(pos: &'a [Value], kw: &'a [(&'a str, Value)]) -> Args<'a> {
        Args { pos, kw }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// Check the positional count and that no keyword is given
    /// (`name() takes at most 2 arguments (3 given)`).
    pub fn check(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        if !self.kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{name}() takes no keyword arguments"
            )));
        }
        self.check_pos(name, min, max)
    }

    /// [`Args::check`] with a name made only for the error: `module.f`
    /// is not formatted on every call that passes.
    #[inline]
    pub fn check_named(
        &self,
        name: impl FnOnce() -> String,
        min: usize,
        max: usize,
    ) -> PyResult<()> {
        if self.kw.is_empty() && (min..=max).contains(&self.pos.len()) {
            return Ok(());
        }
        self.check(&name(), min, max)
    }

    /// Check the positional count only.
    pub fn check_pos(&self, name: &str, min: usize, max: usize) -> PyResult<()> {
        let n = self.pos.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name}() takes at most {max} argument{} ({n} given)",
                if max == 1 { "" } else { "s" }
            )
        };
        Err(PyErr::type_error(msg))
    }

    /// Reject keywords other than `allowed`.
    pub fn check_kw(&self, name: &str, allowed: &[&str]) -> PyResult<()> {
        for (k, _) in self.kw {
            if !allowed.contains(k) {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
        Ok(())
    }

    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Positional argument `i`, or keyword `name`.
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos.get(i).or_else(|| self.kwarg(name))
    }
}
