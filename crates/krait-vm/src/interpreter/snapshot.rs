//! Snapshots of a paused run (issue 17): the run's frames, its value
//! stack and every object they reach, written to bytes that another
//! interpreter — in this process or another — takes up
//! ([`Vm::restore_paused`]) and resumes as if it had paused there itself.
//!
//! What is written: the object graph from the run's frames, its stack,
//! the pause (the host call's arguments) and the exception being handled;
//! `__main__`'s namespace is part of it (the run's globals). Objects keep
//! their identity and cycles (each is written once, referred to by
//! number). Code is written as `.kbc` bytes (verified again when read).
//! What is not written but named: builtin functions and types, the
//! contents of modules not made from source (`builtins`, `math`, host
//! modules — their attributes are found again by module and name), module
//! objects (imported again by name in the restoring interpreter) and
//! host objects (named by the host, [`SnapshotHost`]). Anything else the
//! run holds that has no written form (a file, a `deque`, a coroutine, a
//! class with a metaclass) makes [`Vm::snapshot_paused`]
//! fail with a message naming its type.
//!
//! The layout: a magic, a version, then three sections — the objects (each
//! record refers only to earlier ones, so reading is one pass), the
//! contents of the mutable ones (filled once all exist, which is how
//! cycles are written), and the run itself — and an FNV-1a checksum of
//! all that. Reading checks every index, and everything the dispatch loop
//! relies on without checks (each frame's slots and operand depth against
//! its code's stack analysis), so bad bytes are an error, never a crash.

use std::cell::{Cell, RefCell};
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::builtins::complex::Complex;
use crate::builtins::dict::{PyDict, PyDictView, ViewKind};
use crate::builtins::exception::{PyException, TracebackEntry};
use crate::builtins::frame_object::FrameParts;
use crate::builtins::function::{
    FunctionCode, GeneratorStatus, PyBoundMethod, PyCell, PyClassMethod, PyCode, PyFunction,
    PyGenerator, PyInstance, PyProperty, PyStaticMethod, PySuper,
};
use crate::builtins::iter::{IterKind, PyIterator};
use crate::builtins::member;
use crate::builtins::range::PyRange;
use crate::builtins::set::PySet;
use crate::builtins::slice::PySlice;
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::interpreter::frame::{Frame, ResumedBy, SuspendedFrame};
use crate::interpreter::pause::{PAUSE_GRACE, Pause};
use crate::native::NativeObject;
use crate::object::PyObject;
use crate::typeobject::{ClassDict, TypeObject};
use crate::value::Value;

const MAGIC: &[u8; 8] = b"KRAITSNP";
const VERSION: u32 = 3;

/// Objects nested deeper than this inside immutable objects (a tuple in a
/// tuple in ...) are not written: the writer recurses through them.
const MAX_NESTING: usize = 800;

/// How the host names its own objects in a snapshot and finds them again.
pub trait SnapshotHost {
    /// The name of a host object (a host function), or `None` when it
    /// cannot be written.
    fn name_of(&self, object: &NativeObject) -> Option<String>;
    /// The restoring interpreter's object of that name.
    fn find(&mut self, vm: &mut Vm, name: &str) -> Option<Value>;
}

// Value tags.
const V_NULL: u8 = 0;
const V_NONE: u8 = 1;
const V_FALSE: u8 = 2;
const V_TRUE: u8 = 3;
const V_INT: u8 = 4;
const V_FLOAT: u8 = 5;
const V_NOT_IMPLEMENTED: u8 = 6;
const V_ELLIPSIS: u8 = 7;
const V_OBJECT: u8 = 8;

// Record tags: objects made whole from earlier ones.
const R_STR: u8 = 1;
const R_BIGINT: u8 = 2;
const R_COMPLEX: u8 = 3;
const R_BYTES: u8 = 4;
const R_TUPLE: u8 = 5;
const R_RANGE: u8 = 6;
const R_SLICE: u8 = 7;
const R_BOUND_METHOD: u8 = 8;
const R_BOUND_BUILTIN: u8 = 9;
const R_DICT_VIEW: u8 = 10;
const R_STATIC_METHOD: u8 = 11;
const R_CLASS_METHOD: u8 = 12;
const R_PROPERTY: u8 = 13;
const R_CODE_OBJECT: u8 = 14;
const R_ITERATOR: u8 = 15;
const R_ATTRIBUTE: u8 = 16;
const R_MODULE: u8 = 17;
const R_MODULE_DICT: u8 = 18;
const R_HOST: u8 = 19;
/// Code (not an object: it has numbers of its own).
const R_CODE: u8 = 20;
/// A builtin type's method, unbound (`list.append`, which LOAD_METHOD
/// leaves on the stack).
const R_TYPE_METHOD: u8 = 21;
const R_SUPER: u8 = 22;
/// A `__slots__` member of a class (`member_descriptor`).
const R_MEMBER: u8 = 23;
/// A named tuple's field descriptor (`_tuplegetter`).
const R_TUPLE_GETTER: u8 = 24;
/// A frame object (`sys._getframe()`): what it recorded of its frame.
const R_FRAME: u8 = 25;
/// A builtin type with a native layout (`generator`, `list_iterator`...),
/// by name.
const R_BUILTIN_TYPE: u8 = 26;
// Shells: made empty, filled in the second section.
const S_MAIN_DICT: u8 = 40;
const S_LIST: u8 = 41;
const S_DICT: u8 = 42;
const S_SET: u8 = 43;
const S_FROZENSET: u8 = 44;
const S_CELL: u8 = 45;
const S_CLASS: u8 = 46;
const S_INSTANCE: u8 = 47;
const S_FUNCTION: u8 = 48;
const S_GENERATOR: u8 = 49;
const S_EXCEPTION: u8 = 50;

// Iterator kinds.
const I_SEQ: u8 = 1;
const I_STR: u8 = 2;
const I_RANGE: u8 = 3;
const I_DICT: u8 = 4;
/// What is left of an iterator over a copy (a set's, `reversed` of a
/// dict view's).
const I_REST: u8 = 5;
const I_REVERSED: u8 = 6;
const I_ZIP: u8 = 7;
const I_ENUMERATE: u8 = 8;
const I_MAP: u8 = 9;
const I_FILTER: u8 = 10;
const I_ZIP_STRICT: u8 = 11;
const I_CALLABLE: u8 = 12;
const I_GET_ITEM: u8 = 13;
const I_GET_ITEM_REVERSED: u8 = 14;

/// What a value is known as in any interpreter, instead of its contents.
#[derive(Clone)]
enum Known {
    /// An attribute of a module not made from source.
    Attribute(String, String),
    Module(String),
    ModuleDict(String),
}

impl Vm {
    /// The paused run as bytes (see the module's documentation); the run
    /// stays paused here. An error names what cannot be written.
    pub fn snapshot_paused(&mut self, host: &dyn SnapshotHost) -> Result<Vec<u8>, String> {
        if !self.pausing.paused {
            return Err("no run is paused".to_string());
        }
        let Some((first_frame, first_value)) = self.pausing.run else {
            return Err("no run is paused".to_string());
        };
        let mut writer = Writer::new(self, host);
        let mut run = Vec::new();
        // The pause.
        match &self.pausing.pause {
            Some(Pause::Call {
                function,
                args,
                keywords,
            }) => {
                run.push(1);
                put_str(&mut run, function);
                put_len(&mut run, args.len());
                for arg in args {
                    writer.value(&mut run, arg, 0)?;
                }
                put_len(&mut run, keywords.len());
                for (name, value) in keywords {
                    put_str(&mut run, name);
                    writer.value(&mut run, value, 0)?;
                }
            }
            _ => run.push(0),
        }
        writer.value(&mut run, &self.pausing.handled, 0)?;
        writer.value(&mut run, &self.main_globals, 0)?;
        // The frames, their slots relative to where the run's begin.
        let frames = &self.frames[first_frame.min(self.frames.len())..];
        put_len(&mut run, frames.len());
        for frame in frames {
            let code = writer.code(&frame.code)?;
            put_varint(&mut run, code);
            put_varint(&mut run, frame.pc as u64);
            put_varint(&mut run, frame.base.saturating_sub(first_value) as u64);
            put_varint(&mut run, frame.call_base.saturating_sub(first_value) as u64);
            writer.value(&mut run, &frame.globals, 0)?;
            writer.option(&mut run, frame.locals.as_ref())?;
            writer.option(&mut run, frame.generator.as_ref())?;
            writer.option(&mut run, frame.init_instance.as_ref())?;
            match frame.resumed_in_place {
                None => run.push(0),
                Some(ResumedBy::ForIter(target)) => {
                    run.push(1);
                    put_varint(&mut run, target as u64);
                }
                Some(ResumedBy::Send(target)) => {
                    run.push(2);
                    put_varint(&mut run, target as u64);
                }
                Some(ResumedBy::Call) => run.push(3),
            }
            writer.value(&mut run, &frame.caller_handled, 0)?;
        }
        let values = &self.stack[first_value.min(self.stack.len())..];
        put_len(&mut run, values.len());
        for value in values {
            writer.value(&mut run, value, 0)?;
        }
        writer.fill_all()?;
        Ok(writer.finish(run))
    }

