//! Must not compile (E0072): a filter that holds filters directly, with no
//! Box in between, would contain itself and have no finite size.

enum Filter {
    StatusAtLeast(u16),
    Not(Filter),
    Or(Filter, Filter),
}

/// What the log viewer shows next to a filter.
fn describe(filter: &Filter) -> &'static str {
    match filter {
        Filter::StatusAtLeast(_) => "status filter",
        Filter::Not(_) => "negation",
        Filter::Or(_, _) => "alternative",
    }
}

fn main() {
    println!("{}", describe(&Filter::StatusAtLeast(500)));
}
