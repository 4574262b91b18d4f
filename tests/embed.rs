//! The embedding API (`krait::embed`): conversions both ways, the
//! persistent namespace, calls in both directions, errors, host modules
//! and the sandbox. Expected values are Python's own (each checked
//! against python3 where Python computes them).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use indexmap::IndexMap;
use krait::Error;
use krait::embed::{
    Folder, Grants, HostCall, HostContext, HostError, HostModule, Interpreter, PyValue,
};
use num_bigint::BigInt;

/// The parts of an uncaught Python exception.
fn exception(err: Error) -> (String, String, String) {
    match err {
        Error::Exception {
            type_name,
            message,
            traceback,
        } => (type_name, message, traceback),
        other => panic!("expected a Python exception, got {other:?}"),
    }
}

/// A fresh folder under the system's temporary folder.
fn scratch_folder(tag: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!("krait-embed-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

#[test]
fn scalars_convert_both_ways() {
    let mut python = Interpreter::new();
    python.set("flag", true).unwrap();
    python.set("small", -7i32).unwrap();
    python.set("big", u64::MAX).unwrap();
    python.set("huge", -(1i128 << 100)).unwrap();
    python.set("ratio", 0.1f64).unwrap();
    python.set("name", "ünïcode").unwrap();
    python.set("nothing", ()).unwrap();
    python.set("maybe", Option::<i64>::None).unwrap();
    python
        .exec(
            "kinds = [type(v).__name__ for v in (flag, small, big, huge, ratio, name, nothing, maybe)]\n\
             checks = (big == 2**64 - 1, huge == -2**100, ratio * 3, len(name))",
        )
        .unwrap();
    let kinds: Vec<String> = python.get("kinds").unwrap();
    assert_eq!(
        kinds,
        [
            "bool", "int", "int", "int", "float", "str", "NoneType", "NoneType"
        ]
    );
    // python3: (True, True, 0.30000000000000004, 7)
    let checks: (bool, bool, f64, usize) = python.get("checks").unwrap();
    assert_eq!(checks, (true, true, 0.30000000000000004, 7));
    assert_eq!(python.get::<u64>("big").unwrap(), u64::MAX);
    assert_eq!(python.get::<i128>("huge").unwrap(), -(1i128 << 100));
    assert_eq!(
        python.eval::<BigInt>("3 ** 70").unwrap().to_string(),
        "2503155504993241601315571986085849"
    );
    assert_eq!(python.get::<String>("name").unwrap(), "ünïcode");
    assert_eq!(python.get::<Option<i64>>("maybe").unwrap(), None);
    assert_eq!(python.eval::<Option<i64>>("5").unwrap(), Some(5));
    // An int where a float is wanted converts, as float() would.
    assert_eq!(python.eval::<f64>("2 ** 10").unwrap(), 1024.0);
    // True is an int in Python.
    assert_eq!(python.eval::<i64>("True + True").unwrap(), 2);
}

#[test]
fn containers_convert_both_ways() {
    let mut python = Interpreter::new();
    python.set("items", vec![3, 1, 2]).unwrap();
    python.set("pair", ("a", 2.5)).unwrap();
    let mut ages = HashMap::new();
    ages.insert("ada".to_string(), 36);
    python.set("ages", ages).unwrap();
    let mut ordered = IndexMap::new();
    ordered.insert("z", 1);
    ordered.insert("a", 2);
    python.set("ordered", ordered).unwrap();
    let mut sorted_map = BTreeMap::new();
    sorted_map.insert(2, "two");
    sorted_map.insert(1, "one");
    python.set("sorted_map", sorted_map).unwrap();
    python
        .exec(
            "summary = (sorted(items), type(pair).__name__, pair[1] * 2, ages['ada'],\n\
             list(ordered), list(sorted_map.items()))",
        )
        .unwrap();
    let summary: String = python.eval("repr(summary)").unwrap();
    // python3 prints the same tuple for the same values.
    assert_eq!(
        summary,
        "([1, 2, 3], 'tuple', 5.0, 36, ['z', 'a'], [(1, 'one'), (2, 'two')])"
    );
    let back: Vec<Vec<i64>> = python.eval("[[1, 2], (3,), []]").unwrap();
    assert_eq!(back, vec![vec![1, 2], vec![3], vec![]]);
    let table: IndexMap<String, Vec<bool>> =
        python.eval("{'b': [True], 'a': [False, True]}").unwrap();
    assert_eq!(table.keys().collect::<Vec<_>>(), ["b", "a"]);
    assert_eq!(table["a"], [false, true]);
    let tree: BTreeMap<i64, String> = python.eval("{2: 'x', 1: 'y'}").unwrap();
    assert_eq!(
        tree.into_iter().collect::<Vec<_>>(),
        [(1, "y".into()), (2, "x".into())]
    );
    let triple: (i64, String, Option<f64>) = python.eval("(1, 'b', None)").unwrap();
    assert_eq!(triple, (1, "b".to_string(), None));
}

#[test]
fn conversion_errors_are_python_errors() {
    let mut python = Interpreter::new();
    let (kind, message, _) = exception(python.eval::<i64>("'text'").unwrap_err());
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("TypeError", "expected int, got str")
    );
    let (kind, message, _) = exception(python.eval::<u8>("256").unwrap_err());
    assert_eq!(kind, "OverflowError");
    assert_eq!(message, "Python int too large to convert to Rust u8");
    let (kind, _, _) = exception(python.eval::<u32>("-1").unwrap_err());
    assert_eq!(kind, "OverflowError");
    let (kind, message, _) = exception(python.eval::<(i64, i64)>("(1, 2, 3)").unwrap_err());
    assert_eq!(kind, "TypeError");
    assert_eq!(message, "expected a tuple of 2 items, got 3");
    // A str is not taken for a list of its characters.
    assert!(python.eval::<Vec<String>>("'abc'").is_err());
    // Only True and False are bools.
    assert!(python.eval::<bool>("1").is_err());
    let (kind, message, _) = exception(python.eval::<f64>("10 ** 400").unwrap_err());
    assert_eq!(kind, "OverflowError");
    assert_eq!(message, "int too large to convert to float");
}

#[test]
fn the_namespace_persists_and_missing_names_are_name_errors() {
    let mut python = Interpreter::new();
    python.exec("counter = 0").unwrap();
    for _ in 0..3 {
        python.exec("counter += 1").unwrap();
    }
    assert_eq!(python.get::<i64>("counter").unwrap(), 3);
    let (kind, message, traceback) = exception(python.get::<i64>("nowhere").unwrap_err());
    assert_eq!(kind, "NameError");
    assert_eq!(message, "name 'nowhere' is not defined");
    assert!(traceback.ends_with("NameError: name 'nowhere' is not defined\n"));
    let (kind, _, _) = exception(python.call::<i64>("nowhere", ()).unwrap_err());
    assert_eq!(kind, "NameError");
}

#[test]
fn exceptions_carry_type_message_and_traceback() {
    let mut python = Interpreter::new();
    let source = "def inner(d):\n    return d['missing']\n\ndef outer():\n    return inner({})\n";
    python.exec_named(source, "rules.py").unwrap();
    let (kind, message, traceback) = exception(python.call::<i64>("outer", ()).unwrap_err());
    assert_eq!(kind, "KeyError");
    assert_eq!(message, "'missing'");
    // CPython's layout: the frames innermost last, with their lines.
    assert!(
        traceback.starts_with("Traceback (most recent call last):\n"),
        "{traceback}"
    );
    assert!(traceback.contains("  File \"rules.py\", line 5, in outer\n    return inner({})\n"));
    assert!(traceback.contains("  File \"rules.py\", line 2, in inner\n    return d['missing']\n"));
    assert!(traceback.ends_with("KeyError: 'missing'\n"));
    // A user exception class is named by its own name.
    python
        .exec("class RuleFailed(Exception):\n    pass")
        .unwrap();
    let (kind, message, _) = exception(python.exec("raise RuleFailed('too many')").unwrap_err());
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("RuleFailed", "too many")
    );
    // A syntax error is the compiler's.
    match python.exec("x = (1,").unwrap_err() {
        Error::Syntax(err) => assert_eq!(err.message, "'(' was never closed"),
        other => panic!("expected a SyntaxError, got {other:?}"),
    }
    // The interpreter stays usable.
    assert_eq!(python.eval::<i64>("1 + 1").unwrap(), 2);
}

