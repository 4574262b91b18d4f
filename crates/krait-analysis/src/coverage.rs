//! Line and branch coverage (`krait coverage`).
