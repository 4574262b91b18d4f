//! The cycle collector's object-layer half: which objects are tracked, in
//! which generation, and which of them only cycles keep alive.
//!
//! Reference counting (`Rc`) frees everything but reference cycles. For
//! those, as CPython does, the mutable container kinds (list, dict, set,
//! instance, function, cell, generator, exception, native objects) are
//! *tracked* when made: a pointer in one of three generation lists, its
//! place kept in the object's [`GcHeader`]. A collection of generation
//! `g` takes generations `0..=g` and finds, by trial deletion, the objects
//! no reference from outside the set keeps alive: each starts with its
//! `Rc` strong count, the references the set's objects hold to each other
//! are subtracted ([`crate::object::PyObject::traverse`]), what is left
//! above zero is referenced from outside (a frame, a Rust caller, an older
//! object, a class), and everything reachable from those is alive. The
//! rest is garbage; the interpreter finalizes and clears it
//! (`interpreter/collect.rs`).
//!
//! Immutable containers (tuples, frozensets, bound methods, iterators...)
//! cannot close a cycle by themselves, so they are not tracked (no cost at
//! their birth and death); a collection takes in those it reaches from
//! its objects, so a cycle through a tuple or a bound method is found too.
//!
//! Classes are held as `Rc<TypeObject>`, not as values, and are nodes of
//! the analysis of their own (`Reference::Class`): the classes `class`
//! statements made are in generations too (`track_class`), weakly;
//! builtin types are never garbage.
//!
//! Safety of the analysis: every reference the set does not account for
//! counts as external, so a reference an object holds but does not
//! report (or cannot report: a container borrowed mutably right now)
//! only keeps more alive. Only a reported reference that is not held
//! could free a live object; `traverse` must report each held reference
//! exactly once.
//!
//! Nothing here needs the interpreter; this module must not depend on
//! `crate::interpreter`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use crate::object::PyObject;
use crate::typeobject::TypeObject;
use crate::value::Value;

/// The number of generations collections run over.
pub const GENERATIONS: usize = 3;
/// The list of objects `gc.freeze()` moved out of every collection.
const PERMANENT: usize = GENERATIONS;

const UNTRACKED: u32 = u32::MAX;
const INDEX_BITS: u32 = 30;
const INDEX_MASK: u32 = (1 << INDEX_BITS) - 1;

/// Where a tracked object's pointer is: generation and index, or
/// untracked. Four bytes in each object of a tracked kind.
pub struct GcHeader(Cell<u32>);

impl GcHeader {
    pub const fn new() -> GcHeader {
        GcHeader(Cell::new(UNTRACKED))
    }

    pub fn is_tracked(&self) -> bool {
        self.0.get() != UNTRACKED
    }

    #[inline]
    fn place(&self) -> Option<(usize, usize)> {
        let word = self.0.get();
        (word != UNTRACKED).then_some(((word >> INDEX_BITS) as usize, (word & INDEX_MASK) as usize))
    }

    #[inline]
    fn set_place(&self, generation: usize, index: usize) {
        debug_assert!(index <= INDEX_MASK as usize);
        self.0
            .set(((generation as u32) << INDEX_BITS) | index as u32);
    }
}

impl Default for GcHeader {
    fn default() -> GcHeader {
        GcHeader::new()
    }
}

/// A copy of an object is a new object: untracked until it is made a
/// value (`track`).
impl Clone for GcHeader {
    fn clone(&self) -> GcHeader {
        GcHeader::new()
    }
}

/// Per-generation figures for `gc.get_stats()`.
#[derive(Clone, Copy, Default)]
pub struct GenerationStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

