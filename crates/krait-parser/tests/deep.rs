//! Deep input never overflows the stack: each case runs on a thread with a
//! 1 MiB stack and must end in a `SyntaxError` (or parse, when shallow).

use krait_ast::*;
use krait_parser::{Mode, parse};

fn on_small_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no overflow, no panic");
}

fn rejects(source: String, message: &'static str) {
    on_small_stack(move || {
        let e = parse(&source, Mode::Exec, "deep.py").expect_err("too deep");
        assert!(e.message.contains(message), "{}", e.message);
    });
}

const N: usize = 100_000;

#[test]
fn unary_minus_chain() {
    rejects(format!("x = {}1\n", "-".repeat(N)), "too many nested");
}

#[test]
fn not_chain() {
    rejects(format!("x = {}x\n", "not ".repeat(N)), "too many nested");
}

#[test]
fn attribute_chain() {
    rejects(format!("x = a{}\n", ".b".repeat(N)), "too many nested");
}

#[test]
fn call_and_subscript_chains() {
    rejects(format!("x = f{}\n", "()".repeat(N)), "too many nested");
    rejects(format!("x = a{}\n", "[0]".repeat(N)), "too many nested");
}

#[test]
fn binary_chain() {
    rejects(format!("x = 1{}\n", "+1".repeat(N)), "too many nested");
    rejects(format!("x = 2{}\n", "**2".repeat(N)), "too many nested");
}

#[test]
fn ternary_chain() {
    rejects(
        format!("x = {}x\n", "x if y else ".repeat(N)),
        "too many nested",
    );
}

#[test]
fn lambda_chain() {
    rejects(
        format!("x = {}0\n", "lambda: ".repeat(N)),
        "too many nested",
    );
}

#[test]
fn brackets() {
    rejects(
        format!("x = {}{}\n", "(".repeat(N), ")".repeat(N)),
        "too many nested parentheses",
    );
    rejects(
        format!("x = {}{}\n", "[".repeat(N), "]".repeat(N)),
        "too many nested parentheses",
    );
}

#[test]
fn deep_chain_then_syntax_error() {
    rejects(format!("x = a{} +\n", ".b".repeat(N)), "too many nested");
}

#[test]
fn shallow_chains_parse() {
    on_small_stack(|| {
        for src in [
            format!("x = {}1\n", "-".repeat(300)),
            format!("x = a{}\n", ".b".repeat(300)),
            format!("x = 1{}\n", "+1".repeat(300)),
            format!("x = [{}]\n", "1, ".repeat(N)),
            format!("x = a{}\n", " and a".repeat(300)),
        ] {
            parse(&src, Mode::Exec, "ok.py").expect("shallow enough");
        }
    });
}

#[test]
fn deep_tree_is_torn_down_iteratively() {
    on_small_stack(|| {
        let loc = Location::default();
        let mut e = Expr {
            node: ExprKind::Name {
                id: "x".into(),
                ctx: ExprContext::Load,
            },
            loc,
        };
        for _ in 0..N {
            e = Expr {
                node: ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(e),
                },
                loc,
            };
        }
        let module = Mod::Expression { body: Box::new(e) };
        assert_eq!(krait_parser::depth::tree_depth(&module), N + 1);
        assert!(krait_parser::depth::check_tree(module).is_err());
    });
}
