//! krait-bytecode (placeholder)
