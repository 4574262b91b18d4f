//! `str.format` / `str.format_map`: `{}` auto-numbering, `{0}`, `{name}`,
//! `{0.attr}`, `{a[0]}`, `!r`/`!s`/`!a` conversions and nested specs
//! (`{:{width}}`).

use crate::PyResult;
use crate::builtins::exception::PyErr;
use crate::format::percent::ascii;
use crate::interpreter::Vm;
use crate::value::Value;

/// Where keyword fields come from.
pub enum Kwargs<'a> {
    Pairs(&'a [(&'a str, Value)]),
    /// `format_map(mapping)`.
    Mapping(&'a Value),
}

struct State<'a> {
    args: &'a [Value],
    kwargs: &'a Kwargs<'a>,
    auto: Option<usize>,
    manual: bool,
}

impl State<'_> {
    fn lookup(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        if matches!(self.kwargs, Kwargs::Mapping(_))
            && (name.is_empty() || name.parse::<usize>().is_ok())
        {
            return Err(PyErr::value_error(
                "Format string contains positional fields",
            ));
        }
        if name.is_empty() {
            if self.manual {
                return Err(PyErr::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let i = self.auto.unwrap_or(0);
            self.auto = Some(i + 1);
            return self.positional(i);
        }
        if let Ok(i) = name.parse::<usize>() {
            if self.auto.is_some() {
                return Err(PyErr::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.manual = true;
            return self.positional(i);
        }
        match self.kwargs {
            Kwargs::Pairs(kw) => kw
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::key_error(Value::str(name))),
            // Any mapping, through its `__getitem__` (a dict subclass's
            // `__missing__` too: `defaultdict`).
            Kwargs::Mapping(m) => vm.subscript_get(m, Value::str(name)),
        }
    }

    fn positional(&self, i: usize) -> PyResult<Value> {
        self.args.get(i).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {i} out of range for positional args tuple"
            ))
        })
    }
}

/// Format `fmt` with `args` and `kwargs`.
pub fn format(vm: &mut Vm, fmt: &str, args: &[Value], kwargs: &Kwargs) -> PyResult<String> {
    let mut st = State {
        args,
        kwargs,
        auto: None,
        manual: false,
    };
    render(vm, fmt, &mut st, 2)
}

