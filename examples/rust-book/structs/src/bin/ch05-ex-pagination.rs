// ANCHOR: solution
/// One page of a listing endpoint such as `GET /orders?page=3&per_page=20`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Page {
    /// 1 for the first page.
    number: u32,
    per_page: u32,
}

impl Page {
    /// Builds a page from query parameters, which a client may get wrong:
    /// page 0 means the first page, and `per_page` is kept within 1..=100.
    fn new(number: u32, per_page: u32) -> Self {
        Page {
            number: number.max(1),
            per_page: per_page.clamp(1, 100),
        }
    }

    /// How many rows come before this page: SQL's OFFSET.
    fn offset(&self) -> u64 {
        // u64, so that a huge page number cannot overflow a u32.
        (u64::from(self.number) - 1) * u64::from(self.per_page)
    }

    /// The page after this one, of the same size.
    fn next_page(self) -> Page {
        Page {
            // The last page number has no next page: stay there rather than overflow.
            number: self.number.saturating_add(1),
            ..self
        }
    }
}

fn main() {
    let page = Page::new(3, 20);
    println!("{page:?}: LIMIT {} OFFSET {}", page.per_page, page.offset());
    let next = page.next_page();
    println!("{next:?}: LIMIT {} OFFSET {}", next.per_page, next.offset());
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_zero_becomes_the_first_page() {
        assert_eq!(
            Page::new(0, 20).number,
            1,
            "page=0 should be read as page 1"
        );
        assert_eq!(Page::new(4, 20).number, 4, "a valid page number is kept");
    }

    #[test]
    fn per_page_is_kept_between_1_and_100() {
        assert_eq!(Page::new(1, 0).per_page, 1, "per_page=0 should become 1");
        assert_eq!(
            Page::new(1, 5000).per_page,
            100,
            "per_page=5000 should become 100"
        );
        assert_eq!(Page::new(1, 25).per_page, 25, "a valid per_page is kept");
    }

    #[test]
    fn offset_skips_the_rows_of_earlier_pages() {
        assert_eq!(Page::new(1, 20).offset(), 0, "the first page skips nothing");
        assert_eq!(
            Page::new(3, 20).offset(),
            40,
            "page 3 of 20 skips pages 1 and 2"
        );
        assert_eq!(
            Page::new(u32::MAX, 100).offset(),
            (u64::from(u32::MAX) - 1) * 100,
            "a huge page number must not overflow"
        );
    }

    #[test]
    fn next_page_keeps_the_page_size() {
        assert_eq!(
            Page::new(2, 25).next_page(),
            Page {
                number: 3,
                per_page: 25
            }
        );
    }
}
// ANCHOR_END: tests