    /// Takes up the run of a snapshot made by [`Vm::snapshot_paused`]: this
    /// VM's `__main__` namespace becomes the snapshot's and the run waits,
    /// paused, for [`Vm::resume_paused`]. The VM must have no run going on
    /// or paused. An error says what is wrong with the bytes (or what the
    /// host could not find); the VM is usable afterwards either way.
    pub fn restore_paused(
        &mut self,
        bytes: &[u8],
        host: &mut dyn SnapshotHost,
    ) -> Result<(), String> {
        if self.pausing.run.is_some() || self.native_depth != 0 || !self.frames.is_empty() {
            return Err("a snapshot cannot be restored while a run is going on or paused".into());
        }
        let body = checked_body(bytes)?;
        // What `__main__` held, put back if the snapshot is refused.
        let main_before = self
            .main_globals
            .as_dict()
            .map(PyDict::items)
            .unwrap_or_default();
        let mut reader = Restorer {
            input: Input { bytes: body, at: 0 },
            objects: Vec::new(),
            shells: Vec::new(),
            codes: Vec::new(),
            main_globals: self.main_globals.clone(),
        };
        let result = reader
            .objects_section(self, host)
            .and_then(|()| reader.fill_section(self))
            .and_then(|()| reader.run_section(self));
        if result.is_err() {
            // Nothing of a refused snapshot stays (`run_section` adds the
            // frames last, once all is checked).
            drop(reader);
            if let Some(main) = self.main_globals.as_dict() {
                main.table_mut().clear();
                for (key, value) in main_before {
                    let _ = main.set_item(key, value);
                }
            }
        }
        result
    }
}

// ---------------------------------------------------------------------
// Writing

struct Writer<'a> {
    host: &'a dyn SnapshotHost,
    main_globals: Value,
    known: HashMap<usize, Known>,
    /// The unbound methods of the types in `known`, by their definition's
    /// address: the type and the method's name.
    methods: HashMap<usize, (Value, String)>,
    /// Object address → its number.
    objects: HashMap<usize, u64>,
    next_object: u64,
    /// Code address → its number.
    codes: HashMap<usize, u64>,
    next_code: u64,
    records: Vec<u8>,
    record_count: u64,
    fills: Vec<u8>,
    fill_count: u64,
    /// Mutable objects written as shells whose contents are still to
    /// write, with their numbers.
    pending: VecDeque<(u64, Value)>,
    /// Every object numbered, kept alive while writing: an address must
    /// not be reused by a value made for the writing (a class's name).
    kept: Vec<Value>,
}

/// What an object is known by while writing: its address, or for a
/// class its type object's (each use of a class may wrap it anew).
fn address(object: &Rc<PyObject>) -> usize {
    match &**object {
        PyObject::Type(class) => Rc::as_ptr(class) as *const u8 as usize,
        _ => Rc::as_ptr(object) as *const u8 as usize,
    }
}

fn class_value(class: &Rc<TypeObject>) -> Value {
    crate::builtins::constructors::type_value(class)
}

fn unsupported(what: &str) -> String {
    format!("cannot snapshot a '{what}' object")
}

impl<'a> Writer<'a> {
    fn new(vm: &Vm, host: &'a dyn SnapshotHost) -> Writer<'a> {
        let mut known = HashMap::new();
        let mut types = Vec::new();
        let mut name = |value: &Value, what: Known| {
            if let Value::Obj(object) = value
                && let std::collections::hash_map::Entry::Vacant(entry) =
                    known.entry(address(object))
            {
                entry.insert(what);
                if let PyObject::Type(_) = &**object {
                    types.push(value.clone());
                }
            }
        };
        if let Some(builtins) = vm.builtins.as_dict_or_subclass() {
            for (key, value) in builtins.items() {
                if let Some(key) = key.as_str_or_subclass() {
                    name(
                        &value,
                        Known::Attribute("builtins".into(), key.as_str().into()),
                    );
                }
            }
        }
        if let Some(modules) = vm.modules.as_dict_or_subclass() {
            for (module_name, module) in modules.items() {
                let Some(module_name) = module_name.as_str_or_subclass() else {
                    continue;
                };
                let module_name = module_name.as_str().to_string();
                name(&module, Known::Module(module_name.clone()));
                let Some(namespace) = module_namespace(&module) else {
                    continue;
                };
                if namespace.is(&vm.main_globals) {
                    continue;
                }
                name(&namespace, Known::ModuleDict(module_name.clone()));
                let Some(namespace) = namespace.as_dict_or_subclass() else {
                    continue;
                };
                // The contents of modules made from source are written
                // out; the others' are found again by name.
                if namespace
                    .get_item(&Value::str("__file__"))
                    .ok()
                    .flatten()
                    .is_some()
                {
                    continue;
                }
                for (key, value) in namespace.items() {
                    if let Some(key) = key.as_str_or_subclass() {
                        name(
                            &value,
                            Known::Attribute(module_name.clone(), key.as_str().into()),
                        );
                    }
                }
            }
        }
        // Every builtin type's methods too (`generator.send`, which
        // LOAD_METHOD leaves on the stack), after the named ones.
        types.extend(
            crate::typeobject::BuiltinType::ALL
                .iter()
                .map(|&b| class_value(&crate::typeobject::builtin_type(b))),
        );
        let mut methods = HashMap::new();
        for class in &types {
            let Some(PyObject::Type(type_object)) = class.as_obj() else {
                continue;
            };
            for (name, value) in type_object.dict.borrow().iter() {
                if let Some(PyObject::MethodDescriptor(method)) = value.as_obj()
                    && method.bound.is_none()
                {
                    let key = method.def as *const _ as usize;
                    methods
                        .entry(key)
                        .or_insert_with(|| (class.clone(), name.to_string()));
                }
            }
        }
        Writer {
            host,
            main_globals: vm.main_globals.clone(),
            known,
            methods,
            objects: HashMap::new(),
            next_object: 0,
            codes: HashMap::new(),
            next_code: 0,
            records: Vec::new(),
            record_count: 0,
            fills: Vec::new(),
            fill_count: 0,
            pending: VecDeque::new(),
            kept: Vec::new(),
        }
    }

    fn finish(self, run: Vec<u8>) -> Vec<u8> {
        let mut body = Vec::new();
        put_varint(&mut body, self.record_count);
        body.extend_from_slice(&self.records);
        put_varint(&mut body, self.fill_count);
        body.extend_from_slice(&self.fills);
        body.extend_from_slice(&run);
        let mut out = Vec::with_capacity(body.len() + 24);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&body);
        out.extend_from_slice(&fnv1a(&body).to_le_bytes());
        out
    }

    fn option(&mut self, out: &mut Vec<u8>, value: Option<&Value>) -> Result<(), String> {
        match value {
            None => {
                out.push(0);
                Ok(())
            }
            Some(value) => {
                out.push(1);
                self.value(out, value, 0)
            }
        }
    }

    /// Writes a reference to `value` into `out`, writing the object first
    /// if it is new.
    fn value(&mut self, out: &mut Vec<u8>, value: &Value, depth: usize) -> Result<(), String> {
        match value {
            Value::Null => out.push(V_NULL),
            Value::None => out.push(V_NONE),
            Value::Bool(b) => out.push(if b.get() { V_TRUE } else { V_FALSE }),
            Value::Int(i) => {
                out.push(V_INT);
                put_zigzag(out, *i);
            }
            Value::Float(f) => {
                out.push(V_FLOAT);
                out.extend_from_slice(&f.get().to_bits().to_le_bytes());
            }
            Value::NotImplemented => out.push(V_NOT_IMPLEMENTED),
            Value::Ellipsis => out.push(V_ELLIPSIS),
            Value::Obj(object) => {
                let id = self.object(value, object, depth)?;
                out.push(V_OBJECT);
                put_varint(out, id);
            }
        }
        Ok(())
    }

    fn record(&mut self, record: Vec<u8>) -> u64 {
        self.records.extend_from_slice(&record);
        self.record_count += 1;
        let id = self.next_object;
        self.next_object += 1;
        id
    }

    fn shell(&mut self, object: &Rc<PyObject>, value: &Value, header: Vec<u8>) -> u64 {
        let id = self.record(header);
        self.objects.insert(address(object), id);
        self.kept.push(Value::Obj(object.clone()));
        self.pending.push_back((id, value.clone()));
        id
    }

    fn whole(&mut self, object: &Rc<PyObject>, record: Vec<u8>) -> u64 {
        let id = self.record(record);
        self.objects.insert(address(object), id);
        self.kept.push(Value::Obj(object.clone()));
        id
    }

