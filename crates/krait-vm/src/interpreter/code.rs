//! Code objects as the VM runs them: the bytecode, with its constants and
//! names turned into values once, when the code is loaded.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use krait_bytecode::{CodeFlags, CodeObject, Constant};

use crate::PyResult;
use crate::builtins::function::{GeneratorKind, PyCode};
use crate::object::PyObject;
use crate::value::Value;

pub struct Code {
    pub bytecode: std::sync::Arc<CodeObject>,
    /// The instructions the dispatch loop runs: `bytecode`'s, except that
    /// each attribute site (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) after the
    /// first of its name indexes a copy of the name of its own, appended
    /// to `names` (`per_site_names`). Everything else (`dis`, observers,
    /// `co_code`) reads `bytecode`'s, whose indexes `names` keeps.
    pub instructions: Box<[krait_bytecode::Instruction]>,
    /// `co_consts` as values (nested code objects become `PyCode`).
    pub consts: Vec<Value>,
    /// `co_names` as `str` values, so globals and attribute lookups hash
    /// once; then the names of attribute sites given their own index
    /// (see `instructions`).
    pub names: Vec<Value>,
    /// The local variables' names, interned as `names` are: a keyword
    /// argument's name (an interned constant) finds its parameter by
    /// identity, without comparing text.
    pub varname_values: Vec<Value>,
    pub name: Rc<str>,
    /// `co_qualname`, shared by the generators the code makes.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    /// `co_name` and `co_filename` as str values (interned: every code
    /// object of a module shares its file name), made once: `logging`
    /// reads both for every record.
    pub name_value: Value,
    pub filename_value: Value,
    /// Fast locals (`co_varnames`).
    pub nlocals: usize,
    /// Cells created by the frame (`co_cellvars`).
    pub ncells: usize,
    /// Cells taken from the closure (`co_freevars`).
    pub nfree: usize,
    /// `(cell index, argument index)` for parameters that live in cells.
    pub cell_args: Vec<(usize, usize)>,
    /// A generator, coroutine or async generator function's code: calling
    /// it makes a suspended frame of that kind.
    pub is_generator: bool,
    /// Its code has a SEND (`yield from`, `await`): only such a generator
    /// can be paused delegating to another (a resumption asks this before
    /// looking at the instruction it is paused at).
    pub delegates: bool,
    /// Which of the three `is_generator` makes.
    pub generator_kind: GeneratorKind,
    /// Only positional parameters (no `*args`, `**kwargs`, keyword-only):
    /// CALL can bind the arguments where they lie.
    pub positional_params: bool,
    /// `positional_params` and not a generator: CALL can also run the
    /// frame in place.
    pub simple_args: bool,
    /// Keyword-only parameters, `*args` or `**kwargs` after positional
    /// parameters, and not a generator: CALL without keyword arguments
    /// binds the frame in place too (keyword-only parameters get their
    /// defaults, the extra arguments made into the tuple there, `**kwargs`
    /// an empty dict).
    pub varargs_in_place: bool,
    /// Every slot of the frame is a parameter (no other locals, no cells):
    /// a call with all the arguments has nothing more to bind.
    pub only_parameters: bool,
    /// Module and class bodies keep their variables in a mapping.
    pub uses_locals_mapping: bool,
    /// The caches of the instructions naming `names[i]`, one entry per
    /// name ([`NameCache`]), made when an instruction first asks
    /// ([`Code::name_cache`]): most functions of an imported module never
    /// run, and the entries are 160 bytes a name.
    name_caches: std::cell::OnceCell<Box<[NameCache]>>,
    /// Whether the code is in [`CACHING_CODES`].
    caches_methods: Cell<bool>,
    /// The Python `code` object of this code while one is alive, so
    /// `f.__code__ is f.__code__` (weak: the object holds the code).
    pub value: RefCell<std::rc::Weak<PyObject>>,
    /// While coverage is measured: per instruction, what ran
    /// ([`crate::interpreter::observe::COVER_RAN`] and the jump outcomes).
    pub coverage: std::cell::OnceCell<Box<[Cell<u8>]>>,
}

