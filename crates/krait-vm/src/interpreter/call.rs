//! Calls: argument binding with CPython's rules and messages, and the
//! dispatch on the kind of callable.
//!
//! A Python function called by CALL gets a new frame on the frame stack
//! (`Outcome::Pushed`): the dispatch loop continues in it without Rust
//! recursion. Everything else (builtins, types, generator creation) runs to
//! completion and gives a value (`Outcome::Done`).

use std::cell::RefCell;

use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::function::{
    GeneratorKind, GeneratorStatus, PyBoundMethod, PyCell, PyFunction, PyGenerator,
};
use crate::builtins::tuple::PyTuple;
use crate::interpreter::Vm;
use crate::interpreter::frame::{Frame, SuspendedFrame};
use crate::object::PyObject;
use crate::value::Value;
use crate::{PyErr, PyResult};

/// A keyword argument's target in a binding (see
/// `Vm::enter_with_keywords_in_place`) that no parameter takes: it goes
/// to `**kwargs`.
const TO_KWARGS: u8 = u8::MAX;

pub(crate) enum Outcome {
    /// A frame was pushed; the loop runs it.
    Pushed,
    /// The call finished with this value.
    Done(Value),
}

impl Vm {
    /// Calls `callable` with `args`, the last `kwnames.len()` of which are
    /// keyword arguments. `entry` marks a frame pushed for native code.
    pub(crate) fn call_value(
        &mut self,
        callable: &Value,
        mut args: Vec<Value>,
        kwnames: &[&str],
        entry: bool,
    ) -> PyResult<Outcome> {
        let Value::Obj(object) = callable else {
            return Err(not_callable(callable));
        };
        match &**object {
            PyObject::Function(function) => {
                let base = self.bind_arguments(function, args, kwnames)?;
                if function.code.get().is_generator {
                    return Ok(Outcome::Done(self.make_generator(function, base)));
                }
                self.push_frame(Frame::start(
                    function.code.rc(),
                    function.globals.clone(),
                    base,
                    base,
                    entry,
                ))?;
                Ok(Outcome::Pushed)
            }
            PyObject::BoundMethod(PyBoundMethod {
                receiver, function, ..
            }) => {
                args.insert(0, receiver.clone());
                self.call_value(function, args, kwnames, entry)
            }
            PyObject::Type(class) => {
                // A user class with a Python __init__ (and no __new__): the
                // __init__ frame runs in this loop like any call.
                if class.heap
                    && class.builtin.is_none()
                    && class.metaclass.is_none()
                    && !class.is_exception_type()
                    && !class.defines(crate::typeobject::Slot::New)
                    && !class.abstract_methods_set.get()
                    && let Some(init) = class.lookup_init()
                    && let Some(PyObject::Function(function)) = init.as_obj()
                {
                    let instance = Value::obj(PyObject::Instance(
                        crate::builtins::function::PyInstance::new(class.clone()),
                    ));
                    args.insert(0, instance.clone());
                    let base = self.bind_arguments(function, args, kwnames)?;
                    if function.code.get().is_generator {
                        self.stack.truncate(base);
                        return Err(PyErr::type_error(
                            "__init__() should return None, not 'generator'",
                        ));
                    }
                    self.push_frame(Frame {
                        init_instance: Some(instance),
                        ..Frame::start(
                            function.code.rc(),
                            function.globals.clone(),
                            base,
                            base,
                            entry,
                        )
                    })?;
                    return Ok(Outcome::Pushed);
                }
                let (pos, kw) = split_keywords(&args, kwnames);
                let class = class.clone();
                call_type(self, &class, Args::with_kw(pos, &kw)).map(Outcome::Done)
            }
            _ if crate::interpreter::dunder::callable_instance(callable) => {
                crate::interpreter::check_native_stack()?;
                let class = crate::interpreter::class::user_class_of(callable).expect("checked");
                let method = class.lookup("__call__").expect("checked");
                if matches!(method.as_obj(), Some(PyObject::Function(_))) {
                    args.insert(0, callable.clone());
                    return self.call_value(&method, args, kwnames, entry);
                }
                // A staticmethod, classmethod or other descriptor: bound
                // as an attribute read through the instance would be.
                let bound = self.bind_class_attribute(method, callable, &class)?;
                self.call_value(&bound, args, kwnames, entry)
            }
            PyObject::BuiltinFunction(_) | PyObject::MethodDescriptor(_) => {
                let (pos, kw) = split_keywords(&args, kwnames);
                self.call(callable, Args::with_kw(pos, &kw))
                    .map(Outcome::Done)
            }
            // Calling a staticmethod object calls its function (3.10+): a
            // helper called in its class's body, or kept in a table.
            PyObject::StaticMethod(method) => {
                let function = method.function.clone();
                self.call_value(&function, args, kwnames, entry)
            }
            _ => Err(not_callable(callable)),
        }
    }

    /// CALL's fast path: a Python function with positional parameters
    /// only, called with positional arguments, gets its frame right where
    /// the arguments already are on the stack (no copying, no allocation).
    /// `call_base` is where the caller's stack ends after the call.
    /// Returns false when the call does not qualify.
    #[inline(always)]
    pub(crate) fn enter_in_place(
        &mut self,
        callable: &Value,
        first_arg: usize,
        nargs: usize,
        call_base: usize,
    ) -> PyResult<bool> {
        let Some(PyObject::Function(function)) = callable.as_obj() else {
            return Ok(false);
        };
        self.enter_function_in_place(function, first_arg, nargs, call_base)
    }

    /// [`Vm::enter_in_place`] of a function.
    #[inline(always)]
    pub(crate) fn enter_function_in_place(
        &mut self,
        function: &PyFunction,
        first_arg: usize,
        nargs: usize,
        call_base: usize,
    ) -> PyResult<bool> {
        let code = function.code.get();
        let bound = if code.simple_args {
            self.bind_positional_in_place(function, first_arg, nargs)
        } else {
            code.varargs_in_place && self.bind_varargs_in_place(function, first_arg, nargs)
        };
        if !bound {
            return Ok(false);
        }
        // The depth is checked before the frame is made: with the frame
        // kept for the error path, it was built twice (on the Rust stack,
        // then in the frame stack).
        self.check_recursion(first_arg)?;
        crate::interpreter::write_frame(
            &mut self.frames,
            Frame::start(
                function.code.rc(),
                function.globals.clone(),
                first_arg,
                call_base,
                false,
            ),
        );
        Ok(true)
    }

