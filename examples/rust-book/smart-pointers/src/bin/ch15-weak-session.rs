//! Chapter 15: Weak<T> breaks the cycle. The user owns its sessions; a
//! session only points back at its user, and must ask whether it is there.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct User {
    name: &'static str,
    sessions: RefCell<Vec<Rc<Session>>>,
}

struct Session {
    token: &'static str,
    user: Weak<User>,
}

impl Drop for User {
    fn drop(&mut self) {
        println!("user {} freed", self.name);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        println!("session {} freed", self.token);
    }
}

fn sign_in(user: &Rc<User>, token: &'static str) -> Rc<Session> {
    let session = Rc::new(Session {
        token,
        user: Rc::downgrade(user),
    });
    user.sessions.borrow_mut().push(Rc::clone(&session));
    session
}

/// What a request with a session token does: find the user behind it.
fn authorize(session: &Session) -> String {
    match session.user.upgrade() {
        Some(user) => format!("200, signed in as {}", user.name),
        None => "401, the user no longer exists".to_string(),
    }
}

fn main() {
    let user = Rc::new(User {
        name: "ada",
        sessions: RefCell::new(Vec::new()),
    });
    // A request in flight keeps its own handle on the session.
    let in_flight = sign_in(&user, "7f3a");
    println!(
        "user: {} strong, {} weak",
        Rc::strong_count(&user),
        Rc::weak_count(&user)
    );
    println!("session: {} strong", Rc::strong_count(&in_flight));
    println!("request: {}", authorize(&in_flight));

    // The account is deleted: the last strong handle on the user goes.
    drop(user);
    println!("session: {} strong", Rc::strong_count(&in_flight));
    println!("request: {}", authorize(&in_flight));
    drop(in_flight);
    println!("end of main");
}
