//! The import system: `import`, `from ... import`, `__import__`,
//! `importlib.import_module`, with CPython 3.11's semantics and messages.
//!
//! It follows `importlib._bootstrap` step by step, in Rust: names are
//! resolved against `__package__` for relative imports, parents are
//! imported before their submodules, `sys.modules` (the VM's `modules`
//! dict) is consulted first and holds a module while its code runs (so a
//! circular import sees the partially initialised module), and a module
//! whose code raises is removed from it again. Finders are tried in
//! CPython's order: the builtin modules (written in Rust), then the
//! entries of `sys.path` (or the parent package's `__path__`), then the
//! frozen modules the embedder registered (Python modules compiled into
//! the binary, found after the user's files like the standard library).
//!
//! Every file access goes through the [`crate::Host`]: a host that grants
//! no file system leaves only builtin and frozen modules importable.
//! Compiled sources are cached as `.kbc` files in `__pycache__` (see
//! `Vm::compile_module_source`).

use std::rc::Rc;

use crate::PyResult;
use crate::args::Args;
use crate::builtins::dict::PyDict;
use crate::builtins::exception::PyErr;
use crate::builtins::function::PyInstance;
use crate::builtins::module_object::{self, namespace};
use crate::host::{CompileMode, FileKind};
use crate::interpreter::Vm;
use crate::interpreter::code::Code;
use crate::object::PyObject;
use crate::typeobject::ExcType;
use crate::value::Value;

/// A Python module compiled into the program (CPython's frozen modules):
/// its `.kbc` bytes, verified when it is first imported.
#[derive(Clone, Copy, Debug)]
pub struct FrozenModule {
    pub kbc: &'static [u8],
    /// A package (`__init__`): its submodules are frozen modules too.
    pub package: bool,
}

