//! The unpickling machine: runs the opcodes of protocols 0 to 5 with
//! CPython 3.11's semantics and messages (a stack with marks, a memo
//! indexed by number, `find_class` for globals).
//!
//! From a file it reads no further than the pickle: an opcode's bytes
//! at a time, a frame whole, a line argument by `readline`, so pickles
//! written one after another are read back one per `load`.

use std::rc::Rc;

use krait_vm::builtins::dict::{KeyTable, PyDict};
use krait_vm::builtins::set::PySet;
use krait_vm::typeobject::ExcType;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::BigInt;

use super::{UnpicklerOptions, get_attr_opt, unpickling};

pub struct Source {
    /// What was read from a file (or copied from a buffer).
    data: Vec<u8>,
    /// The `bytes` object `loads` was given, read in place.
    shared: Option<Rc<PyObject>>,
    pos: usize,
    /// `file.read` and `file.readline` when reading a file.
    file: Option<(Value, Value)>,
}

fn no_persistent_load() -> PyErr {
    unpickling(
        "A load persistent id instruction was encountered,\nbut no persistent_load function was specified.",
    )
}

fn truncated() -> PyErr {
    unpickling("pickle data was truncated")
}

impl Source {
    pub fn bytes(data: Vec<u8>) -> Source {
        Source {
            data,
            shared: None,
            pos: 0,
            file: None,
        }
    }

    /// The data of an exact `bytes` object, not copied.
    pub fn shared(value: &Value) -> Option<Source> {
        match value {
            Value::Obj(o) if matches!(&**o, PyObject::Bytes(_)) => Some(Source {
                data: Vec::new(),
                shared: Some(Rc::clone(o)),
                pos: 0,
                file: None,
            }),
            _ => None,
        }
    }

    #[inline]
    fn buf(&self) -> &[u8] {
        if let Some(o) = &self.shared
            && let PyObject::Bytes(b) = &**o
        {
            return b.as_bytes();
        }
        &self.data
    }

    pub fn file(vm: &mut Vm, file: &Value) -> PyResult<Source> {
        let read = get_attr_opt(vm, file, "read")?;
        let readline = get_attr_opt(vm, file, "readline")?;
        let (Some(read), Some(readline)) = (read, readline) else {
            return Err(PyErr::type_error(
                "file must have 'read' and 'readline' attributes",
            ));
        };
        Ok(Source {
            data: Vec::new(),
            shared: None,
            pos: 0,
            file: Some((read, readline)),
        })
    }

    /// Reads from the file until `n` bytes are buffered past `pos`;
    /// false at the end of the file.
    fn fill(&mut self, vm: &mut Vm, n: usize) -> PyResult<bool> {
        let Some((read, _)) = self.file.clone() else {
            return Ok(false);
        };
        if self.pos > 0 && self.pos == self.data.len() {
            self.data.clear();
            self.pos = 0;
        }
        while self.data.len() - self.pos < n {
            let missing = n - (self.data.len() - self.pos);
            let chunk = vm.call(&read, Args::new(&[Value::Int(missing as i64)]))?;
            let bytes = super::data_of(&chunk)?;
            if bytes.is_empty() {
                return Ok(false);
            }
            self.data.extend_from_slice(&bytes);
        }
        Ok(true)
    }

    /// The next opcode; None at the end of the data.
    #[inline]
    fn op(&mut self, vm: &mut Vm) -> PyResult<Option<u8>> {
        if self.pos < self.buf().len() {
            let b = self.buf()[self.pos];
            self.pos += 1;
            return Ok(Some(b));
        }
        if self.fill(vm, 1)? {
            let b = self.buf()[self.pos];
            self.pos += 1;
            return Ok(Some(b));
        }
        Ok(None)
    }

    /// The start of the next `n` bytes (consumed).
    #[inline]
    fn take(&mut self, vm: &mut Vm, n: usize) -> PyResult<usize> {
        if self.buf().len() - self.pos < n && !self.fill(vm, n)? {
            return Err(truncated());
        }
        let at = self.pos;
        self.pos += n;
        Ok(at)
    }

    /// A line argument, without its newline.
    fn line(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        loop {
            if let Some(end) = self.buf()[self.pos..].iter().position(|&b| b == b'\n') {
                let line = self.buf()[self.pos..self.pos + end].to_vec();
                self.pos += end + 1;
                return Ok(line);
            }
            let Some((_, readline)) = self.file.clone() else {
                return Err(truncated());
            };
            let more = vm.call(&readline, Args::new(&[]))?;
            let bytes = super::data_of(&more)?;
            if bytes.is_empty() {
                return Err(truncated());
            }
            self.data.extend_from_slice(&bytes);
        }
    }

    /// A line argument that must not be empty (CPython's "truncated"
    /// for a lone newline).
    fn full_line(&mut self, vm: &mut Vm) -> PyResult<Vec<u8>> {
        let line = self.line(vm)?;
        if line.is_empty() {
            return Err(truncated());
        }
        Ok(line)
    }

    #[inline]
    fn u8(&mut self, vm: &mut Vm) -> PyResult<u8> {
        let at = self.take(vm, 1)?;
        Ok(self.buf()[at])
    }

