//! `_heapq` (the heap operations under `lib/heapq.py`) and `bisect`:
//! algorithms over a list that compare its items with `<`, in Rust for
//! speed. The comparisons are CPython's, in the same order (so items
//! that compare equal end up where CPython puts them), and an item's
//! `__lt__` changing the list is caught as CPython catches it.

use crate::util::function;
use krait_vm::builtins::list::PyList;
use krait_vm::protocol::CompareOp;
use krait_vm::sequence::index_arg;
use krait_vm::{Args, PyErr, PyResult, Value, Vm};

pub fn heapq_module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("heappush", function("heappush", heappush)),
        ("heappop", function("heappop", heappop)),
        ("heapify", function("heapify", heapify)),
        ("heapreplace", function("heapreplace", heapreplace)),
        ("heappushpop", function("heappushpop", heappushpop)),
        ("_heappop_max", function("_heappop_max", heappop_max)),
        ("_heapify_max", function("_heapify_max", heapify_max)),
        (
            "_heapreplace_max",
            function("_heapreplace_max", heapreplace_max),
        ),
    ])
}

pub fn bisect_module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("bisect_left", function("bisect_left", bisect_left)),
        ("bisect_right", function("bisect_right", bisect_right)),
        ("bisect", function("bisect_right", bisect_right)),
        ("insort_left", function("insort_left", insort_left)),
        ("insort_right", function("insort_right", insort_right)),
        ("insort", function("insort_right", insort_right)),
    ])
}

// ---------------------------------------------------------------------------
// heaps

/// The heap argument: a list (a subclass too).
fn heap_arg<'a>(args: &Args<'a>, name: &str, count: usize) -> PyResult<&'a PyList> {
    args.check(name, count, count)?;
    args.pos[0].as_list_or_subclass().ok_or_else(|| {
        // The one-argument functions are METH_O: no argument number.
        let which = if count == 1 { "argument" } else { "argument 1" };
        PyErr::type_error(format!(
            "{name}() {which} must be list, not {}",
            args.pos[0].type_name()
        ))
    })
}

/// Which way a heap is ordered: the min-heap of `heapq`, or the max-heap
/// of its private `_max` helpers (for `nsmallest` and `merge`).
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

struct Heap<'a> {
    list: &'a PyList,
    order: Order,
}

impl Heap<'_> {
    fn get(&self, i: usize) -> PyResult<Value> {
        self.list
            .get(i)
            .ok_or_else(|| PyErr::runtime_error("list changed size during iteration"))
    }

    fn set(&self, i: usize, value: Value) -> PyResult<()> {
        self.list
            .set(i, value)
            .map_err(|_| PyErr::runtime_error("list changed size during iteration"))
    }

    /// Whether `a` goes above `b` in this heap, the list keeping its size.
    fn before(&self, vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
        let size = self.list.len();
        let result = match self.order {
            Order::Min => vm.compare(CompareOp::Lt, a, b)?,
            Order::Max => vm.compare(CompareOp::Lt, b, a)?,
        };
        if self.list.len() != size {
            return Err(PyErr::runtime_error("list changed size during iteration"));
        }
        Ok(result)
    }

    /// Moves the item at `pos` up towards `start` while it goes above its
    /// parent.
    fn sift_down(&self, vm: &mut Vm, start: usize, mut pos: usize) -> PyResult<()> {
        let item = self.get(pos)?;
        while pos > start {
            let parent_pos = (pos - 1) >> 1;
            let parent = self.get(parent_pos)?;
            if !self.before(vm, &item, &parent)? {
                break;
            }
            self.set(pos, parent)?;
            pos = parent_pos;
        }
        self.set(pos, item)
    }

    /// Moves the smaller child up until a leaf is free at `pos`'s place,
    /// puts the item there, then sifts it back (CPython's bottom-up
    /// variant: fewer comparisons, and the layout CPython gets).
    fn sift_up(&self, vm: &mut Vm, mut pos: usize) -> PyResult<()> {
        let end = self.list.len();
        let start = pos;
        let item = self.get(pos)?;
        let mut child = 2 * pos + 1;
        while child < end {
            let right = child + 1;
            if right < end {
                let (a, b) = (self.get(child)?, self.get(right)?);
                if !self.before(vm, &a, &b)? {
                    child = right;
                }
            }
            let value = self.get(child)?;
            self.set(pos, value)?;
            pos = child;
            child = 2 * pos + 1;
        }
        self.set(pos, item)?;
        self.sift_down(vm, start, pos)
    }

    fn pop(&self, vm: &mut Vm) -> PyResult {
        let last = self
            .list
            .borrow_mut()
            .pop()
            .ok_or_else(|| PyErr::index_error("index out of range"))?;
        if self.list.is_empty() {
            return Ok(last);
        }
        let top = self.get(0)?;
        self.set(0, last)?;
        self.sift_up(vm, 0)?;
        Ok(top)
    }

    fn replace(&self, vm: &mut Vm, item: Value) -> PyResult {
        let top = self
            .list
            .get(0)
            .ok_or_else(|| PyErr::index_error("index out of range"))?;
        self.set(0, item)?;
        self.sift_up(vm, 0)?;
        Ok(top)
    }

    fn heapify(&self, vm: &mut Vm) -> PyResult<()> {
        for i in (0..self.list.len() / 2).rev() {
            self.sift_up(vm, i)?;
        }
        Ok(())
    }
}