/// A module written in Rust that the embedder registered: the function
/// that makes its attributes.
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<Vec<(&'static str, Value)>>;

/// Where a module was found (CPython's `ModuleSpec`, reduced to what
/// loading needs).
enum Found {
    Builtin,
    Native(NativeModuleInit),
    Frozen(FrozenModule),
    /// A source file; `package` when it is a package's `__init__.py`.
    Source {
        path: String,
        package: bool,
    },
    /// Directories without `__init__.py` (an implicit namespace package,
    /// one portion per `sys.path` entry).
    Namespace {
        directories: Vec<String>,
    },
}

const CACHE_MAGIC: &[u8; 8] = b"krait-pc";

/// Why `krait -m name` did not run: the module was not found (python3
/// prints the message alone), or its code raised.
#[derive(Clone)]
pub enum MainModuleError {
    NotFound(String),
    Raised(PyErr),
}

impl Vm {
    /// IMPORT_NAME: `__import__(name, globals, None, fromlist, level)`,
    /// or the program's own `builtins.__import__` when it replaced it.
    pub(crate) fn import_name(
        &mut self,
        globals: &Value,
        name: &Value,
        fromlist: Value,
        level: Value,
    ) -> PyResult {
        let hook = self.builtin(&Value::str("__import__"))?;
        match hook.as_ref().and_then(Value::as_obj) {
            Some(PyObject::BuiltinFunction(f))
                if std::ptr::fn_addr_eq(
                    f.func,
                    builtin_import as crate::builtins::function::NativeFunction,
                ) => {}
            Some(_) => {
                let hook = hook.unwrap_or_default();
                let args = [name.clone(), globals.clone(), Value::None, fromlist, level];
                return self.call(&hook, Args::new(&args));
            }
            None => return Err(PyErr::new(ExcType::ImportError, "__import__ not found")),
        }
        let level = match level {
            Value::Int(level) => level,
            _ => 0,
        };
        let name = name
            .as_str_or_subclass()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        self.import_level(&name, globals, &fromlist, level)
    }

    /// `__import__(name, globals, locals, fromlist, level)`, as CPython's
    /// `PyImport_ImportModuleLevelObject`.
    pub fn import_level(
        &mut self,
        name: &str,
        globals: &Value,
        fromlist: &Value,
        level: i64,
    ) -> PyResult {
        if level < 0 {
            return Err(PyErr::value_error("level must be >= 0"));
        }
        let absolute = if level > 0 {
            self.resolve_relative(name, globals, level)?
        } else {
            if name.is_empty() {
                return Err(PyErr::value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.import_absolute(&absolute)?;
        let fromlist_items = self.fromlist_items(fromlist)?;
        if fromlist_items.is_empty() {
            if level == 0 || !name.is_empty() {
                let front = name.split('.').next().unwrap_or(name);
                if level == 0 {
                    return self.import_absolute(front);
                }
                // `from . import` has a fromlist; `import .a.b` cannot be
                // written: this is `__import__('a.b', g, l, [], 1)`.
                let cut = name.len() - front.len();
                let top = &absolute[..absolute.len() - cut];
                return self.sys_module(top);
            }
            return Ok(module);
        }
        if self.has_attribute(&module, "__path__") {
            self.handle_fromlist(&module, &fromlist_items, false)?;
        }
        Ok(module)
    }

    /// `importlib.import_module(name, package=None)`: the module itself
    /// (not its top-level package), relative names against `package`.
    pub fn import_module_named(&mut self, name: &str, package: Option<&str>) -> PyResult {
        let level = name.len() - name.trim_start_matches('.').len();
        if level == 0 {
            if name.is_empty() {
                return Err(PyErr::value_error("Empty module name"));
            }
            return self.import_absolute(name);
        }
        let Some(package) = package else {
            return Err(PyErr::type_error(format!(
                "the 'package' argument is required to perform a relative import for {}",
                crate::protocol::repr(&Value::str(name))?
            )));
        };
        let absolute = resolve_name(&name[level..], package, level as i64)?;
        self.import_absolute(&absolute)
    }

    /// `import a.b.c` once the name is absolute: the module `a.b.c`,
    /// importing `a` and `a.b` first (CPython's `_gcd_import`).
    pub fn import_absolute(&mut self, name: &str) -> PyResult {
        if let Some(module) = self.modules_get(name)? {
            if module.is_none() {
                return Err(PyErr::import_error(
                    ExcType::ModuleNotFoundError,
                    &format!("import of {name} halted; None in sys.modules"),
                    Some(name),
                    None,
                ));
            }
            return Ok(module);
        }
        self.find_and_load(name)
    }

    fn find_and_load(&mut self, name: &str) -> PyResult {
        let mut search_path = None;
        let mut parent_path = Value::None;
        let mut parent_module = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            if self.modules_get(parent)?.is_none() {
                self.import_absolute(parent)?;
            }
            // Importing the parent may have imported this module.
            if let Some(module) = self.modules_get(name)? {
                return Ok(module);
            }
            let parent_value = self.sys_module(parent)?;
            let path = match self.get_attr(&parent_value, "__path__") {
                Ok(path) => path,
                Err(err) if err.matches(ExcType::AttributeError) => {
                    return Err(PyErr::import_error(
                        ExcType::ModuleNotFoundError,
                        &format!("No module named '{name}'; '{parent}' is not a package"),
                        Some(name),
                        None,
                    ));
                }
                Err(err) => return Err(err),
            };
            search_path = Some(self.path_entries(&path)?);
            parent_path = path;
            parent_module = Some(parent_value);
        }
        let module = match self.find_spec_on_meta_path(name, search_path, &parent_path)? {
            Some(Spec::Native(found)) => self.load(name, found)?,
            Some(Spec::Python(spec)) => self.load_from_spec(name, spec)?,
            None => {
                return Err(PyErr::import_error(
                    ExcType::ModuleNotFoundError,
                    &format!("No module named '{name}'"),
                    Some(name),
                    None,
                ));
            }
        };
        if let (Some(parent), Some((_, child))) = (parent_module, name.rsplit_once('.')) {
            self.set_attr(&parent, child, Some(module.clone()))?;
        }
        Ok(module)
    }

    /// Where module `name` is: a builtin, a file or directory on the
    /// search path (`sys.path`, or the parent package's `__path__`), or a
    /// frozen module — the VM's own finders in `sys.meta_path`'s default
    /// order.
    fn find_module(
        &mut self,
        name: &str,
        search_path: Option<Vec<String>>,
    ) -> PyResult<Option<Found>> {
        if let Some(found) = self.find_builtin(name, search_path.is_none()) {
            return Ok(Some(found));
        }
        let (found, namespace_directories) = self.find_on_path(name, search_path)?;
        if found.is_some() {
            return Ok(found);
        }
        if let Some(frozen) = self.frozen_modules.get(name) {
            return Ok(Some(Found::Frozen(*frozen)));
        }
        Ok(
            (!namespace_directories.is_empty()).then_some(Found::Namespace {
                directories: namespace_directories,
            }),
        )
    }

    /// `BuiltinImporter`: the VM's builtin modules, then the embedder's
    /// native ones (top-level names only).
    fn find_builtin(&self, name: &str, top_level: bool) -> Option<Found> {
        if !top_level {
            return None;
        }
        if crate::builtins::modules::is_builtin_module(name) {
            return Some(Found::Builtin);
        }
        self.native_modules
            .get(name)
            .map(|init| Found::Native(*init))
    }

    /// `PathFinder`: a package or source file in the first entry of the
    /// search path that has one, and the directories that would make a
    /// namespace package of `name` if nothing else is found.
    fn find_on_path(
        &mut self,
        name: &str,
        search_path: Option<Vec<String>>,
    ) -> PyResult<(Option<Found>, Vec<String>)> {
        let entries = match search_path {
            Some(entries) => entries,
            None => self.sys_path_entries()?,
        };
        let tail = name.rsplit('.').next().unwrap_or(name);
        // Portions of a namespace package, from every entry (PEP 420).
        let mut namespace_directories = Vec::new();
        for entry in entries {
            // `''` is the current folder, named absolutely (as CPython's
            // FileFinder does), so `__file__` is absolute.
            let directory = if entry.is_empty() {
                self.host.current_dir()?
            } else {
                entry
            };
            let base = join(&directory, tail);
            if self.host.stat(&directory)?.map(|s| s.kind) != Some(FileKind::Directory) {
                continue;
            }
            if self.host.stat(&base)?.map(|s| s.kind) == Some(FileKind::Directory) {
                let init = join(&base, "__init__.py");
                if self.host.stat(&init)?.map(|s| s.kind) == Some(FileKind::File) {
                    let found = Found::Source {
                        path: init,
                        package: true,
                    };
                    return Ok((Some(found), namespace_directories));
                }
                namespace_directories.push(absolute(&base, self.host.as_mut())?);
            }
            let file = format!("{base}.py");
            if self.host.stat(&file)?.map(|s| s.kind) == Some(FileKind::File) {
                let found = Found::Source {
                    path: file,
                    package: false,
                };
                return Ok((Some(found), namespace_directories));
            }
        }
        Ok((None, namespace_directories))
    }

    /// What one of the VM's own finders finds. The path finder gives a
    /// namespace package only for a name no frozen module has, as
    /// `find_module` orders them.
    fn find_with(
        &mut self,
        finder: NativeFinder,
        name: &str,
        search_path: Option<Vec<String>>,
    ) -> PyResult<Option<Found>> {
        Ok(match finder {
            NativeFinder::Builtin => self.find_builtin(name, search_path.is_none()),
            NativeFinder::Frozen => self.frozen_modules.get(name).map(|f| Found::Frozen(*f)),
            NativeFinder::Path => {
                let (found, directories) = self.find_on_path(name, search_path)?;
                found.or_else(|| {
                    (!directories.is_empty() && !self.frozen_modules.contains_key(name))
                        .then_some(Found::Namespace { directories })
                })
            }
        })
    }

    /// The finders of `sys.meta_path` asked in order (CPython's
    /// `_find_spec`): the VM's own run natively; any other is called
    /// (`find_spec(name, path, None)`, or the older `find_module(name,
    /// path)` giving a loader). `path` is the parent package's `__path__`
    /// (`None` for a top-level name). With the default finders in their
    /// order, the VM's search runs without looking at the list.
    fn find_spec_on_meta_path(
        &mut self,
        name: &str,
        search_path: Option<Vec<String>>,
        path: &Value,
    ) -> PyResult<Option<Spec>> {
        let Some(finders) = self.meta_path()? else {
            return Ok(self.find_module(name, search_path)?.map(Spec::Native));
        };
        for finder in finders {
            if let Some(native) = native_finder_of(&finder) {
                if let Some(found) = self.find_with(native, name, search_path.clone())? {
                    return Ok(Some(Spec::Native(found)));
                }
                continue;
            }
            let name_value = Value::str(name);
            let spec = if let Some(find_spec) = self.attribute_if_any(&finder, "find_spec")? {
                let args = [name_value, path.clone(), Value::None];
                self.call(&find_spec, Args::new(&args))?
            } else if let Some(find_module) = self.attribute_if_any(&finder, "find_module")? {
                let loader = self.call(&find_module, Args::new(&[name_value, path.clone()]))?;
                if loader.is_none() {
                    continue;
                }
                let parent = name.rsplit_once('.').map_or("", |(p, _)| p);
                new_spec(name, &loader, None, None, false, parent)
            } else {
                continue;
            };
            if !spec.is_none() {
                return Ok(Some(Spec::Python(spec)));
            }
        }
        Ok(None)
    }

    /// `sys.meta_path`'s finders, or `None` while it holds the VM's own in
    /// their order (or `sys` was never imported).
    fn meta_path(&mut self) -> PyResult<Option<Vec<Value>>> {
        let Some(sys) = self.sys_namespace.clone() else {
            return Ok(None);
        };
        let Some(list) = sys
            .as_dict_or_subclass()
            .and_then(|d| d.get_item(&Value::str("meta_path")).ok().flatten())
        else {
            return Err(PyErr::runtime_error("sys.meta_path is missing"));
        };
        if let Some(items) = list.as_list() {
            let items = items.borrow();
            if items.len() == DEFAULT_FINDERS.len()
                && items
                    .iter()
                    .zip(DEFAULT_FINDERS)
                    .all(|(item, finder)| native_finder_of(item) == Some(finder))
            {
                return Ok(None);
            }
        }
        crate::protocol::collect(self, &list).map(Some)
    }

    /// `getattr(value, name)`, or `None` for an AttributeError.
    fn attribute_if_any(&mut self, value: &Value, name: &str) -> PyResult<Option<Value>> {
        match self.get_attr(value, name) {
            Ok(found) => Ok(Some(found)),
            Err(err) if err.matches(ExcType::AttributeError) => Ok(None),
            Err(err) => Err(err),
        }
    }

    /// Makes the module, registers it in `sys.modules`, runs its code
    /// (CPython's `_load_unlocked`): a module whose code raises is removed
    /// again; what `sys.modules` holds at the end is the result (a module
    /// may replace itself there).
    fn load(&mut self, name: &str, found: Found) -> PyResult {
        let module = module_object::new_module(name);
        let parent = name.rsplit_once('.').map_or("", |(parent, _)| parent);
        let SpecParts {
            origin,
            has_location,
            locations: search_locations,
            ..
        } = spec_parts(&found);
        let package = if search_locations.is_some() {
            name
        } else {
            parent
        };
        let spec = spec_of(name, &found);
        let loader = self.get_attr(&spec, "loader")?;
        let dict = namespace(&module);
        if let Some(dict) = dict.as_dict_or_subclass() {
            dict.set_item(Value::str("__package__"), Value::str(package))?;
            dict.set_item(Value::str("__loader__"), loader)?;
            dict.set_item(Value::str("__spec__"), spec.clone())?;
            if let Some(locations) = &search_locations {
                let list = locations.iter().map(|l| Value::str(l.as_str())).collect();
                dict.set_item(Value::str("__path__"), Value::list(list))?;
            }
            if let (true, Some(origin)) = (has_location, &origin) {
                dict.set_item(Value::str("__file__"), Value::str(origin.as_str()))?;
            }
            if let Found::Namespace { .. } = found {
                dict.set_item(Value::str("__file__"), Value::None)?;
            }
            if let Found::Source { .. } = &found {
                let cached = self.get_attr(&spec, "cached")?;
                dict.set_item(Value::str("__cached__"), cached)?;
            }
            dict.set_item(Value::str("__builtins__"), self.builtins.clone())?;
        }
        self.run_registered(name, &module, &spec, |vm| {
            vm.exec_module(name, &module, &found)
        })
    }

    /// Registers `module` in `sys.modules` while `run` runs its code with
    /// `spec._initializing` set; removes it again if the code raises.
    /// What `sys.modules` holds at the end is the result.
    fn run_registered(
        &mut self,
        name: &str,
        module: &Value,
        spec: &Value,
        run: impl FnOnce(&mut Self) -> PyResult<()>,
    ) -> PyResult {
        self.set_attr(spec, "_initializing", Some(Value::bool(true)))?;
        self.modules_dict()
            .set_item(Value::str(name), module.clone())?;
        let ran = run(self);
        self.set_attr(spec, "_initializing", Some(Value::bool(false)))?;
        if let Err(err) = ran {
            self.modules_dict().pop(&Value::str(name))?;
            return Err(err);
        }
        // Moved to the end of sys.modules, as CPython's pop-and-insert does.
        match self.modules_dict().pop(&Value::str(name))? {
            Some(module) => {
                self.modules_dict()
                    .set_item(Value::str(name), module.clone())?;
                Ok(module)
            }
            None => Err(PyErr::import_error(
                ExcType::ImportError,
                &format!("Loaded module {name} not found in sys.modules"),
                Some(name),
                None,
            )),
        }
    }

    /// Loads a module from a spec a Python finder gave (CPython's
    /// `module_from_spec` and `_load_unlocked`): the loader's
    /// `create_module(spec)` (a new module when it gives `None`), the
    /// spec's attributes on the module, then `exec_module(module)`; a
    /// loader with only the older `load_module(name)` does it all itself.
    fn load_from_spec(&mut self, name: &str, spec: Value) -> PyResult {
        let loader = self.get_attr(&spec, "loader")?;
        let locations = self.get_attr(&spec, "submodule_search_locations")?;
        if loader.is_none() && locations.is_none() {
            return Err(PyErr::import_error(
                ExcType::ImportError,
                "missing loader",
                Some(name),
                None,
            ));
        }
        let exec = if loader.is_none() {
            None
        } else {
            self.attribute_if_any(&loader, "exec_module")?
        };
        if exec.is_none()
            && !loader.is_none()
            && let Some(load_module) = self.attribute_if_any(&loader, "load_module")?
        {
            self.call(&load_module, Args::new(&[Value::str(name)]))?;
            let module = self.sys_module(name)?;
            self.modules_dict().pop(&Value::str(name))?;
            self.modules_dict()
                .set_item(Value::str(name), module.clone())?;
            self.init_module_attrs(&spec, &module)?;
            return Ok(module);
        }
        let created = match self.attribute_if_any(&loader, "create_module")? {
            Some(create) if !loader.is_none() => {
                self.call(&create, Args::new(std::slice::from_ref(&spec)))?
            }
            _ if exec.is_some() => {
                return Err(PyErr::import_error(
                    ExcType::ImportError,
                    "loaders that define exec_module() must also define create_module()",
                    Some(name),
                    None,
                ));
            }
            _ => Value::None,
        };
        let module = if created.is_none() {
            module_object::new_module(name)
        } else {
            created
        };
        self.init_module_attrs(&spec, &module)?;
        self.run_registered(name, &module, &spec, |vm| match exec {
            Some(exec) => vm
                .call(&exec, Args::new(std::slice::from_ref(&module)))
                .map(drop),
            None => Ok(()),
        })
    }

    /// CPython's `_init_module_attrs` without override: the spec's name,
    /// loader, package, search locations and file for those the module
    /// does not have yet (or has as `None`), and the spec itself.
    fn init_module_attrs(&mut self, spec: &Value, module: &Value) -> PyResult<()> {
        let set_missing = |vm: &mut Self, key: &str, value: Value| -> PyResult<()> {
            let current = vm.attribute_if_any(module, key)?;
            if current.is_none_or(|c| c.is_none()) {
                match vm.set_attr(module, key, Some(value)) {
                    Err(err) if err.matches(ExcType::AttributeError) => {}
                    other => other?,
                }
            }
            Ok(())
        };
        let name = self.get_attr(spec, "name")?;
        set_missing(self, "__name__", name)?;
        let loader = self.get_attr(spec, "loader")?;
        set_missing(self, "__loader__", loader)?;
        let parent = self.get_attr(spec, "parent")?;
        set_missing(self, "__package__", parent)?;
        match self.set_attr(module, "__spec__", Some(spec.clone())) {
            Err(err) if err.matches(ExcType::AttributeError) => {}
            other => other?,
        }
        let locations = self.get_attr(spec, "submodule_search_locations")?;
        if !locations.is_none() {
            set_missing(self, "__path__", locations)?;
        }
        let has_location = self.get_attr(spec, "has_location")?;
        if self.truthy_value(&has_location)? {
            let origin = self.get_attr(spec, "origin")?;
            set_missing(self, "__file__", origin)?;
            if let Some(cached) = self.attribute_if_any(spec, "cached")? {
                set_missing(self, "__cached__", cached)?;
            }
        }
        Ok(())
    }

    fn exec_module(&mut self, name: &str, module: &Value, found: &Found) -> PyResult<()> {
        let globals = namespace(module);
        match found {
            Found::Builtin => {
                let attributes = crate::builtins::modules::builtin_module(self, name)
                    .ok_or_else(|| PyErr::runtime_error(format!("no builtin module {name}")))?;
                if name == "sys" {
                    self.sys_namespace = Some(globals.clone());
                }
                self.fill_module(&globals, attributes)
            }
            Found::Native(init) => {
                let attributes = init(self)?;
                self.fill_module(&globals, attributes)
            }
            Found::Frozen(frozen) => {
                let bytecode = krait_bytecode::kbc::decode(frozen.kbc).map_err(|err| {
                    PyErr::import_error(
                        ExcType::ImportError,
                        &format!("frozen module {name} is invalid: {err}"),
                        Some(name),
                        None,
                    )
                })?;
                let code = Code::load(bytecode, &mut self.names)?;
                self.run_module_code(code, globals).map(drop)
            }
            Found::Source { path, .. } => {
                let source = self.host.read_file(path)?;
                let code = self.compile_module_source(path, &source)?;
                self.run_module_code(code, globals).map(drop)
            }
            Found::Namespace { .. } => Ok(()),
        }
    }

    fn fill_module(
        &mut self,
        globals: &Value,
        attributes: Vec<(&'static str, Value)>,
    ) -> PyResult<()> {
        if let Some(dict) = globals.as_dict_or_subclass() {
            for (key, value) in attributes {
                dict.set_item(Value::str(key), value)?;
            }
        }
        Ok(())
    }

    /// The code of a module's source file, from the compiled-module cache
    /// when it holds this very source: `__pycache__/<name>.krait.kbc`
    /// beside the file, a header (magic, then a hash of the compiler's
    /// tag, the file's path and its bytes) and the `.kbc` bytes. A cache
    /// file that is stale, truncated or corrupt fails the hash or the
    /// `.kbc` verifier and is replaced; a cache that cannot be written is
    /// skipped, as CPython does.
    pub(crate) fn compile_module_source(
        &mut self,
        path: &str,
        source: &[u8],
    ) -> PyResult<Rc<Code>> {
        let text = decode_source(source, path)?;
        let cache = self
            .host
            .compiler_tag()
            .filter(|_| !self.dont_write_bytecode())
            .map(|tag| {
                let key = fnv1a(&[tag.as_bytes(), &[0], path.as_bytes(), &[0], source]);
                (cache_path(path), key)
            });
        if let Some((cache_file, key)) = &cache
            && let Ok(bytes) = self.host.read_file(cache_file)
            && let Some(bytecode) = cached_code(&bytes, *key)
        {
            return Code::load(bytecode, &mut self.names);
        }
        let (bytecode, warnings) =
            self.host
                .compile_with_warnings(&text, path, CompileMode::Exec)?;
        self.report_syntax_warnings(path, &warnings)?;
        if let Some((cache_file, key)) = &cache {
            let mut bytes = CACHE_MAGIC.to_vec();
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&krait_bytecode::kbc::encode(&bytecode));
            let _ = self.host.write_file(cache_file, &bytes);
        }
        Code::load(bytecode, &mut self.names)
    }

    fn dont_write_bytecode(&mut self) -> bool {
        let Some(sys) = self.modules_get("sys").ok().flatten() else {
            return false;
        };
        match self.get_attr(&sys, "dont_write_bytecode") {
            Ok(flag) => self.truthy_value(&flag).unwrap_or(false),
            Err(_) => false,
        }
    }

    /// `from package import a, b`: the names that are not attributes of
    /// the package are imported as its submodules (`_handle_fromlist`).
    fn handle_fromlist(
        &mut self,
        module: &Value,
        items: &[Value],
        recursive: bool,
    ) -> PyResult<()> {
        for item in items {
            let Some(item_name) = item.as_str_or_subclass().map(|s| s.as_str().to_string()) else {
                let what = if recursive {
                    "``Module.__all__''"
                } else {
                    "``from list''"
                };
                return Err(PyErr::type_error(format!(
                    "Item in {what} must be str, not {}",
                    item.type_name()
                )));
            };
            if item_name == "*" {
                if !recursive && let Ok(all) = self.get_attr(module, "__all__") {
                    let names = self.fromlist_items(&all)?;
                    self.handle_fromlist(module, &names, true)?;
                }
                continue;
            }
            if self.has_attribute(module, &item_name) {
                continue;
            }
            let package = module_object::module_name(module).unwrap_or_default();
            let submodule = format!("{package}.{item_name}");
            match self.import_absolute(&submodule) {
                Ok(_) => {}
                Err(err) if err.matches(ExcType::ModuleNotFoundError) => {
                    // `from pkg import name_that_is_no_module`: IMPORT_FROM
                    // reports it, with its own message.
                    let missing = err_attribute(&err, "name");
                    if missing.as_deref() == Some(submodule.as_str())
                        && !matches!(self.modules_get(&submodule)?, Some(Value::None))
                    {
                        continue;
                    }
                    return Err(err);
                }
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }

    /// IMPORT_FROM: `module.name`, else the submodule `module.name` in
    /// `sys.modules`, else CPython's ImportError (naming a circular import
    /// while the module is still initialising).
    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult {
        let text = name
            .as_str_or_subclass()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        match self.load_attribute(module, name) {
            Ok(value) => return Ok(value),
            Err(err) if !err.matches(ExcType::AttributeError) => return Err(err),
            Err(_) => {}
        }
        let package = module_object::module_name(module);
        if let Some(package) = &package
            && let Some(submodule) = self.modules_get(&format!("{package}.{text}"))?
        {
            return Ok(submodule);
        }
        let package = package.unwrap_or_else(|| "<unknown module name>".to_string());
        let file = module_object::module_file(module);
        let location = file
            .clone()
            .unwrap_or_else(|| "unknown location".to_string());
        let message = if module_object::is_initializing(self, module) {
            format!(
                "cannot import name '{text}' from partially initialized module '{package}' \
                 (most likely due to a circular import) ({location})"
            )
        } else {
            format!("cannot import name '{text}' from '{package}' ({location})")
        };
        Err(PyErr::import_error(
            ExcType::ImportError,
            &message,
            Some(&package),
            file.as_deref(),
        ))
    }

    /// IMPORT_STAR: the module's `__all__`, or its names without a
    /// leading underscore, bound in `target`.
    pub(crate) fn import_star(&mut self, module: &Value, target: &Value) -> PyResult<()> {
        let all = match self.get_attr(module, "__all__") {
            Ok(all) => Some(self.fromlist_items(&all)?),
            Err(err) if err.matches(ExcType::AttributeError) => None,
            Err(err) => return Err(err),
        };
        let names = match all {
            Some(names) => names,
            None => {
                let dict = match module.as_obj() {
                    Some(PyObject::Instance(_)) => namespace(module),
                    _ => self.get_attr(module, "__dict__")?,
                };
                let keys = dict
                    .as_dict_or_subclass()
                    .map(|d| d.keys())
                    .unwrap_or_default();
                keys.into_iter()
                    .filter(|k| {
                        k.as_str_or_subclass()
                            .is_some_and(|k| !k.as_str().starts_with('_'))
                    })
                    .collect()
            }
        };
        for name in names {
            let Some(text) = name.as_str_or_subclass().map(|s| s.as_str().to_string()) else {
                return Err(PyErr::type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    module_object::module_name(module).unwrap_or_default(),
                    name.type_name()
                )));
            };
            let value = self.get_attr(module, &text)?;
            match target.as_dict_or_subclass() {
                Some(dict) if target.as_dict().is_some() => dict.set_item(name, value)?,
                _ => self.subscript_set(target, name, value)?,
            }
        }
        Ok(())
    }

    /// The absolute name of a relative import, from the importing
    /// module's `__package__` (or `__spec__.parent`, or `__name__`).
    fn resolve_relative(&mut self, name: &str, globals: &Value, level: i64) -> PyResult<String> {
        let get = |key: &str| -> PyResult<Option<Value>> {
            match globals.as_dict_or_subclass() {
                Some(dict) => Ok(dict.get_item(&Value::str(key))?.filter(|v| !v.is_none())),
                None => Ok(None),
            }
        };
        let package = match get("__package__")? {
            Some(package) => {
                if package.as_str_or_subclass().is_none() {
                    return Err(PyErr::type_error("package must be a string"));
                }
                Some(package)
            }
            None => match get("__spec__")? {
                Some(spec) => Some(self.get_attr(&spec, "parent")?),
                None => match get("__name__")? {
                    Some(name) if get("__path__")?.is_some() => Some(name),
                    Some(name) => {
                        let text = name.as_str_or_subclass().map(|s| s.as_str().to_string());
                        let text =
                            text.ok_or_else(|| PyErr::type_error("__name__ must be a string"))?;
                        Some(Value::str(text.rsplit_once('.').map_or("", |(p, _)| p)))
                    }
                    None => None,
                },
            },
        };
        let package = package
            .and_then(|p| p.as_str_or_subclass().map(|s| s.as_str().to_string()))
            .unwrap_or_default();
        if package.is_empty() {
            return Err(PyErr::import_error(
                ExcType::ImportError,
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        resolve_name(name, &package, level)
    }

    fn fromlist_items(&mut self, fromlist: &Value) -> PyResult<Vec<Value>> {
        if fromlist.is_none() || !self.truthy_value(fromlist)? {
            return Ok(Vec::new());
        }
        if let Some(tuple) = fromlist.as_tuple() {
            return Ok(tuple.as_slice().to_vec());
        }
        crate::protocol::collect(self, fromlist)
    }

    fn has_attribute(&mut self, value: &Value, name: &str) -> bool {
        self.get_attr(value, name).is_ok()
    }

    /// `sys.modules`: the VM's registry of modules.
    pub(crate) fn modules_dict(&self) -> &PyDict {
        self.modules
            .as_dict()
            .expect("the VM's module registry is a dict")
    }

    pub(crate) fn modules_get(&self, name: &str) -> PyResult<Option<Value>> {
        self.modules_dict().get_item(&Value::str(name))
    }

    /// `sys.modules[name]`, which a finished import guarantees.
    fn sys_module(&self, name: &str) -> PyResult {
        self.modules_get(name)?.ok_or_else(|| {
            PyErr::import_error(ExcType::KeyError, &format!("'{name}'"), Some(name), None)
        })
    }

    /// The entries of `sys.path` (the sys module's current list, or the
    /// VM's before `sys` is imported), as strings.
    fn sys_path_entries(&mut self) -> PyResult<Vec<String>> {
        let path = match self.modules_get("sys")? {
            Some(sys) => self.get_attr(&sys, "path")?,
            None => self.sys_path.clone(),
        };
        self.path_entries(&path)
    }

    fn path_entries(&mut self, path: &Value) -> PyResult<Vec<String>> {
        let items = crate::protocol::collect(self, path)?;
        Ok(items
            .iter()
            .filter_map(|entry| entry.as_str_or_subclass().map(|s| s.as_str().to_string()))
            .collect())
    }

    /// `krait -m name` (python3's `-m`): finds module `name` (a package's
    /// `__main__` for a package; its parents are imported first) and runs
    /// it as `__main__`, with `sys.argv[0]` its file. A module that cannot
    /// be found is [`MainModuleError::NotFound`] (python3 prints the
    /// message, not a traceback).
    pub fn run_module_as_main(&mut self, name: &str) -> Result<Value, MainModuleError> {
        let (found, spec_name) = self.find_main_module(name)?;
        let (path, package) = match &found {
            Found::Source { path, .. } => (Some(path.clone()), false),
            Found::Frozen(frozen) => (None, frozen.package),
            _ => {
                return Err(MainModuleError::NotFound(format!(
                    "No code object available for {spec_name}"
                )));
            }
        };
        let parent = spec_name.rsplit_once('.').map_or("", |(parent, _)| parent);
        let origin = path.clone().unwrap_or_else(|| "frozen".to_string());
        let loader = new_loader(
            if path.is_some() {
                "SourceFileLoader"
            } else {
                "FrozenImporter"
            },
            &spec_name,
            path.as_deref(),
        );
        let locations = package.then(Vec::new);
        let spec = new_spec(
            &spec_name,
            &loader,
            Some(&origin),
            locations.as_deref(),
            path.is_some(),
            parent,
        );
        let globals = self.main_globals.clone();
        let setup = (|| -> PyResult<()> {
            let dict = globals
                .as_dict_or_subclass()
                .expect("__main__'s namespace is a dict");
            dict.set_item(Value::str("__package__"), Value::str(parent))?;
            dict.set_item(Value::str("__spec__"), spec)?;
            dict.set_item(Value::str("__loader__"), loader)?;
            if let Some(path) = &path {
                dict.set_item(Value::str("__file__"), Value::str(path.as_str()))?;
                if let Some(first) = self.argv.first_mut() {
                    *first = path.clone();
                }
                if let Some(sys) = self.modules_get("sys")? {
                    let argv = self.get_attr(&sys, "argv")?;
                    self.subscript_set(&argv, Value::Int(0), Value::str(path.as_str()))?;
                }
            }
            Ok(())
        })();
        setup.map_err(MainModuleError::Raised)?;
        let code = match found {
            Found::Source { path, .. } => {
                let source = self
                    .host
                    .read_file(&path)
                    .map_err(MainModuleError::Raised)?;
                self.compile_module_source(&path, &source)
            }
            Found::Frozen(frozen) => krait_bytecode::kbc::decode(frozen.kbc)
                .map_err(|err| {
                    PyErr::runtime_error(format!("frozen module {spec_name} is invalid: {err}"))
                })
                .and_then(|bytecode| Code::load(bytecode, &mut self.names)),
            _ => unreachable!("only files and frozen modules run as __main__"),
        };
        let code = code.map_err(MainModuleError::Raised)?;
        self.run_module_code(code, globals)
            .map_err(MainModuleError::Raised)
    }

    fn find_main_module(&mut self, name: &str) -> Result<(Found, String), MainModuleError> {
        if name.is_empty() || name.starts_with('.') {
            return Err(MainModuleError::NotFound(
                "Relative module names not supported".to_string(),
            ));
        }
        let mut search_path = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            // As runpy: an ImportError of the parent becomes the message,
            // anything else it raises is the program's traceback.
            let finding_error = |kind: &str, text: &str| {
                MainModuleError::NotFound(format!(
                    "Error while finding module specification for '{name}' ({kind}: {text})"
                ))
            };
            let module = match self.import_absolute(parent) {
                Ok(module) => module,
                Err(err) if err.matches(ExcType::ImportError) => {
                    let text = self.str(&err.value()).unwrap_or_default();
                    return Err(finding_error(&err.exception().class.name, &text));
                }
                Err(err) => return Err(MainModuleError::Raised(err)),
            };
            match self.get_attr(&module, "__path__") {
                Ok(path) => {
                    search_path = Some(self.path_entries(&path).map_err(MainModuleError::Raised)?)
                }
                Err(_) => {
                    return Err(finding_error(
                        "ModuleNotFoundError",
                        &format!(
                            "__path__ attribute not found on '{parent}' while trying to find '{name}'"
                        ),
                    ));
                }
            }
        }
        let found = self
            .find_module(name, search_path)
            .map_err(MainModuleError::Raised)?;
        match found {
            None => Err(MainModuleError::NotFound(format!("No module named {name}"))),
            Some(Found::Source { package: true, .. } | Found::Namespace { .. })
            | Some(Found::Frozen(FrozenModule { package: true, .. })) => {
                let main = format!("{name}.__main__");
                self.find_main_module(&main).map_err(|err| match err {
                    MainModuleError::NotFound(_) => MainModuleError::NotFound(format!(
                        "No module named {main}; '{name}' is a package and cannot be directly executed"
                    )),
                    raised => raised,
                })
            }
            Some(found) => Ok((found, name.to_string())),
        }
    }

    /// Gives `__main__` the attributes of a script run from the file
    /// `path` (`__file__`, `__cached__`, `__loader__`), as python3 does.
    pub fn set_main_file(&mut self, path: &str) {
        if let Some(dict) = self.main_globals.as_dict_or_subclass() {
            let loader = new_loader("SourceFileLoader", "__main__", Some(path));
            let _ = dict.set_item(Value::str("__file__"), Value::str(path));
            let _ = dict.set_item(Value::str("__cached__"), Value::None);
            let _ = dict.set_item(Value::str("__loader__"), loader);
        }
    }

    /// Registers a Python module compiled into the program, found after
    /// the entries of `sys.path`.
    pub fn add_frozen_module(&mut self, name: &str, module: FrozenModule) {
        self.frozen_modules.insert(name.to_string(), module);
    }

    /// Registers a module written in Rust, importable by `name` (found
    /// before `sys.path`, as CPython's builtin modules).
    pub fn add_native_module(&mut self, name: &str, init: NativeModuleInit) {
        self.native_modules.insert(name.to_string(), init);
    }

    /// Puts a module object made by the embedder in `sys.modules` under
    /// `name`, so `import name` finds it (a host module of closures, which
    /// a [`NativeModuleInit`] function pointer cannot carry).
    pub fn add_module_object(&mut self, name: &str, module: Value) -> PyResult<()> {
        match self.modules.as_dict() {
            Some(modules) => modules.set_item(Value::str(name), module),
            None => Err(PyErr::runtime_error("sys.modules is not a dict")),
        }
    }

    /// Sets `sys.path` (the facade puts the script's folder first, then
    /// the entries of `KRAITPATH`).
    pub fn set_sys_path(&mut self, entries: Vec<String>) {
        let list = entries.into_iter().map(Value::str).collect();
        self.sys_path = Value::list(list);
    }
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub(crate) fn builtin_import(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw(
        "__import__",
        &["name", "globals", "locals", "fromlist", "level"],
    )?;
    args.check_pos("__import__", 0, 5)?;
    let Some(name) = args.get(0, "name") else {
        return Err(PyErr::type_error(
            "__import__() missing required argument 'name' (pos 1)",
        ));
    };
    let Some(name) = name.as_str_or_subclass().map(|s| s.as_str().to_string()) else {
        return Err(PyErr::type_error(format!(
            "__import__() argument 1 must be str, not {}",
            name.type_name()
        )));
    };
    let globals = args.get(1, "globals").cloned().unwrap_or(Value::None);
    let fromlist = args.get(3, "fromlist").cloned().unwrap_or(Value::None);
    let level = match args.get(4, "level") {
        None => 0,
        Some(Value::Int(level)) => *level,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )));
        }
    };
    vm.import_level(&name, &globals, &fromlist, level)
}

/// `importlib.import_module(name, package=None)`.
pub(crate) fn importlib_import_module(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("import_module", &["name", "package"])?;
    args.check_pos("import_module", 0, 2)?;
    let text = |value: Option<&Value>| {
        value
            .and_then(|v| v.as_str_or_subclass())
            .map(|s| s.as_str().to_string())
    };
    let Some(name) = text(args.get(0, "name")) else {
        return Err(PyErr::type_error(
            "import_module() argument 'name' must be str",
        ));
    };
    let package = text(args.get(1, "package").filter(|p| !p.is_none()));
    vm.import_module_named(&name, package.as_deref())
}

/// `importlib.reload(module)`: runs the module's code again in its own
/// namespace.
pub(crate) fn importlib_reload(vm: &mut Vm, args: Args) -> PyResult {
    args.check("reload", 1, 1)?;
    let module = args.pos[0].clone();
    if !module_object::is_module(&module) {
        return Err(PyErr::type_error("reload() argument must be a module"));
    }
    let Some(name) = module_object::module_name(&module) else {
        return Err(PyErr::type_error("reload() argument must be a module"));
    };
    match vm.modules_get(&name)? {
        Some(registered) if registered.is(&module) => {}
        _ => {
            return Err(PyErr::import_error(
                ExcType::ImportError,
                &format!("module {name} not in sys.modules"),
                Some(&name),
                None,
            ));
        }
    }
    let search_path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let parent = vm.sys_module(parent)?;
            let path = vm.get_attr(&parent, "__path__")?;
            Some(vm.path_entries(&path)?)
        }
        None => None,
    };
    let Some(found) = vm.find_module(&name, search_path)? else {
        return Err(PyErr::import_error(
            ExcType::ModuleNotFoundError,
            &format!("spec not found for the module '{name}'"),
            Some(&name),
            None,
        ));
    };
    vm.exec_module(&name, &module, &found)?;
    vm.modules_get(&name).map(|m| m.unwrap_or(module))
}

