//! Generic structs and functions: a page of results and a small cache,
//! each written once and used with several concrete types.
use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

/// One page of a listing, whatever it lists: users, orders, log lines.
#[derive(Debug)]
struct Page<T> {
    items: Vec<T>,
    page: usize,
    total: usize,
}

/// Cuts page `page` (counted from 1, as in `?page=1`) out of `all`.
/// `T: Clone` because the page gets its own copies of the items.
fn paginate<T: Clone>(all: &[T], page: usize, per_page: usize) -> Page<T> {
    let start = page.saturating_sub(1) * per_page;
    let items = all.iter().skip(start).take(per_page).cloned().collect();
    Page {
        items,
        page,
        total: all.len(),
    }
}

// Only pages whose items can be displayed get this method.
// ANCHOR: render
impl<T: Display> Page<T> {
    fn render(&self) -> String {
        let items: Vec<String> = self.items.iter().map(|item| format!("{item}")).collect();
        format!(
            "page {} ({} items in all): {}",
            self.page,
            self.total,
            items.join(", ")
        )
    }
}
// ANCHOR_END: render

/// A cache from any hashable key to any value, counting misses.
struct Cache<K, V> {
    entries: HashMap<K, V>,
    misses: u32,
}

impl<K: Eq + Hash, V> Cache<K, V> {
    fn insert(&mut self, key: K, value: V) {
        self.entries.insert(key, value);
    }

    fn get(&mut self, key: &K) -> Option<&V> {
        let found = self.entries.get(key);
        if found.is_none() {
            self.misses += 1;
        }
        found
    }
}

fn main() {
    let emails = ["ada@example.com", "grace@example.com", "linus@example.com"];
    println!("{}", paginate(&emails, 1, 2).render()); // a Page<&str>
    let order_ids = [1001_u64, 1002, 1003, 1004, 1005];
    println!("{}", paginate(&order_ids, 3, 2).render()); // a Page<u64>
    println!("{:?}", paginate(&order_ids, 4, 2)); // derived Debug

    // Session token -> user id: here K = String and V = u32.
    let mut sessions = Cache {
        entries: HashMap::new(),
        misses: 0,
    };
    sessions.insert("tok-7f3a".to_string(), 42_u32);
    println!("tok-7f3a -> {:?}", sessions.get(&"tok-7f3a".to_string()));
    println!("tok-0000 -> {:?}", sessions.get(&"tok-0000".to_string()));
    println!("misses: {}", sessions.misses);
}
