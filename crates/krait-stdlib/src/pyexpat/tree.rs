//! krait's own accelerator for `xml.etree.ElementTree`: when the target
//! of an `XMLParser` is the stock `TreeBuilder` making plain `Element`s,
//! the parser builds the tree itself (what CPython's C `_elementtree`
//! does), with no Python call per element: each `Element` is made with
//! the attributes its `__init__` would set, appended to its parent's
//! `_children`, and the `start`/`end` events iterparse asked for are
//! appended to the builder's event list.
//!
//! The builder's state (`_stack`, `_last`, `_tail`, `_root`, `_data`)
//! stays the Python object's: it is read when a `Parse` call starts and
//! written back when it ends, so the builder's own methods see what
//! they would have made.

use std::rc::Rc;

use krait_vm::builtins::dict::PyDict;
use krait_vm::builtins::function::PyInstance;
use krait_vm::object::PyObject;
use krait_vm::typeobject::TypeObject;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// Interned names (the ones Python code uses: instance attribute
/// tables match them by identity), taken once per builder.
struct Names {
    tag: Value,
    attrib: Value,
    text: Value,
    tail: Value,
    children: Value,
    start: Value,
    end: Value,
}

pub struct Tree {
    /// The `TreeBuilder`.
    pub target: Value,
    class: Rc<TypeObject>,
    names: Names,
    /// The open elements and their `_children` lists (None until the
    /// element has a child).
    stack: Vec<(Value, Value)>,
    last: Value,
    tail: bool,
    root: Value,
    data: String,
    has_data: bool,
    events: Value,
    want_start: bool,
    want_end: bool,
    /// Where `tag`, `attrib`, `text`, `tail` and `_children` sit among
    /// the Element class's shared attribute keys, once known.
    places: Option<[usize; 5]>,
}

fn set(instance: &Value, key: &Value, value: Value) -> PyResult<()> {
    match instance.as_obj() {
        Some(PyObject::Instance(i)) => i.set_attr(key.clone(), value),
        _ => Err(PyErr::type_error("an Element was expected")),
    }
}

fn get(instance: &Value, key: &Value) -> PyResult<Value> {
    match instance.as_obj() {
        Some(PyObject::Instance(i)) => Ok(i.get_attr(key)?.unwrap_or(Value::None)),
        _ => Ok(Value::None),
    }
}

