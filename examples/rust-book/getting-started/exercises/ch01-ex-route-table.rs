//! Chapter 1 exercise: one aligned row of a route table, built with format!.

/// One row of the start-up route table: the method left-aligned in 7
/// columns, the path left-aligned in 16, the call count right-aligned in 6.
fn route_row(method: &str, path: &str, calls: u32) -> String {
    // TODO: return the row as a String, built with format! and a width and
    // an alignment for each value (`<` for left, `>` for right).
    todo!()
}

fn main() {
    println!("{}", route_row("GET", "/orders", 1520));
    println!("{}", route_row("POST", "/orders", 87));
    println!("{}", route_row("DELETE", "/orders/{id}", 3));
}
