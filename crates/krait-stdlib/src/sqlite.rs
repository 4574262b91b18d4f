//! `_sqlite3`: the native half of the `sqlite3` package — SQLite itself
//! (`libsqlite3-sys`, its amalgamation built from the crate's C source, as
//! CPython links its own), seen through two small types: `Database` (an
//! open connection: prepare, run a script, transaction state, counts,
//! user functions, aggregates and collations) and `Statement` (bind a
//! row of parameters, step, read the columns). The DB-API objects
//! (`Connection`, `Cursor`, `Row`, adapters and converters, implicit
//! transactions) are Python, in `lib/sqlite3/`: they are glue, and the
//! per-row work (binding, stepping, converting columns) is here.
//!
//! Unsafe code: the calls into SQLite. A `Database` owns its `sqlite3*`
//! (closed with `sqlite3_close_v2`, which waits for the statements that
//! are still alive); each `Statement` owns its `sqlite3_stmt*` and holds
//! the database's handle alive. SQLite calls user functions back while a
//! statement steps: the callbacks reach the interpreter through
//! [`CURRENT_VM`], set for the duration of each step by [`with_vm`].

use std::cell::Cell;
use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::rc::Rc;

use krait_vm::buffer::bytes_like;
use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::typeobject::{ClassDict, ExcType, TypeObject, exc_type};
use krait_vm::{Args, PyErr, PyResult, Value, Vm};
use libsqlite3_sys as ffi;

use crate::util::{function, method, type_value};

/// The DB-API exceptions, as CPython's `sqlite3` arranges them.
struct Errors {
    warning: Rc<TypeObject>,
    error: Rc<TypeObject>,
    interface: Rc<TypeObject>,
    database: Rc<TypeObject>,
    data: Rc<TypeObject>,
    operational: Rc<TypeObject>,
    integrity: Rc<TypeObject>,
    internal: Rc<TypeObject>,
    programming: Rc<TypeObject>,
    not_supported: Rc<TypeObject>,
}

fn error_class(name: &str, base: Rc<TypeObject>) -> Rc<TypeObject> {
    let mut dict = ClassDict::default();
    dict.insert(Box::from("__module__"), Value::str("sqlite3"));
    let mut class = TypeObject::new_class(name, vec![base], dict).expect("a single base");
    class.heap = false;
    Rc::new(class)
}

fn make_errors() -> Errors {
    let exception = exc_type(ExcType::Exception);
    let error = error_class("Error", exception.clone());
    let database = error_class("DatabaseError", error.clone());
    Errors {
        warning: error_class("Warning", exception),
        interface: error_class("InterfaceError", error.clone()),
        data: error_class("DataError", database.clone()),
        operational: error_class("OperationalError", database.clone()),
        integrity: error_class("IntegrityError", database.clone()),
        internal: error_class("InternalError", database.clone()),
        programming: error_class("ProgrammingError", database.clone()),
        not_supported: error_class("NotSupportedError", database.clone()),
        database,
        error,
    }
}

thread_local! {
    static ERRORS: Errors = make_errors();
    static DATABASE_TYPE: Rc<TypeObject> = native_type_in("_sqlite3", "Database", DATABASE_METHODS);
    static STATEMENT_TYPE: Rc<TypeObject> =
        native_type_in("_sqlite3", "Statement", STATEMENT_METHODS);
    static LEASE_TYPE: Rc<TypeObject> = native_type_in("_sqlite3", "Lease", LEASE_METHODS);
    /// The interpreter running the current step, for user functions.
    static CURRENT_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
    /// See [`take_stopped`].
    static STOPPED: Cell<Option<PyErr>> = const { Cell::new(None) };
}

fn raise(pick: impl Fn(&Errors) -> &Rc<TypeObject>, message: impl Into<String>) -> PyErr {
    let class = ERRORS.with(|errors| pick(errors).clone());
    PyErr::with_args(class, vec![Value::str(message.into())])
}

fn programming_error(message: impl Into<String>) -> PyErr {
    raise(|e| &e.programming, message)
}

/// The exception for SQLite's result `code` (extended), with
/// `sqlite_errorcode` and `sqlite_errorname` set as CPython 3.11 does.
fn sqlite_error(code: c_int, message: String) -> PyErr {
    if code & 0xff == ffi::SQLITE_NOMEM {
        return PyErr::new(ExcType::MemoryError, "");
    }
    let err = raise(
        |e| match code & 0xff {
            ffi::SQLITE_INTERNAL | ffi::SQLITE_NOTFOUND => &e.internal,
            ffi::SQLITE_ERROR
            | ffi::SQLITE_PERM
            | ffi::SQLITE_ABORT
            | ffi::SQLITE_BUSY
            | ffi::SQLITE_LOCKED
            | ffi::SQLITE_READONLY
            | ffi::SQLITE_INTERRUPT
            | ffi::SQLITE_IOERR
            | ffi::SQLITE_FULL
            | ffi::SQLITE_CANTOPEN
            | ffi::SQLITE_PROTOCOL
            | ffi::SQLITE_EMPTY
            | ffi::SQLITE_SCHEMA => &e.operational,
            ffi::SQLITE_TOOBIG => &e.data,
            ffi::SQLITE_CONSTRAINT | ffi::SQLITE_MISMATCH => &e.integrity,
            ffi::SQLITE_MISUSE | ffi::SQLITE_RANGE => &e.interface,
            _ => &e.database,
        },
        message,
    );
    if let Some(dict) = err.exception().dict().as_dict() {
        let _ = dict.set_item(Value::str("sqlite_errorcode"), Value::Int(code.into()));
        let name = error_name(code).map_or(Value::None, Value::str);
        let _ = dict.set_item(Value::str("sqlite_errorname"), name);
    }
    err
}

/// The C name of a result code (`SQLITE_CONSTRAINT_PRIMARYKEY`).
fn error_name(code: c_int) -> Option<String> {
    const PRIMARY: &[&str] = &[
        "SQLITE_OK",
        "SQLITE_ERROR",
        "SQLITE_INTERNAL",
        "SQLITE_PERM",
        "SQLITE_ABORT",
        "SQLITE_BUSY",
        "SQLITE_LOCKED",
        "SQLITE_NOMEM",
        "SQLITE_READONLY",
        "SQLITE_INTERRUPT",
        "SQLITE_IOERR",
        "SQLITE_CORRUPT",
        "SQLITE_NOTFOUND",
        "SQLITE_FULL",
        "SQLITE_CANTOPEN",
        "SQLITE_PROTOCOL",
        "SQLITE_EMPTY",
        "SQLITE_SCHEMA",
        "SQLITE_TOOBIG",
        "SQLITE_CONSTRAINT",
        "SQLITE_MISMATCH",
        "SQLITE_MISUSE",
        "SQLITE_NOLFS",
        "SQLITE_AUTH",
        "SQLITE_FORMAT",
        "SQLITE_RANGE",
        "SQLITE_NOTADB",
    ];
    // The extended codes met in practice; others are named by their
    // primary code.
    const EXTENDED: &[(c_int, &str)] = &[
        (ffi::SQLITE_CONSTRAINT_CHECK, "SQLITE_CONSTRAINT_CHECK"),
        (
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY,
            "SQLITE_CONSTRAINT_FOREIGNKEY",
        ),
        (ffi::SQLITE_CONSTRAINT_NOTNULL, "SQLITE_CONSTRAINT_NOTNULL"),
        (
            ffi::SQLITE_CONSTRAINT_PRIMARYKEY,
            "SQLITE_CONSTRAINT_PRIMARYKEY",
        ),
        (ffi::SQLITE_CONSTRAINT_UNIQUE, "SQLITE_CONSTRAINT_UNIQUE"),
        (ffi::SQLITE_CONSTRAINT_TRIGGER, "SQLITE_CONSTRAINT_TRIGGER"),
        (ffi::SQLITE_CONSTRAINT_ROWID, "SQLITE_CONSTRAINT_ROWID"),
        (ffi::SQLITE_READONLY_DBMOVED, "SQLITE_READONLY_DBMOVED"),
        (ffi::SQLITE_CANTOPEN_ISDIR, "SQLITE_CANTOPEN_ISDIR"),
        (ffi::SQLITE_BUSY_SNAPSHOT, "SQLITE_BUSY_SNAPSHOT"),
    ];
    if let Some((_, name)) = EXTENDED.iter().find(|(c, _)| *c == code) {
        return Some((*name).to_string());
    }
    PRIMARY
        .get(usize::try_from(code & 0xff).ok()?)
        .map(|name| (*name).to_string())
}