    fn object(
        &mut self,
        value: &Value,
        object: &Rc<PyObject>,
        depth: usize,
    ) -> Result<u64, String> {
        if let Some(&id) = self.objects.get(&address(object)) {
            return Ok(id);
        }
        if depth > MAX_NESTING {
            return Err("cannot snapshot objects nested this deeply".to_string());
        }
        let depth = depth + 1;
        if value.is(&self.main_globals) {
            return Ok(self.shell(object, value, vec![S_MAIN_DICT]));
        }
        if let Some(known) = self.known.get(&address(object)).cloned() {
            let mut record = Vec::new();
            match known {
                Known::Attribute(module, name) => {
                    record.push(R_ATTRIBUTE);
                    put_str(&mut record, &module);
                    put_str(&mut record, &name);
                }
                Known::Module(name) => {
                    record.push(R_MODULE);
                    put_str(&mut record, &name);
                }
                Known::ModuleDict(name) => {
                    record.push(R_MODULE_DICT);
                    put_str(&mut record, &name);
                }
            }
            return Ok(self.whole(object, record));
        }
        let mut record = Vec::new();
        let id = match &**object {
            PyObject::Str(s) => {
                record.push(R_STR);
                put_str(&mut record, s.as_str());
                self.whole(object, record)
            }
            PyObject::Int(big) => {
                record.push(R_BIGINT);
                put_bytes(&mut record, &big.to_signed_bytes_le());
                self.whole(object, record)
            }
            PyObject::Complex(Complex { re, im }) => {
                record.push(R_COMPLEX);
                record.extend_from_slice(&re.to_bits().to_le_bytes());
                record.extend_from_slice(&im.to_bits().to_le_bytes());
                self.whole(object, record)
            }
            PyObject::Bytes(bytes) => {
                record.push(R_BYTES);
                put_bytes(&mut record, bytes.as_bytes());
                self.whole(object, record)
            }
            PyObject::Tuple(tuple) => {
                record.push(R_TUPLE);
                put_len(&mut record, tuple.as_slice().len());
                for item in tuple.as_slice() {
                    self.value(&mut record, item, depth)?;
                }
                self.whole(object, record)
            }
            PyObject::Range(PyRange { start, stop, step }) => {
                record.push(R_RANGE);
                put_zigzag(&mut record, *start);
                put_zigzag(&mut record, *stop);
                put_zigzag(&mut record, *step);
                self.whole(object, record)
            }
            PyObject::Slice(PySlice { start, stop, step }) => {
                record.push(R_SLICE);
                for part in [start, stop, step] {
                    self.value(&mut record, part, depth)?;
                }
                self.whole(object, record)
            }
            PyObject::BoundMethod(PyBoundMethod {
                receiver, function, ..
            }) => {
                record.push(R_BOUND_METHOD);
                self.value(&mut record, receiver, depth)?;
                self.value(&mut record, function, depth)?;
                self.whole(object, record)
            }
            PyObject::MethodDescriptor(method) => {
                let Some(receiver) = &method.bound else {
                    let key = method.def as *const _ as usize;
                    let Some((class, name)) = self.methods.get(&key).cloned() else {
                        return Err(unsupported("method_descriptor"));
                    };
                    record.push(R_TYPE_METHOD);
                    self.value(&mut record, &class, depth)?;
                    put_str(&mut record, &name);
                    return Ok(self.whole(object, record));
                };
                record.push(R_BOUND_BUILTIN);
                self.value(&mut record, receiver, depth)?;
                put_str(&mut record, method.def.name);
                self.whole(object, record)
            }
            PyObject::DictView(PyDictView { dict, kind }) => {
                record.push(R_DICT_VIEW);
                self.value(&mut record, dict, depth)?;
                record.push(view_kind_tag(*kind));
                self.whole(object, record)
            }
            PyObject::Super(PySuper {
                class,
                object: bound,
            }) => {
                record.push(R_SUPER);
                self.value(&mut record, &class_value(class), depth)?;
                self.value(&mut record, bound, depth)?;
                self.whole(object, record)
            }
            PyObject::StaticMethod(PyStaticMethod { function }) => {
                record.push(R_STATIC_METHOD);
                self.value(&mut record, function, depth)?;
                self.whole(object, record)
            }
            PyObject::ClassMethod(PyClassMethod { function }) => {
                record.push(R_CLASS_METHOD);
                self.value(&mut record, function, depth)?;
                self.whole(object, record)
            }
            PyObject::Property(property) => {
                record.push(R_PROPERTY);
                let PyProperty {
                    getter,
                    setter,
                    deleter,
                    doc,
                    name,
                } = &**property;
                let name = name.borrow().clone();
                let doc = doc.borrow().clone();
                for part in [getter, setter, deleter, &doc, &name] {
                    self.value(&mut record, part, depth)?;
                }
                self.whole(object, record)
            }
            PyObject::Code(PyCode { code }) => {
                let code = self.code(code)?;
                record.push(R_CODE_OBJECT);
                put_varint(&mut record, code);
                self.whole(object, record)
            }
            PyObject::Iterator(iterator) => {
                record.push(R_ITERATOR);
                self.iterator(&mut record, iterator, depth)?;
                self.whole(object, record)
            }
            PyObject::Native(_) if let Some((name, owner)) = member::member_parts(value) => {
                record.push(R_MEMBER);
                self.value(&mut record, &name, depth)?;
                put_str(&mut record, owner);
                self.whole(object, record)
            }
            PyObject::Native(_) if let Some((index, doc)) = member::tuple_getter_parts(value) => {
                record.push(R_TUPLE_GETTER);
                put_varint(&mut record, index as u64);
                self.value(&mut record, &doc, depth)?;
                self.whole(object, record)
            }
            PyObject::Native(_) if let Some(frame) = FrameParts::of(value) => {
                let code = self.code(&frame.code)?;
                record.push(R_FRAME);
                put_varint(&mut record, code);
                for part in [
                    &frame.globals,
                    &frame.builtins,
                    &frame.locals,
                    &frame.back,
                    &frame.trace,
                ] {
                    self.value(&mut record, part, depth)?;
                }
                put_varint(&mut record, frame.line as u64);
                put_varint(&mut record, frame.lasti as u64);
                record.push(frame.trace_lines as u8 | (frame.trace_opcodes as u8) << 1);
                self.whole(object, record)
            }
            PyObject::Native(native) => match self.host.name_of(native) {
                Some(name) => {
                    record.push(R_HOST);
                    put_str(&mut record, &name);
                    self.whole(object, record)
                }
                None => return Err(unsupported(&native.class.name)),
            },
            PyObject::List(_) => self.shell(object, value, vec![S_LIST]),
            PyObject::Dict(_) => self.shell(object, value, vec![S_DICT]),
            PyObject::Set(_) => self.shell(object, value, vec![S_SET]),
            PyObject::FrozenSet(_) => self.shell(object, value, vec![S_FROZENSET]),
            PyObject::Cell(_) => self.shell(object, value, vec![S_CELL]),
            PyObject::Type(class) if !class.heap => {
                let Some(builtin) = class
                    .builtin
                    .filter(|&b| Rc::ptr_eq(&crate::typeobject::builtin_type(b), class))
                else {
                    return Err(format!("cannot snapshot the type '{}'", class.name));
                };
                record.push(R_BUILTIN_TYPE);
                put_str(&mut record, builtin.name());
                self.whole(object, record)
            }
            PyObject::Type(class) => {
                self.class_header(&mut record, class, depth)?;
                self.shell(object, value, record)
            }
            PyObject::Instance(instance) => {
                let class = instance.class_rc();
                if !class.heap {
                    return Err(unsupported(&class.name));
                }
                record.push(S_INSTANCE);
                self.value(&mut record, &class_value(&class), depth)?;
                self.value(&mut record, instance.base().unwrap_or(&Value::Null), depth)?;
                self.shell(object, value, record)
            }
            PyObject::Function(function) => {
                record.push(S_FUNCTION);
                let code = self.code(&function.code.rc())?;
                put_varint(&mut record, code);
                self.value(&mut record, &function.globals, depth)?;
                put_len(&mut record, function.closure.len());
                for cell in &function.closure {
                    self.value(&mut record, cell, depth)?;
                }
                put_str(&mut record, &function.name.borrow());
                put_str(&mut record, &function.qualname.borrow());
                self.shell(object, value, record)
            }
            PyObject::Generator(generator) => {
                record.push(S_GENERATOR);
                let frame = generator.frame.borrow();
                let code = self.code(&frame.code)?;
                put_varint(&mut record, code);
                self.value(&mut record, &frame.globals, depth)?;
                put_str(&mut record, &generator.name.borrow());
                put_str(&mut record, &generator.qualname.borrow());
                drop(frame);
                self.shell(object, value, record)
            }
            PyObject::Exception(exception) => {
                record.push(S_EXCEPTION);
                self.value(&mut record, &class_value(&exception.class), depth)?;
                self.shell(object, value, record)
            }
            other => return Err(unsupported(other.type_name())),
        };
        Ok(id)
    }

    fn class_header(
        &mut self,
        record: &mut Vec<u8>,
        class: &Rc<TypeObject>,
        depth: usize,
    ) -> Result<(), String> {
        // (Only classes made by statements come here: builtin types are
        // written by name.)
        if let Some(meta) = &class.metaclass {
            return Err(format!(
                "cannot snapshot the class '{}' (its metaclass is '{}')",
                class.name, meta.name
            ));
        }
        record.push(S_CLASS);
        put_str(record, &class.name);
        put_str(record, &class.qualname);
        put_len(record, class.bases.len());
        for base in &class.bases {
            self.value(record, &class_value(base), depth)?;
        }
        record.push(class.instance_dict as u8);
        record.push(class.instance_weakref as u8);
        record.push(class.abstract_methods_set.get() as u8);
        Ok(())
    }

