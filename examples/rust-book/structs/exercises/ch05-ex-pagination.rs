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
        // TODO: build the Page, correcting both values.
        todo!()
    }

    /// How many rows come before this page: SQL's OFFSET.
    fn offset(&self) -> u64 {
        // TODO: compute in u64, so that a huge page number cannot overflow.
        todo!()
    }

    /// The page after this one, of the same size.
    fn next_page(self) -> Page {
        // TODO
        todo!()
    }
}

fn main() {
    let page = Page::new(3, 20);
    println!("{page:?}: LIMIT {} OFFSET {}", page.per_page, page.offset());
    let next = page.next_page();
    println!("{next:?}: LIMIT {} OFFSET {}", next.per_page, next.offset());
}
