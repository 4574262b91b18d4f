//! `_random`: the Mersenne Twister (MT19937) under `random` (the
//! distributions are Python, `lib/random.py`), bit for bit CPython's:
//! the same seeding of ints (their 32-bit words, `init_by_array`), the
//! same 53-bit floats, the same `getrandbits` word order, the same state
//! tuples, so a program that seeds and draws prints what CPython prints.
//! `seed(None)` draws from the host's entropy.

use std::cell::RefCell;
use std::rc::Rc;

use krait_vm::builtins::function::{MethodDef, Params};
use krait_vm::native::{NativeData, NativeObject, native_type_in};
use krait_vm::sequence::index_arg;
use krait_vm::typeobject::TypeObject;
use krait_vm::{Args, PyErr, PyObject, PyResult, Value, Vm};
use num_bigint::{BigInt, Sign};
use sha2::Digest;

use crate::util::{method, type_value};

const N: usize = 624;
const M: usize = 397;

pub fn module(_: &mut Vm) -> PyResult<Vec<(&'static str, Value)>> {
    Ok(vec![
        ("Random", type_value(RANDOM_TYPE.with(Rc::clone))),
        (
            "_sha512_seed",
            Value::obj(PyObject::BuiltinFunction(
                krait_vm::builtins::function::PyBuiltinFunction {
                    name: "_sha512_seed",
                    func: sha512_seed,
                },
            )),
        ),
    ])
}

thread_local! {
    static RANDOM_TYPE: Rc<TypeObject> = native_type_in("_random", "Random", METHODS);
}

/// The generator's state: 624 words and the index of the next one.
struct Twister {
    state: [u32; N],
    index: usize,
}

impl Twister {
    fn new() -> Twister {
        let mut twister = Twister {
            state: [0; N],
            index: N + 1,
        };
        twister.init_genrand(5489);
        twister
    }

    fn init_genrand(&mut self, seed: u32) {
        self.state[0] = seed;
        for i in 1..N {
            let previous = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let previous = mt[i - 1];
            mt[i] = (mt[i] ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.index = N;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        let mt = &mut self.state;
        for k in 0..N {
            let y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// A float in [0, 1) with 53 random bits.
    fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

struct Random(RefCell<Twister>);

impl NativeData for Random {
    fn traverse(&self, _: &mut dyn FnMut(&Value)) {}
}

fn this(receiver: &Value) -> PyResult<&Random> {
    receiver.native::<Random>().ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_random.Random' object but received a '{}'",
            receiver.type_name()
        ))
    })
}

/// `Random.__new__`: an unseeded generator; the arguments are
/// `__init__`'s (a subclass's `__init__` may take others).
fn random_new(_: &mut Vm, _: &Value, _: Args) -> PyResult {
    Ok(NativeObject::new_value(
        RANDOM_TYPE.with(Rc::clone),
        Random(RefCell::new(Twister::new())),
    ))
}

/// `Random.__init__(seed=None)`: seeds the generator.
fn random_init(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    if args.pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Random() expected at most 1 argument, got {}",
            args.pos.len()
        )));
    }
    seed_with(vm, receiver, args.pos.first().unwrap_or(&Value::None))?;
    Ok(Value::None)
}

/// The 32-bit words of `abs(n)`, least significant first (`[0]` for 0).
fn words_of(n: &BigInt) -> Vec<u32> {
    let (_, digits) = n.to_u32_digits();
    if digits.is_empty() { vec![0] } else { digits }
}

fn seed_with(vm: &mut Vm, receiver: &Value, seed: &Value) -> PyResult<()> {
    let random = this(receiver)?;
    let key = if seed.is_none() {
        let mut bytes = [0u8; N * 4];
        if vm.host().entropy(&mut bytes).is_err() {
            // No entropy granted: the clocks, as CPython falls back to
            // the time and pid (a host that grants neither gets a fixed
            // seed).
            let now = vm.host().wall_clock().unwrap_or_default().as_nanos();
            let ticks = vm.host().monotonic_clock().unwrap_or_default().as_nanos();
            bytes[..16].copy_from_slice(&now.to_le_bytes());
            bytes[16..32].copy_from_slice(&ticks.to_le_bytes());
        }
        bytes
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    } else {
        let number = match seed {
            Value::Int(i) => BigInt::from(*i),
            Value::Bool(b) => BigInt::from(b.get() as i64),
            _ => match seed.as_bigint_or_subclass() {
                Some(big) => big.clone(),
                None if seed.builtin_value().is_int() => match seed.builtin_value() {
                    Value::Int(i) => BigInt::from(*i),
                    _ => BigInt::from(0),
                },
                // Other objects seed with their hash, as CPython does.
                None => BigInt::from(vm.hash_value(seed)?),
            },
        };
        words_of(&number)
    };
    random.0.borrow_mut().init_by_array(&key);
    Ok(())
}

fn r_seed(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    seed_with(vm, receiver, args.pos.first().unwrap_or(&Value::None))?;
    Ok(Value::None)
}

fn r_random(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    Ok(Value::float(this(receiver)?.0.borrow_mut().random()))
}

