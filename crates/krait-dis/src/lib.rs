//! krait-dis (placeholder)