    fn iterator(
        &mut self,
        record: &mut Vec<u8>,
        iterator: &PyIterator,
        depth: usize,
    ) -> Result<(), String> {
        record.push(iterator.is_exhausted() as u8);
        match &iterator.kind {
            IterKind::Seq { seq, index } => {
                record.push(I_SEQ);
                self.value(record, seq, depth)?;
                put_varint(record, index.get() as u64);
            }
            IterKind::Str { s, pos } => {
                record.push(I_STR);
                self.value(record, s, depth)?;
                put_varint(record, pos.get() as u64);
            }
            IterKind::Range {
                next,
                step,
                remaining,
            } => {
                record.push(I_RANGE);
                put_zigzag(record, next.get());
                put_zigzag(record, *step);
                put_varint(record, remaining.get() as u64);
            }
            IterKind::Dict {
                dict,
                kind,
                pos,
                len,
                ..
            } => {
                record.push(I_DICT);
                self.value(record, dict, depth)?;
                record.push(view_kind_tag(*kind));
                // As the count of entries before it: a restored dict has
                // no holes.
                let live_before = dict.as_dict_or_subclass().map_or(0, |d| {
                    let table = d.table();
                    let (mut count, mut at) = (0, 0);
                    while let Some((i, _, _)) = table.entry_from(at) {
                        if i >= pos.get() {
                            break;
                        }
                        count += 1;
                        at = i + 1;
                    }
                    count
                });
                put_varint(record, live_before as u64);
                put_varint(record, len.get() as u64);
            }
            IterKind::DictReversed {
                dict,
                kind,
                pos,
                len,
                ..
            } => {
                // Written as the items it has left (a restored dict has no
                // holes: a position in it means nothing).
                let mut rest = Vec::new();
                if let Some(d) = dict.as_dict_or_subclass()
                    && d.len() == len.get()
                {
                    let table = d.table();
                    let mut at = pos.get();
                    while let Some((i, k, v)) = table.entry_before(at) {
                        rest.push(match kind {
                            ViewKind::Keys => k.clone(),
                            ViewKind::Values => v.clone(),
                            ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
                        });
                        at = i;
                    }
                }
                record.push(I_REST);
                put_str(record, iterator.type_name());
                put_len(record, rest.len());
                for item in &rest {
                    self.value(record, item, depth)?;
                }
            }
            IterKind::Set { set, pos, used, .. } => {
                // Written as the items it has left: a restored set's table
                // is laid out anew, so a position in it means nothing.
                let rest = match set.as_anyset_or_subclass() {
                    Some(s) if pos.get() != usize::MAX && s.len() == used.get() => {
                        let table = s.table();
                        let mut rest = Vec::new();
                        let mut at = pos.get();
                        while let Some((i, _, key)) = table.next_live(at) {
                            rest.push(key);
                            at = i + 1;
                        }
                        rest
                    }
                    _ => Vec::new(),
                };
                record.push(I_REST);
                put_str(record, "set_iterator");
                put_len(record, rest.len());
                for item in &rest {
                    self.value(record, item, depth)?;
                }
            }
            IterKind::Reversed { seq, remaining } => {
                record.push(I_REVERSED);
                self.value(record, seq, depth)?;
                put_varint(record, remaining.get() as u64);
            }
            IterKind::Zip { iters, .. } | IterKind::ZipStrict { iters } => {
                let strict = matches!(iterator.kind, IterKind::ZipStrict { .. });
                record.push(if strict { I_ZIP_STRICT } else { I_ZIP });
                put_len(record, iters.len());
                for iter in iters {
                    self.value(record, iter, depth)?;
                }
            }
            IterKind::Enumerate { iter, count, .. } => {
                record.push(I_ENUMERATE);
                self.value(record, iter, depth)?;
                put_zigzag(record, count.get());
            }
            IterKind::Map { func, iters } => {
                record.push(I_MAP);
                self.value(record, func, depth)?;
                put_len(record, iters.len());
                for iter in iters {
                    self.value(record, iter, depth)?;
                }
            }
            IterKind::Filter { func, iter } => {
                record.push(I_FILTER);
                self.value(record, func, depth)?;
                self.value(record, iter, depth)?;
            }
            IterKind::Callable { func, sentinel } => {
                record.push(I_CALLABLE);
                self.value(record, func, depth)?;
                self.value(record, sentinel, depth)?;
            }
            IterKind::GetItem { object, index } => {
                record.push(I_GET_ITEM);
                self.value(record, object, depth)?;
                put_zigzag(record, index.get());
            }
            IterKind::GetItemReversed { object, index } => {
                record.push(I_GET_ITEM_REVERSED);
                self.value(record, object, depth)?;
                put_zigzag(record, index.get());
            }
            IterKind::Snapshot { items, index, name } => {
                let rest = items.get(index.get()..).unwrap_or_default();
                record.push(I_REST);
                put_str(record, name);
                put_len(record, rest.len());
                for item in rest {
                    self.value(record, item, depth)?;
                }
            }
        }
        Ok(())
    }

    /// The number of `code`, writing it (and numbering the code nested in
    /// its constants, in the order the reader numbers them) if new.
    fn code(&mut self, code: &Rc<Code>) -> Result<u64, String> {
        let key = Rc::as_ptr(code) as usize;
        if let Some(&id) = self.codes.get(&key) {
            return Ok(id);
        }
        let mut record = vec![R_CODE];
        put_bytes(&mut record, &krait_bytecode::kbc::encode(&code.bytecode));
        self.records.extend_from_slice(&record);
        self.record_count += 1;
        let mut numbered = Vec::new();
        nested_codes(code, &mut numbered);
        for nested in numbered {
            let id = self.next_code;
            self.next_code += 1;
            self.codes.entry(Rc::as_ptr(&nested) as usize).or_insert(id);
        }
        Ok(self.codes[&key])
    }

    /// Writes the contents of every shell, including the shells those
    /// contents bring in.
    fn fill_all(&mut self) -> Result<(), String> {
        while let Some((id, value)) = self.pending.pop_front() {
            let mut fill = Vec::new();
            self.fill(&mut fill, &value)?;
            put_varint(&mut self.fills, id);
            put_bytes(&mut self.fills, &fill);
            self.fill_count += 1;
        }
        Ok(())
    }

    fn fill(&mut self, out: &mut Vec<u8>, value: &Value) -> Result<(), String> {
        let Value::Obj(object) = value else {
            return Ok(());
        };
        match &**object {
            PyObject::List(list) => {
                let items = list.snapshot();
                put_len(out, items.len());
                for item in &items {
                    self.value(out, item, 0)?;
                }
            }
            PyObject::Dict(dict) => self.pairs(out, &dict.items())?,
            PyObject::Set(set) | PyObject::FrozenSet(set) => {
                let items = set.values();
                put_len(out, items.len());
                for item in &items {
                    self.value(out, item, 0)?;
                }
            }
            PyObject::Cell(cell) => {
                let content = cell.value.borrow().clone();
                self.value(out, &content, 0)?;
            }
            PyObject::Type(class) => {
                let items: Vec<(Value, Value)> = class
                    .dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (Value::str(&**k), v.clone()))
                    .collect();
                self.pairs(out, &items)?;
            }
            PyObject::Instance(instance) => {
                self.pairs(out, &instance.attribute_pairs())?;
                self.pairs(out, &instance.slot_pairs())?;
            }
            PyObject::Function(function) => {
                let defaults = function.defaults.borrow().clone();
                put_len(out, defaults.len());
                for default in &defaults {
                    self.value(out, default, 0)?;
                }
                let kwdefaults: Vec<(Value, Value)> = function
                    .kwdefaults()
                    .iter()
                    .map(|(k, v)| (Value::str(&**k), v.clone()))
                    .collect();
                self.pairs(out, &kwdefaults)?;
                let doc = function.doc.borrow().clone();
                self.value(out, &doc, 0)?;
                let dict = function.dict.borrow().clone();
                self.option(out, dict.as_ref())?;
                let annotations = function.annotations.borrow().clone();
                self.option(out, annotations.as_ref())?;
            }
            PyObject::Generator(generator) => {
                let frame = generator.frame.borrow();
                let slots = frame.slots.clone();
                let (pc, handled) = (frame.pc, frame.handled.clone());
                drop(frame);
                out.push(match generator.status.get() {
                    GeneratorStatus::Suspended => 0,
                    GeneratorStatus::Running => 1,
                    GeneratorStatus::Finished => 2,
                });
                put_varint(out, pc as u64);
                self.value(out, &handled, 0)?;
                put_len(out, slots.len());
                for slot in &slots {
                    self.value(out, slot, 0)?;
                }
            }
            PyObject::Exception(exception) => {
                let args = exception.args.borrow().clone();
                put_len(out, args.len());
                for arg in &args {
                    self.value(out, arg, 0)?;
                }
                let dict = exception
                    .dict_if_made()
                    .map(PyDict::items)
                    .unwrap_or_default();
                self.pairs(out, &dict)?;
                let cause = exception.cause.borrow().clone();
                self.option(out, cause.as_ref())?;
                let context = exception.context.borrow().clone();
                self.option(out, context.as_ref())?;
                out.push(exception.suppress_context.get() as u8);
                let traceback = exception.traceback.borrow();
                put_len(out, traceback.len());
                for entry in traceback.iter() {
                    put_str(out, &entry.filename);
                    put_varint(out, entry.line as u64);
                    put_str(out, &entry.name);
                    match &entry.position {
                        None => out.push(0),
                        Some(position) => {
                            out.push(1);
                            put_varint(out, position.line as u64);
                            put_varint(out, position.end_line as u64);
                            put_varint(out, position.col.map_or(0, |c| c as u64 + 1));
                            put_varint(out, position.end_col.map_or(0, |c| c as u64 + 1));
                        }
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn pairs(&mut self, out: &mut Vec<u8>, pairs: &[(Value, Value)]) -> Result<(), String> {
        put_len(out, pairs.len());
        for (key, value) in pairs {
            self.value(out, key, 0)?;
            self.value(out, value, 0)?;
        }
        Ok(())
    }
}

/// The code objects nested in `code`'s constants, depth first.
fn nested_codes(code: &Rc<Code>, out: &mut Vec<Rc<Code>>) {
    out.push(code.clone());
    for constant in &code.consts {
        if let Some(PyObject::Code(nested)) = constant.as_obj() {
            nested_codes(&nested.code, out);
        }
    }
}

fn module_namespace(module: &Value) -> Option<Value> {
    match module.as_obj() {
        Some(PyObject::Instance(instance)) if !instance.class().heap => Some(instance.dict_value()),
        _ => None,
    }
}

fn view_kind_tag(kind: ViewKind) -> u8 {
    match kind {
        ViewKind::Keys => 0,
        ViewKind::Values => 1,
        ViewKind::Items => 2,
    }
}

// ---------------------------------------------------------------------
// Reading

/// What kind of shell an object number is, for filling it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shell {
    None,
    MainDict,
    List,
    Dict,
    Set,
    Class,
    Instance,
    Cell,
    Function,
    Generator,
    Exception,
}

struct Restorer<'a> {
    input: Input<'a>,
    objects: Vec<Value>,
    shells: Vec<Shell>,
    codes: Vec<Rc<Code>>,
    main_globals: Value,
}

fn bad(what: &str) -> String {
    format!("bad snapshot: {what}")
}

fn checked_body(bytes: &[u8]) -> Result<&[u8], String> {
    if bytes.len() < MAGIC.len() + 4 + 8 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(bad("not a krait snapshot"));
    }
    let version = u32::from_le_bytes(bytes[8..12].try_into().unwrap_or_default());
    if version != VERSION {
        return Err(bad(&format!(
            "version {version} (this krait reads version {VERSION})"
        )));
    }
    let (body, sum) = bytes[12..].split_at(bytes.len() - 12 - 8);
    if fnv1a(body).to_le_bytes() != sum {
        return Err(bad("the checksum does not match (the bytes were changed)"));
    }
    Ok(body)
}

impl Restorer<'_> {
    fn object_at(&self, id: u64) -> Result<Value, String> {
        self.objects
            .get(id as usize)
            .cloned()
            .ok_or_else(|| bad("an object number out of range"))
    }