/// CPython's `_resolve_name`: `name` relative to `package`, `level` dots up.
fn resolve_name(name: &str, package: &str, level: i64) -> PyResult<String> {
    let parts: Vec<&str> = package.rsplitn(level as usize, '.').collect();
    if (parts.len() as i64) < level {
        return Err(PyErr::import_error(
            ExcType::ImportError,
            "attempted relative import beyond top-level package",
            None,
            None,
        ));
    }
    let base = parts.last().copied().unwrap_or_default();
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

fn join(directory: &str, name: &str) -> String {
    if directory.is_empty() {
        name.to_string()
    } else if directory.ends_with('/') {
        format!("{directory}{name}")
    } else {
        format!("{directory}/{name}")
    }
}

fn parent_directory(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((directory, _)) => directory.to_string(),
        None => String::new(),
    }
}

/// `dir/__pycache__/name.krait.kbc` for `dir/name.py`.
fn cache_path(path: &str) -> String {
    let (directory, file) = match path.rsplit_once('/') {
        Some((directory, file)) => (directory, file),
        None => ("", path),
    };
    let stem = file.strip_suffix(".py").unwrap_or(file);
    join(
        &join(directory, "__pycache__"),
        &format!("{stem}.krait.kbc"),
    )
}

fn cached_code(bytes: &[u8], key: u64) -> Option<krait_bytecode::CodeObject> {
    let rest = bytes.strip_prefix(CACHE_MAGIC.as_slice())?;
    let (stored, kbc) = rest.split_at_checked(8)?;
    if u64::from_le_bytes(stored.try_into().ok()?) != key {
        return None;
    }
    krait_bytecode::kbc::decode(kbc).ok()
}

