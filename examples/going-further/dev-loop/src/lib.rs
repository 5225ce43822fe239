//! Going further, the dev loop: one generic function written two ways, and
//! the count of what each costs the compiler.

pub mod import;
pub mod monomorphs;