/// An open connection's handle, shared by its statements (a statement
/// keeps the connection open until it is finalized).
struct Handle {
    raw: Cell<*mut ffi::sqlite3>,
    /// A connection closed while statements of it were alive (which
    /// hold this handle): closed for good when the last one goes.
    closing: Cell<*mut ffi::sqlite3>,
}

impl Handle {
    fn get(&self) -> PyResult<*mut ffi::sqlite3> {
        let raw = self.raw.get();
        if raw.is_null() {
            return Err(programming_error("Cannot operate on a closed database."));
        }
        Ok(raw)
    }

    /// The error SQLite reports for the last call that failed with
    /// `code`.
    fn error(&self, code: c_int) -> PyErr {
        if let Some(stopped) = take_stopped() {
            return stopped;
        }
        let raw = self.raw.get();
        if raw.is_null() {
            return sqlite_error(code, errstr(code));
        }
        // SAFETY: an open connection; errmsg returns a string SQLite owns
        // until the next call, copied at once.
        let message = unsafe { CStr::from_ptr(ffi::sqlite3_errmsg(raw)) }
            .to_string_lossy()
            .into_owned();
        // SAFETY: an open connection.
        let extended = unsafe { ffi::sqlite3_extended_errcode(raw) };
        let code = if extended & 0xff == code & 0xff {
            extended
        } else {
            code
        };
        sqlite_error(code, message)
    }

    fn close(&self) -> c_int {
        let raw = self.raw.replace(std::ptr::null_mut());
        if raw.is_null() {
            return ffi::SQLITE_OK;
        }
        // SAFETY: an open connection, closed once (the pointer was taken
        // out).
        match unsafe { ffi::sqlite3_close(raw) } {
            ffi::SQLITE_BUSY => {
                // Unfinalized statements: closed when they are gone.
                self.closing.set(raw);
                ffi::SQLITE_OK
            }
            code => code,
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.close();
        let raw = self.closing.replace(std::ptr::null_mut());
        if !raw.is_null() {
            // SAFETY: every statement of this connection held this handle
            // and has been finalized: the close can complete.
            unsafe { ffi::sqlite3_close(raw) };
        }
    }
}

fn errstr(code: c_int) -> String {
    // SAFETY: sqlite3_errstr returns a static string.
    unsafe { CStr::from_ptr(ffi::sqlite3_errstr(code)) }
        .to_string_lossy()
        .into_owned()
}

/// Runs `body` with `vm` reachable by user-function callbacks.
fn with_vm<T>(vm: &mut Vm, body: impl FnOnce() -> T) -> T {
    let previous = CURRENT_VM.with(|current| current.replace(vm as *mut Vm));
    let result = body();
    CURRENT_VM.with(|current| current.set(previous));
    result
}

/// The interpreter of the step that called back (null outside a step).
fn current_vm<'a>() -> Option<&'a mut Vm> {
    let vm = CURRENT_VM.with(Cell::get);
    // SAFETY: set by `with_vm` from a `&mut Vm` that outlives the step;
    // SQLite calls back on this thread, inside that step, while the
    // native method that stepped does not use the VM.
    unsafe { vm.as_mut() }
}

struct Database {
    handle: Rc<Handle>,
}

impl NativeData for Database {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}
}

struct Statement {
    handle: Rc<Handle>,
    raw: Cell<*mut ffi::sqlite3_stmt>,
}

impl NativeData for Statement {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}
}

impl Statement {
    fn get(&self) -> PyResult<*mut ffi::sqlite3_stmt> {
        self.handle.get()?;
        let raw = self.raw.get();
        if raw.is_null() {
            return Err(programming_error(
                "Cannot operate on a finalized statement.",
            ));
        }
        Ok(raw)
    }

    /// Back to before its first step, its parameters cleared.
    fn reset(&self) {
        let raw = self.raw.get();
        if !raw.is_null() && !self.handle.raw.get().is_null() {
            // SAFETY: a live statement.
            unsafe {
                ffi::sqlite3_reset(raw);
                ffi::sqlite3_clear_bindings(raw);
            }
        }
    }

    fn finalize(&self) {
        let raw = self.raw.replace(std::ptr::null_mut());
        if !raw.is_null() {
            // SAFETY: a live statement, finalized once.
            unsafe { ffi::sqlite3_finalize(raw) };
        }
    }
}

impl Drop for Statement {
    fn drop(&mut self) {
        self.finalize();
    }
}

/// A cursor's hold on a statement whose rows it has not all read
/// (`statement.lease()`): dropped with the cursor, it resets the statement
/// (as CPython's cursor does when freed), so the connection's cache can
/// hand the statement to the next `execute` instead of preparing its SQL
/// again. `reset()` ends it early, when the cursor lets the statement go.
struct Lease {
    statement: Value,
    active: Cell<bool>,
}

impl NativeData for Lease {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.statement);
    }
}

impl Lease {
    fn end(&self) {
        if self.active.replace(false)
            && let Some(stmt) = self.statement.native::<Statement>()
        {
            stmt.reset();
        }
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        self.end();
    }
}

fn lease(receiver: &Value) -> PyResult<&Lease> {
    receiver
        .native::<Lease>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_sqlite3.Lease' object"))
}

fn m_lease(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    statement(receiver)?;
    Ok(NativeObject::new_value(
        LEASE_TYPE.with(Rc::clone),
        Lease {
            statement: receiver.clone(),
            active: Cell::new(true),
        },
    ))
}

fn m_lease_step(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let statement = lease(receiver)?.statement.clone();
    m_step(vm, &statement, args)
}

/// `lease.rest(text_factory)`: every row the statement has left, as a
/// list of tuples, after which the lease ends (the statement is reset) as
/// after its last `step`: `fetchall` without a Python call per row.
fn m_lease_rest(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let held = lease(receiver)?;
    let statement_value = held.statement.clone();
    let stmt = statement(&statement_value)?;
    let raw = stmt.get()?;
    let text = args.pos.first().cloned().unwrap_or(Value::None);
    let mut rows = Vec::new();
    loop {
        let row = step(vm, stmt, raw, &text)?;
        if row.is_none() {
            break;
        }
        rows.push(row);
    }
    held.end();
    Ok(Value::list(rows))
}

