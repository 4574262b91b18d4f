//! krait-compiler (placeholder)