/// FNV-1a over the parts: a stable hash (unlike std's, which may change
/// between Rust releases) for the cache key.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A module's source as text (UTF-8, or the encoding its PEP 263 line
/// declares), or CPython's SyntaxError.
fn decode_source(source: &[u8], path: &str) -> PyResult<String> {
    crate::source::decode(source).map_err(|err| {
        let message = match err {
            crate::source::SourceError::NonUtf8 { lineno, byte } => format!(
                "Non-UTF-8 code starting with '\\x{byte:02x}' in file {path} on line {lineno}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details"
            ),
            other => other.to_string(),
        };
        PyErr::new(ExcType::SyntaxError, message)
    })
}

fn err_attribute(err: &PyErr, name: &str) -> Option<String> {
    let dict = err.exception().dict_if_made()?;
    let value = dict.get_item(&Value::str(name)).ok().flatten()?;
    value.as_str_or_subclass().map(|s| s.as_str().to_string())
}

/// A loader object (`module.__loader__`): its kind's name and, for files,
/// `name` and `path`.
fn new_loader(kind: &'static str, name: &str, path: Option<&str>) -> Value {
    // As CPython's, the importer classes are their modules' loaders.
    match kind {
        "BuiltinImporter" => return finder_type_value(NativeFinder::Builtin),
        "FrozenImporter" => return finder_type_value(NativeFinder::Frozen),
        _ => {}
    }
    let loader = PyInstance::new(crate::typeobject::other_type_with_methods(
        kind,
        LOADER_METHODS,
    ));
    let _ = loader.set_attr(Value::str("name"), Value::str(name));
    if let Some(path) = path {
        let _ = loader.set_attr(Value::str("path"), Value::str(path));
    }
    Value::obj(PyObject::Instance(loader))
}