fn m_lease_reset(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    lease(receiver)?.end();
    Ok(Value::None)
}

const LEASE_METHODS: &[MethodDef] = &[
    method("step", Params::Positional(0, 1), m_lease_step),
    method("rest", Params::Positional(0, 1), m_lease_rest),
    method("reset", Params::NoArgs, m_lease_reset),
];

fn database(receiver: &Value) -> PyResult<&Database> {
    receiver
        .native::<Database>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_sqlite3.Database' object"))
}

fn statement(receiver: &Value) -> PyResult<&Statement> {
    receiver
        .native::<Statement>()
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_sqlite3.Statement' object"))
}

fn str_arg<'a>(value: &'a Value, what: &str) -> PyResult<&'a str> {
    value
        .as_str_or_subclass()
        .map(|s| s.as_str())
        .ok_or_else(|| PyErr::type_error(format!("{what} must be str, not {}", value.type_name())))
}

fn c_string(text: &str) -> PyResult<CString> {
    CString::new(text).map_err(|_| PyErr::value_error("the query contains a null character"))
}

/// Where a database name (a URI when `uri`) is stored: `None` for a
/// database in memory only, else the file's path and whether it is
/// opened read-only (`mode=ro`). `""` is SQLite's private temporary
/// file, allowed when the host shows the current folder.
fn database_file(name: &str, uri: bool) -> Option<(String, bool)> {
    if name == ":memory:" {
        return None;
    }
    if !uri || !name.starts_with("file:") {
        return Some((name.to_string(), false));
    }
    let rest = &name["file:".len()..];
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let query = query.split('#').next().unwrap_or("");
    let mode = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("mode="))
        .unwrap_or("");
    if mode == "memory" || path == ":memory:" {
        return None;
    }
    // `file://host/path`: only an empty or `localhost` authority is
    // valid; SQLite refuses the others itself.
    let path = match path.strip_prefix("//") {
        Some(authority_and_path) => match authority_and_path.find('/') {
            Some(slash) => &authority_and_path[slash..],
            None => "",
        },
        None => path,
    };
    Some((percent_decoded(path), mode == "ro"))
}

fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((high * 16 + low) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// SQLite opens its files itself, not through the VM's host: the host
/// is asked first to open the same file (`read_only` or read, write and
/// create), and its refusal (a sandbox's PermissionError) is the
/// answer. Other failures are left for SQLite to report in its words.
fn host_grants(vm: &mut Vm, path: &str, read_only: bool) -> PyResult<()> {
    let probe = if path.is_empty() {
        vm.host().current_dir().map(drop)
    } else {
        let mode = krait_vm::host::OpenMode {
            read: true,
            write: !read_only,
            append: false,
            truncate: false,
            create: !read_only,
            create_new: false,
        };
        vm.host().open_file(path, mode).map(drop)
    };
    match probe {
        Err(err) if err.matches(ExcType::PermissionError) => Err(err),
        _ => Ok(()),
    }
}

/// SQLite's authorizer: `ATTACH` (and `VACUUM INTO`, which attaches its
/// target) opens another file, which the host must grant as `open` does.
unsafe extern "C" fn authorize(
    _: *mut c_void,
    action: c_int,
    file: *const c_char,
    _: *const c_char,
    _: *const c_char,
    _: *const c_char,
) -> c_int {
    if action != ffi::SQLITE_ATTACH {
        return ffi::SQLITE_OK;
    }
    let Some(vm) = current_vm() else {
        return ffi::SQLITE_DENY;
    };
    let granted = if file.is_null() {
        // A name known only when the statement runs (`ATTACH ?`): only
        // a host that grants the whole file system (it shows the current
        // folder) lets it through.
        host_grants(vm, "", false).is_ok()
    } else {
        // SAFETY: SQLite passes the attached file's name, NUL-terminated.
        let name = unsafe { CStr::from_ptr(file) }
            .to_string_lossy()
            .into_owned();
        match database_file(&name, name.starts_with("file:")) {
            None => true,
            Some((path, read_only)) => host_grants(vm, &path, read_only).is_ok(),
        }
    };
    if granted {
        ffi::SQLITE_OK
    } else {
        ffi::SQLITE_DENY
    }
}

/// The error of a limit SQLite's progress handler found passed, given
/// instead of SQLite's "interrupted" so that no `except` catches it.
fn take_stopped() -> Option<PyErr> {
    STOPPED.with(|stopped| stopped.take())
}

/// SQLite's progress handler, every [`PROGRESS_STEPS`] virtual-machine
/// steps of a statement: a long query stops at the program's deadline
/// or Ctrl-C as Python code does.
unsafe extern "C" fn progress(_: *mut c_void) -> c_int {
    match krait_vm::check_native_work_limits() {
        Ok(()) => 0,
        Err(err) => {
            STOPPED.with(|stopped| stopped.set(Some(err)));
            1
        }
    }
}

/// SQLite virtual-machine steps between two looks at the limits.
const PROGRESS_STEPS: c_int = 10_000;

/// SQLite's memory, taken from Rust's global allocator (the `krait`
/// command's counting one: `--max-memory` covers SQLite's caches and
/// temporary tables; a refusal is SQLITE_NOMEM, a MemoryError). Each
/// block starts with its size.
mod memory {
    use std::alloc::{Layout, alloc, dealloc, realloc};
    use std::ffi::{c_int, c_void};

    const HEADER: usize = 16;

    fn layout(size: usize) -> Option<Layout> {
        Layout::from_size_align(size.checked_add(HEADER)?, HEADER).ok()
    }

    pub unsafe extern "C" fn malloc(size: c_int) -> *mut c_void {
        let size = usize::try_from(size).unwrap_or(0);
        let Some(layout) = layout(size) else {
            return std::ptr::null_mut();
        };
        // SAFETY: a non-zero layout; the size is written in the header,
        // the caller gets the bytes after it.
        unsafe {
            let block = alloc(layout);
            if block.is_null() {
                return std::ptr::null_mut();
            }
            block.cast::<usize>().write(size);
            block.add(HEADER).cast()
        }
    }

    /// # Safety
    /// `data` is null or a block from `malloc`/`realloc`.
    unsafe fn size_of(data: *mut c_void) -> usize {
        // SAFETY: the caller's guarantee: the header precedes `data`.
        unsafe { data.cast::<u8>().sub(HEADER).cast::<usize>().read() }
    }

    pub unsafe extern "C" fn free(data: *mut c_void) {
        if data.is_null() {
            return;
        }
        // SAFETY: a block from `malloc`/`realloc`, freed once by SQLite.
        unsafe {
            let size = size_of(data);
            if let Some(layout) = layout(size) {
                dealloc(data.cast::<u8>().sub(HEADER), layout);
            }
        }
    }

    pub unsafe extern "C" fn resize(data: *mut c_void, size: c_int) -> *mut c_void {
        if data.is_null() {
            // SAFETY: as `malloc`.
            return unsafe { malloc(size) };
        }
        let size = usize::try_from(size).unwrap_or(0);
        // SAFETY: a block from `malloc`/`realloc` with its layout; the new
        // size is written in the moved header.
        unsafe {
            let old = size_of(data);
            let (Some(old_layout), Some(_)) = (layout(old), layout(size)) else {
                return std::ptr::null_mut();
            };
            let block = realloc(data.cast::<u8>().sub(HEADER), old_layout, size + HEADER);
            if block.is_null() {
                return std::ptr::null_mut();
            }
            block.cast::<usize>().write(size);
            block.add(HEADER).cast()
        }
    }

    pub unsafe extern "C" fn size(data: *mut c_void) -> c_int {
        if data.is_null() {
            return 0;
        }
        // SAFETY: a block from `malloc`/`realloc`.
        c_int::try_from(unsafe { size_of(data) }).unwrap_or(c_int::MAX)
    }

    pub unsafe extern "C" fn roundup(size: c_int) -> c_int {
        size.saturating_add(7) & !7
    }

    pub unsafe extern "C" fn init(_: *mut c_void) -> c_int {
        0
    }

    pub unsafe extern "C" fn shutdown(_: *mut c_void) {}
}

/// Gives SQLite [`memory`]'s allocator, once per process, before its
/// first use.
fn configure_sqlite() {
    static CONFIGURED: std::sync::Once = std::sync::Once::new();
    CONFIGURED.call_once(|| {
        let methods = ffi::sqlite3_mem_methods {
            xMalloc: Some(memory::malloc),
            xFree: Some(memory::free),
            xRealloc: Some(memory::resize),
            xSize: Some(memory::size),
            xRoundup: Some(memory::roundup),
            xInit: Some(memory::init),
            xShutdown: Some(memory::shutdown),
            pAppData: std::ptr::null_mut(),
        };
        // SAFETY: called before SQLite is initialised (this Once runs
        // before any connection is opened); SQLite copies the methods.
        unsafe {
            ffi::sqlite3_config(
                ffi::SQLITE_CONFIG_MALLOC,
                &methods as *const ffi::sqlite3_mem_methods,
            );
            ffi::sqlite3_initialize();
        }
    });
}

/// `open(path, timeout, uri)`: a `Database`.
fn open(vm: &mut Vm, args: Args) -> PyResult {
    args.check_pos("open", 3, 3)?;
    let name = str_arg(&args.pos[0], "database")?;
    let uri = matches!(args.pos[2], Value::Bool(b) if b.get());
    if let Some((file, read_only)) = database_file(name, uri) {
        host_grants(vm, &file, read_only)?;
    }
    let path = c_string(name)?;
    configure_sqlite();
    let timeout = match &args.pos[1] {
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        _ => 5.0,
    };
    // One thread of Python code uses a connection at a time: SQLite's
    // own locking per call is not needed.
    let mut flags = ffi::SQLITE_OPEN_READWRITE | ffi::SQLITE_OPEN_CREATE | ffi::SQLITE_OPEN_NOMUTEX;
    if uri {
        flags |= ffi::SQLITE_OPEN_URI;
    }
    let mut raw = std::ptr::null_mut();
    // SAFETY: a NUL-terminated path and an out pointer; SQLite gives a
    // handle even on failure (to read its message), closed by `Handle`.
    let code = unsafe { ffi::sqlite3_open_v2(path.as_ptr(), &mut raw, flags, std::ptr::null()) };
    let handle = Rc::new(Handle {
        raw: Cell::new(raw),
        closing: Cell::new(std::ptr::null_mut()),
    });
    if code != ffi::SQLITE_OK {
        if raw.is_null() {
            return Err(PyErr::new(ExcType::MemoryError, ""));
        }
        return Err(handle.error(code));
    }
    // SAFETY: an open connection.
    unsafe {
        ffi::sqlite3_busy_timeout(
            raw,
            (timeout * 1000.0).clamp(0.0, c_int::MAX as f64) as c_int,
        );
        ffi::sqlite3_extended_result_codes(raw, 1);
        // The bundled SQLite is built with foreign keys enforced by
        // default; SQLite's own default (and CPython's) is off until
        // `PRAGMA foreign_keys = ON`.
        ffi::sqlite3_db_config(
            raw,
            ffi::SQLITE_DBCONFIG_ENABLE_FKEY,
            0 as c_int,
            std::ptr::null_mut::<c_int>(),
        );
        ffi::sqlite3_set_authorizer(raw, Some(authorize), std::ptr::null_mut());
        ffi::sqlite3_progress_handler(raw, PROGRESS_STEPS, Some(progress), std::ptr::null_mut());
    }
    Ok(NativeObject::new_value(
        DATABASE_TYPE.with(Rc::clone),
        Database { handle },
    ))
}

/// Whether `rest` holds anything besides whitespace and comments.
fn holds_more_sql(rest: &[u8]) -> bool {
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b';' => i += 1,
            b'-' if rest.get(i + 1) == Some(&b'-') => {
                while i < rest.len() && rest[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if rest.get(i + 1) == Some(&b'*') => {
                match rest[i + 2..].windows(2).position(|w| w == b"*/") {
                    Some(end) => i += end + 4,
                    None => return false,
                }
            }
            _ => return true,
        }
    }
    false
}

/// `db.prepare(sql)`: a `Statement`, or None for SQL with no statement
/// (blank, a comment). ProgrammingError for a second statement after
/// the first, as CPython's `execute`.
fn m_prepare(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let db = database(receiver)?;
    let raw_db = db.handle.get()?;
    let sql = str_arg(&args.pos[0], "execute() argument 1")?;
    let bytes = sql.as_bytes();
    let length = c_int::try_from(bytes.len())
        .map_err(|_| raise(|e| &e.data, "query string is too large"))?;
    let mut raw = std::ptr::null_mut();
    let mut tail: *const c_char = std::ptr::null();
    // SAFETY: the SQL's bytes with their length (no NUL needed), out
    // pointers for the statement and the unread tail (inside `bytes`).
    let code = with_vm(vm, || unsafe {
        ffi::sqlite3_prepare_v2(raw_db, bytes.as_ptr().cast(), length, &mut raw, &mut tail)
    });
    if code != ffi::SQLITE_OK {
        return Err(db.handle.error(code));
    }
    let statement = Statement {
        handle: db.handle.clone(),
        raw: Cell::new(raw),
    };
    let consumed = if tail.is_null() {
        bytes.len()
    } else {
        (tail as usize).saturating_sub(bytes.as_ptr() as usize)
    };
    if holds_more_sql(&bytes[consumed.min(bytes.len())..]) {
        return Err(programming_error(
            "You can only execute one statement at a time.",
        ));
    }
    if raw.is_null() {
        return Ok(Value::None);
    }
    Ok(NativeObject::new_value(
        STATEMENT_TYPE.with(Rc::clone),
        statement,
    ))
}

/// `db.execute_script(sql)`: every statement of `sql`, rows dropped.
fn m_execute_script(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let db = database(receiver)?;
    let raw_db = db.handle.get()?;
    let sql = str_arg(&args.pos[0], "script argument")?;
    let bytes = sql.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        let length = c_int::try_from(rest.len())
            .map_err(|_| raise(|e| &e.data, "query string is too large"))?;
        let mut raw = std::ptr::null_mut();
        let mut tail: *const c_char = std::ptr::null();
        // SAFETY: as in `m_prepare`.
        let code = with_vm(vm, || unsafe {
            ffi::sqlite3_prepare_v2(raw_db, rest.as_ptr().cast(), length, &mut raw, &mut tail)
        });
        if code != ffi::SQLITE_OK {
            return Err(db.handle.error(code));
        }
        let consumed = if tail.is_null() {
            rest.len()
        } else {
            (tail as usize).saturating_sub(rest.as_ptr() as usize)
        };
        if raw.is_null() {
            if consumed == 0 {
                break;
            }
            at += consumed;
            continue;
        }
        let statement = Statement {
            handle: db.handle.clone(),
            raw: Cell::new(raw),
        };
        loop {
            // SAFETY: a live statement.
            let code = with_vm(vm, || unsafe { ffi::sqlite3_step(raw) });
            match code {
                ffi::SQLITE_ROW => continue,
                ffi::SQLITE_DONE => break,
                code => return Err(statement.handle.error(code)),
            }
        }
        drop(statement);
        at += consumed.max(1);
    }
    Ok(Value::None)
}