/// The caches of one name of a code object (see `Code::name_caches`).
pub struct NameCache {
    /// LOAD_GLOBAL's: where the name was found, valid while the globals
    /// and builtins dicts keep the versions (key sets) it was filled at;
    /// the value itself is read there each time.
    pub global: Cell<Option<(GlobalsKey, GlobalSlot)>>,
    /// `module.name`'s (CPython's LOAD_ATTR_MODULE): where the name sits
    /// in a module's dict, as [`ModuleAttributeKey`] says. Apart from
    /// `global`, which the same name would take back at each
    /// `random.random()` or `time.time()`.
    pub module_attribute: Cell<Option<ModuleAttributeKey>>,
    /// LOAD_METHOD's and the attribute instructions': the method a class
    /// resolved the name to (or where an attribute lives), valid for that
    /// class while the class epoch (`typeobject::class_epoch`) is
    /// unchanged. Written through [`Code::cache_method`] when the entry
    /// holds a method.
    pub method: RefCell<Option<MethodCacheEntry>>,
    /// LOAD_METHOD's methods for more classes, at a site that sees several
    /// (`constraint.is_satisfied()` over subclasses, `task.run()`): made
    /// when `method` holds another class's method of the same epoch, so a
    /// monomorphic site pays one pointer for it.
    pub more_methods: RefCell<Option<Box<PolymorphicMethods>>>,
}

/// The extra classes of a polymorphic LOAD_METHOD site (see
/// `NameCache::more_methods`): CPython 3.11 rewrites such a site back to
/// the generic LOAD_METHOD, whose type cache lookup still costs a hash.
pub struct PolymorphicMethods {
    /// The class epoch the entries were found in (all of them).
    epoch: u64,
    /// (class address, method, absent keys) as in [`MethodCacheEntry`];
    /// class 0 is an empty entry.
    entries: [(usize, Value, Option<usize>); POLYMORPHIC_METHODS],
    /// The entry the next class replaces (round robin).
    next: usize,
}

/// How many classes beyond the first a LOAD_METHOD site remembers.
const POLYMORPHIC_METHODS: usize = 3;

impl PolymorphicMethods {
    /// The method remembered for `class` in `epoch`, with its absent keys.
    #[inline(always)]
    pub fn get(&self, class: usize, epoch: u64) -> Option<(Value, Option<usize>)> {
        if self.epoch != epoch {
            return None;
        }
        self.entries
            .iter()
            .find(|(c, _, _)| *c == class)
            .map(|(_, method, absent_keys)| (method.clone(), *absent_keys))
    }

    /// Remembers `method` for `class` in `epoch` (forgetting every entry of
    /// an older epoch), giving back the method it replaces, to be dropped
    /// after the borrow.
    pub fn insert(
        &mut self,
        class: usize,
        epoch: u64,
        method: Value,
        absent_keys: Option<usize>,
    ) -> Vec<Value> {
        let mut replaced = Vec::new();
        if self.epoch != epoch {
            self.epoch = epoch;
            self.next = 0;
            for entry in &mut self.entries {
                entry.0 = 0;
                replaced.push(std::mem::replace(&mut entry.1, Value::Null));
            }
        }
        let at = self.next;
        self.next = (at + 1) % POLYMORPHIC_METHODS;
        let old = std::mem::replace(&mut self.entries[at], (class, method, absent_keys));
        replaced.push(old.1);
        replaced
    }
}

/// A method found on a class (see `NameCache::method`).
#[derive(Clone)]
pub struct MethodCacheEntry {
    /// The class's address (or, for a common builtin type's method,
    /// `typeobject::class_key`'s small number): a type object's drop starts
    /// a new epoch, so within one epoch the address names one class.
    pub class: usize,
    pub epoch: u64,
    pub kind: CachedLookup,
    pub method: Value,
    /// For a method on an instance's class: how many of the class's
    /// shared instance keys were checked not to be the name (see
    /// `PyInstance::may_have_attr`); `None` when unknown.
    pub absent_keys: Option<usize>,
}

/// Methods found on classes by LOAD_METHOD, by class and name: CPython's
/// type method cache. A call site keeps one entry (`NameCache::method`);
/// one that sees several classes in turn (`task.run()` over four
/// subclasses) misses it on every switch, and finds the method here
/// instead of walking the class's MRO and its instance keys again.
pub struct MethodLookups {
    entries: RefCell<Vec<Option<(usize, MethodCacheEntry)>>>,
}