#[test]
fn python_functions_are_called_with_rust_arguments() {
    let mut python = Interpreter::new();
    python
        .exec("def describe(name, *tags, sep=', '):\n    return name + ': ' + sep.join(tags)")
        .unwrap();
    let text: String = python.call("describe", ("box", "red", "big")).unwrap();
    assert_eq!(text, "box: red, big");
    let describe: PyValue = python.get("describe").unwrap();
    assert_eq!(describe.type_name(), "function");
    let text: String = python
        .call_with_keywords(&describe, ("box", "red", "big"), vec![("sep", "/")])
        .unwrap();
    assert_eq!(text, "box: red/big");
    let (kind, message, _) = exception(
        python
            .call_with_keywords::<String, _>(&describe, (), vec![("colour", "red")])
            .unwrap_err(),
    );
    assert_eq!(kind, "TypeError");
    assert_eq!(
        message,
        "describe() got an unexpected keyword argument 'colour'"
    );
    // A PyValue goes back to Python unchanged.
    let list: PyValue = python.eval("[1, 2]").unwrap();
    python.set("same", list.clone()).unwrap();
    python.exec("same.append(3)").unwrap();
    assert_eq!(python.convert::<Vec<i64>>(&list).unwrap(), [1, 2, 3]);
}

#[test]
fn host_functions_check_and_convert_their_arguments() {
    let mut python = Interpreter::new();
    python
        .register_function("scale", |values: Vec<f64>, factor: f64| {
            values.into_iter().map(|v| v * factor).collect::<Vec<_>>()
        })
        .unwrap();
    python.register_function("answer", || 42).unwrap();
    let scaled: Vec<f64> = python.eval("scale([1, 2.5], 2)").unwrap();
    assert_eq!(scaled, [2.0, 5.0]);
    assert_eq!(python.eval::<i64>("answer()").unwrap(), 42);
    assert_eq!(
        python.eval::<String>("repr(answer)").unwrap(),
        "<built-in function answer>"
    );
    assert_eq!(
        python.eval::<String>("type(answer).__name__").unwrap(),
        "builtin_function_or_method"
    );
    assert!(python.eval::<bool>("callable(scale)").unwrap());
    // CPython's wording for a builtin's arity and its keywords.
    let (kind, message, _) = exception(python.eval::<i64>("answer(1)").unwrap_err());
    assert_eq!(kind, "TypeError");
    assert_eq!(message, "answer() takes no arguments (1 given)");
    let (_, message, _) = exception(python.eval::<i64>("scale([1])").unwrap_err());
    assert_eq!(message, "scale() takes exactly 2 arguments (1 given)");
    let (_, message, _) = exception(python.eval::<i64>("scale([1], factor=2)").unwrap_err());
    assert_eq!(message, "scale() takes no keyword arguments");
    let (kind, message, _) = exception(python.eval::<i64>("scale('ab', 2)").unwrap_err());
    assert_eq!(kind, "TypeError");
    assert_eq!(
        message,
        "scale() argument 1: expected list or tuple, got str"
    );
}