fn m_close(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let db = database(receiver)?;
    match db.handle.close() {
        ffi::SQLITE_OK => Ok(Value::None),
        code => Err(sqlite_error(code, errstr(code))),
    }
}

fn m_is_open(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::bool(!database(receiver)?.handle.raw.get().is_null()))
}

fn m_changes(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    // SAFETY: an open connection.
    Ok(Value::Int(unsafe { ffi::sqlite3_changes(raw) }.into()))
}

fn m_total_changes(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    // SAFETY: an open connection.
    Ok(Value::Int(
        unsafe { ffi::sqlite3_total_changes(raw) }.into(),
    ))
}

fn m_last_insert_rowid(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    // SAFETY: an open connection.
    Ok(Value::Int(unsafe { ffi::sqlite3_last_insert_rowid(raw) }))
}

fn m_in_transaction(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    // SAFETY: an open connection.
    Ok(Value::bool(
        unsafe { ffi::sqlite3_get_autocommit(raw) } == 0,
    ))
}

fn m_interrupt(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    // SAFETY: an open connection.
    unsafe { ffi::sqlite3_interrupt(raw) };
    Ok(Value::None)
}

/// What a user function, aggregate or collation calls: boxed as the
/// function's user data, freed by SQLite through [`destroy_callable`].
struct Callable {
    callable: Value,
}

unsafe extern "C" fn destroy_callable(data: *mut c_void) {
    // SAFETY: `data` is the `Box<Callable>` leaked at registration,
    // freed once by SQLite.
    drop(unsafe { Box::from_raw(data.cast::<Callable>()) });
}

/// The Python value of a function argument.
///
/// # Safety
/// `value` is an argument SQLite passed to the running callback.
unsafe fn value_of(value: *mut ffi::sqlite3_value) -> Value {
    // SAFETY: the caller's guarantee; text and blob pointers are read
    // with their byte counts before any other call on the value.
    unsafe {
        match ffi::sqlite3_value_type(value) {
            ffi::SQLITE_INTEGER => Value::Int(ffi::sqlite3_value_int64(value)),
            ffi::SQLITE_FLOAT => Value::float(ffi::sqlite3_value_double(value)),
            ffi::SQLITE_TEXT => {
                let text = ffi::sqlite3_value_text(value);
                let n = ffi::sqlite3_value_bytes(value) as usize;
                if text.is_null() {
                    return Value::str("");
                }
                let bytes = std::slice::from_raw_parts(text, n);
                Value::str(String::from_utf8_lossy(bytes).into_owned())
            }
            ffi::SQLITE_BLOB => {
                let blob = ffi::sqlite3_value_blob(value);
                let n = ffi::sqlite3_value_bytes(value) as usize;
                if blob.is_null() {
                    return Value::bytes(Vec::new());
                }
                Value::bytes(std::slice::from_raw_parts(blob.cast::<u8>(), n).to_vec())
            }
            _ => Value::None,
        }
    }
}

/// # Safety
/// `argv` holds `argc` arguments of the running callback.
unsafe fn arguments(argc: c_int, argv: *mut *mut ffi::sqlite3_value) -> Vec<Value> {
    (0..usize::try_from(argc).unwrap_or(0))
        // SAFETY: the caller's guarantee.
        .map(|i| unsafe { value_of(*argv.add(i)) })
        .collect()
}

/// Gives a user function's result to SQLite; false for a value SQLite
/// cannot hold.
///
/// # Safety
/// `context` is the running callback's.
unsafe fn set_result(context: *mut ffi::sqlite3_context, value: &Value) -> bool {
    let value = value.builtin_value();
    // SAFETY: the caller's guarantee; text and blobs are copied by
    // SQLite (SQLITE_TRANSIENT).
    unsafe {
        match value {
            Value::None => ffi::sqlite3_result_null(context),
            Value::Int(i) => ffi::sqlite3_result_int64(context, *i),
            Value::Bool(b) => ffi::sqlite3_result_int64(context, b.get().into()),
            Value::Float(f) => ffi::sqlite3_result_double(context, f.get()),
            _ => {
                if let Some(text) = value.as_str_or_subclass() {
                    let text = text.as_str();
                    ffi::sqlite3_result_text64(
                        context,
                        text.as_ptr().cast(),
                        text.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                        ffi::SQLITE_UTF8 as u8,
                    );
                } else if let Ok(Some(bytes)) = bytes_like(value) {
                    ffi::sqlite3_result_blob64(
                        context,
                        bytes.as_ptr().cast(),
                        bytes.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                    );
                } else {
                    return false;
                }
            }
        }
    }
    true
}

/// # Safety
/// `context` is the running callback's.
unsafe fn result_error(context: *mut ffi::sqlite3_context, message: &str) {
    // SAFETY: the caller's guarantee; the message is copied.
    unsafe { ffi::sqlite3_result_error(context, message.as_ptr().cast(), message.len() as c_int) };
}

unsafe extern "C" fn call_function(
    context: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    const FAILED: &str = "user-defined function raised exception";
    // SAFETY: the user data is the `Callable` registered with the
    // function, alive while the function is.
    let data = unsafe { &*ffi::sqlite3_user_data(context).cast::<Callable>() };
    // SAFETY: SQLite's arguments for this call.
    let args = unsafe { arguments(argc, argv) };
    let Some(vm) = current_vm() else {
        // SAFETY: the running callback's context.
        unsafe { result_error(context, FAILED) };
        return;
    };
    let callable = data.callable.clone();
    let result = vm.call(&callable, Args::new(&args));
    // SAFETY: the running callback's context.
    unsafe {
        match result {
            Ok(value) if set_result(context, &value) => {}
            _ => result_error(context, FAILED),
        }
    }
}

/// An aggregate's instance for one group, kept in SQLite's aggregate
/// context (a pointer-sized slot, zeroed when a group starts).
///
/// # Safety
/// `context` is the running callback's.
unsafe fn aggregate_slot(
    context: *mut ffi::sqlite3_context,
    make: bool,
) -> Option<*mut *mut Value> {
    let size = if make {
        std::mem::size_of::<*mut Value>() as c_int
    } else {
        0
    };
    // SAFETY: the caller's guarantee.
    let slot = unsafe { ffi::sqlite3_aggregate_context(context, size) }.cast::<*mut Value>();
    (!slot.is_null()).then_some(slot)
}