/// Entries of [`MethodLookups`] (a power of two).
const METHOD_LOOKUPS: usize = 512;

impl Default for MethodLookups {
    fn default() -> MethodLookups {
        MethodLookups {
            entries: RefCell::new((0..METHOD_LOOKUPS).map(|_| None).collect()),
        }
    }
}

impl MethodLookups {
    /// Forgets every entry (a full collection does: the methods held
    /// would keep their classes alive).
    pub fn clear(&self) {
        let entries: Vec<_> = match self.entries.try_borrow_mut() {
            Ok(mut entries) => entries.iter_mut().filter_map(Option::take).collect(),
            Err(_) => return,
        };
        // Dropped after the borrow: a method's last reference may go.
        drop(entries);
    }

    /// Where the entry for `class` and the name at address `name` goes.
    fn slot(class: usize, name: usize) -> usize {
        let mixed = ((class >> 4) ^ (name >> 3)).wrapping_mul(0x9E37_79B9_7F4A_7C15_u64 as usize);
        mixed >> (usize::BITS - METHOD_LOOKUPS.trailing_zeros())
    }

    /// The method found for `class` and `name` in this class epoch, with
    /// its `absent_keys`.
    pub fn get(&self, class: usize, name: usize, epoch: u64) -> Option<(Value, Option<usize>)> {
        match &self.entries.borrow()[Self::slot(class, name)] {
            Some((entry_name, entry))
                if *entry_name == name && entry.class == class && entry.epoch == epoch =>
            {
                Some((entry.method.clone(), entry.absent_keys))
            }
            _ => None,
        }
    }

    /// The whole entry for `class` and `name` in this class epoch.
    pub fn get_entry(&self, class: usize, name: usize, epoch: u64) -> Option<MethodCacheEntry> {
        match &self.entries.borrow()[Self::slot(class, name)] {
            Some((entry_name, entry))
                if *entry_name == name && entry.class == class && entry.epoch == epoch =>
            {
                Some(entry.clone())
            }
            _ => None,
        }
    }

    /// Remembers a method found on a class.
    pub fn insert(&self, name: usize, entry: MethodCacheEntry) {
        let slot = Self::slot(entry.class, name);
        let replaced = self.entries.borrow_mut()[slot].replace((name, entry));
        // Dropped after the borrow: the last reference to a function may go.
        drop(replaced);
    }
}

