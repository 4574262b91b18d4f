//! krait-parser: tokens from krait-lexer -> a krait-ast tree, by a lalrpop
//! grammar (placeholder: being written).
