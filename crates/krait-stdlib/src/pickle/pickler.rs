//! The pickling engine: writes the opcodes CPython 3.11's C pickler
//! writes, in the same order, with its memo, framing and batches.
//!
//! Framing (protocol 4+): a frame is opened by the first write after
//! the last one ended (9 bytes kept for its header) and closed when a
//! `save` starts with 64 KiB or more in it, or at the end; a frame under
//! 4 bytes loses its header. Payloads of 64 KiB or more (bytes, str,
//! bytearray) go outside any frame, after the frame so far.

use std::collections::HashMap;
use std::rc::Rc;

use krait_vm::builtins::bytearray::{ByteArray, bytearray_type};
use krait_vm::typeobject::{BuiltinType, ExcType, TypeObject, builtin_type, class_of};
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::BigInt;

use super::{get_attr_opt, pickling};
use crate::util::type_value;

const FRAME_SIZE_TARGET: usize = 64 * 1024;
const FRAME_SIZE_MIN: usize = 4;
const BATCHSIZE: usize = 1000;
const NO_FRAME: usize = usize::MAX;

/// The objects written so far: key (an address, see `memo_key`) ->
/// memo index, each object kept alive so its address is not reused
/// during the pickling. An open-addressing table of keys (Fibonacci
/// hashing, linear probing, at most half full) over the entries in the
/// order they were memoized.
#[derive(Default, Clone)]
pub struct Memo {
    /// (key, position in `entries`); key 0 is an empty slot.
    slots: Vec<(usize, u32)>,
    /// (memo index, object).
    entries: Vec<(u32, Value)>,
    shift: u32,
}

impl Memo {
    /// A memo with room for a small pickle's objects.
    pub fn with_room() -> Memo {
        let mut memo = Memo {
            entries: Vec::with_capacity(64),
            ..Memo::default()
        };
        memo.resize(128);
        memo
    }

    fn resize(&mut self, size: usize) {
        self.slots = vec![(0, 0); size];
        self.shift = 64 - size.trailing_zeros();
    }

