// ANCHOR: solution
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

impl Storage for VecStore {
    fn insert(&mut self, user: User) -> Result<(), StoreError> {
        if self.contains(user.id) {
            return Err(StoreError::Duplicate(user.id));
        }
        self.users.push(user);
        Ok(())
    }
    fn get(&self, id: u32) -> Option<&User> {
        self.users.iter().find(|user| user.id == id)
    }
    fn count(&self) -> usize {
        self.users.len()
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn user(id: u32) -> User {
        User {
            id,
            email: format!("user{id}@example.com"),
        }
    }

    #[test]
    fn an_inserted_user_can_be_read_back_by_id() {
        let mut store = VecStore::default();
        store
            .insert(user(7))
            .expect("the first insert of id 7 should succeed");
        assert_eq!(
            store.get(7),
            Some(&user(7)),
            "get(7) should return the user just inserted"
        );
        assert_eq!(store.get(8), None, "get(8) should be None: nobody has id 8");
    }

    #[test]
    fn a_second_user_with_the_same_id_is_refused_and_the_first_is_kept() {
        let mut store = VecStore::default();
        store.insert(user(1)).unwrap();
        let impostor = User {
            id: 1,
            email: "mallory@example.com".to_string(),
        };
        assert_eq!(
            store.insert(impostor),
            Err(StoreError::Duplicate(1)),
            "a taken id must give Err(Duplicate(id))"
        );
        assert_eq!(
            store.get(1),
            Some(&user(1)),
            "the refused insert must not replace the stored user"
        );
        assert_eq!(
            store.count(),
            1,
            "the refused user must not be stored as well"
        );
    }

    #[test]
    fn count_grows_by_one_per_new_user() {
        let mut store = VecStore::default();
        assert_eq!(store.count(), 0, "a new store should be empty");
        for id in 1..=3 {
            store.insert(user(id)).unwrap();
        }
        assert_eq!(store.count(), 3, "three different ids were inserted");
    }

    #[test]
    fn the_default_contains_method_works_without_being_written() {
        let mut store = VecStore::default();
        store.insert(user(5)).unwrap();
        assert!(
            store.contains(5),
            "contains(5) comes from the trait and uses your get"
        );
        assert!(!store.contains(6), "contains(6) should be false");
    }

    #[test]
    fn both_backends_give_the_same_answers_behind_box_dyn_storage() {
        let mut backends: Vec<Box<dyn Storage>> = vec![
            Box::new(MemoryStore::default()),
            Box::new(VecStore::default()),
        ];
        for store in backends.iter_mut() {
            store.insert(user(2)).unwrap();
            assert_eq!(store.insert(user(2)), Err(StoreError::Duplicate(2)));
            assert_eq!(
                store.get(2).map(|u| u.email.as_str()),
                Some("user2@example.com")
            );
            assert_eq!(store.count(), 1);
        }
    }
}
// ANCHOR_END: tests