/// `module.__spec__`: a `ModuleSpec` with CPython's attributes.
fn new_spec(
    name: &str,
    loader: &Value,
    origin: Option<&str>,
    search_locations: Option<&[String]>,
    has_location: bool,
    parent: &str,
) -> Value {
    let spec = PyInstance::new(crate::typeobject::other_type_with_methods(
        "ModuleSpec",
        SPEC_METHODS,
    ));
    let text = |t: Option<&str>| t.map_or(Value::None, Value::str);
    let locations = search_locations.map_or(Value::None, |l| {
        Value::list(l.iter().map(|s| Value::str(s.as_str())).collect())
    });
    let attributes = [
        ("name", Value::str(name)),
        ("loader", loader.clone()),
        ("origin", text(origin)),
        ("loader_state", Value::None),
        ("submodule_search_locations", locations),
        ("cached", Value::None),
        ("parent", Value::str(parent)),
        ("has_location", Value::bool(has_location)),
        ("_initializing", Value::bool(false)),
    ];
    for (key, value) in attributes {
        let _ = spec.set_attr(Value::str(key), value);
    }
    Value::obj(PyObject::Instance(spec))
}

static SPEC_METHODS: &[crate::builtins::function::MethodDef] = &[
    crate::builtins::function::MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: |vm, _class, args| {
            // `ModuleSpec(name, loader, *, origin=None, loader_state=None,
            // is_package=None)`.
            args.check_kw(
                "ModuleSpec",
                &["name", "loader", "origin", "loader_state", "is_package"],
            )?;
            args.check_pos("ModuleSpec", 2, 2)?;
            let name = vm.str(&args.pos[0])?;
            let origin = match args.kwarg("origin").filter(|o| !o.is_none()) {
                Some(origin) => Some(vm.str(origin)?),
                None => None,
            };
            let package = match args.kwarg("is_package") {
                Some(flag) => vm.truthy_value(flag)?,
                None => false,
            };
            let parent = if package {
                name.clone()
            } else {
                name.rsplit_once('.').map_or("", |(p, _)| p).to_string()
            };
            let locations: Option<&[String]> = package.then_some(&[]);
            let spec = new_spec(
                &name,
                &args.pos[1],
                origin.as_deref(),
                locations,
                false,
                &parent,
            );
            if let Some(state) = args.kwarg("loader_state") {
                vm.set_attr(&spec, "loader_state", Some(state.clone()))?;
            }
            Ok(spec)
        },
    },
    crate::builtins::function::MethodDef {
        name: "__repr__",
        params: crate::builtins::function::Params::NoArgs,
        func: |vm, spec, _| {
            let mut parts = Vec::new();
            for key in ["name", "loader", "origin"] {
                let value = vm.get_attr(spec, key)?;
                if key == "origin" && value.is_none() {
                    continue;
                }
                parts.push(format!("{key}={}", vm.repr(&value)?));
            }
            let locations = vm.get_attr(spec, "submodule_search_locations")?;
            if !locations.is_none() {
                parts.push(format!(
                    "submodule_search_locations={}",
                    vm.repr(&locations)?
                ));
            }
            Ok(Value::str(format!("ModuleSpec({})", parts.join(", "))))
        },
    },
];

