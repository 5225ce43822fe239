//! A user record as plain data: a struct, a function that builds it with
//! field init shorthand, a changed copy with struct update syntax, and the
//! derived Debug, Clone and PartialEq traits.

#[derive(Debug, Clone, PartialEq)]
struct User {
    id: u64,
    email: String,
    display_name: String,
    active: bool,
    login_count: u32,
}

// What a sign-up handler calls: it owns the strings from the request body
// and hands them over, so the User owns its data.
fn register(id: u64, email: String, display_name: String) -> User {
    User {
        id,
        email,
        display_name,
        active: true,
        login_count: 0,
    }
}

fn main() {
    let mut alice = register(1, String::from("alice@example.com"), String::from("Alice"));
    // Mutability belongs to the binding, not to single fields.
    alice.login_count += 1;

    // A changed copy: one field written, every other one taken from `alice`.
    // clone() first, because `..alice` alone would move her Strings away.
    let suspended = User {
        active: false,
        ..alice.clone()
    };

    println!("{alice:?}");
    println!("same record? {}", alice == suspended);
    println!("{suspended:#?}");
}