#[test]
fn host_errors_become_the_exceptions_they_name() {
    let mut python = Interpreter::new();
    python
        .register_function("fail", |kind: String| -> Result<(), HostError> {
            Err(HostError::new(kind, "from the host"))
        })
        .unwrap();
    python
        .exec(
            "class QuotaExceeded(Exception):\n    pass\n\
             def attempt(kind):\n    try:\n        fail(kind)\n    except Exception as e:\n\
             \x20       return type(e).__name__ + ': ' + str(e)\n",
        )
        .unwrap();
    let cases = [
        ("ValueError", "ValueError: from the host"),
        ("KeyError", "KeyError: 'from the host'"),
        ("QuotaExceeded", "QuotaExceeded: from the host"),
        ("NoSuchError", "RuntimeError: NoSuchError: from the host"),
    ];
    for (kind, expected) in cases {
        assert_eq!(python.call::<String>("attempt", (kind,)).unwrap(), expected);
    }
    let (kind, message, traceback) = exception(python.exec("fail('PermissionError')").unwrap_err());
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("PermissionError", "from the host")
    );
    assert!(traceback.ends_with("PermissionError: from the host\n"));
}

#[test]
fn host_calls_take_keywords_and_any_count() {
    let mut python = Interpreter::new();
    python
        .register_function("total", |call: HostCall| -> Result<i64, HostError> {
            call.expect_keywords(&["start"])?;
            let mut sum: i64 = call.keyword("start")?.unwrap_or(0);
            for i in 0..call.len() {
                sum += call.arg::<i64>(i)?;
            }
            Ok(sum)
        })
        .unwrap();
    assert_eq!(python.eval::<i64>("total()").unwrap(), 0);
    assert_eq!(python.eval::<i64>("total(1, 2, 3, start=10)").unwrap(), 16);
    let (_, message, _) = exception(python.eval::<i64>("total(1, stop=2)").unwrap_err());
    assert_eq!(message, "total() got an unexpected keyword argument 'stop'");
    let (kind, message, _) = exception(python.eval::<i64>("total(1, 'x')").unwrap_err());
    assert_eq!(kind, "TypeError");
    assert_eq!(message, "total() argument 2: expected int, got str");
}

/// `apply(f, *args, **kwargs)`: calls `f` back; `safe(f)` does too and
/// answers -1 for any exception `f` raises.
fn interpreter_with_callbacks() -> Interpreter {
    let mut python = Interpreter::new();
    python
        .register_function(
            "apply",
            |call: HostCall, python: &mut HostContext| -> Result<PyValue, HostError> {
                let function: PyValue = call.arg(0)?;
                let args: Vec<PyValue> = (1..call.len())
                    .map(|i| call.arg::<PyValue>(i))
                    .collect::<Result<_, _>>()?;
                let keywords = call
                    .keyword_names()
                    .into_iter()
                    .map(|name| Ok((name, call.keyword::<PyValue>(name)?.unwrap())))
                    .collect::<Result<Vec<_>, HostError>>()?;
                python.call_with_keywords(&function, args, keywords)
            },
        )
        .unwrap();
    python
        .register_function(
            "safe",
            |call: HostCall, python: &mut HostContext| -> Result<i64, HostError> {
                let function: PyValue = call.arg(0)?;
                Ok(python.call(&function, ()).unwrap_or(-1))
            },
        )
        .unwrap();
    python
}

#[test]
fn host_functions_call_python_back() {
    let mut python = interpreter_with_callbacks();
    assert_eq!(
        python
            .eval::<Vec<i64>>("apply(sorted, [3, 1, 2], reverse=True)")
            .unwrap(),
        [3, 2, 1]
    );
    python
        .exec(
            "class Acc:\n    def __init__(self):\n        self.items = []\n    \
             def add(self, x, times=1):\n        self.items += [x] * times\n        \
             return len(self.items)\n\
             acc = Acc()\n\
             sizes = [apply(acc.add, 'a'), apply(acc.add, 'b', times=2), apply(apply, acc.add, 'c')]",
        )
        .unwrap();
    assert_eq!(python.get::<Vec<i64>>("sizes").unwrap(), [1, 3, 4]);
    assert_eq!(
        python.eval::<Vec<String>>("acc.items").unwrap(),
        ["a", "b", "b", "c"]
    );
    // A host function handles an exception of its call back.
    assert_eq!(python.eval::<i64>("safe(lambda: 1 // 0)").unwrap(), -1);
    assert_eq!(python.eval::<i64>("safe(lambda: 7)").unwrap(), 7);
}