/// A loader's methods (`importlib.abc.Loader`): `exec_module` runs the
/// source file of a `SourceFileLoader` in the module's namespace (how
/// `importlib.util.spec_from_file_location` modules are run).
static LOADER_METHODS: &[crate::builtins::function::MethodDef] = &[
    crate::builtins::function::MethodDef {
        name: "__new__",
        params: crate::builtins::function::Params::Any,
        func: |vm, _class, args| {
            // `SourceFileLoader(fullname, path)`.
            args.check_kw("SourceFileLoader", &["fullname", "path"])?;
            args.check_pos("SourceFileLoader", 2, 2)?;
            let name = vm.str(&args.pos[0])?;
            let path = vm.str(&args.pos[1])?;
            Ok(new_loader("SourceFileLoader", &name, Some(&path)))
        },
    },
    crate::builtins::function::MethodDef {
        name: "get_data",
        params: crate::builtins::function::Params::One,
        func: |vm, _, args| {
            let path = vm.str(&args.pos[0])?;
            Ok(Value::bytes(vm.host.read_file(&path)?))
        },
    },
    crate::builtins::function::MethodDef {
        name: "get_source",
        params: crate::builtins::function::Params::One,
        func: |vm, loader, _| {
            let path = vm.get_attr(loader, "path")?;
            let path = vm.str(&path)?;
            let source = vm.host.read_file(&path)?;
            Ok(Value::str(decode_source(&source, &path)?))
        },
    },
    crate::builtins::function::MethodDef {
        name: "is_package",
        params: crate::builtins::function::Params::One,
        func: |vm, loader, _| {
            let path = vm.get_attr(loader, "path")?;
            let path = vm.str(&path)?;
            Ok(Value::bool(
                path.ends_with("/__init__.py") || path == "__init__.py",
            ))
        },
    },
    crate::builtins::function::MethodDef {
        name: "create_module",
        params: crate::builtins::function::Params::One,
        func: |_, _, _| Ok(Value::None),
    },
    crate::builtins::function::MethodDef {
        name: "exec_module",
        params: crate::builtins::function::Params::One,
        func: |vm, loader, args| {
            let module = args.pos[0].clone();
            let path = vm.get_attr(loader, "path").map_err(|_| {
                PyErr::new(ExcType::ImportError, "this loader cannot execute modules")
            })?;
            let path = vm.str(&path)?;
            let source = vm.host.read_file(&path)?;
            let code = vm.compile_module_source(&path, &source)?;
            vm.run_module_code(code, namespace(&module))?;
            Ok(Value::None)
        },
    },
    crate::builtins::function::MethodDef {
        name: "get_filename",
        params: crate::builtins::function::Params::Any,
        func: |vm, loader, _| vm.get_attr(loader, "path"),
    },
];

