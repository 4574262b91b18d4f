//! The cycle collector's interpreter half: what happens to the garbage
//! `crate::gc` finds, in CPython 3.11's order (`gc_collect_main`):
//!
//! 1. weak references to garbage objects are cleared, and the callbacks
//!    of those that are not garbage themselves run;
//! 2. finalizers run, once per object (PEP 442): `__del__` of instances,
//!    `close()` of generators and coroutines suspended in a `try`/`with`,
//!    the "never awaited" warning of coroutines that never started;
//! 3. what a finalizer stored somewhere alive (resurrected), and what it
//!    reaches, is alive again: the analysis is redone over the garbage;
//! 4. the rest is cleared (CPython's `tp_clear`: lists, dicts, sets,
//!    instances' attributes, cells, functions' defaults, generators'
//!    frames, exceptions' arguments), and reference counting frees it.
//!
//! Collections run where finalizers run (before a call, where a statement
//! lets go of a value, at a loop's jump back) when generation 0 has grown
//! past its threshold, and from `gc.collect()`.

use std::collections::HashSet;

use crate::gc;
use crate::interpreter::Vm;
use crate::interpreter::finalize;
use crate::object::PyObject;
use crate::value::Value;

/// `gc.set_debug` flags the collector honours.
pub const DEBUG_SAVEALL: i64 = 32;

impl Vm {
    /// Runs the collection the allocation counts ask for, if any.
    pub(crate) fn collect_if_due(&mut self) {
        if let Some(generation) = gc::due_generation() {
            self.collect_garbage(generation);
        }
    }

    /// Collects generations `0..=generation`; the number of unreachable
    /// objects found (0 when a collection is running already).
    pub(crate) fn collect_garbage(&mut self, generation: usize) -> usize {
        if !gc::begin_collection() {
            return 0;
        }
        if generation == gc::GENERATIONS - 1 {
            // The lookup caches hold methods (CPython's hold borrowed
            // references): a class of the garbage must not be kept
            // alive by its method being the last one looked up.
            crate::typeobject::clear_lookup_cache();
            crate::interpreter::class::clear_super_cache();
            crate::interpreter::code::clear_method_caches();
            self.method_lookups.clear();
            self.attribute_lookups.clear();
        }
        // The callbacks run inside the collection, as in CPython: what
        // they allocate starts no other.
        self.run_gc_callbacks("start", generation, 0);
        let garbage = gc::find_unreachable(generation);
        let collected = if garbage.is_empty() {
            0
        } else {
            self.dispose_of_garbage(garbage)
        };
        self.run_gc_callbacks("stop", generation, collected);
        gc::end_collection(generation, collected);
        collected
    }

    /// Steps 1-4 of the module's doc; the number of objects freed.
    fn dispose_of_garbage(&mut self, garbage: gc::Garbage) -> usize {
        let weakly_referenced = garbage.objects.iter().any(|object| {
            object
                .as_obj()
                .and_then(crate::builtins::weakref::weakref_list)
                .is_some()
        }) || garbage
            .classes
            .iter()
            .any(|class| !class.weakrefs.is_empty());
        if weakly_referenced {
            let addresses: HashSet<usize> = garbage
                .objects
                .iter()
                .filter_map(|v| v.as_obj().map(|o| o as *const PyObject as usize))
                .collect();
            let lists = garbage
                .objects
                .iter()
                .filter_map(|object| {
                    object
                        .as_obj()
                        .and_then(crate::builtins::weakref::weakref_list)
                })
                .chain(garbage.classes.iter().map(|class| &class.weakrefs));
            for list in lists {
                list.clear_in_collection(&addresses);
            }
        }
        self.run_finalizers();
        let mut finalized = false;
        for object in &garbage.objects {
            finalized |= self.finalize_garbage_object(object);
        }
        self.run_finalizers();
        let garbage = if finalized {
            gc::still_unreachable(garbage)
        } else {
            garbage
        };
        let count = garbage.len();
        if self.gc_debug & DEBUG_SAVEALL != 0 {
            if let Some(list) = self.gc_garbage.as_list() {
                for object in garbage.objects {
                    list.append(object);
                }
                for class in garbage.classes {
                    list.append(crate::builtins::constructors::type_value(&class));
                }
            }
            return count;
        }
        for object in &garbage.objects {
            if let Some(o) = object.as_obj() {
                o.clear_for_collector();
            }
        }
        for class in &garbage.classes {
            class.clear_for_collector();
        }
        drop(garbage);
        // What the clearing's drops queued (`__del__` of objects the
        // garbage held, weak reference callbacks) runs now.
        self.run_finalizers();
        count
    }

    /// Runs `object`'s finalizer if it has one that has not run; whether
    /// it did.
    pub(crate) fn finalize_garbage_object(&mut self, object: &Value) -> bool {
        let Some(o) = object.as_obj() else {
            return false;
        };
        match o {
            PyObject::Instance(instance)
                if instance.class().defines(crate::typeobject::Slot::Del)
                    && !finalize::is_finalized(object) =>
            {
                finalize::mark_finalized(object);
                let result = self
                    .get_attr(object, "__del__")
                    .and_then(|del| self.call_native(&del, Vec::new(), &[]));
                if let Err(err) = result {
                    let del = crate::typeobject::class_of(object).lookup("__del__");
                    self.report_unraisable(&err, "in", del.as_ref().unwrap_or(object));
                }
                true
            }
            PyObject::Coroutine(g) if finalize::never_started(g) => {
                if let Err(err) = self.warn_unawaited(object) {
                    self.report_unraisable(&err, "in", object);
                }
                true
            }
            PyObject::Generator(g) | PyObject::Coroutine(g) | PyObject::AsyncGenerator(g)
                if finalize::needs_close(g) =>
            {
                if let Err(err) = self.close_generator(object) {
                    self.report_unraisable(&err, "in", object);
                }
                true
            }
            _ => false,
        }
    }

    /// Calls each of `gc.callbacks` with `phase` and the collection's
    /// figures, as CPython's `invoke_gc_callback` does.
    fn run_gc_callbacks(&mut self, phase: &str, generation: usize, collected: usize) {
        let callbacks = match self.gc_callbacks.as_list() {
            Some(list) if !list.is_empty() => list.snapshot(),
            _ => return,
        };
        let info = crate::builtins::dict::PyDict::new();
        let _ = info.set_item(Value::str("generation"), Value::Int(generation as i64));
        let _ = info.set_item(Value::str("collected"), Value::Int(collected as i64));
        let _ = info.set_item(Value::str("uncollectable"), Value::Int(0));
        let info = Value::dict(info);
        for callback in callbacks {
            let args = vec![Value::str(phase), info.clone()];
            if let Err(err) = self.call_native(&callback, args, &[]) {
                self.report_unraisable(&err, "in garbage collection callback", &callback);
            }
        }
    }
}
