//! `compile()`, `exec()`, `eval()`, `globals()`, `locals()` and `vars()`:
//! krait's bytecode from Python. Source text is compiled by the host
//! ([`crate::host::Host::compile`]): the VM itself has no compiler, and a
//! host without one refuses source strings with a clear error.

use std::rc::Rc;

use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::exception::SyntaxLocation;
use crate::host::CompileMode;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::frame::Frame;
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;
use crate::{PyErr, PyResult};
use krait_bytecode::CodeFlags;

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`.
pub fn builtin_compile(vm: &mut Vm, args: Args) -> PyResult {
    use crate::builtins::function::{Params, Signature, check_params};
    static SIGNATURE: Signature = Signature {
        names: &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        positional: 6,
        required: 3,
    };
    check_params(
        Params::Named(&SIGNATURE),
        "compile",
        || "compile".into(),
        &args,
    )?;
    let required = |i: usize| args.get(i, SIGNATURE.names[i]).cloned().unwrap_or_default();
    let (source, filename, mode) = (&required(0), &required(1), &required(2));
    let filename = match filename.as_str_or_subclass() {
        Some(name) => name.as_str().to_string(),
        None => match filename.builtin_value().as_obj() {
            Some(PyObject::Bytes(b)) => String::from_utf8_lossy(b.as_bytes()).into_owned(),
            _ => {
                return Err(PyErr::type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    filename.type_name()
                )));
            }
        },
    };
    let mode = match mode.as_str_or_subclass().map(|m| m.as_str()) {
        Some("exec") => CompileMode::Exec,
        Some("eval") => CompileMode::Eval,
        Some("single") => CompileMode::Single,
        // Only ever a tree (`ast.parse(..., mode='func_type')`), which
        // the flag asks for.
        Some("func_type")
            if args.get(3, "flags").map_or(Ok(0), |flags| {
                crate::sequence::index_arg(vm, flags, "flags")
            })? & PY_CF_ONLY_AST
                == 0 =>
        {
            return Err(PyErr::value_error(
                "compile() mode 'func_type' requires flag PyCF_ONLY_AST",
            ));
        }
        Some(_) => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
        None => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                mode.type_name()
            )));
        }
    };
    let flags = match args.get(3, "flags") {
        Some(flags) => crate::sequence::index_arg(vm, flags, "flags")?,
        None => 0,
    };
    let only_ast = flags & PY_CF_ONLY_AST != 0;
    let is_text = source.as_str_or_subclass().is_some()
        || matches!(source.builtin_value().as_obj(), Some(PyObject::Bytes(_)));
    if !is_text && as_code(source).is_none() {
        // An `ast` tree (the standard library's `_ast` reads and writes
        // its nodes; only then is it imported).
        let ast = vm.import_module("_ast")?;
        let node_class = vm.get_attr(&ast, "AST")?;
        if vm.isinstance(source, &node_class)? {
            if only_ast {
                return Ok(source.clone());
            }
            let to_json = vm.get_attr(&ast, "_to_json")?;
            let mode_name = Value::str(mode.name());
            let tree = vm.call(&to_json, Args::new(&[source.clone(), mode_name]))?;
            let tree = tree
                .as_str_or_subclass()
                .map_or("", |t| t.as_str())
                .to_string();
            let (bytecode, warnings) = vm.host().compile_json(&tree, &filename)?;
            vm.report_syntax_warnings(&filename, &warnings)?;
            let code = Code::load(bytecode, &mut vm.names)?;
            return Ok(Code::as_value(&code));
        }
    }
    if as_code(source).is_some() {
        // A code object is not a source (CPython hands one back only for
        // an AST).
        return Err(PyErr::type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    }
    let text = source_text(
        source,
        &filename,
        "compile() arg 1 must be a string, bytes or AST object",
    )?;
    if only_ast {
        if text.contains('\0') {
            return Err(PyErr::new(
                ExcType::SyntaxError,
                "source code string cannot contain null bytes",
            ));
        }
        let tree = vm.host().parse_to_json(&text, &filename, mode)?;
        let ast = vm.import_module("_ast")?;
        let from_json = vm.get_attr(&ast, "_from_json")?;
        return vm.call(&from_json, Args::new(&[Value::str(tree)]));
    }
    compile_source(vm, &text, &filename, mode)
}

/// `ast.PyCF_ONLY_AST`: `compile()` gives the syntax tree, not code.
const PY_CF_ONLY_AST: i64 = 0x400;

/// The code object of `source` compiled by the host.
fn compile_source(vm: &mut Vm, source: &str, filename: &str, mode: CompileMode) -> PyResult {
    if source.contains('\0') {
        return Err(PyErr::new(
            ExcType::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let (bytecode, warnings) = vm.host().compile_with_warnings(source, filename, mode)?;
    vm.report_syntax_warnings(filename, &warnings)?;
    let code = Code::load(bytecode, &mut vm.names)?;
    Ok(Code::as_value(&code))
}

/// The text of a source argument: a str, or bytes (any buffer: a
/// bytearray, a memoryview) decoded as their PEP 263 comment declares,
/// else as UTF-8 (a SyntaxError, as CPython's, when they are not).
fn source_text(source: &Value, filename: &str, wrong_type: &str) -> PyResult<String> {
    if let Some(text) = source.as_str_or_subclass() {
        return Ok(text.as_str().to_string());
    }
    let bytes = match source.builtin_value().as_obj() {
        Some(PyObject::Bytes(bytes)) => bytes.as_bytes().to_vec(),
        _ => match crate::buffer::bytes_like(source)? {
            Some(bytes) => bytes.to_vec(),
            None => return Err(PyErr::type_error(wrong_type.to_string())),
        },
    };
    let location = |lineno: u32, text: Option<String>| SyntaxLocation {
        filename: filename.to_string(),
        lineno,
        offset: 1,
        text,
        end_lineno: lineno,
        end_offset: 0,
    };
    match crate::source::decode(&bytes) {
        Ok(text) => Ok(text),
        Err(crate::source::SourceError::EncodingProblem(name)) => Err(PyErr::syntax_error(
            ExcType::SyntaxError,
            &format!("unknown encoding: {name}"),
            &SyntaxLocation {
                offset: 0,
                ..location(0, None)
            },
        )),
        Err(crate::source::SourceError::NonUtf8 { .. }) => {
            let err = std::str::from_utf8(&bytes).expect_err("not UTF-8");
            let position = err.valid_up_to();
            let byte = bytes[position];
            let reason = if err.error_len().is_none() {
                "unexpected end of data"
            } else if (0x80..0xc0).contains(&byte) || byte >= 0xf8 {
                "invalid start byte"
            } else {
                "invalid continuation byte"
            };
            let message = format!(
                "(unicode error) 'utf-8' codec can't decode byte {byte:#04x} in position {position}: {reason}"
            );
            let before = &bytes[..position];
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let line_end = bytes[position..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(bytes.len(), |i| position + i);
            let lineno = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line = String::from_utf8_lossy(&bytes[line_start..line_end]);
            Err(PyErr::syntax_error(
                ExcType::SyntaxError,
                &message,
                &location(lineno, Some(format!("{line}\n"))),
            ))
        }
    }
}

fn as_code(value: &Value) -> Option<Rc<Code>> {
    match value.as_obj() {
        Some(PyObject::Code(code)) => Some(code.code.clone()),
        _ => None,
    }
}

/// `exec(source, globals=None, locals=None)`.
pub fn builtin_exec(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin(vm, args, "exec")?;
    Ok(Value::None)
}

/// `eval(source, globals=None, locals=None)`.
pub fn builtin_eval(vm: &mut Vm, args: Args) -> PyResult {
    run_builtin(vm, args, "eval")
}

fn run_builtin(vm: &mut Vm, args: Args, name: &str) -> PyResult {
    crate::builtins::module::no_kw(name, &args)?;
    crate::builtins::module::expect_args(name, &args, 1, 3)?;
    let source = &args.pos[0];
    let globals = args.get(1, "globals").filter(|g| !g.is_none()).cloned();
    let locals = args.get(2, "locals").filter(|l| !l.is_none()).cloned();
    if let Some(globals) = &globals
        && globals.as_dict_or_subclass().is_none()
    {
        return Err(PyErr::type_error(if name == "exec" || locals.is_some() {
            format!(
                "{name}() globals must be a dict, not {}",
                globals.type_name()
            )
        } else {
            "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
        }));
    }
    if let Some(locals) = &locals
        && !is_mapping(locals)
    {
        return Err(PyErr::type_error(format!(
            "locals must be a mapping or None, not {}",
            locals.type_name()
        )));
    }
    let code = match as_code(source) {
        Some(code) => code,
        None => {
            let wrong = format!("{name}() arg 1 must be a string, bytes or code object");
            let mut text = source_text(source, "<string>", &wrong)?;
            let mode = if name == "eval" {
                // eval() ignores leading spaces and tabs.
                text = text.trim_start_matches([' ', '\t']).to_string();
                CompileMode::Eval
            } else {
                CompileMode::Exec
            };
            let code = compile_source(vm, &text, "<string>", mode)?;
            as_code(&code).expect("compile_source makes a code object")
        }
    };
    if code.nfree > 0 {
        return Err(PyErr::type_error(if name == "eval" {
            "code object passed to eval() may not contain free variables".to_string()
        } else {
            format!(
                "code object requires a closure of exactly length {}",
                code.nfree
            )
        }));
    }
    let (globals, locals) = match (globals, locals) {
        (Some(globals), Some(locals)) => (globals, locals),
        (Some(globals), None) => (globals.clone(), globals),
        (None, locals) => {
            let globals = vm.caller_globals();
            let locals = match locals {
                Some(locals) => locals,
                None => vm.caller_locals()?,
            };
            (globals, locals)
        }
    };
    if let Some(dict) = globals.as_dict_or_subclass()
        && dict.get_item(&Value::str("__builtins__"))?.is_none()
    {
        dict.set_item(Value::str("__builtins__"), vm.builtins.clone())?;
    }
    vm.run_code_in(code, globals, locals)
}

/// Whether `value` can serve as a namespace: a dict, or an object whose
/// class has `__getitem__`.
fn is_mapping(value: &Value) -> bool {
    value.as_dict_or_subclass().is_some()
        || crate::interpreter::class::user_class_ref(value)
            .is_some_and(|c| c.defines(crate::typeobject::Slot::GetItem))
}

/// `globals()`.
pub fn builtin_globals(vm: &mut Vm, args: Args) -> PyResult {
    args.check("globals", 0, 0)?;
    Ok(vm.caller_globals())
}

/// `locals()`.
pub fn builtin_locals(vm: &mut Vm, args: Args) -> PyResult {
    args.check("locals", 0, 0)?;
    vm.caller_locals()
}

/// `vars()` / `vars(object)`.
pub fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult {
    crate::builtins::module::no_kw("vars", &args)?;
    crate::builtins::module::expect_args("vars", &args, 0, 1)?;
    let Some(object) = args.pos.first() else {
        return vm.caller_locals();
    };
    vm.get_attr(object, "__dict__").map_err(|err| {
        if err.matches(ExcType::AttributeError) {
            PyErr::type_error("vars() argument must have __dict__ attribute")
        } else {
            err
        }
    })
}

impl Vm {
    /// The globals of the Python frame that called the running builtin.
    fn caller_globals(&self) -> Value {
        match self.frames.last() {
            Some(frame) => frame.globals.clone(),
            None => self.main_globals.clone(),
        }
    }

    /// The locals of the calling frame: its namespace at module or class
    /// level, a snapshot dict of its variables in a function.
    pub(crate) fn caller_locals(&mut self) -> PyResult {
        if self.frames.is_empty() {
            return Ok(self.main_globals.clone());
        }
        self.frame_locals(self.frames.len() - 1)
    }

    /// The locals of frame `index` of the frame stack, as `locals()` in
    /// that frame gives them.
    pub(crate) fn frame_locals(&mut self, index: usize) -> PyResult {
        let frame = &self.frames[index];
        let optimized = frame.code.bytecode.flags.contains(CodeFlags::OPTIMIZED);
        if let Some(locals) = &frame.locals
            && !optimized
        {
            return Ok(locals.clone());
        }
        // A function's locals are slots; `locals()` gives the frame's one
        // dict, refreshed from them on each call (CPython 3.11's
        // `PyFrame_FastToLocals`), so names an `exec` added stay visible.
        let namespace = frame
            .locals
            .clone()
            .unwrap_or_else(|| Value::dict(PyDict::new()));
        let Some(dict) = namespace.as_dict() else {
            return Ok(namespace);
        };
        let code = &frame.code;
        let bytecode = &code.bytecode;
        let cells = bytecode.cellvars.iter().chain(&bytecode.freevars);
        let slots = bytecode.varnames.iter().zip(&self.stack[frame.base..]);
        let cell_slots = cells.zip(&self.stack[frame.base + code.nlocals..]);
        let mut pairs: Vec<(Value, Value)> = code
            .varname_values
            .iter()
            .zip(slots)
            .map(|(n, (_, v))| (n.clone(), v.clone()))
            .collect();
        for (name, slot) in cell_slots {
            if let Some(PyObject::Cell(cell)) = slot.as_obj() {
                // The interned name: no str made per variable and call.
                pairs.push((self.names.intern(name), cell.value.borrow().clone()));
            }
        }
        // (A fresh dict has no name to remove.)
        let fresh = dict.is_empty();
        // A refresh finds the names where the last one left them, in the
        // order of the slots: each value goes to its position without a
        // hash probe while the next key there is the very name.
        let mut at = Some(0);
        for (key, value) in pairs {
            if let Some(i) = at {
                if !matches!(value, Value::Null) && dict.key_at_is(i, &key) {
                    let _ = dict.set_value_at(i, value);
                    at = Some(i + 1);
                    continue;
                }
                at = None;
            }
            // Interned names (the code's own): no str made per variable
            // and call (a `sys._getframe` refreshes every frame below it).
            if matches!(value, Value::Null) {
                if !fresh {
                    dict.pop(&key)?;
                }
            } else {
                dict.set_item(key, value)?;
            }
        }
        self.frames[index].locals = Some(namespace.clone());
        // A frame object `sys._getframe` kept for this frame shows these
        // values now, not the older ones it noted.
        if let Some(object) = self.frame_objects.get(index) {
            crate::builtins::frame_object::forget_noted_values(object, &namespace);
        }
        Ok(namespace)
    }

    /// Runs `code` with `globals` and `locals` as its namespaces (what
    /// `exec` and `eval` do): returns what the code returns.
    pub fn run_code_in(&mut self, code: Rc<Code>, globals: Value, locals: Value) -> PyResult {
        let base = self.stack.len();
        for _ in 0..code.nslots() {
            self.stack.push(Value::Null);
        }
        let frame = Frame {
            locals: Some(locals),
            ..Frame::start(code, globals, base, base, true)
        };
        self.push_frame(frame)?;
        self.run_entry_frame()
    }
}