    fn value(&mut self) -> Result<Value, String> {
        Ok(match self.input.byte()? {
            V_NULL => Value::Null,
            V_NONE => Value::None,
            V_FALSE => Value::bool(false),
            V_TRUE => Value::bool(true),
            V_INT => Value::Int(self.input.zigzag()?),
            V_FLOAT => Value::float(f64::from_bits(self.input.u64()?)),
            V_NOT_IMPLEMENTED => Value::NotImplemented,
            V_ELLIPSIS => Value::Ellipsis,
            V_OBJECT => {
                let id = self.input.varint()?;
                self.object_at(id)?
            }
            _ => return Err(bad("an unknown value tag")),
        })
    }

    /// A value that is not the internal empty marker.
    fn python_value(&mut self) -> Result<Value, String> {
        match self.value()? {
            Value::Null => Err(bad("an empty value where an object belongs")),
            value => Ok(value),
        }
    }

    fn option(&mut self) -> Result<Option<Value>, String> {
        match self.input.byte()? {
            0 => Ok(None),
            1 => Ok(Some(self.python_value()?)),
            _ => Err(bad("an unknown option tag")),
        }
    }

    fn values(&mut self) -> Result<Vec<Value>, String> {
        let n = self.input.len()?;
        (0..n).map(|_| self.python_value()).collect()
    }

    fn pairs(&mut self) -> Result<Vec<(Value, Value)>, String> {
        let n = self.input.len()?;
        (0..n)
            .map(|_| Ok((self.python_value()?, self.python_value()?)))
            .collect()
    }

    fn class(&mut self) -> Result<Rc<TypeObject>, String> {
        match self.python_value()?.as_obj() {
            Some(PyObject::Type(class)) => Ok(class.clone()),
            _ => Err(bad("a class expected")),
        }
    }

    fn code(&mut self) -> Result<Rc<Code>, String> {
        let id = self.input.varint()?;
        self.codes
            .get(id as usize)
            .cloned()
            .ok_or_else(|| bad("a code number out of range"))
    }

    fn push(&mut self, value: Value, shell: Shell) {
        self.objects.push(value);
        self.shells.push(shell);
    }

    fn objects_section(&mut self, vm: &mut Vm, host: &mut dyn SnapshotHost) -> Result<(), String> {
        let count = self.input.varint()?;
        for _ in 0..count {
            let tag = self.input.byte()?;
            if tag == R_CODE {
                let bytes = self.input.bytes()?;
                let bytecode =
                    krait_bytecode::kbc::decode(bytes).map_err(|e| bad(&e.to_string()))?;
                let code = Code::load(bytecode, &mut vm.names).map_err(|e| bad(&e.message()))?;
                let mut nested = Vec::new();
                nested_codes(&code, &mut nested);
                self.codes.extend(nested);
                continue;
            }
            let (value, shell) = self.record(tag, vm, host)?;
            self.push(value, shell);
        }
        Ok(())
    }

