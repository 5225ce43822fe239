//! Chapter 2 exercise: add up request counts, one per line, until END.

// ANCHOR: solution
/// Adds up the request counts in `input`, one per line, and counts the
/// lines that are not a count. Surrounding spaces are ignored, blank lines
/// are neither added nor counted, and a line `END` stops the reading.
/// Returns (total, skipped).
fn total_requests(input: &str) -> (u32, u32) {
    let mut total = 0;
    let mut skipped = 0;
    for line in input.lines() {
        let line = line.trim();
        if line == "END" {
            break;
        }
        if line.is_empty() {
            continue;
        }
        match line.parse::<u32>() {
            Ok(count) => total += count,
            Err(_) => skipped += 1,
        }
    }
    (total, skipped)
}

fn main() {
    let input = "120\n80\nn/a\n\n300\nEND\n999\n";
    let (total, skipped) = total_requests(input);
    println!("{total} requests, {skipped} line(s) skipped");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_on_their_own_lines_are_added_up() {
        assert_eq!(total_requests("10\n20\n12\n"), (42, 0));
    }

    #[test]
    fn lines_that_are_not_counts_are_skipped_and_counted() {
        assert_eq!(
            total_requests("10\nabc\n-5\n5\n"),
            (15, 2),
            "`abc` and `-5` are not request counts"
        );
    }

    #[test]
    fn nothing_after_end_is_read() {
        assert_eq!(
            total_requests("1\n2\nEND\n100\noops\n"),
            (3, 0),
            "END stops the loop: 100 and oops are never looked at"
        );
    }

    #[test]
    fn blank_lines_are_neither_added_nor_counted() {
        assert_eq!(total_requests("7\n\n   \n3\n"), (10, 0));
    }

    #[test]
    fn spaces_and_windows_line_endings_are_ignored() {
        assert_eq!(total_requests(" 4 \r\n6\r\nEND\r\n"), (10, 0));
    }
}
// ANCHOR_END: tests
