#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| krait_fuzz::bodies::lexer(data));
