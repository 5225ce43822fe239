//! The users, kept in memory. A real service would hold a database pool
//! here; the rest of the crate would not notice the difference.

// ANCHOR: store
#[derive(Default)]
pub struct UserStore {
    names: Vec<String>,
}

impl UserStore {
    pub fn new() -> UserStore {
        UserStore { names: Vec::new() }
    }

    /// Stores a user and returns its id, counted from 1.
    pub fn add(&mut self, name: &str) -> usize {
        self.names.push(name.to_string());
        self.names.len()
    }

    // pub(crate): the handlers need these; code outside this library does not.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    pub(crate) fn find(&self, id: usize) -> Option<&String> {
        if id == 0 {
            return None;
        }
        self.names.get(id - 1)
    }
}
// ANCHOR_END: store