    fn record(
        &mut self,
        tag: u8,
        vm: &mut Vm,
        host: &mut dyn SnapshotHost,
    ) -> Result<(Value, Shell), String> {
        let whole = |value: Value| Ok((value, Shell::None));
        match tag {
            R_STR => {
                let text = self.input.str()?;
                whole(Value::str(text))
            }
            R_BIGINT => {
                let bytes = self.input.bytes()?;
                whole(Value::from_bigint(BigInt::from_signed_bytes_le(bytes)))
            }
            R_COMPLEX => {
                let re = f64::from_bits(self.input.u64()?);
                let im = f64::from_bits(self.input.u64()?);
                whole(Value::obj(PyObject::Complex(Complex { re, im })))
            }
            R_BYTES => {
                let bytes = self.input.bytes()?.to_vec();
                whole(Value::bytes(bytes))
            }
            R_TUPLE => {
                let items = self.values()?;
                whole(Value::tuple(items))
            }
            R_RANGE => {
                let start = self.input.zigzag()?;
                let stop = self.input.zigzag()?;
                let step = self.input.zigzag()?;
                if step == 0 {
                    return Err(bad("a range with step 0"));
                }
                whole(Value::obj(PyObject::Range(PyRange { start, stop, step })))
            }
            R_SLICE => {
                let start = self.python_value()?;
                let stop = self.python_value()?;
                let step = self.python_value()?;
                whole(Value::obj(PyObject::Slice(PySlice { start, stop, step })))
            }
            R_BOUND_METHOD => {
                let receiver = self.python_value()?;
                let function = self.python_value()?;
                whole(Value::obj(PyObject::BoundMethod(PyBoundMethod {
                    receiver,
                    function,
                    weakrefs: Default::default(),
                })))
            }
            R_BOUND_BUILTIN => {
                let receiver = self.python_value()?;
                let name = self.input.str()?.to_string();
                let method = vm
                    .get_attr(&receiver, &name)
                    .map_err(|e| bad(&format!("the method '{name}': {}", e.message())))?;
                whole(method)
            }
            R_BUILTIN_TYPE => {
                let name = self.input.str()?;
                match crate::typeobject::BuiltinType::ALL
                    .iter()
                    .find(|b| b.name() == name)
                {
                    Some(&builtin) => whole(class_value(&crate::typeobject::builtin_type(builtin))),
                    None => Err(bad(&format!("an unknown builtin type '{name}'"))),
                }
            }
            R_TYPE_METHOD => {
                let class = self.class()?;
                let name = self.input.str()?;
                let method = class.dict.borrow().get(name).cloned();
                match method {
                    Some(method)
                        if matches!(method.as_obj(), Some(PyObject::MethodDescriptor(_))) =>
                    {
                        whole(method)
                    }
                    _ => Err(bad(&format!(
                        "the type '{}' has no method '{name}'",
                        class.name
                    ))),
                }
            }
            R_DICT_VIEW => {
                let dict = self.python_value()?;
                if dict.as_dict_or_subclass().is_none() {
                    return Err(bad("a dict view of no dict"));
                }
                let kind = view_kind(self.input.byte()?)?;
                whole(Value::obj(PyObject::DictView(PyDictView { dict, kind })))
            }
            R_SUPER => {
                let class = self.class()?;
                let object = self.python_value()?;
                whole(Value::obj(PyObject::Super(PySuper { class, object })))
            }
            R_MEMBER => {
                let name = self.python_value()?;
                if name.as_str_or_subclass().is_none() {
                    return Err(bad("a slot member not named by a str"));
                }
                let owner = self.input.str()?;
                whole(member::member(name, owner))
            }
            R_TUPLE_GETTER => {
                let index = usize::try_from(self.input.varint()?)
                    .map_err(|_| bad("a field index out of range"))?;
                let doc = self.python_value()?;
                whole(member::tuple_getter(index, doc))
            }
            R_FRAME => {
                let code = self.code()?;
                let globals = self.python_value()?;
                let builtins = self.python_value()?;
                let locals = self.python_value()?;
                let back = self.python_value()?;
                let trace = self.python_value()?;
                let line = self.input.u32()?;
                let lasti = usize::try_from(self.input.varint()?)
                    .map_err(|_| bad("an instruction index out of range"))?;
                let flags = self.input.byte()?;
                whole(
                    FrameParts {
                        code,
                        globals,
                        builtins,
                        locals,
                        line,
                        lasti,
                        back,
                        trace,
                        trace_lines: flags & 1 != 0,
                        trace_opcodes: flags & 2 != 0,
                    }
                    .into_value(),
                )
            }
            R_STATIC_METHOD => {
                let function = self.python_value()?;
                whole(Value::obj(PyObject::StaticMethod(PyStaticMethod {
                    function,
                })))
            }
            R_CLASS_METHOD => {
                let function = self.python_value()?;
                whole(Value::obj(PyObject::ClassMethod(PyClassMethod {
                    function,
                })))
            }
            R_PROPERTY => {
                let getter = self.python_value()?;
                let setter = self.python_value()?;
                let deleter = self.python_value()?;
                let doc = self.python_value()?;
                let name = std::cell::RefCell::new(self.python_value()?);
                whole(Value::obj(PyObject::Property(Box::new(PyProperty {
                    getter,
                    setter,
                    deleter,
                    doc: std::cell::RefCell::new(doc),
                    name,
                }))))
            }
            R_CODE_OBJECT => {
                let code = self.code()?;
                whole(Value::obj(PyObject::Code(PyCode { code })))
            }
            R_ITERATOR => {
                let iterator = self.iterator()?;
                whole(iterator.into_value())
            }
            R_ATTRIBUTE => {
                let module = self.input.str()?.to_string();
                let name = self.input.str()?.to_string();
                let found = if module == "builtins" {
                    vm.builtins
                        .as_dict_or_subclass()
                        .and_then(|d| d.get_item(&Value::str(name.as_str())).ok().flatten())
                } else {
                    vm.import_absolute(&module)
                        .ok()
                        .and_then(|m| vm.get_attr(&m, &name).ok())
                };
                match found {
                    Some(value) => whole(value),
                    None => Err(format!(
                        "the snapshot refers to {module}.{name}, which this interpreter lacks"
                    )),
                }
            }
            R_MODULE | R_MODULE_DICT => {
                let name = self.input.str()?.to_string();
                let module = vm.import_absolute(&name).map_err(|e| {
                    format!(
                        "the snapshot refers to the module '{name}', which could not be imported: {}",
                        e.message()
                    )
                })?;
                if tag == R_MODULE {
                    return whole(module);
                }
                match module_namespace(&module) {
                    Some(namespace) => whole(namespace),
                    None => Err(bad("a module without a namespace")),
                }
            }
            R_HOST => {
                let name = self.input.str()?.to_string();
                match host.find(vm, &name) {
                    Some(value) => whole(value),
                    None => Err(format!(
                        "the snapshot refers to the host function '{name}', which this interpreter \
                         has not registered"
                    )),
                }
            }
            S_MAIN_DICT => {
                if let Some(main) = self.main_globals.as_dict() {
                    main.table_mut().clear();
                }
                Ok((self.main_globals.clone(), Shell::MainDict))
            }
            S_LIST => Ok((Value::list(Vec::new()), Shell::List)),
            S_DICT => Ok((Value::dict(PyDict::new()), Shell::Dict)),
            S_SET => Ok((Value::set(PySet::new()), Shell::Set)),
            S_FROZENSET => Ok((Value::frozenset(PySet::new()), Shell::Set)),
            S_CELL => Ok((
                Value::obj(PyObject::Cell(PyCell {
                    gc: Default::default(),
                    value: RefCell::new(Value::Null),
                })),
                Shell::Cell,
            )),
            S_CLASS => Ok((self.class_shell()?, Shell::Class)),
            S_INSTANCE => {
                let class = self.class()?;
                let base = self.value()?;
                if !class.heap || class.exc.is_some() {
                    return Err(bad("an instance of a class that makes no plain instances"));
                }
                // A subclass of a builtin type carries a value of that type.
                let fits = match (class.builtin, &base) {
                    (None, Value::Null) => true,
                    (Some(builtin), base) if !matches!(base, Value::Null) => {
                        base.type_name() == &*crate::typeobject::builtin_type(builtin).name
                    }
                    _ => false,
                };
                if !fits {
                    return Err(bad("an instance without the value its class's base needs"));
                }
                let instance = PyInstance::with_base(class, base);
                Ok((Value::obj(PyObject::Instance(instance)), Shell::Instance))
            }
            S_FUNCTION => {
                let code = self.code()?;
                let globals = self.python_value()?;
                if globals.as_dict_or_subclass().is_none() {
                    return Err(bad("a function whose globals are not a dict"));
                }
                let closure = self.values()?;
                if closure.len() != code.nfree
                    || closure
                        .iter()
                        .any(|c| !matches!(c.as_obj(), Some(PyObject::Cell(_))))
                {
                    return Err(bad("a closure that does not fit its code"));
                }
                let name: Rc<str> = Rc::from(self.input.str()?);
                let qualname: Rc<str> = Rc::from(self.input.str()?);
                let function = PyFunction {
                    gc: Default::default(),
                    code: FunctionCode::new(code),
                    globals,
                    name: RefCell::new(name),
                    qualname: RefCell::new(qualname),
                    defaults: RefCell::new(Vec::new()),
                    kwdefaults: RefCell::new(Vec::new()),
                    kwdefaults_dict: RefCell::new(None),
                    closure,
                    doc: RefCell::new(Value::None),
                    module: RefCell::new(Value::Null),
                    dict: RefCell::new(None),
                    annotations: RefCell::new(None),
                    weakrefs: Default::default(),
                };
                Ok((
                    Value::obj(PyObject::Function(Box::new(function))),
                    Shell::Function,
                ))
            }
            S_GENERATOR => {
                let code = self.code()?;
                if !code.is_generator
                    || code.generator_kind != crate::builtins::function::GeneratorKind::Generator
                {
                    return Err(bad("a generator of code that makes none"));
                }
                let globals = self.python_value()?;
                let name: Rc<str> = Rc::from(self.input.str()?);
                let qualname: Rc<str> = Rc::from(self.input.str()?);
                let generator = PyGenerator {
                    gc: Default::default(),
                    name: RefCell::new(name),
                    qualname: RefCell::new(qualname),
                    frame: RefCell::new(SuspendedFrame {
                        code,
                        pc: 0,
                        globals,
                        slots: Vec::new(),
                        handled: Value::None,
                    }),
                    // Finished until its fill says otherwise.
                    status: Cell::new(GeneratorStatus::Finished),
                    running_async: Cell::new(false),
                    closed: Cell::new(false),
                    delegator: Cell::new(None),
                    weakrefs: Default::default(),
                };
                Ok((
                    Value::obj(PyObject::Generator(Box::new(generator))),
                    Shell::Generator,
                ))
            }
            S_EXCEPTION => {
                let class = self.class()?;
                if class.exc.is_none() {
                    return Err(bad("an exception of a class that is not one"));
                }
                let exception = PyException::new(class, Vec::new());
                Ok((
                    Value::obj(PyObject::Exception(Box::new(exception))),
                    Shell::Exception,
                ))
            }
            _ => Err(bad("an unknown record")),
        }
    }

    fn class_shell(&mut self) -> Result<Value, String> {
        let name = self.input.str()?.to_string();
        let qualname = self.input.str()?.to_string();
        let n = self.input.len()?;
        let bases = (0..n)
            .map(|_| self.class())
            .collect::<Result<Vec<_>, String>>()?;
        let instance_dict = self.input.byte()? != 0;
        let instance_weakref = self.input.byte()? != 0;
        let abstract_methods = self.input.byte()? != 0;
        let mut dict = ClassDict::default();
        dict.insert(Box::from("__qualname__"), Value::str(qualname));
        let mut class = TypeObject::new_class(&name, bases, dict).map_err(|e| bad(&e))?;
        // The namespace comes with the fill (`new_class` added nothing
        // else to it).
        class.dict.borrow_mut().clear();
        class.instance_dict = instance_dict;
        class.instance_weakref = instance_weakref;
        if !instance_dict {
            class.has_data_descriptors.set(true);
        }
        class.abstract_methods_set.set(abstract_methods);
        let class = Rc::new(class);
        crate::gc::track_class(&class);
        for base in class.bases.iter().filter(|b| b.heap) {
            base.add_subclass(&class);
        }
        Ok(crate::builtins::constructors::type_value(&class))
    }

