//! Chapter 13: iterators are lazy, and your own type becomes one by
//! implementing `next`. Here: users fetched page by page from an API.

/// One page of an API's answer: the items, and the cursor of the next
/// page (None on the last one).
struct Page {
    users: Vec<String>,
    next: Option<u32>,
}

/// Yields users one at a time, fetching a page only when the previous
/// one is used up. `F` is whatever fetches a page: an HTTP client in
/// production, a closure over a Vec in a test.
struct Users<F> {
    fetch: F,
    buffer: std::vec::IntoIter<String>,
    next: Option<u32>,
}

impl<F: FnMut(u32) -> Page> Users<F> {
    fn new(fetch: F) -> Self {
        Users {
            fetch,
            buffer: Vec::new().into_iter(),
            next: Some(0),
        }
    }
}

impl<F: FnMut(u32) -> Page> Iterator for Users<F> {
    type Item = String;

    fn next(&mut self) -> Option<String> {
        loop {
            if let Some(user) = self.buffer.next() {
                return Some(user);
            }
            // The page is used up: fetch the next, or end for good.
            let cursor = self.next?;
            let page = (self.fetch)(cursor);
            self.next = page.next;
            self.buffer = page.users.into_iter();
        }
    }
}

/// A fake API holding 8 users, serving 3 per page.
fn fake_api(cursor: u32) -> Page {
    const ALL: [&str; 8] = ["ana", "ben", "cy", "dev", "eli", "fay", "gus", "hal"];
    println!("  fetch page at cursor {cursor}");
    let start = cursor as usize;
    let end = (start + 3).min(ALL.len());
    Page {
        users: ALL[start..end]
            .iter()
            .map(|name| name.to_string())
            .collect(),
        next: (end < ALL.len()).then_some(end as u32),
    }
}

fn main() {
    // Laziness: building the chain runs nothing, not even the first fetch.
    println!("building the chain:");
    let mut with_e = Users::new(fake_api).filter(|name| name.contains('e'));
    println!("  (nothing fetched yet)");

    // Each call to next pulls just enough pages to find one more match.
    println!("first match:");
    println!("  {:?}", with_e.next());
    println!("second match:");
    println!("  {:?}", with_e.next());

    // take(2) stops asking once it has two: page 3 is never fetched.
    println!("the first two users:");
    let first_two: Vec<String> = Users::new(fake_api).take(2).collect();
    println!("  {first_two:?}");

    // Every adapter works on the new type, because it implements next.
    println!("all users, counted:");
    let mut fetches = 0;
    let counting = |cursor| {
        fetches += 1;
        fake_api(cursor)
    };
    let total = Users::new(counting).count();
    println!("  {total} users in {fetches} fetches");
}