unsafe extern "C" fn aggregate_step(
    context: *mut ffi::sqlite3_context,
    argc: c_int,
    argv: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: as in `call_function`.
    let data = unsafe { &*ffi::sqlite3_user_data(context).cast::<Callable>() };
    let Some(vm) = current_vm() else { return };
    // SAFETY: the running callback's context.
    let Some(slot) = (unsafe { aggregate_slot(context, true) }) else {
        // SAFETY: the running callback's context.
        unsafe { ffi::sqlite3_result_error_nomem(context) };
        return;
    };
    // SAFETY: the slot holds null or the instance boxed below.
    if unsafe { (*slot).is_null() } {
        let class = data.callable.clone();
        match vm.call(&class, Args::new(&[])) {
            // SAFETY: the slot is SQLite's, this group's.
            Ok(instance) => unsafe { *slot = Box::into_raw(Box::new(instance)) },
            Err(_) => {
                // SAFETY: the running callback's context.
                unsafe {
                    result_error(
                        context,
                        "user-defined aggregate's '__init__' method raised error",
                    )
                };
                return;
            }
        }
    }
    // SAFETY: a live boxed instance (set above or by an earlier step).
    let instance = unsafe { (**slot).clone() };
    // SAFETY: SQLite's arguments for this call.
    let args = unsafe { arguments(argc, argv) };
    let outcome = vm
        .get_attr(&instance, "step")
        .and_then(|step| vm.call(&step, Args::new(&args)));
    if outcome.is_err() {
        // SAFETY: the running callback's context.
        unsafe {
            result_error(
                context,
                "user-defined aggregate's 'step' method raised error",
            )
        };
    }
}

unsafe extern "C" fn aggregate_final(context: *mut ffi::sqlite3_context) {
    // SAFETY: the running callback's context (no allocation: a group
    // with no rows has no instance).
    let slot = unsafe { aggregate_slot(context, false) };
    // SAFETY: the slot holds null or this group's boxed instance, taken
    // out once here.
    let instance = match slot {
        Some(slot) if unsafe { !(*slot).is_null() } => unsafe {
            let boxed = Box::from_raw(*slot);
            *slot = std::ptr::null_mut();
            *boxed
        },
        _ => {
            // No rows: CPython makes the instance now to ask finalize.
            // SAFETY: as in `call_function`.
            let data = unsafe { &*ffi::sqlite3_user_data(context).cast::<Callable>() };
            let Some(vm) = current_vm() else { return };
            match vm.call(&data.callable.clone(), Args::new(&[])) {
                Ok(instance) => instance,
                Err(_) => {
                    // SAFETY: the running callback's context.
                    unsafe {
                        result_error(
                            context,
                            "user-defined aggregate's '__init__' method raised error",
                        )
                    };
                    return;
                }
            }
        }
    };
    let Some(vm) = current_vm() else { return };
    let result = vm
        .get_attr(&instance, "finalize")
        .and_then(|finalize| vm.call(&finalize, Args::new(&[])));
    // SAFETY: the running callback's context.
    unsafe {
        match result {
            Ok(value) if set_result(context, &value) => {}
            _ => result_error(
                context,
                "user-defined aggregate's 'finalize' method raised error",
            ),
        }
    }
}

fn function_name(value: &Value) -> PyResult<CString> {
    c_string(str_arg(value, "name")?)
}

/// The argument count of a function or aggregate (-1: any).
fn arg_count(value: &Value) -> c_int {
    match value {
        Value::Int(n) => (*n).clamp(-1, 127) as c_int,
        _ => -1,
    }
}

/// `callable` boxed as the user data of a function, aggregate or
/// collation (SQLite owns it from registration on and frees it with
/// [`destroy_callable`], also when the registration fails); null for
/// None, which removes the registration.
fn user_data(callable: &Value) -> *mut c_void {
    if callable.is_none() {
        return std::ptr::null_mut();
    }
    Box::into_raw(Box::new(Callable {
        callable: callable.clone(),
    }))
    .cast()
}

/// `db.create_function(name, narg, func, deterministic)`.
fn m_create_function(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    let name = function_name(&args.pos[0])?;
    let deterministic = matches!(args.pos[3], Value::Bool(b) if b.get());
    let flags = ffi::SQLITE_UTF8
        | if deterministic {
            ffi::SQLITE_DETERMINISTIC
        } else {
            0
        };
    // (None too is registered, as CPython does: calling it fails.)
    let data = Box::into_raw(Box::new(Callable {
        callable: args.pos[2].clone(),
    }));
    // SAFETY: an open connection; SQLite owns `data` from here and frees
    // it with `destroy_callable` (also when this fails).
    let code = unsafe {
        ffi::sqlite3_create_function_v2(
            raw,
            name.as_ptr(),
            arg_count(&args.pos[1]),
            flags,
            data.cast(),
            Some(call_function),
            None,
            None,
            Some(destroy_callable),
        )
    };
    match code {
        ffi::SQLITE_OK => Ok(Value::None),
        _ => Err(raise(|e| &e.operational, "Error creating function")),
    }
}

/// `db.create_aggregate(name, narg, class)`.
fn m_create_aggregate(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    let name = function_name(&args.pos[0])?;
    // SAFETY: as in `m_create_function`.
    let code = unsafe {
        ffi::sqlite3_create_function_v2(
            raw,
            name.as_ptr(),
            arg_count(&args.pos[1]),
            ffi::SQLITE_UTF8,
            user_data(&args.pos[2]),
            None,
            Some(aggregate_step),
            Some(aggregate_final),
            Some(destroy_callable),
        )
    };
    match code {
        ffi::SQLITE_OK => Ok(Value::None),
        _ => Err(raise(|e| &e.operational, "Error creating aggregate")),
    }
}

unsafe extern "C" fn compare(
    data: *mut c_void,
    left_len: c_int,
    left: *const c_void,
    right_len: c_int,
    right: *const c_void,
) -> c_int {
    // SAFETY: the registered `Callable`; the two strings with their
    // lengths, read during the call.
    let (data, left, right) = unsafe {
        (
            &*data.cast::<Callable>(),
            std::slice::from_raw_parts(left.cast::<u8>(), left_len.max(0) as usize),
            std::slice::from_raw_parts(right.cast::<u8>(), right_len.max(0) as usize),
        )
    };
    let Some(vm) = current_vm() else { return 0 };
    let args = [
        Value::str(String::from_utf8_lossy(left).into_owned()),
        Value::str(String::from_utf8_lossy(right).into_owned()),
    ];
    match vm.call(&data.callable.clone(), Args::new(&args)) {
        Ok(Value::Int(n)) => n.signum() as c_int,
        Ok(Value::Bool(b)) => c_int::from(b.get()),
        _ => 0,
    }
}

/// `db.create_collation(name, callable)` (None removes it).
fn m_create_collation(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let raw = database(receiver)?.handle.get()?;
    let name = function_name(&args.pos[0])?;
    let data = user_data(&args.pos[1]);
    let (compare, destroy) = match data.is_null() {
        true => (None, None),
        false => (
            Some(compare as unsafe extern "C" fn(_, _, _, _, _) -> _),
            Some(destroy_callable as unsafe extern "C" fn(_)),
        ),
    };
    // SAFETY: as in `m_create_function`.
    let code = unsafe {
        ffi::sqlite3_create_collation_v2(
            raw,
            name.as_ptr(),
            ffi::SQLITE_UTF8,
            data,
            compare,
            destroy,
        )
    };
    match code {
        ffi::SQLITE_OK => Ok(Value::None),
        code => Err(database(receiver)?.handle.error(code)),
    }
}