    /// CALL of a generator function with positional parameters: the frame's
    /// slots are bound where the arguments lie, then move into the new
    /// generator, which replaces the call on the stack.
    pub(crate) fn make_generator_in_place(
        &mut self,
        callable: &Value,
        first_arg: usize,
        nargs: usize,
        call_base: usize,
    ) -> Option<Value> {
        let Some(PyObject::Function(function)) = callable.as_obj() else {
            return None;
        };
        if !function.code.get().is_generator
            || !function.code.get().positional_params
            || !self.bind_positional_in_place(function, first_arg, nargs)
        {
            return None;
        }
        let generator = self.make_generator(function, first_arg);
        self.stack.truncate(call_base);
        Some(generator)
    }

    /// Pushes the rest of a frame's slots after `nargs` positional
    /// arguments at `first_arg` (defaults, unbound locals, cells, free
    /// cells). False, with nothing pushed, when the arguments do not fit
    /// the parameters (the general binding then reports why).
    #[inline(always)]
    fn bind_positional_in_place(
        &mut self,
        function: &PyFunction,
        first_arg: usize,
        nargs: usize,
    ) -> bool {
        let code = function.code.get();
        if code.only_parameters && nargs == code.bytecode.argcount as usize {
            return true;
        }
        self.bind_more_slots(function, first_arg, nargs)
    }

    /// [`Vm::bind_positional_in_place`] for frames with defaults to fill,
    /// other locals, cells or free cells.
    fn bind_more_slots(&mut self, function: &PyFunction, first_arg: usize, nargs: usize) -> bool {
        let code = function.code.get();
        let argcount = code.bytecode.argcount as usize;
        if nargs > argcount {
            return false;
        }
        // Only a call that leaves parameters out reads the defaults.
        if nargs < argcount && !self.push_defaults(function, nargs, argcount) {
            return false;
        }
        self.stack.push_nulls(code.nlocals.saturating_sub(argcount));
        if code.ncells != 0 || !function.closure.is_empty() {
            self.push_cells(function, first_arg);
        }
        true
    }

    /// Pushes the defaults of parameters `nargs..argcount`; false, with
    /// nothing pushed, when one of them has no default.
    fn push_defaults(&mut self, function: &PyFunction, nargs: usize, argcount: usize) -> bool {
        let defaults = function.defaults.borrow();
        let first_default = argcount.saturating_sub(defaults.len());
        if nargs < first_default {
            return false;
        }
        // (One reservation for all of them.)
        self.stack
            .extend_from_slice(&defaults[nargs - first_default..argcount - first_default]);
        true
    }

    /// [`Vm::bind_positional_in_place`] for a function with keyword-only
    /// parameters, `*args` or `**kwargs` (see `Code::varargs_in_place`):
    /// keyword-only parameters get their defaults, the arguments past the
    /// parameters become the tuple in the `*args` slot, `**kwargs` a new
    /// empty dict, then the other locals and cells follow. False, with the
    /// stack untouched, when a parameter without a default is left out or
    /// there are too many arguments (the general binding reports it).
    #[inline(never)]
    fn bind_varargs_in_place(
        &mut self,
        function: &PyFunction,
        first_arg: usize,
        nargs: usize,
    ) -> bool {
        let code = function.code.get();
        let bytecode = &code.bytecode;
        let argcount = bytecode.argcount as usize;
        let kwonly = bytecode.kwonlyargcount as usize;
        let flags = bytecode.flags;
        let varargs = flags.contains(krait_bytecode::CodeFlags::VARARGS);
        let varkeywords = flags.contains(krait_bytecode::CodeFlags::VARKEYWORDS);
        if nargs > argcount && !varargs {
            // Too many arguments: the general binding says so.
            return false;
        }
        // Keyword-only parameters take their defaults (checked before
        // anything moves: one without a default is an error to report).
        let kwdefaults = function.kwdefaults();
        // (`__kwdefaults__` lists them in the parameters' order, unless a
        // program assigned another dict: looked for where expected first.)
        let kwonly_default = |i: usize| {
            let name = &*bytecode.varnames[i];
            kwdefaults
                .get(i - argcount)
                .filter(|(n, _)| **n == *name)
                .or_else(|| kwdefaults.iter().find(|(n, _)| **n == *name))
                .map(|(_, default)| default)
        };
        if (argcount..argcount + kwonly).any(|i| kwonly_default(i).is_none()) {
            return false;
        }
        if nargs < argcount && !self.push_defaults(function, nargs, argcount) {
            return false;
        }
        let extra = varargs.then(|| match nargs > argcount {
            true => {
                let items = PyTuple::from_exact(self.stack.drain(first_arg + argcount..));
                Value::obj_with(|| PyObject::Tuple(items))
            }
            false => Value::empty_tuple(),
        });
        for i in argcount..argcount + kwonly {
            self.stack
                .push(kwonly_default(i).cloned().unwrap_or(Value::Null));
        }
        drop(kwdefaults);
        if let Some(extra) = extra {
            self.stack.push(extra);
        }
        if varkeywords {
            let keywords = Value::obj_with(|| PyObject::Dict(crate::builtins::dict::PyDict::new()));
            self.stack.push(keywords);
        }
        let bound = argcount + kwonly + usize::from(varargs) + usize::from(varkeywords);
        self.stack.push_nulls(code.nlocals.saturating_sub(bound));
        self.push_cells(function, first_arg);
        true
    }

    /// Pushes a frame's cells (a parameter captured by an inner function
    /// starts in its cell) and free cells after its fast locals, which
    /// start at `first_arg`.
    #[inline(always)]
    fn push_cells(&mut self, function: &PyFunction, first_arg: usize) {
        let code = function.code.get();
        for cell in 0..code.ncells {
            let initial = code
                .cell_args
                .iter()
                .find(|(c, _)| *c == cell)
                .map_or(Value::Null, |(_, arg)| self.stack[first_arg + *arg].clone());
            self.stack.push(Value::obj(PyObject::Cell(PyCell {
                gc: Default::default(),
                value: RefCell::new(initial),
            })));
        }
        // (Pushed one by one: `extend`'s set-up costs more than a frame's
        // few free cells.)
        for cell in &function.closure {
            self.stack.push(cell.clone());
        }
    }

