//! The `gc` module: the cycle collector's controls (`crate::gc` keeps the
//! generations, `interpreter/collect.rs` runs collections).

use crate::PyResult;
use crate::args::Args;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyBuiltinFunction;
use crate::gc;
use crate::interpreter::Vm;
use crate::interpreter::collect::DEBUG_SAVEALL;
use crate::object::PyObject;
use crate::value::Value;

/// The `gc` module.
pub fn module(vm: &mut Vm) -> Vec<(&'static str, Value)> {
    vec![
        ("collect", function("collect", collect)),
        ("enable", function("enable", enable)),
        ("disable", function("disable", disable)),
        ("isenabled", function("isenabled", isenabled)),
        ("get_count", function("get_count", get_count)),
        ("get_threshold", function("get_threshold", get_threshold)),
        ("set_threshold", function("set_threshold", set_threshold)),
        ("get_debug", function("get_debug", get_debug)),
        ("set_debug", function("set_debug", set_debug)),
        ("get_stats", function("get_stats", get_stats)),
        ("get_objects", function("get_objects", get_objects)),
        ("get_referents", function("get_referents", get_referents)),
        ("get_referrers", function("get_referrers", get_referrers)),
        ("is_tracked", function("is_tracked", is_tracked)),
        ("is_finalized", function("is_finalized", is_finalized)),
        ("freeze", function("freeze", freeze)),
        ("unfreeze", function("unfreeze", unfreeze)),
        (
            "get_freeze_count",
            function("get_freeze_count", get_freeze_count),
        ),
        ("callbacks", vm.gc_callbacks.clone()),
        ("garbage", vm.gc_garbage.clone()),
        ("DEBUG_STATS", Value::Int(1)),
        ("DEBUG_COLLECTABLE", Value::Int(2)),
        ("DEBUG_UNCOLLECTABLE", Value::Int(4)),
        ("DEBUG_SAVEALL", Value::Int(DEBUG_SAVEALL)),
        ("DEBUG_LEAK", Value::Int(2 | 4 | DEBUG_SAVEALL)),
    ]
}

fn function(name: &'static str, func: crate::builtins::function::NativeFunction) -> Value {
    Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction { name, func }))
}