struct Registry {
    /// The tracked objects of each generation (and the permanent one);
    /// null where an object died since the list was last compacted.
    lists: [Vec<*const PyObject>; GENERATIONS + 1],
    dead: [usize; GENERATIONS + 1],
    /// `gc.set_threshold`'s values (0 or less: never automatically).
    threshold: [i64; GENERATIONS],
    /// Collections of the next younger generation since this one's last
    /// (index 0 unused: generation 0's count is its live objects).
    count: [usize; GENERATIONS],
    enabled: bool,
    collecting: bool,
    /// Objects that reached the oldest generation since its last
    /// collection, and how many it had after it (CPython's rule: a full
    /// collection waits until the first is a quarter of the second).
    long_lived_pending: usize,
    long_lived_total: usize,
    stats: [GenerationStats; GENERATIONS],
}

impl Registry {
    fn live(&self, generation: usize) -> usize {
        self.lists[generation].len() - self.dead[generation]
    }

    fn push(&mut self, generation: usize, object: *const PyObject, header: &GcHeader) {
        let list = &mut self.lists[generation];
        header.set_place(generation, list.len());
        list.push(object);
        if list.len() >= 1024 && self.dead[generation] * 2 > list.len() {
            self.compact(generation);
        }
    }

    fn remove(&mut self, generation: usize, index: usize) {
        let list = &mut self.lists[generation];
        if index + 1 == list.len() {
            list.pop();
            while list.last().is_some_and(|p| p.is_null()) {
                list.pop();
                self.dead[generation] -= 1;
            }
        } else if let Some(slot) = list.get_mut(index) {
            *slot = std::ptr::null();
            self.dead[generation] += 1;
        }
    }

    /// Drops the dead entries, renumbering the live ones.
    fn compact(&mut self, generation: usize) {
        let list = &mut self.lists[generation];
        list.retain(|p| !p.is_null());
        for (index, &object) in list.iter().enumerate() {
            header_of(object).set_place(generation, index);
        }
        self.dead[generation] = 0;
    }

    /// Appends the live objects of generation `from` to generation `to`.
    fn move_all(&mut self, from: usize, to: usize) {
        let moved = std::mem::take(&mut self.lists[from]);
        self.dead[from] = 0;
        for object in moved.into_iter().filter(|p| !p.is_null()) {
            let list = &mut self.lists[to];
            header_of(object).set_place(to, list.len());
            list.push(object);
        }
    }
}

thread_local! {
    // Const-initialized: every tracked object's birth and death reach
    // it, with no lazy-initialization check.
    static REGISTRY: RefCell<Registry> = const {
        RefCell::new(Registry {
            lists: [const { Vec::new() }; GENERATIONS + 1],
            dead: [0; GENERATIONS + 1],
            threshold: [700, 10, 10],
            count: [0; GENERATIONS],
            enabled: true,
            collecting: false,
            long_lived_pending: 0,
            long_lived_total: 0,
            stats: [GenerationStats {
                collections: 0,
                collected: 0,
                uncollectable: 0,
            }; GENERATIONS],
        })
    };
    /// Set when generation 0 passed its threshold: the interpreter
    /// collects at its next safe point.
    static DUE: Cell<bool> = const { Cell::new(false) };
}

thread_local! {
    /// The classes `class` statements made, by generation, as the tracked
    /// objects are: a collection of generation `g` takes those of
    /// `0..=g` as candidates (nothing need refer to a class from the set
    /// for it to be garbage: `A.me = A`), and they move one generation up.
    /// Weak: the lists keep no class alive, but a dead entry keeps its
    /// class's memory until it goes (at the collections of its
    /// generation, and whenever generation 0 has doubled since). The last
    /// list is the permanent generation's (`gc.freeze()`), which no
    /// collection takes.
    static CLASSES: RefCell<ClassLists> = const {
        RefCell::new(ClassLists {
            generations: [const { Vec::new() }; GENERATIONS + 1],
            pruned_length: 0,
        })
    };
}

struct ClassLists {
    generations: [Vec<std::rc::Weak<TypeObject>>; GENERATIONS + 1],
    /// Generation 0's length after its dead entries last went.
    pruned_length: usize,
}

