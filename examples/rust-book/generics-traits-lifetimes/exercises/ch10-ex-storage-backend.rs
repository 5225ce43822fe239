//! Exercise: a second storage backend behind the same trait.
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: u32,
    pub email: String,
}

#[derive(Debug, PartialEq)]
pub enum StoreError {
    /// A user with this id is already stored.
    Duplicate(u32),
}

pub trait Storage {
    /// Stores a new user; refuses an id that is already taken.
    fn insert(&mut self, user: User) -> Result<(), StoreError>;
    fn get(&self, id: u32) -> Option<&User>;
    fn count(&self) -> usize;

    /// A default method: written once, here, for every backend.
    fn contains(&self, id: u32) -> bool {
        self.get(id).is_some()
    }
}

/// The backend that already exists, as a model.
#[derive(Default)]
pub struct MemoryStore {
    users: BTreeMap<u32, User>,
}

impl Storage for MemoryStore {
    fn insert(&mut self, user: User) -> Result<(), StoreError> {
        if self.users.contains_key(&user.id) {
            return Err(StoreError::Duplicate(user.id));
        }
        self.users.insert(user.id, user);
        Ok(())
    }
    fn get(&self, id: u32) -> Option<&User> {
        self.users.get(&id)
    }
    fn count(&self) -> usize {
        self.users.len()
    }
}

/// The new backend: users in a Vec, in the order they were inserted.
#[derive(Default)]
pub struct VecStore {
    users: Vec<User>,
}

// Implement the three required methods for VecStore. `contains` is
// already provided by the trait's default method.
impl Storage for VecStore {
    fn insert(&mut self, user: User) -> Result<(), StoreError> {
        // Refuse an id that is already stored with Err(StoreError::Duplicate(id));
        // otherwise push the user and return Ok(()).
        todo!()
    }
    fn get(&self, id: u32) -> Option<&User> {
        // Find the user whose id matches, if any.
        todo!()
    }
    fn count(&self) -> usize {
        todo!()
    }
}

fn main() {
    let stores: Vec<(&str, Box<dyn Storage>)> = vec![
        ("memory", Box::new(MemoryStore::default())),
        ("vec", Box::new(VecStore::default())),
    ];
    for (name, mut store) in stores {
        let ada = User {
            id: 1,
            email: "ada@example.com".to_string(),
        };
        let first = store.insert(ada.clone());
        let again = store.insert(ada);
        println!("{name}: {first:?} then {again:?}, {} stored", store.count());
        println!(
            "{name}: contains 1? {}, get(2) = {:?}",
            store.contains(1),
            store.get(2)
        );
    }
}