    /// CALL with keyword arguments (KW_NAMES) of a Python function without
    /// `*args` or `**kwargs`: the frame is bound where the arguments lie
    /// (the keyword values, the last of the `nargs`, move to their
    /// parameters' slots), with no argument vector. A generator function's
    /// bound slots then move into the new generator (`Outcome::Done`), when
    /// `generators` allows it. `None`, with the stack untouched, when the
    /// call needs the general binding (which also reports every error).
    #[inline(never)]
    pub(crate) fn enter_with_keywords_in_place(
        &mut self,
        callable: &Value,
        first_arg: usize,
        nargs: usize,
        kwnames: &Value,
        call_base: usize,
        generators: bool,
    ) -> PyResult<Option<Outcome>> {
        /// More keywords than this go the general way.
        const MAX_KEYWORDS: usize = 16;
        let (Some(PyObject::Function(function)), Some(kwnames)) =
            (callable.as_obj(), kwnames.as_tuple())
        else {
            return Ok(None);
        };
        // (Its items once: a short tuple finds its length by a scan.)
        let kwnames = kwnames.as_slice();
        let code = function.code.get();
        let bytecode = &code.bytecode;
        let flags = bytecode.flags;
        let nkw = kwnames.len();
        let argcount = bytecode.argcount as usize;
        let kwonly = bytecode.kwonlyargcount as usize;
        let posonly = bytecode.posonlyargcount as usize;
        let nparams = argcount + kwonly;
        if nkw > MAX_KEYWORDS || nkw > nargs || nparams >= 64 || (code.is_generator && !generators)
        {
            return Ok(None);
        }
        // `*args` takes the positional arguments past the parameters.
        let varargs = flags.contains(krait_bytecode::CodeFlags::VARARGS);
        // `**kwargs` takes the keywords no parameter does (their names are
        // the call's interned strs: no key is made or hashed anew).
        let varkw = flags.contains(krait_bytecode::CodeFlags::VARKEYWORDS);
        let npos = nargs - nkw;
        if npos > argcount && !varargs {
            return Ok(None);
        }
        // Checked before anything moves: each keyword names a parameter
        // that can be passed by keyword and that nothing else filled, and
        // every parameter left out has a default.
        let mut filled: u64 = (1u64 << npos.min(argcount)) - 1;
        let mut targets = [0u8; MAX_KEYWORDS];
        for (j, keyword) in kwnames.iter().enumerate() {
            let Some(name) = keyword.as_str() else {
                return Ok(None);
            };
            let name = name.as_str();
            // By identity first (both interned), then by text.
            let Some(i) = code.varname_values[posonly..nparams]
                .iter()
                .position(|v| v.is(keyword))
                .or_else(|| {
                    bytecode.varnames[posonly..nparams]
                        .iter()
                        .position(|v| v == name)
                })
                .map(|i| i + posonly)
            else {
                if !varkw {
                    return Ok(None);
                }
                targets[j] = TO_KWARGS;
                continue;
            };
            if filled & (1 << i) != 0 {
                return Ok(None);
            }
            filled |= 1 << i;
            targets[j] = i as u8;
        }
        let first_default = {
            let defaults = function.defaults.borrow();
            let first_default = argcount.saturating_sub(defaults.len());
            if (0..first_default).any(|i| filled & (1 << i) == 0) {
                return Ok(None);
            }
            first_default
        };
        if kwonly > 0 {
            let kwdefaults = function.kwdefaults();
            let has_default = |i: usize| {
                kwdefaults
                    .iter()
                    .any(|(name, _)| **name == *bytecode.varnames[i])
            };
            if (argcount..nparams).any(|i| filled & (1 << i) == 0 && !has_default(i)) {
                return Ok(None);
            }
        }
        // The common call names its keywords in the parameters' order
        // (`f(x, key=k)`, `f(a, b=1, d=2)`): each value lies at or below
        // its slot, and the slots between them and after are unbound.
        let targets = &targets[..nkw];
        let in_order = !varargs
            && !varkw
            && targets.first().is_none_or(|&t| t as usize >= npos)
            && targets.windows(2).all(|pair| pair[0] < pair[1]);
        if in_order {
            self.move_keywords_up(first_arg, npos, targets, code.nlocals);
        } else {
            self.move_keywords(first_arg, npos, targets, kwnames, code)?;
        }
        if filled & ((1u64 << argcount) - 1) != (1u64 << argcount) - 1 {
            let defaults = function.defaults.borrow();
            for i in npos.max(first_default)..argcount {
                if filled & (1 << i) == 0 {
                    self.stack[first_arg + i] = defaults[i - first_default].clone();
                }
            }
        }
        if kwonly > 0 {
            let kwdefaults = function.kwdefaults();
            for i in argcount..nparams {
                if filled & (1 << i) == 0
                    && let Some((_, default)) = kwdefaults
                        .iter()
                        .find(|(name, _)| **name == *bytecode.varnames[i])
                {
                    self.stack[first_arg + i] = default.clone();
                }
            }
        }
        if code.ncells != 0 || !function.closure.is_empty() {
            self.push_cells(function, first_arg);
        }
        if code.is_generator {
            let generator = self.make_generator(function, first_arg);
            self.stack.truncate(call_base);
            return Ok(Some(Outcome::Done(generator)));
        }
        self.push_frame(Frame::start(
            function.code.rc(),
            function.globals.clone(),
            first_arg,
            call_base,
            false,
        ))?;
        Ok(Some(Outcome::Pushed))
    }

    /// [`Vm::enter_with_keywords_in_place`]'s binding of keyword values
    /// named in the parameters' order: the stack grows to the frame's
    /// locals and each value, from the last, moves up to its parameter's
    /// slot (`targets` rise, each at or above its value's place, so no
    /// value is overwritten before it moved).
    #[inline(always)]
    fn move_keywords_up(&mut self, first_arg: usize, npos: usize, targets: &[u8], nlocals: usize) {
        let bound = self.stack.len() - first_arg;
        debug_assert!(bound <= nlocals);
        self.stack.push_nulls(nlocals.saturating_sub(bound));
        for (j, &target) in targets.iter().enumerate().rev() {
            let from = first_arg + npos + j;
            let to = first_arg + target as usize;
            if from != to {
                let value = std::mem::take(&mut self.stack[from]);
                self.stack[to] = value;
            }
        }
    }

