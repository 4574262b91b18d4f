//! krait-vm (placeholder)
