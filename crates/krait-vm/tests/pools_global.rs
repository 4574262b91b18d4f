//! `memory::Pools` as a process's global allocator (its own test binary,
//! one test, so no other test's threads share the heaps): blocks of every
//! size keep their contents, blocks cross threads in both directions, and
//! threads that come and go hand their heaps on instead of leaking them.

use std::collections::HashMap;
use std::sync::mpsc;

#[global_allocator]
static ALLOCATOR: krait_vm::memory::Pools = krait_vm::memory::Pools(std::alloc::System);

/// A small allocation whose contents tell whether it was overwritten.
fn marked(seed: usize) -> Box<[u64]> {
    let len = 1 + seed % 40;
    (0..len).map(|i| (seed * 31 + i) as u64).collect()
}

fn check(seed: usize, block: &[u64]) {
    assert_eq!(block.len(), 1 + seed % 40);
    for (i, &v) in block.iter().enumerate() {
        assert_eq!(v, (seed * 31 + i) as u64, "block {seed} overwritten");
    }
}

/// Resident memory in bytes, from `/proc` (Linux); 0 elsewhere.
fn resident() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

#[test]
fn pools_as_the_global_allocator() {
    // Many sizes alive at once, freed in an order unlike the allocation's.
    let mut kept: Vec<(usize, Box<[u64]>)> = (0..50_000).map(|s| (s, marked(s))).collect();
    let mut words: HashMap<String, usize> = HashMap::new();
    for s in 0..20_000 {
        words.insert(format!("word{}", s * 7), s);
    }
    kept.retain(|(s, _)| s % 3 != 0);
    for (s, block) in &kept {
        check(*s, block);
    }
    assert_eq!(words[&format!("word{}", 700)], 100);

    // Blocks made on one thread and freed on another, both ways.
    let (to_worker, worker_gets) = mpsc::channel::<(usize, Box<[u64]>)>();
    let (to_main, main_gets) = mpsc::channel::<(usize, Box<[u64]>)>();
    let worker = std::thread::spawn(move || {
        let mut count = 0;
        for (s, block) in worker_gets {
            check(s, &block);
            drop(block);
            count += 1;
            if count % 2 == 0 {
                to_main.send((s + 1, marked(s + 1))).unwrap();
            }
        }
        count
    });
    for s in 0..40_000 {
        to_worker.send((s, marked(s))).unwrap();
    }
    drop(to_worker);
    assert_eq!(worker.join().unwrap(), 40_000);
    let mut back = 0;
    for (s, block) in main_gets {
        check(s, &block);
        back += 1;
    }
    assert_eq!(back, 20_000);
    for (s, block) in &kept {
        check(*s, block);
    }

    // Threads that each use and free ~3 MB of small blocks, one after
    // another: each takes over an ended thread's heap, so memory stays
    // about one thread's worth (a heap per thread would keep ~1 MB of
    // empty pools each: 120 MB).
    let before = resident();
    for round in 0..120 {
        std::thread::spawn(move || {
            let blocks: Vec<Box<[u64]>> = (0..20_000).map(|s| marked(s + round)).collect();
            for (s, block) in blocks.iter().enumerate() {
                check(s + round, block);
            }
        })
        .join()
        .unwrap();
    }
    let grown = resident().saturating_sub(before);
    assert!(grown < 40 << 20, "resident memory grew by {grown} bytes");
}