    /// [`Vm::enter_with_keywords_in_place`]'s binding of keyword values in
    /// any order, into `**kwargs` too (`targets[j]` is [`TO_KWARGS`] for
    /// those), with `*args` taking the positional arguments past the
    /// parameters: the values leave the stack for a moment; the slots
    /// after the positional arguments start unbound.
    fn move_keywords(
        &mut self,
        first_arg: usize,
        npos: usize,
        targets: &[u8],
        kwnames: &[Value],
        code: &crate::interpreter::code::Code,
    ) -> PyResult<()> {
        let bytecode = &code.bytecode;
        let argcount = bytecode.argcount as usize;
        let nparams = argcount + bytecode.kwonlyargcount as usize;
        let varargs = bytecode.flags.contains(krait_bytecode::CodeFlags::VARARGS);
        let varkw = bytecode
            .flags
            .contains(krait_bytecode::CodeFlags::VARKEYWORDS);
        let mut values = std::mem::take(&mut self.scratch_args);
        crate::interpreter::move_tail(&mut self.stack, first_arg + npos, &mut values);
        let extra = match varargs {
            true if npos > argcount => {
                let extra: Vec<Value> = self.stack.drain(first_arg + argcount..).collect();
                Value::tuple(extra)
            }
            true => Value::tuple(Vec::new()),
            false => Value::Null,
        };
        // (The stack's own inlined loop: `Vec::resize` is a call.)
        let bound = self.stack.len() - first_arg;
        debug_assert!(bound <= code.nlocals);
        self.stack.push_nulls(code.nlocals.saturating_sub(bound));
        if varargs {
            self.stack[first_arg + nparams] = extra;
        }
        let kwargs = varkw.then(crate::builtins::dict::PyDict::new);
        for ((value, &i), keyword) in values.drain(..).zip(targets).zip(kwnames) {
            match (&kwargs, i) {
                (Some(kwargs), TO_KWARGS) => kwargs.set_item(keyword.clone(), value)?,
                _ => self.stack[first_arg + i as usize] = value,
            }
        }
        if let Some(kwargs) = kwargs {
            self.stack[first_arg + nparams + usize::from(varargs)] = Value::dict(kwargs);
        }
        if values.capacity() > self.scratch_args.capacity() {
            self.scratch_args = values;
        }
        Ok(())
    }

    /// CALL of a bound method object (`f = obj.method; f(x)`) or of an
    /// instance whose class has a Python `__call__`, in its `NULL, callable,
    /// args...` form: the function takes the NULL's place and the receiver
    /// the callable's, the form LOAD_METHOD leaves for a method call, so
    /// the in-place paths bind it as one (no argument vector, no
    /// `args.insert(0, receiver)`). The general path gives the same
    /// result for the rewritten form.
    #[inline(never)]
    pub(crate) fn unpack_bound_call(&mut self, call_base: usize) {
        let callable = &self.stack[call_base + 1];
        let (function, receiver) = match callable.as_obj() {
            Some(PyObject::BoundMethod(PyBoundMethod {
                receiver, function, ..
            })) => (function.clone(), receiver.clone()),
            Some(PyObject::Instance(_)) => {
                let Some(method) = crate::interpreter::class::user_class_ref(callable)
                    .and_then(|class| class.lookup("__call__"))
                else {
                    return;
                };
                if !matches!(method.as_obj(), Some(PyObject::Function(_))) {
                    return;
                }
                (method, callable.clone())
            }
            _ => return,
        };
        self.stack[call_base] = function;
        let bound = std::mem::replace(&mut self.stack[call_base + 1], receiver);
        drop(bound);
    }