/// Makes a class made by a `class` statement a candidate of collections.
pub(crate) fn track_class(class: &Rc<TypeObject>) {
    let _ = CLASSES.try_with(|lists| {
        if let Ok(mut lists) = lists.try_borrow_mut() {
            let lists = &mut *lists;
            let young = &mut lists.generations[0];
            if young.len() >= 2 * lists.pruned_length.max(64) {
                young.retain(|class| class.strong_count() > 0);
                lists.pruned_length = young.len();
            }
            young.push(Rc::downgrade(class));
        }
    });
}

/// The live classes of generations `0..=generation` (see [`CLASSES`]),
/// moved to the next generation up (the oldest stays).
fn classes_to_collect(generation: usize) -> Vec<*const TypeObject> {
    CLASSES
        .try_with(|lists| {
            let mut lists = lists.borrow_mut();
            let older = (generation + 1).min(GENERATIONS - 1);
            let mut taken = Vec::new();
            for g in 0..=generation {
                taken.extend(
                    std::mem::take(&mut lists.generations[g])
                        .into_iter()
                        .filter(|class| class.strong_count() > 0),
                );
            }
            lists.pruned_length = 0;
            let addresses = taken.iter().map(std::rc::Weak::as_ptr).collect();
            lists.generations[older].extend(taken);
            addresses
        })
        .unwrap_or_default()
}

/// The header of a tracked object, which is alive (it untracks itself
/// first thing when it dies).
fn header_of<'a>(object: *const PyObject) -> &'a GcHeader {
    // SAFETY: pointers in the registry are of live objects; every object
    // of a tracked kind has a header.
    unsafe { &*object }
        .gc_header()
        .expect("a tracked object has a header")
}

/// A new strong reference to a live object known by its address.
fn value_of(object: *const PyObject) -> Value {
    // SAFETY: the pointer came from `Rc::as_ptr` and the object is alive;
    // the strong count is raised before an `Rc` is made of it.
    unsafe {
        Rc::increment_strong_count(object);
        Value::Obj(Rc::from_raw(object))
    }
}

fn strong_count(object: *const PyObject) -> usize {
    // SAFETY: as in `value_of`; the `Rc` is never dropped.
    let rc = ManuallyDrop::new(unsafe { Rc::from_raw(object) });
    Rc::strong_count(&rc)
}

/// Starts tracking a new object of a tracked kind (called as it becomes a
/// value); asks for a collection when generation 0 has grown past its
/// threshold.
#[inline]
pub(crate) fn track(object: &Rc<PyObject>) {
    let Some(header) = object.gc_header() else {
        return;
    };
    if header.is_tracked() {
        return;
    }
    let _ = REGISTRY.try_with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return;
        };
        r.push(0, Rc::as_ptr(object), header);
        if r.live(0) as i64 > r.threshold[0] && r.enabled && r.threshold[0] > 0 && !r.collecting {
            let _ = DUE.try_with(|d| d.set(true));
            crate::interpreter::finalize::request_run();
        }
    });
}

/// Forgets a dying object (its drop calls this first).
#[inline]
pub(crate) fn untrack(header: &GcHeader) {
    let Some((generation, index)) = header.place() else {
        return;
    };
    header.0.set(UNTRACKED);
    let _ = REGISTRY.try_with(|r| {
        // The registry is borrowed only for bookkeeping that drops
        // nothing, so this borrow never fails while the thread lives.
        if let Ok(mut r) = r.try_borrow_mut() {
            r.remove(generation, index);
        }
    });
}

fn with_registry<T>(f: impl FnOnce(&mut Registry) -> T) -> T {
    REGISTRY.with(|r| f(&mut r.borrow_mut()))
}