    fn iterator(&mut self) -> Result<PyIterator, String> {
        let exhausted = self.input.byte()? != 0;
        let kind = match self.input.byte()? {
            I_SEQ => {
                let seq = self.python_value()?;
                if !matches!(
                    seq.as_obj(),
                    Some(PyObject::List(_) | PyObject::Tuple(_) | PyObject::Bytes(_))
                ) {
                    return Err(bad("a sequence iterator over no sequence"));
                }
                let index = Cell::new(self.input.varint()? as usize);
                IterKind::Seq { seq, index }
            }
            I_STR => {
                let s = self.python_value()?;
                let pos = self.input.varint()? as usize;
                let Some(text) = s.as_str_or_subclass() else {
                    return Err(bad("a str iterator over no str"));
                };
                if !text.as_str().is_char_boundary(pos) {
                    return Err(bad("a str iterator inside a character"));
                }
                IterKind::Str {
                    s,
                    pos: Cell::new(pos),
                }
            }
            I_RANGE => {
                let next = Cell::new(self.input.zigzag()?);
                let step = self.input.zigzag()?;
                let remaining = Cell::new(self.input.varint()? as usize);
                IterKind::Range {
                    next,
                    step,
                    remaining,
                }
            }
            I_DICT => {
                let dict = self.python_value()?;
                if dict.as_dict_or_subclass().is_none() {
                    return Err(bad("a dict iterator over no dict"));
                }
                let kind = view_kind(self.input.byte()?)?;
                let pos = Cell::new(self.input.varint()? as usize);
                let len = Cell::new(self.input.varint()? as usize);
                IterKind::Dict {
                    dict,
                    kind,
                    pos,
                    len,
                    result: std::cell::RefCell::new(Value::None),
                }
            }
            I_REST => {
                let name = iterator_name(self.input.str()?);
                let items = self.values()?;
                IterKind::Snapshot {
                    items,
                    index: Cell::new(0),
                    name,
                }
            }
            I_REVERSED => {
                let seq = self.python_value()?;
                if !matches!(
                    seq.as_obj(),
                    Some(
                        PyObject::List(_)
                            | PyObject::Tuple(_)
                            | PyObject::Str(_)
                            | PyObject::Range(_)
                            | PyObject::Bytes(_)
                    )
                ) {
                    return Err(bad("a reversed iterator over no sequence"));
                }
                let remaining = Cell::new(self.input.varint()? as usize);
                IterKind::Reversed { seq, remaining }
            }
            I_ZIP => IterKind::Zip {
                iters: self.values()?,
                result: RefCell::new(Value::None),
            },
            I_ZIP_STRICT => IterKind::ZipStrict {
                iters: self.values()?,
            },
            I_ENUMERATE => IterKind::Enumerate {
                iter: self.python_value()?,
                count: Cell::new(self.input.zigzag()?),
                result: RefCell::new(Value::None),
            },
            I_MAP => IterKind::Map {
                func: self.python_value()?,
                iters: self.values()?,
            },
            I_FILTER => IterKind::Filter {
                func: self.python_value()?,
                iter: self.python_value()?,
            },
            I_CALLABLE => IterKind::Callable {
                func: self.python_value()?,
                sentinel: self.python_value()?,
            },
            I_GET_ITEM => IterKind::GetItem {
                object: self.python_value()?,
                index: Cell::new(self.input.zigzag()?),
            },
            I_GET_ITEM_REVERSED => IterKind::GetItemReversed {
                object: self.python_value()?,
                index: Cell::new(self.input.zigzag()?),
            },
            _ => return Err(bad("an unknown iterator")),
        };
        let iterator = PyIterator::new(kind);
        if exhausted {
            iterator.mark_exhausted();
        }
        Ok(iterator)
    }

    fn fill_section(&mut self, vm: &mut Vm) -> Result<(), String> {
        let count = self.input.varint()?;
        let mut fills: Vec<(usize, &[u8])> = Vec::new();
        for _ in 0..count {
            let id = self.input.varint()? as usize;
            let payload = self.input.bytes()?;
            if self.shells.get(id).is_none_or(|s| *s == Shell::None) {
                return Err(bad("contents for an object that takes none"));
            }
            fills.push((id, payload));
        }
        // Classes first (instances and hashing consult them), then what
        // does not hash, then the hashed containers, innermost first (a
        // frozenset inside another is filled before its hash is taken).
        let rank = |shell: Shell| match shell {
            Shell::Class => 0,
            Shell::Set | Shell::Dict | Shell::MainDict => 2,
            _ => 1,
        };
        fills.sort_by_key(|&(id, _)| {
            let rank = rank(self.shells[id]);
            (rank, if rank == 2 { usize::MAX - id } else { id })
        });
        let rest = std::mem::replace(&mut self.input, Input { bytes: &[], at: 0 });
        let mut classes_done = false;
        for (id, payload) in fills {
            if !classes_done && self.shells[id] != Shell::Class {
                // Hashing and comparing in the fills below go by the
                // classes' dunder slots.
                self.refresh_classes();
                classes_done = true;
            }
            self.input = Input {
                bytes: payload,
                at: 0,
            };
            self.fill(vm, id)?;
            if self.input.at != payload.len() {
                return Err(bad("contents longer than their object"));
            }
        }
        self.input = rest;
        if !classes_done {
            self.refresh_classes();
        }
        Ok(())
    }

    /// Each class's dunder slots and flags from its whole MRO, bases
    /// first (they are numbered before the classes made from them).
    fn refresh_classes(&self) {
        for (value, shell) in self.objects.iter().zip(&self.shells) {
            if let (Shell::Class, Some(PyObject::Type(class))) = (shell, value.as_obj()) {
                class.refresh_slots();
                let data_descriptors = class
                    .dict
                    .borrow()
                    .values()
                    .any(crate::typeobject::is_data_descriptor);
                if data_descriptors {
                    class.note_data_descriptor();
                }
            }
        }
        crate::typeobject::classes_changed();
    }

    fn fill(&mut self, vm: &mut Vm, id: usize) -> Result<(), String> {
        let value = self.objects[id].clone();
        let py = |e: crate::PyErr| bad(&e.message());
        match (self.shells[id], value.as_obj()) {
            (Shell::List, Some(PyObject::List(list))) => list.extend(self.values()?),
            (Shell::Dict | Shell::MainDict, Some(PyObject::Dict(dict))) => {
                for (key, item) in self.pairs()? {
                    dict.set_item_vm(vm, key, item).map_err(py)?;
                }
            }
            (Shell::Set, Some(PyObject::Set(set) | PyObject::FrozenSet(set))) => {
                for item in self.values()? {
                    set.add_vm(vm, item).map_err(py)?;
                }
            }
            (Shell::Cell, Some(PyObject::Cell(cell))) => *cell.value.borrow_mut() = self.value()?,
            (Shell::Class, Some(PyObject::Type(class))) => {
                for (key, item) in self.pairs()? {
                    let Some(key) = key.as_str_or_subclass() else {
                        return Err(bad("a class attribute not named by a str"));
                    };
                    class
                        .dict
                        .borrow_mut()
                        .insert(Box::from(key.as_str()), item);
                }
            }
            (Shell::Instance, Some(PyObject::Instance(instance))) => {
                for (key, item) in self.pairs()? {
                    instance.set_attr(key, item).map_err(py)?;
                }
                for (key, item) in self.pairs()? {
                    instance.slot_set(key, item).map_err(py)?;
                }
            }
            (Shell::Function, Some(PyObject::Function(function))) => {
                *function.defaults.borrow_mut() = self.values()?;
                let mut kwdefaults = Vec::new();
                for (key, item) in self.pairs()? {
                    let Some(key) = key.as_str_or_subclass() else {
                        return Err(bad("a keyword default not named by a str"));
                    };
                    kwdefaults.push((Box::from(key.as_str()), item));
                }
                *function.kwdefaults.borrow_mut() = kwdefaults;
                *function.doc.borrow_mut() = self.python_value()?;
                *function.dict.borrow_mut() = self.option()?;
                *function.annotations.borrow_mut() = self.option()?;
            }
            (Shell::Generator, Some(PyObject::Generator(generator))) => {
                let status = match self.input.byte()? {
                    0 => GeneratorStatus::Suspended,
                    1 => GeneratorStatus::Running,
                    2 => GeneratorStatus::Finished,
                    _ => return Err(bad("an unknown generator state")),
                };
                let pc = self.input.varint()? as usize;
                let handled = self.value()?;
                let n = self.input.len()?;
                let slots = (0..n)
                    .map(|_| self.value())
                    .collect::<Result<Vec<_>, String>>()?;
                let mut frame = generator.frame.borrow_mut();
                if status == GeneratorStatus::Suspended {
                    check_suspended(&frame.code, pc, slots.len())?;
                }
                frame.pc = pc;
                frame.handled = handled;
                frame.slots = slots;
                generator.status.set(status);
            }
            (Shell::Exception, Some(PyObject::Exception(exception))) => {
                *exception.args.borrow_mut() = self.values()?;
                let pairs = self.pairs()?;
                if !pairs.is_empty()
                    && let Some(dict) = exception.dict().as_dict()
                {
                    for (key, item) in pairs {
                        dict.set_item_vm(vm, key, item).map_err(py)?;
                    }
                }
                *exception.cause.borrow_mut() = self.option()?;
                *exception.context.borrow_mut() = self.option()?;
                exception.suppress_context.set(self.input.byte()? != 0);
                let n = self.input.len()?;
                let mut traceback = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    let filename = Rc::from(self.input.str()?);
                    let line = self.input.u32()?;
                    let name = Rc::from(self.input.str()?);
                    let position = match self.input.byte()? {
                        0 => None,
                        1 => {
                            let line = self.input.u32()?;
                            let end_line = self.input.u32()?;
                            let col = self.input.u32()?.checked_sub(1);
                            let end_col = self.input.u32()?.checked_sub(1);
                            Some(krait_bytecode::Position {
                                line,
                                end_line,
                                col,
                                end_col,
                            })
                        }
                        _ => return Err(bad("an unknown position tag")),
                    };
                    traceback.push(TracebackEntry {
                        filename,
                        line,
                        name,
                        position,
                        code: None,
                        globals: Value::None,
                        lasti: 0,
                        base: 0,
                        locals: None,
                    });
                }
                *exception.traceback.borrow_mut() = traceback;
            }
            _ => return Err(bad("contents that do not fit their object")),
        }
        Ok(())
    }

    fn run_section(&mut self, vm: &mut Vm) -> Result<(), String> {
        let pause = match self.input.byte()? {
            0 => Pause::Budget,
            1 => {
                let function = self.input.str()?.to_string();
                let args = self.values()?;
                let n = self.input.len()?;
                let mut keywords = Vec::with_capacity(n.min(1024));
                for _ in 0..n {
                    let name = self.input.str()?.to_string();
                    keywords.push((name, self.python_value()?));
                }
                Pause::Call {
                    function,
                    args,
                    keywords,
                }
            }
            _ => return Err(bad("an unknown pause")),
        };
        let handled = self.python_value()?;
        let main = self.python_value()?;
        if !main.is(&self.main_globals) {
            return Err(bad("the run's namespace is not __main__'s"));
        }
        let nframes = self.input.len()?;
        if nframes == 0 {
            return Err(bad("a run without frames"));
        }
        let first_value = vm.stack.len();
        let mut frames = Vec::with_capacity(nframes.min(4096));
        for i in 0..nframes {
            let code = self.code()?;
            let pc = self.input.varint()? as usize;
            let base = first_value + self.input.varint()? as usize;
            let call_base = first_value + self.input.varint()? as usize;
            let globals = self.python_value()?;
            if globals.as_dict_or_subclass().is_none() {
                return Err(bad("a frame whose globals are not a dict"));
            }
            let locals = self.option()?;
            let generator = self.option()?;
            let init_instance = self.option()?;
            let resumed_in_place = match self.input.byte()? {
                0 => None,
                1 => Some(ResumedBy::ForIter(self.input.u32()?)),
                2 => Some(ResumedBy::Send(self.input.u32()?)),
                3 => Some(ResumedBy::Call),
                _ => return Err(bad("an unknown resumption")),
            };
            let caller_handled = self.value()?;
            if let Some(generator) = &generator
                && !matches!(generator.as_obj(), Some(PyObject::Generator(g))
                    if g.status.get() == GeneratorStatus::Running)
            {
                return Err(bad("a generator frame of no running generator"));
            }
            let mut frame = Frame::start(code, globals, base, call_base, i == 0);
            frame.pc = pc;
            frame.locals = locals;
            frame.generator = generator;
            frame.init_instance = init_instance;
            frame.resumed_in_place = resumed_in_place;
            frame.caller_handled = caller_handled;
            frames.push(frame);
        }
        let nvalues = self.input.len()?;
        let mut values = Vec::with_capacity(nvalues.min(1 << 16));
        for _ in 0..nvalues {
            values.push(self.value()?);
        }
        if self.input.at != self.input.bytes.len() {
            return Err(bad("bytes after the run"));
        }
        check_frames(&frames, first_value, first_value + values.len(), &pause)?;
        vm.stack.extend(values);
        vm.frames.extend(frames);
        vm.pausing.run = Some((0, first_value));
        vm.pausing.pause = Some(pause);
        vm.pausing.paused = true;
        vm.pausing.handled = handled;
        vm.pausing.grace = PAUSE_GRACE;
        vm.pausing.direct_callee = 0;
        Ok(())
    }
}

