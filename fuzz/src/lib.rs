//! The fuzz targets' bodies, shared by the cargo-fuzz binaries
//! (`fuzz_targets/`) and the stable smoke test (`tests/fuzz_smoke.rs`).
#[path = "bodies.rs"]
pub mod bodies;

/// Counts allocations so the fuzzed programs run under a memory limit.
#[global_allocator]
static ALLOCATOR: krait::memory::Accounting = krait::memory::Accounting(std::alloc::System);