fn heappush(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "heappush", 2)?;
    list.append(args.pos[1].clone());
    let heap = Heap {
        list,
        order: Order::Min,
    };
    heap.sift_down(vm, 0, list.len() - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "heappop", 1)?;
    Heap {
        list,
        order: Order::Min,
    }
    .pop(vm)
}

fn heappop_max(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "_heappop_max", 1)?;
    Heap {
        list,
        order: Order::Max,
    }
    .pop(vm)
}

fn heapify(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "heapify", 1)?;
    Heap {
        list,
        order: Order::Min,
    }
    .heapify(vm)?;
    Ok(Value::None)
}

fn heapify_max(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "_heapify_max", 1)?;
    Heap {
        list,
        order: Order::Max,
    }
    .heapify(vm)?;
    Ok(Value::None)
}

fn heapreplace(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "heapreplace", 2)?;
    Heap {
        list,
        order: Order::Min,
    }
    .replace(vm, args.pos[1].clone())
}

fn heapreplace_max(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "_heapreplace_max", 2)?;
    Heap {
        list,
        order: Order::Max,
    }
    .replace(vm, args.pos[1].clone())
}

fn heappushpop(vm: &mut Vm, args: Args) -> PyResult {
    let list = heap_arg(&args, "heappushpop", 2)?;
    let item = args.pos[1].clone();
    let Some(top) = list.get(0) else {
        return Ok(item);
    };
    let heap = Heap {
        list,
        order: Order::Min,
    };
    if !heap.before(vm, &top, &item)? {
        return Ok(item);
    }
    let top = heap.get(0)?;
    heap.set(0, item)?;
    heap.sift_up(vm, 0)?;
    Ok(top)
}

// ---------------------------------------------------------------------------
// bisect

/// The arguments of the bisect functions: `(a, x, lo=0, hi=len(a), *,
/// key=None)`.
struct Search<'a> {
    sequence: &'a Value,
    x: &'a Value,
    lo: usize,
    hi: usize,
    key: Option<&'a Value>,
}

fn search_args<'a>(vm: &mut Vm, args: &Args<'a>, name: &str) -> PyResult<Search<'a>> {
    args.check_kw(name, &["a", "x", "lo", "hi", "key"])?;
    if args.pos.len() > 4 {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most 4 positional arguments ({} given)",
            args.pos.len()
        )));
    }
    let missing = |what: &str, pos: usize| {
        PyErr::type_error(format!(
            "{name}() missing required argument '{what}' (pos {pos})"
        ))
    };
    let sequence = args.get(0, "a").ok_or_else(|| missing("a", 1))?;
    let x = args.get(1, "x").ok_or_else(|| missing("x", 2))?;
    let lo = match args.get(2, "lo") {
        Some(v) => index_arg(vm, v, "lo")?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match args.get(3, "hi") {
        Some(v) if !v.is_none() => index_arg(vm, v, "hi")?.max(0) as usize,
        _ => vm.length(sequence)?,
    };
    let key = args.get(4, "key").filter(|k| !k.is_none());
    Ok(Search {
        sequence,
        x,
        lo: lo as usize,
        hi,
        key,
    })
}

impl Search<'_> {
    fn item(&self, vm: &mut Vm, i: usize) -> PyResult {
        let item = match self.sequence.as_list() {
            Some(list) => match list.get(i) {
                Some(item) => item,
                None => return Err(PyErr::index_error("list index out of range")),
            },
            None => vm.subscript_get(self.sequence, Value::Int(i as i64))?,
        };
        match self.key {
            Some(key) => vm.call(key, Args::new(std::slice::from_ref(&item))),
            None => Ok(item),
        }
    }

    /// The insertion point: left of equal items, or right of them.
    fn run(&self, vm: &mut Vm, right: bool) -> PyResult<usize> {
        let (mut lo, mut hi) = (self.lo, self.hi);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let item = self.item(vm, mid)?;
            let go_left = if right {
                vm.compare(CompareOp::Lt, self.x, &item)?
            } else {
                !vm.compare(CompareOp::Lt, &item, self.x)?
            };
            if go_left {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Ok(lo)
    }
}

fn bisect_left(vm: &mut Vm, args: Args) -> PyResult {
    // With a key, `x` is compared as it is: it is already a key.
    let search = search_args(vm, &args, "bisect_left")?;
    Ok(Value::Int(search.run(vm, false)? as i64))
}

fn bisect_right(vm: &mut Vm, args: Args) -> PyResult {
    let search = search_args(vm, &args, "bisect_right")?;
    Ok(Value::Int(search.run(vm, true)? as i64))
}

/// `insort`: the item goes in at the point its key (its own value
/// without one) bisects to.
fn insort(vm: &mut Vm, args: Args, name: &str, right: bool) -> PyResult {
    let search = search_args(vm, &args, name)?;
    let item = search.x.clone();
    let key_of_item;
    let search = match search.key {
        Some(key) => {
            key_of_item = vm.call(key, Args::new(std::slice::from_ref(&item)))?;
            Search {
                x: &key_of_item,
                ..search
            }
        }
        None => search,
    };
    let at = search.run(vm, right)?;
    match search.sequence.as_list() {
        Some(list) => {
            let mut items = list.borrow_mut();
            let at = at.min(items.len());
            items.insert(at, item);
        }
        None => {
            let insert = vm.get_attr(search.sequence, "insert")?;
            vm.call(&insert, Args::new(&[Value::Int(at as i64), item]))?;
        }
    }
    Ok(Value::None)
}

fn insort_left(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_left", false)
}

fn insort_right(vm: &mut Vm, args: Args) -> PyResult {
    insort(vm, args, "insort_right", true)
}