    #[inline]
    fn slot_of(&self, key: usize) -> usize {
        ((key as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    #[inline]
    fn find(&self, key: usize) -> Option<u32> {
        if self.entries.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let (k, position) = self.slots[i];
            if k == key {
                return Some(self.entries[position as usize].0);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, key: usize, index: u32, object: Value) {
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot_of(key);
        loop {
            let (k, position) = self.slots[i];
            if k == key {
                self.entries[position as usize] = (index, object);
                return;
            }
            if k == 0 {
                self.slots[i] = (key, self.entries.len() as u32);
                self.entries.push((index, object));
                return;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(128);
        let old = std::mem::take(&mut self.slots);
        self.slots = vec![(0, 0); size];
        self.shift = 64 - size.trailing_zeros();
        let mask = size - 1;
        for (key, position) in old {
            if key == 0 {
                continue;
            }
            let mut i = self.slot_of(key);
            while self.slots[i].0 != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = (key, position);
        }
    }
}

fn address(o: &Rc<PyObject>) -> usize {
    Rc::as_ptr(o) as *const u8 as usize
}

/// The memo key of a value that is memoized: an object's address; the
/// two singletons that are not objects get keys no object has.
///
/// CPython has one object for each of `''`, `b''`, the one-character
/// strs below U+0100 and the one-byte bytes: every
/// occurrence is memoized as the same object, so here they are keyed by
/// their value (small keys no address can be).
/// Keys below this are values', not addresses.
const CONTENT_KEYS: usize = 1024;

#[inline]
fn memo_key(v: &Value) -> Option<usize> {
    match v {
        Value::Obj(o) => Some(match &**o {
            PyObject::Str(s) if s.as_str().len() <= 2 => {
                let mut chars = s.as_str().chars();
                match (chars.next(), chars.next()) {
                    (None, _) => 3,
                    (Some(c), None) if (c as u32) < 256 => 4 + c as usize,
                    _ => address(o),
                }
            }
            PyObject::Bytes(b) if b.len() <= 1 => match b.as_bytes() {
                [] => 260,
                [byte] => 261 + *byte as usize,
                _ => address(o),
            },
            _ => address(o),
        }),
        Value::NotImplemented => Some(1),
        Value::Ellipsis => Some(2),
        _ => None,
    }
}

impl Memo {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for (_, v) in &self.entries {
            visit(v);
        }
    }

    /// (object, index) pairs.
    pub fn entries(&self) -> Vec<(Value, u32)> {
        let mut out: Vec<_> = self.entries.iter().map(|(i, v)| (v.clone(), *i)).collect();
        out.sort_by_key(|e| e.1);
        out
    }

    pub fn insert_at(&mut self, object: Value, index: u32) {
        if let Some(key) = memo_key(&object) {
            self.insert(key, index, object);
        }
    }
}

pub struct Engine {
    proto: u8,
    bin: bool,
    framing: bool,
    pub fast: bool,
    fix_imports: bool,
    out: Vec<u8>,
    /// Where the open frame's 9 header bytes are in `out`, or NO_FRAME.
    frame_start: usize,
    pub memo: Memo,
    pub persistent_id: Option<Value>,
    pub reducer_override: Option<Value>,
    /// The pickler's own table; copyreg's when None.
    dispatch_table: Option<Value>,
    pub buffer_callback: Option<Value>,
    pub file_write: Option<Value>,
    depth: usize,
    limit: usize,
    /// Classes seen: whether object's reduction pickles their instances
    /// as `cls.__new__(cls)` plus their `__dict__` (see `plain_class`).
    plain: Vec<(usize, bool)>,
    object_reduce_ex: Option<Value>,
    /// Objects memoized by identity whatever their value (see `key`).
    unshared: std::collections::HashSet<usize>,
}

impl Engine {
    pub fn new(vm: &mut Vm, proto: u8, fix_imports: bool, memo: Memo) -> Engine {
        Engine {
            proto,
            bin: proto >= 1,
            framing: false,
            fast: false,
            fix_imports: fix_imports && proto < 3,
            out: Vec::with_capacity(256),
            frame_start: NO_FRAME,
            memo,
            persistent_id: None,
            reducer_override: None,
            dispatch_table: None,
            buffer_callback: None,
            file_write: None,
            depth: 0,
            limit: vm.recursion_limit().saturating_sub(3).min(100_000),
            plain: Vec::new(),
            object_reduce_ex: None,
            unshared: Default::default(),
        }
    }

    pub fn set_dispatch_table(&mut self, table: Option<Value>) {
        self.dispatch_table = table;
    }

    pub fn take_output(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.out)
    }

    /// Writes what is buffered to the file (a `dump` to a file).
    pub fn flush(&mut self, vm: &mut Vm) -> PyResult<()> {
        if let Some(write) = self.file_write.clone()
            && !self.out.is_empty()
        {
            let data = Value::bytes(std::mem::take(&mut self.out));
            vm.call(&write, Args::new(&[data]))?;
        }
        Ok(())
    }

    pub fn dump(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.proto >= 2 {
            self.out.push(0x80);
            self.out.push(self.proto);
            if self.proto >= 4 {
                self.framing = true;
            }
        }
        self.save(vm, obj, false)?;
        self.w(b".");
        self.commit_frame();
        self.framing = false;
        Ok(())
    }

    // -- output ------------------------------------------------------------

    #[inline]
    fn open_frame(&mut self) {
        if self.framing && self.frame_start == NO_FRAME {
            self.frame_start = self.out.len();
            self.out.extend_from_slice(&[0; 9]);
        }
    }

    #[inline]
    fn w(&mut self, bytes: &[u8]) {
        self.open_frame();
        self.out.extend_from_slice(bytes);
    }

    #[inline]
    fn w1(&mut self, b: u8) {
        self.open_frame();
        self.out.push(b);
    }

    fn commit_frame(&mut self) {
        let start = self.frame_start;
        if start == NO_FRAME {
            return;
        }
        let len = self.out.len() - start - 9;
        if len >= FRAME_SIZE_MIN {
            self.out[start] = 0x95;
            self.out[start + 1..start + 9].copy_from_slice(&(len as u64).to_le_bytes());
        } else {
            self.out.drain(start..start + 9);
        }
        self.frame_start = NO_FRAME;
    }

    /// At the start of each `save`: a frame of 64 KiB is closed (and sent
    /// to the file when there is one).
    #[inline]
    fn boundary(&mut self, vm: &mut Vm) -> PyResult<()> {
        if self.frame_start != NO_FRAME
            && self.out.len() - self.frame_start - 9 >= FRAME_SIZE_TARGET
        {
            self.commit_frame();
            if self.file_write.is_some() {
                self.flush(vm)?;
            }
        }
        Ok(())
    }

    /// An opcode with a payload: payloads of 64 KiB or more are written
    /// outside the frames.
    fn write_payload(&mut self, vm: &mut Vm, header: &[u8], payload: &[u8]) -> PyResult<()> {
        if payload.len() < FRAME_SIZE_TARGET {
            self.w(header);
            self.out.extend_from_slice(payload);
            return Ok(());
        }
        self.commit_frame();
        let framing = self.framing;
        self.framing = false;
        self.out.extend_from_slice(header);
        if let Some(write) = self.file_write.clone() {
            self.flush(vm)?;
            vm.call(&write, Args::new(&[Value::bytes(payload.to_vec())]))?;
        } else {
            self.out.extend_from_slice(payload);
        }
        self.framing = framing;
        Ok(())
    }

    fn memo_put(&mut self, obj: &Value) {
        if self.fast {
            return;
        }
        let Some(key) = self.key(obj) else { return };
        let index = self.memo.len();
        if self.proto >= 4 {
            self.w1(0x94);
        } else if self.bin {
            if index < 256 {
                self.w(&[b'q', index as u8]);
            } else {
                let mut op = [b'r', 0, 0, 0, 0];
                op[1..].copy_from_slice(&(index as u32).to_le_bytes());
                self.w(&op);
            }
        } else {
            self.w(format!("p{index}\n").as_bytes());
        }
        self.memo.insert(key, index as u32, obj.clone());
    }

    fn memo_get(&mut self, index: u32) {
        if self.bin {
            if index < 256 {
                self.w(&[b'h', index as u8]);
            } else {
                let mut op = [b'j', 0, 0, 0, 0];
                op[1..].copy_from_slice(&index.to_le_bytes());
                self.w(&op);
            }
        } else {
            self.w(format!("g{index}\n").as_bytes());
        }
    }

    /// The memo key of `obj`: by value for CPython's shared objects,
    /// except the one bytes object `save_bytearray` makes (CPython's is
    /// not its shared one-byte bytes).
    #[inline]
    fn key(&self, obj: &Value) -> Option<usize> {
        let key = memo_key(obj)?;
        if key < CONTENT_KEYS
            && let Value::Obj(o) = obj
            && !self.unshared.is_empty()
            && self.unshared.contains(&address(o))
        {
            return Some(address(o));
        }
        Some(key)
    }

    fn memo_index(&self, obj: &Value) -> Option<u32> {
        let key = self.key(obj)?;
        self.memo.find(key)
    }

    // -- save --------------------------------------------------------------

    pub fn save(&mut self, vm: &mut Vm, obj: &Value, pers_save: bool) -> PyResult<()> {
        self.boundary(vm)?;
        if !pers_save && let Some(f) = self.persistent_id.clone() {
            let pid = vm.call(&f, Args::new(std::slice::from_ref(obj)))?;
            if !pid.is_none() {
                return self.save_pers(vm, &pid);
            }
        }
        let o = match obj {
            Value::None => {
                self.w1(b'N');
                return Ok(());
            }
            Value::Bool(b) => {
                self.save_bool(b.get());
                return Ok(());
            }
            Value::Int(i) => {
                self.save_int(*i);
                return Ok(());
            }
            Value::Float(f) => {
                self.save_float(f.get());
                return Ok(());
            }
            Value::Obj(o) => o,
            _ => {
                if let Some(index) = self.memo_index(obj) {
                    self.memo_get(index);
                    return Ok(());
                }
                return self.save_other(vm, obj);
            }
        };
        if let PyObject::Int(big) = &**o {
            self.save_bigint(big)?;
            return Ok(());
        }
        if let Some(index) = self.memo_index(obj) {
            self.memo_get(index);
            return Ok(());
        }
        match &**o {
            PyObject::Str(s) => self.save_str(vm, obj, s.as_str()),
            PyObject::Bytes(b) => self.save_bytes(vm, obj, b.as_bytes()),
            PyObject::Tuple(t) => self.nested(vm, |e, vm| e.save_tuple(vm, obj, t.as_slice())),
            PyObject::List(_) => self.nested(vm, |e, vm| e.save_list(vm, obj)),
            PyObject::Dict(_) => self.nested(vm, |e, vm| e.save_dict(vm, obj)),
            PyObject::Set(_) => self.nested(vm, |e, vm| e.save_set(vm, obj)),
            PyObject::FrozenSet(_) => self.nested(vm, |e, vm| e.save_frozenset(vm, obj)),
            PyObject::Native(n) if Rc::ptr_eq(&n.class, &bytearray_type()) => {
                self.save_bytearray(vm, obj)
            }
            _ => self.nested(vm, |e, vm| e.save_other(vm, obj)),
        }
    }

    /// Runs `f` one level deeper, with CPython's RecursionError past the
    /// recursion limit.
    #[inline]
    fn nested(
        &mut self,
        vm: &mut Vm,
        f: impl FnOnce(&mut Engine, &mut Vm) -> PyResult<()>,
    ) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit || krait_vm::interpreter::stack_exhausted() {
            self.depth -= 1;
            return Err(PyErr::new(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while pickling an object",
            ));
        }
        let result = f(self, vm);
        self.depth -= 1;
        result
    }

    fn save_pers(&mut self, vm: &mut Vm, pid: &Value) -> PyResult<()> {
        if self.bin {
            self.save(vm, pid, true)?;
            self.w1(b'Q');
        } else {
            let text = vm.str(pid)?;
            if !text.is_ascii() {
                return Err(pickling(
                    "persistent IDs in protocol 0 must be ASCII strings",
                ));
            }
            self.w1(b'P');
            self.w(text.as_bytes());
            self.w1(b'\n');
        }
        Ok(())
    }

    fn save_bool(&mut self, b: bool) {
        if self.proto >= 2 {
            self.w1(if b { 0x88 } else { 0x89 });
        } else {
            self.w(if b { b"I01\n" } else { b"I00\n" });
        }
    }

    #[inline]
    fn save_int(&mut self, i: i64) {
        if (-0x8000_0000..=0x7fff_ffff).contains(&i) {
            if self.bin {
                if (0..=0xff).contains(&i) {
                    self.w(&[b'K', i as u8]);
                } else if (0..=0xffff).contains(&i) {
                    let b = (i as u16).to_le_bytes();
                    self.w(&[b'M', b[0], b[1]]);
                } else {
                    let b = (i as i32).to_le_bytes();
                    self.w(&[b'J', b[0], b[1], b[2], b[3]]);
                }
            } else {
                self.w(format!("I{i}\n").as_bytes());
            }
            return;
        }
        if self.proto >= 2 {
            let bytes = i.to_le_bytes();
            // Two's complement, as short as keeps the sign.
            let mut n = 8;
            while n > 1 {
                let top = bytes[n - 1];
                let next_sign = bytes[n - 2] & 0x80;
                if (top == 0 && next_sign == 0) || (top == 0xff && next_sign != 0) {
                    n -= 1;
                } else {
                    break;
                }
            }
            self.w(&[0x8a, n as u8]);
            self.w(&bytes[..n]);
        } else {
            self.w(format!("L{i}L\n").as_bytes());
        }
    }

    fn save_bigint(&mut self, big: &BigInt) -> PyResult<()> {
        if self.proto >= 2 {
            let bytes = big.to_signed_bytes_le();
            if bytes.len() > 0x7fff_ffff {
                return Err(PyErr::overflow_error("int too large to pickle"));
            }
            if bytes.len() < 256 {
                self.w(&[0x8a, bytes.len() as u8]);
            } else {
                let mut op = [0x8b, 0, 0, 0, 0];
                op[1..].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
                self.w(&op);
            }
            self.w(&bytes);
        } else {
            self.w(format!("L{big}L\n").as_bytes());
        }
        Ok(())
    }

    fn save_float(&mut self, f: f64) {
        if self.bin {
            let b = krait_vm::builtins::float::canonical(f).to_be_bytes();
            self.w(&[b'G', b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
        } else {
            let text = krait_vm::builtins::float::repr(f);
            self.w1(b'F');
            self.w(text.as_bytes());
            self.w1(b'\n');
        }
    }

    fn save_str(&mut self, vm: &mut Vm, obj: &Value, s: &str) -> PyResult<()> {
        if self.bin {
            let n = s.len();
            if n <= 0xff && self.proto >= 4 {
                self.w(&[0x8c, n as u8]);
                self.out.extend_from_slice(s.as_bytes());
            } else if n > 0xffff_ffff && self.proto >= 4 {
                let mut op = [0x8d; 9];
                op[1..].copy_from_slice(&(n as u64).to_le_bytes());
                self.write_payload(vm, &op, s.as_bytes())?;
            } else {
                let mut op = [b'X'; 5];
                op[1..].copy_from_slice(&(n as u32).to_le_bytes());
                self.write_payload(vm, &op, s.as_bytes())?;
            }
        } else {
            self.w1(b'V');
            let mut out = Vec::with_capacity(s.len() + 1);
            for c in s.chars() {
                let code = c as u32;
                match c {
                    '\\' | '\0' | '\n' | '\r' | '\x1a' => {
                        out.extend_from_slice(format!("\\u{code:04x}").as_bytes())
                    }
                    _ if code < 0x100 => out.push(code as u8),
                    _ if code < 0x10000 => {
                        out.extend_from_slice(format!("\\u{code:04x}").as_bytes())
                    }
                    _ => out.extend_from_slice(format!("\\U{code:08x}").as_bytes()),
                }
            }
            out.push(b'\n');
            self.w(&out);
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_bytes(&mut self, vm: &mut Vm, obj: &Value, b: &[u8]) -> PyResult<()> {
        if self.proto < 3 {
            let bytes_type = type_value(builtin_type(BuiltinType::Bytes));
            if b.is_empty() {
                return self.save_reduce(vm, &[bytes_type, Value::tuple(vec![])], Some(obj));
            }
            let text: String = b.iter().map(|&c| c as char).collect();
            let text = Value::str(text);
            let encode = codecs_encode(vm)?;
            // One 'latin1' str for every bytes object, as CPython's
            // constant: written once, then fetched from the memo.
            let latin1 = LATIN1.with(Value::clone);
            let args = Value::tuple(vec![text, latin1]);
            return self.save_reduce(vm, &[encode, args], Some(obj));
        }
        let n = b.len();
        if n <= 0xff {
            self.w(&[b'C', n as u8]);
            self.out.extend_from_slice(b);
        } else if n > 0xffff_ffff && self.proto >= 4 {
            let mut op = [0x8e; 9];
            op[1..].copy_from_slice(&(n as u64).to_le_bytes());
            self.write_payload(vm, &op, b)?;
        } else {
            let mut op = [b'B'; 5];
            op[1..].copy_from_slice(&(n as u32).to_le_bytes());
            self.write_payload(vm, &op, b)?;
        }
        self.memo_put(obj);
        Ok(())
    }

    fn save_bytearray(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let data = obj
            .native::<ByteArray>()
            .map(|b| b.read().to_vec())
            .unwrap_or_default();
        if self.proto < 5 {
            let ba = type_value(bytearray_type());
            let args = if data.is_empty() {
                Value::tuple(vec![])
            } else {
                let bytes = Value::bytes(data);
                if let Value::Obj(o) = &bytes
                    && o.as_ref().type_name() == "bytes"
                {
                    self.unshared.insert(address(o));
                }
                Value::tuple(vec![bytes])
            };
            return self.save_reduce(vm, &[ba, args], Some(obj));
        }
        let mut op = [0x96; 9];
        op[1..].copy_from_slice(&(data.len() as u64).to_le_bytes());
        self.write_payload(vm, &op, &data)?;
        self.memo_put(obj);
        Ok(())
    }

    /// The items of a container, saved in turn; the common atoms are
    /// written here without a `save` call.
    #[inline]
    fn save_items(&mut self, vm: &mut Vm, items: &[Value]) -> PyResult<()> {
        for item in items {
            self.save(vm, item, false)?;
        }
        Ok(())
    }

    fn save_tuple(&mut self, vm: &mut Vm, obj: &Value, items: &[Value]) -> PyResult<()> {
        let n = items.len();
        if n == 0 {
            if self.bin {
                self.w1(b')');
            } else {
                self.w(b"(t");
            }
            return Ok(());
        }
        if n <= 3 && self.proto >= 2 {
            self.save_items(vm, items)?;
            if let Some(index) = self.memo_index(obj) {
                for _ in 0..n {
                    self.w1(b'0');
                }
                self.memo_get(index);
            } else {
                self.w1([0x85, 0x86, 0x87][n - 1]);
                self.memo_put(obj);
            }
            return Ok(());
        }
        self.w1(b'(');
        self.save_items(vm, items)?;
        if let Some(index) = self.memo_index(obj) {
            if self.bin {
                self.w1(b'1');
            } else {
                for _ in 0..=n {
                    self.w1(b'0');
                }
            }
            self.memo_get(index);
            return Ok(());
        }
        self.w1(b't');
        self.memo_put(obj);
        Ok(())
    }

    fn save_list(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.bin {
            self.w1(b']');
        } else {
            self.w(b"(l");
        }
        self.memo_put(obj);
        let Some(list) = obj.as_list() else {
            return Ok(());
        };
        if list.is_empty() {
            return Ok(());
        }
        if !self.bin {
            // Protocol 0: one APPEND per item, the list read as it goes.
            let mut i = 0;
            while let Some(item) = list.get(i) {
                self.save(vm, &item, false)?;
                self.w1(b'a');
                i += 1;
            }
            return Ok(());
        }
        if list.len() == 1 {
            let item = list.get(0).expect("one item");
            self.save(vm, &item, false)?;
            self.w1(b'a');
            return Ok(());
        }
        let mut total = 0;
        loop {
            self.w1(b'(');
            let mut batch = 0;
            while batch < BATCHSIZE {
                let Some(item) = list.get(total) else { break };
                self.save(vm, &item, false)?;
                total += 1;
                batch += 1;
            }
            self.w1(b'e');
            if total >= list.len() {
                break;
            }
        }
        Ok(())
    }

    fn save_dict(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if self.bin {
            self.w1(b'}');
        } else {
            self.w(b"(d");
        }
        self.memo_put(obj);
        let Some(dict) = obj.as_dict() else {
            return Ok(());
        };
        let size = dict.len();
        if size == 0 {
            return Ok(());
        }
        let next = |at: &mut usize| -> Option<(Value, Value)> {
            let table = dict.table();
            let (i, k, v) = table.entry_from(*at)?;
            *at = i + 1;
            Some((k.clone(), v.clone()))
        };
        let mut at = 0;
        if !self.bin {
            while let Some((k, v)) = next(&mut at) {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.w1(b's');
            }
            return Ok(());
        }
        if size == 1 {
            if let Some((k, v)) = next(&mut at) {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.w1(b's');
            }
            return Ok(());
        }
        loop {
            self.w1(b'(');
            let mut batch = 0;
            while let Some((k, v)) = next(&mut at) {
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                batch += 1;
                if batch == BATCHSIZE {
                    break;
                }
            }
            self.w1(b'u');
            if dict.len() != size {
                return Err(PyErr::runtime_error(
                    "dictionary changed size during iteration",
                ));
            }
            if batch != BATCHSIZE {
                break;
            }
        }
        Ok(())
    }

    fn save_set(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let items = obj
            .as_anyset_or_subclass()
            .map(|s| s.values())
            .unwrap_or_default();
        if self.proto < 4 {
            let set = type_value(builtin_type(BuiltinType::Set));
            let args = Value::tuple(vec![Value::list(items)]);
            return self.save_reduce(vm, &[set, args], Some(obj));
        }
        self.w1(0x8f);
        self.memo_put(obj);
        if items.is_empty() {
            return Ok(());
        }
        let mut chunks = items.chunks(BATCHSIZE);
        loop {
            let chunk = chunks.next().unwrap_or(&[]);
            self.w1(b'(');
            self.save_items(vm, chunk)?;
            self.w1(0x90);
            if chunk.len() != BATCHSIZE {
                break;
            }
        }
        Ok(())
    }

    fn save_frozenset(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        let items = obj
            .as_anyset_or_subclass()
            .map(|s| s.values())
            .unwrap_or_default();
        if self.proto < 4 {
            let set = type_value(builtin_type(BuiltinType::FrozenSet));
            let args = Value::tuple(vec![Value::list(items)]);
            return self.save_reduce(vm, &[set, args], Some(obj));
        }
        self.w1(b'(');
        self.save_items(vm, &items)?;
        if let Some(index) = self.memo_index(obj) {
            self.w1(b'1');
            self.memo_get(index);
            return Ok(());
        }
        self.w1(0x91);
        self.memo_put(obj);
        Ok(())
    }

    // -- everything else: globals and reductions ---------------------------

    fn save_other(&mut self, vm: &mut Vm, obj: &Value) -> PyResult<()> {
        if let Some(f) = self.reducer_override.clone() {
            let rv = vm.call(&f, Args::new(std::slice::from_ref(obj)))?;
            if !matches!(rv, Value::NotImplemented) {
                return self.save_reduce_value(vm, obj, &rv);
            }
        }
        let class = class_of(obj);
        match obj.as_obj() {
            Some(PyObject::Type(t)) if class.builtin == Some(BuiltinType::Type) => {
                return self.save_type(vm, obj, t);
            }
            Some(PyObject::Function(_)) => return self.save_global(vm, obj, None),
            _ => {}
        }
        let class_value = type_value(class.clone());
        let reduce = self.dispatch_entry(vm, &class_value)?;
        let rv = if let Some(reduce) = reduce {
            vm.call(&reduce, Args::new(std::slice::from_ref(obj)))?
        } else if matches!(obj.as_obj(), Some(PyObject::Type(_))) {
            return self.save_global(vm, obj, None);
        } else {
            if self.proto >= 2
                && matches!(obj.as_obj(), Some(PyObject::Instance(_)))
                && self.plain_class(vm, &class, &class_value)?
            {
                return self.save_plain(vm, obj, &class_value);
            }
            match get_attr_opt(vm, obj, "__reduce_ex__")? {
                Some(f) => vm.call(&f, Args::new(&[Value::Int(self.proto as i64)]))?,
                None => match get_attr_opt(vm, obj, "__reduce__")? {
                    Some(f) => vm.call(&f, Args::new(&[]))?,
                    None => {
                        let text = vm.repr(obj)?;
                        return Err(pickling(format!(
                            "can't pickle '{}' object: {text}",
                            class.name
                        )));
                    }
                },
            }
        };
        self.save_reduce_value(vm, obj, &rv)
    }

    /// The reduction function of the dispatch table for a class.
    fn dispatch_entry(&mut self, vm: &mut Vm, class: &Value) -> PyResult<Option<Value>> {
        let table = match &self.dispatch_table {
            Some(t) => t.clone(),
            None => {
                let table = copyreg_tables(vm)?.0;
                self.dispatch_table = Some(table.clone());
                table
            }
        };
        if let Some(dict) = table.as_dict() {
            if dict.is_empty() {
                return Ok(None);
            }
            return dict.get_item_vm(vm, class);
        }
        let getitem = vm.get_attr(&table, "__getitem__")?;
        match vm.call(&getitem, Args::new(std::slice::from_ref(class))) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.matches(ExcType::KeyError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Whether object's own `__reduce_ex__` pickles instances of `class`
    /// as `copyreg.__newobj__(cls)` plus the instance dict (copyreg's
    /// `_is_plain_class`, with neither reduce method overridden).
    fn plain_class(
        &mut self,
        vm: &mut Vm,
        class: &Rc<TypeObject>,
        value: &Value,
    ) -> PyResult<bool> {
        let key = Rc::as_ptr(class) as usize;
        if let Some(&(_, plain)) = self.plain.iter().find(|e| e.0 == key) {
            return Ok(plain);
        }
        let object = type_value(builtin_type(BuiltinType::Object));
        let plain = 'check: {
            let own_ex = vm.get_attr(value, "__reduce_ex__")?;
            let object_ex = match &self.object_reduce_ex {
                Some(v) => v.clone(),
                None => {
                    let v = vm.get_attr(&object, "__reduce_ex__")?;
                    self.object_reduce_ex = Some(v.clone());
                    v
                }
            };
            if !own_ex.is(&object_ex) {
                break 'check false;
            }
            let own = vm.get_attr(value, "__reduce__")?;
            let object_reduce = vm.get_attr(&object, "__reduce__")?;
            if !own.is(&object_reduce) {
                break 'check false;
            }
            let copyreg = vm.import_absolute("copyreg")?;
            let is_plain = vm.get_attr(&copyreg, "_is_plain_class")?;
            let answer = vm.call(&is_plain, Args::new(std::slice::from_ref(value)))?;
            vm.truthy_value(&answer)?
        };
        self.plain.push((key, plain));
        Ok(plain)
    }

    /// What `save_reduce` writes for `(copyreg.__newobj__, (cls,),
    /// obj.__dict__ or None)`.
    fn save_plain(&mut self, vm: &mut Vm, obj: &Value, class: &Value) -> PyResult<()> {
        self.save(vm, class, false)?;
        // `save(())`: a frame may end before the empty tuple.
        self.boundary(vm)?;
        self.w(b")\x81");
        if let Some(index) = self.memo_index(obj) {
            self.w1(b'0');
            self.memo_get(index);
        } else {
            self.memo_put(obj);
        }
        if let Some(dict) = get_attr_opt(vm, obj, "__dict__")?
            && dict.as_dict_or_subclass().is_some_and(|d| !d.is_empty())
        {
            self.save(vm, &dict, false)?;
            self.w1(b'b');
        }
        Ok(())
    }

    fn save_type(&mut self, vm: &mut Vm, obj: &Value, t: &Rc<TypeObject>) -> PyResult<()> {
        let singleton = match t.builtin {
            Some(BuiltinType::NoneType) => Some(Value::None),
            Some(BuiltinType::NotImplementedType) => Some(Value::NotImplemented),
            Some(BuiltinType::Ellipsis) => Some(Value::Ellipsis),
            _ => None,
        };
        if let Some(value) = singleton {
            let type_type = type_value(builtin_type(BuiltinType::Type));
            return self.save_reduce(vm, &[type_type, Value::tuple(vec![value])], Some(obj));
        }
        self.save_global(vm, obj, None)
    }

    fn save_reduce_value(&mut self, vm: &mut Vm, obj: &Value, rv: &Value) -> PyResult<()> {
        if rv.as_str_or_subclass().is_some() {
            return self.save_global(vm, obj, Some(rv));
        }
        let Some(items) = rv.as_tuple_or_subclass() else {
            return Err(pickling("__reduce__ must return a string or tuple"));
        };
        let items = items.as_slice().to_vec();
        if !(2..=6).contains(&items.len()) {
            return Err(pickling(
                "tuple returned by __reduce__ must contain 2 through 6 elements",
            ));
        }
        self.save_reduce(vm, &items, Some(obj))
    }

    fn save_reduce(&mut self, vm: &mut Vm, rv: &[Value], obj: Option<&Value>) -> PyResult<()> {
        let item = |i: usize| rv.get(i).filter(|v| !v.is_none()).cloned();
        let callable = rv[0].clone();
        let args = rv[1].clone();
        let state = item(2);
        let listitems = item(3);
        let dictitems = item(4);
        let state_setter = item(5);
        if !krait_vm::builtins::module::is_callable(&callable) {
            return Err(pickling(
                "first item of the tuple returned by __reduce__ must be callable",
            ));
        }
        let Some(arg_items) = args.as_tuple_or_subclass().map(|t| t.as_slice().to_vec()) else {
            return Err(pickling(
                "second item of the tuple returned by __reduce__ must be a tuple",
            ));
        };
        if let Some(l) = &listitems
            && !is_iterator(vm, l)?
        {
            return Err(pickling(format!(
                "fourth element of the tuple returned by __reduce__ must be an iterator, not {}",
                l.type_name()
            )));
        }
        if let Some(d) = &dictitems
            && !is_iterator(vm, d)?
        {
            return Err(pickling(format!(
                "fifth element of the tuple returned by __reduce__ must be an iterator, not {}",
                d.type_name()
            )));
        }
        if let Some(s) = &state_setter
            && !krait_vm::builtins::module::is_callable(s)
        {
            return Err(pickling(format!(
                "sixth element of the tuple returned by __reduce__ must be a function, not {}",
                s.type_name()
            )));
        }
        let (mut newobj, mut newobj_ex) = (false, false);
        // (A class is never copyreg's `__newobj__`: no lookup for it.)
        if self.proto >= 2
            && !matches!(callable.as_obj(), Some(PyObject::Type(_)))
            && let Some(name) = get_attr_opt(vm, &callable, "__name__")?
            && let Some(name) = name.as_str_or_subclass()
        {
            newobj_ex = name.as_str() == "__newobj_ex__";
            newobj = name.as_str() == "__newobj__";
        }
        if newobj_ex {
            if arg_items.len() != 3 {
                return Err(pickling(format!(
                    "length of the NEWOBJ_EX argument tuple must be exactly 3, not {}",
                    arg_items.len()
                )));
            }
            let (cls, cargs, kwargs) = (&arg_items[0], &arg_items[1], &arg_items[2]);
            if !matches!(cls.as_obj(), Some(PyObject::Type(_))) {
                return Err(pickling(format!(
                    "first item from NEWOBJ_EX argument tuple must be a class, not {}",
                    cls.type_name()
                )));
            }
            if cargs.as_tuple_or_subclass().is_none() {
                return Err(pickling(format!(
                    "second item from NEWOBJ_EX argument tuple must be a tuple, not {}",
                    cargs.type_name()
                )));
            }
            if kwargs.as_dict_or_subclass().is_none() {
                return Err(pickling(format!(
                    "third item from NEWOBJ_EX argument tuple must be a dict, not {}",
                    kwargs.type_name()
                )));
            }
            if self.proto >= 4 {
                self.save(vm, cls, false)?;
                self.save(vm, cargs, false)?;
                self.save(vm, kwargs, false)?;
                self.w1(0x92);
            } else {
                // partial(cls.__new__, cls, *args, **kwargs)()
                let functools = vm.import_absolute("functools")?;
                let partial = vm.get_attr(&functools, "partial")?;
                let new = vm.get_attr(cls, "__new__")?;
                let mut pos = vec![new, cls.clone()];
                pos.extend(
                    cargs
                        .as_tuple_or_subclass()
                        .map(|t| t.as_slice().to_vec())
                        .unwrap_or_default(),
                );
                let kw: Vec<(String, Value)> = kwargs
                    .as_dict_or_subclass()
                    .map(|d| d.items())
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(k, v)| {
                        (
                            k.as_str()
                                .map(|s| s.as_str().to_string())
                                .unwrap_or_default(),
                            v,
                        )
                    })
                    .collect();
                let kw_refs: Vec<(&str, Value)> =
                    kw.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
                let callable = vm.call_object(&partial, Args::with_kw(&pos, &kw_refs))?;
                self.save_reduce(vm, &[callable, Value::tuple(vec![])], None)?;
            }
        } else if newobj {
            let Some(cls) = arg_items.first() else {
                return Err(pickling("__newobj__ arglist is empty"));
            };
            if !matches!(cls.as_obj(), Some(PyObject::Type(_))) {
                return Err(pickling("args[0] from __newobj__ args is not a type"));
            }
            self.check_class(vm, cls, obj, "__newobj__")?;
            self.save(vm, cls, false)?;
            let rest = Value::tuple(arg_items[1..].to_vec());
            self.save(vm, &rest, false)?;
            self.w1(0x81);
        } else {
            self.save(vm, &callable, false)?;
            self.save(vm, &args, false)?;
            self.w1(b'R');
        }
        if let Some(obj) = obj {
            if let Some(index) = self.memo_index(obj) {
                self.w1(b'0');
                self.memo_get(index);
            } else {
                self.memo_put(obj);
            }
        }
        if let Some(items) = listitems {
            self.batch_list(vm, &items)?;
        }
        if let Some(items) = dictitems {
            self.batch_dict(vm, &items)?;
        }
        if let Some(state) = state {
            match state_setter {
                None => {
                    self.save(vm, &state, false)?;
                    self.w1(b'b');
                }
                Some(setter) => {
                    self.save(vm, &setter, false)?;
                    self.save(vm, obj.unwrap_or(&Value::None), false)?;
                    self.save(vm, &state, false)?;
                    self.w(&[0x86, b'R', b'0']);
                }
            }
        }
        Ok(())
    }

    fn check_class(
        &mut self,
        vm: &mut Vm,
        cls: &Value,
        obj: Option<&Value>,
        what: &str,
    ) -> PyResult<()> {
        if let Some(obj) = obj {
            let class = vm.get_attr(obj, "__class__")?;
            if !class.is(cls) {
                return Err(pickling(format!(
                    "args[0] from {what} args has the wrong class"
                )));
            }
        }
        Ok(())
    }

    /// The items of a reduction's list iterator: APPEND for a batch of
    /// one, APPENDS for more (one APPEND each at protocol 0).
    fn batch_list(&mut self, vm: &mut Vm, iterator: &Value) -> PyResult<()> {
        if self.proto == 0 {
            while let Some(item) = krait_vm::protocol::next(vm, iterator)? {
                self.save(vm, &item, false)?;
                self.w1(b'a');
            }
            return Ok(());
        }
        let Some(mut first) = krait_vm::protocol::next(vm, iterator)? else {
            return Ok(());
        };
        loop {
            let Some(second) = krait_vm::protocol::next(vm, iterator)? else {
                self.save(vm, &first, false)?;
                self.w1(b'a');
                return Ok(());
            };
            self.w1(b'(');
            self.save(vm, &first, false)?;
            self.save(vm, &second, false)?;
            let mut n = 2;
            let mut next = None;
            while let Some(item) = krait_vm::protocol::next(vm, iterator)? {
                if n == BATCHSIZE {
                    next = Some(item);
                    break;
                }
                self.save(vm, &item, false)?;
                n += 1;
            }
            self.w1(b'e');
            match next {
                Some(item) => first = item,
                None => return Ok(()),
            }
        }
    }

    fn pair(item: &Value) -> PyResult<(Value, Value)> {
        match item.as_tuple_or_subclass().map(|t| t.as_slice()) {
            Some([k, v]) => Ok((k.clone(), v.clone())),
            _ => Err(PyErr::type_error(
                "dict items iterator must return 2-tuples",
            )),
        }
    }

    fn batch_dict(&mut self, vm: &mut Vm, iterator: &Value) -> PyResult<()> {
        if self.proto == 0 {
            while let Some(item) = krait_vm::protocol::next(vm, iterator)? {
                let (k, v) = Self::pair(&item)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.w1(b's');
            }
            return Ok(());
        }
        let Some(mut first) = krait_vm::protocol::next(vm, iterator)? else {
            return Ok(());
        };
        loop {
            let Some(second) = krait_vm::protocol::next(vm, iterator)? else {
                let (k, v) = Self::pair(&first)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                self.w1(b's');
                return Ok(());
            };
            self.w1(b'(');
            for item in [&first, &second] {
                let (k, v) = Self::pair(item)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
            }
            let mut n = 2;
            let mut next = None;
            while let Some(item) = krait_vm::protocol::next(vm, iterator)? {
                if n == BATCHSIZE {
                    next = Some(item);
                    break;
                }
                let (k, v) = Self::pair(&item)?;
                self.save(vm, &k, false)?;
                self.save(vm, &v, false)?;
                n += 1;
            }
            self.w1(b'u');
            match next {
                Some(item) => first = item,
                None => return Ok(()),
            }
        }
    }

    fn save_global(&mut self, vm: &mut Vm, obj: &Value, name: Option<&Value>) -> PyResult<()> {
        let name = match name {
            Some(n) => n.clone(),
            None => match get_attr_opt(vm, obj, "__qualname__")? {
                Some(n) => n,
                None => vm.get_attr(obj, "__name__")?,
            },
        };
        let Some(name_text) = name.as_str_or_subclass().map(|s| s.as_str().to_string()) else {
            return Err(PyErr::type_error(format!(
                "__qualname__ must be a string, not {}",
                name.type_name()
            )));
        };
        let is_codecs_encode =
            CODECS_ENCODE.with(|c| c.borrow().as_ref().is_some_and(|e| e.is(obj)));
        let mut module_found = None;
        let (mut module_name, parent_is_module, lastname) = if is_codecs_encode {
            ("_codecs".to_string(), true, "encode".to_string())
        } else {
            let parts: Vec<&str> = name_text.split('.').collect();
            if parts.contains(&"<locals>") {
                return Err(PyErr::new(
                    ExcType::AttributeError,
                    format!("Can't pickle local object {}", py_repr_str(&name_text)),
                ));
            }
            let (module_name, found) = whichmodule(vm, obj, &name)?;
            module_found = found;
            let module = match vm.import_absolute(&module_name) {
                Ok(m) => m,
                Err(e) if e.matches(ExcType::ImportError) => {
                    let text = vm.repr(obj)?;
                    return Err(pickling(format!(
                        "Can't pickle {text}: import of module {} failed",
                        py_repr_str(&module_name)
                    )));
                }
                Err(e) => return Err(e),
            };
            let mut parent = module.clone();
            let mut current = module.clone();
            for part in &parts {
                parent = current.clone();
                match get_attr_opt(vm, &current, part)? {
                    Some(v) => current = v,
                    None => {
                        let text = vm.repr(obj)?;
                        return Err(pickling(format!(
                            "Can't pickle {text}: attribute lookup {name_text} on {module_name} failed"
                        )));
                    }
                }
            }
            if !current.is(obj) {
                let text = vm.repr(obj)?;
                return Err(pickling(format!(
                    "Can't pickle {text}: it's not the same object as {module_name}.{name_text}"
                )));
            }
            let lastname = parts.last().copied().unwrap_or("").to_string();
            if !parent.is(&module) {
                if self.proto < 4 {
                    // getattr(parent, lastname)
                    let builtins = vm.import_absolute("builtins")?;
                    let getattr = vm.get_attr(&builtins, "getattr")?;
                    let args = Value::tuple(vec![parent, Value::str(lastname)]);
                    self.save_reduce(vm, &[getattr, args], None)?;
                    self.memo_put(obj);
                    return Ok(());
                }
                (module_name, false, lastname)
            } else {
                (module_name, true, lastname)
            }
        };
        if self.proto >= 2 {
            let registry = copyreg_tables(vm)?.1;
            if let Some(reg) = registry.as_dict()
                && !reg.is_empty()
            {
                let key = Value::tuple(vec![Value::str(module_name.clone()), name.clone()]);
                if let Some(code) = reg.get_item_vm(vm, &key)? {
                    let code = match code {
                        Value::Int(c) => c,
                        _ => 0,
                    };
                    if code <= 0 || code > 0x7fff_ffff {
                        return Err(pickling(format!(
                            "Can't pickle {}: extension code {code} is out of range",
                            vm.repr(obj)?
                        )));
                    }
                    if code <= 0xff {
                        self.w(&[0x82, code as u8]);
                    } else if code <= 0xffff {
                        let b = (code as u16).to_le_bytes();
                        self.w(&[0x83, b[0], b[1]]);
                    } else {
                        let b = (code as i32).to_le_bytes();
                        self.w(&[0x84, b[0], b[1], b[2], b[3]]);
                    }
                    return Ok(());
                }
            }
        }
        let global_name = if parent_is_module {
            if is_codecs_encode {
                lastname
            } else {
                name_text.clone()
            }
        } else {
            name_text.clone()
        };
        if self.proto >= 4 {
            let m = module_name_object(vm, obj, &module_name, module_found);
            self.save(vm, &m, false)?;
            // A name equal to its module's (`datetime.datetime`) is another
            // str object in CPython (a C type's name): not shared by GET.
            let g = if global_name == module_name {
                Value::str(global_name.as_str())
            } else {
                vm.intern(&global_name)
            };
            self.save(vm, &g, false)?;
            self.w1(0x93);
        } else {
            let mut global_name = global_name;
            if self.fix_imports {
                let (m, g) = reverse_mapping(vm, &module_name, &global_name)?;
                module_name = m;
                global_name = g;
            }
            if self.proto < 3 && (!module_name.is_ascii() || !global_name.is_ascii()) {
                return Err(pickling(format!(
                    "can't pickle global identifier '{module_name}.{global_name}' using pickle protocol {}",
                    self.proto
                )));
            }
            self.w1(b'c');
            self.w(module_name.as_bytes());
            self.w1(b'\n');
            self.w(global_name.as_bytes());
            self.w1(b'\n');
        }
        self.memo_put(obj);
        Ok(())
    }
}

thread_local! {
    static LATIN1: Value = Value::str("latin1");
}

thread_local! {
    /// `copyreg.dispatch_table` and `copyreg._extension_registry`, taken
    /// once as CPython's `_pickle` takes them when imported.
    static COPYREG: std::cell::RefCell<Option<(Value, Value)>> = const { std::cell::RefCell::new(None) };
}

fn copyreg_tables(vm: &mut Vm) -> PyResult<(Value, Value)> {
    if let Some(t) = COPYREG.with(|c| c.borrow().clone()) {
        return Ok(t);
    }
    let copyreg = vm.import_absolute("copyreg")?;
    let table = vm.get_attr(&copyreg, "dispatch_table")?;
    let registry = vm.get_attr(&copyreg, "_extension_registry")?;
    let tables = (table, registry);
    COPYREG.with(|c| *c.borrow_mut() = Some(tables.clone()));
    Ok(tables)
}

thread_local! {
    /// The object pickled for `_codecs.encode` (krait has no `_codecs`):
    /// `pickle._codecs_encode`, looked up once.
    static CODECS_ENCODE: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

fn codecs_encode(vm: &mut Vm) -> PyResult<Value> {
    if let Some(v) = CODECS_ENCODE.with(|c| c.borrow().clone()) {
        return Ok(v);
    }
    let pickle = vm.import_absolute("pickle")?;
    let v = vm.get_attr(&pickle, "_codecs_encode")?;
    CODECS_ENCODE.with(|c| *c.borrow_mut() = Some(v.clone()));
    Ok(v)
}

/// Python 3 -> Python 2 names (`_compat_pickle`'s reverse mappings,
/// which `pickle` keeps).
fn reverse_mapping(vm: &mut Vm, module: &str, name: &str) -> PyResult<(String, String)> {
    let pickle = vm.import_absolute("pickle")?;
    let names = vm.get_attr(&pickle, "_REVERSE_NAME_MAPPING")?;
    let key = Value::tuple(vec![Value::str(module), Value::str(name)]);
    if let Some(d) = names.as_dict()
        && let Some(found) = d.get_item_vm(vm, &key)?
        && let Some([m, n]) = found.as_tuple().map(|t| t.as_slice())
        && let (Some(m), Some(n)) = (m.as_str(), n.as_str())
    {
        return Ok((m.as_str().to_string(), n.as_str().to_string()));
    }
    let modules = vm.get_attr(&pickle, "_REVERSE_IMPORT_MAPPING")?;
    if let Some(d) = modules.as_dict()
        && let Some(found) = d.get_item_vm(vm, &Value::str(module))?
        && let Some(m) = found.as_str()
    {
        return Ok((m.as_str().to_string(), name.to_string()));
    }
    Ok((module.to_string(), name.to_string()))
}

/// `obj.__module__`, else the module of `sys.modules` that holds it
/// (`pickle.whichmodule`).
fn whichmodule(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<(String, Option<Value>)> {
    if let Some(m) = get_attr_opt(vm, obj, "__module__")?
        && let Some(s) = m.as_str_or_subclass()
    {
        let text = s.as_str().to_string();
        return Ok((text, Some(m)));
    }
    let pickle = vm.import_absolute("pickle")?;
    let which = vm.get_attr(&pickle, "whichmodule")?;
    let m = vm.call(&which, Args::new(&[obj.clone(), name.clone()]))?;
    let text = m
        .as_str_or_subclass()
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|| "__main__".to_string());
    Ok((text, None))
}

thread_local! {
    /// One `__module__` str per module name for builtin functions: as
    /// CPython's share their module's name object (`len` and `print`),
    /// which is not the interned name builtin types answer (`int`).
    static FUNCTION_MODULES: std::cell::RefCell<HashMap<String, Value>> =
        std::cell::RefCell::new(HashMap::new());
}

/// The str object protocol 4 saves as a global's module name: which one
/// it is decides which names share a memo entry, as in CPython.
fn module_name_object(vm: &mut Vm, obj: &Value, name: &str, found: Option<Value>) -> Value {
    match obj.as_obj() {
        Some(PyObject::Type(t)) if !t.heap => return vm.intern(name),
        Some(PyObject::BuiltinFunction(_)) => {
            return FUNCTION_MODULES.with(|m| {
                m.borrow_mut()
                    .entry(name.to_string())
                    .or_insert_with(|| Value::str(name))
                    .clone()
            });
        }
        _ => {}
    }
    // Functions and classes defined in Python: their module's `__name__`,
    // which CPython interns.
    let _ = found;
    vm.intern(name)
}

fn is_iterator(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if matches!(
        v.as_obj(),
        Some(PyObject::Iterator(_) | PyObject::Generator(_))
    ) {
        return Ok(true);
    }
    // `iter(v) is v` (krait answers `hasattr(v, "__next__")` for any
    // object).
    match vm.iter_object(v) {
        Ok(it) => Ok(it.is(v)),
        Err(e) if e.matches(ExcType::TypeError) => Ok(false),
        Err(e) => Err(e),
    }
}

/// `repr(s)` of a str.
pub(crate) fn py_repr_str(s: &str) -> String {
    krait_vm::protocol::repr(&Value::str(s)).unwrap_or_else(|_| format!("'{s}'"))
}