impl Twister {
    /// `getrandbits(k)`'s words: whole words from the least significant
    /// up; the last one keeps its high bits.
    fn bits(&mut self, k: u64) -> BigInt {
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut word = self.next_u32();
            if left < 32 {
                word >>= 32 - left;
            }
            words.push(word);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    /// `getrandbits(k)` for `k <= 64`, as the same draws.
    fn small_bits(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let low = self.next_u32() as u64;
                let high = (self.next_u32() >> (64 - k)) as u64;
                low | (high << 32)
            }
        }
    }
}

fn r_getrandbits(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    // A C int, as CPython's: no bit count beyond 2**31 is drawn.
    let k = krait_vm::sequence::c_int_arg(vm, &args.pos[0], "k")?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    let mut twister = this(receiver)?.0.borrow_mut();
    if k <= 32 {
        return Ok(Value::Int(twister.small_bits(k as u32) as i64));
    }
    Ok(Value::from_bigint(twister.bits(k as u64)))
}

/// `_randbelow(n)` with this generator's own `getrandbits`: draws of n's
/// bit length until one is below n, exactly the draws `random.py`'s
/// Python version makes (which a subclass overriding `getrandbits` or
/// `random` gets instead).
fn r_randbelow(_: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let n = match &args.pos[0] {
        Value::Int(n) => BigInt::from(*n),
        Value::Bool(b) => BigInt::from(b.get() as i64),
        other => other
            .as_bigint_or_subclass()
            .cloned()
            .ok_or_else(|| PyErr::type_error("_randbelow() needs an int"))?,
    };
    if n.sign() != Sign::Plus {
        return Err(PyErr::value_error("_randbelow() needs a positive bound"));
    }
    let k = n.bits();
    let mut twister = this(receiver)?.0.borrow_mut();
    if k <= 64 {
        let bound = n.to_u64_digits().1.first().copied().unwrap_or(0);
        loop {
            let r = twister.small_bits(k as u32);
            if r < bound {
                return Ok(match i64::try_from(r) {
                    Ok(r) => Value::Int(r),
                    Err(_) => Value::from_bigint(BigInt::from(r)),
                });
            }
        }
    }
    loop {
        let r = twister.bits(k);
        if r < n {
            return Ok(Value::from_bigint(r));
        }
    }
}

fn r_getstate(_: &mut Vm, receiver: &Value, _: Args) -> PyResult {
    let twister = this(receiver)?.0.borrow();
    let mut items: Vec<Value> = twister
        .state
        .iter()
        .map(|&w| Value::Int(w as i64))
        .collect();
    items.push(Value::Int(twister.index as i64));
    Ok(Value::tuple(items))
}

fn r_setstate(vm: &mut Vm, receiver: &Value, args: Args) -> PyResult {
    let Some(state) = args.pos[0].as_tuple_or_subclass() else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    let items = state.as_slice().to_vec();
    if items.len() != N + 1 {
        return Err(PyErr::value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (word, item) in words.iter_mut().zip(&items) {
        let n = index_arg(vm, item, "state")?;
        *word = u32::try_from(n).map_err(|_| {
            PyErr::overflow_error("Python int too large to convert to C unsigned long")
        })?;
    }
    let index = index_arg(vm, &items[N], "state")?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::value_error("invalid state"));
    }
    let mut twister = this(receiver)?.0.borrow_mut();
    twister.state = words;
    twister.index = index as usize;
    Ok(Value::None)
}

/// `random.seed(str or bytes)`: the int CPython's version-2 seeding makes
/// of the bytes (the bytes followed by their SHA-512 digest, big-endian).
fn sha512_seed(_: &mut Vm, args: Args) -> PyResult {
    args.check("_sha512_seed", 1, 1)?;
    let bytes: Vec<u8> = match args.pos[0].as_str_or_subclass() {
        Some(text) => text.as_str().as_bytes().to_vec(),
        None => match krait_vm::buffer::bytes_like(&args.pos[0])? {
            Some(bytes) => bytes.to_vec(),
            None => return Err(PyErr::type_error("a str or bytes seed is required")),
        },
    };
    let mut all = bytes.clone();
    all.extend_from_slice(&sha2::Sha512::digest(&bytes));
    Ok(Value::from_bigint(BigInt::from_bytes_be(Sign::Plus, &all)))
}

static METHODS: &[MethodDef] = &[
    method("__new__", Params::Any, random_new),
    method("__init__", Params::Any, random_init),
    method("seed", Params::Tuple(0, 1), r_seed),
    method("random", Params::NoArgs, r_random),
    method("getrandbits", Params::One, r_getrandbits),
    method("_randbelow", Params::One, r_randbelow),
    method("getstate", Params::NoArgs, r_getstate),
    method("setstate", Params::One, r_setstate),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference MT19937 output for `init_by_array([0x123, 0x234,
    /// 0x345, 0x456])` (from the authors' mt19937ar.out).
    #[test]
    fn reference_sequence() {
        let mut twister = Twister::new();
        twister.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| twister.next_u32()).collect();
        assert_eq!(
            first,
            [1067595299, 955945823, 477289528, 4107218783, 4228976476]
        );
    }
}
