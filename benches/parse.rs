//! Parsing benchmark (placeholder until the archive parser benchmark lands).
fn main() {}
