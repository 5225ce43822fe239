//! Exercise: read ?page= and ?per_page= from a query string into a Page.

/// The largest page a client may ask for, and the size it gets by default.
const MAX_SIZE: u32 = 100;
const DEFAULT_SIZE: u32 = 20;

/// One page of a listing: which page, counted from 1, and how many items.
#[derive(Debug, PartialEq)]
struct Page {
    number: u32,
    size: u32,
}

impl Page {
    /// # Panics
    ///
    /// If `number` is 0 or `size` is not from 1 to MAX_SIZE. Input from a
    /// client goes through `parse_page` first, so such a value is a bug.
    fn new(number: u32, size: u32) -> Page {
        // TODO: refuse the two bugs with assert! (the tests expect the
        // message "page size must be 1 to 100" for a bad size), then
        // build the Page.
        todo!()
    }

    /// How many items come before this page: the query's OFFSET.
    fn offset(&self) -> u64 {
        // TODO: page 1 starts at item 0. Compute in u64: u32 may overflow.
        todo!()
    }
}

/// Why a client's paging parameters were refused (a 400 response).
#[derive(Debug, PartialEq)]
enum PageError {
    /// The parameter so named is not a whole number, as in `page=two`.
    NotANumber(String),
    /// `page=0`: pages are counted from 1.
    PageZero,
    /// `per_page` is not from 1 to MAX_SIZE.
    SizeOutOfRange(u32),
}

/// Reads `page` and `per_page` from a query string such as
/// `page=2&per_page=50`. A missing one takes its default (page 1,
/// DEFAULT_SIZE items); other parameters are left for someone else.
fn parse_page(query: &str) -> Result<Page, PageError> {
    // TODO: split the query at '&' and each pair at '='; parse the two
    // parameters you know, ignore the others, then check the ranges and
    // return the error that says what is wrong.
    todo!()
}

fn main() {
    for query in ["page=3&per_page=50", "", "page=two", "per_page=1000"] {
        match parse_page(query) {
            Ok(page) => println!("{query:?} -> {page:?}, offset {}", page.offset()),
            Err(err) => println!("{query:?} -> 400 {err:?}"),
        }
    }
}
