//! Exercise: read ?page= and ?per_page= from a query string into a Page.

// ANCHOR: solution
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
        assert!(number >= 1, "page numbers start at 1");
        assert!(
            (1..=MAX_SIZE).contains(&size),
            "page size must be 1 to {MAX_SIZE}, got {size}"
        );
        Page { number, size }
    }

    /// How many items come before this page: the query's OFFSET.
    fn offset(&self) -> u64 {
        u64::from(self.number - 1) * u64::from(self.size)
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

fn number(name: &str, value: &str) -> Result<u32, PageError> {
    value
        .parse()
        .map_err(|_| PageError::NotANumber(name.to_string()))
}

/// Reads `page` and `per_page` from a query string such as
/// `page=2&per_page=50`. A missing one takes its default (page 1,
/// DEFAULT_SIZE items); other parameters are left for someone else.
fn parse_page(query: &str) -> Result<Page, PageError> {
    let mut page = 1;
    let mut size = DEFAULT_SIZE;
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        match name {
            "page" => page = number(name, value)?,
            "per_page" => size = number(name, value)?,
            _ => {}
        }
    }
    if page == 0 {
        return Err(PageError::PageZero);
    }
    if !(1..=MAX_SIZE).contains(&size) {
        return Err(PageError::SizeOutOfRange(size));
    }
    Ok(Page::new(page, size))
}

fn main() {
    for query in ["page=3&per_page=50", "", "page=two", "per_page=1000"] {
        match parse_page(query) {
            Ok(page) => println!("{query:?} -> {page:?}, offset {}", page.offset()),
            Err(err) => println!("{query:?} -> 400 {err:?}"),
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_parameters() -> Result<(), PageError> {
        let page = parse_page("page=3&per_page=50")?;
        assert_eq!(
            page,
            Page {
                number: 3,
                size: 50
            }
        );
        assert_eq!(page.offset(), 100, "page 3 of 50 starts after 100 items");
        Ok(())
    }

    #[test]
    fn missing_parameters_take_their_defaults() -> Result<(), PageError> {
        assert_eq!(
            parse_page("")?,
            Page {
                number: 1,
                size: 20
            }
        );
        assert_eq!(
            parse_page("sort=name&page=2")?,
            Page {
                number: 2,
                size: 20
            },
            "other parameters should be ignored"
        );
        Ok(())
    }

    #[test]
    fn says_which_parameter_is_not_a_number() {
        assert_eq!(
            parse_page("page=two"),
            Err(PageError::NotANumber("page".to_string()))
        );
        assert_eq!(
            parse_page("page=2&per_page=-5"),
            Err(PageError::NotANumber("per_page".to_string()))
        );
    }

    #[test]
    fn refuses_page_zero_and_sizes_out_of_range() {
        assert_eq!(parse_page("page=0"), Err(PageError::PageZero));
        assert_eq!(parse_page("per_page=0"), Err(PageError::SizeOutOfRange(0)));
        assert_eq!(
            parse_page("per_page=1000"),
            Err(PageError::SizeOutOfRange(1000))
        );
    }

    #[test]
    fn the_first_page_starts_at_the_first_item() {
        assert_eq!(Page::new(1, 20).offset(), 0);
    }

    #[test]
    #[should_panic(expected = "page size must be 1 to 100")]
    fn building_a_page_of_500_is_a_bug() {
        Page::new(1, 500);
    }
}
// ANCHOR_END: tests