/// One parameter bound at `index` (1-based); `adapt` turns a value of
/// another type into one SQLite holds (the adapters of `sqlite3`).
fn bind_one(
    vm: &mut Vm,
    raw: *mut ffi::sqlite3_stmt,
    index: c_int,
    value: &Value,
    adapt: &Value,
    label: &dyn Fn() -> String,
) -> PyResult<c_int> {
    let adapted;
    let value = match value {
        Value::None | Value::Int(_) | Value::Float(_) => value,
        Value::Obj(_) if value.as_str().is_some() => value,
        _ if adapt.is_none() => value,
        _ => {
            adapted = vm.call(adapt, Args::new(std::slice::from_ref(value)))?;
            &adapted
        }
    };
    let plain = value.builtin_value();
    // SAFETY: a live statement; text and blobs are copied by SQLite.
    let code = unsafe {
        match plain {
            Value::None => ffi::sqlite3_bind_null(raw, index),
            Value::Int(i) => ffi::sqlite3_bind_int64(raw, index, *i),
            Value::Bool(b) => ffi::sqlite3_bind_int64(raw, index, b.get().into()),
            Value::Float(f) => ffi::sqlite3_bind_double(raw, index, f.get()),
            _ => {
                if plain.as_bigint_or_subclass().is_some() {
                    return Err(PyErr::new(
                        ExcType::OverflowError,
                        "Python int too large to convert to SQLite INTEGER",
                    ));
                } else if let Some(text) = plain.as_str_or_subclass() {
                    let text = text.as_str();
                    ffi::sqlite3_bind_text64(
                        raw,
                        index,
                        text.as_ptr().cast(),
                        text.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                        ffi::SQLITE_UTF8 as u8,
                    )
                } else if let Ok(Some(bytes)) = bytes_like(plain) {
                    ffi::sqlite3_bind_blob64(
                        raw,
                        index,
                        bytes.as_ptr().cast(),
                        bytes.len() as u64,
                        ffi::SQLITE_TRANSIENT(),
                    )
                } else {
                    return Err(programming_error(format!(
                        "Error binding parameter {}: type '{}' is not supported",
                        label(),
                        value.type_name()
                    )));
                }
            }
        }
    };
    Ok(code)
}

/// `stmt.bind(params, adapt)`: a sequence binds by position, a dict by
/// name, with CPython's messages for a count that does not match.
fn m_bind(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let stmt = statement(receiver)?;
    let raw = stmt.get()?;
    let params = &args.pos[0];
    let adapt = args.pos.get(1).cloned().unwrap_or(Value::None);
    // SAFETY: a live statement.
    let count = unsafe { ffi::sqlite3_bind_parameter_count(raw) };
    let items: Option<Vec<Value>> = if let Some(tuple) = params.as_tuple_or_subclass() {
        Some(tuple.iter().cloned().collect())
    } else {
        params.as_list_or_subclass().map(|list| list.snapshot())
    };
    if let Some(items) = items {
        if items.len() != count as usize {
            return Err(programming_error(format!(
                "Incorrect number of bindings supplied. The current statement uses {count}, and there are {} supplied.",
                items.len()
            )));
        }
        for (i, item) in items.iter().enumerate() {
            let index = i as c_int + 1;
            let code = bind_one(vm, raw, index, item, &adapt, &|| index.to_string())?;
            if code != ffi::SQLITE_OK {
                return Err(stmt.handle.error(code));
            }
        }
        return Ok(Value::None);
    }
    if params.as_dict_or_subclass().is_none() {
        return Err(programming_error("parameters are of unsupported type"));
    }
    for index in 1..=count {
        // SAFETY: a live statement, an index in range; the name is
        // SQLite's until the statement is finalized, copied at once.
        let name = unsafe { ffi::sqlite3_bind_parameter_name(raw, index) };
        if name.is_null() {
            return Err(programming_error(format!(
                "Binding {index} has no name, but you supplied a dictionary (which has only names)."
            )));
        }
        // SAFETY: as above.
        let name = unsafe { CStr::from_ptr(name) }
            .to_string_lossy()
            .into_owned();
        let key = Value::str(&name[1..]);
        let value = match vm.subscript_get(params, key) {
            Ok(value) => value,
            Err(err) if err.matches(ExcType::KeyError) || err.matches(ExcType::LookupError) => {
                return Err(programming_error(format!(
                    "You did not supply a value for binding parameter {name}."
                )));
            }
            Err(err) => return Err(err),
        };
        let code = bind_one(vm, raw, index, &value, &adapt, &|| index.to_string())?;
        if code != ffi::SQLITE_OK {
            return Err(stmt.handle.error(code));
        }
    }
    Ok(Value::None)
}

/// The value of column `i` of the current row; `text` (not None) is
/// called with a text column's bytes (`text_factory`).
///
/// # Safety
/// `raw` is a statement positioned on a row, `i` one of its columns.
unsafe fn column(vm: &mut Vm, raw: *mut ffi::sqlite3_stmt, i: c_int, text: &Value) -> PyResult {
    // SAFETY: the caller's guarantee; pointers read with their byte
    // counts before any other call on the statement.
    unsafe {
        Ok(match ffi::sqlite3_column_type(raw, i) {
            ffi::SQLITE_INTEGER => Value::Int(ffi::sqlite3_column_int64(raw, i)),
            ffi::SQLITE_FLOAT => Value::float(ffi::sqlite3_column_double(raw, i)),
            ffi::SQLITE_TEXT => {
                let data = ffi::sqlite3_column_text(raw, i);
                let n = ffi::sqlite3_column_bytes(raw, i) as usize;
                let bytes = if data.is_null() {
                    &[][..]
                } else {
                    std::slice::from_raw_parts(data, n)
                };
                if !text.is_none() {
                    let raw_bytes = Value::bytes(bytes.to_vec());
                    return vm.call(text, Args::new(&[raw_bytes]));
                }
                match std::str::from_utf8(bytes) {
                    Ok(s) => Value::str(s),
                    Err(_) => {
                        let name = CStr::from_ptr(ffi::sqlite3_column_name(raw, i))
                            .to_string_lossy()
                            .into_owned();
                        return Err(raise(
                            |e| &e.operational,
                            format!(
                                "Could not decode to UTF-8 column '{name}' with text '{}'",
                                String::from_utf8_lossy(bytes)
                            ),
                        ));
                    }
                }
            }
            ffi::SQLITE_BLOB => {
                let data = ffi::sqlite3_column_blob(raw, i);
                let n = ffi::sqlite3_column_bytes(raw, i) as usize;
                if data.is_null() {
                    Value::bytes(Vec::new())
                } else {
                    Value::bytes(std::slice::from_raw_parts(data.cast::<u8>(), n).to_vec())
                }
            }
            _ => Value::None,
        })
    }
}

/// `stmt.start(params, adapt, text_factory)`: reset, bind and the first
/// step in one call (a cursor's `execute`): the first row or None.
fn m_start(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let stmt = statement(receiver)?;
    let raw = stmt.get()?;
    // SAFETY: a live statement.
    unsafe {
        ffi::sqlite3_reset(raw);
        ffi::sqlite3_clear_bindings(raw);
    }
    m_bind(vm, receiver, Args::new(&args.pos[..2]))?;
    step(vm, stmt, raw, &args.pos[2])
}

