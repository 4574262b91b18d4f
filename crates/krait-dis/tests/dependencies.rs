//! Architecture invariant: krait-dis depends on krait-bytecode and on no
//! other krait crate (above all not krait-vm). Dev-dependencies (the
//! compiler, for snapshot sources) are allowed.

#[test]
fn only_krait_bytecode_among_normal_dependencies() {
    let manifest = include_str!("../Cargo.toml");
    let mut section = String::new();
    let mut krait_deps = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        // Normal dependencies: `[dependencies]` and target-specific ones.
        let normal = section == "[dependencies]"
            || (section.starts_with("[target.") && section.ends_with(".dependencies]"));
        if normal && line.starts_with("krait") {
            let name = line.split(['=', '.', ' ']).next().unwrap_or(line);
            krait_deps.push(name.to_string());
        }
        if section.starts_with("[dependencies.") && section.contains("krait") {
            krait_deps.push(section.clone());
        }
    }
    krait_deps.dedup();
    assert_eq!(
        krait_deps,
        ["krait-bytecode"],
        "krait-dis must depend on krait-bytecode only"
    );
}
