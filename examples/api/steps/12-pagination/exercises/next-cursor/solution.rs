//! Exercise: the rules of `GET /users?limit=&offset=&after=`, without a
//! database. `plan` reads the three query values and says where the page
//! starts and how long it is, or which rule the request breaks (the text of
//! its 400). `finish` takes the rows a query fetched, one more than the
//! limit when there are that many, and returns the page and the next
//! cursor.
//!
//! The rules: `limit` is 1 to 100, 20 when left out. A page starts
//! `Offset(n)` (n from 0) or `After(id)` (any id); neither given is the
//! first page, `Offset(0)`. Both given is refused, whatever their values.

// ANCHOR: solution
/// The query string's values, as axum's `Query<Page>` fills them.
#[derive(Debug, Default)]
struct Page {
    limit: Option<i64>,
    offset: Option<i64>,
    after: Option<i64>,
}

/// Where a page starts.
#[derive(Debug, PartialEq)]
enum Start {
    /// Skip this many rows (LIMIT … OFFSET n).
    Offset(i64),
    /// The rows whose id is greater than this one (WHERE id > n).
    After(i64),
}

/// Where the page starts and its limit, or the message of the 400.
fn plan(page: &Page) -> Result<(Start, i64), String> {
    let limit = page.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err("limit must be between 1 and 100".into());
    }
    let start = match (page.offset, page.after) {
        // Two starting points that may disagree: refuse rather than guess.
        (Some(_), Some(_)) => return Err("send after or offset, not both".into()),
        (None, Some(after)) => Start::After(after),
        (Some(offset), None) if offset < 0 => return Err("offset must be 0 or more".into()),
        (offset, None) => Start::Offset(offset.unwrap_or(0)),
    };
    Ok((start, limit))
}

/// The ids a query fetched with LIMIT `limit + 1`, cut to the page, and the
/// cursor of the next page: the page's last id if a row followed it.
fn finish(mut ids: Vec<i64>, limit: i64) -> (Vec<i64>, Option<i64>) {
    let more = ids.len() as i64 > limit;
    ids.truncate(limit as usize);
    let next = if more { ids.last().copied() } else { None };
    (ids, next)
}

fn main() {
    let asked = Page {
        limit: Some(2),
        after: Some(40),
        ..Page::default()
    };
    println!("{asked:?} -> {:?}", plan(&asked));
    let both = Page {
        offset: Some(0),
        after: Some(0),
        ..Page::default()
    };
    println!("{both:?} -> {:?}", plan(&both));
    // A query for 2 + 1 rows found 3: a next page exists, after id 43.
    println!("{:?}", finish(vec![41, 43, 47], 2));
    // It found 2: this page is the last.
    println!("{:?}", finish(vec![41, 43], 2));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT_RULE: &str = "limit must be between 1 and 100";

    #[test]
    fn nothing_given_is_the_first_page_of_20() {
        assert_eq!(plan(&Page::default()), Ok((Start::Offset(0), 20)));
    }

    #[test]
    fn an_offset_or_a_cursor_says_where_the_page_starts() {
        let by_offset = Page {
            limit: Some(5),
            offset: Some(40),
            after: None,
        };
        assert_eq!(plan(&by_offset), Ok((Start::Offset(40), 5)));
        let by_cursor = Page {
            limit: Some(5),
            offset: None,
            after: Some(40),
        };
        assert_eq!(plan(&by_cursor), Ok((Start::After(40), 5)));
    }

    #[test]
    fn after_and_offset_together_are_refused_even_when_they_agree() {
        for (offset, after) in [(20, 20), (0, 0)] {
            let both = Page {
                limit: None,
                offset: Some(offset),
                after: Some(after),
            };
            assert_eq!(
                plan(&both),
                Err("send after or offset, not both".to_string())
            );
        }
    }

    #[test]
    fn the_limit_is_1_to_100_with_either_start() {
        for after in [None, Some(3)] {
            for limit in [0, 101, -1] {
                let page = Page {
                    limit: Some(limit),
                    offset: None,
                    after,
                };
                assert_eq!(plan(&page), Err(LIMIT_RULE.to_string()), "limit {limit}");
            }
            let page = Page {
                limit: Some(100),
                offset: None,
                after,
            };
            assert!(plan(&page).is_ok(), "limit 100, after {after:?}");
        }
    }

    #[test]
    fn a_negative_offset_is_refused() {
        let page = Page {
            offset: Some(-1),
            ..Page::default()
        };
        assert_eq!(plan(&page), Err("offset must be 0 or more".to_string()));
    }

    #[test]
    fn one_row_more_than_the_limit_gives_the_last_kept_id_as_cursor() {
        assert_eq!(finish(vec![41, 43, 47], 2), (vec![41, 43], Some(43)));
    }

    #[test]
    fn a_full_page_with_nothing_after_it_is_the_last() {
        assert_eq!(finish(vec![41, 43], 2), (vec![41, 43], None));
        assert_eq!(finish(vec![41], 2), (vec![41], None));
        assert_eq!(finish(vec![], 2), (vec![], None));
    }
}
// ANCHOR_END: tests