/// What a [`MethodCacheEntry`] says about the name on its class.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CachedLookup {
    /// LOAD_METHOD on an instance: `method` is called with it as `self`.
    Method,
    /// LOAD_METHOD on the class itself (`dict.get(d, k)`): `method` is
    /// the attribute, called plainly.
    ClassAttribute,
    /// LOAD_METHOD on the class itself of a classmethod
    /// (`Strength.stronger(a, b)`): `method` is its function, called with
    /// the class as its first argument (no bound method made per call).
    ClassMethodOfClass,
    /// The name is a `__slots__` member of the class: the value lives in
    /// the instance (readable directly unless the class has its own
    /// `__getattribute__`, writable unless it has `__setattr__`), at
    /// `position` of the class's shared keys once an access has found it
    /// there (the keys only grow, so a position stays the name's).
    Slot {
        get: bool,
        set: bool,
        position: Option<usize>,
    },
    /// A `__slots__` member of a class whose instances also have a
    /// `__dict__`: the value lives apart from it (`PyInstance::slot_get`),
    /// read and written there directly under the same conditions.
    SeparateSlot { get: bool, set: bool },
    /// Looked at for a slot and found none: not looked at again while the
    /// class and epoch last.
    NotSlot,
    /// The name is no data descriptor of the class, which has no
    /// `__getattribute__` of its own ([`TypeObject::own_attribute_plain`]):
    /// an instance's own attribute of that name is read as stored, with no
    /// lookup along the MRO per access (instances whose attributes are not
    /// at the class's shared keys: `obj.__dict__[name] = v`, memoized
    /// properties).
    ///
    /// [`TypeObject::own_attribute_plain`]: crate::typeobject::TypeObject::own_attribute_plain
    PlainAttribute,
    /// An instance attribute at this position of the class's shared keys
    /// (CPython's LOAD_ATTR_INSTANCE_VALUE): read and written there
    /// without searching the keys.
    SharedKey(usize),
    /// A plain value of the class namespace (see
    /// `typeobject::is_plain_class_value`) read through an instance that
    /// has no attribute of that name (CPython's
    /// LOAD_ATTR_NONDESCRIPTOR_NO_DICT), or through the class itself
    /// (`on_type`; CPython's LOAD_ATTR_CLASS): re-read at its place on the
    /// MRO (`TypeObject::plain_value_at`) without searching.
    ClassValue {
        depth: u32,
        index: u32,
        on_type: bool,
    },
    /// A property of the class (first on the MRO, so before any instance
    /// attribute) whose getter is a Python function: LOAD_ATTR on an
    /// instance calls it in a frame of the dispatch loop (CPython 3.12's
    /// LOAD_ATTR_PROPERTY), re-reading the property at its place.
    Property { depth: u32, index: u32 },
    /// A named tuple's field (`_collections._tuplegetter`) on the class,
    /// first on the MRO: LOAD_ATTR on an instance reads item `field` of
    /// the tuple directly (CPython's `_tuplegetter` is C; a Python
    /// property here made `p.x` 3x slower). The field is the descriptor's,
    /// remembered: replacing a data descriptor in a class namespace starts
    /// a new epoch (`typeobject::class_attribute_changed`).
    TupleField { field: u32 },
    /// A data descriptor of the class (first on the MRO, so before any
    /// instance attribute) whose class defines `__get__` in Python:
    /// LOAD_ATTR on an instance calls `__get__(descriptor, instance,
    /// class)` in a frame of the dispatch loop, re-reading the
    /// descriptor at its place; `method` is the `__get__`.
    DescriptorGet { depth: u32, index: u32 },
    /// `instance.__class__` where neither the class nor a base defines
    /// `__class__` or `__getattribute__`: the instance's class (object's
    /// data descriptor, before any instance attribute).
    InstanceClass,
    /// `instance.__dict__` where the class gives its instances a dict and
    /// defines neither `__getattribute__` nor `__getattr__`: the
    /// instance's dict (made on the first read), as the generic lookup
    /// gives it.
    InstanceDict,
    /// LOAD_METHOD on an instance whose class has a `staticmethod`
    /// (`to_class == false`: `method`, its function, is called plainly)
    /// or a `classmethod` (called with the class first) of the name, and
    /// no `__getattribute__`: re-checked against the instance's own
    /// attributes (they hide it), then no bound method is made.
    DescriptorFunction { to_class: bool },
}

impl CachedLookup {
    /// Whether the entry tells where an attribute of an instance of its
    /// class is (LOAD_ATTR's and STORE_ATTR's kinds), a fact about the
    /// class and the name alone that any site may use; not LOAD_METHOD's
    /// kinds, nor a read through the class itself.
    pub fn is_about_instances(&self) -> bool {
        match self {
            CachedLookup::Slot { .. }
            | CachedLookup::SeparateSlot { .. }
            | CachedLookup::NotSlot
            | CachedLookup::PlainAttribute
            | CachedLookup::SharedKey(_)
            | CachedLookup::Property { .. }
            | CachedLookup::TupleField { .. }
            | CachedLookup::DescriptorGet { .. }
            | CachedLookup::InstanceClass
            | CachedLookup::InstanceDict => true,
            CachedLookup::ClassValue { on_type, .. } => !on_type,
            CachedLookup::Method
            | CachedLookup::ClassAttribute
            | CachedLookup::ClassMethodOfClass
            | CachedLookup::DescriptorFunction { .. } => false,
        }
    }
}

/// Where a global name was found: its position in the globals or the
/// builtins dict.
#[derive(Clone, Copy)]
pub enum GlobalSlot {
    Globals(usize),
    Builtins(usize),
}