/// `stmt.step(text_factory)`: the next row as a tuple, None when done.
/// An error resets the statement (as CPython's cursor does).
fn m_step(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let stmt = statement(receiver)?;
    let raw = stmt.get()?;
    let text = args.pos.first().cloned().unwrap_or(Value::None);
    step(vm, stmt, raw, &text)
}

fn step(vm: &mut Vm, stmt: &Statement, raw: *mut ffi::sqlite3_stmt, text: &Value) -> PyResult {
    // SAFETY: a live statement.
    let code = with_vm(vm, || unsafe { ffi::sqlite3_step(raw) });
    match code {
        ffi::SQLITE_ROW => {}
        ffi::SQLITE_DONE => return Ok(Value::None),
        code => {
            let err = stmt.handle.error(code);
            // SAFETY: a live statement.
            unsafe { ffi::sqlite3_reset(raw) };
            return Err(err);
        }
    }
    // SAFETY: a live statement on a row.
    let count = unsafe { ffi::sqlite3_column_count(raw) };
    let mut row = Vec::with_capacity(count.max(0) as usize);
    for i in 0..count {
        // SAFETY: positioned on a row; `i` is one of its columns.
        row.push(unsafe { column(vm, raw, i, text) }?);
    }
    Ok(Value::tuple(row))
}

/// `stmt.run()`: steps to the end (executemany's DML); True when the
/// statement gave a row (then it is reset and nothing more runs).
fn m_run(vm: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let stmt = statement(receiver)?;
    let raw = stmt.get()?;
    // SAFETY: a live statement.
    let code = with_vm(vm, || unsafe { ffi::sqlite3_step(raw) });
    match code {
        ffi::SQLITE_DONE => Ok(Value::bool(false)),
        ffi::SQLITE_ROW => Ok(Value::bool(true)),
        code => {
            let err = stmt.handle.error(code);
            // SAFETY: a live statement.
            unsafe { ffi::sqlite3_reset(raw) };
            Err(err)
        }
    }
}

fn m_reset(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    statement(receiver)?.reset();
    Ok(Value::None)
}

fn m_finalize(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    statement(receiver)?.finalize();
    Ok(Value::None)
}

/// A string SQLite gives about each column of a statement (its name,
/// its declared type), None where it gives none.
fn column_strings(
    raw: *mut ffi::sqlite3_stmt,
    count: c_int,
    text_of: unsafe extern "C" fn(*mut ffi::sqlite3_stmt, c_int) -> *const c_char,
) -> Value {
    let items = (0..count)
        .map(|i| {
            // SAFETY: a live statement, `i` in range; the string is
            // SQLite's until the next call on the statement, copied now.
            let text = unsafe { text_of(raw, i) };
            if text.is_null() {
                return Value::None;
            }
            // SAFETY: as above: NUL-terminated.
            Value::str(
                unsafe { CStr::from_ptr(text) }
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .collect();
    Value::list(items)
}

/// `stmt.columns()`: the column names, or None for a statement that
/// gives no rows.
fn m_columns(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = statement(receiver)?.get()?;
    // SAFETY: a live statement.
    let count = unsafe { ffi::sqlite3_column_count(raw) };
    if count == 0 {
        return Ok(Value::None);
    }
    Ok(column_strings(raw, count, ffi::sqlite3_column_name))
}

/// `stmt.decltypes()`: each column's declared type (None for an
/// expression).
fn m_decltypes(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = statement(receiver)?.get()?;
    // SAFETY: a live statement.
    let count = unsafe { ffi::sqlite3_column_count(raw) };
    Ok(column_strings(raw, count, ffi::sqlite3_column_decltype))
}

fn m_readonly(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let raw = statement(receiver)?.get()?;
    // SAFETY: a live statement.
    Ok(Value::bool(unsafe { ffi::sqlite3_stmt_readonly(raw) } != 0))
}

fn m_busy(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let stmt = statement(receiver)?;
    let raw = stmt.raw.get();
    // SAFETY: a live statement.
    Ok(Value::bool(
        !raw.is_null() && unsafe { ffi::sqlite3_stmt_busy(raw) } != 0,
    ))
}

/// `complete_statement(sql)`.
fn complete_statement(_: &mut Vm, args: Args) -> PyResult {
    args.check_pos("complete_statement", 1, 1)?;
    let sql = c_string(str_arg(
        &args.pos[0],
        "complete_statement() argument 'statement'",
    )?)?;
    // SAFETY: a NUL-terminated string.
    Ok(Value::bool(
        unsafe { ffi::sqlite3_complete(sql.as_ptr()) } != 0,
    ))
}

const DATABASE_METHODS: &[MethodDef] = &[
    method("prepare", Params::One, m_prepare),
    method("execute_script", Params::One, m_execute_script),
    method("close", Params::NoArgs, m_close),
    method("is_open", Params::NoArgs, m_is_open),
    method("changes", Params::NoArgs, m_changes),
    method("total_changes", Params::NoArgs, m_total_changes),
    method("last_insert_rowid", Params::NoArgs, m_last_insert_rowid),
    method("in_transaction", Params::NoArgs, m_in_transaction),
    method("interrupt", Params::NoArgs, m_interrupt),
    method(
        "create_function",
        Params::Positional(4, 4),
        m_create_function,
    ),
    method(
        "create_aggregate",
        Params::Positional(3, 3),
        m_create_aggregate,
    ),
    method(
        "create_collation",
        Params::Positional(2, 2),
        m_create_collation,
    ),
];

const STATEMENT_METHODS: &[MethodDef] = &[
    method("bind", Params::Positional(1, 2), m_bind),
    method("step", Params::Positional(0, 1), m_step),
    method("start", Params::Positional(3, 3), m_start),
    method("run", Params::NoArgs, m_run),
    method("reset", Params::NoArgs, m_reset),
    method("finalize", Params::NoArgs, m_finalize),
    method("columns", Params::NoArgs, m_columns),
    method("decltypes", Params::NoArgs, m_decltypes),
    method("readonly", Params::NoArgs, m_readonly),
    method("busy", Params::NoArgs, m_busy),
    method("lease", Params::NoArgs, m_lease),
];

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    configure_sqlite();
    // SAFETY: sqlite3_libversion returns a static string.
    let version = unsafe { CStr::from_ptr(ffi::sqlite3_libversion()) }
        .to_string_lossy()
        .into_owned();
    let mut items = vec![
        ("open", function("open", open)),
        (
            "complete_statement",
            function("complete_statement", complete_statement),
        ),
        ("sqlite_version", Value::str(version.as_str())),
    ];
    ERRORS.with(|e| {
        items.extend([
            ("Warning", type_value(e.warning.clone())),
            ("Error", type_value(e.error.clone())),
            ("InterfaceError", type_value(e.interface.clone())),
            ("DatabaseError", type_value(e.database.clone())),
            ("DataError", type_value(e.data.clone())),
            ("OperationalError", type_value(e.operational.clone())),
            ("IntegrityError", type_value(e.integrity.clone())),
            ("InternalError", type_value(e.internal.clone())),
            ("ProgrammingError", type_value(e.programming.clone())),
            ("NotSupportedError", type_value(e.not_supported.clone())),
        ])
    });
    Ok(items)
}
