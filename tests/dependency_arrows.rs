//! The layering of design.md §1, checked on the real dependency graph:
//! the VM links without the front end, dis without the VM, and the bottom
//! crates depend on nothing of ours.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// Package name -> names of its normal (non-dev, non-build) dependencies,
/// resolved for this workspace by `cargo metadata`.
fn dependency_graph() -> HashMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: Value = serde_json::from_slice(&output.stdout).expect("metadata is JSON");
    let name_of: HashMap<&str, &str> = metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let mut graph = HashMap::new();
    for node in metadata["resolve"]["nodes"].as_array().unwrap() {
        let name = name_of[node["id"].as_str().unwrap()].to_string();
        let deps = node["deps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|dep| {
                dep["dep_kinds"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|kind| kind["kind"].is_null())
            })
            .map(|dep| name_of[dep["pkg"].as_str().unwrap()].to_string())
            .collect();
        graph.insert(name, deps);
    }
    graph
}

/// Every package `root` links, directly or not.
fn closure(graph: &HashMap<String, Vec<String>>, root: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![root.to_string()];
    while let Some(name) = todo.pop() {
        for dep in graph.get(&name).into_iter().flatten() {
            if seen.insert(dep.clone()) {
                todo.push(dep.clone());
            }
        }
    }
    seen
}

fn assert_not_linked(graph: &HashMap<String, Vec<String>>, root: &str, forbidden: &[&str]) {
    let linked = closure(graph, root);
    let bad: Vec<_> = forbidden.iter().filter(|f| linked.contains(**f)).collect();
    assert!(
        bad.is_empty(),
        "{root} must not depend on {bad:?}; it links {linked:?}"
    );
}

const OURS: [&str; 7] = [
    "krait-bytecode",
    "krait-lexer",
    "krait-ast",
    "krait-parser",
    "krait-compiler",
    "krait-dis",
    "krait-vm",
];

#[test]
fn vm_links_without_the_front_end() {
    let graph = dependency_graph();
    assert!(graph.contains_key("krait-vm"));
    assert_not_linked(
        &graph,
        "krait-vm",
        &[
            "krait-lexer",
            "krait-parser",
            "krait-ast",
            "krait-compiler",
            // krait-dis (bytecode only) is allowed: the `dis` module is the
            // one disassembler seen from Python.
            "logos",
            "lalrpop",
            "lalrpop-util",
        ],
    );
}

/// The standard library compiles its Python modules with the front end
/// when it is built (a build dependency), but does not link it.
#[test]
fn stdlib_links_without_the_front_end() {
    let graph = dependency_graph();
    assert!(graph.contains_key("krait-stdlib"));
    assert_not_linked(
        &graph,
        "krait-stdlib",
        &[
            "krait-lexer",
            "krait-parser",
            "krait-ast",
            "krait-compiler",
            "logos",
            "lalrpop",
        ],
    );
}

/// Analyses see bytecode and the VM's observer; the source-level facts
/// they need come from their caller.
#[test]
fn analysis_links_without_the_front_end() {
    let graph = dependency_graph();
    assert!(graph.contains_key("krait-analysis"));
    assert_not_linked(
        &graph,
        "krait-analysis",
        &[
            "krait-lexer",
            "krait-parser",
            "krait-ast",
            "krait-compiler",
            "logos",
            "lalrpop",
        ],
    );
}

#[test]
fn dis_does_not_link_the_vm() {
    let graph = dependency_graph();
    assert_not_linked(
        &graph,
        "krait-dis",
        &["krait-vm", "krait-compiler", "krait-parser"],
    );
}

#[test]
fn bottom_crates_depend_on_nothing_of_ours() {
    let graph = dependency_graph();
    for bottom in ["krait-bytecode", "krait-lexer", "krait-ast"] {
        assert_not_linked(&graph, bottom, &OURS);
    }
}

#[test]
fn parser_does_not_link_the_back_end() {
    let graph = dependency_graph();
    assert_not_linked(
        &graph,
        "krait-parser",
        &["krait-bytecode", "krait-compiler", "krait-vm", "krait-dis"],
    );
}

#[test]
fn the_checker_sees_real_edges() {
    // Guards the test itself: a graph without edges would pass everything above.
    let graph = dependency_graph();
    assert!(closure(&graph, "krait-parser").contains("krait-lexer"));
    assert!(closure(&graph, "krait-vm").contains("krait-bytecode"));
    assert!(closure(&graph, "krait-compiler").contains("krait-ast"));
}