thread_local! {
    /// The codes whose LOAD_METHOD caches may hold methods, by address
    /// (a code leaves when it dies): a full collection empties them, as
    /// a method held there would keep its class alive.
    static CACHING_CODES: RefCell<std::collections::HashSet<usize>> =
        RefCell::new(std::collections::HashSet::new());
}

/// Empties the LOAD_METHOD caches of every code (see [`CACHING_CODES`]).
pub(crate) fn clear_method_caches() {
    let entries = CACHING_CODES.try_with(|codes| {
        let mut entries = Vec::new();
        for &address in codes.borrow().iter() {
            // SAFETY: a code removes its address when it dies, and
            // nothing is dropped while the set is borrowed.
            let code = unsafe { &*(address as *const Code) };
            for cache in code.name_caches.get().into_iter().flatten() {
                if let Ok(mut entry) = cache.method.try_borrow_mut()
                    && let Some(entry) = entry.take()
                {
                    entries.push(entry.method);
                }
                if let Ok(mut more) = cache.more_methods.try_borrow_mut()
                    && let Some(more) = more.take()
                {
                    entries.extend(more.entries.into_iter().map(|(_, method, _)| method));
                }
            }
        }
        entries
    });
    // Dropped after the borrows: a method's last reference may go, and
    // with it codes.
    drop(entries);
}

impl Drop for Code {
    fn drop(&mut self) {
        if self.caches_methods.get() {
            let address = self as *const Code as usize;
            let _ = CACHING_CODES.try_with(|codes| {
                if let Ok(mut codes) = codes.try_borrow_mut() {
                    codes.remove(&address);
                }
            });
        }
    }
}

/// Where a module attribute was found: the module's class (an exact
/// `module`, whose attributes no descriptor can shadow), its dict's
/// version (which names one dict and its layout) and the position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModuleAttributeKey {
    pub class: usize,
    pub version: u64,
    pub at: usize,
}

/// Which globals and builtins a cached global lookup was made in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct GlobalsKey {
    pub globals: usize,
    pub globals_version: u64,
    pub builtins_version: u64,
}

impl Code {
    /// Loads bytecode. The dispatch loop fetches instructions and reads
    /// locals without bounds checks, so what it relies on is checked here
    /// (cheaply: jump and handler targets, operand indexes, the last
    /// instruction); the rest of the verifier's checks are the producer's
    /// (the compiler, or the .kbc decoder).
    pub fn load(
        bytecode: impl Into<std::sync::Arc<CodeObject>>,
        names: &mut Interner,
    ) -> PyResult<Rc<Code>> {
        let bytecode = bytecode.into();
        if let Err(kind) = krait_bytecode::check_for_dispatch(&bytecode) {
            return Err(crate::PyErr::new(
                crate::typeobject::ExcType::SystemError,
                format!("invalid code object {}: {kind}", bytecode.qualname),
            ));
        }
        let consts = bytecode
            .constants
            .iter()
            .map(|c| constant_value(c, names))
            .collect::<PyResult<Vec<_>>>()?;
        let varname_values = bytecode.varnames.iter().map(|n| names.intern(n)).collect();
        let name_value = names.intern(&bytecode.name);
        let filename_value = names.intern(&bytecode.filename);
        let mut names: Vec<Value> = bytecode.names.iter().map(|n| names.intern(n)).collect();
        let instructions = per_site_names(&bytecode.instructions, &mut names);
        let cell_args = bytecode.cell_args().collect();
        let flags = bytecode.flags;
        let delegates = instructions
            .iter()
            .any(|i| matches!(i, krait_bytecode::Instruction::Send(_)));
        Ok(Rc::new(Code {
            instructions,
            consts,
            names,
            varname_values,
            name: Rc::from(bytecode.name.as_str()),
            qualname: Rc::from(bytecode.qualname.as_str()),
            filename: Rc::from(bytecode.filename.as_str()),
            name_value,
            filename_value,
            nlocals: bytecode.varnames.len(),
            ncells: bytecode.cellvars.len(),
            nfree: bytecode.freevars.len(),
            cell_args,
            delegates,
            is_generator: flags.contains(CodeFlags::GENERATOR)
                || flags.contains(CodeFlags::COROUTINE)
                || flags.contains(CodeFlags::ASYNC_GENERATOR),
            generator_kind: if flags.contains(CodeFlags::COROUTINE) {
                GeneratorKind::Coroutine
            } else if flags.contains(CodeFlags::ASYNC_GENERATOR) {
                GeneratorKind::AsyncGenerator
            } else {
                GeneratorKind::Generator
            },
            positional_params: !flags.contains(CodeFlags::VARARGS)
                && !flags.contains(CodeFlags::VARKEYWORDS)
                && bytecode.kwonlyargcount == 0,
            simple_args: !flags.contains(CodeFlags::GENERATOR)
                && !flags.contains(CodeFlags::COROUTINE)
                && !flags.contains(CodeFlags::ASYNC_GENERATOR)
                && !flags.contains(CodeFlags::VARARGS)
                && !flags.contains(CodeFlags::VARKEYWORDS)
                && bytecode.kwonlyargcount == 0,
            varargs_in_place: !flags.contains(CodeFlags::GENERATOR)
                && !flags.contains(CodeFlags::COROUTINE)
                && !flags.contains(CodeFlags::ASYNC_GENERATOR)
                && (flags.contains(CodeFlags::VARARGS)
                    || flags.contains(CodeFlags::VARKEYWORDS)
                    || bytecode.kwonlyargcount > 0),
            only_parameters: bytecode.varnames.len() == bytecode.argcount as usize
                && bytecode.cellvars.is_empty()
                && bytecode.freevars.is_empty(),
            uses_locals_mapping: !flags.contains(CodeFlags::OPTIMIZED),
            name_caches: std::cell::OnceCell::new(),
            caches_methods: Cell::new(false),
            value: RefCell::new(std::rc::Weak::new()),
            coverage: std::cell::OnceCell::new(),
            bytecode,
        }))
    }

