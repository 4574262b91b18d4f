//! Warnings the VM itself raises ("coroutine ... was never awaited", the
//! compiler's SyntaxWarnings), reported through the `warnings` module so
//! that filters, `catch_warnings` and `showwarning` apply, as in CPython.

use crate::PyResult;
use crate::interpreter::Vm;
use crate::typeobject::ExcType;
use crate::value::Value;

/// The warning category `kind` as a value.
pub(crate) fn warning_class(kind: ExcType) -> Value {
    crate::builtins::constructors::type_value(&crate::typeobject::exc_type(kind))
}

impl Vm {
    /// Calls `warnings.<function>(*args)`; the last `keywords.len()`
    /// arguments are passed by those names.
    pub(crate) fn call_warnings(
        &mut self,
        function: &str,
        args: Vec<Value>,
        keywords: &[&str],
    ) -> PyResult {
        let module = self.import_module("warnings")?;
        let function = self.get_attr(&module, function)?;
        self.call_native(&function, args, keywords)
    }

    /// Reports the compiler's SyntaxWarnings for `filename` through
    /// `warnings.warn_explicit`; a filter turning them into errors makes
    /// this fail, as compiling then does in CPython.
    pub fn report_syntax_warnings(
        &mut self,
        filename: &str,
        warnings: &[(String, u32)],
    ) -> PyResult<()> {
        for (message, line) in warnings {
            let args = vec![
                Value::str(message.as_str()),
                warning_class(ExcType::SyntaxWarning),
                Value::str(filename),
                Value::Int(i64::from(*line)),
            ];
            self.call_warnings("warn_explicit", args, &[])?;
        }
        Ok(())
    }
}
