//! Chapter 15: Deref. A wrapper that reads like what it wraps, and deref
//! coercion, which turns a &String into a &str or a &Box<T> into a &T.

use std::ops::Deref;
use std::rc::Rc;

#[derive(Debug)]
struct User {
    id: u64,
    name: String,
}

/// A user whose session was checked. Code that receives one knows the
/// check happened, and can still use it like the User inside.
struct Authenticated<T>(T);

impl<T> Deref for Authenticated<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Takes the most general type: any text that can be borrowed as a &str.
fn log(message: &str) {
    println!("[log] {message}");
}

fn greeting(user: &User) -> String {
    format!("hello, {} (id {})", user.name, user.id)
}

fn main() {
    let path = String::from("GET /users/42");
    let boxed: Box<String> = Box::new(String::from("GET /health"));
    let shared: Rc<String> = Rc::new(String::from("GET /metrics"));
    log("GET /");
    log(&path);
    log(&boxed);
    log(&shared);

    // `*` follows a pointer: on a Box, to the value it owns.
    let limit = Box::new(100_u32);
    println!("limit + 1 = {}", *limit + 1);

    let user = Authenticated(User {
        id: 42,
        name: "ada".to_string(),
    });
    // Field access and method calls go through deref on their own...
    println!("name: {}, {} bytes", user.name, user.name.len());
    // ...and &Authenticated<User> becomes the &User that greeting wants.
    println!("{}", greeting(&user));
    // `*user` is `*Deref::deref(&user)`: the User itself.
    println!("{:?}", *user);

    let boxed_user = Box::new(User {
        id: 7,
        name: "grace".to_string(),
    });
    println!("{}", greeting(&boxed_user));
}