    /// Reads the site cache entry of name `i` with `read`, without
    /// counting a borrow (two stores per read on the attribute and method
    /// hits of the dispatch loop) and without a bounds check.
    ///
    /// `i` must be a name operand of this code's instructions: `Code::load`
    /// checks every one indexes `names` (`check_for_dispatch`), and
    /// `name_caches`, once made, has an entry per name. Before the caches
    /// are made every read misses.
    #[inline(always)]
    pub(crate) fn read_cache_entry<R>(
        &self,
        i: usize,
        read: impl FnOnce(&MethodCacheEntry) -> Option<R>,
    ) -> Option<R> {
        // SAFETY: the entry is replaced only through `borrow_mut`/`replace`
        // of the cell, by the dispatch loop's cache writers, never while
        // `read` runs: `read` gets no access to the code and the readers
        // pass plain comparisons and clones (a clone runs no Python code).
        let cell = &self.cached(i)?.method;
        let entry = unsafe { cell.try_borrow_unguarded() }.ok()?;
        read(entry.as_ref()?)
    }

    /// Puts `entry` (which holds a method) in the LOAD_METHOD cache of
    /// name `i`, the code then being in `CACHING_CODES`.
    pub fn cache_method(&self, i: usize, entry: MethodCacheEntry) {
        let replaced = self.name_cache(i).method.replace(Some(entry));
        if !self.caches_methods.replace(true) {
            let address = self as *const Code as usize;
            let _ = CACHING_CODES.try_with(|codes| codes.borrow_mut().insert(address));
        }
        // Dropped after the borrow: a method's last reference may go.
        drop(replaced);
    }

    /// The cache entry of name `i`, for reading: `None` (a miss) until a
    /// writer made the caches. `i` must be a name operand of this code's
    /// instructions (see [`Code::read_cache_entry`]).
    #[inline(always)]
    fn cached(&self, i: usize) -> Option<&NameCache> {
        let caches = self.name_caches.get()?;
        debug_assert!(i < caches.len());
        // SAFETY: `Code::load` checks that every name operand indexes
        // `names`, and the caches have an entry per name.
        Some(unsafe { caches.get_unchecked(i) })
    }

