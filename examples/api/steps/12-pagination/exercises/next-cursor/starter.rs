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
    // As it is, every request is the first page of 20: apply the rules of
    // the module's comment, each broken one an Err with its message.
    let _ = page;
    Ok((Start::Offset(0), 20))
}

/// The ids a query fetched with LIMIT `limit + 1`, cut to the page, and the
/// cursor of the next page: the page's last id if a row followed it.
fn finish(ids: Vec<i64>, limit: i64) -> (Vec<i64>, Option<i64>) {
    // As it is, the extra row stays on the page and no cursor is given.
    let _ = limit;
    (ids, None)
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