impl Tree {
    /// The accelerator for `target`, a `TreeBuilder` whose factory is
    /// `element` (the `Element` class).
    pub fn new(vm: &mut Vm, target: Value, element: &Value) -> PyResult<Tree> {
        let Some(PyObject::Type(class)) = element.as_obj() else {
            return Err(PyErr::type_error("_etree_builder needs the Element class"));
        };
        Ok(Tree {
            target,
            class: class.clone(),
            names: Names {
                tag: vm.intern("tag"),
                attrib: vm.intern("_attrib"),
                text: vm.intern("text"),
                tail: vm.intern("tail"),
                children: vm.intern("_children"),
                start: vm.intern("start"),
                end: vm.intern("end"),
            },
            stack: Vec::new(),
            last: Value::None,
            tail: false,
            root: Value::None,
            data: String::new(),
            has_data: false,
            events: Value::None,
            want_start: false,
            want_end: false,
            places: None,
        })
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.target);
        for (e, c) in &self.stack {
            visit(e);
            visit(c);
        }
        visit(&self.last);
        visit(&self.root);
        visit(&self.events);
    }

    /// Reads the builder's state.
    pub fn load(&mut self, vm: &mut Vm) -> PyResult<()> {
        let target = self.target.clone();
        self.stack.clear();
        let stack = vm.get_attr(&target, "_stack")?;
        if let Some(list) = stack.as_list() {
            let elems: Vec<Value> = list.borrow().clone();
            for e in elems {
                // (None until the element has a child.)
                let children = get(&e, &self.names.children)?;
                if children.as_list().is_none() && !children.is_none() {
                    return Err(PyErr::type_error("an Element was expected"));
                }
                self.stack.push((e, children));
            }
        }
        self.last = vm.get_attr(&target, "_last")?;
        let tail = vm.get_attr(&target, "_tail")?;
        self.tail = vm.truthy_value(&tail)?;
        self.root = vm.get_attr(&target, "_root")?;
        self.data.clear();
        self.has_data = false;
        let data = vm.get_attr(&target, "_data")?;
        if let Some(list) = data.as_list() {
            for piece in list.borrow().iter() {
                self.has_data = true;
                if let Some(s) = piece.as_str_or_subclass() {
                    self.data.push_str(s.as_str());
                }
            }
        }
        self.events = vm.get_attr(&target, "_events")?;
        self.want_start = false;
        self.want_end = false;
        if self.events.as_list().is_some() {
            let names = vm.get_attr(&target, "_event_names")?;
            let names: Vec<Value> = match names.as_tuple() {
                Some(t) => t.as_slice().to_vec(),
                None => Vec::new(),
            };
            for n in names {
                match n.as_str().map(|s| s.as_str()) {
                    Some("start") => self.want_start = true,
                    Some("end") => self.want_end = true,
                    _ => {}
                }
            }
        }
        Ok(())
    }

    /// Writes the builder's state back.
    pub fn store(&mut self, vm: &mut Vm) -> PyResult<()> {
        let target = self.target.clone();
        let stack: Vec<Value> = self.stack.iter().map(|(e, _)| e.clone()).collect();
        vm.set_attr(&target, "_stack", Some(Value::list(stack)))?;
        vm.set_attr(&target, "_last", Some(self.last.clone()))?;
        vm.set_attr(&target, "_tail", Some(Value::bool(self.tail)))?;
        vm.set_attr(&target, "_root", Some(self.root.clone()))?;
        let data = if self.has_data {
            vec![Value::str(self.data.as_str())]
        } else {
            Vec::new()
        };
        vm.set_attr(&target, "_data", Some(Value::list(data)))?;
        self.stack.clear();
        self.last = Value::None;
        self.root = Value::None;
        self.events = Value::None;
        Ok(())
    }

    fn flush(&mut self) -> PyResult<()> {
        if !self.has_data {
            return Ok(());
        }
        self.has_data = false;
        if !self.last.is_none() {
            let key = if self.tail {
                &self.names.tail
            } else {
                &self.names.text
            };
            set(&self.last, key, Value::str(self.data.as_str()))?;
        }
        self.data.clear();
        Ok(())
    }

    pub fn data(&mut self, text: &str) {
        self.has_data = true;
        self.data.push_str(text);
    }

    pub fn start(&mut self, tag: Value, attrs: Vec<(Value, Value)>) -> PyResult<()> {
        self.flush()?;
        // No dict for an element without attributes, no list until a
        // child comes (as `Element.__init__` and `append`).
        let attrib = if attrs.is_empty() {
            Value::None
        } else {
            let dict = PyDict::new();
            for (k, v) in attrs {
                dict.set_item(k, v)?;
            }
            Value::dict(dict)
        };
        let instance = PyInstance::new(self.class.clone());
        // In `Element.__init__`'s order: the class's shared keys stay the
        // same for every element, and once their places are known each
        // value goes to its place with no lookup of its name.
        let values = [tag, attrib, Value::None, Value::None, Value::None];
        let keys = [
            &self.names.tag,
            &self.names.attrib,
            &self.names.text,
            &self.names.tail,
            &self.names.children,
        ];
        match self.places {
            Some(places) => {
                for ((value, key), place) in values.into_iter().zip(keys).zip(places) {
                    if let Err(value) = instance.store_shared_value(place, value) {
                        instance.set_attr(key.clone(), value)?;
                    }
                }
            }
            None => {
                for (value, key) in values.into_iter().zip(keys) {
                    instance.set_attr(key.clone(), value)?;
                }
                let mut places = [0; 5];
                let mut known = true;
                for (place, key) in places.iter_mut().zip(keys) {
                    match instance.shared_position(key) {
                        Some(i) => *place = i,
                        None => known = false,
                    }
                }
                if known {
                    self.places = Some(places);
                }
            }
        }
        let elem = Value::obj(PyObject::Instance(instance));
        match self.stack.last_mut() {
            Some((parent, siblings)) => match siblings.as_list() {
                Some(list) => list.append(elem.clone()),
                None => {
                    // The parent's first child.
                    *siblings = Value::list(vec![elem.clone()]);
                    set(parent, &self.names.children, siblings.clone())?;
                }
            },
            None => {
                if self.root.is_none() {
                    self.root = elem.clone();
                }
            }
        }
        self.stack.push((elem.clone(), Value::None));
        self.tail = false;
        if self.want_start
            && let Some(events) = self.events.as_list()
        {
            events.append(Value::tuple(vec![self.names.start.clone(), elem.clone()]));
        }
        self.last = elem;
        Ok(())
    }

    pub fn end(&mut self) -> PyResult<()> {
        self.flush()?;
        let Some((elem, _)) = self.stack.pop() else {
            return Err(PyErr::index_error("pop from empty list"));
        };
        self.tail = true;
        if self.want_end
            && let Some(events) = self.events.as_list()
        {
            events.append(Value::tuple(vec![self.names.end.clone(), elem.clone()]));
        }
        self.last = elem;
        Ok(())
    }
}