    #[inline]
    fn u32(&mut self, vm: &mut Vm) -> PyResult<u32> {
        let at = self.take(vm, 4)?;
        Ok(u32::from_le_bytes(
            self.buf()[at..at + 4].try_into().expect("4 bytes"),
        ))
    }

    #[inline]
    fn u64(&mut self, vm: &mut Vm) -> PyResult<u64> {
        let at = self.take(vm, 8)?;
        Ok(u64::from_le_bytes(
            self.buf()[at..at + 8].try_into().expect("8 bytes"),
        ))
    }

    /// `n` bytes given by a size read first.
    #[inline]
    fn sized(&mut self, vm: &mut Vm, n: u64) -> PyResult<(usize, usize)> {
        if n > isize::MAX as u64 {
            return Err(unpickling(format!(
                "BINBYTES exceeds system's maximum size of {} bytes",
                isize::MAX
            )));
        }
        let at = self.take(vm, n as usize)?;
        Ok((at, at + n as usize))
    }
}

pub struct Machine {
    src: Source,
    stack: Vec<Value>,
    marks: Vec<usize>,
    pub memo: Vec<Option<Value>>,
    memo_count: usize,
    pub proto: u8,
    fix_imports: bool,
    encoding: String,
    errors: String,
    buffers: Option<Value>,
    pub persistent_load: Option<Value>,
    /// A subclass's own `find_class`.
    pub find_class: Option<Value>,
}

impl Machine {
    pub fn new(src: Source, options: UnpicklerOptions) -> Machine {
        Machine {
            src,
            stack: Vec::with_capacity(16),
            marks: Vec::new(),
            memo: Vec::with_capacity(32),
            memo_count: 0,
            proto: 0,
            fix_imports: options.fix_imports,
            encoding: options.encoding,
            errors: options.errors,
            buffers: options.buffers,
            persistent_load: None,
            find_class: None,
        }
    }

    #[inline]
    fn fence(&self) -> usize {
        self.marks.last().copied().unwrap_or(0)
    }

    fn underflow(&self) -> PyErr {
        unpickling(if self.marks.is_empty() {
            "unpickling stack underflow"
        } else {
            "unexpected MARK found"
        })
    }