#[test]
fn a_call_back_exception_goes_on_as_itself() {
    let mut python = interpreter_with_callbacks();
    // The script catches the very exception object its callback raised.
    python
        .exec(
            "err = KeyError('missing')\n\
             def fail():\n    raise err\n\
             try:\n    apply(fail)\nexcept KeyError as e:\n    same = e is err",
        )
        .unwrap();
    assert!(python.get::<bool>("same").unwrap());
    // Uncaught: the traceback shows the callback's frame, the exception
    // last.
    let (kind, message, traceback) = exception(
        python
            .exec("def inner():\n    return [][1]\napply(inner)")
            .unwrap_err(),
    );
    assert_eq!(
        (kind.as_str(), message.as_str()),
        ("IndexError", "list index out of range")
    );
    assert!(traceback.contains("in inner"), "{traceback}");
    assert!(
        traceback
            .trim_end()
            .ends_with("IndexError: list index out of range"),
        "{traceback}"
    );
}

#[test]
fn limits_hold_inside_call_backs() {
    // The budget runs out in a callback the host function swallows the
    // error of: the run still ends with the limit.
    let mut python = interpreter_with_callbacks();
    python.set_instruction_budget(Some(10_000));
    let err = python
        .exec("def spin():\n    while True:\n        pass\nsafe(spin)\nafter = 1")
        .unwrap_err();
    assert_eq!(limit_of(err), krait::Limit::Instructions);
    // The interpreter is usable afterwards.
    python.set_instruction_budget(None);
    assert_eq!(python.eval::<i64>("apply(abs, -4)").unwrap(), 4);
}

#[test]
fn host_modules_are_importable() {
    let mut python = Interpreter::new();
    let module = HostModule::new("inventory")
        .value("UNITS", vec!["kg", "m"])
        .function("stock", |item: String| match item.as_str() {
            "bolts" => Ok(120),
            _ => Err(HostError::new("KeyError", item)),
        });
    python.register_module(module).unwrap();
    python
        .exec(
            "import inventory\nfrom inventory import stock\n\
             report = (inventory.UNITS, stock('bolts'), inventory.__name__)",
        )
        .unwrap();
    let report: (Vec<String>, i64, String) = python.get("report").unwrap();
    assert_eq!(
        report,
        (vec!["kg".into(), "m".into()], 120, "inventory".into())
    );
    let (kind, message, _) = exception(python.exec("stock('nuts')").unwrap_err());
    assert_eq!((kind.as_str(), message.as_str()), ("KeyError", "'nuts'"));
}