/// Checks what the dispatch loop takes for granted about frames: each
/// instruction index inside its code, each frame's slots inside the stack
/// above the frame below, and each operand stack exactly as deep as its
/// code is at that instruction (once the call or pause it waits on
/// returns its value).
fn check_frames(frames: &[Frame], first: usize, end: usize, pause: &Pause) -> Result<(), String> {
    let mut floor = first;
    // The operand depth of the frame below (without the value it awaits).
    let mut below_depth: usize = 0;
    for (i, frame) in frames.iter().enumerate() {
        let limit = frames.get(i + 1).map_or(end, |next| next.call_base);
        if frame.call_base < floor
            || frame.base < frame.call_base
            || frame.stack_start() > limit
            || limit > end
        {
            return Err(bad("frames that do not fit the stack"));
        }
        let depth = limit - frame.stack_start();
        // A frame below waits for the call above it to return its value;
        // the top one runs its next instruction (a budget pause) or waits
        // for the host call's value.
        let waiting = i + 1 < frames.len() || matches!(pause, Pause::Call { .. });
        let expected = operand_depth(&frame.code, frame.pc)?;
        if depth + waiting as usize != expected {
            return Err(bad("a frame's operand stack does not fit its code"));
        }
        // A generator's frame runs the generator's code: its slots go
        // back to the generator when it yields.
        if let Some(generator) = &frame.generator {
            let Some(PyObject::Generator(g)) = generator.as_obj() else {
                return Err(bad("a generator frame of no generator"));
            };
            if !Rc::ptr_eq(&g.frame.borrow().code, &frame.code) {
                return Err(bad("a generator frame running other code"));
            }
        }
        // A generator resumed in place by the frame below hands it back,
        // when it returns, at a target of the code below: there the
        // iterator is gone (FOR_ITER), or replaced by the value (SEND).
        if let Some(resumed) = frame.resumed_in_place {
            let below = i
                .checked_sub(1)
                .map(|b| &frames[b])
                .ok_or_else(|| bad("a generator resumed in place by no frame"))?;
            // (A CALL's way back is the call's result or its exception,
            // checked as any call's above.)
            let fits = match resumed {
                ResumedBy::ForIter(target) => {
                    below_depth.checked_sub(1) == Some(operand_depth(&below.code, target as usize)?)
                }
                ResumedBy::Send(target) => {
                    below_depth == operand_depth(&below.code, target as usize)?
                }
                ResumedBy::Call => matches!(
                    below
                        .pc
                        .checked_sub(1)
                        .and_then(|at| below.code.bytecode.instructions.get(at)),
                    Some(krait_bytecode::Instruction::Call(_))
                ),
            };
            if frame.generator.is_none() || !fits {
                return Err(bad(
                    "a generator's way back that does not fit the frame below",
                ));
            }
        }
        below_depth = depth;
        floor = frame.stack_start() + depth;
    }
    Ok(())
}

/// A suspended generator's slots: its locals and, past its first
/// instruction, the operands below the value a resumption sends in.
fn check_suspended(code: &Code, pc: usize, slots: usize) -> Result<(), String> {
    let operands = slots
        .checked_sub(code.nslots())
        .ok_or_else(|| bad("a generator with too few slots"))?;
    let fits = match pc {
        0 => operands == 0,
        _ => operand_depth(code, pc)? == operands + 1,
    };
    match fits {
        true => Ok(()),
        false => Err(bad("a generator's operands do not fit its code")),
    }
}

/// The operand stack depth on entry to instruction `pc` of `code`.
fn operand_depth(code: &Code, pc: usize) -> Result<usize, String> {
    let instructions = &code.bytecode.instructions;
    if pc >= instructions.len() {
        return Err(bad("an instruction index past its code"));
    }
    let analysis = krait_bytecode::analyze_stack(instructions, &code.bytecode.exception_table)
        .map_err(|_| bad("code whose stack cannot be followed"))?;
    analysis.depths[pc]
        .map(|depth| depth as usize)
        .ok_or_else(|| bad("a frame at an instruction no path reaches"))
}

/// The name an iterator over a copy reports, from those krait makes.
fn iterator_name(name: &str) -> &'static str {
    const NAMES: &[&str] = &[
        "set_iterator",
        "reversed",
        "dict_reversekeyiterator",
        "dict_reversevalueiterator",
        "dict_reverseitemiterator",
    ];
    NAMES
        .iter()
        .find(|n| **n == name)
        .copied()
        .unwrap_or("iterator")
}

fn view_kind(tag: u8) -> Result<ViewKind, String> {
    match tag {
        0 => Ok(ViewKind::Keys),
        1 => Ok(ViewKind::Values),
        2 => Ok(ViewKind::Items),
        _ => Err(bad("an unknown dict view")),
    }
}

// ---------------------------------------------------------------------
// Bytes

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    })
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    put_varint(out, len as u64);
}

fn put_zigzag(out: &mut Vec<u8>, value: i64) {
    put_varint(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_bytes(out, s.as_bytes());
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Input<'a> {
    fn byte(&mut self) -> Result<u8, String> {
        let b = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| bad("it ends too early"))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(bad("a number too long"))
    }

    fn u32(&mut self) -> Result<u32, String> {
        u32::try_from(self.varint()?).map_err(|_| bad("a number out of range"))
    }

    fn zigzag(&mut self) -> Result<i64, String> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }

    fn u64(&mut self) -> Result<u64, String> {
        let end = self
            .at
            .checked_add(8)
            .ok_or_else(|| bad("it ends too early"))?;
        let bytes = self
            .bytes
            .get(self.at..end)
            .ok_or_else(|| bad("it ends too early"))?;
        self.at = end;
        Ok(u64::from_le_bytes(bytes.try_into().unwrap_or_default()))
    }

    /// A length: never more than the bytes left (each item takes one).
    fn len(&mut self) -> Result<usize, String> {
        let n = self.varint()?;
        if n > (self.bytes.len() - self.at) as u64 {
            return Err(bad("a length past its end"));
        }
        Ok(n as usize)
    }

    fn bytes(&mut self) -> Result<&'a [u8], String> {
        let n = self.len()?;
        let bytes = &self.bytes[self.at..self.at + n];
        self.at += n;
        Ok(bytes)
    }

    fn str(&mut self) -> Result<&'a str, String> {
        std::str::from_utf8(self.bytes()?).map_err(|_| bad("text that is not UTF-8"))
    }
}
