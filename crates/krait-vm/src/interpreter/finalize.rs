//! Finalization: `__del__` when an instance's last reference goes,
//! `close()` of a generator dropped while suspended inside a `try` or
//! `with` (its `finally` and exits run), the callbacks of weak references
//! to a dead object, and the "coroutine ... was never awaited"
//! RuntimeWarning of a coroutine dropped before it started, as CPython
//! does on deallocation.
//!
//! A drop has no interpreter to run Python with, so the object's drop
//! moves its contents into a fresh object and queues it here (a weak
//! reference's callback is queued with the reference); the interpreter
//! runs the queue at its next call (and at the end of the program),
//! before anything else can print — so output comes in CPython's order.
//! The same check looks at the process's Ctrl-C flag (`ctrl_c_pressed`).
//! What one drop queues runs in the order it was queued, and what running
//! an entry queues (the drop of a revived object, say) runs before the
//! entries queued earlier: CPython does that work inside the deallocation
//! that caused it, depth first. A revived object is finalized once (PEP
//! 442): it is remembered until it is dropped again, and its second drop
//! frees it.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use crate::interpreter::Vm;
use crate::interpreter::warnings::warning_class;
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;

/// Work a drop left for the interpreter.
pub(crate) enum Finalize {
    /// An instance whose class defines `__del__`.
    Del(Value),
    /// A started generator or coroutine suspended where a handler applies.
    Close(Value),
    /// A coroutine that never started (its warning names it).
    Unawaited(Value),
    /// The weak references to an object that died, each with its
    /// callback, in the order CPython calls them.
    Callbacks(Vec<(Value, Value)>),
}

