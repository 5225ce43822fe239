//! Option<T> instead of null: a lookup that may find nothing, an optional
//! field, and the usual ways to get at the value.

#[derive(Debug)]
struct User {
    id: u64,
    name: String,
    // Not every user gave a phone number: the type says so.
    phone: Option<String>,
}

// Like a repository's find_by_id: a user, or nothing.
fn find_user(users: &[User], id: u64) -> Option<&User> {
    // find (Chapter 13) returns Some(first user passing the test) or None.
    users.iter().find(|user| user.id == id)
}

fn main() {
    let users = vec![
        User {
            id: 1,
            name: String::from("alice"),
            phone: Some(String::from("+33 1 23 45 67 89")),
        },
        User {
            id: 2,
            name: String::from("bob"),
            phone: None,
        },
    ];

    for id in [1, 2, 3] {
        // match makes you handle both cases: there is no null to forget.
        match find_user(&users, id) {
            Some(user) => println!("GET /users/{id} -> 200 {}", user.name),
            None => println!("GET /users/{id} -> 404"),
        }
    }

    // if let: only the case you care about, no arm for the other.
    if let Some(user) = find_user(&users, 1) {
        println!("found {user:?}");
    }

    let bob = &users[1];
    // as_deref: from &Option<String> to Option<&str>, then a fallback.
    let phone = bob.phone.as_deref().unwrap_or("no phone");
    println!("{}: {phone}", bob.name);
    if bob.phone.is_none() {
        println!("ask {} for a phone number", bob.name);
    }
}
