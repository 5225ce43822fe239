//! A trait as the contract of a user store, two implementations of it,
//! and a generic function that works with either (static dispatch).
use std::collections::BTreeMap;

#[derive(Debug)]
struct User {
    id: u32,
    email: String,
}

trait Storage {
    fn save(&mut self, user: User);
    fn find(&self, id: u32) -> Option<&User>;

    /// A default method: every implementation gets it for free.
    fn exists(&self, id: u32) -> bool {
        self.find(id).is_some()
    }
}

#[derive(Default)]
struct MemoryStore {
    users: BTreeMap<u32, User>,
}

impl Storage for MemoryStore {
    fn save(&mut self, user: User) {
        self.users.insert(user.id, user);
    }
    fn find(&self, id: u32) -> Option<&User> {
        self.users.get(&id)
    }
}

/// A decorator: wraps any Storage and logs each call, like a middleware.
struct Logged<S>(S);

impl<S: Storage> Storage for Logged<S> {
    fn save(&mut self, user: User) {
        println!("  [log] save #{} {}", user.id, user.email);
        self.0.save(user);
    }
    fn find(&self, id: u32) -> Option<&User> {
        let found = self.0.find(id);
        println!("  [log] find #{id}: found={}", found.is_some());
        found
    }
}

/// Works with any backend; compiled once per concrete type it is called with.
fn register<S: Storage>(store: &mut S, id: u32, email: &str) -> Result<(), String> {
    if store.exists(id) {
        return Err(format!("user {id} already exists"));
    }
    store.save(User {
        id,
        email: email.to_string(),
    });
    Ok(())
}

fn main() {
    let mut plain = MemoryStore::default();
    println!("plain: {:?}", register(&mut plain, 1, "ada@example.com"));

    let mut logged = Logged(MemoryStore::default());
    println!("logged: {:?}", register(&mut logged, 1, "ada@example.com"));
    println!("again: {:?}", register(&mut logged, 1, "grace@example.com"));
    println!("logged: {:?}", logged.find(1));
}