    /// CALL_FUNCTION_EX (`f(*args)`, `f(*args, **kwargs)`) of a Python
    /// function, or a bound method of one, with an exact tuple and no
    /// keywords (none, or an empty dict: a wrapper forwarding its
    /// `**kwargs`, as `logger.warning` does to `_log`): the arguments are
    /// pushed in CALL's form and the frame bound where they lie, as CALL
    /// does. False, with the stack as it was, when the call does not
    /// qualify (the general path then binds it, or says why not).
    #[inline(never)]
    pub(crate) fn call_ex_in_place(
        &mut self,
        callable: &Value,
        positional: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<bool> {
        if kwargs.is_some_and(|kwargs| !kwargs.as_dict().is_some_and(PyDict::is_empty)) {
            return Ok(false);
        }
        let Some(PyObject::Tuple(args)) = positional.as_obj() else {
            return Ok(false);
        };
        let call_base = self.stack.len();
        let function = match callable.as_obj() {
            // `Element(tag, attrib, **extra)` forwarding nothing in `extra`:
            // a class whose `__init__` runs as a frame of the loop.
            Some(PyObject::Type(class)) if class.heap => {
                self.stack.push(Value::Null);
                self.stack.push(callable.clone());
                self.stack.extend(args.as_slice().iter().cloned());
                if self.enter_init_in_place(callable, call_base, args.len(), None)? {
                    return Ok(true);
                }
                truncate_stack(&mut self.stack, call_base);
                return Ok(false);
            }
            Some(PyObject::Function(_)) => {
                self.stack.push(Value::Null);
                self.stack.push(callable.clone());
                callable
            }
            Some(PyObject::BoundMethod(PyBoundMethod {
                receiver, function, ..
            })) if matches!(function.as_obj(), Some(PyObject::Function(_))) => {
                self.stack.push(function.clone());
                self.stack.push(receiver.clone());
                function
            }
            _ => return Ok(false),
        };
        let first_arg = match self.stack[call_base] {
            Value::Null => call_base + 2,
            _ => call_base + 1,
        };
        self.stack.extend(args.as_slice().iter().cloned());
        let nargs = self.stack.len() - first_arg;
        if self.enter_in_place(function, first_arg, nargs, call_base)? {
            return Ok(true);
        }
        truncate_stack(&mut self.stack, call_base);
        Ok(false)
    }

    /// CALL (in its `NULL, callable, args...` form) of a user class whose
    /// `__init__` is a Python function with positional parameters: the new
    /// instance takes the class's slot, becoming `self`, and `__init__`
    /// runs as a frame of the loop with its arguments where they lie.
    pub(crate) fn enter_init_in_place(
        &mut self,
        callable: &Value,
        call_base: usize,
        argc: usize,
        kwnames: Option<&Value>,
    ) -> PyResult<bool> {
        let Some(PyObject::Type(class)) = callable.as_obj() else {
            return Ok(false);
        };
        if !matches!(self.stack[call_base], Value::Null)
            || !class.heap
            || class.builtin.is_some()
            // An exception class (its MRO has a builtin exception type).
            || class.exc.is_some()
            || class.metaclass.is_some()
            || class.defines(crate::typeobject::Slot::New)
            || class.abstract_methods_set.get()
        {
            return Ok(false);
        }
        let Some(init) = class.lookup_init() else {
            return Ok(false);
        };
        let instance = Value::obj(PyObject::Instance(
            crate::builtins::function::PyInstance::new(class.clone()),
        ));
        self.stack[call_base + 1] = instance.clone();
        let entered = match kwnames {
            None => self.enter_in_place(&init, call_base + 1, argc + 1, call_base)?,
            Some(kwnames) => matches!(
                self.enter_with_keywords_in_place(
                    &init,
                    call_base + 1,
                    argc + 1,
                    kwnames,
                    call_base,
                    false,
                )?,
                Some(Outcome::Pushed)
            ),
        };
        if !entered {
            self.stack[call_base + 1] = callable.clone();
            // The general path makes the instance again: this one was
            // never seen, so its class's `__del__` must not run for it.
            if class.defines(crate::typeobject::Slot::Del) {
                crate::interpreter::finalize::discard_unseen(instance);
            }
            return Ok(false);
        }
        if let Some(frame) = self.frames.last_mut() {
            frame.init_instance = Some(instance);
        }
        Ok(true)
    }

    /// CALL of the builtins called most, answered from the stack's values
    /// without a call (CPython's `CALL_NO_KW_LEN`, `_ISINSTANCE`,
    /// `_TYPE_1`, `_STR_1`): `len(x)` of a builtin container,
    /// `isinstance(x, C)`, `type(x)`, `str(s)` of an exact str (which is
    /// `s`). A function of its own, small, ahead of
    /// [`Vm::call_builtin_in_place`]: its frame is cheap to set up.
    /// `None` when the call is none of these; the callable is the slot
    /// below the arguments.
    #[inline(never)]
    pub(crate) fn call_builtin_quick(
        &mut self,
        first_arg: usize,
        call_base: usize,
    ) -> Option<PyResult> {
        let nargs = self.stack.len() - first_arg;
        match self.stack[first_arg - 1].as_obj()? {
            PyObject::BuiltinFunction(f) => {
                if nargs == 1
                    && crate::builtins::module::is_len(f)
                    && let Some(n) = crate::protocol::len_without_code(&self.stack[first_arg])
                {
                    self.stack.truncate(call_base);
                    return Some(Ok(Value::Int(n as i64)));
                }
                if nargs == 2 && crate::builtins::module::is_isinstance(f) {
                    let classinfo = self.stack.pop().unwrap_or_default();
                    let object = self.stack.pop().unwrap_or_default();
                    self.stack.truncate(call_base);
                    return Some(self.isinstance(&object, &classinfo).map(Value::bool));
                }
                None
            }
            PyObject::Type(class) if nargs == 1 && !class.heap => match class.builtin {
                // `type(x)`, in most library code: the class, no call.
                Some(crate::typeobject::BuiltinType::Type) => {
                    let class = crate::typeobject::class_of(&self.stack[first_arg]);
                    self.stack.truncate(call_base);
                    Some(Ok(crate::builtins::constructors::type_value(&class)))
                }
                // `str(s)` of an exact str is `s` itself (as in CPython):
                // logging's `getMessage` calls it on every record.
                Some(crate::typeobject::BuiltinType::Str)
                    if self.stack[first_arg].as_str().is_some() =>
                {
                    let text = self.stack.pop().unwrap_or_default();
                    self.stack.truncate(call_base);
                    Some(Ok(text))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// CALL's fast path for builtin functions, methods and types with
    /// positional arguments: the arguments move off the stack into a reused
    /// buffer (no allocation per call). `None` when the callable is not a
    /// builtin.
    #[inline(never)]
    pub(crate) fn call_builtin_in_place(
        &mut self,
        callable: &Value,
        first_arg: usize,
        call_base: usize,
    ) -> Option<PyResult> {
        let builtin_type = match callable.as_obj() {
            // (CALL tried `call_builtin_function_in_place` first, the
            // direct builtins' paths with it.)
            Some(PyObject::BuiltinFunction(_)) => None,
            // `dict.get(d, key)`: see `dict_get_in_place`.
            Some(PyObject::MethodDescriptor(method))
                if method.bound.is_none()
                    && crate::builtins::dict::is_get(method.def)
                    && matches!(self.stack.len() - first_arg, 2 | 3)
                    && self.stack[first_arg].as_dict().is_some() =>
            {
                return Some(self.dict_get_in_place(first_arg, call_base));
            }
            // (A native object: `Vm::call` invokes its native `__call__`.)
            Some(PyObject::MethodDescriptor(_) | PyObject::Native(_)) => None,
            // `int(x)`, `enumerate(items)`: builtin types construct from
            // the same buffer (classes keep the general path, which binds
            // their `__init__`).
            Some(PyObject::Type(class)) if !class.heap => Some(class),
            _ => return None,
        };
        // The common case, a few arguments: moved to a buffer on the native
        // stack (no vector to take, grow and give back per call).
        let mut args = crate::interpreter::SmallArgs::new();
        if args.take_tail(&mut self.stack, first_arg) {
            self.stack.truncate(call_base);
            // (The callee's result moved by words: see `moved_by_words`.)
            let result = match (builtin_type, callable.as_obj(), args.as_slice()) {
                (Some(class), _, args) => call_type(self, class, Args::new(args)),
                // `s.add(x)` after LOAD_METHOD: the receiver is the first
                // argument (what `Vm::call` would find, one match later).
                (None, Some(PyObject::MethodDescriptor(method)), [receiver, rest @ ..])
                    if method.bound.is_none() =>
                {
                    crate::interpreter::call_unbound(self, method.def, receiver, Args::new(rest))
                }
                (None, Some(PyObject::Native(_)), args) => {
                    self.call_native_directly(callable, Args::new(args))
                }
                (None, _, args) => self.call(callable, Args::new(args)),
            };
            return Some(crate::value::moved_by_words(result));
        }
        let mut args = std::mem::take(&mut self.scratch_args);
        crate::interpreter::move_tail(&mut self.stack, first_arg, &mut args);
        self.stack.truncate(call_base);
        let result = match builtin_type {
            Some(class) => call_type(self, class, Args::new(&args)),
            None => self.call_native_directly(callable, Args::new(&args)),
        };
        args.clear();
        if args.capacity() > self.scratch_args.capacity() {
            self.scratch_args = args;
        }
        Some(crate::value::moved_by_words(result))
    }

    /// CALL of a builtin function (`function`, copied off the stack) on
    /// the positional arguments `stack[first_arg..]`: moved to a buffer on
    /// the native stack, the stack cut to `call_base`, the function
    /// called. `None` (the stack untouched) when there are too many
    /// arguments for the buffer.
    #[inline(never)]
    pub(crate) fn call_builtin_function_in_place(
        &mut self,
        function: crate::builtins::function::PyBuiltinFunction,
        first_arg: usize,
        call_base: usize,
    ) -> Option<PyResult> {
        if (1..=3).contains(&(self.stack.len() - first_arg))
            && let Some(which) = crate::builtins::module::direct_builtin(&function)
        {
            return self.call_direct_builtin(which, first_arg, call_base);
        }
        let mut args = crate::interpreter::SmallArgs::new();
        if !args.take_tail(&mut self.stack, first_arg) {
            return None;
        }
        self.stack.truncate(call_base);
        // (As `Vm::call`: a builtin's callback may recurse natively.)
        if let Err(err) = crate::interpreter::check_native_stack() {
            return Some(Err(err));
        }
        let result = (function.func)(self, Args::new(args.as_slice()));
        Some(crate::value::moved_by_words(result))
    }

    /// `d.get(key[, default])` on an exact dict (`d` at `first_arg`, the
    /// key and default after it), the method library code calls most (a
    /// dispatch table, a memo): the lookup from the stack's values, no
    /// argument buffer or parameter check; the stack is cut to `call_base`.
    fn dict_get_in_place(&mut self, first_arg: usize, call_base: usize) -> PyResult {
        let default = match self.stack.len() - first_arg {
            3 => self.stack.pop().unwrap_or_default(),
            _ => Value::None,
        };
        let key = self.stack.pop().unwrap_or_default();
        let receiver = self.stack.pop().unwrap_or_default();
        self.stack.truncate(call_base);
        let found = match receiver.as_dict() {
            Some(dict) => dict.get_item_vm(self, &key)?,
            None => None,
        };
        Ok(found.unwrap_or(default))
    }

    /// CALL of a builtin type's method after LOAD_METHOD (`s.lower()`,
    /// `items.pop()`, `d.setdefault(k, v)`): `[descriptor, receiver,
    /// args...]` from `call_base`, with no keywords. The receiver and
    /// arguments move to a buffer on the native stack and the method runs
    /// on them, without the general call's look at the callable's kind
    /// (`dict.get` on an exact dict without the buffer). `None`, with the
    /// stack untouched, for another callable or too many arguments.
    #[inline(never)]
    pub(crate) fn call_method_in_place(&mut self, call_base: usize) -> Option<PyResult> {
        let method = match self.stack[call_base].as_obj() {
            Some(PyObject::MethodDescriptor(method)) => method,
            // `[NULL, bound method, args...]`: a method read once and
            // called many times (`append = result.append`).
            None if matches!(self.stack[call_base], Value::Null) => {
                return self.call_bound_method_in_place(call_base);
            }
            _ => return None,
        };
        let def = method.def;
        if method.bound.is_some() {
            return None;
        }
        if crate::builtins::dict::is_get(def)
            && matches!(self.stack.len() - call_base, 3 | 4)
            && self.stack[call_base + 1].as_dict().is_some()
        {
            return Some(self.dict_get_in_place(call_base + 1, call_base));
        }
        let mut args = crate::interpreter::SmallArgs::new();
        if !args.take_tail(&mut self.stack, call_base + 1) {
            return None;
        }
        // (The descriptor goes: `def` is static.)
        self.stack.truncate(call_base);
        // (LOAD_METHOD's form always has the receiver.)
        let [receiver, rest @ ..] = args.as_slice() else {
            return Some(Err(PyErr::type_error(format!(
                "unbound method {}() needs an argument",
                def.qualified_name()
            ))));
        };
        Some(crate::interpreter::call_unbound(
            self,
            def,
            receiver,
            Args::new(rest),
        ))
    }

    /// [`Vm::call_method_in_place`] for a builtin method bound to its
    /// receiver, called after PUSH_NULL: `[NULL, method, args...]` from
    /// `call_base`. The arguments move to a buffer on the native stack and
    /// the method runs on the receiver it holds, as `Vm::call` would run
    /// it, without the general call's layers.
    fn call_bound_method_in_place(&mut self, call_base: usize) -> Option<PyResult> {
        let callable = match self.stack[call_base + 1].as_obj() {
            Some(PyObject::MethodDescriptor(method)) if method.bound.is_some() => {
                self.stack[call_base + 1].clone()
            }
            _ => return None,
        };
        let mut args = crate::interpreter::SmallArgs::new();
        if !args.take_tail(&mut self.stack, call_base + 2) {
            return None;
        }
        self.stack.truncate(call_base);
        let Some(PyObject::MethodDescriptor(method)) = callable.as_obj() else {
            unreachable!("checked above")
        };
        let receiver = method.bound.as_ref()?;
        Some(crate::value::moved_by_words(method.def.invoke(
            self,
            receiver,
            Args::new(args.as_slice()),
        )))
    }

    /// `id(x)`, `issubclass(C, B)`, `getattr(o, n[, d])`, `hasattr(o, n)`
    /// from the stack's values (see `module::direct_builtin`); `None` for
    /// any other builtin or count, the stack untouched.
    #[inline(never)]
    fn call_direct_builtin(
        &mut self,
        which: crate::builtins::module::DirectBuiltin,
        first_arg: usize,
        call_base: usize,
    ) -> Option<PyResult> {
        use crate::builtins::module::{self, DirectBuiltin};
        let nargs = self.stack.len() - first_arg;
        let fits = match which {
            DirectBuiltin::Id => nargs == 1,
            DirectBuiltin::IsSubclass | DirectBuiltin::HasAttr => nargs == 2,
            DirectBuiltin::GetAttr => nargs >= 2,
        };
        if !fits {
            return None;
        }
        // (Popped one by one: no vector for at most three values.)
        let third = (nargs == 3).then(|| self.stack.pop().unwrap_or_default());
        let second = match nargs {
            1 => Value::None,
            _ => self.stack.pop().unwrap_or_default(),
        };
        let first = self.stack.pop().unwrap_or_default();
        self.stack.truncate(call_base);
        Some(match which {
            DirectBuiltin::Id => Ok(Value::Int(module::id_of(&first))),
            DirectBuiltin::IsSubclass => self.issubclass(&first, &second).map(Value::bool),
            DirectBuiltin::GetAttr => module::getattr_of(self, &first, &second, third.as_ref()),
            DirectBuiltin::HasAttr => module::hasattr_of(self, &first, &second),
        })
    }

    /// [`Vm::call`] of the callable a CALL instruction calls directly: a
    /// native object's call is the one a host function that pauses the run
    /// may be (see `Vm::pause_for_call`).
    fn call_native_directly(&mut self, callable: &Value, args: Args) -> PyResult {
        if !matches!(callable.as_obj(), Some(PyObject::Native(_))) {
            return self.call(callable, args);
        }
        self.pausing.direct_callee = crate::interpreter::pause::callee_address(callable);
        let result = self.call(callable, args);
        self.pausing.direct_callee = 0;
        result
    }

    /// Runs a Python function with positional arguments (after `receiver`,
    /// for a method) from native code, binding them where they are pushed
    /// on the value stack: no bound method, no argument vector. Gives the
    /// arguments back when the function needs the general binding.
    pub(crate) fn call_function_in_place(
        &mut self,
        function: &Value,
        receiver: Option<&Value>,
        args: Vec<Value>,
    ) -> Result<PyResult, Vec<Value>> {
        if !matches!(function.as_obj(), Some(PyObject::Function(_))) {
            return Err(args);
        }
        let call_base = self.stack.len();
        let nargs = args.len() + receiver.is_some() as usize;
        self.stack.extend(receiver.cloned());
        self.stack.extend(args);
        // A generator function (`__iter__` written with `yield`): the
        // generator is made from the arguments where they lie.
        if let Some(generator) = self.make_generator_in_place(function, call_base, nargs, call_base)
        {
            return Ok(Ok(generator));
        }
        match self.enter_in_place(function, call_base, nargs, call_base) {
            Ok(true) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.entry = true;
                }
                Ok(self.run_entry_frame())
            }
            Ok(false) => {
                let mut args: Vec<Value> = self.stack.drain(call_base..).collect();
                if receiver.is_some() {
                    args.remove(0);
                }
                Err(args)
            }
            Err(err) => Ok(Err(err)),
        }
    }

    /// Calls from native code: Python frames run to completion here.
    pub(crate) fn call_native(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwnames: &[&str],
    ) -> PyResult {
        // Finalizers queued since the last call run first, as at a CALL
        // instruction (a property's getter sees what a `__del__` or a
        // weak reference's callback changed).
        self.finalize_if_pending();
        // Callbacks (`map`, `sorted(key=...)`...) of Python functions with
        // positional parameters: arguments bound in place.
        let args = if kwnames.is_empty() {
            match self.call_function_in_place(callable, None, args) {
                Ok(result) => return result,
                Err(args) => args,
            }
        } else {
            args
        };
        match self.call_value(callable, args, kwnames, true)? {
            Outcome::Done(value) => Ok(value),
            Outcome::Pushed => self.run_entry_frame(),
        }
    }

    /// Puts a new frame's slots on the stack (locals bound from the
    /// arguments, cells, free cells) and returns its base. They are bound
    /// where they will live (no vector of slots made and moved); an error
    /// leaves the stack as it was.
    fn bind_arguments(
        &mut self,
        function: &PyFunction,
        args: Vec<Value>,
        kwnames: &[&str],
    ) -> PyResult<usize> {
        let base = self.stack.len();
        let nslots = function.code.get().nslots();
        self.stack.resize(base + nslots, Value::Null);
        let bound = bind_into(function, args, kwnames, &mut self.stack[base..]);
        if let Err(err) = bound {
            truncate_stack(&mut self.stack, base);
            return Err(err);
        }
        Ok(base)
    }
}

/// `Vec::truncate` of the value stack, the values dropped after the cut.
fn truncate_stack(stack: &mut Vec<Value>, len: usize) {
    let dropped: Vec<Value> = stack.drain(len..).collect();
    drop(dropped);
}

/// Binds a call's arguments to a frame's `slots` (all `Null`): locals
/// from the arguments and defaults, `*args`, `**kwargs`, cells, free cells.
fn bind_into(
    function: &PyFunction,
    mut args: Vec<Value>,
    kwnames: &[&str],
    slots: &mut [Value],
) -> PyResult<()> {
    let code = function.code.get();
    let bytecode = &code.bytecode;
    let argcount = bytecode.argcount as usize;
    let posonly = bytecode.posonlyargcount as usize;
    let kwonly = bytecode.kwonlyargcount as usize;
    let has_varargs = bytecode.flags.contains(krait_bytecode::CodeFlags::VARARGS);
    let has_varkw = bytecode
        .flags
        .contains(krait_bytecode::CodeFlags::VARKEYWORDS);
    let varnames = &bytecode.varnames;
    // Read only for a message: no copy of the name per call.
    let qualname = || function.qualname.borrow().clone();

    let kw_values = args.split_off(args.len() - kwnames.len());
    let mut positional = args;

    // Positional parameters, then the rest into *args.
    let given = positional.len();
    if given > argcount && !has_varargs {
        return Err(too_many_positional(
            &qualname(),
            argcount,
            function.defaults.borrow().len(),
            given,
            kwnames.len(),
            kwonly,
        ));
    }
    let extra = positional.drain(argcount.min(given)..);
    let mut next_slot = argcount + kwonly;
    if has_varargs {
        slots[next_slot] = if extra.len() == 0 {
            drop(extra);
            Value::empty_tuple()
        } else {
            let items = PyTuple::from_exact(extra);
            Value::obj_with(|| PyObject::Tuple(items))
        };
        next_slot += 1;
    } else {
        drop(extra);
    }
    for (slot, value) in slots.iter_mut().zip(positional) {
        *slot = value;
    }
    let kwargs = if has_varkw {
        let dict = Value::dict(PyDict::new());
        slots[next_slot] = dict.clone();
        Some(dict)
    } else {
        None
    };

    // Keyword arguments.
    let mut posonly_passed_by_keyword = Vec::new();
    for (name, value) in kwnames.iter().zip(kw_values) {
        let found = varnames[..argcount + kwonly].iter().position(|v| v == name);
        match found {
            Some(i) if i >= posonly => {
                if !matches!(slots[i], Value::Null) {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{name}'",
                        qualname()
                    )));
                }
                slots[i] = value;
            }
            _ => match &kwargs {
                Some(dict) => {
                    let dict = dict.as_dict_or_subclass().expect("made above");
                    let key = Value::str(*name);
                    if dict.contains(&key)? {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for keyword argument '{name}'",
                            qualname()
                        )));
                    }
                    dict.set_item(key, value)?;
                }
                None if found.is_some() => posonly_passed_by_keyword.push(*name),
                None => {
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{name}'",
                        qualname()
                    )));
                }
            },
        }
    }
    if !posonly_passed_by_keyword.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(),
            posonly_passed_by_keyword.join(", ")
        )));
    }

    // Defaults for missing positional parameters.
    // Only values are cloned while the defaults are borrowed: no Python
    // code runs that could assign `__defaults__`.
    let defaults = function.defaults.borrow();
    let first_default = argcount.saturating_sub(defaults.len());
    let mut missing = Vec::new();
    for i in 0..argcount {
        if matches!(slots[i], Value::Null) {
            if i >= first_default {
                slots[i] = defaults[i - first_default].clone();
            } else {
                missing.push(varnames[i].as_str());
            }
        }
    }
    drop(defaults);
    if !missing.is_empty() {
        return Err(missing_arguments(&qualname(), "positional", &missing));
    }
    for i in argcount..argcount + kwonly {
        if matches!(slots[i], Value::Null) {
            let default = function
                .kwdefaults()
                .iter()
                .find(|(name, _)| **name == *varnames[i])
                .map(|(_, default)| default.clone());
            match default {
                Some(default) => slots[i] = default,
                None => missing.push(varnames[i].as_str()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(&qualname(), "keyword-only", &missing));
    }

    // Cells: parameters captured by inner functions start in their cell.
    let nlocals = code.nlocals;
    for cell in 0..code.ncells {
        let initial = code
            .cell_args
            .iter()
            .find(|(c, _)| *c == cell)
            .map_or(Value::Null, |(_, arg)| slots[*arg].clone());
        slots[nlocals + cell] = Value::obj(PyObject::Cell(PyCell {
            gc: Default::default(),
            value: RefCell::new(initial),
        }));
    }
    for (i, cell) in function.closure.iter().enumerate() {
        slots[nlocals + code.ncells + i] = cell.clone();
    }
    Ok(())
}

impl Vm {
    /// Calling a generator function: the bound frame is moved off the stack
    /// into a suspended generator.
    fn make_generator(&mut self, function: &PyFunction, base: usize) -> Value {
        let code = function.code.rc();
        // Room for the frame's operand stack too: a yield moves the slots
        // and the operands back here (`split_off`'s exact size made the
        // first yield of every generator grow the buffer).
        let mut slots = Vec::with_capacity(code.nslots() + code.bytecode.max_stackdepth as usize);
        crate::interpreter::move_tail(&mut self.stack, base, &mut slots);
        let kind = code.generator_kind;
        let generator = Box::new(PyGenerator {
            gc: Default::default(),
            name: RefCell::new(function.name.borrow().clone()),
            qualname: RefCell::new(function.qualname.borrow().clone()),
            frame: RefCell::new(SuspendedFrame {
                code,
                pc: 0,
                globals: function.globals.clone(),
                slots,
                handled: Value::None,
            }),
            status: std::cell::Cell::new(GeneratorStatus::Suspended),
            running_async: std::cell::Cell::new(false),
            closed: std::cell::Cell::new(false),
            delegator: std::cell::Cell::new(None),
            weakrefs: Default::default(),
        });
        Value::obj(match kind {
            GeneratorKind::Generator => PyObject::Generator(generator),
            GeneratorKind::Coroutine => PyObject::Coroutine(generator),
            GeneratorKind::AsyncGenerator => PyObject::AsyncGenerator(generator),
        })
    }
}

/// Positional values and `(name, value)` keyword pairs for a native call.
fn split_keywords<'a>(
    args: &'a [Value],
    kwnames: &[&'a str],
) -> (&'a [Value], Vec<(&'a str, Value)>) {
    let split = args.len() - kwnames.len();
    let kw = kwnames
        .iter()
        .zip(&args[split..])
        .map(|(name, value)| (*name, value.clone()))
        .collect();
    (&args[..split], kw)
}