/// `importlib.util.find_spec(name, package=None)`: the spec of a module
/// without importing it (its parents are imported), `None` when it cannot
/// be found.
pub(crate) fn util_find_spec(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw("find_spec", &["name", "package"])?;
    args.check_pos("find_spec", 1, 2)?;
    let name = vm.str(&args.pos[0])?;
    let package = args
        .get(1, "package")
        .filter(|p| !p.is_none())
        .map(|p| vm.str(p))
        .transpose()?;
    let level = name.len() - name.trim_start_matches('.').len();
    let name = match (level, package) {
        (0, _) => name,
        (_, Some(package)) => resolve_name(&name[level..], &package, level as i64)?,
        (_, None) => {
            return Err(PyErr::import_error(
                ExcType::ImportError,
                &format!("No module named '{name}'"),
                Some(&name),
                None,
            ));
        }
    };
    if let Some(module) = vm.modules_get(&name)? {
        return match vm.get_attr(&module, "__spec__") {
            Ok(spec) if !spec.is_none() => Ok(spec),
            _ => Err(PyErr::value_error(format!("{name}.__spec__ is None"))),
        };
    }
    let search_path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let parent = vm.import_absolute(parent)?;
            match vm.get_attr(&parent, "__path__") {
                Ok(path) => Some(vm.path_entries(&path)?),
                Err(_) => {
                    return Err(PyErr::import_error(
                        ExcType::ModuleNotFoundError,
                        &format!(
                            "__path__ attribute not found on '{}' while trying to find '{name}'",
                            module_object::module_name(&parent).unwrap_or_default()
                        ),
                        Some(&name),
                        None,
                    ));
                }
            }
        }
        None => None,
    };
    let path = match name.rsplit_once('.') {
        Some((parent, _)) => {
            let parent = vm.sys_module(parent)?;
            vm.get_attr(&parent, "__path__")?
        }
        None => Value::None,
    };
    match vm.find_spec_on_meta_path(&name, search_path, &path)? {
        None => Ok(Value::None),
        Some(Spec::Native(found)) => Ok(spec_of(&name, &found)),
        Some(Spec::Python(spec)) => Ok(spec),
    }
}

/// `importlib.util.spec_from_file_location(name, location)`: a spec whose
/// loader runs that source file.
pub(crate) fn util_spec_from_file_location(vm: &mut Vm, args: Args) -> PyResult {
    args.check_kw(
        "spec_from_file_location",
        &["name", "location", "loader", "submodule_search_locations"],
    )?;
    args.check_pos("spec_from_file_location", 1, 4)?;
    let name = vm.str(&args.pos[0])?;
    let Some(location) = args.get(1, "location").filter(|l| !l.is_none()) else {
        return Ok(Value::None);
    };
    let location = vm.str(location)?;
    let package = location.ends_with("/__init__.py");
    let found = Found::Source {
        path: location,
        package,
    };
    Ok(spec_of(&name, &found))
}

/// `importlib.util.module_from_spec(spec)`: a new module with the
/// attributes the spec gives it (not yet run, not in `sys.modules`).
pub(crate) fn util_module_from_spec(vm: &mut Vm, args: Args) -> PyResult {
    args.check("module_from_spec", 1, 1)?;
    let spec = args.pos[0].clone();
    let name = vm.get_attr(&spec, "name")?;
    let name = vm.str(&name)?;
    let module = module_object::new_module(&name);
    let loader = vm.get_attr(&spec, "loader")?;
    let origin = vm.get_attr(&spec, "origin")?;
    let has_location = vm.get_attr(&spec, "has_location")?;
    let locations = vm.get_attr(&spec, "submodule_search_locations")?;
    let parent = vm.get_attr(&spec, "parent")?;
    let dict = namespace(&module);
    if let Some(dict) = dict.as_dict_or_subclass() {
        dict.set_item(Value::str("__spec__"), spec.clone())?;
        dict.set_item(Value::str("__loader__"), loader)?;
        dict.set_item(Value::str("__package__"), parent)?;
        if !locations.is_none() {
            dict.set_item(Value::str("__path__"), locations)?;
        }
        if vm.truthy_value(&has_location)? {
            dict.set_item(Value::str("__file__"), origin)?;
            if let Ok(cached) = vm.get_attr(&spec, "cached") {
                dict.set_item(Value::str("__cached__"), cached)?;
            }
        }
        dict.set_item(Value::str("__builtins__"), vm.builtins.clone())?;
    }
    Ok(module)
}

/// What a found module's spec says of where it is.
struct SpecParts {
    origin: Option<String>,
    has_location: bool,
    /// `submodule_search_locations`: a package's `__path__`.
    locations: Option<Vec<String>>,
    /// The loader's type name.
    kind: &'static str,
}

