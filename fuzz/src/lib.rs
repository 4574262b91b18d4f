//! The fuzz targets' bodies, shared by the cargo-fuzz binaries
//! (`fuzz_targets/`) and the stable smoke test (`tests/fuzz_smoke.rs`).
#[path = "bodies.rs"]
pub mod bodies;
