//! Chapter 15: a reference cycle leaks. A user owns its sessions, each
//! session owns its user, and neither count can reach zero.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct User {
    name: &'static str,
    sessions: RefCell<Vec<Rc<Session>>>,
}

struct Session {
    token: &'static str,
    user: Rc<User>,
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
        user: Rc::clone(user),
    });
    user.sessions.borrow_mut().push(Rc::clone(&session));
    session
}

fn main() {
    let probe: Weak<User>;
    {
        let user = Rc::new(User {
            name: "ada",
            sessions: RefCell::new(Vec::new()),
        });
        let session = sign_in(&user, "7f3a");
        println!(
            "{} signed in with session {}",
            session.user.name, session.token
        );
        println!("user: {} strong", Rc::strong_count(&user));
        println!("session: {} strong", Rc::strong_count(&session));
        probe = Rc::downgrade(&user);
    } // `user` and `session` go out of scope here
    println!("scope ended");
    println!("user still allocated: {}", probe.upgrade().is_some());
    println!("user: {} strong", probe.strong_count());
}
