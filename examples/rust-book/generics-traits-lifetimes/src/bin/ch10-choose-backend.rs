//! Choosing a storage backend at run time with Box<dyn Storage>, and
//! `impl Trait` in argument and return position.
use std::collections::BTreeMap;

trait Storage {
    fn save(&mut self, id: u32, email: String);
    fn find(&self, id: u32) -> Option<&str>;
}

struct MemoryStore(BTreeMap<u32, String>);

impl Storage for MemoryStore {
    fn save(&mut self, id: u32, email: String) {
        self.0.insert(id, email);
    }
    fn find(&self, id: u32) -> Option<&str> {
        self.0.get(&id).map(String::as_str)
    }
}

/// A second backend: a plain list, enough for a handful of test users.
struct VecStore(Vec<(u32, String)>);

impl Storage for VecStore {
    fn save(&mut self, id: u32, email: String) {
        self.0.push((id, email));
    }
    fn find(&self, id: u32) -> Option<&str> {
        let (_, email) = self.0.iter().find(|(key, _)| *key == id)?;
        Some(email)
    }
}

/// The backend comes from configuration: its type is known only at run time.
fn open(kind: &str) -> Result<Box<dyn Storage>, String> {
    match kind {
        "memory" => Ok(Box::new(MemoryStore(BTreeMap::new()))),
        "vec" => Ok(Box::new(VecStore(Vec::new()))),
        other => Err(format!("unknown backend {other:?} (try memory or vec)")),
    }
}

/// Returns "some iterator of (id, email)"; its real type has no short name.
fn seed_users() -> impl Iterator<Item = (u32, String)> {
    let names = ["ada", "grace", "linus"];
    (1..)
        .zip(names)
        .map(|(id, name)| (id, format!("{name}@example.com")))
}

/// Accepts any collection of ids: an array, a range, a Vec...
fn report(store: &dyn Storage, ids: impl IntoIterator<Item = u32>) {
    for id in ids {
        println!("  #{id}: {:?}", store.find(id));
    }
}

fn main() {
    let kind = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "memory".to_string());
    let mut store = open(&kind).unwrap_or_else(|message| {
        eprintln!("error: {message}");
        std::process::exit(2);
    });
    for (id, email) in seed_users() {
        store.save(id, email); // a call through the vtable
    }
    println!("backend: {kind}");
    report(&*store, [2, 4]);
    report(&*store, 1..=1);
}