#[test]
fn output_goes_to_buffers_or_to_writers() {
    let mut python = Interpreter::new();
    python
        .exec("import sys\nprint('out', 1)\nprint('err', file=sys.stderr)")
        .unwrap();
    assert_eq!(python.take_stdout(), "out 1\n");
    assert_eq!(python.take_stderr(), "err\n");
    assert_eq!(python.take_stdout(), "");

    #[derive(Clone, Default)]
    struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(data);
            Ok(data.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let sink = Shared::default();
    let mut python = Interpreter::builder().stdout(sink.clone()).build();
    python.exec("print('to the writer')").unwrap();
    assert_eq!(sink.0.borrow().as_slice(), b"to the writer\n");
    assert_eq!(python.take_stdout(), "");
}

#[test]
fn the_sandbox_grants_nothing_by_default() {
    let mut python = Interpreter::new();
    let here = std::env::current_dir().unwrap().join("Cargo.toml");
    python.set("path", here.display().to_string()).unwrap();
    let denied = [
        ("open(path).read()", "PermissionError"),
        ("__import__('time').time()", "PermissionError"),
        ("__import__('time').sleep(0)", "PermissionError"),
        ("__import__('os').urandom(4)", "PermissionError"),
        ("__import__('os').listdir('/')", "PermissionError"),
        ("__import__('os').getcwd()", "PermissionError"),
        ("input()", "EOFError"),
    ];
    for (expression, expected) in denied {
        let (kind, _, _) = exception(python.eval::<PyValue>(expression).unwrap_err());
        assert_eq!(kind, expected, "{expression}");
    }
    assert_eq!(
        python
            .eval::<usize>("len(__import__('os').environ)")
            .unwrap(),
        0
    );
    // Nothing on the file system is visible to imports either.
    let (kind, _, _) = exception(python.exec("import tests_helper_module").unwrap_err());
    assert_eq!(kind, "ModuleNotFoundError");
    // The standard library's own modules still import.
    assert_eq!(
        python.eval::<f64>("__import__('math').sqrt(16)").unwrap(),
        4.0
    );
}

#[test]
fn granted_folders_confine_files() {
    let folder = scratch_folder("confine");
    let readable = folder.join("readable");
    let writable = folder.join("writable");
    let outside = folder.join("outside");
    for f in [&readable, &writable, &outside] {
        std::fs::create_dir_all(f).unwrap();
    }
    std::fs::write(readable.join("data.txt"), "inside").unwrap();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.join("secret.txt"), writable.join("link.txt")).unwrap();
    let grants = Grants {
        folders: vec![
            Folder {
                path: readable.clone(),
                writable: false,
            },
            Folder {
                path: writable.clone(),
                writable: true,
            },
        ],
        ..Grants::default()
    };
    let mut python = Interpreter::builder().grants(grants).build();
    python
        .set("readable", readable.display().to_string())
        .unwrap();
    python
        .set("writable", writable.display().to_string())
        .unwrap();
    python
        .set("outside", outside.display().to_string())
        .unwrap();
    python
        .exec(
            "import os\n\
             text = open(os.path.join(readable, 'data.txt')).read()\n\
             with open(os.path.join(writable, 'new.txt'), 'w') as f:\n    f.write('made')\n\
             listing = sorted(os.listdir(writable))",
        )
        .unwrap();
    assert_eq!(python.get::<String>("text").unwrap(), "inside");
    assert_eq!(
        std::fs::read_to_string(writable.join("new.txt")).unwrap(),
        "made"
    );
    let refused = [
        "open(os.path.join(readable, 'data.txt'), 'w')",
        "open(os.path.join(readable, 'other.txt'), 'w')",
        "open(os.path.join(outside, 'secret.txt'))",
        "open(os.path.join(writable, '..', 'outside', 'secret.txt'))",
        "os.remove(os.path.join(readable, 'data.txt'))",
        "os.listdir(outside)",
    ];
    for expression in refused {
        let (kind, _, _) = exception(python.eval::<PyValue>(expression).unwrap_err());
        assert_eq!(kind, "PermissionError", "{expression}");
    }
    #[cfg(unix)]
    {
        let (kind, _, _) = exception(
            python
                .eval::<PyValue>("open(os.path.join(writable, 'link.txt')).read()")
                .unwrap_err(),
        );
        assert_eq!(kind, "PermissionError", "a link out of the folder");
    }
    assert_eq!(
        std::fs::read_to_string(readable.join("data.txt")).unwrap(),
        "inside"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

/// SQLite opens its files itself: `sqlite3` asks the host first, so a
/// database file (or one `ATTACH` or `VACUUM INTO` names) outside the
/// grants is refused and never made; databases in memory always work.
#[test]
fn sqlite_files_need_the_hosts_grant() {
    let folder = scratch_folder("sqlite");
    let writable = folder.join("writable");
    let outside = folder.join("outside");
    for f in [&writable, &outside] {
        std::fs::create_dir_all(f).unwrap();
    }
    let mut sandboxed = Interpreter::new();
    sandboxed
        .set("outside", outside.display().to_string())
        .unwrap();
    sandboxed
        .exec(
            "import os, sqlite3\n\
             memory = sqlite3.connect(':memory:')\n\
             answer = memory.execute('select 6 * 7').fetchone()[0]",
        )
        .unwrap();
    assert_eq!(sandboxed.get::<i64>("answer").unwrap(), 42);
    let refused = [
        (
            "sqlite3.connect(os.path.join(outside, 'a.db'))",
            "PermissionError",
        ),
        ("sqlite3.connect('')", "PermissionError"),
        (
            "sqlite3.connect('file:' + os.path.join(outside, 'a.db') + '?mode=ro', uri=True)",
            "PermissionError",
        ),
        (
            "memory.execute('attach database ? as other', (os.path.join(outside, 'b.db'),))",
            "DatabaseError",
        ),
        (
            "memory.execute('vacuum into ?', (os.path.join(outside, 'c.db'),))",
            "DatabaseError",
        ),
    ];
    for (expression, expected) in refused {
        let (kind, _, _) = exception(sandboxed.eval::<PyValue>(expression).unwrap_err());
        assert_eq!(kind, expected, "{expression}");
    }
    let grants = Grants {
        folders: vec![Folder {
            path: writable.clone(),
            writable: true,
        }],
        ..Grants::default()
    };
    let mut granted = Interpreter::builder().grants(grants).build();
    granted
        .set("writable", writable.display().to_string())
        .unwrap();
    granted
        .set("outside", outside.display().to_string())
        .unwrap();
    granted
        .exec(
            "import os, sqlite3\n\
             db = sqlite3.connect(os.path.join(writable, 'inside.db'))\n\
             db.execute('create table t (x)')\n\
             db.execute('insert into t values (1)')\n\
             db.commit()\n\
             db.execute(\"attach database '%s' as twin\" % os.path.join(writable, 'twin.db'))\n\
             db.close()",
        )
        .unwrap();
    assert!(writable.join("inside.db").exists());
    assert!(writable.join("twin.db").exists());
    let (kind, _, _) = exception(
        granted
            .eval::<PyValue>("sqlite3.connect(os.path.join(outside, 'd.db'))")
            .unwrap_err(),
    );
    assert_eq!(kind, "PermissionError");
    // A name given as a parameter is known only when the statement runs:
    // refused unless the host grants the whole file system.
    let (kind, _, _) = exception(
        granted
            .eval::<PyValue>(
                "sqlite3.connect(':memory:').execute('attach ? as x', (os.path.join(writable, 'e.db'),))",
            )
            .unwrap_err(),
    );
    assert_eq!(kind, "DatabaseError");
    assert_eq!(
        std::fs::read_dir(&outside).unwrap().count(),
        0,
        "nothing made outside"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

/// The `os` calls under the grants: status, modes, links and descriptors
/// inside the granted folders only, and descriptors the script did not
/// open (the embedder's, its stdio) out of its reach.
#[cfg(unix)]
#[test]
fn os_calls_stay_inside_the_grants() {
    let folder = scratch_folder("oscalls");
    let readable = folder.join("readable");
    let writable = folder.join("writable");
    let outside = folder.join("outside");
    for f in [&readable, &writable, &outside] {
        std::fs::create_dir_all(f).unwrap();
    }
    std::fs::write(readable.join("data.txt"), "inside").unwrap();
    std::fs::write(outside.join("secret.txt"), "secret").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), writable.join("out")).unwrap();
    let embedder_file = std::fs::File::open(outside.join("secret.txt")).unwrap();
    let embedder_fd = std::os::fd::AsRawFd::as_raw_fd(&embedder_file);
    let grants = Grants {
        folders: vec![
            Folder {
                path: readable.clone(),
                writable: false,
            },
            Folder {
                path: writable.clone(),
                writable: true,
            },
        ],
        ..Grants::default()
    };
    let mut python = Interpreter::builder().grants(grants).build();
    for (name, path) in [
        ("readable", &readable),
        ("writable", &writable),
        ("outside", &outside),
    ] {
        python.set(name, path.display().to_string()).unwrap();
    }
    python.set("embedder_fd", embedder_fd).unwrap();
    python
        .exec(
            "import os, stat\n\
             size = os.stat(os.path.join(readable, 'data.txt')).st_size\n\
             link_is_link = stat.S_ISLNK(os.lstat(os.path.join(writable, 'out')).st_mode)\n\
             target = os.readlink(os.path.join(writable, 'out'))\n\
             fd = os.open(os.path.join(writable, 'f.bin'), os.O_RDWR | os.O_CREAT, 0o600)\n\
             os.write(fd, b'abc')\n\
             os.lseek(fd, 0, os.SEEK_SET)\n\
             back = os.read(fd, 10) == b'abc'\n\
             os.close(fd)\n\
             os.symlink('f.bin', os.path.join(writable, 'l'))\n\
             os.chmod(os.path.join(writable, 'f.bin'), 0o640)\n\
             mode = os.stat(os.path.join(writable, 'f.bin')).st_mode & 0o777",
        )
        .unwrap();
    assert_eq!(python.get::<i64>("size").unwrap(), 6);
    assert!(python.get::<bool>("link_is_link").unwrap());
    assert_eq!(
        python.get::<String>("target").unwrap(),
        outside.join("secret.txt").display().to_string()
    );
    assert!(python.get::<bool>("back").unwrap());
    assert_eq!(python.get::<i64>("mode").unwrap(), 0o640);
    let refused = [
        (
            "os.stat(os.path.join(outside, 'secret.txt'))",
            "PermissionError",
        ),
        ("os.stat(os.path.join(writable, 'out'))", "PermissionError"),
        (
            "os.open(os.path.join(readable, 'data.txt'), os.O_WRONLY)",
            "PermissionError",
        ),
        (
            "os.open(os.path.join(outside, 'secret.txt'), os.O_RDONLY)",
            "PermissionError",
        ),
        (
            "os.chmod(os.path.join(readable, 'data.txt'), 0o777)",
            "PermissionError",
        ),
        (
            "os.utime(os.path.join(readable, 'data.txt'))",
            "PermissionError",
        ),
        (
            "os.truncate(os.path.join(readable, 'data.txt'), 0)",
            "PermissionError",
        ),
        (
            "os.link(os.path.join(readable, 'data.txt'), os.path.join(writable, 'h'))",
            "PermissionError",
        ),
        (
            "os.symlink('x', os.path.join(readable, 'l'))",
            "PermissionError",
        ),
        ("os.read(embedder_fd, 10)", "OSError"),
        ("os.write(1, b'x')", "OSError"),
        ("os.close(embedder_fd)", "OSError"),
        ("open(embedder_fd)", "OSError"),
        ("os.chdir(writable)", "PermissionError"),
        ("os.getuid()", "PermissionError"),
    ];
    for (expression, expected) in refused {
        let (kind, _, _) = exception(python.eval::<PyValue>(expression).unwrap_err());
        assert_eq!(kind, expected, "{expression}");
    }
    // The embedder's descriptor is still open and unread.
    let mut text = String::new();
    std::io::Read::read_to_string(&mut &embedder_file, &mut text).unwrap();
    assert_eq!(text, "secret");
    assert_eq!(
        std::fs::read_to_string(readable.join("data.txt")).unwrap(),
        "inside"
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn granted_search_path_imports_modules() {
    let folder = scratch_folder("imports");
    std::fs::write(
        folder.join("helpers.py"),
        "def twice(x):\n    return 2 * x\n",
    )
    .unwrap();
    let mut python = Interpreter::builder()
        .grants(Grants {
            folders: vec![Folder {
                path: folder.clone(),
                writable: false,
            }],
            ..Grants::default()
        })
        .search_path(vec![folder.display().to_string()])
        .build();
    assert_eq!(
        python
            .eval::<i64>("__import__('helpers').twice(21)")
            .unwrap(),
        42
    );
    let _ = std::fs::remove_dir_all(&folder);
}

#[test]
fn many_interpreters_in_one_process() {
    // Each has its own namespace; none leaks into another.
    let mut first = Interpreter::new();
    let mut second = Interpreter::new();
    first.set("x", 1).unwrap();
    second.set("x", 2).unwrap();
    assert_eq!(first.get::<i64>("x").unwrap(), 1);
    assert_eq!(second.get::<i64>("x").unwrap(), 2);
    for i in 0..200 {
        let mut python = Interpreter::new();
        python.set("i", i).unwrap();
        assert_eq!(python.eval::<i64>("i * i").unwrap(), i * i);
    }
}

/// The limit that ended a run.
fn limit_of(err: Error) -> krait::Limit {
    match err {
        Error::Limit { limit, .. } => limit,
        other => panic!("expected a limit, got {other:?}"),
    }
}

#[test]
fn an_instruction_budget_stops_at_the_same_instruction_every_time() {
    let program = "i = 0\nwhile True:\n    i += 1\n";
    let mut stops = Vec::new();
    for _ in 0..3 {
        let mut python = Interpreter::new();
        python.set_instruction_budget(Some(10_000));
        let err = python.exec(program).unwrap_err();
        assert_eq!(
            err.to_string(),
            "krait: instruction budget of 10000 exhausted"
        );
        assert_eq!(limit_of(err), krait::Limit::Instructions);
        assert_eq!(python.instruction_budget(), Some(0));
        python.set_instruction_budget(None);
        stops.push(python.get::<i64>("i").unwrap());
    }
    assert!(stops[0] > 1000, "{stops:?}");
    assert!(stops.iter().all(|&i| i == stops[0]), "{stops:?}");
}

#[test]
fn no_handler_outlives_a_limit() {
    let mut python = Interpreter::new();
    python.set_instruction_budget(Some(50_000));
    let program = "caught = 0\n\
        while True:\n    try:\n        while True:\n            pass\n\
        \x20   except BaseException:\n        caught += 1\n\
        \x20   finally:\n        caught += 1000\n";
    let err = python.exec(program).unwrap_err();
    assert_eq!(limit_of(err), krait::Limit::Instructions);
    python.set_instruction_budget(None);
    // Neither the handler nor the finally block ran an instruction.
    assert_eq!(python.get::<i64>("caught").unwrap(), 0);
    // The interpreter goes on once the limit is lifted.
    assert_eq!(python.eval::<i64>("caught + 1").unwrap(), 1);
}

#[test]
fn a_time_limit_stops_loops_and_sleeps() {
    let mut python = Interpreter::builder()
        .grants(Grants {
            sleep: true,
            ..Grants::default()
        })
        .build();
    python.set_time_limit(Some(std::time::Duration::from_millis(100)));
    let err = python.exec("while True:\n    pass").unwrap_err();
    assert_eq!(err.to_string(), "krait: time limit of 0.1 s exceeded");
    assert_eq!(limit_of(err), krait::Limit::Deadline);
    let started = std::time::Instant::now();
    let err = python
        .exec("import time\ntry:\n    time.sleep(60)\nexcept Exception:\n    pass\nwhile True:\n    pass")
        .unwrap_err();
    assert_eq!(limit_of(err), krait::Limit::Deadline);
    // The sleep was cut short (a generous bound: it asked for a minute).
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    // Each run gets its own time.
    assert_eq!(python.eval::<i64>("sum(range(1000))").unwrap(), 499500);
}

/// One native operation that never ends (a builtin consuming an endless
/// iterator) stops too: native loops poll the limits.
#[test]
fn a_time_limit_stops_endless_native_operations() {
    let mut python = Interpreter::new();
    python.set_time_limit(Some(std::time::Duration::from_millis(100)));
    for program in [
        "import itertools\ntotal = sum(itertools.repeat(1))",
        "import itertools\nbiggest = max(itertools.count())",
        "import itertools\ntext = ','.join(map(str, itertools.count()))",
        "import collections, itertools\ncollections.deque(itertools.repeat(1), maxlen=1)",
        "found = any(x < 0 for x in __import__('itertools').count())",
        // Recursion through dunders passes no CALL instruction and no
        // backward jump. (Wide rather than deep: 4**12 calls, 13 native
        // levels; an unoptimised build's dispatch loop takes ~100 KB of
        // stack per level, and the test thread's 2 MB hold ~25.)
        "class Tree:\n    def __add__(self, depth):\n        if depth:\n            self + (depth - 1)\n            self + (depth - 1)\n            self + (depth - 1)\n            self + (depth - 1)\n        return self\nTree() + 12",
    ] {
        let started = std::time::Instant::now();
        let err = python.exec(program).unwrap_err();
        assert_eq!(limit_of(err), krait::Limit::Deadline, "{program}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{program}"
        );
    }
}

/// A handler that would catch the limit runs no instruction once the
/// deadline passed: not the `except` of the loop that was stopped, not a
/// `finally`, not a handler around a whole loop.
#[test]
fn no_handler_outlives_a_deadline() {
    let mut python = Interpreter::new();
    python.set_time_limit(Some(std::time::Duration::from_millis(100)));
    let program = "caught = 0\n\
        while True:\n    try:\n        while True:\n            pass\n\
        \x20   except BaseException:\n        caught += 1\n\
        \x20   finally:\n        caught += 1000\n";
    let err = python.exec(program).unwrap_err();
    assert_eq!(limit_of(err), krait::Limit::Deadline);
    assert_eq!(python.get::<i64>("caught").unwrap(), 0);
}

/// Big-int arithmetic of millions of digits is one native operation; it
/// stops at the deadline too, within a fraction of the time it would take
/// (each of these takes minutes when let run).
#[test]
fn a_time_limit_stops_huge_integer_arithmetic() {
    let mut python = Interpreter::new();
    python.set_time_limit(Some(std::time::Duration::from_millis(200)));
    for program in [
        "x = 43 * 44444 ** 44444448",
        "x = (1 << 400_000_000) - 1\ny = x * x",
        "x = (7 ** 9_000_000) // (3 ** 6_000_000)",
        // Unbalanced: a small factor times a huge one (found by the fuzzer).
        "x = (1 << 300_000_000) - 1\ny = (3 ** 5000) * x",
        "x = 10 * ((1 << 300_000_000) - 1) * 3 ** 500_000",
        "try:\n    x = 3 ** 300_000_000\nexcept BaseException:\n    x = 0\n",
        // A modular power: hours of squarings of a 200,000-bit number.
        "x = pow(3, 10 ** 400_000, (1 << 200_000) + 1)",
    ] {
        let started = std::time::Instant::now();
        let err = python.exec(program).unwrap_err();
        assert_eq!(limit_of(err), krait::Limit::Deadline, "{program}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{program}: {:?}",
            started.elapsed()
        );
    }
    // Within the limit, the same operations done in steps (a deadline is
    // set) agree with num-bigint's own (none is).
    let expression = "[x % 1_000_000_007 for x in divmod(\
        -(3 ** 3_000_000) * 7 ** 2_000_000 + 1, 21 ** 700_000)]";
    python.set_time_limit(Some(std::time::Duration::from_secs(600)));
    let stepped = python.eval::<Vec<i64>>(expression).unwrap();
    let unlimited = Interpreter::new().eval::<Vec<i64>>(expression).unwrap();
    assert_eq!(stepped, unlimited);
    // (python3 3.11.7)
    assert_eq!(stepped, [338_406_835, 1]);
    // Modular powers in steps (negative modulus too), as python3 3.11.7.
    let expression = "[pow(3, 2**1000 + 12345, (1 << 8192) + 7) % 1_000_000_007, \
        pow(-5, 10**310, -(10**2500 + 9)) % 1_000_000_007]";
    assert_eq!(
        python.eval::<Vec<i64>>(expression).unwrap(),
        [411_401_364, 176_817_159]
    );
}

#[test]
fn another_thread_can_interrupt_a_run() {
    let mut python = Interpreter::new();
    let handle = python.interrupt_handle();
    let stopper = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        handle.interrupt();
    });
    let err = python
        .exec(
            "n = 0\nwhile True:\n    try:\n        n += 1\n    except BaseException:\n        pass",
        )
        .unwrap_err();
    stopper.join().unwrap();
    assert_eq!(err.to_string(), "krait: interrupted by the host");
    assert_eq!(limit_of(err), krait::Limit::Interrupt);
    // The interrupt is spent: the next run is not stopped.
    assert!(python.get::<i64>("n").unwrap() > 0);
    assert_eq!(
        python.eval::<String>("'still ' + 'here'").unwrap(),
        "still here"
    );
}

#[test]
fn deep_recursion_and_nesting_are_python_errors_on_a_small_stack() {
    // Test threads have 2 MiB stacks, as many embedding programs' threads.
    let mut python = Interpreter::new();
    let cases = [
        ("def f(n):\n    return f(n + 1)\nf(0)", "RecursionError"),
        (
            "class A:\n    def __add__(self, other):\n        return self + other\nA() + A()",
            "RecursionError",
        ),
        (
            "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())",
            "RecursionError",
        ),
        (
            "x = []\nfor _ in range(100000):\n    x = [x]\nrepr(x)",
            "RecursionError",
        ),
        ("eval('(' * 100000 + ')' * 100000)", "SyntaxError"),
    ];
    for (source, expected) in cases {
        let (kind, _, _) = exception(python.exec(source).unwrap_err());
        assert_eq!(kind, expected, "{source}");
    }
    // CPython: MemoryError (its parser's stack); krait: SyntaxError. Either
    // way an exception, not a crash.
    match python.exec("eval('-' * 100000 + '1')").unwrap_err() {
        Error::Exception { .. } | Error::Syntax(_) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(python.eval::<i64>("2 + 2").unwrap(), 4);
}

/// This test binary keeps the system allocator: a memory limit cannot be
/// counted, and says so rather than not holding.
#[test]
fn a_memory_limit_needs_the_counting_allocator() {
    let mut python = Interpreter::new();
    assert!(!krait::memory::is_counting());
    let err = python.set_memory_limit(Some(1 << 20)).unwrap_err();
    assert!(matches!(err, Error::Unavailable(_)), "{err:?}");
    assert!(err.to_string().contains("memory::Accounting"), "{err}");
    python.set_memory_limit(None).unwrap();
    assert_eq!(python.eval::<i64>("len('x' * 1000)").unwrap(), 1000);
}

/// One interpreter's script cannot change another's collector: the
/// collector's switch and thresholds are per thread, so each interpreter
/// puts back its own when its run ends.
#[test]
fn a_script_that_disables_the_collector_does_not_disable_it_for_others() {
    let mut first = Interpreter::new();
    first
        .exec("import gc\ngc.disable()\ngc.set_threshold(5, 6, 7)")
        .unwrap();
    assert!(!first.eval::<bool>("gc.isenabled()").unwrap());
    let mut second = Interpreter::new();
    assert!(second.eval::<bool>("__import__('gc').isenabled()").unwrap());
    assert_eq!(
        second
            .eval::<(i64, i64, i64)>("__import__('gc').get_threshold()")
            .unwrap(),
        (700, 10, 10)
    );
    // The first keeps its own settings.
    assert!(!first.eval::<bool>("gc.isenabled()").unwrap());
    assert_eq!(
        first.eval::<(i64, i64, i64)>("gc.get_threshold()").unwrap(),
        (5, 6, 7)
    );
}