fn render(vm: &mut Vm, fmt: &str, st: &mut State, depth: u32) -> PyResult<String> {
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut chars = fmt.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => {
                if chars.peek().is_some_and(|&(_, n)| n == '{') {
                    chars.next();
                    out.push('{');
                    continue;
                }
                // Find the matching '}' (specs may nest one level of {}).
                let mut level = 1;
                let start = i + 1;
                let mut end = None;
                for (j, d) in chars.by_ref() {
                    match d {
                        '{' => level += 1,
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                end = Some(j);
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                let Some(end) = end else {
                    return Err(if level > 1 {
                        PyErr::value_error("expected '}' before end of string")
                    } else {
                        PyErr::value_error("Single '{' encountered in format string")
                    });
                };
                if depth == 0 {
                    return Err(PyErr::value_error("Max string recursion exceeded"));
                }
                out.push_str(&field(vm, &fmt[start..end], st, depth)?);
            }
            '}' => {
                if chars.peek().is_some_and(|&(_, n)| n == '}') {
                    chars.next();
                    out.push('}');
                } else {
                    return Err(PyErr::value_error(
                        "Single '}' encountered in format string",
                    ));
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

fn field(vm: &mut Vm, text: &str, st: &mut State, depth: u32) -> PyResult<String> {
    // Split off ":spec" (outside brackets) and "!conv".
    let mut name_end = text.len();
    let mut in_bracket = false;
    for (i, c) in text.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            ':' | '!' if !in_bracket => {
                name_end = i;
                break;
            }
            _ => {}
        }
    }
    let name = &text[..name_end];
    let mut rest = &text[name_end..];
    let mut conv = None;
    if let Some(r) = rest.strip_prefix('!') {
        let mut it = r.chars();
        let c = it.next();
        rest = it.as_str();
        match c {
            Some(c @ ('r' | 's' | 'a')) => conv = Some(c),
            Some(c) => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {c}"
                )));
            }
            None => {
                return Err(PyErr::value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
        }
        if !rest.is_empty() && !rest.starts_with(':') {
            return Err(PyErr::value_error(
                "expected ':' after conversion specifier",
            ));
        }
    }
    let spec_src = rest.strip_prefix(':').unwrap_or("");

    // arg_name ('.' attr | '[' key ']')*
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let mut value = st.lookup(vm, &name[..first_end])?;
    let mut path = &name[first_end..];
    while !path.is_empty() {
        if let Some(p) = path.strip_prefix('.') {
            let end = p.find(['.', '[']).unwrap_or(p.len());
            if end == 0 {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            value = vm.get_attr(&value, &p[..end])?;
            path = &p[end..];
        } else if let Some(p) = path.strip_prefix('[') {
            let end = p
                .find(']')
                .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key_src = &p[..end];
            let key = match key_src.parse::<i64>() {
                Ok(i) if !key_src.starts_with(['+', '-']) => Value::Int(i),
                _ => Value::str(key_src),
            };
            value = vm.subscript_get(&value, key)?;
            path = &p[end + 1..];
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    let value = match conv {
        Some('r') => Value::str(vm.repr(&value)?),
        Some('s') => Value::str(vm.str(&value)?),
        Some('a') => Value::str(ascii(&vm.repr(&value)?)),
        _ => value,
    };
    // As CPython: the field's value (and conversion) before its nested
    // spec fields, so `'{:>{}}'` numbers the value 0 and the width 1.
    let spec = if spec_src.contains('{') {
        render(vm, spec_src, st, depth - 1)?
    } else {
        spec_src.to_string()
    };
    vm.format(&value, &spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtins::dict::PyDict;

    fn f(fmt: &str, args: &[Value], kw: &[(&str, Value)]) -> String {
        match format(
            &mut crate::interpreter::Vm::new(),
            fmt,
            args,
            &Kwargs::Pairs(kw),
        ) {
            Ok(s) => s,
            Err(e) => e.to_string(),
        }
    }
    fn s(x: &str) -> Value {
        Value::str(x)
    }
    fn i(x: i64) -> Value {
        Value::Int(x)
    }

    #[test]
    fn fields() {
        // Expected values from python3.
        assert_eq!(f("{} {}", &[s("a"), s("b")], &[]), "a b");
        assert_eq!(f("{1} {0}", &[s("a"), s("b")], &[]), "b a");
        assert_eq!(f("{x}-{y!r}", &[], &[("x", i(1)), ("y", s("s"))]), "1-'s'");
        let d = PyDict::from_pairs(vec![(s("k"), s("v"))]).unwrap();
        assert_eq!(
            f(
                "{0[1]} {d[k]}",
                &[Value::list(vec![i(5), i(6)])],
                &[("d", Value::dict(d))]
            ),
            "6 v"
        );
        assert_eq!(f("{:{w}}|", &[s("ab")], &[("w", i(5))]), "ab   |");
        assert_eq!(
            f(
                "{:>{w}.{p}f}",
                &[Value::float(3.14159)],
                &[("w", i(8)), ("p", i(2))]
            ),
            "    3.14"
        );
        assert_eq!(f("{{}} {}", &[i(1)], &[]), "{} 1");
        assert_eq!(f("{0.real}", &[i(5)], &[]), "5");
        assert_eq!(f("{:5}|{:<5}|", &[i(1), s("a")], &[]), "    1|a    |");
        assert_eq!(f("{!r:>6}", &[s("a")], &[]), "   'a'");
        let d = PyDict::from_pairs(vec![(i(0), s("int-key"))]).unwrap();
        assert_eq!(f("{0[0]}", &[Value::dict(d)], &[]), "int-key");
        assert_eq!(f("{0!s:^7}", &[Value::float(1.5)], &[]), "  1.5  ");
    }

    #[test]
    fn errors() {
        assert_eq!(
            f("{} {0}", &[i(1)], &[]),
            "ValueError: cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(
            f("{0} {}", &[i(1)], &[]),
            "ValueError: cannot switch from manual field specification to automatic field numbering"
        );
        assert_eq!(
            f("{2}", &[i(1)], &[]),
            "IndexError: Replacement index 2 out of range for positional args tuple"
        );
        assert_eq!(f("{x}", &[], &[]), "KeyError: 'x'");
        assert_eq!(
            f("}", &[], &[]),
            "ValueError: Single '}' encountered in format string"
        );
        assert_eq!(
            f("{", &[], &[]),
            "ValueError: Single '{' encountered in format string"
        );
        assert_eq!(
            f("{!x}", &[i(1)], &[]),
            "ValueError: Unknown conversion specifier x"
        );
        assert_eq!(
            f("{0:d}", &[s("a")], &[]),
            "ValueError: Unknown format code 'd' for object of type 'str'"
        );
        assert_eq!(
            f("{a.b}", &[], &[("a", i(1))]),
            "AttributeError: 'int' object has no attribute 'b'"
        );
    }

    #[test]
    fn format_map() {
        let d = PyDict::from_pairs(vec![(s("a"), i(1))]).unwrap();
        let m = Value::dict(d);
        let r = format(
            &mut crate::interpreter::Vm::new(),
            "{a}!",
            &[],
            &Kwargs::Mapping(&m),
        )
        .unwrap();
        assert_eq!(r, "1!");
    }
}
