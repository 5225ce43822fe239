//! Chapter 1 exercise: one aligned row of a route table, built with format!.

// ANCHOR: solution
/// One row of the start-up route table: the method left-aligned in 7
/// columns, the path left-aligned in 16, the call count right-aligned in 6.
fn route_row(method: &str, path: &str, calls: u32) -> String {
    // Widths are minimums: a longer value is printed whole, never cut.
    format!("{method:<7}{path:<16}{calls:>6}")
}

fn main() {
    println!("{}", route_row("GET", "/orders", 1520));
    println!("{}", route_row("POST", "/orders", 87));
    println!("{}", route_row("DELETE", "/orders/{id}", 3));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_values_are_padded_to_their_columns() {
        assert_eq!(
            route_row("GET", "/orders", 1520),
            "GET    /orders           1520",
            "method in 7 columns, path in 16, count right-aligned in 6"
        );
    }

    #[test]
    fn the_count_is_aligned_to_the_right() {
        let row = route_row("POST", "/orders", 87);
        assert!(
            row.ends_with("    87"),
            "87 should be pushed right by 4 spaces, got {row:?}"
        );
    }

    #[test]
    fn every_row_with_short_values_has_the_same_length() {
        for row in [
            route_row("GET", "/", 1),
            route_row("DELETE", "/orders/{id}", 99999),
        ] {
            assert_eq!(row.len(), 7 + 16 + 6, "row {row:?} is not 29 characters");
        }
    }

    #[test]
    fn a_long_path_is_printed_whole() {
        let row = route_row("GET", "/orders/{id}/items/archived", 3);
        assert_eq!(
            row, "GET    /orders/{id}/items/archived     3",
            "a width is a minimum: longer values are never cut"
        );
    }
}
// ANCHOR_END: tests