    #[inline]
    fn pop(&mut self) -> PyResult<Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow());
        }
        Ok(self.stack.pop().expect("above the fence"))
    }

    #[inline]
    fn top(&self) -> PyResult<&Value> {
        if self.stack.len() <= self.fence() {
            return Err(self.underflow());
        }
        Ok(self.stack.last().expect("above the fence"))
    }

    /// The innermost mark when the object below it is above the mark
    /// before it (APPENDS/SETITEMS can then work in place).
    #[inline]
    fn fast_batch_mark(&self) -> Option<usize> {
        let n = self.marks.len();
        let mark = *self.marks.last()?;
        let fence = if n >= 2 { self.marks[n - 2] } else { 0 };
        (mark > fence).then_some(mark)
    }

    fn pop_mark(&mut self) -> PyResult<Vec<Value>> {
        let Some(mark) = self.marks.pop() else {
            return Err(unpickling("could not find MARK"));
        };
        Ok(self.stack.split_off(mark))
    }

    #[inline]
    fn memo_put(&mut self, index: usize, value: Value) {
        if index == self.memo.len() {
            // The usual case: MEMOIZE and PUTs in order.
            self.memo.push(Some(value));
            self.memo_count += 1;
            return;
        }
        if index > self.memo.len() {
            self.memo.resize(index + 1, None);
        }
        if self.memo[index].is_none() {
            self.memo_count += 1;
        }
        self.memo[index] = Some(value);
    }

    fn memo_get(&self, index: usize) -> PyResult<Value> {
        match self.memo.get(index) {
            Some(Some(v)) => Ok(v.clone()),
            _ => Err(unpickling(format!("Memo value not found at index {index}"))),
        }
    }

    pub fn load(&mut self, vm: &mut Vm) -> PyResult {
        self.stack.clear();
        self.marks.clear();
        // The first opcode: at the end of the data, EOFError.
        loop {
            let Some(op) = self.src.op(vm)? else {
                return Err(PyErr::new(ExcType::EOFError, "Ran out of input"));
            };
            if op == b'.' {
                let value = self.pop()?;
                self.stack.clear();
                self.marks.clear();
                return Ok(value);
            }
            self.step(vm, op)?;
        }
    }

    fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    fn step(&mut self, vm: &mut Vm, op: u8) -> PyResult<()> {
        match op {
            0x94 => {
                // MEMOIZE
                let top = self.top()?.clone();
                let index = self.memo_count;
                self.memo_put(index, top);
            }
            0x8c => {
                let n = self.src.u8(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let v = self.utf8(vm, a, b)?;
                self.push(v);
            }
            b'K' => {
                let b = self.src.u8(vm)?;
                self.push(Value::Int(b as i64));
            }
            b'M' => {
                let at = self.src.take(vm, 2)?;
                let v = u16::from_le_bytes([self.src.buf()[at], self.src.buf()[at + 1]]);
                self.push(Value::Int(v as i64));
            }
            b'J' => {
                let v = self.src.u32(vm)? as i32;
                self.push(Value::Int(v as i64));
            }
            b'h' => {
                let i = self.src.u8(vm)? as usize;
                let v = self.memo_get(i)?;
                self.push(v);
            }
            b'j' => {
                let i = self.src.u32(vm)? as usize;
                let v = self.memo_get(i)?;
                self.push(v);
            }
            b'g' => {
                let line = self.src.full_line(vm)?;
                let i = parse_int_line(&line)?;
                let i = match i {
                    Value::Int(i) if i >= 0 => i as usize,
                    _ => return Err(unpickling("Memo value not found at index")),
                };
                let v = self.memo_get(i)?;
                self.push(v);
            }
            b'q' => {
                let i = self.src.u8(vm)? as usize;
                let top = self.top()?.clone();
                self.memo_put(i, top);
            }
            b'r' => {
                let i = self.src.u32(vm)? as usize;
                let top = self.top()?.clone();
                self.memo_put(i, top);
            }
            b'p' => {
                let line = self.src.full_line(vm)?;
                let i = parse_int_line(&line)?;
                let top = self.top()?.clone();
                match i {
                    Value::Int(i) if i >= 0 => self.memo_put(i as usize, top),
                    _ => return Err(PyErr::value_error("negative PUT argument")),
                }
            }
            b'(' => self.marks.push(self.stack.len()),
            b'e' => {
                // Onto an exact list: moved from the stack, no batch list.
                if let Some(mark) = self.fast_batch_mark()
                    && let Value::Obj(o) = &self.stack[mark - 1]
                    && let PyObject::List(_) = &**o
                {
                    let target = Rc::clone(o);
                    self.marks.pop();
                    if let PyObject::List(list) = &*target {
                        list.borrow_mut().extend(self.stack.drain(mark..));
                    }
                    return Ok(());
                }
                let items = self.pop_mark()?;
                self.extend(vm, items)?;
            }
            b'a' => {
                let item = self.pop()?;
                self.extend(vm, vec![item])?;
            }
            b'u' => {
                // Into an exact dict: moved from the stack, the table sized
                // for the batch when the dict is empty.
                if let Some(mark) = self.fast_batch_mark()
                    && (self.stack.len() - mark).is_multiple_of(2)
                    && self.stack[mark - 1].as_dict().is_some()
                {
                    self.marks.pop();
                    let target = self.stack[mark - 1].clone();
                    let dict = target.as_dict().expect("checked");
                    let pairs = (self.stack.len() - mark) / 2;
                    if dict.is_empty() && pairs > 8 {
                        *dict.table_mut() = KeyTable::with_capacity(pairs);
                    }
                    let mut items = self.stack.drain(mark..);
                    while let (Some(k), Some(v)) = (items.next(), items.next()) {
                        dict.set_item_vm(vm, k, v)?;
                    }
                    return Ok(());
                }
                let items = self.pop_mark()?;
                if items.len() % 2 != 0 {
                    return Err(unpickling("odd number of items for SETITEMS"));
                }
                self.set_items(vm, items)?;
            }
            b's' => {
                let value = self.pop()?;
                let key = self.pop()?;
                self.set_items(vm, vec![key, value])?;
            }
            0x90 => {
                // ADDITEMS
                let items = self.pop_mark()?;
                let target = self.top()?.clone();
                if let Some(set) = target.as_obj().and_then(|o| match o {
                    PyObject::Set(s) => Some(s),
                    _ => None,
                }) {
                    for item in items {
                        set.add_vm(vm, item)?;
                    }
                } else {
                    let add = vm.get_attr(&target, "add")?;
                    for item in items {
                        vm.call(&add, Args::new(&[item]))?;
                    }
                }
            }
            b'G' => {
                let at = self.src.take(vm, 8)?;
                let v = f64::from_be_bytes(self.src.buf()[at..at + 8].try_into().expect("8"));
                self.push(Value::float(v));
            }
            b']' => self.push(Value::list(Vec::new())),
            b'}' => self.push(Value::dict(PyDict::new())),
            b')' => self.push(Value::tuple(Vec::new())),
            0x8f => self.push(Value::set(PySet::new())),
            0x85 => {
                let a = self.pop()?;
                self.push(Value::tuple(vec![a]));
            }
            0x86 => {
                let b = self.pop()?;
                let a = self.pop()?;
                self.push(Value::tuple(vec![a, b]));
            }
            0x87 => {
                let c = self.pop()?;
                let b = self.pop()?;
                let a = self.pop()?;
                self.push(Value::tuple(vec![a, b, c]));
            }
            b't' => {
                let items = self.pop_mark()?;
                self.push(Value::tuple(items));
            }
            b'l' => {
                let items = self.pop_mark()?;
                self.push(Value::list(items));
            }
            b'd' => {
                let items = self.pop_mark()?;
                if items.len() % 2 != 0 {
                    return Err(unpickling("odd number of items for DICT"));
                }
                let dict = PyDict::new();
                let mut it = items.into_iter();
                while let (Some(k), Some(v)) = (it.next(), it.next()) {
                    dict.set_item_vm(vm, k, v)?;
                }
                self.push(Value::dict(dict));
            }
            0x91 => {
                let items = self.pop_mark()?;
                let set = PySet::from_values(vm, items)?;
                self.push(Value::frozenset(set));
            }
            b'N' => self.push(Value::None),
            0x88 => self.push(Value::bool(true)),
            0x89 => self.push(Value::bool(false)),
            b'I' => {
                let line = self.src.full_line(vm)?;
                let v = match line.as_slice() {
                    b"00" => Value::bool(false),
                    b"01" => Value::bool(true),
                    _ => parse_int_line(&line)?,
                };
                self.push(v);
            }
            b'L' => {
                let mut line = self.src.full_line(vm)?;
                if line.last() == Some(&b'L') {
                    line.pop();
                }
                let v = parse_int_line(&line)?;
                self.push(v);
            }
            0x8a => {
                let n = self.src.u8(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let v = long_value(&self.src.buf()[a..b]);
                self.push(v);
            }
            0x8b => {
                let n = self.src.u32(vm)? as i32;
                if n < 0 {
                    return Err(unpickling("LONG pickle has negative byte count"));
                }
                let (a, b) = self.src.sized(vm, n as u64)?;
                let v = long_value(&self.src.buf()[a..b]);
                self.push(v);
            }
            b'F' => {
                let line = self.src.full_line(vm)?;
                let text = String::from_utf8_lossy(&line).into_owned();
                let v = parse_float(&text)?;
                self.push(Value::float(v));
            }
            b'S' => {
                let line = self.src.line(vm)?;
                let quoted = line.len() >= 2
                    && line[0] == line[line.len() - 1]
                    && (line[0] == b'\'' || line[0] == b'"');
                if !quoted {
                    return Err(unpickling("the STRING opcode argument must be quoted"));
                }
                let raw = escape_decode(&line[1..line.len() - 1])?;
                let v = self.decode_string(vm, raw)?;
                self.push(v);
            }
            b'T' => {
                let n = self.src.u32(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let raw = self.src.buf()[a..b].to_vec();
                let v = self.decode_string(vm, raw)?;
                self.push(v);
            }
            b'U' => {
                let n = self.src.u8(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let raw = self.src.buf()[a..b].to_vec();
                let v = self.decode_string(vm, raw)?;
                self.push(v);
            }
            b'B' => {
                let n = self.src.u32(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let v = Value::bytes(self.src.buf()[a..b].to_vec());
                self.push(v);
            }
            b'C' => {
                let n = self.src.u8(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let v = Value::bytes(self.src.buf()[a..b].to_vec());
                self.push(v);
            }
            0x8e => {
                let n = self.src.u64(vm)?;
                let (a, b) = self.src.sized(vm, n)?;
                let v = Value::bytes(self.src.buf()[a..b].to_vec());
                self.push(v);
            }
            0x96 => {
                let n = self.src.u64(vm)?;
                let (a, b) = self.src.sized(vm, n)?;
                let v = krait_vm::builtins::bytearray::new_value(self.src.buf()[a..b].to_vec());
                self.push(v);
            }
            b'V' => {
                let line = self.src.line(vm)?;
                let v = raw_unicode_unescape(&line)?;
                self.push(Value::str(v));
            }
            b'X' => {
                let n = self.src.u32(vm)? as u64;
                let (a, b) = self.src.sized(vm, n)?;
                let v = self.utf8(vm, a, b)?;
                self.push(v);
            }
            0x8d => {
                let n = self.src.u64(vm)?;
                let (a, b) = self.src.sized(vm, n)?;
                let v = self.utf8(vm, a, b)?;
                self.push(v);
            }
            b'c' => {
                let module = self.src.full_line(vm)?;
                let name = self.src.full_line(vm)?;
                let module = Value::str(String::from_utf8_lossy(&module).into_owned());
                let name = Value::str(String::from_utf8_lossy(&name).into_owned());
                let v = self.find(vm, module, name)?;
                self.push(v);
            }
            0x93 => {
                let name = self.pop()?;
                let module = self.pop()?;
                if module.as_str().is_none() || name.as_str().is_none() {
                    return Err(unpickling("STACK_GLOBAL requires str"));
                }
                let v = self.find(vm, module, name)?;
                self.push(v);
            }
            b'i' => {
                let args = self.pop_mark()?;
                let module = self.src.full_line(vm)?;
                let name = self.src.full_line(vm)?;
                let module = Value::str(String::from_utf8_lossy(&module).into_owned());
                let name = Value::str(String::from_utf8_lossy(&name).into_owned());
                let class = self.find(vm, module, name)?;
                let v = instantiate(vm, &class, args)?;
                self.push(v);
            }
            b'o' => {
                let mut args = self.pop_mark()?;
                if args.is_empty() {
                    return Err(self.underflow());
                }
                let class = args.remove(0);
                let v = instantiate(vm, &class, args)?;
                self.push(v);
            }
            b'R' => {
                let args = self.pop()?;
                let callable = self.pop()?;
                let Some(args) = args.as_tuple_or_subclass().map(|t| t.as_slice().to_vec()) else {
                    return Err(unpickling("REDUCE args must be a tuple"));
                };
                let v = vm.call(&callable, Args::new(&args))?;
                self.push(v);
            }
            0x81 => {
                let args = self.pop()?;
                let class = self.pop()?;
                if !matches!(class.as_obj(), Some(PyObject::Type(_))) {
                    return Err(unpickling(format!(
                        "NEWOBJ class argument must be a type, not {}",
                        class.type_name()
                    )));
                }
                let Some(args) = args.as_tuple_or_subclass().map(|t| t.as_slice().to_vec()) else {
                    return Err(unpickling(format!(
                        "NEWOBJ args argument must be a tuple, not {}",
                        args.type_name()
                    )));
                };
                let new = vm.get_attr(&class, "__new__")?;
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(class);
                all.extend(args);
                let v = vm.call(&new, Args::new(&all))?;
                self.push(v);
            }
            0x92 => {
                let kwargs = self.pop()?;
                let args = self.pop()?;
                let class = self.pop()?;
                if !matches!(class.as_obj(), Some(PyObject::Type(_))) {
                    return Err(unpickling(format!(
                        "NEWOBJ_EX class argument must be a type, not {}",
                        class.type_name()
                    )));
                }
                let Some(args) = args.as_tuple_or_subclass().map(|t| t.as_slice().to_vec()) else {
                    return Err(unpickling(format!(
                        "NEWOBJ_EX args argument must be a tuple, not {}",
                        args.type_name()
                    )));
                };
                let Some(kwargs) = kwargs.as_dict_or_subclass().map(|d| d.items()) else {
                    return Err(unpickling(format!(
                        "NEWOBJ_EX kwargs argument must be a dict, not {}",
                        kwargs.type_name()
                    )));
                };
                let new = vm.get_attr(&class, "__new__")?;
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(class);
                all.extend(args);
                let names: Vec<String> = kwargs
                    .iter()
                    .map(|(k, _)| {
                        k.as_str()
                            .map(|s| s.as_str().to_string())
                            .unwrap_or_default()
                    })
                    .collect();
                let kw: Vec<(&str, Value)> = names
                    .iter()
                    .zip(kwargs.iter())
                    .map(|(n, (_, v))| (n.as_str(), v.clone()))
                    .collect();
                let v = vm.call_object(&new, Args::with_kw(&all, &kw))?;
                self.push(v);
            }
            b'b' => {
                let state = self.pop()?;
                let inst = self.top()?.clone();
                build(vm, &inst, state)?;
            }
            b'0' => {
                if self.stack.len() > self.fence() {
                    self.stack.pop();
                } else if !self.marks.is_empty() {
                    self.pop_mark()?;
                } else {
                    return Err(self.underflow());
                }
            }
            b'1' => {
                self.pop_mark()?;
            }
            b'2' => {
                let top = self.top()?.clone();
                self.push(top);
            }
            0x80 => {
                let proto = self.src.u8(vm)?;
                if proto as i64 > super::HIGHEST_PROTOCOL {
                    return Err(PyErr::value_error(format!(
                        "unsupported pickle protocol: {proto}"
                    )));
                }
                self.proto = proto;
            }
            0x95 => {
                let n = self.src.u64(vm)?;
                if n > isize::MAX as u64 {
                    return Err(unpickling(format!(
                        "FRAME length exceeds system's maximum of {} bytes",
                        isize::MAX
                    )));
                }
                let n = n as usize;
                if self.src.buf().len() - self.src.pos < n && !self.src.fill(vm, n)? {
                    return Err(truncated());
                }
            }
            b'P' => {
                if self.persistent_load.is_none() {
                    return Err(no_persistent_load());
                }
                let line = self.src.line(vm)?;
                if !line.is_ascii() {
                    return Err(unpickling(
                        "persistent IDs in protocol 0 must be ASCII strings",
                    ));
                }
                let pid = Value::str(String::from_utf8_lossy(&line).into_owned());
                let v = self.persistent(vm, pid)?;
                self.push(v);
            }
            b'Q' => {
                if self.persistent_load.is_none() {
                    return Err(no_persistent_load());
                }
                let pid = self.pop()?;
                let v = self.persistent(vm, pid)?;
                self.push(v);
            }
            0x82 => {
                let code = self.src.u8(vm)? as i64;
                let v = self.extension(vm, code)?;
                self.push(v);
            }
            0x83 => {
                let at = self.src.take(vm, 2)?;
                let code = u16::from_le_bytes([self.src.buf()[at], self.src.buf()[at + 1]]) as i64;
                let v = self.extension(vm, code)?;
                self.push(v);
            }
            0x84 => {
                let code = self.src.u32(vm)? as i32 as i64;
                let v = self.extension(vm, code)?;
                self.push(v);
            }
            0x97 => {
                let Some(buffers) = self.buffers.clone() else {
                    return Err(unpickling(
                        "pickle stream refers to out-of-band data but no *buffers* argument was given",
                    ));
                };
                match krait_vm::protocol::next(vm, &buffers)? {
                    Some(b) => self.push(b),
                    None => return Err(unpickling("not enough out-of-band buffers")),
                }
            }
            0x98 => {
                let top = self.top()?.clone();
                let builtins = vm.import_absolute("builtins")?;
                let memoryview = vm.get_attr(&builtins, "memoryview")?;
                let view = vm.call(&memoryview, Args::new(&[top]))?;
                let readonly = vm.get_attr(&view, "readonly")?;
                if !vm.truthy_value(&readonly)? {
                    let to = vm.get_attr(&view, "toreadonly")?;
                    let v = vm.call(&to, Args::new(&[]))?;
                    self.stack.pop();
                    self.push(v);
                }
            }
            _ => {
                let key = if (0x20..=0x7e).contains(&op) && op != b'\'' && op != b'\\' {
                    (op as char).to_string()
                } else {
                    format!("\\x{op:02x}")
                };
                return Err(unpickling(format!("invalid load key, '{key}'.")));
            }
        }
        Ok(())
    }

    fn utf8(&mut self, vm: &mut Vm, a: usize, b: usize) -> PyResult<Value> {
        match std::str::from_utf8(&self.src.buf()[a..b]) {
            Ok(s) => Ok(krait_vm::builtins::str::str_value(s)),
            Err(_) => {
                let raw = Value::bytes(self.src.buf()[a..b].to_vec());
                let decode = vm.get_attr(&raw, "decode")?;
                vm.call(
                    &decode,
                    Args::new(&[Value::str("utf-8"), Value::str("surrogatepass")]),
                )
            }
        }
    }

    fn decode_string(&mut self, vm: &mut Vm, raw: Vec<u8>) -> PyResult<Value> {
        if self.encoding == "bytes" {
            return Ok(Value::bytes(raw));
        }
        let raw = Value::bytes(raw);
        let decode = vm.get_attr(&raw, "decode")?;
        vm.call(
            &decode,
            Args::new(&[
                Value::str(self.encoding.clone()),
                Value::str(self.errors.clone()),
            ]),
        )
    }

    fn persistent(&mut self, vm: &mut Vm, pid: Value) -> PyResult<Value> {
        match &self.persistent_load {
            Some(f) => vm.call(&f.clone(), Args::new(&[pid])),
            None => Err(no_persistent_load()),
        }
    }

    fn find(&mut self, vm: &mut Vm, module: Value, name: Value) -> PyResult<Value> {
        match self.find_class.clone() {
            Some(f) => vm.call(&f, Args::new(&[module, name])),
            None => find_class(vm, &module, &name, self.fix_imports, self.proto),
        }
    }

    fn extension(&mut self, vm: &mut Vm, code: i64) -> PyResult<Value> {
        let copyreg = vm.import_absolute("copyreg")?;
        let cache = vm.get_attr(&copyreg, "_extension_cache")?;
        if let Some(d) = cache.as_dict()
            && let Some(v) = d.get_item_vm(vm, &Value::Int(code))?
        {
            return Ok(v);
        }
        let inverted = vm.get_attr(&copyreg, "_inverted_registry")?;
        let key = match inverted.as_dict() {
            Some(d) => d.get_item_vm(vm, &Value::Int(code))?,
            None => None,
        };
        let Some(key) = key else {
            if code <= 0 {
                return Err(unpickling("EXT specifies code <= 0"));
            }
            return Err(PyErr::value_error(format!(
                "unregistered extension code {code}"
            )));
        };
        let Some([module, name]) = key
            .as_tuple()
            .map(|t| t.as_slice().to_vec())
            .as_deref()
            .map(|s| -> [Value; 2] {
                [
                    s.first().cloned().unwrap_or_default(),
                    s.get(1).cloned().unwrap_or_default(),
                ]
            })
        else {
            return Err(unpickling("EXT registry entry is not a 2-tuple"));
        };
        let v = self.find(vm, module, name)?;
        if let Some(d) = cache.as_dict() {
            d.set_item_vm(vm, Value::Int(code), v.clone())?;
        }
        Ok(v)
    }

    /// APPEND/APPENDS: onto the object below the mark.
    fn extend(&mut self, vm: &mut Vm, items: Vec<Value>) -> PyResult<()> {
        let target = match self.stack.len().checked_sub(1) {
            Some(i) if self.stack.len() > self.fence() => self.stack[i].clone(),
            _ => return Err(self.underflow()),
        };
        if let Some(list) = target.as_list() {
            list.extend(items);
            return Ok(());
        }
        if let Some(extend) = get_attr_opt(vm, &target, "extend")? {
            vm.call(&extend, Args::new(&[Value::list(items)]))?;
            return Ok(());
        }
        let append = vm.get_attr(&target, "append")?;
        for item in items {
            vm.call(&append, Args::new(&[item]))?;
        }
        Ok(())
    }

    /// SETITEM/SETITEMS: into the object below the mark.
    fn set_items(&mut self, vm: &mut Vm, items: Vec<Value>) -> PyResult<()> {
        let target = match self.stack.len().checked_sub(1) {
            Some(i) if self.stack.len() > self.fence() => self.stack[i].clone(),
            _ => return Err(self.underflow()),
        };
        let mut it = items.into_iter();
        if let Some(dict) = target.as_dict() {
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                dict.set_item_vm(vm, k, v)?;
            }
            return Ok(());
        }
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            krait_vm::protocol::set_item(vm, &target, &k, v)?;
        }
        Ok(())
    }
}

/// BUILD: `inst.__setstate__(state)`, else the state's dict into the
/// instance dict and its slot state by setattr.
fn build(vm: &mut Vm, inst: &Value, state: Value) -> PyResult<()> {
    if let Some(setstate) = get_attr_opt(vm, inst, "__setstate__")? {
        vm.call(&setstate, Args::new(&[state]))?;
        return Ok(());
    }
    let (state, slotstate) = match state.as_tuple().map(|t| t.as_slice()) {
        Some([s, slots]) => (s.clone(), Some(slots.clone())),
        _ => (state, None),
    };
    if !state.is_none() {
        let Some(items) = state.as_dict_or_subclass().map(|d| d.items()) else {
            return Err(unpickling("state is not a dictionary"));
        };
        let dict = vm.get_attr(inst, "__dict__")?;
        match dict.as_dict() {
            Some(d) => {
                for (k, v) in items {
                    let k = match k.as_str() {
                        Some(s) => vm.intern(s.as_str()),
                        None => k,
                    };
                    d.set_item_vm(vm, k, v)?;
                }
            }
            None => {
                for (k, v) in items {
                    krait_vm::protocol::set_item(vm, &dict, &k, v)?;
                }
            }
        }
    }
    if let Some(slots) = slotstate
        && !slots.is_none()
    {
        let Some(items) = slots.as_dict_or_subclass().map(|d| d.items()) else {
            return Err(unpickling("slot state is not a dictionary"));
        };
        for (k, v) in items {
            let name = k
                .as_str_or_subclass()
                .map(|s| s.as_str().to_string())
                .ok_or_else(|| {
                    PyErr::type_error(format!(
                        "attribute name must be string, not '{}'",
                        k.type_name()
                    ))
                })?;
            vm.set_attr(inst, &name, Some(v))?;
        }
    }
    Ok(())
}

/// INST/OBJ: `cls(*args)`, or `cls.__new__(cls)` for a class called with
/// no arguments and no `__getinitargs__`.
fn instantiate(vm: &mut Vm, class: &Value, args: Vec<Value>) -> PyResult<Value> {
    if args.is_empty()
        && matches!(class.as_obj(), Some(PyObject::Type(_)))
        && get_attr_opt(vm, class, "__getinitargs__")?.is_none()
    {
        let new = vm.get_attr(class, "__new__")?;
        return vm.call(&new, Args::new(std::slice::from_ref(class)));
    }
    vm.call(class, Args::new(&args))
}

/// The builtin `find_class`: the Python 2 renames below protocol 3, the
/// module imported, a dotted name followed from protocol 4.
pub fn find_class(
    vm: &mut Vm,
    module: &Value,
    name: &Value,
    fix_imports: bool,
    proto: u8,
) -> PyResult<Value> {
    let (Some(m), Some(n)) = (module.as_str_or_subclass(), name.as_str_or_subclass()) else {
        return Err(PyErr::type_error("module and name must be str"));
    };
    let (mut module_name, mut global) = (m.as_str().to_string(), n.as_str().to_string());
    if proto < 3 && fix_imports {
        let pickle = vm.import_absolute("pickle")?;
        let names = vm.get_attr(&pickle, "_NAME_MAPPING")?;
        let key = Value::tuple(vec![
            Value::str(module_name.clone()),
            Value::str(global.clone()),
        ]);
        let mut mapped = false;
        if let Some(d) = names.as_dict()
            && let Some(found) = d.get_item_vm(vm, &key)?
            && let Some([a, b]) = found.as_tuple().map(|t| t.as_slice())
            && let (Some(a), Some(b)) = (a.as_str(), b.as_str())
        {
            module_name = a.as_str().to_string();
            global = b.as_str().to_string();
            mapped = true;
        }
        if !mapped {
            let modules = vm.get_attr(&pickle, "_IMPORT_MAPPING")?;
            if let Some(d) = modules.as_dict()
                && let Some(found) = d.get_item_vm(vm, &Value::str(module_name.clone()))?
                && let Some(a) = found.as_str()
            {
                module_name = a.as_str().to_string();
            }
        }
    }
    let module = match vm.import_absolute(&module_name) {
        Ok(m) => m,
        Err(e) if module_name == "_codecs" && global == "encode" => {
            let _ = e;
            let pickle = vm.import_absolute("pickle")?;
            return vm.get_attr(&pickle, "_codecs_encode");
        }
        Err(e) => return Err(e),
    };
    let module_repr = |vm: &mut Vm, module: &Value| vm.repr(module);
    if proto >= 4 {
        let mut current = module.clone();
        for part in global.split('.') {
            if part == "<locals>" {
                let text = module_repr(vm, &module)?;
                return Err(PyErr::new(
                    ExcType::AttributeError,
                    format!(
                        "Can't get local attribute {} on {text}",
                        super::pickler::py_repr_str(&global)
                    ),
                ));
            }
            match get_attr_opt(vm, &current, part)? {
                Some(v) => current = v,
                None => {
                    let text = module_repr(vm, &module)?;
                    return Err(PyErr::new(
                        ExcType::AttributeError,
                        format!(
                            "Can't get attribute {} on {text}",
                            super::pickler::py_repr_str(&global)
                        ),
                    ));
                }
            }
        }
        return Ok(current);
    }
    match get_attr_opt(vm, &module, &global)? {
        Some(v) => Ok(v),
        None => {
            let text = module_repr(vm, &module)?;
            Err(PyErr::new(
                ExcType::AttributeError,
                format!(
                    "Can't get attribute {} on {text}",
                    super::pickler::py_repr_str(&global)
                ),
            ))
        }
    }
}

fn long_value(bytes: &[u8]) -> Value {
    if bytes.is_empty() {
        return Value::Int(0);
    }
    if bytes.len() <= 8 {
        let fill = if bytes[bytes.len() - 1] & 0x80 != 0 {
            0xff
        } else {
            0
        };
        let mut b = [fill; 8];
        b[..bytes.len()].copy_from_slice(bytes);
        return Value::Int(i64::from_le_bytes(b));
    }
    Value::from_bigint(BigInt::from_signed_bytes_le(bytes))
}

/// `int(line, 0)` for INT/LONG/GET/PUT arguments.
fn parse_int_line(line: &[u8]) -> PyResult<Value> {
    let text = std::str::from_utf8(line)
        .map_err(|_| PyErr::value_error("could not convert string to int"))?;
    krait_vm::builtins::int::parse(text, 0)
        .map_err(|_| PyErr::value_error("could not convert string to int"))
}

/// A FLOAT argument. As CPython's: text that does not start with a
/// number names itself in the message (with the newline that ended it);
/// a number followed by more text does not.
fn parse_float(text: &str) -> PyResult<f64> {
    let prefix = float_prefix(text.as_bytes());
    if prefix == 0 {
        return Err(PyErr::value_error(format!(
            "could not convert string to float: '{text}\n'"
        )));
    }
    if prefix != text.len() {
        return Err(PyErr::value_error("could not convert string to float"));
    }
    let t = text.to_ascii_lowercase();
    let t = t.trim_start_matches(['+', '-']);
    let negative = text.starts_with('-');
    let v = match t {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            return text
                .parse::<f64>()
                .map_err(|_| PyErr::value_error("could not convert string to float"));
        }
    };
    Ok(if negative { -v } else { v })
}

/// The length of the longest prefix of `s` that is a float literal
/// (`strtod`'s syntax: sign, digits, point, exponent, inf, nan).
fn float_prefix(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let rest = &s[i..];
    let lower: Vec<u8> = rest
        .iter()
        .take(8)
        .map(|b| b.to_ascii_lowercase())
        .collect();
    if lower.starts_with(b"infinity") {
        return i + 8;
    }
    if lower.starts_with(b"inf") || lower.starts_with(b"nan") {
        return i + 3;
    }
    let start = i;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        let _ = start;
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    i
}

/// Python 2's `string_escape` decoding of a STRING argument.
fn escape_decode(data: &[u8]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = data.get(i) else {
            return Err(PyErr::value_error("Trailing \\ in string"));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match data.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = data.get(i..i + 2).and_then(|h| {
                    std::str::from_utf8(h)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                });
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 2;
                    }
                    None => {
                        return Err(PyErr::value_error(format!(
                            "invalid \\x escape at position {}",
                            i - 2
                        )));
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// `raw-unicode-escape` decoding of a UNICODE argument.
fn raw_unicode_unescape(data: &[u8]) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c != b'\\' {
            out.push(c as char);
            i += 1;
            continue;
        }
        // A run of backslashes: only the last one may start an escape.
        let start = i;
        while i < data.len() && data[i] == b'\\' {
            i += 1;
        }
        let run = i - start;
        let escape = run % 2 == 1 && matches!(data.get(i), Some(b'u' | b'U'));
        if !escape {
            out.extend(std::iter::repeat_n('\\', run));
            continue;
        }
        out.extend(std::iter::repeat_n('\\', run - 1));
        let width = if data[i] == b'u' { 4 } else { 8 };
        let digits = data.get(i + 1..i + 1 + width);
        let code = digits.and_then(|d| {
            std::str::from_utf8(d)
                .ok()
                .filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|s| u32::from_str_radix(s, 16).ok())
        });
        let Some(code) = code else {
            return Err(PyErr::new(
                ExcType::UnicodeDecodeError,
                format!(
                    "'rawunicodeescape' codec can't decode bytes in position {}-{}: truncated \\{}XXXX escape",
                    i - 1,
                    (i + width).min(data.len() - 1),
                    data[i] as char
                ),
            ));
        };
        let Some(ch) = char::from_u32(code) else {
            return Err(PyErr::new(
                ExcType::UnicodeDecodeError,
                format!(
                    "'rawunicodeescape' codec can't decode bytes in position {}-{}: \\Uxxxxxxxx out of range",
                    i - 1,
                    i + width
                ),
            ));
        };
        out.push(ch);
        i += 1 + width;
    }
    Ok(out)
}
