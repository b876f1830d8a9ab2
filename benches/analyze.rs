//! Placeholder benchmark (issue 6 builds the real one).
fn main() {}