    /// `names[i]` without a bounds check, for the cache readers, whose
    /// index is an instruction's name operand (see
    /// [`Code::read_cache_entry`]): a name the fast path only passes on to
    /// an out-of-line lookup costs nothing where the lookup is not made.
    #[inline(always)]
    pub(crate) fn operand_name(&self, i: usize) -> &Value {
        debug_assert!(i < self.names.len());
        // SAFETY: `Code::load` checks that every name operand indexes
        // `names` (`check_for_dispatch`).
        unsafe { self.names.get_unchecked(i) }
    }

    /// LOAD_GLOBAL's entry for name `i` (see [`NameCache::global`]).
    #[inline(always)]
    pub(crate) fn global_entry(&self, i: usize) -> Option<(GlobalsKey, GlobalSlot)> {
        self.cached(i)?.global.get()
    }

    /// The module attribute entry for name `i`.
    #[inline(always)]
    pub(crate) fn module_attribute_entry(&self, i: usize) -> Option<ModuleAttributeKey> {
        self.cached(i)?.module_attribute.get()
    }

    /// The method/attribute entry for name `i`, borrowed.
    #[inline(always)]
    pub(crate) fn method_entry(
        &self,
        i: usize,
    ) -> Option<std::cell::Ref<'_, Option<MethodCacheEntry>>> {
        Some(self.cached(i)?.method.borrow())
    }

    /// The method a polymorphic LOAD_METHOD site `i` remembers for
    /// `class` in `epoch` (see [`NameCache::more_methods`]), read as
    /// [`Code::read_cache_entry`] reads.
    #[inline(always)]
    pub(crate) fn more_methods_entry(
        &self,
        i: usize,
        class: usize,
        epoch: u64,
    ) -> Option<(Value, Option<usize>)> {
        // SAFETY: as in `read_cache_entry`: the entries are replaced only
        // through `borrow_mut` by the cache writers, never while this
        // comparison and clone run.
        let more = unsafe { self.cached(i)?.more_methods.try_borrow_unguarded() }.ok()?;
        more.as_ref()?.get(class, epoch)
    }

    /// Adds `class`'s `method` to the polymorphic entries of site `i`.
    pub fn cache_more_methods(
        &self,
        i: usize,
        class: usize,
        epoch: u64,
        method: Value,
        absent_keys: Option<usize>,
    ) {
        let replaced = {
            let mut more = self.name_cache(i).more_methods.borrow_mut();
            let more = more.get_or_insert_with(|| {
                Box::new(PolymorphicMethods {
                    epoch,
                    entries: std::array::from_fn(|_| (0, Value::Null, None)),
                    next: 0,
                })
            });
            more.insert(class, epoch, method, absent_keys)
        };
        // (`cache_method` put the code in CACHING_CODES with the first
        // entry; dropped after the borrow: a method's last reference may go.)
        drop(replaced);
    }

    /// The caches of name `i`, for writing (made for all names at the
    /// first write).
    #[inline(always)]
    pub fn name_cache(&self, i: usize) -> &NameCache {
        let caches = match self.name_caches.get() {
            Some(caches) => caches,
            None => self.make_name_caches(),
        };
        &caches[i]
    }

    #[cold]
    #[inline(never)]
    fn make_name_caches(&self) -> &[NameCache] {
        self.name_caches.get_or_init(|| {
            self.names
                .iter()
                .map(|_| NameCache {
                    global: Cell::new(None),
                    module_attribute: Cell::new(None),
                    method: RefCell::new(None),
                    more_methods: RefCell::new(None),
                })
                .collect()
        })
    }

    /// The `code` object of `code`: the same object for as long as one is
    /// alive.
    pub fn as_value(code: &Rc<Code>) -> Value {
        if let Some(object) = code.value.borrow().upgrade() {
            return Value::Obj(object);
        }
        let object = Rc::new(PyObject::Code(PyCode { code: code.clone() }));
        *code.value.borrow_mut() = Rc::downgrade(&object);
        Value::Obj(object)
    }

    /// The docstring a function made from this code gets: its first
    /// constant when that is a str (lambdas have none).
    pub fn docstring(&self) -> Value {
        match self.consts.first() {
            Some(doc) if doc.as_str_or_subclass().is_some() && &*self.name != "<lambda>" => {
                doc.clone()
            }
            _ => Value::None,
        }
    }

    /// Slots a frame of this code needs before its value stack.
    pub fn nslots(&self) -> usize {
        self.nlocals + self.ncells + self.nfree
    }

    pub fn line_of(&self, index: usize) -> u32 {
        // An instruction without a line of its own (a loop's jump back, a
        // body's closing `return None`) is on the line before it.
        (0..=index.min(self.bytecode.instructions.len()))
            .rev()
            .find_map(|i| self.bytecode.line_of(i))
            .unwrap_or(self.bytecode.first_line)
    }
}