/// An int argument, with CPython's message for other types.
fn int_arg(v: &Value) -> PyResult<i64> {
    match crate::builtins::int::as_int(v) {
        Some(i) => i
            .to_i64()
            .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int")),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

fn no_arguments(name: &str, args: &Args) -> PyResult<()> {
    if !args.pos.is_empty() || !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    Ok(())
}

/// `gc.collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("collect", 0, 1)?;
    args.check_kw("collect", &["generation"])?;
    let generation = match args.get(0, "generation") {
        Some(g) => int_arg(g)?,
        None => 2,
    };
    if !(0..gc::GENERATIONS as i64).contains(&generation) {
        return Err(PyErr::value_error("invalid generation"));
    }
    Ok(Value::from(vm.collect_garbage(generation as usize)))
}

fn enable(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.enable", &args)?;
    gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.disable", &args)?;
    gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.isenabled", &args)?;
    Ok(Value::from(gc::is_enabled()))
}

fn get_count(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.get_count", &args)?;
    Ok(Value::tuple(
        gc::counts().into_iter().map(Value::from).collect(),
    ))
}

fn get_threshold(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.get_threshold", &args)?;
    Ok(Value::tuple(
        gc::thresholds().into_iter().map(Value::Int).collect(),
    ))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`.
fn set_threshold(_: &mut Vm, args: Args) -> PyResult {
    if !args.kw.is_empty() {
        return Err(PyErr::type_error(
            "set_threshold() takes no keyword arguments",
        ));
    }
    match args.pos.len() {
        0 => Err(PyErr::type_error(
            "set_threshold() takes at least 1 argument (0 given)",
        )),
        n if n > gc::GENERATIONS => Err(PyErr::type_error(format!(
            "set_threshold() takes at most 3 arguments ({n} given)"
        ))),
        _ => {
            let values = args.pos.iter().map(int_arg).collect::<PyResult<Vec<_>>>()?;
            gc::set_thresholds(&values);
            Ok(Value::None)
        }
    }
}

fn get_debug(vm: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.get_debug", &args)?;
    Ok(Value::Int(vm.gc_debug))
}

fn set_debug(vm: &mut Vm, args: Args) -> PyResult {
    args.check("set_debug", 1, 1)?;
    vm.gc_debug = int_arg(&args.pos[0])?;
    Ok(Value::None)
}

/// `gc.get_stats()`: a dict per generation.
fn get_stats(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.get_stats", &args)?;
    let stats = gc::stats()
        .into_iter()
        .map(|s| {
            let d = crate::builtins::dict::PyDict::new();
            let _ = d.set_item(Value::str("collections"), Value::from(s.collections));
            let _ = d.set_item(Value::str("collected"), Value::from(s.collected));
            let _ = d.set_item(Value::str("uncollectable"), Value::from(s.uncollectable));
            Value::dict(d)
        })
        .collect();
    Ok(Value::list(stats))
}

/// `gc.get_objects(generation=None)`.
fn get_objects(_: &mut Vm, args: Args) -> PyResult {
    args.check_pos("get_objects", 0, 1)?;
    args.check_kw("get_objects", &["generation"])?;
    let generation = match args.get(0, "generation") {
        None | Some(Value::None) => None,
        Some(g) => {
            let g = int_arg(g)?;
            if g >= gc::GENERATIONS as i64 {
                return Err(PyErr::value_error(
                    "generation parameter must be less than the number of available generations (3)",
                ));
            }
            if g < 0 { None } else { Some(g as usize) }
        }
    };
    Ok(Value::list(gc::objects(generation)))
}

/// `gc.get_referents(*objs)`: what they hold.
fn get_referents(_: &mut Vm, args: Args) -> PyResult {
    let mut out = Vec::new();
    for object in args.pos {
        if let Some(o) = object.as_obj() {
            o.traverse(&mut |child| {
                if let Value::Obj(_) = child {
                    out.push(child.clone())
                }
            });
        }
    }
    Ok(Value::list(out))
}

/// `gc.get_referrers(*objs)`: the tracked objects that hold one of them.
fn get_referrers(_: &mut Vm, args: Args) -> PyResult {
    let targets: Vec<*const PyObject> = args
        .pos
        .iter()
        .filter_map(|v| v.as_obj().map(|o| o as *const PyObject))
        .collect();
    let mut out = Vec::new();
    for candidate in gc::objects(None) {
        let Some(o) = candidate.as_obj() else {
            continue;
        };
        let mut holds = false;
        o.traverse(&mut |child| {
            holds |= child
                .as_obj()
                .is_some_and(|c| targets.contains(&(c as *const PyObject)));
        });
        if holds {
            out.push(candidate);
        }
    }
    Ok(Value::list(out))
}

/// `gc.is_tracked(obj)`, answered as CPython would: it tracks dicts and
/// tuples only while they hold something trackable (krait tracks every
/// dict and no tuple, which no program can tell apart otherwise).
fn is_tracked(_: &mut Vm, args: Args) -> PyResult {
    if args.pos.len() != 1 || !args.kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "gc.is_tracked() takes exactly one argument ({} given)",
            args.pos.len() + args.kw.len()
        )));
    }
    Ok(Value::from(tracked_as_in_cpython(&args.pos[0])))
}

fn tracked_as_in_cpython(value: &Value) -> bool {
    let Some(o) = value.as_obj() else {
        return false;
    };
    match o {
        PyObject::Tuple(t) => t.iter().any(tracked_as_in_cpython),
        PyObject::Dict(d) => {
            let mut any = false;
            d.traverse(&mut |v| any |= tracked_as_in_cpython(v));
            any
        }
        PyObject::Type(t) => t.heap,
        PyObject::Instance(i) if !i.class().heap && &*i.class().name == "object" => false,
        PyObject::FrozenSet(_)
        | PyObject::BoundMethod(_)
        | PyObject::Iterator(_)
        | PyObject::Property(_)
        | PyObject::StaticMethod(_)
        | PyObject::ClassMethod(_)
        | PyObject::Super(_)
        | PyObject::DictView(_) => true,
        _ => gc::is_tracked(value),
    }
}

/// `gc.is_finalized(obj)`: whether the collector ran its `__del__`.
fn is_finalized(_: &mut Vm, args: Args) -> PyResult {
    args.check("is_finalized", 1, 1)?;
    let object = &args.pos[0];
    let instance = matches!(object.as_obj(), Some(PyObject::Instance(_)));
    Ok(Value::from(
        instance && crate::interpreter::finalize::is_finalized(object),
    ))
}

fn freeze(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.freeze", &args)?;
    gc::freeze();
    Ok(Value::None)
}

fn unfreeze(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.unfreeze", &args)?;
    gc::unfreeze();
    Ok(Value::None)
}

fn get_freeze_count(_: &mut Vm, args: Args) -> PyResult {
    no_arguments("gc.get_freeze_count", &args)?;
    Ok(Value::from(gc::freeze_count()))
}