/// The generation an automatic collection should take now, if any
/// (CPython's `gc_collect_generations`), clearing the request.
pub fn due_generation() -> Option<usize> {
    if !DUE.try_with(|d| d.replace(false)).unwrap_or(false) {
        return None;
    }
    with_registry(|r| {
        if !r.enabled || r.collecting {
            return None;
        }
        (0..GENERATIONS).rev().find(|&g| {
            let count = if g == 0 { r.live(0) } else { r.count[g] };
            count as i64 > r.threshold[g]
                && r.threshold[g] > 0
                && !(g == GENERATIONS - 1 && r.long_lived_pending < r.long_lived_total / 4)
        })
    })
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(enabled: bool) {
    with_registry(|r| r.enabled = enabled);
}

pub fn is_enabled() -> bool {
    with_registry(|r| r.enabled)
}

/// Whether a collection is running (`gc.collect()` inside a finalizer
/// returns 0 then, as CPython does).
pub fn is_collecting() -> bool {
    with_registry(|r| r.collecting)
}

/// `gc.get_count()`.
pub fn counts() -> [usize; GENERATIONS] {
    with_registry(|r| [r.live(0), r.count[1], r.count[2]])
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [i64; GENERATIONS] {
    with_registry(|r| r.threshold)
}

/// `gc.set_threshold(...)`: the generations given.
pub fn set_thresholds(values: &[i64]) {
    with_registry(|r| {
        for (slot, &value) in r.threshold.iter_mut().zip(values) {
            *slot = value;
        }
    });
}

pub fn stats() -> [GenerationStats; GENERATIONS] {
    with_registry(|r| r.stats)
}

/// `gc.freeze()`: every tracked object moves to the permanent generation,
/// which no collection looks at.
pub fn freeze() {
    with_registry(|r| {
        for generation in 0..GENERATIONS {
            r.move_all(generation, PERMANENT);
        }
        r.count = [0; GENERATIONS];
    });
    move_classes(0..GENERATIONS, PERMANENT);
}

/// `gc.unfreeze()`: back into the oldest generation.
pub fn unfreeze() {
    with_registry(|r| r.move_all(PERMANENT, GENERATIONS - 1));
    move_classes(PERMANENT..PERMANENT + 1, GENERATIONS - 1);
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    let classes = CLASSES
        .try_with(|lists| {
            let lists = lists.borrow();
            lists.generations[PERMANENT]
                .iter()
                .filter(|class| class.strong_count() > 0)
                .count()
        })
        .unwrap_or(0);
    with_registry(|r| r.live(PERMANENT)) + classes
}

/// Moves the live classes of the generations `from` to `to`.
fn move_classes(from: std::ops::Range<usize>, to: usize) {
    let _ = CLASSES.try_with(|lists| {
        if let Ok(mut lists) = lists.try_borrow_mut() {
            let mut moved = Vec::new();
            for g in from {
                moved.extend(
                    std::mem::take(&mut lists.generations[g])
                        .into_iter()
                        .filter(|class| class.strong_count() > 0),
                );
            }
            lists.generations[to].extend(moved);
            lists.pruned_length = lists.generations[0].len();
        }
    });
}

/// The tracked objects of one generation, or of all (`gc.get_objects()`).
pub fn objects(generation: Option<usize>) -> Vec<Value> {
    let mut objects = with_registry(|r| {
        let lists: Vec<usize> = match generation {
            Some(g) => vec![g],
            // (Not the permanent generation, as in CPython.)
            None => (0..GENERATIONS).collect(),
        };
        lists
            .into_iter()
            .flat_map(|g| r.lists[g].iter())
            .filter(|p| !p.is_null())
            .map(|&p| value_of(p))
            .collect::<Vec<_>>()
    });
    // The classes `class` statements made, as CPython lists its heap types.
    let _ = CLASSES.try_with(|lists| {
        let lists = lists.borrow();
        let generations = match generation {
            Some(g) => lists.generations.get(g..=g).unwrap_or_default(),
            None => &lists.generations[..GENERATIONS],
        };
        objects.extend(
            generations
                .iter()
                .flatten()
                .filter_map(std::rc::Weak::upgrade)
                .map(|class| crate::builtins::constructors::type_value(&class)),
        );
    });
    objects
}

/// Whether `value` is tracked (for `gc.is_tracked`).
pub fn is_tracked(value: &Value) -> bool {
    match value {
        Value::Obj(o) => o.gc_header().is_some_and(GcHeader::is_tracked),
        _ => false,
    }
}

/// Marks the start of a collection of `generation` (automatic ones and
/// `gc.collect()` alike); false when one is running already.
pub fn begin_collection() -> bool {
    with_registry(|r| !std::mem::replace(&mut r.collecting, true))
}

/// The end of a collection of `generation` that freed `collected`
/// objects: the generation counts as CPython keeps them.
pub fn end_collection(generation: usize, collected: usize) {
    with_registry(|r| {
        r.collecting = false;
        if generation + 1 < GENERATIONS {
            r.count[generation + 1] += 1;
        }
        for g in 1..=generation {
            r.count[g] = 0;
        }
        let stats = &mut r.stats[generation];
        stats.collections += 1;
        stats.collected += collected;
    });
}

/// What a collection found unreachable, each held once more here: tracked
/// objects and the untracked containers they reach, and classes made by
/// `class` statements (not tracked: found through what refers to them).
#[derive(Default)]
pub struct Garbage {
    pub objects: Vec<Value>,
    pub classes: Vec<Rc<TypeObject>>,
}

impl Garbage {
    pub fn len(&self) -> usize {
        self.objects.len() + self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The garbage of generations `0..=generation`: the tracked objects (and
/// the untracked containers and classes they reach) that only references
/// among themselves keep alive. The survivors move one generation up.
pub fn find_unreachable(generation: usize) -> Garbage {
    let candidates = with_registry(|r| {
        for younger in 0..generation {
            r.move_all(younger, generation);
        }
        r.compact(generation);
        std::mem::take(&mut r.lists[generation])
    });
    // From here to the end of the analysis nothing is dropped or made:
    // the headers of the candidates give their index in `candidates`.
    // The list is moved, never copied: a full collection of a big heap
    // must not need a second list of it.
    let tracked = candidates.len();
    let classes = classes_to_collect(generation);
    let (garbage, candidates) = {
        let mut graph = Graph::new(generation, candidates, classes);
        graph.subtract_internal_references();
        let (objects, classes) = graph.unreachable();
        let mut candidates = std::mem::take(&mut graph.objects);
        candidates.truncate(tracked);
        let garbage = Garbage {
            objects: objects.into_iter().map(value_of).collect(),
            classes: classes.into_iter().map(class_of_address).collect(),
        };
        (garbage, candidates)
    };
    // The survivors (and, until they die, the garbage) go one up.
    with_registry(|r| {
        let older = (generation + 1).min(GENERATIONS - 1);
        if older == generation && r.lists[older].is_empty() {
            // The oldest generation: same list, same places.
            r.long_lived_pending = 0;
            r.long_lived_total = candidates.len();
            r.lists[older] = candidates;
            return;
        }
        let list = &mut r.lists[older];
        let before = list.len();
        for &object in &candidates {
            header_of(object).set_place(older, list.len());
            list.push(object);
        }
        if generation == GENERATIONS - 1 {
            r.long_lived_pending = 0;
            r.long_lived_total = r.lists[older].len();
        } else if older == GENERATIONS - 1 {
            r.long_lived_pending += r.lists[older].len() - before;
        }
    });
    garbage
}

/// Of `garbage` (held once each by its vectors), what is still garbage
/// after finalizers ran: an object one of them stored somewhere alive
/// (resurrected), and everything it reaches, is not.
pub fn still_unreachable(garbage: Garbage) -> Garbage {
    let pointers: Vec<*const PyObject> = garbage
        .objects
        .iter()
        .filter_map(|v| v.as_obj().map(|o| o as *const PyObject))
        .collect();
    let classes: Vec<*const TypeObject> = garbage.classes.iter().map(Rc::as_ptr).collect();
    let (objects, classes) = {
        let mut graph = Graph::over(&pointers, &classes);
        // The vectors' own references are not outside ones.
        for refs in graph.refs.iter_mut().chain(graph.class_refs.iter_mut()) {
            take_internal(refs);
        }
        graph.subtract_internal_references();
        graph.unreachable()
    };
    let objects: std::collections::HashSet<*const PyObject> = objects.into_iter().collect();
    let classes: std::collections::HashSet<*const TypeObject> = classes.into_iter().collect();
    Garbage {
        objects: garbage
            .objects
            .into_iter()
            .filter(|v| {
                v.as_obj()
                    .is_some_and(|o| objects.contains(&(o as *const PyObject)))
            })
            .collect(),
        classes: garbage
            .classes
            .into_iter()
            .filter(|class| classes.contains(&Rc::as_ptr(class)))
            .collect(),
    }
}

/// A reference the analysis follows: to an object, or to a class (which
/// objects hold as `Rc<TypeObject>`, not as a value).
pub(crate) enum Reference<'a> {
    Value(&'a Value),
    Class(&'a TypeObject),
}

/// A new strong reference to a live class known by its address.
fn class_of_address(class: *const TypeObject) -> Rc<TypeObject> {
    // SAFETY: classes are only ever held in `Rc`s, so the address came
    // from one; the class is alive and its count is raised first.
    unsafe {
        Rc::increment_strong_count(class);
        Rc::from_raw(class)
    }
}

fn class_strong_count(class: *const TypeObject) -> usize {
    // SAFETY: as in `class_of_address`; the `Rc` is never dropped.
    let rc = ManuallyDrop::new(unsafe { Rc::from_raw(class) });
    Rc::strong_count(&rc)
}

/// A hasher for object addresses: the analysis looks up every reference
/// to an object outside the collected generation by its address, where
/// SipHash's cost was a tenth of a young collection.
#[derive(Default)]
pub(crate) struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_usize(&mut self, n: usize) {
        let h = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

/// Where the analysis is: an object or a class of the set, by index.
#[derive(Clone, Copy)]
enum Node {
    Object(usize),
    Class(usize),
}

/// The objects of one analysis and what is known of each.
struct Graph {
    /// The generation whose tracked objects are in the set (their
    /// headers give their index); `None` when the set is explicit.
    generation: Option<usize>,
    objects: Vec<*const PyObject>,
    /// Strong count minus the references from inside the set (see
    /// [`outside_count`]).
    refs: Vec<i32>,
    /// Index of the objects found in the set by address, for those the
    /// header cannot place (untracked ones, or an explicit set).
    by_address: HashMap<*const PyObject, usize, BuildHasherDefault<AddressHasher>>,
    /// The classes of the set (made by `class` statements; builtin ones
    /// live as long as the thread) and their counts as `refs`. A class's
    /// `gc_mark` is its index plus one while it is in the set.
    classes: Vec<*const TypeObject>,
    class_refs: Vec<i32>,
    /// How many more untracked objects the analysis may take in (bounds
    /// its cost by the number of tracked ones).
    budget: usize,
}

impl Graph {
    fn new(
        generation: usize,
        mut tracked: Vec<*const PyObject>,
        classes: Vec<*const TypeObject>,
    ) -> Graph {
        // Room for the untracked containers the analysis usually takes
        // in: growing a list of a big heap by doubling it was a third of
        // a full collection's peak memory.
        tracked.reserve_exact(tracked.len() / 64 + 1024);
        let mut refs = Vec::with_capacity(tracked.capacity());
        refs.extend(tracked.iter().map(|&p| outside_count(strong_count(p))));
        let mut graph = Graph {
            generation: Some(generation),
            refs,
            // (Indices of the set fit in `u32`: tracked objects are fewer
            // than 2^30, see `GcHeader`.)
            budget: 4 * tracked.len() + 10_000,
            objects: tracked,
            by_address: HashMap::default(),
            classes: Vec::with_capacity(classes.len()),
            class_refs: Vec::with_capacity(classes.len()),
        };
        graph.add_classes(&classes);
        graph
    }

    fn over(objects: &[*const PyObject], classes: &[*const TypeObject]) -> Graph {
        let mut graph = Graph {
            generation: None,
            objects: objects.to_vec(),
            refs: objects
                .iter()
                .map(|&p| outside_count(strong_count(p)))
                .collect(),
            by_address: objects.iter().enumerate().map(|(i, &p)| (p, i)).collect(),
            classes: Vec::with_capacity(classes.len()),
            class_refs: Vec::with_capacity(classes.len()),
            budget: 0,
        };
        graph.add_classes(classes);
        graph
    }

    /// Takes the live `classes` into the set (at no cost to the budget).
    fn add_classes(&mut self, classes: &[*const TypeObject]) {
        for &class in classes {
            // SAFETY: the caller's classes are alive.
            let class = unsafe { &*class };
            if class.gc_mark.get() == 0 {
                self.add_class(class);
            }
        }
    }

    /// The index of `value` in the set, taking in an untracked container
    /// when `discover` (and the budget allows).
    #[inline]
    fn index_of(&mut self, value: &Value, discover: bool) -> Option<usize> {
        let Value::Obj(object) = value else {
            return None;
        };
        if let Some(generation) = self.generation
            && let Some(header) = object.gc_header()
            && let Some((g, index)) = header.place()
        {
            return (g == generation).then_some(index);
        }
        // Atoms (strings, numbers) are never in the set: no lookup.
        if !may_hold_references(object) {
            return None;
        }
        self.index_of_untracked(object, discover)
    }

    /// [`Graph::index_of`] for an object its header does not place.
    #[inline(never)]
    fn index_of_untracked(&mut self, object: &Rc<PyObject>, discover: bool) -> Option<usize> {
        let address = Rc::as_ptr(object);
        if let Some(&index) = self.by_address.get(&address) {
            return Some(index);
        }
        if !discover || self.budget == 0 || !may_close_cycle(object) {
            return None;
        }
        self.budget -= 1;
        let index = self.objects.len();
        self.objects.push(address);
        self.refs.push(outside_count(Rc::strong_count(object)));
        self.by_address.insert(address, index);
        Some(index)
    }

    /// The index of `class` in the set, if it is in it (the candidates are
    /// all taken in first: a class is never discovered).
    #[inline]
    fn index_of_class(&self, class: &TypeObject) -> Option<usize> {
        match class.gc_mark.get() {
            0 => None,
            mark => Some(mark as usize - 1),
        }
    }

    /// Takes `class` into the set; its index.
    fn add_class(&mut self, class: &TypeObject) -> usize {
        let index = self.classes.len();
        let address = class as *const TypeObject;
        self.classes.push(address);
        self.class_refs
            .push(outside_count(class_strong_count(address)));
        class.gc_mark.set(index as u32 + 1);
        index
    }

    fn node_of(&mut self, reference: Reference, discover: bool) -> Option<Node> {
        match reference {
            Reference::Value(value) => self.index_of(value, discover).map(Node::Object),
            Reference::Class(class) => self.index_of_class(class).map(Node::Class),
        }
    }

    /// Calls `action` with the graph and each node of the set that `node`
    /// refers to, taking in untracked ones when `discover`.
    #[inline]
    fn for_each_reference(
        &mut self,
        node: Node,
        discover: bool,
        mut action: impl FnMut(&mut Graph, Node),
    ) {
        // SAFETY: every object and class of the set is alive for the
        // analysis (nothing is dropped until it ends); the references made
        // here do not borrow the graph, which discovery grows.
        match node {
            Node::Object(i) => {
                let object: &PyObject = unsafe { &*self.objects[i] };
                object.traverse(&mut |child| {
                    if let Some(j) = self.index_of(child, discover) {
                        action(self, Node::Object(j));
                    }
                });
                if let Some(class) = object.held_class()
                    && let Some(j) = self.index_of_class(class)
                {
                    action(self, Node::Class(j));
                }
            }
            Node::Class(i) => {
                let class: &TypeObject = unsafe { &*self.classes[i] };
                class.traverse_for_collector(&mut |reference| {
                    if let Some(node) = self.node_of(reference, discover) {
                        action(self, node);
                    }
                });
            }
        }
    }

    /// Trial deletion: each reference from inside the set is taken off
    /// its target's count (the set grows as untracked containers and
    /// classes are reached).
    fn subtract_internal_references(&mut self) {
        let (mut objects, mut classes) = (0, 0);
        loop {
            let node = if objects < self.objects.len() {
                objects += 1;
                Node::Object(objects - 1)
            } else if classes < self.classes.len() {
                classes += 1;
                Node::Class(classes - 1)
            } else {
                break;
            };
            self.for_each_reference(node, true, |graph, target| match target {
                Node::Object(j) => take_internal(&mut graph.refs[j]),
                Node::Class(j) => take_internal(&mut graph.class_refs[j]),
            });
        }
    }

    /// The objects and classes no outside reference reaches.
    fn unreachable(&mut self) -> (Vec<*const PyObject>, Vec<*const TypeObject>) {
        let mut reachable: Vec<bool> = self.refs.iter().map(|&r| r > 0).collect();
        let mut class_reachable: Vec<bool> = self.class_refs.iter().map(|&r| r > 0).collect();
        // Two stacks of 4-byte indices (not one of `Node`s): the object
        // stack may be as long as the set.
        let mut stack: Vec<u32> = (0..self.objects.len() as u32)
            .filter(|&i| reachable[i as usize])
            .collect();
        let mut class_stack: Vec<usize> = (0..self.classes.len())
            .filter(|&i| class_reachable[i])
            .collect();
        loop {
            let node = match stack.pop() {
                Some(i) => Node::Object(i as usize),
                None => match class_stack.pop() {
                    Some(i) => Node::Class(i),
                    None => break,
                },
            };
            self.for_each_reference(node, false, |_, target| match target {
                Node::Object(j) if !reachable[j] => {
                    reachable[j] = true;
                    stack.push(j as u32);
                }
                Node::Class(j) if !class_reachable[j] => {
                    class_reachable[j] = true;
                    class_stack.push(j);
                }
                _ => {}
            });
        }
        (
            unreached(&self.objects, &reachable),
            unreached(&self.classes, &class_reachable),
        )
    }
}

/// A strong count as the analysis keeps it, in 4 bytes (one per object
/// of the set): a count too large for that is pinned, and the object
/// counts as referenced from outside (which only keeps more alive).
fn outside_count(strong: usize) -> i32 {
    i32::try_from(strong).unwrap_or(PINNED)
}

const PINNED: i32 = i32::MAX;

/// Takes a reference from inside the set off a count.
#[inline]
fn take_internal(count: &mut i32) {
    if *count != PINNED {
        *count -= 1;
    }
}

/// The `items` whose `reachable` flag is false.
fn unreached<T: Copy>(items: &[T], reachable: &[bool]) -> Vec<T> {
    items
        .iter()
        .zip(reachable)
        .filter(|(_, reachable)| !**reachable)
        .map(|(&item, _)| item)
        .collect()
}

/// The classes leave the set: their marks are cleared.
impl Drop for Graph {
    fn drop(&mut self) {
        for &class in &self.classes {
            // SAFETY: the analysis drops nothing, and the graph goes
            // before the garbage it found is let go of.
            unsafe { &*class }.gc_mark.set(0);
        }
    }
}

/// Whether an object may hold references the analysis follows: a
/// container, or a class made by a `class` statement.
#[inline]
fn may_hold_references(object: &PyObject) -> bool {
    match object {
        PyObject::Type(class) => class.heap,
        _ => crate::object::holds_references(object),
    }
}

/// Whether an untracked object can be part of a cycle: it holds other
/// objects (a tuple of numbers and strings cannot), or it is a class made
/// by a `class` statement.
fn may_close_cycle(object: &PyObject) -> bool {
    match object {
        // (Not recursive: a tuple nested a million deep is one container.)
        PyObject::Tuple(t) => t
            .iter()
            .any(|item| item.as_obj().is_some_and(may_hold_references)),
        _ => may_hold_references(object),
    }
}