/// Calling a class: user classes make instances; builtin types and
/// exception classes construct values.
fn call_type(
    vm: &mut Vm,
    class: &std::rc::Rc<crate::typeobject::TypeObject>,
    args: Args,
) -> PyResult {
    // A metaclass's own __call__ decides what calling the class does.
    if let Some(meta) = &class.metaclass
        && meta.defines(crate::typeobject::Slot::Call)
        && let Some(call) = meta.lookup("__call__")
    {
        let mut all = vec![crate::builtins::constructors::type_value(class)];
        all.extend(args.pos.iter().cloned());
        all.extend(args.kw.iter().map(|(_, v)| v.clone()));
        let names: Vec<&str> = args.kw.iter().map(|(k, _)| *k).collect();
        return vm.call_native(&call, all, &names);
    }
    if class.heap {
        return vm.instantiate(class, args);
    }
    if let Some(builtin) = class.builtin {
        if builtin == crate::typeobject::BuiltinType::Super {
            return vm.make_super(args);
        }
        if let Some(result) = crate::interpreter::class::make_descriptor(builtin, args) {
            return result;
        }
    }
    crate::builtins::constructors::call_builtin_type(vm, class, args)
}

impl Vm {
    /// How CPython names a callable in argument errors: `print()`,
    /// `list.append()`, `__main__.f()`, `__main__.C.m()`.
    pub(crate) fn function_str(&self, callable: &Value) -> String {
        let qualified = |module: &str, qualname: &str| {
            if module == "builtins" {
                format!("{qualname}()")
            } else {
                format!("{module}.{qualname}()")
            }
        };
        match callable.as_obj() {
            Some(PyObject::Function(f)) => {
                let module = f
                    .globals
                    .as_dict_or_subclass()
                    .and_then(|g| g.get_item(&Value::str("__name__")).ok().flatten())
                    .and_then(|n| n.as_str_or_subclass().map(|s| s.as_str().to_string()))
                    .unwrap_or_else(|| "__main__".to_string());
                qualified(&module, &f.qualname.borrow())
            }
            Some(PyObject::BoundMethod(m)) => self.function_str(&m.function),
            Some(PyObject::BuiltinFunction(f)) => format!("{}()", f.name),
            Some(PyObject::MethodDescriptor(m)) => {
                let owner = match &m.bound {
                    Some(receiver) => receiver.type_name().to_string(),
                    None => "object".to_string(),
                };
                format!("{owner}.{}()", m.def.name)
            }
            Some(PyObject::Type(t)) => {
                qualified(if t.heap { "__main__" } else { "builtins" }, &t.qualname)
            }
            _ => format!("{} object", callable.type_name()),
        }
    }
}

