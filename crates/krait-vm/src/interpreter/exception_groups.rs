//! Exception groups (PEP 654) from the VM's side: `BaseExceptionGroup` and
//! `ExceptionGroup` are builtins written in Python (the standard library's
//! `_exceptiongroup` module), installed the first time a program names one
//! of them, so a program that never does pays nothing at start-up. The
//! `except*` instructions call that module's helpers.

use crate::PyResult;
use crate::interpreter::Vm;
use crate::value::Value;

/// The module that defines the groups and the `except*` helpers.
const MODULE: &str = "_exceptiongroup";

/// Builtins that exist only once `MODULE` is imported.
const LAZY_BUILTINS: [&str; 2] = ["BaseExceptionGroup", "ExceptionGroup"];

impl Vm {
    /// When `name` is one of the lazily installed builtins, imports their
    /// module and adds them to the builtins; whether it did.
    pub(crate) fn install_lazy_builtin(&mut self, name: &Value) -> PyResult<bool> {
        let Some(text) = name.as_str() else {
            return Ok(false);
        };
        if !LAZY_BUILTINS.contains(&text.as_str()) {
            return Ok(false);
        }
        let Ok(module) = self.import_module_named(MODULE, None) else {
            return Ok(false);
        };
        let builtins = self.builtins.clone();
        let Some(builtins) = builtins.as_dict_or_subclass() else {
            return Ok(false);
        };
        for lazy in LAZY_BUILTINS {
            let class = self.get_attr(&module, lazy)?;
            builtins.set_item(Value::str(lazy), class)?;
        }
        Ok(true)
    }

    /// A helper function of the `_exceptiongroup` module.
    pub(crate) fn exception_group_helper(&mut self, name: &str) -> PyResult {
        let module = self.import_module_named(MODULE, None)?;
        self.get_attr(&module, name)
    }

    /// CHECK_EG_MATCH: `(match, rest)` of `exc` for `except* match_type`.
    pub(crate) fn exception_group_match(
        &mut self,
        exc: &Value,
        match_type: &Value,
    ) -> PyResult<(Value, Value)> {
        let matcher = self.exception_group_helper("_match")?;
        let pair = self.call_native(&matcher, vec![exc.clone(), match_type.clone()], &[])?;
        match pair.as_tuple().map(|t| t.as_slice().to_vec()).as_deref() {
            Some([matched, rest]) => Ok((matched.clone(), rest.clone())),
            _ => Err(crate::PyErr::type_error("_match must return a pair")),
        }
    }
}