fn spec_parts(found: &Found) -> SpecParts {
    let (origin, has_location, locations, kind) = match found {
        Found::Builtin | Found::Native(_) => {
            (Some("built-in".to_string()), false, None, "BuiltinImporter")
        }
        Found::Frozen(frozen) => (
            Some("frozen".to_string()),
            false,
            frozen.package.then(Vec::new),
            "FrozenImporter",
        ),
        Found::Source { path, package } => (
            Some(path.clone()),
            true,
            package.then(|| vec![parent_directory(path)]),
            "SourceFileLoader",
        ),
        Found::Namespace { directories } => {
            (None, false, Some(directories.clone()), "NamespaceLoader")
        }
    };
    SpecParts {
        origin,
        has_location,
        locations,
        kind,
    }
}

/// The `ModuleSpec` for a found module, with its loader.
fn spec_of(name: &str, found: &Found) -> Value {
    let parent_of = |name: &str| name.rsplit_once('.').map_or("", |(p, _)| p).to_string();
    let SpecParts {
        origin,
        has_location,
        locations,
        kind,
    } = spec_parts(found);
    let parent = if locations.is_some() {
        name.to_string()
    } else {
        parent_of(name)
    };
    let loader = new_loader(kind, name, origin.as_deref().filter(|_| has_location));
    let spec = new_spec(
        name,
        &loader,
        origin.as_deref(),
        locations.as_deref(),
        has_location,
        &parent,
    );
    if let (Found::Source { path, .. }, Some(PyObject::Instance(instance))) = (found, spec.as_obj())
    {
        let _ = instance.set_attr(Value::str("cached"), Value::str(cache_path(path)));
    }
    spec
}

/// `path` made absolute against the host's current folder.
fn absolute(path: &str, host: &mut dyn crate::host::Host) -> PyResult<String> {
    if path.starts_with('/') {
        return Ok(path.to_string());
    }
    Ok(join(&host.current_dir()?, path))
}

/// What a finder of `sys.meta_path` found: one of the VM's own modules,
/// or a spec a Python finder made.
enum Spec {
    Native(Found),
    Python(Value),
}

/// The VM's own finders, the classes `sys.meta_path` starts with. The
/// frozen standard library comes after the search path (CPython finds
/// its standard library on `sys.path` after the program's folders), so
/// the order is builtin, path, frozen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NativeFinder {
    Builtin,
    Path,
    Frozen,
}

const DEFAULT_FINDERS: [NativeFinder; 3] = [
    NativeFinder::Builtin,
    NativeFinder::Path,
    NativeFinder::Frozen,
];

thread_local! {
    /// The finder classes, made once per thread (builtin types are shared
    /// by a thread's VMs); their functions take no receiver, so a class
    /// and an instance call them alike (`PathFinder.find_spec(name)`).
    static FINDER_TYPES: [Rc<crate::typeobject::TypeObject>; 3] = DEFAULT_FINDERS.map(finder_class);
}

fn finder_class(finder: NativeFinder) -> Rc<crate::typeobject::TypeObject> {
    use crate::builtins::function::PyBuiltinFunction;
    type Entry = (&'static str, crate::builtins::function::NativeFunction);
    let (module, name, functions): (&str, &str, &[Entry]) = match finder {
        NativeFinder::Builtin => (
            "_frozen_importlib",
            "BuiltinImporter",
            &[
                ("find_spec", |vm, args| {
                    finder_find_spec(vm, args, NativeFinder::Builtin)
                }),
                ("create_module", |_, _| Ok(Value::None)),
                ("exec_module", |vm, args| {
                    importer_exec_module(vm, args, NativeFinder::Builtin)
                }),
                ("is_package", |_, _| Ok(Value::bool(false))),
                ("get_code", |_, _| Ok(Value::None)),
                ("get_source", |_, _| Ok(Value::None)),
            ],
        ),
        NativeFinder::Frozen => (
            "_frozen_importlib",
            "FrozenImporter",
            &[
                ("find_spec", |vm, args| {
                    finder_find_spec(vm, args, NativeFinder::Frozen)
                }),
                ("create_module", |_, _| Ok(Value::None)),
                ("exec_module", |vm, args| {
                    importer_exec_module(vm, args, NativeFinder::Frozen)
                }),
                ("is_package", |vm, args| {
                    args.check("is_package", 1, 1)?;
                    let name = vm.str(&args.pos[0])?;
                    Ok(Value::bool(
                        vm.frozen_modules.get(&name).is_some_and(|f| f.package),
                    ))
                }),
                ("get_source", |_, _| Ok(Value::None)),
            ],
        ),
        NativeFinder::Path => (
            "_frozen_importlib_external",
            "PathFinder",
            &[
                ("find_spec", |vm, args| {
                    finder_find_spec(vm, args, NativeFinder::Path)
                }),
                ("invalidate_caches", |_, _| Ok(Value::None)),
            ],
        ),
    };
    let class = crate::native::native_type_in(module, name, &[]);
    {
        let mut dict = class.dict.borrow_mut();
        for &(function, func) in functions {
            let value = Value::obj(PyObject::BuiltinFunction(PyBuiltinFunction {
                name: function,
                func,
            }));
            dict.insert(Box::from(function), value);
        }
    }
    class
}

fn finder_type_value(finder: NativeFinder) -> Value {
    FINDER_TYPES.with(|types| {
        let index = DEFAULT_FINDERS
            .iter()
            .position(|f| *f == finder)
            .unwrap_or(0);
        crate::builtins::constructors::type_value(&types[index])
    })
}

/// `sys.meta_path` as a new VM's `sys` starts it.
pub(crate) fn default_meta_path() -> Value {
    Value::list(DEFAULT_FINDERS.map(finder_type_value).to_vec())
}

/// Which of the VM's finders `value` is (the class, or an instance).
fn native_finder_of(value: &Value) -> Option<NativeFinder> {
    let class = match value.as_obj() {
        Some(PyObject::Type(class)) => class.clone(),
        _ => crate::typeobject::class_of(value),
    };
    FINDER_TYPES.with(|types| {
        types
            .iter()
            .position(|t| Rc::ptr_eq(t, &class))
            .map(|i| DEFAULT_FINDERS[i])
    })
}

/// `find_spec(fullname, path=None, target=None)` of one of the VM's
/// finders: the module's spec, or `None`.
fn finder_find_spec(vm: &mut Vm, args: Args, finder: NativeFinder) -> PyResult {
    args.check_kw("find_spec", &["fullname", "path", "target"])?;
    args.check_pos("find_spec", 1, 3)?;
    let name = vm.str(&args.pos[0])?;
    let search_path = match args.get(1, "path").filter(|p| !p.is_none()) {
        Some(path) => Some(vm.path_entries(path)?),
        None => None,
    };
    Ok(match vm.find_with(finder, &name, search_path)? {
        Some(found) => spec_of(&name, &found),
        None => Value::None,
    })
}

/// `exec_module(module)` of `BuiltinImporter` and `FrozenImporter`: fills
/// or runs the module its `__name__` names.
fn importer_exec_module(vm: &mut Vm, args: Args, finder: NativeFinder) -> PyResult {
    args.check("exec_module", 1, 1)?;
    let module = args.pos[0].clone();
    let name = vm.get_attr(&module, "__name__")?;
    let name = vm.str(&name)?;
    let Some(found) = vm.find_with(finder, &name, None)? else {
        return Err(PyErr::import_error(
            ExcType::ImportError,
            &format!("No module named '{name}'"),
            Some(&name),
            None,
        ));
    };
    vm.exec_module(&name, &module, &found)?;
    Ok(Value::None)
}

/// The import system's classes `_imp` gives `importlib.machinery`: the
/// finders, `ModuleSpec` and `SourceFileLoader`.
pub(crate) fn machinery_classes() -> Vec<(&'static str, Value)> {
    let class = |name, methods| {
        crate::builtins::constructors::type_value(&crate::typeobject::other_type_with_methods(
            name, methods,
        ))
    };
    vec![
        ("BuiltinImporter", finder_type_value(NativeFinder::Builtin)),
        ("PathFinder", finder_type_value(NativeFinder::Path)),
        ("FrozenImporter", finder_type_value(NativeFinder::Frozen)),
        ("ModuleSpec", class("ModuleSpec", SPEC_METHODS)),
        (
            "SourceFileLoader",
            class("SourceFileLoader", LOADER_METHODS),
        ),
    ]
}