thread_local! {
    static PENDING: Cell<bool> = const { Cell::new(false) };
    /// What drops queued since the queue was last looked at: it goes
    /// before [`QUEUE`]'s entries.
    static INCOMING: RefCell<Vec<Finalize>> = const { RefCell::new(Vec::new()) };
    static QUEUE: RefCell<VecDeque<Finalize>> = const { RefCell::new(VecDeque::new()) };
    /// Set while `__main__`'s variables are cleared at exit.
    static AT_EXIT: Cell<bool> = const { Cell::new(false) };
    /// Addresses of revived objects: their next drop frees them.
    static REVIVED: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

/// Set by the process's SIGINT handler: the loop raises
/// `KeyboardInterrupt` at its next safe point (in a VM that turns Ctrl-C
/// into it: `Vm::set_keyboard_interrupt`). One flag for the process, as
/// signals are the process's; checked with the finalizers' flag, so a
/// program pays no more than before for it.
static CTRL_C: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// For a SIGINT handler: only an atomic store, so safe in one.
pub fn ctrl_c_pressed() {
    CTRL_C.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether Ctrl-C was pressed since the last call (lowering the flag).
pub(crate) fn take_ctrl_c() -> bool {
    // A load first: the swap is a locked exchange (a full barrier on
    // x86), and the watched loop asks before every instruction.
    CTRL_C.load(std::sync::atomic::Ordering::Relaxed)
        && CTRL_C.swap(false, std::sync::atomic::Ordering::Relaxed)
}

/// Whether a class with `__del__` was ever made (or given one): only
/// then does the exit finalize `__main__`'s objects in binding order.
static CLASS_WITH_DEL: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub(crate) fn note_class_with_del() {
    CLASS_WITH_DEL.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Whether finalizers wait, or Ctrl-C was pressed (cheap: checked before
/// every call, backward jump and store).
#[inline]
pub(crate) fn pending() -> bool {
    CTRL_C.load(std::sync::atomic::Ordering::Relaxed) || PENDING.with(Cell::get)
}

/// Asks the interpreter to look at its queue at the next safe point
/// (the collector's request for a collection).
pub(crate) fn request_run() {
    let _ = PENDING.try_with(|p| p.set(true));
}

/// Called from `PyObject`'s drop: queues a revived copy of the object
/// when it needs finalizing; true when it did (the husk then drops empty).
pub(crate) fn revive_for_finalizer(object: &mut PyObject) -> bool {
    // Most objects need nothing: decided without touching the queues.
    let candidate = match object {
        PyObject::Instance(instance) => instance.class().defines(crate::typeobject::Slot::Del),
        PyObject::Coroutine(g) => needs_close(g) || never_started(g),
        PyObject::Generator(g) | PyObject::AsyncGenerator(g) => needs_close(g),
        _ => false,
    };
    if !candidate {
        return false;
    }
    // Generators need no memory of being revived: `close()` finishes them.
    let work = match object {
        PyObject::Instance(_) => {
            let address = object as *const PyObject as usize;
            let was_revived = REVIVED
                .try_with(|r| r.borrow_mut().remove(&address))
                .unwrap_or(true);
            if was_revived {
                return false;
            }
            let PyObject::Instance(instance) = object else {
                return false;
            };
            Finalize::Del(revive(PyObject::Instance(instance.take_for_finalizer())))
        }
        PyObject::Generator(g) => {
            // CPython clears a generator's weak references before closing
            // it (`gen_dealloc`).
            g.weakrefs.clear();
            Finalize::Close(Value::obj(PyObject::Generator(g.take_for_finalizer())))
        }
        PyObject::Coroutine(g) if never_started(g) => {
            g.weakrefs.clear();
            Finalize::Unawaited(Value::obj(PyObject::Coroutine(g.take_for_finalizer())))
        }
        PyObject::Coroutine(g) => {
            g.weakrefs.clear();
            Finalize::Close(Value::obj(PyObject::Coroutine(g.take_for_finalizer())))
        }
        PyObject::AsyncGenerator(g) => {
            g.weakrefs.clear();
            Finalize::Close(Value::obj(PyObject::AsyncGenerator(g.take_for_finalizer())))
        }
        _ => return false,
    };
    queue(work)
}

/// Queues `work` for the interpreter; false when the thread's queue is
/// gone (at thread exit).
fn queue(work: Finalize) -> bool {
    let queued = INCOMING.try_with(|q| q.borrow_mut().push(work)).is_ok();
    if queued {
        let _ = PENDING.try_with(|p| p.set(true));
    }
    queued
}

/// Queues `callback(reference)` for each pair (`weakref`'s clearing of a
/// dead object's references). Not at exit: CPython frees `__main__`'s
/// objects there as cyclic garbage (its functions hold its globals), and
/// its collector calls no callback of a weak reference that is garbage
/// itself, as module-level ones are.
pub(crate) fn queue_weakref_callbacks(callbacks: Vec<(Value, Value)>) {
    if AT_EXIT.try_with(Cell::get).unwrap_or(true) {
        return;
    }
    queue(Finalize::Callbacks(callbacks));
}

/// The next entry to run, what was queued since the last look first;
/// `None` when only the `older` entries queued before this run remain.
fn next_work(older: usize) -> Option<Finalize> {
    PENDING.with(|p| p.set(false));
    let incoming = INCOMING.with(|q| std::mem::take(&mut *q.borrow_mut()));
    QUEUE.with(|q| {
        let mut queue = q.borrow_mut();
        for work in incoming.into_iter().rev() {
            queue.push_front(work);
        }
        (queue.len() > older).then(|| queue.pop_front()).flatten()
    })
}

/// Whether the collector ran `object`'s `__del__` already (PEP 442: once
/// per object), or a drop revived it for that.
pub(crate) fn is_finalized(object: &Value) -> bool {
    object.as_obj().is_some_and(|o| {
        let address = o as *const PyObject as usize;
        REVIVED
            .try_with(|r| r.borrow().contains(&address))
            .unwrap_or(true)
    })
}

/// Remembers that `object`'s `__del__` ran: its drop frees it without
/// running it again.
pub(crate) fn mark_finalized(object: &Value) {
    if let Some(o) = object.as_obj() {
        let address = o as *const PyObject as usize;
        let _ = REVIVED.try_with(|r| r.borrow_mut().insert(address));
    }
}

/// Drops an instance no code has seen (made by a fast path that then
/// gave up) without its `__del__`: it counts as finalized already.
pub(crate) fn discard_unseen(instance: Value) {
    if let Value::Obj(object) = &instance {
        let address = Rc::as_ptr(object) as usize;
        let _ = REVIVED.try_with(|r| r.borrow_mut().insert(address));
    }
}

/// A fresh instance remembered as revived (a class keeps its `__del__`,
/// so its next drop finds the mark and frees it). Its weak references
/// moved with its contents: they see it during `__del__`, as in CPython.
fn revive(object: PyObject) -> Value {
    let rc = Rc::new(object);
    crate::gc::track(&rc);
    let address = Rc::as_ptr(&rc) as usize;
    let _ = REVIVED.try_with(|r| r.borrow_mut().insert(address));
    if let PyObject::Instance(instance) = &*rc
        && let Some(weakrefs) = instance.weakrefs(false)
    {
        weakrefs.retarget(&rc);
    }
    Value::Obj(rc)
}

/// A coroutine created and never run (nor closed).
pub(crate) fn never_started(g: &crate::builtins::function::PyGenerator) -> bool {
    g.status.get() == crate::builtins::function::GeneratorStatus::Suspended
        && g.frame.try_borrow().is_ok_and(|frame| frame.pc == 0)
}

/// A generator whose `close()` would run code: started, suspended, and
/// paused where an exception handler (a `try`, a `with`) applies.
pub(crate) fn needs_close(g: &crate::builtins::function::PyGenerator) -> bool {
    if g.status.get() != crate::builtins::function::GeneratorStatus::Suspended {
        return false;
    }
    let Ok(frame) = g.frame.try_borrow() else {
        return false;
    };
    frame.pc > 0
        && frame
            .code
            .bytecode
            .exception_table
            .handler_for(frame.pc.saturating_sub(1) as u32)
            .is_some()
}

impl Vm {
    /// Lets go of what the VM holds that Python code made (its frames,
    /// `__main__`'s namespace, the imported modules) and collects the
    /// cycles that leaves, so a VM an embedder drops leaves no garbage for
    /// a later collection, or the process's end, to find (every function
    /// and its module's namespace are a cycle). `__del__` methods of what
    /// goes run, as in a collection; `atexit` functions do not (the end of
    /// an embedded interpreter is the host's, not the program's). The VM
    /// is not for running code afterwards.
    pub fn release(&mut self) {
        self.frames.clear();
        self.stack.clear();
        self.handled = Value::None;
        for namespace in [&self.main_globals, &self.modules] {
            if let Some(dict) = namespace.as_dict_or_subclass() {
                dict.clear_for_collector();
            }
        }
        crate::builtins::function::drop_retired();
        self.run_finalizers();
        self.collect_garbage(crate::gc::GENERATIONS - 1);
        self.run_finalizers();
    }

    /// What CPython does at exit that a program can see: the queued
    /// finalizers and the `atexit` functions run, cyclic garbage is
    /// collected, then `__main__` goes. Its namespace is then garbage
    /// (each function defined in it refers back to it), so the collection
    /// that follows runs the `__del__` of the module-level objects while
    /// every name is still bound (PEP 442), oldest first, as CPython's
    /// does. A namespace still referred to from elsewhere has its
    /// variables cleared in the order they were bound instead (as a dict
    /// freed without a cycle lets go of its values).
    pub fn shutdown(&mut self) {
        self.run_finalizers();
        self.run_atexit();
        self.run_finalizers();
        if crate::gc::is_enabled() {
            self.collect_garbage(crate::gc::GENERATIONS - 1);
        }
        AT_EXIT.with(|a| a.set(true));
        if CLASS_WITH_DEL.load(std::sync::atomic::Ordering::Relaxed) {
            // (A walk over everything the program holds: only when some
            // object may have a `__del__` whose order shows.)
            self.finalize_in_binding_order(&self.main_globals.clone());
        }
        let globals = std::mem::replace(
            &mut self.main_globals,
            Value::dict(crate::builtins::dict::PyDict::new()),
        );
        if let Some(modules) = self.modules.as_dict() {
            let _ = modules.del_item(&Value::str("__main__"));
        }
        let still_held = match &globals {
            Value::Obj(dict) => {
                let weak = Rc::downgrade(dict);
                drop(globals);
                self.run_finalizers();
                self.collect_garbage(crate::gc::GENERATIONS - 1);
                self.run_finalizers();
                weak.upgrade()
            }
            _ => None,
        };
        if let Some(dict) = still_held.as_ref().and_then(|d| match &**d {
            PyObject::Dict(dict) => Some(dict),
            _ => None,
        }) {
            let keys: Vec<Value> = dict.table().iter().map(|(k, _)| k.clone()).collect();
            for key in keys {
                if key.as_str().is_some_and(|k| k.as_str() == "__builtins__") {
                    continue;
                }
                let _ = dict.set_item(key, Value::None);
                if pending() {
                    self.run_finalizers();
                }
            }
            self.collect_garbage(crate::gc::GENERATIONS - 1);
        }
        AT_EXIT.with(|a| a.set(false));
    }

    /// Finalizes the objects a namespace holds in the order CPython's
    /// collector meets them at exit when they are all of one generation
    /// (the order they were made, near enough): the names in binding
    /// order, depth first through the containers and instances they hold
    /// (not into modules, classes or functions, which others share). The
    /// collection that follows then finalizes none of them again (PEP
    /// 442); without this its order would depend on which generations
    /// earlier collections left them in.
    fn finalize_in_binding_order(&mut self, namespace: &Value) {
        let mut order = Vec::new();
        let mut seen = HashSet::new();
        let mut waiting = vec![namespace.clone()];
        while let Some(value) = waiting.pop() {
            let Some(object) = value.as_obj() else {
                continue;
            };
            if !seen.insert(object as *const PyObject as usize) {
                continue;
            }
            if matches!(
                object,
                PyObject::List(_)
                    | PyObject::Tuple(_)
                    | PyObject::Dict(_)
                    | PyObject::Set(_)
                    | PyObject::FrozenSet(_)
                    | PyObject::Instance(_)
            ) {
                let mut inside = Vec::new();
                object.traverse(&mut |v| {
                    if v.as_obj().is_some() {
                        inside.push(v.clone());
                    }
                });
                waiting.extend(inside.into_iter().rev());
            }
            order.push(value);
        }
        for object in &order {
            self.finalize_garbage_object(object);
            if pending() {
                self.run_finalizers();
            }
        }
    }

    /// After a `del` statement: what its drop queued runs at once, as the
    /// deallocation would in CPython (`del x; print(ref())` sees the
    /// callback's effects even with no call in between).
    #[inline(always)]
    pub(crate) fn finalize_if_pending(&mut self) {
        if pending() {
            self.run_finalizers_cold();
        }
    }

    #[cold]
    #[inline(never)]
    fn run_finalizers_cold(&mut self) {
        self.run_finalizers();
    }

    /// What [`pending`] asks for, at a point of the loop where an
    /// exception can be raised: the queued finalizers, then Ctrl-C's
    /// `KeyboardInterrupt`.
    #[cold]
    #[inline(never)]
    pub(crate) fn run_pending(&mut self) -> crate::PyResult<()> {
        self.run_finalizers();
        self.check_keyboard_interrupt()
    }

    /// Runs the queued finalizers (and those their code queues). Run
    /// again from inside one (its code makes a call after a drop queued
    /// more), it runs only what was queued since: the entries that were
    /// waiting run after the one that is running, as in CPython.
    pub(crate) fn run_finalizers(&mut self) {
        self.collect_if_due();
        let older = QUEUE.with(|q| q.borrow().len());
        while let Some(work) = next_work(older) {
            match work {
                Finalize::Del(object) => {
                    let result = self
                        .get_attr(&object, "__del__")
                        .and_then(|del| self.call_native(&del, Vec::new(), &[]));
                    if let Err(err) = result {
                        let del = crate::typeobject::class_of(&object).lookup("__del__");
                        self.report_unraisable(&err, "in", del.as_ref().unwrap_or(&object));
                    }
                    drop(object);
                }
                Finalize::Close(object) => {
                    if let Err(err) = self.close_generator(&object) {
                        self.report_unraisable(&err, "in", &object);
                    }
                    drop(object);
                }
                Finalize::Callbacks(callbacks) => {
                    for (reference, callback) in callbacks {
                        if let Err(err) = self.call_native(&callback, vec![reference], &[]) {
                            self.report_unraisable(&err, "in", &callback);
                        }
                    }
                }
                Finalize::Unawaited(object) => {
                    if let Err(err) = self.warn_unawaited(&object) {
                        self.report_unraisable(&err, "in", &object);
                    }
                    drop(object);
                }
            }
        }
        // What waits is older than this run: its caller runs it.
        PENDING.with(|p| p.set(false));
    }

    /// `RuntimeWarning: coroutine 'f' was never awaited`, located where
    /// the coroutine was dropped (warnings' `_warn_unawaited_coroutine`);
    /// at exit, with no frame left, CPython's plain `sys:1:` form. The
    /// coroutine is then closed, so its next drop frees it.
    pub(crate) fn warn_unawaited(&mut self, coroutine: &Value) -> crate::PyResult {
        let Some(PyObject::Coroutine(g)) = coroutine.as_obj() else {
            return Ok(Value::None);
        };
        g.status
            .set(crate::builtins::function::GeneratorStatus::Finished);
        let message = Value::str(format!(
            "coroutine '{}' was never awaited",
            g.qualname.borrow()
        ));
        let source = if self.frames.is_empty() {
            Value::None
        } else {
            coroutine.clone()
        };
        self.call_warnings(
            "warn",
            vec![message, warning_class(ExcType::RuntimeWarning), source],
            &["source"],
        )
    }

    /// The text of the files `err`'s traceback (and those of the
    /// exceptions chained to it) goes through, read through the host as
    /// CPython's `linecache` reads them; files it cannot read are left out.
    pub(crate) fn traceback_sources(
        &mut self,
        err: &crate::PyErr,
    ) -> std::collections::HashMap<String, String> {
        let mut sources = std::collections::HashMap::new();
        let mut pending = vec![err.value()];
        let mut seen = 0;
        while let Some(exception) = pending.pop() {
            seen += 1;
            let Some(PyObject::Exception(e)) = exception.as_obj() else {
                continue;
            };
            let files: Vec<String> = e
                .traceback
                .borrow()
                .iter()
                .map(|entry| entry.filename.to_string())
                .collect();
            for file in files {
                if file.starts_with('<') || sources.contains_key(&file) {
                    continue;
                }
                if let Ok(bytes) = self.host.read_file(&file) {
                    sources.insert(file, String::from_utf8_lossy(&bytes).into_owned());
                }
            }
            // A chain is short; a cyclic one stops here.
            if seen < 100 {
                pending.extend(e.cause.borrow().clone());
                pending.extend(e.context.borrow().clone());
            }
        }
        sources
    }

    /// CPython's "Exception ignored in: ..." report of an error nobody can
    /// catch (raised by `__del__`, a generator's cleanup, a weak
    /// reference's callback, an `atexit` function): `context` is what
    /// follows "Exception ignored", `object` is shown by its repr.
    pub(crate) fn report_unraisable(&mut self, err: &crate::PyErr, context: &str, object: &Value) {
        let what = self.repr(object).unwrap_or_default();
        let sources = self.traceback_sources(err);
        let text = self.format_exception_text(
            err,
            &|filename, line| {
                let text = sources.get(filename)?;
                text.lines()
                    .nth((line as usize).checked_sub(1)?)
                    .map(str::to_string)
            },
            false,
        );
        let message = format!("Exception ignored {context}: {what}\n{text}");
        let _ = self.write_stderr(&message);
    }
}