pub(crate) fn not_callable(value: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", value.type_name()))
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn too_many_positional(
    qualname: &str,
    argcount: usize,
    defaults: usize,
    given: usize,
    kw_given: usize,
    kwonly: usize,
) -> PyErr {
    let takes = if defaults > 0 {
        format!(
            "from {} to {argcount} positional arguments",
            argcount - defaults.min(argcount)
        )
    } else {
        plural(argcount, "positional argument")
    };
    let keyword_only_given = kw_given > 0 && kwonly > 0;
    let given_text = if keyword_only_given {
        format!(
            "{} (and {})",
            plural(given, "positional argument"),
            plural(kw_given, "keyword-only argument")
        )
    } else {
        format!("{given}")
    };
    let verb = if given == 1 && !keyword_only_given {
        "was"
    } else {
        "were"
    };
    PyErr::type_error(format!(
        "{qualname}() takes {takes} but {given_text} {verb} given"
    ))
}

fn missing_arguments(qualname: &str, kind: &str, names: &[&str]) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        [] => String::new(),
    };
    PyErr::type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Whether `callable` is one of the builtins [`Vm::call_builtin_quick`]
/// answers (`len`, `isinstance`, `type`, `str`): told inline, so that
/// other calls do not pay for a call to find out.
#[inline(always)]
pub(crate) fn is_quick_builtin(callable: &Value) -> bool {
    match callable.as_obj() {
        Some(PyObject::BuiltinFunction(f)) => {
            crate::builtins::module::is_len(f) || crate::builtins::module::is_isinstance(f)
        }
        Some(PyObject::Type(class)) => matches!(
            class.builtin,
            Some(crate::typeobject::BuiltinType::Type | crate::typeobject::BuiltinType::Str)
        ),
        _ => false,
    }
}