fn constant_value(constant: &Constant, names: &mut Interner) -> PyResult {
    Ok(match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Complex { real, imag } => {
            crate::builtins::complex::Complex::new(*real, *imag).into_value()
        }
        // As CPython does, identifier-like constants (keyword names,
        // `getattr(obj, "name")`) share the interned names' objects.
        Constant::Str(s) if is_identifier(s) => names.intern(s),
        Constant::Str(s) => Value::str(s.as_str()),
        Constant::Bytes(b) => Value::bytes(b.clone()),
        Constant::Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|c| constant_value(c, names))
                .collect::<PyResult<Vec<_>>>()?,
        ),
        // Laid out as CPython's compiler lays it out: `frozenset(tuple)`
        // of the items, which `merge_consts_recursive` then builds again
        // from that frozenset's iteration order.
        Constant::FrozenSet(items) => {
            let first = crate::builtins::set::PySet::new();
            for item in items {
                first.add(constant_value(item, names)?)?;
            }
            let set = crate::builtins::set::PySet::new();
            for item in first.values() {
                set.add(item)?;
            }
            Value::frozenset(set)
        }
        Constant::Ellipsis => Value::Ellipsis,
        // Shared with the constant: a nested code object is kept once.
        Constant::Code(code) => Code::as_value(&Code::load(code.clone(), names)?),
    })
}

/// Interned names: one `str` object per identifier for all the code a VM
/// loads, so a name stored by one code object (`self.x = ...` in
/// `__init__`) and loaded by another (`self.x` in a method) is the same
/// object, and dict lookups match it by identity without comparing text.
/// Each VM has its own: dropping the VM frees them.
#[derive(Default)]
pub struct Interner {
    names: HashMap<Box<str>, Value, crate::typeobject::NameHashing>,
}

impl Interner {
    /// The interned `str` for a name.
    pub fn intern(&mut self, name: &str) -> Value {
        if let Some(value) = self.names.get(name) {
            return value.clone();
        }
        let value = Value::str(name);
        self.names.insert(Box::from(name), value.clone());
        value
    }
}

fn is_identifier(s: &str) -> bool {
    s.len() <= 64
        && s.chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && s.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// `instructions` with every attribute site after the first of its name
/// given a name index of its own (a copy of the name pushed on `names`).
///
/// The dispatch loop keeps its attribute and method caches per name index
/// ([`NameCache`]); with one index per site they are per site, as
/// CPython's inline caches are: `self.has_events` (an instance's own
/// attribute) and `self.engine.has_events` (a class value of another
/// class) in one function no longer evict each other's entry on every
/// pass. Names read once cost nothing more; a site's entry is made only
/// when it runs.
fn per_site_names(
    instructions: &[krait_bytecode::Instruction],
    names: &mut Vec<Value>,
) -> Box<[krait_bytecode::Instruction]> {
    use krait_bytecode::Instruction as I;
    use krait_bytecode::NameIdx;
    let mut seen = vec![false; names.len()];
    let mut own_index = |NameIdx(i): NameIdx| {
        let Some(first) = seen.get_mut(i as usize) else {
            return NameIdx(i);
        };
        if !*first {
            *first = true;
            return NameIdx(i);
        }
        let copy = names[i as usize].clone();
        names.push(copy);
        NameIdx(u32::try_from(names.len() - 1).unwrap_or(i))
    };
    instructions
        .iter()
        .map(|&instruction| match instruction {
            I::LoadAttr(i) => I::LoadAttr(own_index(i)),
            I::StoreAttr(i) => I::StoreAttr(own_index(i)),
            I::LoadMethod(i) => I::LoadMethod(own_index(i)),
            other => other,
        })
        .collect()
}
